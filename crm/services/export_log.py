"""Which records went out in which partner file: the records of the export log.

Every logged export keeps the uids of the records its file names (`export_log_records`,
written in the transaction of the log entry, before the file appears): each row's own record,
and the people, organizations, events and introductions that a written column names (a
contact's organization, an introduction's parties and introducer, a follow-up's linked
record, a participant's person and event). A person left out of the file for want of consent
is not named by it, so not logged. Uids, not row ids: the entry still says what went out
after a record is purged.

- the export writes them in the database (`export_columns.log_named`);
  `record_named(session, export_id, named)` writes given ones (a restored log);
- `files_including(session, record_uid)`: the files that named a record, newest first (a
  record page's timeline, a person's privacy report);
- `records_of(session, export_id)`, `records_by_export`: what files named (the export
  log's detail, `crm exports --json`);
- `names(session, records)`: their names now (the export log's detail);
- `options(entry.filter)`: the options an entry recorded.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import Session

from crm.db.base import table_of
from crm.db.models import ExportLogEntry, ExportLogRecord, StaffUser
from crm.services.fields import staff_name

__all__ = [
    "ExportedFile",
    "NamedRecord",
    "files_including",
    "names",
    "options",
    "record_named",
    "records_by_export",
    "records_of",
]


@dataclass(frozen=True)
class ExportedFile:
    """One logged export that named a record: when, by whom, for whom, which file."""

    export_id: int
    export_uid: str
    at: datetime
    user: str  # the staff user's name ("" when the user is gone)
    entity: str  # the file's rows: contacts, introductions...
    recipient: str
    profile: str
    file_name: str
    sha256: str
    included_without_consent: bool
    # How the file named the record: its kind (contact, organization...).
    record_entity: str


@dataclass(frozen=True)
class NamedRecord:
    entity: str  # an EntityKind value
    uid: str


def record_named(session: Session, export_id: int, named: Mapping[str, str]) -> None:
    """Log the records (uid -> kind) that the export `export_id` named, in its transaction."""
    if not named:
        return
    conn = session.connection()
    mark = "?" if conn.dialect.paramstyle == "qmark" else "%s"
    table = table_of(ExportLogRecord).name
    # Plain text tuples straight to the driver's executemany (no per-row SQLAlchemy work),
    # in uid order: the primary key (export_id, record_uid) takes them as one append.
    conn.exec_driver_sql(
        f"INSERT INTO {table} (export_id, record_uid, entity) VALUES ({mark}, {mark}, {mark})",
        [(export_id, uid, str(named[uid])) for uid in sorted(named)],
    )


def files_including(session: Session, record_uid: str) -> list[ExportedFile]:
    """The logged exports whose file named the record `record_uid`, newest first."""
    e, r = ExportLogEntry, ExportLogRecord
    # One primary-key probe (export_id, record_uid) per logged export: see ExportLogRecord.
    named_as = (
        sa.select(r.entity)
        .where(r.export_id == e.id, r.record_uid == record_uid)
        .correlate(e)
        .scalar_subquery()
    )
    query = (
        sa.select(
            e.id, e.uid, e.at, sa.func.coalesce(staff_name(StaffUser), ""), e.entity,
            e.recipient, e.profile, e.file_name, e.sha256, e.included_without_consent,
            named_as,
        )
        .outerjoin(StaffUser, StaffUser.id == e.user_id)
        .where(named_as.is_not(None))
        .order_by(e.at.desc(), e.id.desc())
    )  # fmt: skip
    return [ExportedFile(*row) for row in session.execute(query)]


def records_of(session: Session, export_id: int) -> list[NamedRecord]:
    """The records the export `export_id` named, by kind then uid."""
    return records_by_export(session, [export_id]).get(export_id, [])


def records_by_export(session: Session, export_ids: Iterable[int]) -> dict[int, list[NamedRecord]]:
    """The records each of these exports named (by kind then uid), in one query."""
    r = ExportLogRecord
    query = (
        sa.select(r.export_id, r.entity, r.record_uid)
        .where(r.export_id.in_(list(export_ids)))
        .order_by(r.export_id, r.entity, r.record_uid)
    )
    found: dict[int, list[NamedRecord]] = {}
    for export_id, entity, uid in session.execute(query):
        found.setdefault(export_id, []).append(NamedRecord(entity, uid))
    return found


def names(session: Session, records: Iterable[NamedRecord]) -> dict[str, str]:
    """The records' names as the desk shows them now (uid -> name); a record no longer in
    the desk (purged) has none. Trashed records keep theirs."""
    from crm.services.kinds import KINDS  # the registry imports most services

    by_kind: dict[str, list[str]] = {}
    for record in records:
        by_kind.setdefault(record.entity, []).append(record.uid)
    found: dict[str, str] = {}
    for kind, uids in by_kind.items():
        known = KINDS.get(kind)
        if known is None:
            continue
        for start in range(0, len(uids), 500):  # IN lists of a bounded size
            query = sa.select(known.model).where(known.model.uid.in_(uids[start : start + 500]))
            for obj in session.scalars(query):
                found[obj.uid] = known.service.label(obj)
    return found


def options(described: str) -> dict[str, Any]:
    """An entry's options as recorded (filters, filter text, header language, delimiter,
    encoding, consent, free-text columns, format...): {} for an entry that recorded none."""
    try:
        value = json.loads(described) if described else {}
    except ValueError:
        return {}
    return value if isinstance(value, dict) else {}
