"""Log a call, an email, a meeting or a note about a record, and its next step, in one dialog.

`log_interaction(parent, ctx, tasks, interaction_kind, record_kind, record_id)` opens it for
an organization, a contact, an introduction, an event, or a follow-up (the interaction is
then about the records the follow-up serves). The kind is preset (and can be changed), the
moment is now (editable), the contact it was with is prefilled from the record, the cursor
waits in Subject. A next step (a follow-up linked to the same records, due in 3 working days,
assigned to the acting user; its title follows the subject) is ticked for calls, emails and
meetings, and the choice is remembered per kind. Ctrl+Enter (or Enter in a one-line field)
writes both in one transaction (`crm.services.interactions.log`): after a call, the shortcut,
the subject and Ctrl+Enter log it and its next step.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Any

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QLineEdit, QPlainTextEdit, QWidget

from crm.domain import fields
from crm.domain.errors import DeskError
from crm.services import interactions
from crm.ui import labels, messages, settings
from crm.ui.changes import Changes, changes
from crm.ui.context import DeskContext
from crm.ui.dialogs import form_fields
from crm.ui.dialogs.actions import ActionDialog, NextStep, field_def, field_label, local_moment
from crm.ui.errors import error_text
from crm.ui.i18n import tr
from crm.ui.kinds import SERVICES
from crm.ui.tasks import TaskRunner
from crm.ui.undo import UndoEntry, short
from crm.ui.widgets.datefield import DateField, TimeField
from crm.ui.widgets.picker import RecordPicker

INTERACTION_KINDS = ("call", "email", "meeting", "note")


def window_title(kind: str) -> str:
    return {
        "call": tr("Log a call"),
        "email": tr("Log an email"),
        "meeting": tr("Log a meeting"),
        "note": tr("Add a note"),
    }.get(kind, tr("Log an interaction"))


def record_title(session: Any, kind: str, record_id: int) -> str:
    service = SERVICES[kind]
    return str(service.label(service.get(session, record_id)))


class LogInteractionDialog(ActionDialog):
    kinds = frozenset({"interaction", "followup"})

    def __init__(
        self,
        ctx: DeskContext,
        tasks: TaskRunner | None,
        interaction_kind: str,
        record_kind: str,
        record_id: int,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(ctx, tasks, parent)
        self.setObjectName("logInteractionDialog")
        self.record_kind, self.record_id = record_kind, record_id
        with ctx.db.read() as session:
            self.links = interactions.links_of(session, record_kind, record_id)
            self.about = record_title(session, record_kind, record_id)
        entity = fields.INTERACTION
        self.kind = form_fields.make_widget(self, ctx, field_def(entity, "kind"))
        self.kind.setObjectName("field_kind")
        assert isinstance(self.kind, QComboBox)
        self.kind.setCurrentIndex(max(self.kind.findData(interaction_kind), 0))
        self.day = DateField(self, required=True)
        self.day.setObjectName("field_occurred_on")
        self.clock = TimeField(self)
        self.clock.setObjectName("field_occurred_at")
        now = datetime.now()
        self.day.set_value(now.date())
        self.clock.set_value(now.time().replace(second=0, microsecond=0))
        when = QWidget(self)
        row = QHBoxLayout(when)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.day, 2)
        row.addWidget(self.clock, 1)
        self.contact = form_fields.make_widget(self, ctx, field_def(entity, "contact_id"))
        self.contact.setObjectName("field_contact_id")
        assert isinstance(self.contact, RecordPicker)
        contact_id = self.links.get("contact_id")
        if contact_id is not None:
            with ctx.db.read() as session:
                self.contact.set_value(contact_id, record_title(session, "contact", contact_id))
        self.subject = QLineEdit(self, objectName="field_subject")
        self.notes = QPlainTextEdit(self, objectName="field_notes")
        self.notes.setTabChangesFocus(True)
        self.notes.setFixedHeight(110)
        self.captions = {
            "kind": self.add_row("", self.kind, "kind"),
            "occurred_at": self.add_row("", when, "occurred_at"),
            "contact_id": self.add_row("", self.contact, "contact_id"),
            "subject": self.add_row("", self.subject, "subject"),
            "notes": self.add_row("", self.notes, "notes"),
        }
        self.next_step = NextStep(ctx, self, checked=self._next_step_wanted(interaction_kind))
        self.finish_layout(self.next_step)
        self.subject.textChanged.connect(self._suggest)
        self.kind.currentIndexChanged.connect(lambda _i: self._retitle())
        self.retranslate()
        self.subject.setFocus()

    @staticmethod
    def _next_step_wanted(kind: str) -> bool:
        remembered = settings.NEXT_STEP.get(kind=kind)
        return remembered == "on" if remembered else kind != "note"

    def chosen_kind(self) -> str:
        assert isinstance(self.kind, QComboBox)
        return str(self.kind.currentData() or "note")

    # --- labels ------------------------------------------------------------------------------

    def retranslate(self) -> None:
        entity = fields.INTERACTION
        for name, caption in self.captions.items():
            caption.setText(field_label(entity, name))
        self.ok_button.setText(tr("Log it"))
        self.cancel_button.setText(tr("Cancel"))
        self.subject.setPlaceholderText(tr("What was it about?"))
        self.next_step.retranslate()
        self._retitle()
        self._suggest(self.subject.text())

    def _retitle(self) -> None:
        kind = self.chosen_kind()
        self.setWindowTitle(window_title(kind))
        label = labels.enum_label("EntityKind", self.record_kind)
        self.heading.setText(labels.labelled(label, self.about))

    def _suggest(self, subject: str) -> None:
        subject = subject.strip()
        self.next_step.suggest(
            tr("Follow up: %1").replace("%1", subject) if subject else tr("Follow up")
        )

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # --- writing -----------------------------------------------------------------------------

    def error_title(self) -> str:
        return tr("Cannot log it")

    def error_for(self, field: str) -> QLabel | None:
        if field.startswith("next_"):
            return self.next_step.errors.get(field[5:])
        if field in ("organization_id", "introduction_id", "event_id"):
            return None  # said in the message line
        return self.errors.get(field)

    def work(self) -> Callable[[Any, int], Any] | None:
        problems = [(name, widget.problem()) for name, widget in
                    (("occurred_at", self.day), ("occurred_at", self.clock)) if widget.problem()]  # fmt: skip
        if problems or self.next_step.problem():
            for name, text in problems:
                self.flag(name, text)
            if self.next_step.problem():
                self.next_step.errors["due_date"].setText(str(self.next_step.due.problem()))  # type: ignore[attr-defined]
                self.next_step.errors["due_date"].show()
            return None
        day = self.day.value()
        assert day is not None, "a required date that reads"
        assert isinstance(self.contact, RecordPicker)
        values = {
            **self.links,
            "kind": self.chosen_kind(),
            "occurred_at": local_moment(day, self.clock),
            "contact_id": self.contact.value(),
            "subject": self.subject.text().strip(),
            "notes": self.notes.toPlainText().strip(),
        }
        next_step = self.next_step.values()
        settings.NEXT_STEP.set("on" if next_step is not None else "off", kind=values["kind"])

        def log(session: Any, actor_id: int) -> interactions.Logged:
            return interactions.log(session, actor_id, values, next_step=next_step)

        self._logged = (values["kind"], values["subject"])
        return log

    def said(self, result: Any) -> Changes | None:
        kind, subject = self._logged
        return changes(self.kinds, undo=logged_entry(result, kind, subject))


def logged_entry(logged: interactions.Logged, kind: str, subject: str) -> UndoEntry:
    """The status bar's "Logged the call …", whose Undo moves the interaction and its next
    step to the trash (refused if either changed since)."""
    done = [("interaction", logged.interaction_id)]
    if logged.followup_id is not None:
        done.append(("followup", logged.followup_id))

    def undo(session: Any, actor_id: int | None) -> None:
        for record_kind, record_id in done:  # as written: version 1
            SERVICES[record_kind].delete(session, actor_id, record_id, expected_version=1)

    def describe() -> str:
        what = labels.enum_label("InteractionKind", kind)
        text = tr("Logged: %1 “%2”") if subject else tr("Logged: %1")
        text = text.replace("%1", what)
        text = text.replace("%2", short(subject))
        return text + (" " + tr("and its next step") if logged.followup_id is not None else "")

    return UndoEntry(describe, undo, frozenset(k for k, _ in done))


def log_interaction(
    parent: QWidget | None,
    ctx: DeskContext,
    tasks: TaskRunner | None,
    interaction_kind: str,
    record_kind: str,
    record_id: int,
) -> LogInteractionDialog | None:
    """Open the dialog (None, and a message, when the record cannot be read)."""
    try:
        dialog = LogInteractionDialog(ctx, tasks, interaction_kind, record_kind, record_id, parent)
    except DeskError as exc:
        messages.error(parent, window_title(interaction_kind), error_text(exc))
        return None
    dialog.open()
    return dialog
