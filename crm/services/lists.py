"""The list catalogue: the columns, filters and filter text of every list the desk shows.

One `ListSpec` (see `crm.services.listing`, the engine that pages them) per list:
organizations, contacts, introductions, follow-ups, events, and the trash (deleted records
of every kind). `LISTS` holds the five record lists by record kind. The computed columns
(names of people, parties, staff users, a follow-up's linked record) come from
`crm.services.fields`, so a list shows what an export writes.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import aliased

from crm.db.models import (
    Contact,
    Event,
    EventParticipant,
    FollowUp,
    Interaction,
    Introduction,
    Organization,
    StaffUser,
    Tag,
    contact_tags,
    organization_tags,
)
from crm.domain import fields as catalogue
from crm.domain.enums import EntityKind
from crm.domain.text import fold_words
from crm.services.fields import FollowUpLink, party_name, person_name, staff_name
from crm.services.listing import Column, Expr, ListSpec, Where, folded_like, like


def _column(entity: catalogue.Entity, key: str, expr: Expr, sort: Expr | None = None) -> Column:
    """The list column showing `key`, a field of `entity`'s catalogue (its kind from there)."""
    kind = entity.field(key).kind
    return Column(
        key, expr, sort, kind if kind in _LIST_KINDS or kind.startswith("enum:") else "text"
    )


_LIST_KINDS = frozenset({"text", "int", "date", "time", "datetime"})


def _has_tag(link: sa.Table, column: str, model: Any) -> Callable[[Any], Where]:
    def where(value: Any) -> Where:
        words = " ".join(fold_words(str(value)))
        return sa.exists(
            sa.select(link.c.tag_id)
            .join(Tag, Tag.id == link.c.tag_id)
            .where(link.c[column] == model.id, Tag.name_folded == words)
        )

    return where


ORGANIZATIONS = ListSpec(
    "organization",
    Organization,
    (
        _column(catalogue.ORGANIZATION, "name", Organization.name, Organization.name_folded),
        _column(catalogue.ORGANIZATION, "kind", Organization.kind),
        _column(catalogue.ORGANIZATION, "territory", Organization.territory),
        _column(catalogue.ORGANIZATION, "membership", Organization.membership),
        _column(
            catalogue.ORGANIZATION, "city", Organization.city, sa.func.lower(Organization.city)
        ),
        _column(catalogue.ORGANIZATION, "region", Organization.region),
        _column(catalogue.ORGANIZATION, "website", Organization.website),
    ),
    filters={
        "territory": lambda v: Organization.territory == v,
        "kind": lambda v: Organization.kind == v,
        "membership": lambda v: Organization.membership == v,
        "tag": _has_tag(organization_tags, "organization_id", Organization),
    },
    text=lambda w: sa.or_(like(Organization.name_folded, w), folded_like(Organization.city, w)),
    default_sort="name",
)


_contact_org = aliased(Organization, name="contact_org")
_contact_name = person_name(Contact)

CONTACTS = ListSpec(
    "contact",
    Contact,
    (
        _column(catalogue.CONTACT, "name", _contact_name, Contact.name_folded),
        _column(catalogue.CONTACT, "organization", _contact_org.name, _contact_org.name_folded),
        _column(catalogue.CONTACT, "title", Contact.title),
        _column(catalogue.CONTACT, "email", Contact.email, Contact.email_lower),
        _column(catalogue.CONTACT, "city", Contact.city, sa.func.lower(Contact.city)),
        _column(catalogue.CONTACT, "territory", Contact.territory),
        _column(catalogue.CONTACT, "language", Contact.language),
    ),
    joins=lambda q: q.outerjoin(_contact_org, _contact_org.id == Contact.organization_id),
    filters={
        "territory": lambda v: Contact.territory == v,
        "language": lambda v: Contact.language == v,
        "organization_id": lambda v: Contact.organization_id == int(v),
        "tag": _has_tag(contact_tags, "contact_id", Contact),
    },
    text=lambda w: sa.or_(
        like(Contact.name_folded, w),
        like(Contact.email_lower, w),
        like(_contact_org.name_folded, w),
    ),
    default_sort="name",
)

