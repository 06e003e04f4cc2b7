"""The paged, sorted and filtered list queries behind the desk's tables (Qt-free).

A `ListSpec` names, for one list (organizations, contacts, introductions, follow-ups, events,
trash), its columns as SQL expressions, the filters it accepts and how its filter text is
matched. `count` and `page` turn a `ListQuery` (filters, text, sort column and direction)
into one SQL statement each: sorting runs as ORDER BY and filtering as WHERE, so a table
model only ever holds the rows on screen. Rows come back as plain tuples `(id, *columns)`.

Big lists page by id: `ordered_ids` reads the sorted, filtered ids once (a compact array),
then `rows_by_id` reads any page by primary key, as cheap at the end of 100k rows as at the
start (an OFFSET near the end would scan and sort everything before it). `related` gives
the records around one organization or contact, as plain rows.
"""

from __future__ import annotations

from array import array
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from typing import Any

import sqlalchemy as sa
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.orm import QueryableAttribute, Session, aliased
from sqlalchemy.sql.functions import FunctionElement

from crm.db.folding import folded
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
from crm.domain.enums import FollowUpStatus, IntroductionStage, Territory
from crm.domain.text import fold_words

Where = sa.ColumnElement[bool]
# A column of a list: an SQL expression or a mapped attribute (Contact.city).
Expr = sa.ColumnElement[Any] | QueryableAttribute[Any]


@dataclass(frozen=True)
class Column:
    """One column of a list: `key` names it (headers are translated by the UI).

    `kind` tells the UI how to show the raw value: text, int, date, time, datetime, or
    `enum:<EnumName>` for a closed vocabulary it labels in the user's language.
    """

    key: str
    expr: Expr
    sort: Expr | None = None
    kind: str = "text"


@dataclass(frozen=True)
class ListSpec:
    name: str
    model: Any
    columns: tuple[Column, ...]
    # Adds the joins the columns need to `select(...)`.
    joins: Callable[[sa.Select[Any]], sa.Select[Any]] = lambda q: q
    filters: Mapping[str, Callable[[Any], Where]] = field(default_factory=dict)
    # Folded words typed in the filter box -> a condition each word must meet.
    text: Callable[[str], Where] | None = None
    default_sort: str = ""
    deleted: bool = False
    # What the SELECT reads from when `model` is not a mapped class (the trash union).
    source: Any = None

    def column(self, key: str) -> Column:
        for col in self.columns:
            if col.key == key:
                return col
        raise KeyError(f"{self.name} has no column {key!r}")

    @property
    def keys(self) -> tuple[str, ...]:
        return tuple(c.key for c in self.columns)


@dataclass(frozen=True)
class ListQuery:
    """What the user asked a list for: filters by name, a filter text, a sort."""

    filters: Mapping[str, Any] = field(default_factory=dict)
    text: str = ""
    sort: str | None = None
    descending: bool = False


def _like(column: Expr, word: str) -> Where:
    escaped = word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return column.like(f"%{escaped}%", escape="\\")


def _folded_like(column: Expr, word: str) -> Where:
    """`column` folded as the search index folds (accents, ligatures, case) contains `word`."""
    return _like(folded(column), word)


class _unindexed(FunctionElement[Any]):  # named like the SQL functions it stands beside
    """`x`, which SQLite must not look up through an index (`+x`: its documented hint).

    Without statistics, SQLite takes `deleted_at IS NULL` for a selective index lookup and
    then sorts every live row for a LIMIT query (~120 ms at 100k contacts) where walking
    the sort column's index gives the first page in under a millisecond.
    """

    inherit_cache = True


@compiles(_unindexed)
def _unindexed_default(element: _unindexed, compiler: Any, **kw: Any) -> str:
    return str(compiler.process(element.clauses, **kw))


@compiles(_unindexed, "sqlite")
def _unindexed_sqlite(element: _unindexed, compiler: Any, **kw: Any) -> str:
    return "+" + str(compiler.process(element.clauses, **kw))


def _conditions(spec: ListSpec, query: ListQuery, *, by_sort_index: bool = False) -> list[Where]:
    model = spec.model
    deleted = _unindexed(model.deleted_at) if by_sort_index else model.deleted_at
    where: list[Where] = [deleted.is_not(None) if spec.deleted else deleted.is_(None)]
    for name, value in query.filters.items():
        if value is None or value == "":
            continue
        if name not in spec.filters:
            raise KeyError(f"{spec.name} has no filter {name!r}")
        where.append(spec.filters[name](value))
    if spec.text is not None:
        where.extend(spec.text(word) for word in fold_words(query.text))
    return where


