"""The editors of each record kind: their fields, and what is special in how they save."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtWidgets import QWidget

from crm.domain.enums import IntroductionOutcome, IntroductionStage
from crm.services import introductions, tags, workflow
from crm.ui.dialogs import stage_dialog
from crm.ui.dialogs.editor import FieldDef, RecordEditor
from crm.ui.undo import MoveDone
from crm.ui.widgets.participants import ParticipantsPanel
from crm.ui.widgets.related import RelatedPanel


def F(name: str, label: str, kind: str = "text") -> FieldDef:
    return FieldDef(name, label, kind)


class TaggedEditor(RecordEditor):
    """Organizations and contacts carry tags, kept outside their own columns, and show their
    related records beside the form."""

    related: RelatedPanel | None = None
    offers_followup = True

    def side_panel(self) -> QWidget | None:
        if self.record_id is None:
            return None
        self.related = RelatedPanel(self.ctx.db, self.kind, self.record_id, self)
        self.related.openRequested.connect(self.openRequested)
        return self.related

    def read_record(self, session: Any) -> tuple[dict[str, Any], int]:
        values, version = super().read_record(session)
        assert self.record_id is not None, "only a saved record is read"
        values["tags"] = ", ".join(tags.tags_of(session, self.kind, self.record_id))
        return values, version


class OrganizationEditor(TaggedEditor):
    kind = "organization"
    # Membership is a claim about the organization: never inferred from where it is.
    inferred_fields = ("territory",)
    field_defs = (
        F("name", QT_TRANSLATE_NOOP("Fields", "Name")),
        F("kind", QT_TRANSLATE_NOOP("Fields", "Kind"), "enum:OrganizationKind"),
        F("territory", QT_TRANSLATE_NOOP("Fields", "Territory"), "enum:Territory"),
        F("membership", QT_TRANSLATE_NOOP("Fields", "Membership"), "enum:Membership"),
        F("website", QT_TRANSLATE_NOOP("Fields", "Website")),
        F("phone", QT_TRANSLATE_NOOP("Fields", "Phone")),
        F("address", QT_TRANSLATE_NOOP("Fields", "Address")),
        F("city", QT_TRANSLATE_NOOP("Fields", "City")),
        F("region", QT_TRANSLATE_NOOP("Fields", "Province or state")),
        F("postal_code", QT_TRANSLATE_NOOP("Fields", "Postal code")),
        F("country", QT_TRANSLATE_NOOP("Fields", "Country")),
        F("therapeutic_areas", QT_TRANSLATE_NOOP("Fields", "Therapeutic areas")),
        F("employees", QT_TRANSLATE_NOOP("Fields", "Employees")),
        F("tags", QT_TRANSLATE_NOOP("Fields", "Tags")),
        F("notes", QT_TRANSLATE_NOOP("Fields", "Notes"), "multiline"),
    )

    def window_title(self) -> str:
        return self.tr("New organization") if self.record_id is None else self.tr("Organization")


class ContactEditor(TaggedEditor):
    kind = "contact"
    inferred_fields = ("territory", "language")
    answer_dates = {"share_with_partners": "consent_date"}
    field_defs = (
        F("first_name", QT_TRANSLATE_NOOP("Fields", "First name")),
        F("last_name", QT_TRANSLATE_NOOP("Fields", "Last name")),
        F("title", QT_TRANSLATE_NOOP("Fields", "Job title")),
        F("organization_id", QT_TRANSLATE_NOOP("Fields", "Organization"), "organization"),
        F("email", QT_TRANSLATE_NOOP("Fields", "Email")),
        F("phone", QT_TRANSLATE_NOOP("Fields", "Phone")),
        F("mobile", QT_TRANSLATE_NOOP("Fields", "Mobile")),
        F("language", QT_TRANSLATE_NOOP("Fields", "Preferred language"), "enum:Language"),
        F("city", QT_TRANSLATE_NOOP("Fields", "City")),
        F("region", QT_TRANSLATE_NOOP("Fields", "Province or state")),
        F("country", QT_TRANSLATE_NOOP("Fields", "Country")),
        F("territory", QT_TRANSLATE_NOOP("Fields", "Territory"), "enum:Territory"),
        F(
            "share_with_partners",
            QT_TRANSLATE_NOOP("Fields", "Share with partners"),
            "enum:Consent",
        ),
        F("consent_date", QT_TRANSLATE_NOOP("Fields", "Consent date"), "date"),
        F("consent_source", QT_TRANSLATE_NOOP("Fields", "Consent source")),
        F("do_not_contact", QT_TRANSLATE_NOOP("Fields", "Do not contact"), "bool"),
        F("tags", QT_TRANSLATE_NOOP("Fields", "Tags")),
        F("notes", QT_TRANSLATE_NOOP("Fields", "Notes"), "multiline"),
    )

    def window_title(self) -> str:
        return self.tr("New contact") if self.record_id is None else self.tr("Contact")


class EventEditor(RecordEditor):
    kind = "event"
    inferred_fields = ("territory",)
    offers_followup = True
    field_defs = (
        F("name", QT_TRANSLATE_NOOP("Fields", "Name")),
        F("kind", QT_TRANSLATE_NOOP("Fields", "Kind"), "enum:EventKind"),
        F("starts_on", QT_TRANSLATE_NOOP("Fields", "Starts on"), "date"),
        F("ends_on", QT_TRANSLATE_NOOP("Fields", "Ends on"), "date"),
        F("city", QT_TRANSLATE_NOOP("Fields", "City")),
        F("territory", QT_TRANSLATE_NOOP("Fields", "Territory"), "enum:Territory"),
        F("description", QT_TRANSLATE_NOOP("Fields", "Description"), "multiline"),
    )

    participants: ParticipantsPanel | None = None

    def window_title(self) -> str:
        return self.tr("New event") if self.record_id is None else self.tr("Event")

    def side_panel(self) -> QWidget | None:
        """The participants, edited in place, with the one-to-one meetings and the roster
        (once the event exists)."""
        if self.record_id is None:
            return None
        self.participants = ParticipantsPanel(self.ctx, self.record_id, self)
        self.participants.openRequested.connect(self.openRequested)
        # Participants and introductions are written at once: lists showing them refresh.
        self.participants.changed.connect(lambda: self.saved.emit(self.kind, self.record_id))
        return self.participants


# The record a follow-up or an interaction serves.
LINK_FIELDS = (
    F("organization_id", QT_TRANSLATE_NOOP("Fields", "Organization"), "organization"),
    F("contact_id", QT_TRANSLATE_NOOP("Fields", "Contact"), "contact"),
    F("introduction_id", QT_TRANSLATE_NOOP("Fields", "Introduction"), "introduction"),
    F("event_id", QT_TRANSLATE_NOOP("Fields", "Event"), "event"),
)


class FollowUpEditor(RecordEditor):
    kind = "followup"
    field_defs = (
        F("title", QT_TRANSLATE_NOOP("Fields", "Title")),
        F("due_date", QT_TRANSLATE_NOOP("Fields", "Due date"), "date"),
        F("due_time", QT_TRANSLATE_NOOP("Fields", "Time"), "time"),
        F("assignee_id", QT_TRANSLATE_NOOP("Fields", "Assignee"), "staff"),
        F("priority", QT_TRANSLATE_NOOP("Fields", "Priority"), "enum:Priority"),
        F("status", QT_TRANSLATE_NOOP("Fields", "Status"), "enum:FollowUpStatus"),
        *LINK_FIELDS,
        F("notes", QT_TRANSLATE_NOOP("Fields", "Notes"), "multiline"),
    )

    required_dates = ("due_date",)

    def window_title(self) -> str:
        return self.tr("New follow-up") if self.record_id is None else self.tr("Follow-up")


class IntroductionEditor(RecordEditor):
    kind = "introduction"
    offers_followup = True
    answer_dates = {"qc_consent": "qc_consent_at", "ma_consent": "ma_consent_at"}
    field_defs = (
        F("title", QT_TRANSLATE_NOOP("Fields", "Title")),
        F("qc_organization_id", QT_TRANSLATE_NOOP("Fields", "Québec organization"), "organization"),
        F("qc_contact_id", QT_TRANSLATE_NOOP("Fields", "Québec contact"), "contact"),
        F(
            "ma_organization_id",
            QT_TRANSLATE_NOOP("Fields", "Massachusetts organization"),
            "organization",
        ),
        F("ma_contact_id", QT_TRANSLATE_NOOP("Fields", "Massachusetts contact"), "contact"),
        F("purpose", QT_TRANSLATE_NOOP("Fields", "Purpose"), "enum:IntroductionPurpose"),
        F("owner_id", QT_TRANSLATE_NOOP("Fields", "Owner"), "staff"),
        F("qc_consent", QT_TRANSLATE_NOOP("Fields", "Québec party agrees"), "enum:Consent"),
        F("qc_consent_at", QT_TRANSLATE_NOOP("Fields", "Québec answer on"), "date"),
        F("qc_consent_channel", QT_TRANSLATE_NOOP("Fields", "Québec answer by (email, phone…)")),
        F("ma_consent", QT_TRANSLATE_NOOP("Fields", "Massachusetts party agrees"), "enum:Consent"),
        F("ma_consent_at", QT_TRANSLATE_NOOP("Fields", "Massachusetts answer on"), "date"),
        F(
            "ma_consent_channel",
            QT_TRANSLATE_NOOP("Fields", "Massachusetts answer by (email, phone…)"),
        ),
        F("stage", QT_TRANSLATE_NOOP("Fields", "Stage"), "enum:IntroductionStage"),
        F(
            "outcome",
            QT_TRANSLATE_NOOP("Fields", "Outcome (when closed)"),
            "enum:IntroductionOutcome",
        ),
        F("event_id", QT_TRANSLATE_NOOP("Fields", "Event"), "event"),
        F("notes", QT_TRANSLATE_NOOP("Fields", "Notes"), "multiline"),
    )
    STAGE_FIELDS = ("stage", "outcome")
    plan: stage_dialog.MovePlan | None = None
    moved: MoveDone | None = None  # the last save's stage move, for the status bar's Undo

    def window_title(self) -> str:
        return self.tr("New introduction") if self.record_id is None else self.tr("Introduction")

    def side_panel(self) -> QWidget | None:
        """The stage history and the email drafts (once the introduction exists)."""
        if self.record_id is None:
            return None
        self.timeline = stage_dialog.TimelinePanel(self.ctx, self.record_id, self)
        return self.timeline

    def save(self) -> bool:
        """A stage change goes through the workflow's confirmation (warnings, outcome, note,
        suggested follow-ups), as on the board; a new introduction's warnings are confirmed."""
        self.plan = None
        self.moved = None
        if self.flagged_fields():
            return super().save()  # a date that does not read is flagged before any question
        values = self.values()
        if self.record_id is None:
            if not stage_dialog.confirm_new(self, self.ctx, values):
                return False
        elif any(k in self.changes() for k in self.STAGE_FIELDS):
            self.plan = stage_dialog.plan_move(self, self.ctx, self.record_id, values["stage"],
                                               outcome=values["outcome"], values=values)  # fmt: skip
            if self.plan is None:
                return False
        return super().save()

    def create_record(self, session: Any, values: dict[str, Any], allow_duplicate: bool) -> Any:
        stage, outcome = values.pop("stage"), values.pop("outcome")
        intro = introductions.create(session, self.ctx.user_id, values)
        if stage != IntroductionStage.PROPOSED:
            intro = workflow.move(session, self.ctx.user_id, intro.id, IntroductionStage(stage),
                                  outcome=self._outcome(stage, outcome), accept_warnings=True)  # fmt: skip
        return intro

    def update_record(self, session: Any, changes: dict[str, Any], allow_duplicate: bool) -> Any:
        record_id = self.record_id
        assert record_id is not None, "only a saved introduction is updated"
        moved = {k: changes.pop(k) for k in self.STAGE_FIELDS if k in changes}
        intro = introductions.service.get(session, record_id)
        if changes:
            intro = introductions.service.update(
                session, self.ctx.user_id, record_id, changes, expected_version=self.version
            )
        if moved:
            stage = self.widget_value("stage")
            plan = self.plan or stage_dialog.MovePlan(self.widget_value("outcome"), "", [])
            if stage == IntroductionStage.CLOSED and plan.outcome:
                self.set_widget_value("outcome", plan.outcome)
            intro, self.moved = stage_dialog.apply_move(
                session, self.ctx, record_id, stage,
                stage_dialog.MovePlan(self._outcome(stage, plan.outcome), plan.note, plan.followups),
                expected_version=None if changes else self.version,
            )  # fmt: skip
        return intro

    @staticmethod
    def _outcome(stage: str, outcome: str | None) -> IntroductionOutcome | None:
        return (
            IntroductionOutcome(outcome) if stage == IntroductionStage.CLOSED and outcome else None
        )


class InteractionEditor(RecordEditor):
    kind = "interaction"
    field_defs = (
        F("subject", QT_TRANSLATE_NOOP("Fields", "Subject")),
        F("kind", QT_TRANSLATE_NOOP("Fields", "Kind"), "enum:InteractionKind"),
        *LINK_FIELDS,
        F("notes", QT_TRANSLATE_NOOP("Fields", "Notes"), "multiline"),
    )

    def window_title(self) -> str:
        return self.tr("New interaction") if self.record_id is None else self.tr("Interaction")


EDITORS: dict[str, type[RecordEditor]] = {
    "interaction": InteractionEditor,
    "organization": OrganizationEditor,
    "contact": ContactEditor,
    "event": EventEditor,
    "followup": FollowUpEditor,
    "introduction": IntroductionEditor,
}
