"""The records around one organization or contact, as plain rows (the "Related" panel).

`related(session, kind, id)` gives, per section (contacts, introductions, follow-ups, events,
interactions), the live records tied to it, at most `RELATED_LIMIT` each.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import Session, aliased

from crm.db.models import (
    Contact,
    Event,
    EventParticipant,
    FollowUp,
    Interaction,
    Introduction,
    Organization,
)
from crm.services.fields import party_name, person_name
from crm.services.listing import Where

_qc_org = aliased(Organization, name="qc_org")
_ma_org = aliased(Organization, name="ma_org")
_qc_contact = aliased(Contact, name="qc_contact")
_ma_contact = aliased(Contact, name="ma_contact")

RELATED_LIMIT = 500


@dataclass(frozen=True)
class RelatedRow:
    """One record related to another, as plain values.

    `section` groups rows (contact, introduction, followup, event, interaction) and is also
    the `kind` of the row's record, opened by `kind` and `id`; `when` is the date the row
    is placed at (an introduction's stage change, a follow-up's due date, an event's start,
    an interaction's moment), `title` what to show, `detail` the raw word of its state
    (stage, status, event kind, interaction kind) or a job title.
    """

    section: str
    kind: str
    id: int
    when: date | datetime | None
    title: str
    detail: str


RELATED_SECTIONS = ("contact", "introduction", "followup", "event", "interaction")


def _word(value: Any) -> str:
    return "" if value is None else str(getattr(value, "value", value))


def related(session: Session, kind: str, record_id: int) -> list[RelatedRow]:
    """The live records related to an organization or a contact, grouped by section.

    For an organization: its contacts, the introductions it is a party to, the follow-ups,
    events and interactions of the organization or of its contacts. For a contact: its
    introductions, follow-ups, events and interactions. Interactions come newest first (a
    timeline); follow-ups by due date; introductions by latest stage change.
    """
    if kind == "organization":
        contact_ids = sa.select(Contact.id).where(
            Contact.organization_id == record_id, Contact.deleted_at.is_(None)
        )
        intro_match: Where = sa.or_(
            Introduction.qc_organization_id == record_id,
            Introduction.ma_organization_id == record_id,
        )

        def mine(model: Any) -> Where:
            return sa.or_(model.organization_id == record_id, model.contact_id.in_(contact_ids))

    elif kind == "contact":
        intro_match = sa.or_(
            Introduction.qc_contact_id == record_id, Introduction.ma_contact_id == record_id
        )

        def mine(model: Any) -> Where:
            return model.contact_id == record_id  # type: ignore[no-any-return]

    else:
        raise KeyError(f"no related records for {kind!r}")

    rows: list[RelatedRow] = []
    if kind == "organization":
        query = (
            sa.select(Contact.id, person_name(Contact), Contact.title)
            .where(Contact.organization_id == record_id, Contact.deleted_at.is_(None))
            .order_by(Contact.name_folded, Contact.id)
            .limit(RELATED_LIMIT)
        )
        rows += [
            RelatedRow("contact", "contact", i, None, n, t) for i, n, t in session.execute(query)
        ]

    query = (
        sa.select(
            Introduction.id,
            Introduction.stage_changed_at,
            party_name(_qc_org, _qc_contact),
            party_name(_ma_org, _ma_contact),
            Introduction.stage,
        )
        .select_from(Introduction)
        .outerjoin(_qc_org, _qc_org.id == Introduction.qc_organization_id)
        .outerjoin(_ma_org, _ma_org.id == Introduction.ma_organization_id)
        .outerjoin(_qc_contact, _qc_contact.id == Introduction.qc_contact_id)
        .outerjoin(_ma_contact, _ma_contact.id == Introduction.ma_contact_id)
        .where(intro_match, Introduction.deleted_at.is_(None))
        .order_by(Introduction.stage_changed_at.desc(), Introduction.id.desc())
        .limit(RELATED_LIMIT)
    )
    for i, when, qc, ma, stage in session.execute(query):
        rows.append(
            RelatedRow("introduction", "introduction", i, when, f"{qc} ↔ {ma}", _word(stage))
        )

    query = (
        sa.select(FollowUp.id, FollowUp.due_date, FollowUp.title, FollowUp.status)
        .where(mine(FollowUp), FollowUp.deleted_at.is_(None))
        .order_by(FollowUp.due_date, FollowUp.id)
        .limit(RELATED_LIMIT)
    )
    rows += [
        RelatedRow("followup", "followup", i, d, t, _word(s))
        for i, d, t, s in session.execute(query)
    ]

    took_part = sa.select(EventParticipant.event_id).where(
        mine(EventParticipant), EventParticipant.deleted_at.is_(None)
    )
    query = (
        sa.select(Event.id, Event.starts_on, Event.name, Event.kind)
        .where(Event.id.in_(took_part), Event.deleted_at.is_(None))
        .order_by(Event.starts_on.desc(), Event.id.desc())
        .limit(RELATED_LIMIT)
    )
    rows += [
        RelatedRow("event", "event", i, d, n, _word(k)) for i, d, n, k in session.execute(query)
    ]

    first_line = sa.func.substr(Interaction.notes, 1, 80)
    query = (
        sa.select(
            Interaction.id,
            Interaction.occurred_at,
            sa.func.coalesce(sa.func.nullif(Interaction.subject, ""), first_line),
            Interaction.kind,
        )
        .where(mine(Interaction), Interaction.deleted_at.is_(None))
        .order_by(Interaction.occurred_at.desc(), Interaction.id.desc())
        .limit(RELATED_LIMIT)
    )
    rows += [
        RelatedRow("interaction", "interaction", i, w, (t or "").split("\n")[0], _word(k))
        for i, w, t, k in session.execute(query)
    ]
    return rows
