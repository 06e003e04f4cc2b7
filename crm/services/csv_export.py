"""CSV export for partners: organizations, contacts, introductions, follow-ups, participants.

`export(session, actor_id, request, path)` streams the rows of one Core SELECT (no ORM
objects) into an RFC 4180 file (csv module, CRLF, QUOTE_MINIMAL: quoted fields, doubled
quotes, multi-line notes intact), then records the export in the export log (who, when,
profile, recipient, filter, columns, row count, SHA-256 of the file). The file is written
under a hidden 0600 name beside `path` and renamed into place only when the session's
transaction commits, the log entry with it; a rollback or a failure removes it.

Safety and privacy rules:

- Formula injection: a cell beginning with `=`, `+`, `-`, `@`, tab or carriage return gets a
  leading apostrophe, so a spreadsheet shows it as text and runs nothing. The one exemption is
  the phone columns (`phone`, `mobile`) when the cell is only a phone number
  ("+1 514-555-0123", digits, spaces, dots, parentheses, hyphens, an "ext." suffix): such a
  cell calls no function and reaches nothing, and partners need the "+" readable. The
  import removes the apostrophe again, so an exported file re-imports unchanged.
- ZIP and postal codes are written as the text they are ("02139"): never as numbers.
- Dates are ISO (`YYYY-MM-DD`), moments ISO 8601 in UTC, booleans `yes`/`no`, closed
  vocabularies their stored word (whatever the header language), so files re-import as is.
- Contacts (and participants who are contacts) without `share_with_partners = yes`, or marked
  do-not-contact, are left out unless `include_without_consent` (then the log says so).
"""

from __future__ import annotations

import contextlib
import csv
import enum
import hashlib
import json
import os
import re
import sys
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time
from functools import lru_cache
from itertools import chain
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import Session, aliased

from crm.db.base import UTCDateTime
from crm.db.files import atomic_file
from crm.db.models import (
    Contact,
    Event,
    EventParticipant,
    ExportLogEntry,
    FollowUp,
    Introduction,
    Organization,
    StaffUser,
    Tag,
    contact_tags,
    organization_tags,
)
from crm.domain import csv_headers
from crm.domain.enums import Consent
from crm.domain.errors import DeskError, coded
from crm.domain.text import fold
from crm.services import listing, lists
from crm.services.fields import FollowUpLink, party_name, person_name, staff_name

__all__ = [
    "DELIMITERS",
    "ENCODINGS",
    "ENTITIES",
    "ExportCancelled",
    "ExportRequest",
    "ExportResult",
    "export",
    "export_log",
    "neutralize",
]

ENTITIES = tuple(csv_headers.COLUMNS)
DELIMITERS = {",": ",", ";": ";", "tab": "\t", "\t": "\t"}
ENCODINGS = ("utf-8-sig", "utf-8")
PHONE_COLUMNS = frozenset({"phone", "mobile"})
# The list behind each entity's page: its filters and filter text are the export's.
LIST_SPECS: dict[str, listing.ListSpec] = {
    "organizations": lists.ORGANIZATIONS,
    "contacts": lists.CONTACTS,
    "introductions": lists.INTRODUCTIONS,
    "followups": lists.FOLLOWUPS,
}
_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")
_PHONE_ONLY = re.compile(r"\+?[\d\s().-]+(?: ext\. \d{1,6})?")
_TAG_SEPARATOR = "\x1f"


class ExportCancelled(DeskError):
    def __init__(self) -> None:
        super().__init__("the export was cancelled; no file was written")


def neutralize(text: str, column: str = "") -> str:
    """`text` made safe for a spreadsheet: a leading apostrophe before a formula trigger."""
    if text and text.startswith(_TRIGGERS):
        if column in PHONE_COLUMNS and _PHONE_ONLY.fullmatch(text):
            return text
        return "'" + text
    return text


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


def _filter_error(entity: str, key: str, value: Any, allowed: Iterable[str]) -> DeskError:
    shown = ", ".join(str(a) for a in allowed)
    return coded("export.bad_filter_value", entity=entity, filter=key, value=value, allowed=shown)


