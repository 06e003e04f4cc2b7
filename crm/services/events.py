"""Events (missions, delegations, conferences...) and their participants."""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import Session

from crm.db.base import Record
from crm.db.models import Contact, Event, EventParticipant, Organization
from crm.domain import inference
from crm.domain.enums import EventKind, Territory
from crm.services import documents, records
from crm.services.cleaning import Cleaner

FIELDS = ("name", "kind", "starts_on", "ends_on", "city", "territory", "description")
PARTICIPANT_FIELDS = ("event_id", "contact_id", "organization_id", "role", "attended")


def infer(session: Session, values: dict[str, Any]) -> dict[str, Any]:
    """The territory an event's city tells (Boston, Montréal), None when it does not."""
    return {"territory": inference.territory("", "", str(values.get("city") or ""))}


def clean(session: Session, values: dict[str, Any]) -> dict[str, Any]:
    c = Cleaner(values)
    territory = c.optional_choice("territory", Territory)
    if territory is None:
        territory = infer(session, values)["territory"] or Territory.OTHER
    starts, ends = c.day("starts_on"), c.day("ends_on")
    if starts and ends and ends < starts:
        c.fail("ends_on", "date.order", f"ends_on: {ends} is before the start {starts}")
    return c.done(
        {
            "name": c.text("name", required=True),
            "kind": c.choice("kind", EventKind, EventKind.MEETING),
            "starts_on": starts,
            "ends_on": ends,
            "city": c.text("city"),
            "territory": territory,
            "description": c.text("description", max_length=100_000),
        }
    )


service = records.EntitySpec(
    "event", Event, FIELDS, clean, lambda e: e.name, None, documents.of_event,
    default_order=("starts_on",), shown_elsewhere=documents.SHOWN_ELSEWHERE["event"], infer=infer,
)  # fmt: skip


def _live(session: Session, model: type[Record], record_id: int) -> bool:
    obj = session.get(model, record_id)
    return obj is not None and obj.deleted_at is None


def clean_participant(session: Session, values: dict[str, Any]) -> dict[str, Any]:
    c = Cleaner(values)
    attrs: dict[str, Any] = {
        "event_id": c.reference("event_id"),
        "contact_id": c.reference("contact_id"),
        "organization_id": c.reference("organization_id"),
        "role": c.text("role"),
        "attended": None if values.get("attended") in (None, "") else c.boolean("attended"),
    }
    if attrs["event_id"] is None or not _live(session, Event, attrs["event_id"]):
        c.fail("event_id", "required", "event_id: a participant belongs to an existing event")
    if attrs["contact_id"] is None and attrs["organization_id"] is None:
        c.fail(
            "contact_id", "required", "contact_id: a participant is a contact or an organization"
        )
    references: dict[str, type[Record]] = {"contact_id": Contact, "organization_id": Organization}
    for field, model in references.items():
        if attrs[field] is not None and not _live(session, model, attrs[field]):
            c.fail(field, "reference.missing", f"{field}: no record {attrs[field]}")
    return c.done(attrs)


def participant_duplicates(
    session: Session, attrs: dict[str, Any], exclude_id: int | None
) -> list[records.Duplicate]:
    query = sa.select(EventParticipant.id).where(
        EventParticipant.deleted_at.is_(None),
        EventParticipant.event_id == attrs["event_id"],
        EventParticipant.contact_id.is_(attrs["contact_id"]) if attrs["contact_id"] is None
        else EventParticipant.contact_id == attrs["contact_id"],
        EventParticipant.organization_id.is_(attrs["organization_id"]) if attrs["organization_id"] is None
        else EventParticipant.organization_id == attrs["organization_id"],
    )  # fmt: skip
    if exclude_id is not None:
        query = query.where(EventParticipant.id != exclude_id)
    return [("participant", pid, "already a participant") for pid in session.scalars(query)]


participants = records.EntitySpec(
    "participant", EventParticipant, PARTICIPANT_FIELDS, clean_participant,
    lambda p: f"participant {p.id}", participant_duplicates,
)  # fmt: skip
