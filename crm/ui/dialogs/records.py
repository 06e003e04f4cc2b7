"""The editors of each record kind: their fields, and what is special in how they save."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QWidget

from crm.domain import fields
from crm.domain.enums import IntroductionStage
from crm.services import introductions, stages, tags
from crm.ui import undo
from crm.ui.changes import Changes, changes
from crm.ui.dialogs import stage_dialog
from crm.ui.dialogs.editor import RecordEditor
from crm.ui.dialogs.form_fields import FieldDef
from crm.ui.widgets.participants import ParticipantsPanel
from crm.ui.widgets.related import RelatedPanel


def editor_fields(entity: fields.Entity, *names: str) -> tuple[FieldDef, ...]:
    """The form fields of an editor: these fields of the catalogue, in this order."""
    return tuple(FieldDef(f.name, f.label, f.kind) for f in entity.select(*names))


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
    field_defs = editor_fields(
        fields.ORGANIZATION,
        "name",
        "kind",
        "territory",
        "membership",
        "website",
        "phone",
        "address",
        "city",
        "region",
        "postal_code",
        "country",
        "therapeutic_areas",
        "employees",
        "tags",
        "notes",
    )

    def window_title(self) -> str:
        return self.tr("New organization") if self.record_id is None else self.tr("Organization")


class ContactEditor(TaggedEditor):
    kind = "contact"
    inferred_fields = ("territory", "language")
    answer_dates = {"share_with_partners": "consent_date"}
    field_defs = editor_fields(
        fields.CONTACT,
        "first_name",
        "last_name",
        "title",
        "organization_id",
        "email",
        "phone",
        "mobile",
        "language",
        "city",
        "region",
        "country",
        "territory",
        "share_with_partners",
        "consent_date",
        "consent_source",
        "do_not_contact",
        "tags",
        "notes",
    )

    def window_title(self) -> str:
        return self.tr("New contact") if self.record_id is None else self.tr("Contact")


class EventEditor(RecordEditor):
    kind = "event"
    inferred_fields = ("territory",)
    offers_followup = True
    field_defs = editor_fields(
        fields.EVENT, "name", "kind", "starts_on", "ends_on", "city", "territory", "description"
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
        self.participants.changed.connect(self._participants_changed)
        return self.participants

    def _participants_changed(self) -> None:
        assert self.record_id is not None, "only a saved event has participants"
        self.saved.emit(self.kind, self.record_id)
        self.ctx.changes.announce(changes({self.kind}, source=self))


class FollowUpEditor(RecordEditor):
    kind = "followup"
    field_defs = editor_fields(
        fields.FOLLOWUP,
        "title",
        "due_date",
        "due_time",
        "assignee_id",
        "priority",
        "status",
        "organization_id",
        "contact_id",
        "introduction_id",
        "event_id",
        "notes",
    )

    required_dates = ("due_date",)

    def window_title(self) -> str:
        return self.tr("New follow-up") if self.record_id is None else self.tr("Follow-up")


class IntroductionEditor(RecordEditor):
    kind = "introduction"
    offers_followup = True
    answer_dates = {"qc_consent": "qc_consent_at", "ma_consent": "ma_consent_at"}
    field_defs = editor_fields(
        fields.INTRODUCTION,
        "title",
        "qc_organization_id",
        "qc_contact_id",
        "ma_organization_id",
        "ma_contact_id",
        "introducer_contact_id",
        "purpose",
        "owner_id",
        "qc_consent",
        "qc_consent_at",
        "qc_consent_channel",
        "ma_consent",
        "ma_consent_at",
        "ma_consent_channel",
        "stage",
        "outcome",
        "event_id",
        "notes",
    )
    STAGE_FIELDS = ("stage", "outcome")
    plan: stage_dialog.MovePlan | None = None
    # A new introduction's warnings the user confirmed (not `accepted`: QDialog's signal).
    confirmed_warnings: frozenset[str] = frozenset()
    moved: stages.Moved | None = None  # the last save's stage move, for the status bar's Undo
    stage_now: str | None = None  # the stage and outcome the Save writes (read before it)
    outcome_now: str | None = None

    def window_title(self) -> str:
        return self.tr("New introduction") if self.record_id is None else self.tr("Introduction")

    def saved_changes(self) -> Changes:
        """A stage move also writes follow-ups, and the status bar offers its Undo."""
        if self.moved is None:
            return changes({self.kind})
        return changes({self.kind, "followup"}, undo=undo.move_entry(self.moved))

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
            accepted = stage_dialog.confirm_new(self, self.ctx, values)
            if accepted is None:
                return False
            self.confirmed_warnings = accepted
        elif any(k in self.changes() for k in self.STAGE_FIELDS):
            self.plan = stage_dialog.plan_move(self, self.ctx, self.record_id, values["stage"],
                                               outcome=values["outcome"], values=values)  # fmt: skip
            if self.plan is None:
                return False
            if values["stage"] == IntroductionStage.CLOSED and self.plan.outcome:
                self.set_widget_value("outcome", self.plan.outcome)
        # What the write needs of the form, read here: the write runs off the GUI thread.
        self.stage_now, self.outcome_now = self.widget_value("stage"), self.widget_value("outcome")
        return super().save()

    def create_record(self, session: Any, values: dict[str, Any], allow_duplicate: bool) -> Any:
        stage, outcome = values.pop("stage"), values.pop("outcome")
        return stages.create_at_stage(session, self.ctx.user_id, values, stage, outcome=outcome,
                                      accepted_warnings=self.confirmed_warnings)  # fmt: skip

    def update_record(self, session: Any, changes: dict[str, Any], allow_duplicate: bool) -> Any:
        record_id = self.record_id
        assert record_id is not None, "only a saved introduction is updated"
        moved = {k: changes.pop(k) for k in self.STAGE_FIELDS if k in changes}
        if not moved:
            return introductions.service.update(
                session, self.ctx.user_id, record_id, changes, expected_version=self.version
            )
        stage = self.stage_now
        assert stage is not None, "read by `save` before the write"
        plan = self.plan or stage_dialog.MovePlan(self.outcome_now, "", [], stages.WARNING_CODES)
        self.moved = stages.move_with_followups(
            session, self.ctx.user_id, record_id, stage,
            outcome=plan.outcome, note=plan.note, followups=plan.followups,
            accepted_warnings=plan.accepted_warnings, expected_version=self.version, changes=changes,
        )  # fmt: skip
        return introductions.service.get(session, record_id)


class InteractionEditor(RecordEditor):
    kind = "interaction"
    field_defs = editor_fields(
        fields.INTERACTION,
        "subject",
        "kind",
        "organization_id",
        "contact_id",
        "introduction_id",
        "event_id",
        "notes",
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
