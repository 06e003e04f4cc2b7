"""What the one-click action dialogs share: `ActionDialog` (a short form written by one
service call through `crm.ui.operations`, Ctrl+Enter to write it, the refused values said
beside their fields) and `NextStep` (the optional follow-up that comes next: title, due
date, assignee).

The dialogs themselves: `crm.ui.dialogs.log_dialog` (log a call, an email, a meeting or a
note), `crm.ui.dialogs.complete_dialog` (complete a follow-up), and "Introduce to…" in
`crm.ui.dialogs.introduce`.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from crm.domain import fields
from crm.domain.dates import follow_up_due
from crm.domain.errors import ValidationFailed
from crm.ui import operations
from crm.ui.context import DeskContext
from crm.ui.dialogs import form_fields
from crm.ui.dialogs.form_fields import FieldDef
from crm.ui.errors import issue_text
from crm.ui.i18n import tr
from crm.ui.tasks import Task, TaskRunner
from crm.ui.widgets.datefield import DateField, TimeField

ERROR_STYLE = "color: #c0392b;"


def field_def(entity: fields.Entity, name: str) -> FieldDef:
    """The form field of the catalogue's field `name` (label, kind)."""
    found = entity.field(name)
    return FieldDef(found.name, found.label, found.kind)


def field_label(entity: fields.Entity, name: str) -> str:
    return QCoreApplication.translate("Fields", entity.field(name).label)


def error_label(parent: QWidget, name: str) -> QLabel:
    label = QLabel(parent, objectName=f"error_{name}")
    label.setStyleSheet(ERROR_STYLE)
    label.setWordWrap(True)
    label.hide()
    return label


class NextStep(QWidget):
    """The follow-up that comes next: ticked or not, its title (which follows what the
    dialog suggests until the user types one), due date (3 working days from today) and
    assignee (the acting user). `values()` is None when it is not ticked."""

    def __init__(self, ctx: DeskContext, parent: QWidget, *, checked: bool) -> None:
        super().__init__(parent)
        self.setObjectName("nextStep")
        followup = fields.FOLLOWUP
        self.check = QCheckBox(self, objectName="nextStepCheck")
        self.check.setChecked(checked)
        self.title = QLineEdit(self, objectName="next_title")
        self.due = form_fields.make_widget(self, ctx, field_def(followup, "due_date"), True)
        self.due.setObjectName("next_due_date")
        self.assignee = form_fields.make_widget(self, ctx, field_def(followup, "assignee_id"))
        self.assignee.setObjectName("next_assignee_id")
        assert isinstance(self.due, DateField) and isinstance(self.assignee, QComboBox)
        self.due.set_value(follow_up_due(date.today()))
        self.assignee.setCurrentIndex(max(self.assignee.findData(ctx.user_id), 0))
        self.errors = {name: error_label(self, f"next_{name}") for name in ("title", "due_date")}
        self.labels = {name: QLabel(self) for name in ("title", "due_date", "assignee_id")}
        form = QFormLayout()
        form.setContentsMargins(24, 0, 0, 0)
        for name, widget in (("title", self.title), ("due_date", self.due),
                             ("assignee_id", self.assignee)):  # fmt: skip
            self.labels[name].setBuddy(widget)
            cell = QVBoxLayout()
            cell.setSpacing(2)
            cell.addWidget(widget)
            if name in self.errors:
                cell.addWidget(self.errors[name])
            form.addRow(self.labels[name], cell)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.check)
        layout.addLayout(form)
        self._suggested = ""
        self._typed = False
        self.title.textEdited.connect(self._edited)
        self.check.toggled.connect(self._enable)
        self._enable(checked)
        self.retranslate()

    def retranslate(self) -> None:
        self.check.setText(tr("Add a &next step (a follow-up)"))
        for name, label in self.labels.items():
            label.setText(field_label(fields.FOLLOWUP, name))

    def _enable(self, on: bool) -> None:
        for widget in (self.title, self.due, self.assignee):
            widget.setEnabled(on)
        if on and self.check.hasFocus():  # ticked by the user: the title is what comes next
            self.title.setFocus()
            self.title.selectAll()

    def _edited(self, text: str) -> None:
        self._typed = bool(text.strip())

    def suggest(self, title: str) -> None:
        """The title the dialog suggests (it follows what is typed above until the user
        writes one of their own)."""
        self._suggested = title
        if not self._typed:
            self.title.setText(title)

    def values(self) -> dict[str, Any] | None:
        if not self.check.isChecked():
            return None
        due = self.due
        assert isinstance(due, DateField)
        return {
            "title": self.title.text().strip(),
            "due_date": due.value() if not due.problem() else due.text(),
            "assignee_id": form_fields.widget_value(self.assignee),
        }

    def problem(self) -> bool:
        """A due date that does not read (flagged under it): nothing is written."""
        due = self.due
        assert isinstance(due, DateField)
        return self.check.isChecked() and bool(due.problem())