def checked_filters(entity: str, filters: dict[str, Any]) -> dict[str, Any]:
    """The list filters with their values as the columns hold them ("qc" -> Territory.QC,
    "2026-05-01" -> a date, "3" -> 3); an unknown filter or a value it cannot take is refused
    with a sentence naming what it takes, before any query runs."""
    spec = LIST_SPECS.get(entity)
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


@dataclass(frozen=True)
class ExportResult:
    path: Path
    rows: int
    excluded_without_consent: int
    sha256: str
    log_id: int


# --- the SELECT of each entity ---------------------------------------------------------------


def _tags(link: sa.Table, column: str, model: Any, dialect: str) -> sa.ColumnElement[Any]:
    if dialect == "postgresql":
        names = sa.func.string_agg(Tag.name, _TAG_SEPARATOR)
    else:
        names = sa.func.group_concat(Tag.name, _TAG_SEPARATOR)
    return (
        sa.select(names)
        .select_from(link)
        .join(Tag, Tag.id == link.c.tag_id)
        .where(link.c[column] == model.id)
        .correlate(model)
        .scalar_subquery()
    )


def _consenting(contact: Any) -> sa.ColumnElement[bool]:
    return sa.and_(contact.share_with_partners == Consent.YES, contact.do_not_contact.is_(False))


@dataclass
class _Source:
    model: Any
    columns: dict[str, sa.ColumnElement[Any]]
    joins: Callable[[sa.Select[Any]], sa.Select[Any]]
    # Rows left out without consent (None: the entity carries no person).
    consent: sa.ColumnElement[bool] | None = None


def _source(entity: str, dialect: str) -> _Source:
    if entity == "organizations":
        o = Organization
        cols: dict[str, Any] = {
            name: getattr(o, name) for name in csv_headers.COLUMNS[entity] if hasattr(o, name)
        }
        cols["tags"] = _tags(organization_tags, "organization_id", o, dialect)
        return _Source(o, cols, lambda q: q)
    if entity == "contacts":
        c = Contact
        org = aliased(Organization, name="export_org")
        cols = {name: getattr(c, name) for name in csv_headers.COLUMNS[entity] if hasattr(c, name)}
        cols.update(organization=org.name, organization_uid=org.uid)
        cols["tags"] = _tags(contact_tags, "contact_id", c, dialect)
        return _Source(
            c, cols, lambda q: q.outerjoin(org, org.id == c.organization_id), _consenting(c)
        )
    if entity == "introductions":
        i = Introduction
        qc_c, ma_c, intro_c = aliased(Contact), aliased(Contact), aliased(Contact)
        qc_o, ma_o = aliased(Organization), aliased(Organization)
        owner, event = aliased(StaffUser), aliased(Event)
        cols = {
            "uid": i.uid, "title": i.title,
            "qc_party": party_name(qc_o, qc_c), "ma_party": party_name(ma_o, ma_c),
            "qc_contact": person_name(qc_c), "qc_contact_uid": qc_c.uid,
            "qc_organization": qc_o.name, "qc_organization_uid": qc_o.uid,
            "ma_contact": person_name(ma_c), "ma_contact_uid": ma_c.uid,
            "ma_organization": ma_o.name, "ma_organization_uid": ma_o.uid,
            "purpose": i.purpose, "stage": i.stage, "outcome": i.outcome,
            "owner": staff_name(owner),
            "introducer": person_name(intro_c), "event": event.name, "event_uid": event.uid,
            "stage_changed_at": i.stage_changed_at, "closed_at": i.closed_at, "notes": i.notes,
        }  # fmt: skip

        def joins(q: sa.Select[Any]) -> sa.Select[Any]:
            return (
                q.outerjoin(qc_c, qc_c.id == i.qc_contact_id)
                .outerjoin(ma_c, ma_c.id == i.ma_contact_id)
                .outerjoin(intro_c, intro_c.id == i.introducer_contact_id)
                .outerjoin(qc_o, qc_o.id == i.qc_organization_id)
                .outerjoin(ma_o, ma_o.id == i.ma_organization_id)
                .outerjoin(owner, owner.id == i.owner_id)
                .outerjoin(event, event.id == i.event_id)
            )

        return _Source(i, cols, joins)
    if entity == "followups":
        f = FollowUp
        assignee, link = aliased(StaffUser), FollowUpLink("export")
        cols = {
            "uid": f.uid, "title": f.title, "due_date": f.due_date, "due_time": f.due_time,
            "assignee": staff_name(assignee), "priority": f.priority, "status": f.status,
            "completed_at": f.completed_at, "linked_kind": link.kind, "linked_to": link.name,
            "linked_uid": link.uid, "notes": f.notes,
        }  # fmt: skip

        def fu_joins(q: sa.Select[Any]) -> sa.Select[Any]:
            return link.joins(q.outerjoin(assignee, assignee.id == f.assignee_id))

        return _Source(f, cols, fu_joins)
    if entity == "participants":
        p = EventParticipant
        event, person, org = aliased(Event), aliased(Contact), aliased(Organization)
        cols = {
            "uid": p.uid, "event": event.name, "event_uid": event.uid,
            "event_starts_on": event.starts_on, "contact": person_name(person),
            "contact_email": person.email, "contact_uid": person.uid,
            "organization": org.name, "organization_uid": org.uid, "role": p.role,
            "attended": p.attended,
        }  # fmt: skip

        def p_joins(q: sa.Select[Any]) -> sa.Select[Any]:
            return (
                q.join(event, event.id == p.event_id)
                .outerjoin(person, person.id == p.contact_id)
                .outerjoin(org, org.id == p.organization_id)
            )

        consent = sa.or_(p.contact_id.is_(None), _consenting(person))
        return _Source(p, cols, p_joins, consent)
    raise DeskError(f"cannot export '{entity}'")


