"""The last action, said in the status bar, with its Undo (Ctrl+Z).

Pages that trash, restore, purge, complete, snooze, move, merge or edit many records announce an `UndoEntry`
with their change (`crm.ui.operations.Changes.undo`); the main window gives it to its `UndoBar`, which shows what
happened ("Moved “Éric Côté” to the trash") with an Undo button, and enables the Edit >
Undo action, for as long as it is the last action: the next one replaces it, and any other
change (an editor saved, an import) makes the bar forget it.

An entry's `undo(session, actor_id)` takes the action back through services (restore from
the trash, reopen, give back the due date, move back), every record at the version the
action left, as a write of `crm.ui.operations` (off the GUI thread; `kinds`: what it
changes): if one changed since, the services refuse (`StaleRecord`) and nothing is undone,
which the bar says. An entry without `undo` (a purge) says it cannot be undone.

The `*_entry` functions build the entries the pages need, with their texts in the user's
language (re-read when the language changes).

Signals of `UndoBar`: `undone()` after an undo changed records.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QDate, QEvent, QLocale, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QHBoxLayout, QLabel, QToolButton, QWidget

from crm.ui import labels, messages, operations
from crm.ui.context import DeskContext
from crm.ui.i18n import tr
from crm.ui.tasks import TaskRunner

if TYPE_CHECKING:
    from crm.services import bulk_edit, merge, stages

# The services an undo calls are imported when it runs: the bar is built with the window,
# before its first page, which needs none of them.


@dataclass(frozen=True)
class UndoEntry:
    """What happened (`describe()`, in the current language) and how to take it back
    (`undo(session, actor_id)`, None when it cannot be)."""

    describe: Callable[[], str]
    undo: Callable[[Any, int], None] | None = None
    kinds: frozenset[str] = operations.KINDS


@dataclass(frozen=True)
class Done:
    """One record an action changed: its kind, id, the version the action left, its name."""

    kind: str
    record_id: int
    version: int
    label: str


def short(label: str, limit: int = 48) -> str:
    """A record's name short enough for the status bar."""
    return label if len(label) <= limit else label[: limit - 1].rstrip() + "…"


def _named(
    done: Sequence[Done], one: Callable[[], str], many: Callable[[int], str]
) -> Callable[[], str]:
    """`one()` with %1 = the record's name when there is one record, else `many(count)`."""
    if len(done) == 1:
        return lambda: one().replace("%1", short(done[0].label))
    return lambda: many(len(done))


def trash_entry(done: Sequence[Done]) -> UndoEntry:
    from crm.ui.kinds import SERVICES

    def undo(session: Any, actor_id: int | None) -> None:
        for d in done:
            SERVICES[d.kind].restore(session, actor_id, d.record_id, expected_version=d.version)

    describe = _named(
        done,
        lambda: tr("Moved “%1” to the trash"),
        lambda n: tr("Moved %n record(s) to the trash", None, n),
    )
    return UndoEntry(describe, undo, frozenset(d.kind for d in done))


def restore_entry(done: Sequence[Done]) -> UndoEntry:
    from crm.ui.kinds import SERVICES

    def undo(session: Any, actor_id: int | None) -> None:
        for d in done:
            SERVICES[d.kind].delete(session, actor_id, d.record_id, expected_version=d.version)

    describe = _named(
        done,
        lambda: tr("Restored “%1” from the trash"),
        lambda n: tr("Restored %n record(s) from the trash", None, n),
    )
    return UndoEntry(describe, undo, frozenset(d.kind for d in done))


def purge_entry(count: int) -> UndoEntry:
    return UndoEntry(
        lambda: tr("Deleted %n record(s) permanently: this cannot be undone.", None, count)
    )


def complete_entry(done: Sequence[Done], before: Sequence[str]) -> UndoEntry:
    """Follow-ups completed; `before`: each one's status before (open, cancelled)."""

    def undo(session: Any, actor_id: int | None) -> None:
        from crm.services import followups

        for d, status in zip(done, before, strict=True):
            followups.undo_complete(
                session, actor_id, d.record_id, status, expected_version=d.version
            )

    return UndoEntry(
        _named(
            done, lambda: tr("Completed “%1”"), lambda n: tr("Completed %n follow-up(s)", None, n)
        ),
        undo,
        frozenset({"followup"}),
    )


def snooze_entry(done: Sequence[Done], before: Sequence[date], until: date) -> UndoEntry:
    """Follow-ups snoozed to `until`; `before`: each one's due date before."""

    def undo(session: Any, actor_id: int | None) -> None:
        from crm.services import followups

        for d, due in zip(done, before, strict=True):
            followups.undo_snooze(session, actor_id, d.record_id, due, expected_version=d.version)

    day = QLocale().toString(QDate(until), QLocale.FormatType.ShortFormat)
    named = _named(
        done,
        lambda: tr("Snoozed “%1” to %2"),
        lambda n: tr("Snoozed %n follow-up(s) to %2", None, n),
    )
    return UndoEntry(lambda: named().replace("%2", day), undo, frozenset({"followup"}))


