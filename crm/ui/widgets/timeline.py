"""`TimelineView`: what happened to one record, newest first, with a filter by kind.

Built as `TimelineView(ctx, tasks, kind, record_id, parent)` for an organization, a contact,
an introduction or an event (`crm.services.timeline`). The entries are read off the GUI
thread (`tasks`), again when a write announced on `ctx.changes` touched a kind of record a
timeline shows (when the view is hidden, once it is shown again). Each entry shows its icon,
when it happened (local time), who did it and what it was; the entry's note is its tooltip.
Enter or a double-click on an entry opens its record.

Signals: `openRequested(str kind, int id)` for the record of an entry; `loaded()` when the
entries are on screen.
"""

from __future__ import annotations

from datetime import date
from typing import Any

import shiboken6
from PySide6.QtCore import QCoreApplication, QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from crm.domain.enums import EntityKind
from crm.domain.fields import CATALOGUE
from crm.services import timeline
from crm.ui import labels
from crm.ui.changes import KINDS, Changes
from crm.ui.context import DeskContext
from crm.ui.i18n import tr
from crm.ui.resources import icon
from crm.ui.tasks import TaskRunner

EntryRole = Qt.ItemDataRole.UserRole + 1


def kind_names() -> dict[str, str]:
    """The filter's choices: each kind of entry, named in the interface language."""
    return {
        "interaction": tr("Calls, emails, meetings and notes"),
        "stage": tr("Stage changes"),
        "followup": tr("Follow-ups"),
        "event": tr("Events"),
        "import": tr("Imports"),
        "export": tr("Partner exports"),
        "edit": tr("Edits"),
    }


def when_text(entry: timeline.Entry) -> str:
    """The entry's moment in local time (a day alone for an event's date)."""
    local = entry.at.astimezone()
    return f"{entry.at:%Y-%m-%d}" if entry.day_only else f"{local:%Y-%m-%d %H:%M}"


def field_names(record_kind: str, names: str) -> str:
    """The labels of the fields named (comma-separated), as the editor shows them."""
    try:
        entity = CATALOGUE[EntityKind(record_kind)]
    except (KeyError, ValueError):
        entity = None
    shown = []
    for name in filter(None, names.split(",")):
        try:
            label = entity.field(name).label if entity is not None else ""
        except KeyError:
            label = ""
        shown.append(QCoreApplication.translate("Fields", label) if label else name)
    return ", ".join(shown)


def kind_icon(kind: str, action: str = "") -> str:
    """The icon of an entry of this kind (an interaction's own kind: call, email...)."""
    if kind == "interaction":
        return action if action in ("call", "email", "meeting", "note") else "note"
    return kind if kind in timeline.ENTRY_KINDS and kind != "edit" else "edit"


def entry_text(entry: timeline.Entry, record_kind: str) -> str:
    """What happened, in one line, in the interface language."""
    p = entry.params
    if entry.kind == "interaction":
        kind = labels.enum_label("InteractionKind", entry.action)
        what = entry.title or entry.note.split("\n", 1)[0]
        text = labels.labelled(kind, what)
        if p.get("with") and record_kind != "contact":
            text += " — " + tr("with %1").replace("%1", p["with"])
        return text
    if entry.kind == "stage":
        to = labels.enum_label("IntroductionStage", p.get("to") or entry.action)
        if p.get("outcome"):
            to += f" ({labels.enum_label('IntroductionOutcome', p['outcome'])})"
        moved = (
            f"{labels.enum_label('IntroductionStage', p['from'])} → {to}" if p.get("from") else to
        )
        text = labels.labelled(tr("Stage"), moved)
        return text if record_kind == "introduction" else f"{text} — {entry.title}"
    if entry.kind == "followup":
        if entry.action == "completed":
            return tr("Follow-up done: %1").replace("%1", entry.title)
        text = tr("Follow-up created: %1 (due %2)").replace("%1", entry.title)
        return text.replace("%2", p.get("due", ""))
    if entry.kind == "event":
        role = f" ({p['role']})" if p.get("role") else ""
        if record_kind == "event":
            return tr("%1 registered").replace("%1", entry.title) + role
        who = f"{p['person']} — " if p.get("person") else ""
        upcoming = entry.day_only and entry.at.date() > date.today()
        text = tr("Will take part in %1") if upcoming else tr("Took part in %1")
        return who + text.replace("%1", entry.title) + role
    if entry.kind == "import":
        if p.get("entity") == "participants" and record_kind == "event":
            text = tr("Participants imported from %1")
        elif entry.action == "updated":
            text = tr("Updated by the import of %1")
        else:
            text = tr("Created by the import of %1")
        text = text.replace("%1", entry.title)
        if p.get("fields"):
            text = labels.labelled(text, field_names(record_kind, p["fields"]))
        return text + (" " + tr("(undone since)") if p.get("undone") else "")
    if entry.kind == "export":
        text = tr("Included in the partner file %1").replace("%1", entry.title)
        if p.get("recipient"):
            text += " — " + tr("for %1").replace("%1", p["recipient"])
        return text
    return edit_text(entry, record_kind)


def edit_text(entry: timeline.Entry, record_kind: str) -> str:
    fields = entry.params.get("fields", "")
    if entry.action == "create":
        return tr("Created")
    if entry.action == "update":
        return labels.labelled(tr("Changed"), field_names(record_kind, fields))
    return {
        "delete": tr("Moved to the trash"),
        "restore": tr("Restored from the trash"),
    }.get(entry.action, entry.action)