def _base(spec: ListSpec, *columns: sa.ColumnElement[Any]) -> sa.Select[Any]:
    return spec.joins(
        sa.select(*columns).select_from(spec.model if spec.source is None else spec.source)
    )


def count(session: Session, spec: ListSpec, query: ListQuery = ListQuery()) -> int:
    statement = _base(spec, sa.func.count(spec.model.id)).where(*_conditions(spec, query))
    return int(session.execute(statement).scalar_one())


def statement(spec: ListSpec, query: ListQuery = ListQuery()) -> sa.Select[Any]:
    """The SELECT of the whole list, sorted (without LIMIT/OFFSET)."""
    model = spec.model
    statement = _base(spec, model.id, *(c.expr.label(c.key) for c in spec.columns))
    statement = statement.where(*_conditions(spec, query))
    return statement.order_by(*_order(spec, query))


def page(
    session: Session,
    spec: ListSpec,
    query: ListQuery = ListQuery(),
    *,
    offset: int = 0,
    limit: int = 200,
) -> list[tuple[Any, ...]]:
    """Rows `offset` to `offset + limit` of the list as plain tuples `(id, *columns)`."""
    rows = session.execute(statement(spec, query).offset(offset).limit(limit)).all()
    return [tuple(row) for row in rows]


def _order(spec: ListSpec, query: ListQuery) -> list[Any]:
    sort_key = query.sort or spec.default_sort
    order: list[Any] = []
    if sort_key:
        col = spec.column(sort_key)
        expr = col.sort if col.sort is not None else col.expr
        order.append(expr.desc() if query.descending else expr.asc())
    order.append(spec.model.id.desc() if query.descending else spec.model.id.asc())
    return order


def pages_by_id(spec: ListSpec) -> bool:
    """Whether `ordered_ids` / `rows_by_id` page this list (record ids are unique in it).

    The trash mixes kinds, so ids repeat there: it pages with `page` (it stays small).
    """
    return spec.source is None


def ordered_ids(session: Session, spec: ListSpec, query: ListQuery = ListQuery()) -> array[int]:
    """The ids of the whole list, filtered and sorted in SQL, in a compact array.

    Read once per refresh (it also gives the count); a page of rows is then read with
    `rows_by_id`, whose cost does not depend on where the page is (no OFFSET scan).
    """
    statement = _base(spec, spec.model.id).where(*_conditions(spec, query))
    # A Core execution on the session's connection, read straight off the DBAPI cursor: the
    # ids are plain integers, and SQLAlchemy's per-row processing would cost more than
    # the query (~200 ms instead of ~130 ms at 100k contacts).
    result = session.connection().execute(statement.order_by(*_order(spec, query)))
    ids: array[int] = array("q")
    cursor = getattr(result, "cursor", None)
    if cursor is None:  # pragma: no cover - a result without a DBAPI cursor
        for chunk in result.scalars().partitions(10_000):
            ids.extend(chunk)
        return ids
    try:
        while rows := cursor.fetchmany(10_000):
            ids.extend([row[0] for row in rows])
    finally:
        result.close()
    return ids


def first_rows(
    session: Session, spec: ListSpec, query: ListQuery = ListQuery(), limit: int = 200
) -> list[tuple[Any, ...]]:
    """The first `limit` rows `(id, *columns)` of the list, read through the sort index.

    What a list shows before its sorted ids (`ordered_ids`) are in: well under a
    millisecond of SQL at 100k contacts when the sort column is indexed, where reading
    every sorted id takes 100-300 ms.
    """
    model = spec.model
    statement = _base(spec, model.id, *(c.expr.label(c.key) for c in spec.columns))
    statement = statement.where(*_conditions(spec, query, by_sort_index=True))
    statement = statement.order_by(*_order(spec, query)).limit(limit)
    return [tuple(row) for row in session.execute(statement)]


