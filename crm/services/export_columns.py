"""What a CSV export writes: the request, its columns and the SELECT of its rows.

`ExportRequest` says what to export and how (entity, columns, header language, delimiter,
encoding, the list page's filters and text, selected records); `checked()` fills in the
defaults and refuses a bad option before any query runs. `select` builds the one Core SELECT
of the rows (each column read as text by the database where it can be, consent applied) and
the count of the rows left out for want of consent; `count_rows` counts what would be written;
`log_named` is the INSERT of the records those rows name, for the export log; `column_traits`
says which columns Python converts and which the formula guard reads. Writing the file is
`crm.services.csv_export`'s.

Over 500 lines because each entity's columns, joins, consent rule and named records are one
`_source` branch, and the rows, their count, the withheld count and the log's records are all
read from it: split apart, a new column could change the file without changing its log.
"""

from __future__ import annotations

import enum
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import Session

from crm.db import tables
from crm.db.tables import UTCDateTime, contact_tags, organization_tags
from crm.domain import csv_headers
from crm.domain.enums import Consent, EntityKind
from crm.domain.errors import DeskError, coded
from crm.domain.text import fold
from crm.services import listing
from crm.services.fields import FollowUpLink, party_name, person_name, staff_name

__all__ = [
    "DELIMITERS",
    "ENCODINGS",
    "ENTITIES",
    "ROW_KINDS",
    "TAG_SEPARATOR",
    "ExportRequest",
    "Named",
    "checked_filters",
    "column_traits",
    "count_rows",
    "free_text_columns",
    "log_named",
    "select",
    "withheld",
]

ENTITIES = tuple(csv_headers.COLUMNS)
DELIMITERS = {",": ",", ";": ";", "tab": "\t", "\t": "\t"}
ENCODINGS = ("utf-8-sig", "utf-8")


def _list_spec(entity: str) -> listing.ListSpec | None:
    """The list behind the entity's page: its filters and filter text are the export's.
    Imported when a filter is asked for: the lists' specs (every column of every page) are
    a tenth of a second that an export of everything does not need."""
    from crm.services import lists

    specs = {
        "organizations": lists.ORGANIZATIONS,
        "contacts": lists.CONTACTS,
        "introductions": lists.INTRODUCTIONS,
        "followups": lists.FOLLOWUPS,
    }
    return specs.get(entity)


# Between the tag names of one cell.
TAG_SEPARATOR = ", "


@dataclass(frozen=True)
class ExportRequest:
    """What to export and how. `filters`/`text` are the list page's (see `listing`);
    `ids` restricts the export to selected records (then filters still apply)."""

    entity: str
    columns: Sequence[str] = ()
    lang: str = "en"
    delimiter: str = ","
    encoding: str = "utf-8-sig"
    include_without_consent: bool = False
    filters: dict[str, Any] = field(default_factory=dict)
    text: str = ""
    ids: Sequence[int] | None = None
    profile: str = ""
    recipient: str = ""

    def checked(self) -> ExportRequest:
        """The request with its defaults filled in; raises DeskError for a bad option."""
        if self.entity not in csv_headers.COLUMNS:
            raise DeskError(f"cannot export '{self.entity}' (one of {', '.join(ENTITIES)})")
        columns = tuple(self.columns) or csv_headers.DEFAULT_COLUMNS[self.entity]
        unknown = [c for c in columns if c not in csv_headers.COLUMNS[self.entity]]
        if unknown:
            allowed = ", ".join(csv_headers.COLUMNS[self.entity])
            raise DeskError(
                f"unknown {self.entity} column(s): {', '.join(unknown)} (one of {allowed})"
            )
        if self.delimiter not in DELIMITERS:
            raise DeskError(f"delimiter '{self.delimiter}' is not one of , ; tab")
        if self.encoding not in ENCODINGS:
            raise DeskError(f"encoding '{self.encoding}' is not one of {', '.join(ENCODINGS)}")
        if self.lang not in ("en", "fr"):
            raise DeskError(f"header language '{self.lang}' is not en or fr")
        return ExportRequest(
            self.entity, columns, self.lang, DELIMITERS[self.delimiter], self.encoding,
            self.include_without_consent, checked_filters(self.entity, self.filters), self.text,
            None if self.ids is None else list(self.ids), self.profile, self.recipient,
        )  # fmt: skip


def free_text_columns(request: ExportRequest) -> list[str]:
    """The request's columns of free text (notes, titles), which may name people who gave no
    consent: the CLI and the export dialog warn when there are any."""
    free = csv_headers.FREE_TEXT.get(request.entity, frozenset())
    return [c for c in request.columns if c in free]


