"""Interactions: calls, emails, meetings and notes on any record; searchable as notes."""

from __future__ import annotations

from typing import Any

from sqlalchemy.orm import Session

from crm.db.models import Interaction, StaffUser
from crm.domain.enums import InteractionKind
from crm.services import documents, records
from crm.services.cleaning import Cleaner
from crm.services.links import LINK_FIELDS, check_links

FIELDS = ("kind", "occurred_at", "subject", "notes", "user_id", *LINK_FIELDS)


def clean(session: Session, values: dict[str, Any]) -> dict[str, Any]:
    c = Cleaner(values)
    attrs: dict[str, Any] = {
        "kind": c.choice("kind", InteractionKind, InteractionKind.NOTE),
        "subject": c.text("subject"),
        "notes": c.text("notes", max_length=100_000),
        "user_id": c.reference("user_id"),
        **check_links(session, c, required=True),
    }
    if attrs["user_id"] is not None and session.get(StaffUser, attrs["user_id"]) is None:
        c.fail("user_id", "reference.missing", f"user_id: no staff user {attrs['user_id']}")
    occurred_at = c.moment("occurred_at")
    if occurred_at is not None:
        attrs["occurred_at"] = occurred_at
    if not attrs["subject"] and not attrs["notes"]:
        c.fail("notes", "required", "notes: a subject or a note is required")
    return c.done(attrs)


service = records.EntitySpec(
    "interaction", Interaction, FIELDS, clean, lambda i: i.subject or f"note {i.id}", None,
    documents.of_interaction, default_order=("occurred_at",),
)  # fmt: skip
