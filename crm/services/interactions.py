"""Interactions: calls, emails, meetings and notes on any record; searchable as notes."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from sqlalchemy.orm import Session

from crm.db.models import Interaction, StaffUser
from crm.domain.enums import InteractionKind
from crm.domain.errors import ValidationFailed
from crm.services import documents, followups, records
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


# --- logging a call, an email, a meeting or a note, with its next step -------------------------


@dataclass(frozen=True)
class Logged:
    """What `log` wrote: the interaction and, when asked, the next step's follow-up."""

    interaction_id: int
    followup_id: int | None = None


def log(
    session: Session,
    actor_id: int | None,
    values: Mapping[str, Any],
    *,
    next_step: Mapping[str, Any] | None = None,
) -> Logged:
    """Log an interaction by the acting staff user and, with `next_step`, the follow-up that
    comes next, in the same transaction: linked to the same records, assigned to the actor
    and due in 3 working days unless `next_step` says otherwise. A refused next step refuses
    the whole (its issues are named `next_<field>`): nothing is half-written."""
    try:
        interaction = service.create(session, actor_id, {"user_id": actor_id, **values})
    except ValidationFailed as exc:  # the next step's issues are said at the same time
        more = followups.next_issues(session, actor_id, next_step) if next_step else []
        raise ValidationFailed([*exc.issues, *more], exc.record) from None
    if next_step is None:
        return Logged(interaction.id)
    links = {name: getattr(interaction, name) for name in LINK_FIELDS}
    return Logged(interaction.id, followups.create_next(session, actor_id, links, next_step).id)


def links_of(session: Session, kind: str, record_id: int) -> dict[str, int | None]:
    """What a new interaction about the record `kind`/`record_id` links: the record itself,
    or for a follow-up the records it serves."""
    if kind == "followup":
        task = followups.service.get(session, record_id)
        return {name: getattr(task, name) for name in LINK_FIELDS}
    field = f"{kind}_id"
    if field not in LINK_FIELDS:
        raise KeyError(f"no interaction is linked to a {kind}")
    return {name: record_id if name == field else None for name in LINK_FIELDS}