def _filter_error(entity: str, key: str, value: Any, allowed: Iterable[str]) -> DeskError:
    shown = ", ".join(str(a) for a in allowed)
    return coded("export.bad_filter_value", entity=entity, filter=key, value=value, allowed=shown)


def checked_filters(entity: str, filters: dict[str, Any]) -> dict[str, Any]:
    """The list filters with their values as the columns hold them ("qc" -> Territory.QC,
    "2026-05-01" -> a date, "3" -> 3); an unknown filter or a value it cannot take is refused
    with a sentence naming what it takes, before any query runs."""
    if not filters:
        return {}
    spec = _list_spec(entity)
    names = ["event_id"] if entity == "participants" else list(spec.filters if spec else ())
    checked: dict[str, Any] = {}
    for key, value in filters.items():
        if key not in names:
            raise coded(
                "export.unknown_filter", entity=entity, filter=key, allowed=", ".join(names)
            )
        if value is None or value == "" or isinstance(value, enum.Enum | date | list | tuple):
            checked[key] = value
            continue
        if spec is None or key.endswith("_id"):
            try:
                checked[key] = int(value)
            except (TypeError, ValueError):
                raise _filter_error(entity, key, value, ["a record number"]) from None
            continue
        try:
            condition = spec.filters[key](value)
        except (TypeError, ValueError):  # e.g. a month that is not YYYY-MM
            raise _filter_error(entity, key, value, ["YYYY-MM"]) from None
        kind = getattr(getattr(condition, "left", None), "type", None)
        members = getattr(kind, "enum_class", None)
        if members is not None:

            def key_of(text: str) -> str:
                return fold(text).replace(" ", "_")

            wanted = key_of(str(value))
            found = [m for m in members if wanted in (key_of(m.value), key_of(m.name))]
            if not found:
                raise _filter_error(entity, key, value, [m.value for m in members])
            checked[key] = found[0]
        elif isinstance(kind, sa.Date):
            try:
                checked[key] = date.fromisoformat(str(value))
            except ValueError:
                raise _filter_error(entity, key, value, ["YYYY-MM-DD"]) from None
        else:
            checked[key] = value
    return checked


# --- the SELECT of each entity ---------------------------------------------------------------


def _tags(link: sa.Table, column: str, model: Any, dialect: str) -> sa.ColumnElement[Any]:
    """A record's tag names in one cell, ", "-joined, sorted the French way (by their folded
    name: accents and case set aside), by the database: no per-row Python."""
    tag = tables.tags.c
    names = (
        sa.select(tag.name.label("name"))
        .select_from(link)
        .join(tables.tags, tag.id == link.c.tag_id)
        .where(link.c[column] == model.c.id)
        .correlate(model)
    )
    if dialect == "postgresql":
        from sqlalchemy.dialects.postgresql import aggregate_order_by

        # Code-point order, as Python sorts the folded names (not the server's collation).
        order = aggregate_order_by(sa.literal(TAG_SEPARATOR), tag.name_folded.collate("C"))
        return names.with_only_columns(sa.func.string_agg(tag.name, order)).scalar_subquery()
    # SQLite before 3.44 has no ORDER BY in an aggregate: it concatenates the rows of an
    # ordered subquery in their order (an aggregate over an ordered subquery is never
    # flattened, so the order holds).
    ordered = names.order_by(tag.name_folded).subquery()
    return (
        sa.select(sa.func.group_concat(ordered.c.name, TAG_SEPARATOR))
        .correlate(model)
        .scalar_subquery()
    )


def _consenting(contact: Any) -> sa.ColumnElement[bool]:
    c = contact.c
    return sa.and_(c.share_with_partners == Consent.YES, c.do_not_contact.is_(False))


@dataclass(frozen=True)
class Named:
    """A record a row names, for the export log: its kind (an `EntityKind` value), its uid
    (NULL when the row names none), the columns that name it (None: every row names it, the
    row's own record), and for a person the contacts alias whose consent decides whether the
    file may identify them. `via`: for a record named by a plain reference of the row (the
    source's foreign-key column, and the table it points to), the log reads the distinct
    references first and then their uids, not the uid of every row's join."""

    kind: str
    uid: sa.ColumnElement[Any]
    columns: frozenset[str] | None = None
    person: Any = None
    via: tuple[Any, Any] | None = None