def rows_by_id(
    session: Session, spec: ListSpec, ids: Sequence[int]
) -> list[tuple[Any, ...] | None]:
    """The rows `(id, *columns)` of these records, in the order of `ids`.

    A record purged since the ids were read gives None in its place.
    """
    if not ids:
        return []
    model = spec.model
    statement = _base(spec, model.id, *(c.expr.label(c.key) for c in spec.columns)).where(
        model.id.in_(list(ids))
    )
    found = {row[0]: tuple(row) for row in session.execute(statement)}
    return [found.get(record_id) for record_id in ids]


def size_hint(session: Session, spec: ListSpec) -> int:
    """A cheap upper bound of how many rows the list's tables hold (their highest id).

    Read by primary key in O(log n); the UI reads small lists at once and big ones off the
    GUI thread. For the trash, the highest id over the kinds it mixes.
    """
    if spec.source is not None:
        models = [model for model, _label in _TRASH_LABELS.values()]
    else:
        models = [spec.model]
    return max(int(session.scalar(sa.select(sa.func.max(m.id))) or 0) for m in models)


@dataclass(frozen=True)
class Loaded:
    """A list read afresh: its sorted ids (lists paged by id), its count, its first page."""

    query: ListQuery
    ids: array[int]
    count: int
    first_page: list[tuple[Any, ...] | None]


def load(session: Session, spec: ListSpec, query: ListQuery, page_size: int) -> Loaded:
    """What a table model needs after a refresh, in one read (safe on a worker's own session)."""
    if pages_by_id(spec):
        ids = ordered_ids(session, spec, query)
        first = rows_by_id(session, spec, ids[:page_size]) if ids else []
        return Loaded(query, ids, len(ids), first)
    total = count(session, spec, query)
    first = list(page(session, spec, query, offset=0, limit=page_size)) if total else []
    return Loaded(query, array("q"), total, first)


def row_position(session: Session, spec: ListSpec, query: ListQuery, record_id: int) -> int | None:
    """Where a record sits in the sorted list (None when it is filtered out); small lists only."""
    ids = session.scalars(sa.select(statement(spec, query).subquery().c.id)).all()
    try:
        return ids.index(record_id)
    except ValueError:
        return None


# --- the lists -------------------------------------------------------------------------------


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
        Column("name", Organization.name, Organization.name_folded),
        Column("kind", Organization.kind, kind="enum:OrganizationKind"),
        Column("territory", Organization.territory, kind="enum:Territory"),
        Column("membership", Organization.membership, kind="enum:Membership"),
        Column("city", Organization.city, sa.func.lower(Organization.city)),
        Column("region", Organization.region),
        Column("website", Organization.website),
    ),
    filters={
        "territory": lambda v: Organization.territory == v,
        "kind": lambda v: Organization.kind == v,
        "membership": lambda v: Organization.membership == v,
        "tag": _has_tag(organization_tags, "organization_id", Organization),
    },
    text=lambda w: sa.or_(_like(Organization.name_folded, w), _folded_like(Organization.city, w)),
    default_sort="name",
)


def person_name(person: Any) -> sa.ColumnElement[Any]:
    """A contact's "First Last" in SQL (`person` is Contact or an alias of it)."""
    return sa.func.trim(person.first_name + " " + person.last_name)


def party_name(org: Any, person: Any) -> sa.ColumnElement[Any]:
    """How lists and exports name one side of an introduction: its organization, else its person."""
    return sa.func.coalesce(org.name, person_name(person), "")


_contact_org = aliased(Organization, name="contact_org")
_contact_name = person_name(Contact)

CONTACTS = ListSpec(
    "contact",
    Contact,
    (
        Column("name", _contact_name, Contact.name_folded),
        Column("organization", _contact_org.name, _contact_org.name_folded),
        Column("title", Contact.title),
        Column("email", Contact.email, Contact.email_lower),
        Column("city", Contact.city, sa.func.lower(Contact.city)),
        Column("territory", Contact.territory, kind="enum:Territory"),
        Column("language", Contact.language, kind="enum:Language"),
    ),
    joins=lambda q: q.outerjoin(_contact_org, _contact_org.id == Contact.organization_id),
    filters={
        "territory": lambda v: Contact.territory == v,
        "language": lambda v: Contact.language == v,
        "organization_id": lambda v: Contact.organization_id == int(v),
        "tag": _has_tag(contact_tags, "contact_id", Contact),
    },
    text=lambda w: sa.or_(
        _like(Contact.name_folded, w),
        _like(Contact.email_lower, w),
        _like(_contact_org.name_folded, w),
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
        Column("qc_party", party_name(_qc_org, _qc_contact)),
        Column("ma_party", party_name(_ma_org, _ma_contact)),
        Column("purpose", Introduction.purpose, kind="enum:IntroductionPurpose"),
        # A closed introduction reads by its outcome (declined, no fit...), sorted by stage.
        Column("stage", _stage_or_outcome, Introduction.stage, kind="enum:IntroductionStatus"),
        Column("owner", _owner.display_name),
        Column("stage_changed_at", Introduction.stage_changed_at, kind="datetime"),
        Column("title", Introduction.title, sa.func.lower(Introduction.title)),
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
        _folded_like(Introduction.title, w),
        _like(_qc_org.name_folded, w),
        _like(_ma_org.name_folded, w),
        _like(_qc_contact.name_folded, w),
        _like(_ma_contact.name_folded, w),
    ),
    default_sort="stage_changed_at",
)