class TimelineView(QWidget):
    openRequested = Signal(str, int)
    loaded = Signal()

    # The record kinds whose writes may change a timeline.
    shows = KINDS

    def __init__(
        self,
        ctx: DeskContext,
        tasks: TaskRunner | None,
        kind: str,
        record_id: int,
        parent: QWidget | None = None,
        *,
        limit: int = timeline.DEFAULT_LIMIT,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("timelineView")
        self.ctx = ctx
        self.tasks = tasks if tasks is not None else TaskRunner(self)
        self.kind = kind
        self.record_id = record_id
        self.limit = limit
        self.stale = True
        self.loading = False
        self._generation = 0
        self._entries: list[timeline.Entry] = []

        self.filter_label = QLabel(self)
        self.filter = QComboBox(self, objectName="timelineFilter")
        self.filter.addItem("", None)
        for name in timeline.ENTRY_KINDS:
            self.filter.addItem(icon(kind_icon(name, "call")), "", name)
        self.filter_label.setBuddy(self.filter)
        self.filter.currentIndexChanged.connect(lambda _i: self.reload())
        self.list = QListWidget(self, objectName="timelineList")
        self.list.setWordWrap(True)
        self.list.setAlternatingRowColors(True)
        self.list.setUniformItemSizes(False)
        self.list.itemActivated.connect(self._activated)
        self.empty = QLabel(self, objectName="timelineEmpty")
        self.empty.setWordWrap(True)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.hide()
        bar = QHBoxLayout()
        bar.addWidget(self.filter_label)
        bar.addWidget(self.filter, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(bar)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.empty)
        ctx.changes.changed.connect(self._changed)
        self.retranslate()
        self.reload()

    # --- what it shows -----------------------------------------------------------------------

    def set_record(self, kind: str, record_id: int) -> None:
        self.kind, self.record_id = kind, record_id
        self.reload()

    def chosen_kinds(self) -> list[str] | None:
        chosen = self.filter.currentData()
        return None if chosen is None else [chosen]

    def set_filter(self, kind: str | None) -> None:
        self.filter.setCurrentIndex(max(self.filter.findData(kind), 0))

    def entries(self) -> list[timeline.Entry]:
        return list(self._entries)

    def texts(self) -> list[str]:
        return [self.list.item(row).text() for row in range(self.list.count())]

    def is_loaded(self) -> bool:
        return not self.stale and not self.loading

    # --- reading -----------------------------------------------------------------------------

    def reload(self) -> None:
        self._generation += 1
        generation = self._generation
        self.stale = False
        self.loading = True
        db, kind, record_id, kinds, limit = (
            self.ctx.db, self.kind, self.record_id, self.chosen_kinds(), self.limit
        )  # fmt: skip

        def read() -> list[timeline.Entry]:
            with db.read() as session:
                return timeline.timeline(session, kind, record_id, kinds=kinds, limit=limit)

        def current() -> bool:
            # Not a newer read's, and the view still there: an editor closing (its record
            # just moved to the trash) deletes its timeline while the read runs.
            return generation == self._generation and shiboken6.isValid(self)

        def done(entries: list[timeline.Entry]) -> None:
            if current():
                self.loading = False
                self._show(entries)

        def failed(exc: BaseException) -> None:
            if not current():
                return
            from crm.ui.errors import error_text

            self.loading = False
            self._show([])
            self.empty.setText(error_text(exc))

        self.tasks.run(read, done, failed)

    def _show(self, entries: list[timeline.Entry]) -> None:
        self._entries = entries
        self._render()
        self.loaded.emit()

    def _render(self) -> None:
        entries = self._entries
        self.list.clear()
        for row, entry in enumerate(entries):
            who = f" · {entry.who}" if entry.who else ""
            text = f"{entry_text(entry, self.kind)}\n{when_text(entry)}{who}"
            item = QListWidgetItem(icon(kind_icon(entry.kind, entry.action)), text)
            item.setData(EntryRole, row)  # a plain int: Qt keeps no Python object
            if entry.note:
                item.setToolTip(entry.note)
            self.list.addItem(item)
        self.empty.setVisible(not entries)
        self.empty.setText(self._empty_text())

    def _empty_text(self) -> str:
        if self.filter.currentData() is None:
            return tr("Nothing has happened here yet: log a call, an email, a meeting or a note.")
        return tr("Nothing of this kind yet.")

    def _changed(self, changes: Changes) -> None:
        if not changes.touches(self.shows):
            return
        if self.isVisible():
            self.reload()
        else:
            self.stale = True

    def showEvent(self, event: Any) -> None:
        super().showEvent(event)
        if self.stale and not self.loading:
            self.reload()

    def _activated(self, item: QListWidgetItem) -> None:
        row = item.data(EntryRole)
        entry = self._entries[row] if isinstance(row, int) and row < len(self._entries) else None
        if entry is not None and entry.record_id is not None:
            self.openRequested.emit(entry.record_kind, entry.record_id)

    # --- language ----------------------------------------------------------------------------

    def retranslate(self) -> None:
        self.filter_label.setText(tr("&Show:"))
        self.filter.setItemText(0, tr("Everything"))
        names = kind_names()
        for row in range(1, self.filter.count()):
            self.filter.setItemText(row, names[self.filter.itemData(row)])
        if self.is_loaded():
            self._render()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