@dataclass
class _Source:
    model: sa.FromClause  # the table of the file's rows
    columns: dict[str, sa.ColumnElement[Any]]
    joins: Callable[[sa.Select[Any]], sa.Select[Any]]
    # Rows left out without consent (None: the entity carries no person).
    consent: sa.ColumnElement[bool] | None = None
    # The records a row names besides its own (see `Named`).
    named: tuple[Named, ...] = ()


# The record kind of each file's rows.
ROW_KINDS = {
    "organizations": EntityKind.ORGANIZATION,
    "contacts": EntityKind.CONTACT,
    "introductions": EntityKind.INTRODUCTION,
    "followups": EntityKind.FOLLOWUP,
    "participants": EntityKind.PARTICIPANT,
}


def _names(kind: str, uid: Any, *columns: str) -> Named:
    return Named(kind, uid, frozenset(columns))


def _refers(kind: str, target: Any, key: Any, joined: Any, *columns: str) -> Named:
    """A record the row names through its reference `key` to the table `target` (joined
    as the alias `joined`, whose uid the file's columns show)."""
    return Named(kind, joined.c.uid, frozenset(columns), via=(key, target))


def _person(uid: Any, person: Any, *columns: str) -> Named:
    return Named(EntityKind.CONTACT, uid, frozenset(columns), person)


def _identity(_person: Any, expr: Any) -> Any:
    return expr


def _withheld(person: Any, expr: Any) -> sa.ColumnElement[Any]:
    """`expr`, or NULL for a person without partner-sharing consent: THE consent rule of the
    columns that identify someone (names, emails, phones, uids) in every partner file."""
    return sa.case((_consenting(person), expr))