def _where(
    session: Session, request: ExportRequest, source: _Source
) -> list[sa.ColumnElement[bool]]:
    model = source.model
    where: list[sa.ColumnElement[bool]] = [model.deleted_at.is_(None)]
    spec = LIST_SPECS.get(request.entity)
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
        where.append(model.id.in_(listed.with_only_columns(spec.model.id).order_by(None)))
    if request.ids is not None:
        where.append(model.id.in_(list(request.ids)))
    return where


def select(
    session: Session, request: ExportRequest
) -> tuple[sa.Select[Any], sa.Select[Any] | None]:
    """The SELECT of the rows to write, and the count of rows left out for want of consent."""
    request = request.checked()
    source = _source(request.entity, session.get_bind().dialect.name)
    where = _where(session, request, source)
    dialect = session.get_bind().dialect.name
    texts = [_as_text(source.columns[c], dialect) for c in request.columns]
    exprs = [expr.label(c) for (expr, _), c in zip(texts, request.columns, strict=True)]
    query = source.joins(sa.select(*exprs).select_from(source.model)).where(*where)
    excluded = None
    if source.consent is not None:
        excluded = source.joins(sa.select(sa.func.count()).select_from(source.model)).where(
            *where, sa.not_(source.consent)
        )
        if not request.include_without_consent:
            query = query.where(source.consent)
    return query.order_by(source.model.id), excluded


def converted_columns(session: Session, request: ExportRequest) -> list[bool]:
    """Which columns of `select` come back as values Python turns into text."""
    request = request.checked()
    dialect = session.get_bind().dialect.name
    source = _source(request.entity, dialect)
    return [_as_text(source.columns[c], dialect)[1] for c in request.columns]


# --- writing ---------------------------------------------------------------------------------


def _as_text(expr: sa.ColumnElement[Any], dialect: str) -> tuple[sa.ColumnElement[Any], bool]:
    """The column read as text by the database when it can be (no per-cell Python work);
    the flag says whether Python must still convert the value (moments, tags)."""
    kind = expr.type
    if isinstance(kind, UTCDateTime):
        return expr, True
    if isinstance(kind, sa.Enum):
        return sa.type_coerce(expr, sa.String()), False
    if isinstance(kind, sa.Boolean):
        return sa.case((expr.is_(True), "yes"), (expr.is_(False), "no"), else_=""), False
    if isinstance(kind, sa.Time):  # a follow-up's time of day, to the minute: HH:MM
        if dialect == "sqlite":  # stored as HH:MM:SS.ffffff
            return sa.func.substr(sa.type_coerce(expr, sa.String()), 1, 5), False
        return sa.func.to_char(expr, "HH24:MI"), False
    if isinstance(kind, sa.Date):
        if dialect == "sqlite":  # stored as ISO text already
            return sa.type_coerce(expr, sa.String()), False
        return sa.cast(expr, sa.String()), False
    if isinstance(kind, sa.Integer):
        return sa.cast(expr, sa.String()), False
    return expr, False