_qc_org = aliased(Organization, name="qc_org")
_ma_org = aliased(Organization, name="ma_org")
_qc_contact = aliased(Contact, name="qc_contact")
_ma_contact = aliased(Contact, name="ma_contact")
_owner = aliased(StaffUser, name="owner")


def _in_month(column: Any, month: str) -> Where:
    """`column` (a UTC datetime) falls in the month `YYYY-MM`."""
    year, number = int(month[:4]), int(month[5:7])
    start = datetime(year, number, 1, tzinfo=UTC)
    end = datetime(year + number // 12, number % 12 + 1, 1, tzinfo=UTC)
    return sa.and_(column >= start, column < end)


_stage_or_outcome = sa.func.coalesce(
    sa.cast(Introduction.outcome, sa.String), sa.cast(Introduction.stage, sa.String)
)

INTRODUCTIONS = ListSpec(
    "introduction",
    Introduction,
    (
        # The parties lead; the optional title comes last (often empty).
        _column(catalogue.INTRODUCTION, "qc_party", party_name(_qc_org, _qc_contact)),
        _column(catalogue.INTRODUCTION, "ma_party", party_name(_ma_org, _ma_contact)),
        _column(catalogue.INTRODUCTION, "purpose", Introduction.purpose),
        # A closed introduction reads by its outcome (declined, no fit...), sorted by stage.
        Column("stage", _stage_or_outcome, Introduction.stage, kind="enum:IntroductionStatus"),
        _column(catalogue.INTRODUCTION, "owner", staff_name(_owner)),
        _column(catalogue.INTRODUCTION, "stage_changed_at", Introduction.stage_changed_at),
        _column(
            catalogue.INTRODUCTION, "title", Introduction.title, sa.func.lower(Introduction.title)
        ),
    ),
    joins=lambda q: (
        q.outerjoin(_qc_org, _qc_org.id == Introduction.qc_organization_id)
        .outerjoin(_ma_org, _ma_org.id == Introduction.ma_organization_id)
        .outerjoin(_qc_contact, _qc_contact.id == Introduction.qc_contact_id)
        .outerjoin(_ma_contact, _ma_contact.id == Introduction.ma_contact_id)
        .outerjoin(_owner, _owner.id == Introduction.owner_id)
    ),
    filters={
        "stage": lambda v: Introduction.stage == v,
        "owner_id": lambda v: Introduction.owner_id == int(v),
        "purpose": lambda v: Introduction.purpose == v,
        "outcome": lambda v: Introduction.outcome == v,
        "created_month": lambda v: _in_month(Introduction.created_at, str(v)),
    },
    text=lambda w: sa.or_(
        folded_like(Introduction.title, w),
        like(_qc_org.name_folded, w),
        like(_ma_org.name_folded, w),
        like(_qc_contact.name_folded, w),
        like(_ma_contact.name_folded, w),
    ),
    default_sort="stage_changed_at",
)

_assignee = aliased(StaffUser, name="assignee")
_fu = FollowUpLink("fu")

FOLLOWUPS = ListSpec(
    "followup",
    FollowUp,
    (
        _column(catalogue.FOLLOWUP, "title", FollowUp.title, sa.func.lower(FollowUp.title)),
        _column(catalogue.FOLLOWUP, "due_date", FollowUp.due_date),
        _column(catalogue.FOLLOWUP, "due_time", FollowUp.due_time),
        _column(catalogue.FOLLOWUP, "assignee", staff_name(_assignee)),
        _column(catalogue.FOLLOWUP, "priority", FollowUp.priority),
        _column(catalogue.FOLLOWUP, "status", FollowUp.status),
        _column(catalogue.FOLLOWUP, "linked_to", _fu.name),
    ),
    joins=lambda q: _fu.joins(q.outerjoin(_assignee, _assignee.id == FollowUp.assignee_id)),
    filters={
        "status": lambda v: FollowUp.status == v,
        "assignee_id": lambda v: FollowUp.assignee_id == int(v),
        "due_from": lambda v: FollowUp.due_date >= v,
        "due_to": lambda v: FollowUp.due_date <= v,
    },
    text=lambda w: sa.or_(
        folded_like(FollowUp.title, w),
        like(_fu.org.c.name_folded, w),
        like(_fu.person.c.name_folded, w),
        folded_like(_fu.intro.c.title, w),
        folded_like(_fu.event.c.name, w),
    ),
    default_sort="due_date",
)

_participants = (
    sa.select(sa.func.count(EventParticipant.id))
    .where(EventParticipant.event_id == Event.id, EventParticipant.deleted_at.is_(None))
    .correlate(Event)
    .scalar_subquery()
)

EVENTS = ListSpec(
    "event",
    Event,
    (
        _column(catalogue.EVENT, "name", Event.name, sa.func.lower(Event.name)),
        _column(catalogue.EVENT, "kind", Event.kind),
        _column(catalogue.EVENT, "starts_on", Event.starts_on),
        _column(catalogue.EVENT, "ends_on", Event.ends_on),
        _column(catalogue.EVENT, "city", Event.city),
        _column(catalogue.EVENT, "territory", Event.territory),
        _column(catalogue.EVENT, "participants", _participants),
    ),
    filters={
        "kind": lambda v: Event.kind == v,
        "territory": lambda v: Event.territory == v,
        # What the dashboard counts as upcoming: starting on this day or later.
        "starts_from": lambda v: Event.starts_on >= v,
    },
    text=lambda w: sa.or_(folded_like(Event.name, w), folded_like(Event.city, w)),
    default_sort="starts_on",
)

LISTS: dict[str, ListSpec] = {
    spec.name: spec for spec in (ORGANIZATIONS, CONTACTS, INTRODUCTIONS, FOLLOWUPS, EVENTS)
}


# --- the trash: deleted records of every kind ------------------------------------------------

_TRASH_LABELS: dict[EntityKind, tuple[Any, Expr]] = {
    EntityKind.ORGANIZATION: (Organization, Organization.name),
    EntityKind.CONTACT: (Contact, person_name(Contact)),
    EntityKind.INTRODUCTION: (
        Introduction,
        sa.func.coalesce(
            sa.func.nullif(Introduction.title, ""), "#" + sa.cast(Introduction.id, sa.String)
        ),
    ),
    EntityKind.FOLLOWUP: (FollowUp, FollowUp.title),
    EntityKind.EVENT: (Event, Event.name),
    EntityKind.INTERACTION: (
        Interaction,
        sa.func.coalesce(
            sa.func.nullif(Interaction.subject, ""), "#" + sa.cast(Interaction.id, sa.String)
        ),
    ),
}


def _trash_union() -> Any:
    deleter = aliased(StaffUser, name="deleter")
    parts = []
    for kind, (model, label) in _TRASH_LABELS.items():
        parts.append(
            sa.select(
                model.id.label("id"),
                sa.literal(kind.value).label("kind"),
                label.label("label"),
                model.deleted_at.label("deleted_at"),
                sa.func.coalesce(staff_name(deleter), "").label("deleted_by"),
            )
            .select_from(model)
            .outerjoin(deleter, deleter.id == model.deleted_by_id)
            .where(model.deleted_at.is_not(None))
        )
    return sa.union_all(*parts).subquery("trash")


class _TrashModel:
    """A stand-in `model` so the trash union pages like any list."""

    table = _trash_union()
    id = table.c.id
    deleted_at = table.c.deleted_at


TRASH = ListSpec(
    "trash",
    _TrashModel,
    (
        Column("kind", _TrashModel.table.c.kind, kind="enum:EntityKind"),
        Column("label", _TrashModel.table.c.label, sa.func.lower(_TrashModel.table.c.label)),
        Column("deleted_at", _TrashModel.table.c.deleted_at, kind="datetime"),
        Column("deleted_by", _TrashModel.table.c.deleted_by),
    ),
    source=_TrashModel.table,
    mixes=tuple(model for model, _label in _TRASH_LABELS.values()),
    filters={"kind": lambda v: _TrashModel.table.c.kind == v},
    text=lambda w: folded_like(_TrashModel.table.c.label, w),
    default_sort="deleted_at",
    deleted=True,
)
