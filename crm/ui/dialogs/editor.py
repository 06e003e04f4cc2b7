"""`RecordEditor`: the form dialog that creates or edits one record through its service.

A subclass lists its fields (`FieldDef`); the editor builds a labelled form, loads the
record, and writes it off the GUI thread through `crm.ui.operations` (`EditorWrites`,
crm.ui.dialogs.editor_writes): only the changed fields with the version it read (optimistic
locking), each `ValidationFailed` issue beside its field, a possible duplicate confirmed, a
stale copy offered to reload or overwrite; it closes once written. It guards unsaved
changes when the dialog is closed, and moves the record to the trash on Delete.

`embedded=True` makes the same form the editable part of a record page
(`crm.ui.pages.record_page`): a child widget instead of a window, without its buttons, side
panel or geometry (the page has them); a Save leaves it open on the record as written, and
Esc (`reject`) only emits `rejected`, for the page to revert or go back.

A new record starts from what its service says (`start_values`: consent unknown, the acting
user as owner or assignee, priority normal...), never from a list's first item. Fields in
`inferred_fields` (a territory, a language) follow what the other fields tell (`infer` of
the service) while the user has not chosen them, with an "(inferred)" hint beside them
(`InferredFields`, crm.ui.dialogs.inferred). The widget of each field kind, and reading and
showing its value: crm.ui.dialogs.form_fields.

Signals: `saved(str kind, int id)`, `deleted(str kind, int id)`, `openRequested(str kind,
int id)` when the user opens a related record from the side panel, `followUpRequested(str
kind, int id)` for a new follow-up linked to this record.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, Qt, Signal
from PySide6.QtGui import QCloseEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from crm.domain.errors import (
    NotFound,
    ValidationFailed,
)
from crm.ui import labels, messages, settings
from crm.ui.context import DeskContext
from crm.ui.dialogs import form_fields
from crm.ui.dialogs.editor_writes import EditorWrites
from crm.ui.dialogs.form_fields import FieldDef
from crm.ui.dialogs.inferred import InferredFields
from crm.ui.errors import error_text, issue_text
from crm.ui.kinds import SERVICES
from crm.ui.tasks import Task, TaskRunner
from crm.ui.widgets.changed_elsewhere import ChangedElsewhere
from crm.ui.widgets.datefield import DateField, TimeField


class RecordEditor(EditorWrites, InferredFields, QDialog):
    saved = Signal(str, int)
    deleted = Signal(str, int)
    openRequested = Signal(str, int)
    followUpRequested = Signal(str, int)

    kind: str
    field_defs: tuple[FieldDef, ...]
    required_dates: tuple[str, ...] = ()  # date fields that cannot be left empty
    # `inferred_fields` and `inferred_from`: see `InferredFields` (crm.ui.dialogs.inferred).
    # Consent field -> the date of the person's answer: answering fills a blank date with today.
    answer_dates: dict[str, str] = {}
    # Whether a saved record of this kind offers "New follow-up…" (linked to it).
    offers_followup = False

    def __init__(self, ctx: DeskContext, record_id: int | None = None, parent: QWidget | None = None,
                 initial: dict[str, Any] | None = None, *, embedded: bool = False) -> None:  # fmt: skip
        super().__init__(parent)
        self.setObjectName(f"{self.kind}Editor")
        self.embedded = embedded
        if embedded:
            self.setWindowFlags(Qt.WindowType.Widget)
        else:
            self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.ctx = ctx
        self.record_id = record_id
        self.version: int | None = None
        self.loaded_values: dict[str, Any] = {}
        self.widgets: dict[str, QWidget] = {}
        self.errors: dict[str, QLabel] = {}
        self.form_labels: dict[str, QLabel] = {}
        self.hints: dict[str, QLabel] = {}
        # The inferred fields still following the inference (not chosen by the user).
        self.following: set[str] = set()
        self._told: dict[str, bool] = {}  # following field -> whether something tells it
        self._inferring = False
        self._closing = False
        self.moved: Any = None  # an introduction's stage move (IntroductionEditor)
        self.trashed: tuple[int, str] | None = None  # (version, name) once moved to the trash
        self._tasks: TaskRunner | None = None  # made for the first write off the GUI thread
        self.trash_task: Task | None = None
        self.save_task: Task | None = None
        self.save_failure: Any = None  # why the last Save failed (an `operations.Failed`)

        form_widget = QWidget(self)
        form = QFormLayout(form_widget)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        for fdef in self.field_defs:
            widget = self._make_widget(fdef)
            widget.setObjectName(f"field_{fdef.name}")
            error = QLabel(self, objectName=f"error_{fdef.name}")
            error.setStyleSheet("color: #c0392b;")
            error.setWordWrap(True)
            error.hide()
            cell = QWidget(self)
            box = QVBoxLayout(cell)
            box.setContentsMargins(0, 0, 0, 0)
            box.setSpacing(2)
            if fdef.name in self.inferred_fields:
                box.addLayout(self._with_hint(fdef.name, widget))
            else:
                box.addWidget(widget)
            box.addWidget(error)
            label = QLabel(self)
            label.setBuddy(widget)
            if isinstance(widget, QPlainTextEdit):  # level with the box's first line, not above it
                inset = widget.frameWidth() + round(widget.document().documentMargin())
                label.setContentsMargins(0, inset, 0, 0)
            form.addRow(label, cell)
            self.widgets[fdef.name] = widget
            self.errors[fdef.name] = error
            self.form_labels[fdef.name] = label
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        # A form shorter than the dialog keeps its rows' heights: the spare height goes below
        # the last field, never between a label and its box.
        page = QWidget(self)
        column = QVBoxLayout(page)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(form_widget)
        column.addStretch(1)
        scroll.setWidget(page)

        self.message = QLabel(self, objectName="editorMessage")
        self.message.setStyleSheet("color: #c0392b;")
        self.message.setWordWrap(True)
        self.message.hide()
        self.buttons = QDialogButtonBox(self)
        self.save_button = self.buttons.addButton("", QDialogButtonBox.ButtonRole.AcceptRole)
        self.save_button.setObjectName("editorSave")
        self.save_button.setDefault(True)
        self.cancel_button = self.buttons.addButton("", QDialogButtonBox.ButtonRole.RejectRole)
        self.delete_button: QPushButton = self.buttons.addButton(
            "", QDialogButtonBox.ButtonRole.DestructiveRole
        )
        self.delete_button.setObjectName("editorDelete")
        self.delete_button.setVisible(record_id is not None)
        self.followup_button = self.buttons.addButton("", QDialogButtonBox.ButtonRole.ActionRole)
        self.followup_button.setObjectName("editorNewFollowUp")
        self.followup_button.setVisible(self.offers_followup and record_id is not None)
        self.followup_button.clicked.connect(self._ask_followup)
        self.save_button.clicked.connect(self.save)
        self.cancel_button.clicked.connect(self.reject)
        self.delete_button.clicked.connect(self.move_to_trash)
        layout = QVBoxLayout(self)
        self.changed_elsewhere = ChangedElsewhere(ctx, self.kind, self)
        layout.addWidget(self.changed_elsewhere)
        self.side = None if embedded else self.side_panel()
        if embedded:  # the record page has the buttons and Ctrl+S
            layout.setContentsMargins(0, 0, 0, 0)
            self.buttons.hide()
            layout.addWidget(scroll)
        elif self.side is None:
            layout.addWidget(scroll)
            self.resize(560, 620)
        else:
            splitter = QSplitter(self, objectName="editorSplitter")
            splitter.addWidget(scroll)
            splitter.addWidget(self.side)
            splitter.setChildrenCollapsible(False)
            splitter.setSizes([480, 600])
            layout.addWidget(splitter)
            self.resize(1080, 660)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        if not embedded:
            QShortcut(QKeySequence.StandardKey.Save, self, activated=self.save)
            settings.restore_geometry(self, f"dialogs/{self.kind}")

        if record_id is not None:
            self.load()
        else:
            self.start()
            self.loaded_values = self.values()
            if initial:
                for name, value in initial.items():
                    self.set_widget_value(name, value)
                self.refresh_inferred()
        self._watch_inputs()
        self._watch_answers()
        self.retranslate()
        # Long labels (French ones) must not squeeze the fields beside them out of sight.
        scroll.setMinimumWidth(min(form_widget.sizeHint().width() + 24, 620))

    # --- labels ------------------------------------------------------------------------------

    def window_title(self) -> str:
        raise NotImplementedError

    def side_panel(self) -> QWidget | None:
        """A panel shown beside the form (the related records), or None."""
        return None

    def focus_first_field(self) -> None:
        """Put the cursor in the first field (the record was opened to be edited)."""
        first = self.widgets.get(self.field_defs[0].name) if self.field_defs else None
        if first is not None:
            first.setFocus(Qt.FocusReason.OtherFocusReason)
            if isinstance(first, QLineEdit):
                first.selectAll()

    def retranslate(self) -> None:
        self.setWindowTitle(self.window_title())
        for fdef in self.field_defs:
            self.form_labels[fdef.name].setText(QCoreApplication.translate("Fields", fdef.label))
            if fdef.kind.startswith("enum:"):
                combo = self.widgets[fdef.name]
                assert isinstance(combo, QComboBox)
                for i in range(combo.count()):
                    if combo.itemData(i) is not None:
                        combo.setItemText(i, labels.enum_label(fdef.kind[5:], combo.itemData(i)))
        self.followup_button.setText(QCoreApplication.translate("RecordEditor", "New follow-up…"))
        self._show_hints()
        self.save_button.setText(QCoreApplication.translate("RecordEditor", "Save"))
        self.cancel_button.setText(QCoreApplication.translate("RecordEditor", "Cancel"))
        self.delete_button.setText(QCoreApplication.translate("RecordEditor", "Move to trash"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # --- widgets -----------------------------------------------------------------------------

    def _make_widget(self, fdef: FieldDef) -> QWidget:
        return form_fields.make_widget(self, self.ctx, fdef, fdef.name in self.required_dates)

    def widget_value(self, name: str) -> Any:
        return form_fields.widget_value(self.widgets[name])

    def set_widget_value(self, name: str, value: Any, title: str = "") -> None:
        form_fields.set_widget_value(self.widgets[name], value, title, self.reference_title)

    def reference_title(self, kind: str, record_id: int | None) -> str:
        if record_id is None:
            return ""
        with self.ctx.db.read() as session:
            try:
                obj = SERVICES[kind].get(session, record_id, include_deleted=True)
            except NotFound:
                return ""
            return str(SERVICES[kind].label(obj))

    def values(self) -> dict[str, Any]:
        return {fdef.name: self.widget_value(fdef.name) for fdef in self.field_defs}

    def changes(self) -> dict[str, Any]:
        current = self.values()
        return {k: v for k, v in current.items() if v != self.loaded_values.get(k)}

    def is_dirty(self) -> bool:
        return bool(self.changes()) or bool(self.flagged_fields())

    def flagged_fields(self) -> list[str]:
        """The date and time fields whose text does not read (flagged under them)."""
        return [
            name for name, widget in self.widgets.items()
            if isinstance(widget, DateField | TimeField) and widget.problem()
        ]  # fmt: skip

    # --- what a new record starts from, and what is inferred ---------------------------------

    def start(self) -> None:
        """A new record's fields as its service starts them (never a list's first item)."""
        starts = SERVICES[self.kind].start_values(self.ctx.user_id)
        for name, value in starts.items():
            if name in self.widgets:
                self.set_widget_value(name, value)
        self.following = set(self.inferred_fields)
        self.refresh_inferred()

    def _watch_answers(self) -> None:
        for consent, day in self.answer_dates.items():
            combo = self.widgets[consent]
            if isinstance(combo, QComboBox):
                combo.activated.connect(lambda _i, c=consent, d=day: self._answered(c, d))

    def _answered(self, consent: str, day: str) -> None:
        """The user records a person's answer: it is dated today unless they say otherwise."""
        if self.widget_value(consent) != "unknown" and self.widget_value(day) is None:
            self.set_widget_value(day, date.today())

    def _ask_followup(self) -> None:
        if self.record_id is not None:
            self.followUpRequested.emit(self.kind, self.record_id)

    # --- load and save -----------------------------------------------------------------------

    def read_record(self, session: Any) -> tuple[dict[str, Any], int]:
        """The record's form values and version (subclasses add tags and such)."""
        obj = SERVICES[self.kind].get(session, self.record_id)
        columns = obj.__table__.columns
        return {
            f.name: getattr(obj, f.name) if f.name in columns else None for f in self.field_defs
        }, obj.version

    def load(self) -> None:
        with self.ctx.db.read() as session:
            values, self.version = self.read_record(session)
        for name, value in values.items():
            self.set_widget_value(name, value)
        self._follow_if_inferred()
        self.loaded_values = self.values()
        self.clear_errors()

    def clear_errors(self) -> None:
        for label in self.errors.values():
            label.hide()
        self.message.hide()

    def show_issues(self, exc: ValidationFailed) -> None:
        self.clear_errors()
        unplaced = []
        first: QWidget | None = None
        for issue in exc.issues:
            label = self.errors.get(issue.field)
            if label is None:
                unplaced.append(issue_text(issue))
                continue
            label.setText(issue_text(issue))
            label.show()
            first = first or self.widgets[issue.field]
        if unplaced or not exc.issues:
            self.message.setText("\n".join(unplaced) or error_text(exc))
            self.message.show()
        if first is not None:
            first.setFocus()

    def create_record(self, session: Any, values: dict[str, Any], allow_duplicate: bool) -> Any:
        return SERVICES[self.kind].create(
            session, self.ctx.user_id, values, allow_duplicate=allow_duplicate
        )

    def update_record(self, session: Any, changes: dict[str, Any], allow_duplicate: bool) -> Any:
        return SERVICES[self.kind].update(
            session, self.ctx.user_id, self.record_id, changes,
            expected_version=self.version, allow_duplicate=allow_duplicate,
        )  # fmt: skip

    def _finish(self) -> None:
        if self.embedded:  # a record page stays, on the record as now stored
            if self.trashed is None:
                self.load()
            return
        self._closing = True
        self.accept()

    # --- unsaved changes ---------------------------------------------------------------------

    def reject(self) -> None:
        if self.embedded:  # Esc on a record page: the page reverts or goes back
            self.rejected.emit()
            return
        if not self._closing and self.is_dirty():
            choice = messages.choose(
                self,
                QCoreApplication.translate("RecordEditor", "Unsaved changes"),
                QCoreApplication.translate("RecordEditor", "Save your changes to this record?"),
                [
                    QCoreApplication.translate("RecordEditor", "Save"),
                    QCoreApplication.translate("RecordEditor", "Discard"),
                ],
            )
            if choice == 0:
                self.save()
                return
            if choice != 1:
                return
        self._closing = True
        super().reject()

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self._closing and self.is_dirty():
            event.ignore()
            self.reject()
            return
        super().closeEvent(event)

    def done(self, result: int) -> None:
        settings.save_geometry(self, f"dialogs/{self.kind}")
        super().done(result)