def move_entry(moved: stages.Moved) -> UndoEntry:
    def undo(session: Any, actor_id: int | None) -> None:
        from crm.services import stages

        stages.undo_move(
            session, actor_id, moved.record_id, moved.before,
            expected_version=moved.version, followups_made=moved.followups_made,
        )  # fmt: skip

    def describe() -> str:
        stage = labels.enum_label("IntroductionStage", moved.to_stage)
        return tr("Moved “%1” to %2").replace("%1", short(moved.label)).replace("%2", stage)

    return UndoEntry(describe, undo, frozenset({"introduction", "followup"}))


def merge_entry(merged: merge.Merged) -> UndoEntry:
    """Two records merged: the undo restores the other one, which takes the merge back."""

    def undo(session: Any, actor_id: int | None) -> None:
        from crm.services import merge

        merge.undo(session, actor_id, merged)

    def describe() -> str:
        return (
            tr("Merged “%1” into “%2”")
            .replace("%1", short(merged.other_label))
            .replace("%2", short(merged.label))
        )

    return UndoEntry(describe, undo, operations.KINDS)


def bulk_edit_entry(edited: bulk_edit.Edited) -> UndoEntry:
    """One change made to many records, undone as one action."""

    def undo(session: Any, actor_id: int | None) -> None:
        from crm.services import bulk_edit

        bulk_edit.undo(session, actor_id, edited)

    describe = _named(
        [Done(edited.kind, 0, 0, edited.label)] * edited.count,
        lambda: tr("Changed “%1”"),
        lambda n: tr("Changed %n record(s) at once", None, n),
    )
    return UndoEntry(describe, undo, frozenset({edited.kind}))


class UndoBar(QWidget):
    """The status bar's last action and its Undo button; `action` is Edit > Undo (Ctrl+Z)."""

    undone = Signal()

    def __init__(self, ctx: DeskContext, tasks: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("undoBar")
        self.ctx = ctx
        self.tasks = tasks
        self.entry: UndoEntry | None = None
        self._said: Callable[[], str] | None = None
        self.text = QLabel(self, objectName="statusLastAction")
        self.button = QToolButton(self, objectName="statusUndo")
        self.button.setAutoRaise(True)
        self.button.setStyleSheet("font-weight: bold; color: palette(link);")
        self.button.clicked.connect(self.undo)
        self.action = QAction(self, objectName="action_undo")
        self.action.setShortcut(QKeySequence.StandardKey.Undo)
        self.action.triggered.connect(self.undo)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 8, 0)
        layout.addWidget(self.text)
        layout.addWidget(self.button)
        self.retranslate()
        self._show()

    def retranslate(self) -> None:
        self.button.setText(tr("Undo"))
        self.button.setToolTip(
            tr("Take back the last action (%1)").replace(
                "%1", self.action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
            )
        )
        self.action.setText(tr("&Undo"))
        self._show()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def push(self, entry: UndoEntry) -> None:
        """`entry` is now the last action (the one before can no longer be undone here)."""
        self.entry = entry if entry.undo is not None else None
        self._said = entry.describe
        self._show()

    def forget(self) -> None:
        """Another action happened: the last one said here is no longer the last."""
        self.entry = None
        self._said = None
        self._show()

    def can_undo(self) -> bool:
        return self.entry is not None

    def message(self) -> str:
        return self.text.text()

    def undo(self) -> bool:
        """Take the last action back, off the GUI thread; True when started. Refused (a record
        changed since), nothing changes, and the bar and a message say why."""
        entry = self.entry
        if entry is None or entry.undo is None:
            return False
        undo = entry.undo
        said = entry.describe
        self.entry = None
        self._show()

        def done(_result: object) -> None:
            self._said = lambda: tr("Undone: %1").replace("%1", said())
            self._show()
            self.undone.emit()

        def refused(failed: operations.Failed) -> bool:
            self._show()
            if failed.kind not in (operations.Failure.STALE, operations.Failure.GONE):
                return False
            self._said = lambda: tr("Not undone: a record changed since (%1).").replace(
                "%1", said()
            )
            self._show()
            messages.error(
                self.window(),
                tr("Cannot undo"),
                tr("“%1” cannot be undone: the record was changed since, by you or someone else. Nothing was undone.").replace("%1", said()),
            )  # fmt: skip
            return True

        operations.write(
            self.window(), self.ctx, self.tasks, undo, kinds=entry.kinds,
            error_title=tr("Cannot undo"), on_done=done, on_failed=refused,
            announce=lambda _result: operations.Changes(entry.kinds, undone=True),
        )  # fmt: skip
        return True

    def _show(self) -> None:
        self.text.setText(self._said() if self._said else "")
        self.button.setVisible(self.entry is not None)
        self.action.setEnabled(self.entry is not None)
        self.setVisible(bool(self._said))