_assignee = aliased(StaffUser, name="assignee")
_fu_org = aliased(Organization, name="fu_org")
_fu_contact = aliased(Contact, name="fu_contact")
_fu_intro = aliased(Introduction, name="fu_intro")
_fu_event = aliased(Event, name="fu_event")

FOLLOWUPS = ListSpec(
    "followup",
    FollowUp,
    (
        Column("title", FollowUp.title, sa.func.lower(FollowUp.title)),
        Column("due_date", FollowUp.due_date, kind="date"),
        Column("due_time", FollowUp.due_time, kind="time"),
        Column("assignee", _assignee.display_name),
        Column("priority", FollowUp.priority, kind="enum:Priority"),
        Column("status", FollowUp.status, kind="enum:FollowUpStatus"),
        Column(
            "linked_to",
            sa.func.coalesce(
                _fu_org.name,
                person_name(_fu_contact),
                sa.func.nullif(_fu_intro.title, ""),
                _fu_event.name,
                "",
            ),
        ),
    ),
    joins=lambda q: (
        q.outerjoin(_assignee, _assignee.id == FollowUp.assignee_id)
        .outerjoin(_fu_org, _fu_org.id == FollowUp.organization_id)
        .outerjoin(_fu_contact, _fu_contact.id == FollowUp.contact_id)
        .outerjoin(_fu_intro, _fu_intro.id == FollowUp.introduction_id)
        .outerjoin(_fu_event, _fu_event.id == FollowUp.event_id)
    ),
    filters={
        "status": lambda v: FollowUp.status == v,
        "assignee_id": lambda v: FollowUp.assignee_id == int(v),
        "due_from": lambda v: FollowUp.due_date >= v,
        "due_to": lambda v: FollowUp.due_date <= v,
    },
    text=lambda w: sa.or_(
        _folded_like(FollowUp.title, w),
        _like(_fu_org.name_folded, w),
        _like(_fu_contact.name_folded, w),
        _folded_like(_fu_intro.title, w),
        _folded_like(_fu_event.name, w),
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
        Column("name", Event.name, sa.func.lower(Event.name)),
        Column("kind", Event.kind, kind="enum:EventKind"),
        Column("starts_on", Event.starts_on, kind="date"),
        Column("ends_on", Event.ends_on, kind="date"),
        Column("city", Event.city),
        Column("territory", Event.territory, kind="enum:Territory"),
        Column("participants", _participants, kind="int"),
    ),
    filters={
        "kind": lambda v: Event.kind == v,
        "territory": lambda v: Event.territory == v,
    },
    text=lambda w: sa.or_(_folded_like(Event.name, w), _folded_like(Event.city, w)),
    default_sort="starts_on",
)

LISTS: dict[str, ListSpec] = {
    spec.name: spec for spec in (ORGANIZATIONS, CONTACTS, INTRODUCTIONS, FOLLOWUPS, EVENTS)
}


# --- the trash: deleted records of every kind ------------------------------------------------

_TRASH_LABELS: dict[str, tuple[Any, Expr]] = {
    "organization": (Organization, Organization.name),
    "contact": (Contact, person_name(Contact)),
    "introduction": (
        Introduction,
        sa.func.coalesce(
            sa.func.nullif(Introduction.title, ""), "#" + sa.cast(Introduction.id, sa.String)
        ),
    ),
    "followup": (FollowUp, FollowUp.title),
    "event": (Event, Event.name),
    "interaction": (
        Interaction,
        sa.func.coalesce(
            sa.func.nullif(Interaction.subject, ""), "#" + sa.cast(Interaction.id, sa.String)
        ),
    ),
}
TRASH_KINDS = tuple(_TRASH_LABELS)