def _source(entity: str, dialect: str, mask: bool = False) -> _Source:
    """The columns, joins and named records of `entity`'s file; with `mask`, every column
    that identifies a person goes through `_withheld`."""
    shown = _withheld if mask else _identity
    if entity == "organizations":
        o = tables.organizations
        cols: dict[str, Any] = {
            name: o.c[name] for name in csv_headers.COLUMNS[entity] if name in o.c
        }
        cols["tags"] = _tags(organization_tags, "organization_id", o, dialect)
        return _Source(o, cols, lambda q: q)
    if entity == "contacts":
        t, org = tables.contacts, tables.organizations.alias("export_org")
        c = t.c
        cols = {name: c[name] for name in csv_headers.COLUMNS[entity] if name in c}
        cols.update(organization=org.c.name, organization_uid=org.c.uid)
        cols["tags"] = _tags(contact_tags, "contact_id", t, dialect)
        return _Source(
            t, cols, lambda q: q.outerjoin(org, org.c.id == c.organization_id), _consenting(t),
            (_refers(EntityKind.ORGANIZATION, tables.organizations, c.organization_id, org,
                     "organization", "organization_uid"),),
        )  # fmt: skip
    if entity == "introductions":
        it = tables.introductions
        i = it.c
        qc_c, ma_c, intro_c = (tables.contacts.alias() for _ in range(3))
        qc_o, ma_o = tables.organizations.alias(), tables.organizations.alias()
        owner, event = tables.staff_users.alias(), tables.events.alias()
        cols = {
            "uid": i.uid, "title": i.title,
            "qc_party": party_name(qc_o, qc_c, shown(qc_c, person_name(qc_c))),
            "ma_party": party_name(ma_o, ma_c, shown(ma_c, person_name(ma_c))),
            "qc_contact": shown(qc_c, person_name(qc_c)), "qc_contact_uid": shown(qc_c, qc_c.c.uid),
            "qc_organization": qc_o.c.name, "qc_organization_uid": qc_o.c.uid,
            "ma_contact": shown(ma_c, person_name(ma_c)), "ma_contact_uid": shown(ma_c, ma_c.c.uid),
            "ma_organization": ma_o.c.name, "ma_organization_uid": ma_o.c.uid,
            "purpose": i.purpose, "stage": i.stage, "outcome": i.outcome,
            "owner": staff_name(owner),
            "introducer": shown(intro_c, person_name(intro_c)), "event": event.c.name, "event_uid": event.c.uid,
            "stage_changed_at": i.stage_changed_at, "closed_at": i.closed_at, "notes": i.notes,
            "version": i.version, "updated_at": i.updated_at,
            **{f"{side}_{name}": i[f"{side}_{name}"] for side in ("qc", "ma")
               for name in ("consent", "consent_at", "consent_channel")},
        }  # fmt: skip

        def joins(q: sa.Select[Any]) -> sa.Select[Any]:
            return (
                q.outerjoin(qc_c, qc_c.c.id == i.qc_contact_id)
                .outerjoin(ma_c, ma_c.c.id == i.ma_contact_id)
                .outerjoin(intro_c, intro_c.c.id == i.introducer_contact_id)
                .outerjoin(qc_o, qc_o.c.id == i.qc_organization_id)
                .outerjoin(ma_o, ma_o.c.id == i.ma_organization_id)
                .outerjoin(owner, owner.c.id == i.owner_id)
                .outerjoin(event, event.c.id == i.event_id)
            )

        named: tuple[Named, ...] = (
            _person(qc_c.c.uid, qc_c, "qc_contact", "qc_contact_uid"),
            _person(ma_c.c.uid, ma_c, "ma_contact", "ma_contact_uid"),
            # A party is named by its organization, else by its person.
            _person(sa.case((qc_o.c.id.is_(None), qc_c.c.uid)), qc_c, "qc_party"),
            _person(sa.case((ma_o.c.id.is_(None), ma_c.c.uid)), ma_c, "ma_party"),
            _refers(
                EntityKind.ORGANIZATION, tables.organizations, i.qc_organization_id, qc_o,
                "qc_party", "qc_organization", "qc_organization_uid",
            ),
            _refers(
                EntityKind.ORGANIZATION, tables.organizations, i.ma_organization_id, ma_o,
                "ma_party", "ma_organization", "ma_organization_uid",
            ),
            _person(intro_c.c.uid, intro_c, "introducer"),
            _refers(EntityKind.EVENT, tables.events, i.event_id, event, "event", "event_uid"),
        )  # fmt: skip
        return _Source(it, cols, joins, named=named)
    if entity == "followups":
        ft = tables.followups
        f = ft.c
        assignee, link = tables.staff_users.alias(), FollowUpLink("export")
        linked_to, linked_uid = link.shown(shown)
        cols = {
            "uid": f.uid, "title": f.title, "due_date": f.due_date, "due_time": f.due_time,
            "assignee": staff_name(assignee), "priority": f.priority, "status": f.status,
            "completed_at": f.completed_at, "linked_kind": link.kind, "linked_to": linked_to,
            "linked_uid": linked_uid, "notes": f.notes, "version": f.version,
            "updated_at": f.updated_at,
        }  # fmt: skip

        def fu_joins(q: sa.Select[Any]) -> sa.Select[Any]:
            return link.joins(q.outerjoin(assignee, assignee.c.id == f.assignee_id))

        # The linked record: the first of organization, contact, introduction, event (its
        # kind's order); `linked_to` names an introduction by its parties.
        org_id, contact_id, intro_id = f.organization_id, f.contact_id, f.introduction_id
        to_contact = sa.and_(org_id.is_(None), contact_id.is_not(None))
        to_intro = sa.and_(org_id.is_(None), contact_id.is_(None), intro_id.is_not(None))
        to_event = sa.and_(org_id.is_(None), contact_id.is_(None), intro_id.is_(None))
        linked = ("linked_to", "linked_uid")
        named = (
            _names(EntityKind.ORGANIZATION, link.org.c.uid, *linked),
            _person(sa.case((to_contact, link.person.c.uid)), link.person, *linked),
            _names(EntityKind.INTRODUCTION, sa.case((to_intro, link.intro.c.uid)), *linked),
            _names(EntityKind.EVENT, sa.case((to_event, link.event.c.uid)), *linked),
            _names(EntityKind.ORGANIZATION, sa.case((to_intro, link.qc_org.c.uid)), "linked_to"),
            _names(EntityKind.ORGANIZATION, sa.case((to_intro, link.ma_org.c.uid)), "linked_to"),
            _person(
                sa.case((sa.and_(to_intro, link.qc_org.c.id.is_(None)), link.qc_person.c.uid)),
                link.qc_person, "linked_to",
            ),
            _person(
                sa.case((sa.and_(to_intro, link.ma_org.c.id.is_(None)), link.ma_person.c.uid)),
                link.ma_person, "linked_to",
            ),
        )  # fmt: skip
        return _Source(ft, cols, fu_joins, named=named)
    if entity == "participants":
        pt = tables.event_participants
        p = pt.c
        event, person, org = (
            tables.events.alias(),
            tables.contacts.alias(),
            tables.organizations.alias(),
        )
        cols = {
            "uid": p.uid, "event": event.c.name, "event_uid": event.c.uid,
            "event_starts_on": event.c.starts_on, "contact": person_name(person),
            "contact_email": person.c.email, "contact_uid": person.c.uid,
            "organization": org.c.name, "organization_uid": org.c.uid, "role": p.role,
            "attended": p.attended,
        }  # fmt: skip

        def p_joins(q: sa.Select[Any]) -> sa.Select[Any]:
            return (
                q.join(event, event.c.id == p.event_id)
                .outerjoin(person, person.c.id == p.contact_id)
                .outerjoin(org, org.c.id == p.organization_id)
            )

        consent = sa.or_(p.contact_id.is_(None), _consenting(person))
        named = (
            _refers(
                EntityKind.EVENT,
                tables.events,
                p.event_id,
                event,
                "event",
                "event_uid",
                "event_starts_on",
            ),
            _person(person.c.uid, person, "contact", "contact_email", "contact_uid"),
            _refers(
                EntityKind.ORGANIZATION,
                tables.organizations,
                p.organization_id,
                org,
                "organization",
                "organization_uid",
            ),
        )
        return _Source(pt, cols, p_joins, consent, named)
    raise DeskError(f"cannot export '{entity}'")


