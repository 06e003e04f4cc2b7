"""Which records went out in which partner file: the records of the export log.

Every logged export keeps the uids of the records its file names (`export_log_records`,
written in the transaction of the log entry, before the file appears): each row's own record,
and the people, organizations, events and introductions that a written column names (a
contact's organization, an introduction's parties and introducer, a follow-up's linked
record, a participant's person and event). A person left out of the file for want of consent
is not named by it, so not logged. Uids, not row ids: the entry still says what went out
after a record is purged.

- `record_named(session, export_id, named)`: the export writes them (csv_export);
- `files_including(session, record_uid)`: the files that named a record, newest first (a
  record page's timeline, a person's privacy report);
- `records_of(session, export_id)`: what one file named (the export log's detail).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime

import sqlalchemy as sa
from sqlalchemy.orm import Session

from crm.db.models import ExportLogEntry, ExportLogRecord, StaffUser
from crm.services.fields import staff_name

__all__ = ["ExportedFile", "NamedRecord", "files_including", "record_named", "records_of"]


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
    if named:
        session.execute(
            sa.insert(ExportLogRecord),
            [
                {"export_id": export_id, "record_uid": uid, "entity": str(kind)}
                for uid, kind in named.items()
            ],
        )


def files_including(session: Session, record_uid: str) -> list[ExportedFile]:
    """The logged exports whose file named the record `record_uid`, newest first."""
    e, r = ExportLogEntry, ExportLogRecord
    query = (
        sa.select(
            e.id, e.uid, e.at, sa.func.coalesce(staff_name(StaffUser), ""), e.entity,
            e.recipient, e.profile, e.file_name, e.sha256, e.included_without_consent,
            r.entity,
        )
        .join(r, r.export_id == e.id)
        .outerjoin(StaffUser, StaffUser.id == e.user_id)
        .where(r.record_uid == record_uid)
        .order_by(e.at.desc(), e.id.desc())
    )  # fmt: skip
    return [ExportedFile(*row) for row in session.execute(query)]


def records_of(session: Session, export_id: int) -> list[NamedRecord]:
    """The records the export `export_id` named, by kind then uid."""
    r = ExportLogRecord
    query = (
        sa.select(r.entity, r.record_uid)
        .where(r.export_id == export_id)
        .order_by(r.entity, r.record_uid)
    )
    return [NamedRecord(*row) for row in session.execute(query)]
