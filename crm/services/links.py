"""The link from a follow-up or an interaction to the record it serves."""

from __future__ import annotations

from typing import Any

from sqlalchemy.orm import Session

from crm.db.base import Record
from crm.db.models import Contact, Event, Introduction, Organization
from crm.services.cleaning import Cleaner

LINK_MODELS: dict[str, type[Record]] = {
    "organization_id": Organization,
    "contact_id": Contact,
    "introduction_id": Introduction,
    "event_id": Event,
}
LINK_FIELDS = tuple(LINK_MODELS)


def check_links(session: Session, c: Cleaner, *, required: bool) -> dict[str, Any]:
    links = {field: c.reference(field) for field in LINK_FIELDS}
    for field, record_id in links.items():
        if record_id is not None:
            obj = session.get(LINK_MODELS[field], record_id)
            if obj is None or obj.deleted_at is not None:
                c.fail(
                    field,
                    "reference.missing",
                    f"{field}: no record {record_id}",
                    value=str(record_id),
                )
    if required and all(value is None for value in links.values()):
        c.fail(
            "organization_id",
            "link.required",
            "it must be linked to an organization, contact, introduction or event",
        )
    return links