def _where(
    session: Session, request: ExportRequest, source: _Source
) -> list[sa.ColumnElement[bool]]:
    model = source.model.c
    where: list[sa.ColumnElement[bool]] = [model.deleted_at.is_(None)]
    spec = _list_spec(request.entity) if request.filters or request.text.strip() else None
    filters = dict(request.filters)
    if request.entity == "participants":
        event_id = filters.pop("event_id", None)
        if event_id not in (None, ""):
            ids = event_id if isinstance(event_id, list | tuple) else [event_id]
            where.append(model.event_id.in_([int(i) for i in ids]))
        if filters or request.text:
            raise DeskError(f"participants have no filter {', '.join(filters) or 'text'}")
    elif filters or request.text.strip():
        assert spec is not None
        listed = listing.statement(spec, listing.ListQuery(filters, request.text))
        listed_ids = listed.with_only_columns(spec.model.c.id).order_by(None)
        where.append(model.id.in_(listed_ids))
    if request.ids is not None:
        where.append(model.id.in_(list(request.ids)))
    return where


def select(
    session: Session, request: ExportRequest
) -> tuple[sa.Select[Any], sa.Select[Any] | None]:
    """The SELECT of the rows to write, and the count of rows left out for want of consent.

    Consent, the one place every writer goes through: unless the request includes people
    without consent, a person without partner-sharing consent is not identifiable in what
    this SELECT returns. A contact's own row (a contacts file, a participant's row) is left
    out; a person a row only names (an introduction's party or introducer, a follow-up's
    linked person) is withheld: name, email, phone and uid come back NULL (blank cells).
    """
    request = request.checked()
    dialect = session.get_bind().dialect.name
    mask = not request.include_without_consent
    source = _source(request.entity, dialect, mask)
    where = _where(session, request, source)
    texts = [_as_text(source.columns[c], dialect) for c in request.columns]
    exprs = [expr.label(c) for (expr, _, _), c in zip(texts, request.columns, strict=True)]
    query = source.joins(sa.select(*exprs).select_from(source.model)).where(*where)
    excluded = None
    if source.consent is not None:
        excluded = source.joins(sa.select(sa.func.count()).select_from(source.model)).where(
            *where, sa.not_(source.consent)
        )
        if mask:
            query = query.where(source.consent)
    return query.order_by(source.model.c.id), excluded


