"""The list catalogue: the columns, filters and filter text of every list the desk shows.

One `ListSpec` (see `crm.services.listing`, the engine that pages them) per list:
organizations, contacts, introductions, follow-ups, events, and the trash (deleted records
of every kind). `LISTS` holds the five record lists by record kind. The computed columns
(names of people, parties, staff users, a follow-up's linked record) come from
`crm.services.fields`, so a list shows what an export writes.

The lists read the Core tables (`crm.db.tables`), not the mapped classes: the window paints
its first page without paying for the ORM's mapping (`crm.db.models`).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

import sqlalchemy as sa

from crm.db import tables
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


def _has_tag(link: sa.Table, column: str, table: sa.Table) -> Callable[[Any], Where]:
    tag = tables.tags.c

    def where(value: Any) -> Where:
        words = " ".join(fold_words(str(value)))
        return sa.exists(
            sa.select(link.c.tag_id)
            .join(tables.tags, tag.id == link.c.tag_id)
            .where(link.c[column] == table.c.id, tag.name_folded == words)
        )

    return where


_o = tables.organizations.c

ORGANIZATIONS = ListSpec(
    "organization",
    tables.organizations,
    (
        _column(catalogue.ORGANIZATION, "name", _o.name, _o.name_folded),
        _column(catalogue.ORGANIZATION, "kind", _o.kind),
        _column(catalogue.ORGANIZATION, "territory", _o.territory),
        _column(catalogue.ORGANIZATION, "membership", _o.membership),
        _column(catalogue.ORGANIZATION, "city", _o.city, sa.func.lower(_o.city)),
        _column(catalogue.ORGANIZATION, "region", _o.region),
        _column(catalogue.ORGANIZATION, "website", _o.website),
    ),
    filters={
        "territory": lambda v: _o.territory == v,
        "kind": lambda v: _o.kind == v,
        "membership": lambda v: _o.membership == v,
        "tag": _has_tag(tables.organization_tags, "organization_id", tables.organizations),
    },
    text=lambda w: sa.or_(like(_o.name_folded, w), folded_like(_o.city, w)),
    default_sort="name",
)


_c = tables.contacts.c
_contact_org = tables.organizations.alias("contact_org")

CONTACTS = ListSpec(
    "contact",
    tables.contacts,
    (
        _column(catalogue.CONTACT, "name", person_name(tables.contacts), _c.name_folded),
        _column(catalogue.CONTACT, "organization", _contact_org.c.name, _contact_org.c.name_folded),
        _column(catalogue.CONTACT, "title", _c.title),
        _column(catalogue.CONTACT, "email", _c.email, _c.email_lower),
        _column(catalogue.CONTACT, "city", _c.city, sa.func.lower(_c.city)),
        _column(catalogue.CONTACT, "territory", _c.territory),
        _column(catalogue.CONTACT, "language", _c.language),
    ),
    joins=lambda q: q.outerjoin(_contact_org, _contact_org.c.id == _c.organization_id),
    filters={
        "territory": lambda v: _c.territory == v,
        "language": lambda v: _c.language == v,
        "organization_id": lambda v: _c.organization_id == int(v),
        "tag": _has_tag(tables.contact_tags, "contact_id", tables.contacts),
    },
    text=lambda w: sa.or_(
        like(_c.name_folded, w),
        like(_c.email_lower, w),
        like(_contact_org.c.name_folded, w),
    ),
    default_sort="name",
)

_i = tables.introductions.c
_qc_org = tables.organizations.alias("qc_org")
_ma_org = tables.organizations.alias("ma_org")
_qc_contact = tables.contacts.alias("qc_contact")
_ma_contact = tables.contacts.alias("ma_contact")
_owner = tables.staff_users.alias("owner")


def _in_month(column: Any, month: str) -> Where:
    """`column` (a UTC datetime) falls in the month `YYYY-MM`."""
    year, number = int(month[:4]), int(month[5:7])
    start = datetime(year, number, 1, tzinfo=UTC)
    end = datetime(year + number // 12, number % 12 + 1, 1, tzinfo=UTC)
    return sa.and_(column >= start, column < end)


_stage_or_outcome = sa.func.coalesce(sa.cast(_i.outcome, sa.String), sa.cast(_i.stage, sa.String))

INTRODUCTIONS = ListSpec(
    "introduction",
    tables.introductions,
    (
        # The parties lead; the optional title comes last (often empty).
        _column(catalogue.INTRODUCTION, "qc_party", party_name(_qc_org, _qc_contact)),
        _column(catalogue.INTRODUCTION, "ma_party", party_name(_ma_org, _ma_contact)),
        _column(catalogue.INTRODUCTION, "purpose", _i.purpose),
        # A closed introduction reads by its outcome (declined, no fit...), sorted by stage.
        Column("stage", _stage_or_outcome, _i.stage, kind="enum:IntroductionStatus"),
        _column(catalogue.INTRODUCTION, "owner", staff_name(_owner)),
        _column(catalogue.INTRODUCTION, "stage_changed_at", _i.stage_changed_at),
        _column(catalogue.INTRODUCTION, "title", _i.title, sa.func.lower(_i.title)),
    ),
    joins=lambda q: (
        q.outerjoin(_qc_org, _qc_org.c.id == _i.qc_organization_id)
        .outerjoin(_ma_org, _ma_org.c.id == _i.ma_organization_id)
        .outerjoin(_qc_contact, _qc_contact.c.id == _i.qc_contact_id)
        .outerjoin(_ma_contact, _ma_contact.c.id == _i.ma_contact_id)
        .outerjoin(_owner, _owner.c.id == _i.owner_id)
    ),
    filters={
        "stage": lambda v: _i.stage == v,
        "owner_id": lambda v: _i.owner_id == int(v),
        "purpose": lambda v: _i.purpose == v,
        "outcome": lambda v: _i.outcome == v,
        "created_month": lambda v: _in_month(_i.created_at, str(v)),
    },
    text=lambda w: sa.or_(
        folded_like(_i.title, w),
        like(_qc_org.c.name_folded, w),
        like(_ma_org.c.name_folded, w),
        like(_qc_contact.c.name_folded, w),
        like(_ma_contact.c.name_folded, w),
    ),
    default_sort="stage_changed_at",
)

_f = tables.followups.c
_assignee = tables.staff_users.alias("assignee")
_fu = FollowUpLink("fu")

FOLLOWUPS = ListSpec(
    "followup",
    tables.followups,
    (
        _column(catalogue.FOLLOWUP, "title", _f.title, sa.func.lower(_f.title)),
        _column(catalogue.FOLLOWUP, "due_date", _f.due_date),
        _column(catalogue.FOLLOWUP, "due_time", _f.due_time),
        _column(catalogue.FOLLOWUP, "assignee", staff_name(_assignee)),
        _column(catalogue.FOLLOWUP, "priority", _f.priority),
        _column(catalogue.FOLLOWUP, "status", _f.status),
        _column(catalogue.FOLLOWUP, "linked_to", _fu.name),
    ),
    joins=lambda q: _fu.joins(q.outerjoin(_assignee, _assignee.c.id == _f.assignee_id)),
    filters={
        "status": lambda v: _f.status == v,
        "assignee_id": lambda v: _f.assignee_id == int(v),
        "due_from": lambda v: _f.due_date >= v,
        "due_to": lambda v: _f.due_date <= v,
    },
    text=lambda w: sa.or_(
        folded_like(_f.title, w),
        like(_fu.org.c.name_folded, w),
        like(_fu.person.c.name_folded, w),
        folded_like(_fu.intro.c.title, w),
        # The parties the linked-to column shows for an introduction.
        *(
            like(side.c.name_folded, w)
            for side in (_fu.qc_org, _fu.ma_org, _fu.qc_person, _fu.ma_person)
        ),
        folded_like(_fu.event.c.name, w),
    ),
    default_sort="due_date",
)

_e = tables.events.c
_participant = tables.event_participants.c
_participants = (
    sa.select(sa.func.count(_participant.id))
    .where(_participant.event_id == _e.id, _participant.deleted_at.is_(None))
    .correlate(tables.events)
    .scalar_subquery()
)

EVENTS = ListSpec(
    "event",
    tables.events,
    (
        _column(catalogue.EVENT, "name", _e.name, sa.func.lower(_e.name)),
        _column(catalogue.EVENT, "kind", _e.kind),
        _column(catalogue.EVENT, "starts_on", _e.starts_on),
        _column(catalogue.EVENT, "ends_on", _e.ends_on),
        _column(catalogue.EVENT, "city", _e.city),
        _column(catalogue.EVENT, "territory", _e.territory),
        _column(catalogue.EVENT, "participants", _participants),
    ),
    filters={
        "kind": lambda v: _e.kind == v,
        "territory": lambda v: _e.territory == v,
        # What the dashboard counts as upcoming: starting on this day or later.
        "starts_from": lambda v: _e.starts_on >= v,
    },
    text=lambda w: sa.or_(folded_like(_e.name, w), folded_like(_e.city, w)),
    default_sort="starts_on",
)

LISTS: dict[str, ListSpec] = {
    spec.name: spec for spec in (ORGANIZATIONS, CONTACTS, INTRODUCTIONS, FOLLOWUPS, EVENTS)
}


# --- the trash: deleted records of every kind ------------------------------------------------


def _numbered(label: sa.ColumnElement[Any], table: sa.Table) -> sa.ColumnElement[Any]:
    """`label`, else `#id` for a record without one."""
    return sa.func.coalesce(sa.func.nullif(label, ""), "#" + sa.cast(table.c.id, sa.String))


_TRASH_LABELS: dict[EntityKind, tuple[sa.Table, Expr]] = {
    EntityKind.ORGANIZATION: (tables.organizations, _o.name),
    EntityKind.CONTACT: (tables.contacts, person_name(tables.contacts)),
    EntityKind.INTRODUCTION: (tables.introductions, _numbered(_i.title, tables.introductions)),
    EntityKind.FOLLOWUP: (tables.followups, _f.title),
    EntityKind.EVENT: (tables.events, _e.name),
    EntityKind.INTERACTION: (
        tables.interactions,
        _numbered(tables.interactions.c.subject, tables.interactions),
    ),
}


def _trash_union() -> sa.Subquery:
    deleter = tables.staff_users.alias("deleter")
    parts = []
    for kind, (table, label) in _TRASH_LABELS.items():
        parts.append(
            sa.select(
                table.c.id.label("id"),
                sa.literal(kind.value).label("kind"),
                label.label("label"),
                table.c.deleted_at.label("deleted_at"),
                sa.func.coalesce(staff_name(deleter), "").label("deleted_by"),
            )
            .select_from(table)
            .outerjoin(deleter, deleter.c.id == table.c.deleted_by_id)
            .where(table.c.deleted_at.is_not(None))
        )
    return sa.union_all(*parts).subquery("trash")


_trash = _trash_union()

TRASH = ListSpec(
    "trash",
    _trash,
    (
        Column("kind", _trash.c.kind, kind="enum:EntityKind"),
        Column("label", _trash.c.label, sa.func.lower(_trash.c.label)),
        Column("deleted_at", _trash.c.deleted_at, kind="datetime"),
        Column("deleted_by", _trash.c.deleted_by),
    ),
    mixes=tuple(table for table, _label in _TRASH_LABELS.values()),
    filters={"kind": lambda v: _trash.c.kind == v},
    text=lambda w: folded_like(_trash.c.label, w),
    default_sort="deleted_at",
    deleted=True,
)