def _convert(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.isoformat(timespec="seconds")
    if isinstance(value, date | time):
        return value.isoformat()
    if isinstance(value, enum.Enum):
        return str(value.value)
    if isinstance(value, bool):
        return "yes" if value else "no"
    return str(value)


@lru_cache(maxsize=4096)
def _tag_cell(value: Any) -> str:
    """Tag names sorted the French way (accents and case ignored); tag sets repeat a lot."""
    if not value:
        return ""
    return ", ".join(sorted(value.split(_TAG_SEPARATOR), key=fold))


def _safe(text: str) -> str:
    return "'" + text


def write_rows(
    handle: Any,
    rows: Iterable[Sequence[Any]],
    request: ExportRequest,
    *,
    converted: Sequence[bool] = (),
    progress: Callable[[int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> int:
    """Write the header and `rows` through the csv module; returns the rows written.

    Cells arrive as text (or None) except where `converted` says Python must turn them into
    text (moments, tags). Every cell beginning with a formula trigger is neutralized, except a
    pure phone number in a phone column.
    """
    writer = csv.writer(
        handle, delimiter=request.delimiter, lineterminator="\r\n", quoting=csv.QUOTE_MINIMAL
    )
    writer.writerow([csv_headers.label(c, request.lang) for c in request.columns])
    columns = list(request.columns)
    fixups = [
        (i, _tag_cell if c == "tags" else _convert)
        for i, c in enumerate(columns)
        if c == "tags" or (converted and converted[i])
    ]
    phones = [i for i, c in enumerate(columns) if c in PHONE_COLUMNS]
    triggers = frozenset(_TRIGGERS)
    count = 0
    batch: list[list[str]] = []
    for row in rows:
        if fixups:
            row = list(row)
            for i, fix in fixups:
                row[i] = fix(row[i])
        cells = ["" if v is None else (_safe(v) if v[:1] in triggers else v) for v in row]
        for i in phones:
            raw = row[i]
            if raw and raw[0] == "+" and _PHONE_ONLY.fullmatch(raw):
                cells[i] = raw
        batch.append(cells)
        if len(batch) == 5000:
            writer.writerows(batch)
            count += len(batch)
            batch.clear()
            if progress is not None:
                progress(count)
            if cancelled is not None and cancelled():
                raise ExportCancelled()
    writer.writerows(batch)
    count += len(batch)
    if progress is not None:
        progress(count)
    return count


def _stream(result: Any, *, raw: bool) -> Iterable[Sequence[Any]]:
    """The rows in pages. When no column needs a result processor (every cell came back as
    text from the database), the driver's own tuples are read from the cursor: SQLAlchemy
    executed the statement (parameters, expanding IN lists), its per-row wrapping is skipped.
    """
    cursor = getattr(result, "cursor", None) if raw else None
    if cursor is None:
        return chain.from_iterable(result.partitions(5000))

    def pages() -> Iterable[Sequence[Any]]:
        try:
            while batch := cursor.fetchmany(5000):
                yield from batch
        finally:
            result.close()

    return pages()


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def count_rows(session: Session, request: ExportRequest) -> int:
    query, _ = select(session, request)
    return int(
        session.execute(sa.select(sa.func.count()).select_from(query.subquery())).scalar_one()
    )


def export(
    session: Session,
    actor_id: int | None,
    request: ExportRequest,
    path: str | os.PathLike[str],
    *,
    progress: Callable[[int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
    log_name: str | None = None,
) -> ExportResult:
    """Write the file and log the export; the file appears at `path` when the caller's
    transaction commits (the log entry with it), and not at all if it does not.

    Run it in a write session (`db.write()`): the export log entry is part of it.
    `log_name` is what the log records instead of the path (e.g. standard output).
    """
    request = request.checked()
    target = Path(path)
    query, excluded_query = select(session, request)
    excluded = 0
    if excluded_query is not None and not request.include_without_consent:
        excluded = int(session.execute(excluded_query).scalar_one())
    # The file is written under a hidden private name and appears only once its log entry
    # has committed (see `_publish_at_commit`): never a file the log did not see, and never
    # a partial file of personal data under a visible name.
    publish = contextlib.ExitStack()
    temporary = publish.enter_context(atomic_file(target))
    try:
        with temporary.open("w", encoding=request.encoding, newline="") as handle:
            # Through the Connection: plain Core rows, no ORM loading layer.
            converted = converted_columns(session, request)
            raw = not any(converted)
            # Raw: no row buffering by SQLAlchemy, the cursor is read directly (see _stream).
            options = {} if raw else {"yield_per": 5000}
            result = session.connection().execute(query.execution_options(**options))
            stream = _stream(result, raw=raw)
            try:
                rows = write_rows(
                    handle, stream, request, converted=converted,
                    progress=progress, cancelled=cancelled,
                )  # fmt: skip
            finally:
                # Closed here, while the connection is open: a stream left to the garbage
                # collector closes its cursor after a failed write has closed the connection.
                getattr(stream, "close", lambda: None)()
                result.close()
        sha = _sha256(temporary)
    except OSError as exc:
        publish.__exit__(*sys.exc_info())  # removes the temporary file
        if exc.filename is None:  # a failed write names no file: say it was the export's
            raise OSError(exc.errno, exc.strerror, str(target)) from exc
        raise
    except BaseException:
        publish.__exit__(*sys.exc_info())
        raise
    described = {
        "filters": {k: _plain(v) for k, v in request.filters.items()},
        "text": request.text,
        "selected": None if request.ids is None else len(request.ids),
        "excluded_without_consent": excluded,
        "lang": request.lang,
        "delimiter": "tab" if request.delimiter == "\t" else request.delimiter,
        "encoding": request.encoding,
    }
    entry = ExportLogEntry(
        user_id=actor_id,
        entity=request.entity,
        profile=request.profile,
        recipient=request.recipient,
        filter=json.dumps(described, ensure_ascii=False),
        columns=",".join(request.columns),
        row_count=rows,
        sha256=sha,
        file_name=log_name or str(target),
        included_without_consent=request.include_without_consent,
    )
    try:
        session.add(entry)
        session.flush()
    except BaseException:
        publish.__exit__(*sys.exc_info())
        raise
    _publish_at_commit(session, publish)
    return ExportResult(target, rows, excluded, sha, entry.id)


class _RolledBack(Exception):
    """Handed to `atomic_file` when the export's transaction ends without a commit."""


def _publish_at_commit(session: Session, publish: contextlib.ExitStack) -> None:
    """Rename the written file into place when the session's transaction commits; remove it
    when the transaction ends otherwise (rolled back, or closed without a commit)."""
    root = session.get_transaction()
    done = False

    def committed(_session: Session) -> None:
        nonlocal done
        if not done:
            done = True
            publish.close()

    def ended(_session: Session, transaction: Any) -> None:
        nonlocal done
        if transaction is root and not done:
            done = True
            publish.__exit__(_RolledBack, _RolledBack(), None)

    sa.event.listen(session, "after_commit", committed)
    sa.event.listen(session, "after_transaction_end", ended)


def _plain(value: Any) -> Any:
    if isinstance(value, date | datetime):
        return value.isoformat()
    if isinstance(value, enum.Enum):
        return value.value
    return value


@dataclass(frozen=True)
class LogRow:
    id: int
    at: datetime
    user: str
    entity: str
    profile: str
    recipient: str
    filter: str
    columns: str
    row_count: int
    sha256: str
    file_name: str
    included_without_consent: bool


def export_log(session: Session, *, limit: int = 500) -> list[LogRow]:
    """The latest exports first, as plain rows."""
    e = ExportLogEntry
    query = (
        sa.select(
            e.id, e.at, sa.func.coalesce(staff_name(StaffUser), ""),
            e.entity, e.profile, e.recipient, e.filter, e.columns, e.row_count, e.sha256,
            e.file_name, e.included_without_consent,
        )
        .outerjoin(StaffUser, StaffUser.id == e.user_id)
        .order_by(e.id.desc())
        .limit(limit)
    )  # fmt: skip
    return [LogRow(*row) for row in session.execute(query)]
