"""Forgetting a person on request: find them, say what will go, destroy them.

`find_person(session, text)`: the contact a request names, by uid or email (trashed too).
`plan(session, kind, record_id)`: what destroying it takes away, read only (what `crm privacy
forget` and the window show before asking). `forget(session, actor_id, contact_id)`: the
destruction itself (`crm.services.privacy.destroy`), recorded as "forget" in the trail.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

import sqlalchemy as sa
from sqlalchemy.orm import Session

from crm.db.models import AuditEntry, Contact, Event, EventParticipant, ImportBatchItem
from crm.domain.enums import Role
from crm.domain.errors import coded
from crm.services.kinds import KINDS
from crm.services.privacy import destroy, roles

__all__ = ["Plan", "find_person", "forget", "plan"]


@dataclass
class Plan:
    """What destroying a record takes away: shown before `forget` asks."""

    kind: str
    record_id: int
    uid: str
    label: str
    created_at: datetime
    # kind -> labels of the records erased with it / kept without their link to it
    erased: dict[str, list[str]]
    kept: dict[str, list[str]]
    audit_entries: int
    import_items: int
    profiles: list[str]


def find_person(session: Session, text: str) -> Contact:
    """The contact a privacy request names: its uid or its email (trashed contacts too)."""
    wanted = text.strip().lower()
    if not wanted:
        raise coded("privacy.unknown_person", person=text)
    query = (
        sa.select(Contact)
        .where(sa.or_(Contact.uid == wanted, Contact.email_lower == wanted))
        .order_by(Contact.id)
    )
    found = list(session.scalars(query))
    if not found:
        raise coded("privacy.unknown_person", person=text)
    if len(found) > 1:
        raise coded("privacy.ambiguous_person", person=text, uids=", ".join(c.uid for c in found))
    return found[0]


def _labels(session: Session, kind: str, ids: Sequence[int]) -> list[str]:
    if kind == "participant":  # a participation is named by its event
        query = (
            sa.select(Event.name)
            .join(EventParticipant, EventParticipant.event_id == Event.id)
            .where(EventParticipant.id.in_(ids))
            .order_by(EventParticipant.id)
        )
        return [str(name) for name in session.scalars(query)]
    spec = KINDS[kind].service
    return [str(spec.label(session.get(spec.model, i))) for i in ids]


def plan(session: Session, kind: str, record_id: int) -> Plan:
    """What destroying the record would take away, read only."""
    spec = KINDS[kind].service
    obj = spec.get(session, record_id, include_deleted=True)
    links = destroy.linked(session, spec.model, record_id)
    entries = [destroy.audit_where(kind, record_id, obj.uid)] + [
        destroy.audit_where(k, i) for k, ids in links.erased.items() for i in ids
    ]
    audit_entries = session.scalar(
        sa.select(sa.func.count()).select_from(AuditEntry).where(sa.or_(*entries))
    )
    items = session.scalar(
        sa.select(sa.func.count())
        .select_from(ImportBatchItem)
        .where(ImportBatchItem.entity == kind, ImportBatchItem.record_id == record_id)
    )
    return Plan(
        kind, record_id, obj.uid, str(spec.label(obj)), obj.created_at,
        {k: _labels(session, k, ids) for k, ids in links.erased.items()},
        {k: _labels(session, k, ids) for k, ids in links.kept.items()},
        int(audit_entries or 0), int(items or 0),
        [p.name for p in destroy.profiles_naming(session, obj)],
    )  # fmt: skip


def forget(session: Session, actor_id: int | None, contact_id: int) -> destroy.Destroyed:
    """Destroy a person on request, from the trash or not (`crm privacy forget`). Admins only."""
    roles.require(session, actor_id, Role.ADMIN, "forget")
    person = session.get(Contact, contact_id)
    label = person.full_name if person is not None else ""
    return destroy.destroy(session, actor_id, "contact", contact_id, label=label, action="forget")