def log_named(session: Session, request: ExportRequest, export_id: int) -> sa.Insert:
    """The INSERT of the export log's records for the export `export_id` (see
    `crm.services.export_log`): the uid and kind of every record the rows of `select` name,
    their own and those their columns name, withheld people left out. One statement in the
    database: the rows are read a second time, so the caller makes both reads see the same
    data (SQLite's write lock; on PostgreSQL, `Database.write(snapshot=True)`)."""
    request = request.checked()
    dialect = session.get_bind().dialect.name
    mask = not request.include_without_consent
    source = _source(request.entity, dialect, mask)
    where = _where(session, request, source)
    if mask and source.consent is not None:
        where.append(source.consent)
    parts = []
    for named in _named(source, request):
        kind = sa.literal(str(named.kind)).label("entity")
        if named.via is not None:
            # The distinct references of the rows, then their records: a few thousand
            # lookups, not a join and a distinct of text per row.
            key, target = named.via
            keys = source.joins(sa.select(key).select_from(source.model)).where(*where)
            parts.append(
                sa.select(target.c.uid.label("uid"), kind)
                .where(target.c.id.in_(keys), target.c.uid.is_not(None), target.c.uid != "")
            )  # fmt: skip
            continue
        uid = _withheld(named.person, named.uid) if mask and named.person is not None else named.uid
        part = source.joins(sa.select(uid.label("uid"), kind).select_from(source.model)).where(
            *where, uid.is_not(None), uid != ""
        )
        parts.append(part if named.columns is None else part.distinct())  # others repeat
    uids = sa.union_all(*parts).subquery()
    # In uid order: the primary key (export_id, record_uid) takes them as one append. The
    # WHERE is SQLite's way of telling an upsert's SELECT from a join's ON.
    rows = (
        sa.select(sa.literal(export_id), uids.c.uid, uids.c.entity)
        .where(sa.true())
        .order_by(uids.c.uid)
    )
    table = tables.export_log_records
    columns = ["export_id", "record_uid", "entity"]
    # A uid two kinds share (never, unless a file forced it) is logged once.
    if dialect == "postgresql":
        from sqlalchemy.dialects import postgresql

        return postgresql.insert(table).from_select(columns, rows).on_conflict_do_nothing()
    from sqlalchemy.dialects import sqlite

    return sqlite.insert(table).from_select(columns, rows).on_conflict_do_nothing()


def withheld(session: Session, request: ExportRequest) -> sa.Select[Any] | None:
    """The count of written rows naming a person the file withholds (None: no column of the
    request names a person another row does not carry, or the request includes them all)."""
    request = request.checked()
    if request.include_without_consent:
        return None
    source = _source(request.entity, session.get_bind().dialect.name, True)
    people = [n for n in _named(source, request) if n.person is not None]
    if not people:
        return None
    where = _where(session, request, source)
    if source.consent is not None:
        where.append(source.consent)
    hidden = sa.or_(*(sa.and_(n.uid.is_not(None), sa.not_(_consenting(n.person))) for n in people))
    return source.joins(sa.select(sa.func.count()).select_from(source.model)).where(*where, hidden)


def _named(source: _Source, request: ExportRequest) -> list[Named]:
    own = Named(ROW_KINDS[request.entity], source.model.c.uid)
    chosen = set(request.columns)
    return [own] + [n for n in source.named if n.columns is None or n.columns & chosen]


def column_traits(session: Session, request: ExportRequest) -> tuple[list[bool], list[bool]]:
    """For each column of `select`: whether it comes back as a value Python turns into text
    (moments), and whether it holds free text, which may begin like a formula (not the words
    of a closed list, dates, numbers or yes/no): the formula guard's columns."""
    request = request.checked()
    dialect = session.get_bind().dialect.name
    source = _source(request.entity, dialect)
    traits = [_as_text(source.columns[c], dialect) for c in request.columns]
    return [converted for _, converted, _ in traits], [free for _, _, free in traits]


def _as_text(expr: sa.ColumnElement[Any], dialect: str) -> tuple[sa.ColumnElement[Any], bool, bool]:
    """The column read as text by the database when it can be (no per-cell Python work);
    the first flag says whether Python must still convert the value (moments), the second
    whether it is free text (which may begin like a formula: not a closed list's word, a
    date, a number or yes/no)."""
    kind = expr.type
    if isinstance(kind, UTCDateTime):
        return expr, True, False
    if isinstance(kind, sa.Enum):
        return sa.type_coerce(expr, sa.String()), False, False
    if isinstance(kind, sa.Boolean):
        return sa.case((expr.is_(True), "yes"), (expr.is_(False), "no"), else_=""), False, False
    if isinstance(kind, sa.Time):  # a follow-up's time of day, to the minute: HH:MM
        if dialect == "sqlite":  # stored as HH:MM:SS.ffffff
            return sa.func.substr(sa.type_coerce(expr, sa.String()), 1, 5), False, False
        return sa.func.to_char(expr, "HH24:MI"), False, False
    if isinstance(kind, sa.Date):
        if dialect == "sqlite":  # stored as ISO text already
            return sa.type_coerce(expr, sa.String()), False, False
        return sa.cast(expr, sa.String()), False, False
    if isinstance(kind, sa.Integer):
        return sa.cast(expr, sa.String()), False, False
    return expr, False, True


def count_rows(session: Session, request: ExportRequest) -> int:
    query, _ = select(session, request)
    return int(
        session.execute(sa.select(sa.func.count()).select_from(query.subquery())).scalar_one()
    )
