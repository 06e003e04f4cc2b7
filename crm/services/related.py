"""The records around one record, as plain rows (the "Related" panel, the record pages).

`related(session, kind, id)` gives, per section (contacts, introductions, follow-ups, events,
interactions), the live records tied to an organization, a contact, an introduction or an
event, at most `RELATED_LIMIT` each. `summary(session, kind, id)` gives what a record page's
header says of one of them: its name, its key facts as stored words, and the records it
points at (a person's organization, an introduction's parties and event).
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
    StaffUser,
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
    """The live records related to a record, grouped by section.

    For an organization: its contacts, the introductions it is a party to, the follow-ups,
    events and interactions of the organization or of its contacts. For a contact: its
    introductions, follow-ups, events and interactions. For an introduction: its follow-ups
    and interactions (its parties and event are in its `summary`). For an event: the
    introductions made there, its follow-ups and interactions (its participants have their
    own panel). Interactions come newest first (a timeline); follow-ups by due date;
    introductions by latest stage change.
    """
    if kind == "organization":
        contact_ids = sa.select(Contact.id).where(
            Contact.organization_id == record_id, Contact.deleted_at.is_(None)
        )
        intro_match: Where | None = sa.or_(
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

    elif kind in ("introduction", "event"):
        # An introduction is no introduction's party: its section stays empty.
        intro_match = Introduction.event_id == record_id if kind == "event" else None

        def mine(model: Any) -> Where:
            field = model.introduction_id if kind == "introduction" else model.event_id
            return field == record_id  # type: ignore[no-any-return]

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

    if intro_match is not None:
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

    if kind in ("introduction", "event"):
        return rows + _interactions(session, mine(Interaction))
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

    return rows + _interactions(session, mine(Interaction))


def _interactions(session: Session, where: Where) -> list[RelatedRow]:
    first_line = sa.func.substr(Interaction.notes, 1, 80)
    query = (
        sa.select(
            Interaction.id,
            Interaction.occurred_at,
            sa.func.coalesce(sa.func.nullif(Interaction.subject, ""), first_line),
            Interaction.kind,
        )
        .where(where, Interaction.deleted_at.is_(None))
        .order_by(Interaction.occurred_at.desc(), Interaction.id.desc())
        .limit(RELATED_LIMIT)
    )
    return [
        RelatedRow("interaction", "interaction", i, w, (t or "").split("\n")[0], _word(k))
        for i, w, t, k in session.execute(query)
    ]


# --- a record page's header ------------------------------------------------------------------


@dataclass(frozen=True)
class Link:
    """A record another one points at: its `kind`, `id` and name."""

    kind: str
    id: int
    title: str


@dataclass(frozen=True)
class Summary:
    """What a record page's header says of one record, as plain values.

    `facts` maps a field name to its stored word, only for the facts that apply (a contact's
    `territory`, `language`, `share_with_partners`, its organization's `membership`; an
    introduction's `stage`, `outcome`, `qc_consent`, `ma_consent`, `purpose`...); `owner` is a
    staff user's name. `links` maps a role (`organization`, `qc_organization`, `qc_contact`,
    `ma_organization`, `ma_contact`, `introducer`, `event`) to the record it names.
    `trashed`: the record is in the trash.
    """

    kind: str
    id: int
    title: str
    subtitle: str
    facts: dict[str, str]
    links: dict[str, Link]
    trashed: bool = False


def _link(session: Session, kind: str, model: Any, record_id: int | None) -> Link | None:
    """The live record `record_id` of `model`, named; None when unset or trashed."""
    if record_id is None:
        return None
    obj = session.get(model, record_id)
    if obj is None or obj.deleted_at is not None:
        return None
    name = f"{obj.first_name} {obj.last_name}".strip() if isinstance(obj, Contact) else obj.name
    return Link(kind, record_id, name)


def summary(session: Session, kind: str, record_id: int) -> Summary:
    """The header of a record page (NotFound when the record was erased)."""
    from crm.services.introductions import party_names
    from crm.services.kinds import service_of
    from crm.services.stages import label_of

    obj: Any = service_of(kind).get(session, record_id, include_deleted=True)
    trashed = obj.deleted_at is not None
    links: dict[str, Link] = {}

    def keep(role: str, link: Link | None) -> None:
        if link is not None:
            links[role] = link

    if kind == "organization":
        place = ", ".join(p for p in (obj.city, obj.region, obj.country) if p)
        facts = {"kind": _word(obj.kind), "territory": _word(obj.territory),
                 "membership": _word(obj.membership)}  # fmt: skip
        return Summary(kind, record_id, obj.name, place, facts, links, trashed)
    if kind == "contact":
        keep("organization", _link(session, "organization", Organization, obj.organization_id))
        facts = {"territory": _word(obj.territory), "language": _word(obj.language),
                 "share_with_partners": _word(obj.share_with_partners)}  # fmt: skip
        organization = session.get(Organization, obj.organization_id or -1)
        if organization is not None:
            facts["membership"] = _word(organization.membership)
        if obj.do_not_contact:
            facts["do_not_contact"] = "yes"
        name = f"{obj.first_name} {obj.last_name}".strip()
        return Summary(kind, record_id, name, obj.title, facts, links, trashed)
    if kind == "introduction":
        for side in ("qc", "ma"):
            org_id, person_id = (
                getattr(obj, f"{side}_{f}_id") for f in ("organization", "contact")
            )
            keep(f"{side}_organization", _link(session, "organization", Organization, org_id))
            keep(f"{side}_contact", _link(session, "contact", Contact, person_id))
        keep("introducer", _link(session, "contact", Contact, obj.introducer_contact_id))
        keep("event", _link(session, "event", Event, obj.event_id))
        facts = {"stage": _word(obj.stage), "qc_consent": _word(obj.qc_consent),
                 "ma_consent": _word(obj.ma_consent), "purpose": _word(obj.purpose)}  # fmt: skip
        if obj.outcome is not None:
            facts["outcome"] = _word(obj.outcome)
        if obj.owner_id is not None:
            owner = session.get(StaffUser, obj.owner_id)
            if owner is not None:
                facts["owner"] = owner.display_name or owner.name
        # A titled introduction says its parties under its title.
        parties = " ↔ ".join(party_names(session, obj)) if obj.title else ""
        return Summary(kind, record_id, label_of(session, obj), parties, facts, links, trashed)
    if kind == "event":
        days = " – ".join(str(d) for d in (obj.starts_on, obj.ends_on) if d is not None)
        facts = {"kind": _word(obj.kind), "territory": _word(obj.territory)}
        subtitle = " · ".join(p for p in (days, obj.city) if p)
        return Summary(kind, record_id, obj.name, subtitle, facts, links, trashed)
    raise KeyError(f"no record page for {kind!r}")