class ActionDialog(QDialog):
    """A short form written by one service call; see the module. Subclasses build the form
    in `self.form`, name the kinds they change (`kinds`) and return the call (`work`).

    Signals: `written(object result)` once the service call is back (the dialog closes).
    """

    written = Signal(object)

    kinds: frozenset[str] = frozenset()

    def __init__(self, ctx: DeskContext, tasks: TaskRunner | None, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.ctx = ctx
        self.tasks = tasks if tasks is not None else TaskRunner(parent or self)
        self.task: Task | None = None
        self.result_: Any = None
        self.errors: dict[str, QLabel] = {}
        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        self.heading = QLabel(self, objectName="actionHeading")
        self.heading.setWordWrap(True)
        font = self.heading.font()
        font.setBold(True)
        self.heading.setFont(font)
        self.message = error_label(self, "message")
        self.message.setObjectName("actionMessage")
        self.buttons = QDialogButtonBox(self)
        self.ok_button = self.buttons.addButton("", QDialogButtonBox.ButtonRole.AcceptRole)
        self.ok_button.setObjectName("actionSubmit")
        self.ok_button.setDefault(True)
        self.cancel_button = self.buttons.addButton("", QDialogButtonBox.ButtonRole.RejectRole)
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        # Ctrl+Enter writes from anywhere in the form (the notes box too, where Enter is a
        # new line).
        for keys in ("Ctrl+Return", "Ctrl+Enter"):
            QShortcut(QKeySequence(keys), self, activated=self.submit)
        self.layout_ = QVBoxLayout(self)
        self.layout_.addWidget(self.heading)
        self.layout_.addLayout(self.form)

    def finish_layout(self, *extra: QWidget) -> None:
        for widget in extra:
            self.layout_.addWidget(widget)
        self.layout_.addStretch(1)
        self.layout_.addWidget(self.message)
        self.layout_.addWidget(self.buttons)
        self.setMinimumWidth(520)

    def add_row(self, label: str, widget: QWidget, name: str) -> QLabel:
        """A labelled field with its error line beneath."""
        caption = QLabel(label, self)
        caption.setBuddy(widget)
        error = error_label(self, name)
        cell = QVBoxLayout()
        cell.setSpacing(2)
        cell.addWidget(widget)
        cell.addWidget(error)
        self.form.addRow(caption, cell)
        self.errors[name] = error
        return caption

    # --- writing -----------------------------------------------------------------------------

    def work(self) -> Callable[[Any, int], Any] | None:
        """The service call `fn(session, actor_id)`, or None when the form is not ready."""
        raise NotImplementedError

    def error_title(self) -> str:
        return tr("Cannot save")

    def submit(self) -> None:
        if self.task is not None and self.task.running:
            return
        self.clear_errors()
        fn = self.work()
        if fn is None:
            return
        self.ok_button.setEnabled(False)
        self.task = operations.write(
            self, self.ctx, self.tasks, fn, kinds=self.kinds, error_title=self.error_title(),
            on_done=self._written, on_failed=self._failed, announce=self.said,
        )  # fmt: skip

    def said(self, result: Any) -> operations.Changes | None:
        """What the status bar says of the write, with its Undo (None: the kinds alone)."""
        return None

    def _written(self, result: Any) -> None:
        self.result_ = result
        self.written.emit(result)
        self.accept()

    def _failed(self, failed: operations.Failed) -> bool:
        self.ok_button.setEnabled(True)
        if isinstance(failed.error, ValidationFailed):
            self.show_issues(failed.error)
            return True
        return False  # the message box says why

    def clear_errors(self) -> None:
        for label in [*self.errors.values(), self.message]:
            label.hide()

    def show_issues(self, exc: ValidationFailed) -> None:
        unplaced = []
        for issue in exc.issues:
            label = self.error_for(issue.field)
            if label is None:
                unplaced.append(issue_text(issue))
            else:
                label.setText(issue_text(issue))
                label.show()
        if unplaced:
            self.message.setText("\n".join(unplaced))
            self.message.show()

    def error_for(self, field: str) -> QLabel | None:
        return self.errors.get(field)

    def flag(self, name: str, text: str) -> None:
        label = self.errors.get(name, self.message)
        label.setText(text)
        label.show()


def local_moment(day: date, at: TimeField) -> Any:
    """The aware moment of a day and a time typed in local time (now's time when blank)."""
    from datetime import datetime

    clock = at.value() or datetime.now().time().replace(second=0, microsecond=0)
    return datetime.combine(day, clock).astimezone()