def _trash_union() -> Any:
    deleter = aliased(StaffUser, name="deleter")
    parts = []
    for kind, (model, label) in _TRASH_LABELS.items():
        parts.append(
            sa.select(
                model.id.label("id"),
                sa.literal(kind).label("kind"),
                label.label("label"),
                model.deleted_at.label("deleted_at"),
                sa.func.coalesce(deleter.display_name, deleter.name, "").label("deleted_by"),
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
    filters={"kind": lambda v: _TrashModel.table.c.kind == v},
    text=lambda w: _folded_like(_TrashModel.table.c.label, w),
    default_sort="deleted_at",
    deleted=True,
)


# --- choices and figures ---------------------------------------------------------------------


def staff_choices(session: Session) -> list[tuple[int, str]]:
    """(id, display name) of the active staff users, for owner and assignee filters."""
    query = (
        sa.select(
            StaffUser.id,
            sa.func.coalesce(sa.func.nullif(StaffUser.display_name, ""), StaffUser.name),
        )
        .where(StaffUser.deleted_at.is_(None), StaffUser.active.is_(True))
        .order_by(sa.func.lower(StaffUser.display_name))
    )
    return [(row[0], row[1]) for row in session.execute(query)]


def tag_choices(session: Session, kind: str) -> list[str]:
    """The tags in use on live records of `kind` (organization or contact), by folded name."""
    choices: dict[str, tuple[sa.Table, str, type[Organization] | type[Contact]]] = {
        "organization": (organization_tags, "organization_id", Organization),
        "contact": (contact_tags, "contact_id", Contact),
    }
    link, column, model = choices[kind]
    query = (
        sa.select(Tag.name, Tag.name_folded)
        .where(
            sa.exists(
                sa.select(link.c.tag_id)
                .join(model, model.id == link.c[column])
                .where(link.c.tag_id == Tag.id, model.deleted_at.is_(None))
            )
        )
        .order_by(Tag.name_folded)
    )
    return [row[0] for row in session.execute(query)]


def organization_name(session: Session, organization_id: int | None) -> str:
    if organization_id is None:
        return ""
    return (
        session.scalar(sa.select(Organization.name).where(Organization.id == organization_id)) or ""
    )


@dataclass(frozen=True)
class Figures:
    """The dashboard's numbers."""

    organizations: dict[str, int]
    contacts: int
    introductions: dict[str, int]
    open_followups: int
    overdue_followups: int
    upcoming_events: int


def figures(session: Session, today: date) -> Figures:
    live = Organization.deleted_at.is_(None)
    by_territory = dict(
        session.execute(
            sa.select(Organization.territory, sa.func.count())
            .where(live)
            .group_by(Organization.territory)
        ).all()
    )
    by_stage = dict(
        session.execute(
            sa.select(Introduction.stage, sa.func.count())
            .where(Introduction.deleted_at.is_(None))
            .group_by(Introduction.stage)
        ).all()
    )
    contacts = (
        session.scalar(sa.select(sa.func.count(Contact.id)).where(Contact.deleted_at.is_(None)))
        or 0
    )
    open_fu = FollowUp.deleted_at.is_(None), FollowUp.status == FollowUpStatus.OPEN
    open_count = session.scalar(sa.select(sa.func.count(FollowUp.id)).where(*open_fu)) or 0
    overdue = (
        session.scalar(
            sa.select(sa.func.count(FollowUp.id)).where(*open_fu, FollowUp.due_date < today)
        )
        or 0
    )
    upcoming = (
        session.scalar(
            sa.select(sa.func.count(Event.id)).where(
                Event.deleted_at.is_(None), Event.starts_on >= today
            )
        )
        or 0
    )
    return Figures(
        organizations={str(t): int(by_territory.get(t, 0)) for t in Territory},
        contacts=int(contacts),
        introductions={str(s): int(by_stage.get(s, 0)) for s in IntroductionStage},
        open_followups=int(open_count),
        overdue_followups=int(overdue),
        upcoming_events=int(upcoming),
    )


# --- a record's related records --------------------------------------------------------------

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
            sa.select(Contact.id, _contact_name, Contact.title)
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
