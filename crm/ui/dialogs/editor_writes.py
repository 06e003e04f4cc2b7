"""`EditorWrites`: how a record editor writes, through `crm.ui.operations` (off the GUI
thread, failures told apart in one place).

Save sends the form (a new record's values, or the changed fields with the version read)
and closes the editor once written; a failure keeps it open with what the user typed:
`ValidationFailed` issues beside their fields, a possible duplicate confirmed then written
again with it allowed, a stale copy offered to reload or to overwrite, a record gone said
so, anything else said under "Cannot save". Move to trash closes it once done, with the
status bar's Undo. A mixin of `RecordEditor` (crm.ui.dialogs.editor), which owns the form.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, cast

from PySide6.QtCore import QCoreApplication

from crm.domain.errors import DuplicateWarning, ValidationFailed
from crm.ui import messages
from crm.ui.kinds import SERVICES
from crm.ui.tasks import Task, TaskRunner
from crm.ui.widgets.datefield import DateField, TimeField

if TYPE_CHECKING:
    from PySide6.QtCore import SignalInstance
    from PySide6.QtWidgets import QWidget

    from crm.ui.context import DeskContext
    from crm.ui.operations import Failed


class EditorWrites:
    """Save and Move to trash of an editor; the editor sets the attributes below up."""

    kind: str
    ctx: DeskContext
    record_id: int | None
    version: int | None
    loaded_values: dict[str, Any]
    widgets: dict[str, QWidget]
    trashed: tuple[int, str] | None
    _tasks: TaskRunner | None
    trash_task: Task | None
    save_task: Task | None
    save_failure: Failed | None  # why the last Save failed

    def _widget(self) -> QWidget:
        return cast("QWidget", self)  # the editor: a QDialog

    if TYPE_CHECKING:
        saved: SignalInstance
        deleted: SignalInstance

        def values(self) -> dict[str, Any]: ...
        def changes(self) -> dict[str, Any]: ...
        def flagged_fields(self) -> list[str]: ...
        def set_widget_value(self, name: str, value: Any, title: str = "") -> None: ...
        def load(self) -> None: ...
        def clear_errors(self) -> None: ...
        def show_issues(self, exc: ValidationFailed) -> None: ...
        def create_record(
            self, session: Any, values: dict[str, Any], allow_duplicate: bool
        ) -> Any: ...
        def update_record(
            self, session: Any, changes: dict[str, Any], allow_duplicate: bool
        ) -> Any: ...
        def _finish(self) -> None: ...

    @property
    def tasks(self) -> TaskRunner:
        """The runner of this editor's writes (made for the first one); it outlives the
        editor, which is deleted once closed."""
        if self._tasks is None:
            self._tasks = TaskRunner(self._widget().parent() or self._widget())
        return self._tasks

    def save(self) -> bool:
        """Save off the GUI thread (`crm.ui.operations`); True when the write started, or
        when there is nothing to save (the editor closes). The editor closes once the record
        is written; a failed write keeps it open with what the user typed (`save_failure`)."""
        self.tasks  # noqa: B018 - made while the editor is alive, for whoever waits on it
        flagged = self.flagged_fields()
        if flagged:
            for name in flagged:
                widget = self.widgets[name]
                assert isinstance(widget, DateField | TimeField)
                widget.check()
            self.widgets[flagged[0]].setFocus()
            return False
        if self.save_task is not None and self.save_task.running:
            return False  # the Save before is still on its way
        if self.record_id is not None and not self.changes():
            self._finish()
            return True
        self._write(allow_duplicate=False)
        return True

    def _write(self, allow_duplicate: bool) -> None:
        """One write of the form as it is now; a possible duplicate is confirmed, then written
        again with it allowed; a stale copy offers the conflict's choices."""
        from crm.ui import operations

        creating = self.record_id is None
        payload = self.values() if creating else self.changes()
        self.save_failure = None

        def write(session: Any, _actor: int) -> tuple[int, int]:
            # Runs on the task pool: the services only, never a widget.
            if creating:
                obj = self.create_record(session, dict(payload), allow_duplicate)
            else:
                obj = self.update_record(session, dict(payload), allow_duplicate)
            return obj.id, obj.version

        def done(result: tuple[int, int]) -> None:
            self.record_id, self.version = result
            self.loaded_values = self.values()
            self.clear_errors()
            self.saved.emit(self.kind, self.record_id)
            self._finish()

        def failed(failure: operations.Failed) -> bool:
            self.save_failure = failure
            error = failure.error
            if isinstance(error, ValidationFailed):
                self.show_issues(error)
            elif isinstance(error, DuplicateWarning):
                if self._confirm_duplicate(error):
                    self._write(allow_duplicate=True)
            elif failure.kind is operations.Failure.STALE:
                self._stale()
            elif failure.kind is operations.Failure.GONE:
                messages.error(
                    self._widget(),
                    QCoreApplication.translate("RecordEditor", "Record gone"),
                    QCoreApplication.translate(
                        "RecordEditor",
                        "Someone else deleted this record meanwhile; it is in the trash.",
                    ),
                )
            else:
                return False  # said under "Cannot save" by `operations`
            return True

        self.save_task = operations.write(
            self._widget(), self.ctx, self.tasks, write, kinds={self.kind},
            error_title=QCoreApplication.translate("RecordEditor", "Cannot save"),
            on_done=done, on_failed=failed, announce=lambda _result: self.saved_changes(),
        )  # fmt: skip

    def saved_changes(self) -> Any:
        """What a Save changed, for the pages and the status bar (`crm.ui.operations`)."""
        from crm.ui.operations import changes

        return changes({self.kind})

    def _confirm_duplicate(self, exc: DuplicateWarning) -> bool:
        names = "\n".join(f"• {label}" for _kind, _id, label in exc.duplicates)
        question = QCoreApplication.translate(
            "RecordEditor",
            "This record looks like one already in the desk:\n%1\n\nSave it anyway?",
        ).replace("%1", names)
        title = QCoreApplication.translate("RecordEditor", "Possible duplicate")
        ok = QCoreApplication.translate("RecordEditor", "Save anyway")
        return messages.confirm(self._widget(), title, question, ok_text=ok)

    def _stale(self) -> bool:
        choice = messages.choose(
            self._widget(),
            QCoreApplication.translate("RecordEditor", "Changed by someone else"),
            QCoreApplication.translate(
                "RecordEditor",
                "Someone else saved this record after you opened it. Reload it to see their version "
                "(your changes here are lost), or save your values over theirs.",
            ),
            [
                QCoreApplication.translate("RecordEditor", "Reload"),
                QCoreApplication.translate("RecordEditor", "Save mine over theirs"),
            ],
        )
        if choice == 0:
            self.load()
            return False
        if choice == 1:
            mine = self.values()
            self.load()
            for name, value in mine.items():
                self.set_widget_value(name, value)
            return self.save()
        return False

    def move_to_trash(self) -> None:
        """Move the record to the trash, off the GUI thread (`crm.ui.operations`); the editor
        closes once it is done, and the status bar offers its Undo."""
        if self.record_id is None:
            return
        from crm.ui import operations, undo

        kind, record_id, version = self.kind, self.record_id, self.version

        def trash(session: Any, actor: int) -> undo.Done:
            obj = SERVICES[kind].delete(session, actor, record_id, expected_version=version)
            return undo.Done(kind, record_id, obj.version, str(SERVICES[kind].label(obj)))

        def done(result: undo.Done) -> None:
            self.trashed = (result.version, result.label)
            self.deleted.emit(kind, record_id)
            self.loaded_values = self.values()
            self._finish()

        def failed(failure: operations.Failed) -> bool:
            if failure.kind is not operations.Failure.STALE:
                return False
            self._stale()
            return True

        self.trash_task = operations.write(
            self._widget(), self.ctx, self.tasks, trash, kinds={kind},
            error_title=QCoreApplication.translate("RecordEditor", "Cannot move to the trash"),
            on_done=done, on_failed=failed,
            announce=lambda result: operations.changes({kind}, undo=undo.trash_entry([result])),
        )  # fmt: skip
