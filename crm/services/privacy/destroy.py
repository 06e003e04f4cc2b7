"""Destruction: a person (or an organization) erased with every copy of their data the desk
holds. The trash's permanent deletion (`records.purge`) and a person's request
(`crm.services.privacy.forget`) both come here. It imports neither the records machinery nor
the kind registry (they import it): the foreign keys come from `crm.services.references`.

What goes, in the one transaction of the user's action:

- the row, its tags and its search index entry; on SQLite the full-text index is then
  optimized, because FTS5 keeps a deleted row's words in its segments until they merge;
- the records that exist only for it: a follow-up or an interaction linked to it alone, a
  participation in an event;
- the values of its audit trail: each entry keeps who, when, what kind of change and which
  fields, not the values; a last entry says that a record of that kind was destroyed
  ("purge" from the trash, "forget" on request), by whom and when;
- its import undo data (`import_batch_items`), and saved filters naming it (an export
  profile's filter text or organization; the filter text of the export log's entries);
- in the records that stay (an introduction, a follow-up also linked to an organization...),
  the link to it, and its name, email and phones where their free text (titles, notes, audit
  values, import undo data, stage notes) spells them: replaced by `REDACTED`.

An introduction stays with that side empty: the service requires a contact or an
organization on each side, so a side with neither is a destroyed party (the lists show
"(destroyed)").

Then, once committed, the freed storage: SQLite deletes with `secure_delete` on (freed cells
and pages zeroed), and after the commit a `VACUUM` (earlier edits left old copies in free
space that `secure_delete` never saw) and a WAL checkpoint (TRUNCATE): the file's bytes no
longer hold the person. PostgreSQL gets a `VACUUM` of each table touched, outside any
transaction (the tables' owner may run it; no superuser needed). A reader holding an old
snapshot can delay that cleaning: `Destroyed.storage_cleaned` says whether it was done.

Backups are copies the desk cannot change: `backups_holding` names the ones made since the
record was created, which still hold it.
"""

from __future__ import annotations

import contextlib
import json
import re
import sqlite3
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import Session

from crm.db import search
from crm.db.base import table_of
from crm.db.database import Database
from crm.db.models import (
    RECORD_MODELS,
    AuditEntry,
    Contact,
    ExportLogEntry,
    ExportProfile,
    ImportBatchItem,
    Organization,
    StageChange,
)
from crm.domain.errors import NotFound
from crm.services import audit
from crm.services.references import KIND_OF_TABLE, references_to, reindex_kinds

REDACTED = "[…]"

# Records that exist only for the record they are linked to: with no other link left, they
# go with it (their columns that link a record).
_OWN_LINKS = {
    "followups": ("organization_id", "contact_id", "introduction_id", "event_id"),
    "interactions": ("organization_id", "contact_id", "introduction_id", "event_id"),
    "event_participants": ("contact_id", "organization_id"),
}
# Free text staff write, where they may have spelled the destroyed one's name.
_FREE_TEXT = {
    "introductions": ("title", "notes"),
    "followups": ("title", "notes"),
    "interactions": ("subject", "notes"),
    "event_participants": ("role",),
    "contacts": ("title", "notes"),
    "organizations": ("notes",),
    "events": ("description",),
}
_INFO = "crm.privacy.destroyed"


@dataclass
class Linked:
    """Records tied to the destroyed one, by kind: erased with it, or kept without the link."""

    erased: dict[str, list[int]] = field(default_factory=dict)
    kept: dict[str, list[int]] = field(default_factory=dict)


@dataclass
class Destroyed:
    """A destruction done: what it was, and (once committed) whether the storage was cleaned."""

    kind: str
    uid: str
    label: str
    created_at: datetime
    erased: dict[str, int]
    kept: dict[str, int]
    # None until the transaction commits; False when a reader held the old pages.
    storage_cleaned: bool | None = None


# --- what is tied to a record -------------------------------------------------------------


def _model(kind: str) -> Any:
    return RECORD_MODELS[kind]


def linked(session: Session, model: type[Any], record_id: int) -> Linked:
    """The records that refer to this one: the ones that exist only for it, and the others."""
    found = Linked()
    table = table_of(model)
    for other, column in references_to(table):
        kind = KIND_OF_TABLE.get(other.name)
        if kind is None or other is table:
            continue
        rows = session.execute(sa.select(other).where(column == record_id)).mappings()
        for row in rows:
            others = [c for c in _OWN_LINKS.get(other.name, ()) if c != column.name]
            # A row that cannot be without it (a participation in an erased event) goes too.
            alone = not column.nullable or (
                other.name in _OWN_LINKS and all(row[c] is None for c in others)
            )
            bucket = found.erased if alone else found.kept
            ids = bucket.setdefault(kind, [])
            if row["id"] not in ids:
                ids.append(row["id"])
    # A record that refers twice (both sides of an introduction) is erased if it is alone.
    for kind, ids in found.erased.items():
        if kind in found.kept:
            found.kept[kind] = [i for i in found.kept[kind] if i not in ids]
    return found


def audit_where(kind: str, record_id: int, uid: str = "") -> sa.ColumnElement[bool]:
    """A record's entries: by kind and id, and by uid (what survives a restore's renumbering)."""
    where = sa.and_(AuditEntry.entity == kind, AuditEntry.record_id == record_id)
    return sa.or_(where, AuditEntry.record_uid == uid) if uid else where


# --- destruction -----------------------------------------------------------------------------


def destroy(
    session: Session,
    actor_id: int | None,
    kind: str,
    record_id: int,
    *,
    label: str,
    action: str = "purge",
) -> Destroyed:
    """Erase a record (a contact, an organization...) and every copy of its data; see the
    module. `label` names it for the caller's messages; `action` is the trail's word."""
    model = _model(kind)
    obj = session.get(model, record_id)
    if obj is None:
        raise NotFound(kind, record_id)
    _secure(session)
    uid, created_at = obj.uid, obj.created_at
    words = _identifying(obj)
    links = linked(session, model, record_id)
    for other_kind, ids in links.erased.items():
        for other_id in ids:  # each keeps its own line in the trail: erased, by whom, when
            other_uid = _erase(session, other_kind, other_id, "")
            audit.record(session, actor_id, action, other_kind, other_id, other_uid)
    table = table_of(model)
    for other, column in references_to(table):
        where = column == record_id
        if other is table:  # a self-reference (staff_users.deleted_by_id): other rows only
            where = sa.and_(where, other.c.id != record_id)
        if column.nullable:
            session.execute(sa.update(other).where(where).values({column.name: None}))
        else:
            session.execute(sa.delete(other).where(where))
        _touched(session, other.name)
    redacted = _redact_everywhere(session, words, (kind, record_id))
    _profiles_and_log(session, obj)
    session.delete(obj)
    session.flush()
    _erase(session, kind, record_id, uid)
    for other_kind, ids in links.kept.items():
        redacted.setdefault(other_kind, set()).update(ids)
    reindex_kinds(session, redacted)
    audit.record(session, actor_id, action, kind, record_id, uid)
    return _register(
        session,
        Destroyed(
            kind, uid, label, created_at,
            {k: len(ids) for k, ids in links.erased.items()},
            {k: len(ids) for k, ids in links.kept.items()},
        ),
    )  # fmt: skip


def _erase(session: Session, kind: str, record_id: int, uid: str) -> str:
    """The copies of a record outside its row: index entry, audit values, import undo data.
    With `uid` "", the row too (a record erased with another). Returns its uid."""
    model = _model(kind)
    if uid == "":
        row = session.get(model, record_id)
        if row is not None:
            uid = row.uid
            session.delete(row)
            session.flush()
    search.remove(session, kind, [record_id])
    entries = session.execute(
        sa.select(AuditEntry.id, AuditEntry.changes).where(audit_where(kind, record_id, uid))
    ).all()
    for entry_id, text in entries:
        session.execute(
            sa.update(AuditEntry)
            .where(AuditEntry.id == entry_id)
            .values(changes=json.dumps(dict.fromkeys(_loads(text)), ensure_ascii=False))
        )
    session.execute(
        sa.delete(ImportBatchItem).where(
            ImportBatchItem.entity == kind, ImportBatchItem.record_id == record_id
        )
    )
    for name in (table_of(model).name, "search_entries", "audit_log", "import_batch_items"):
        _touched(session, name)
    return uid


def _identifying(obj: Any) -> list[str]:
    """What spells the record out in free text: a person's name, email and phones."""
    if isinstance(obj, Contact):
        found = [
            obj.full_name,
            f"{obj.last_name} {obj.first_name}",
            obj.email,
            obj.phone,
            obj.mobile,
        ]
    elif isinstance(obj, Organization):
        found = [obj.name, obj.phone, obj.website]
    else:
        found = []
    # Longest first, so that "Éric Côté" is replaced whole before "Côté" could be.
    return sorted({w.strip() for w in found if len(w.strip()) >= 3}, key=len, reverse=True)


def _pattern(words: Sequence[str]) -> re.Pattern[str] | None:
    if not words:
        return None
    # Whole words only: an organization "BIO" must not take "biotech" with it.
    either = "|".join(re.escape(w) for w in words)
    return re.compile(rf"(?<!\w)(?:{either})(?!\w)", re.IGNORECASE)


def _redact(value: Any, pattern: re.Pattern[str] | None) -> Any:
    """`value` with every spelling of the destroyed record replaced, in nested JSON too."""
    if pattern is None:
        return value
    if isinstance(value, str):
        return pattern.sub(REDACTED, value)
    if isinstance(value, list):
        return [_redact(v, pattern) for v in value]
    if isinstance(value, dict):
        return {k: _redact(v, pattern) for k, v in value.items()}
    return value


def _redact_json(text: str, pattern: re.Pattern[str] | None) -> str:
    if pattern is None or not text or not pattern.search(text):
        return text
    try:
        found = json.loads(text)
    except ValueError:
        return str(_redact(text, pattern))
    return json.dumps(_redact(found, pattern), ensure_ascii=False)


def _containing(column: Any, words: Sequence[str]) -> sa.ColumnElement[bool]:
    # A case-insensitive first pass in SQL (ASCII only on SQLite); the regex decides.
    return sa.or_(*(column.icontains(w, autoescape=True) for w in words))


def _redact_everywhere(
    session: Session, words: Sequence[str], destroyed: tuple[str, int]
) -> dict[str, set[int]]:
    """Wherever free text spells the destroyed record (its name, email, phones), in any
    record: the columns staff write in, the audit values, the import undo data and the
    stage notes. Returns the records changed, by kind, to re-index."""
    pattern = _pattern(words)
    changed_ids: dict[str, set[int]] = {}
    if pattern is None:
        return changed_ids
    for kind, model in RECORD_MODELS.items():
        table = table_of(model)
        columns = [table.c[name] for name in _FREE_TEXT.get(table.name, ())]
        if not columns:
            continue
        query = sa.select(table.c.id, *columns).where(
            sa.or_(*(_containing(c, words) for c in columns))
        )
        for row in session.execute(query).all():
            if (kind, row[0]) == destroyed:
                continue
            changed: dict[str, Any] = {
                c.name: pattern.sub(REDACTED, row[i + 1])
                for i, c in enumerate(columns)
                if row[i + 1] and pattern.search(row[i + 1])
            }
            if changed:
                # A new version: an editor still open on the old text must not write it back.
                changed["version"] = table.c.version + 1
                session.execute(sa.update(table).where(table.c.id == row[0]).values(changed))
                changed_ids.setdefault(kind, set()).add(row[0])
                _touched(session, table.name)
    for table_model, column in (
        (AuditEntry, AuditEntry.changes),
        (ImportBatchItem, ImportBatchItem.before),
        (StageChange, StageChange.note),
        (ExportLogEntry, ExportLogEntry.filter),
    ):
        key = table_model.id
        for row_id, text in session.execute(
            sa.select(key, column).where(_containing(column, words))
        ).all():
            if (redacted := _redact_json(text, pattern)) != text:
                session.execute(
                    sa.update(table_model).where(key == row_id).values({column.key: redacted})
                )
                _touched(session, table_of(table_model).name)
    return changed_ids


def _names(obj: Any, text: str) -> bool:
    """Whether a filter text names the record (its name, last name or email)."""
    from crm.domain.text import fold

    folded = fold(text or "")
    if not folded:
        return False
    if isinstance(obj, Contact):
        spelled = [obj.full_name, obj.last_name, obj.email]
    elif isinstance(obj, Organization):
        spelled = [obj.name]
    else:
        spelled = []
    return any(len(fold(s)) >= 2 and fold(s) in folded for s in spelled if s)


def _profile_filters(obj: Any, filters: Mapping[str, Any]) -> dict[str, Any]:
    """A profile's filters without the ones that name the record."""
    kept = dict(filters)
    if isinstance(kept.get("text"), str) and _names(obj, kept["text"]):
        del kept["text"]
    if isinstance(obj, Organization) and str(kept.get("organization_id")) == str(obj.id):
        del kept["organization_id"]
    return kept


def profiles_naming(session: Session, obj: Any) -> list[ExportProfile]:
    found = []
    for profile in session.scalars(sa.select(ExportProfile).order_by(ExportProfile.name)):
        filters = _loads(profile.filters)
        if _profile_filters(obj, filters) != filters:
            found.append(profile)
    return found


def _profiles_and_log(session: Session, obj: Any) -> None:
    """Saved filters that name the record: export profiles' filters, and the filter text of
    the export log's entries (a name in a filter need not be spelled whole: "côté")."""
    for profile in profiles_naming(session, obj):
        profile.filters = json.dumps(
            _profile_filters(obj, _loads(profile.filters)), ensure_ascii=False
        )
        _touched(session, "export_profiles")
    for entry_id, text in session.execute(
        sa.select(ExportLogEntry.id, ExportLogEntry.filter)
    ).all():
        described = _loads(text)
        if isinstance(described.get("text"), str) and _names(obj, described["text"]):
            described["text"] = REDACTED
            session.execute(
                sa.update(ExportLogEntry)
                .where(ExportLogEntry.id == entry_id)
                .values(filter=json.dumps(described, ensure_ascii=False))
            )
            _touched(session, "export_log")


def _loads(text: str) -> dict[str, Any]:
    try:
        found = json.loads(text) if text else {}
    except ValueError:
        return {}
    return found if isinstance(found, dict) else {}


# --- the storage ---------------------------------------------------------------------------


def _secure(session: Session) -> None:
    """Zero what the transaction frees (SQLite), and clean the storage once it commits."""
    if _INFO in session.info:
        return
    session.info[_INFO] = {"tables": set(), "done": []}
    if session.get_bind().dialect.name == "sqlite":
        session.connection().exec_driver_sql("PRAGMA secure_delete = ON")
    sa.event.listen(session, "before_commit", _before_commit, once=True)
    sa.event.listen(session, "after_commit", _after_commit, once=True)
    sa.event.listen(session, "after_rollback", _forget_info, once=True)


def _touched(session: Session, table: str) -> None:
    session.info[_INFO]["tables"].add(table)


def _register(session: Session, destroyed: Destroyed) -> Destroyed:
    session.info[_INFO]["done"].append(destroyed)
    return destroyed


def _before_commit(session: Session) -> None:
    if session.get_bind().dialect.name != "sqlite":
        return
    conn = session.connection()
    # FTS5 keeps a deleted row's words in its segments until they merge: merge them now.
    conn.exec_driver_sql("INSERT INTO search_fts(search_fts) VALUES('optimize')")
    # The pooled connection goes back to normal deletes once this transaction's are done.
    conn.exec_driver_sql("PRAGMA secure_delete = OFF")


def _forget_info(session: Session) -> None:
    # Rolled back: nothing to clean. (A pooled SQLite connection may keep secure_delete on:
    # its later deletes are zeroed too, which costs a little and harms nothing.)
    session.info.pop(_INFO, None)
    with contextlib.suppress(sa.exc.InvalidRequestError):
        sa.event.remove(session, "before_commit", _before_commit)
    with contextlib.suppress(sa.exc.InvalidRequestError):
        sa.event.remove(session, "after_commit", _after_commit)


def _after_commit(session: Session) -> None:
    info = session.info.pop(_INFO, None)
    with contextlib.suppress(sa.exc.InvalidRequestError):
        sa.event.remove(session, "after_rollback", _forget_info)
    if info is None:
        return
    engine = session.get_bind()
    assert isinstance(engine, sa.Engine)
    cleaned = clean_storage(engine, sorted(info["tables"]))
    for destroyed in info["done"]:
        destroyed.storage_cleaned = cleaned


def clean_storage(engine: sa.Engine, tables: Iterable[str]) -> bool:
    """After a destruction commits: SQLite rewrites the file (`VACUUM`) and empties its WAL
    (checkpoint TRUNCATE); PostgreSQL vacuums the tables touched. Outside any transaction,
    on a connection of its own. False when it could not be done now (a reader holds old
    pages: SQLite folds the WAL in when the last connection closes)."""
    raw = engine.raw_connection()
    try:
        driver: Any = raw.dbapi_connection
        if engine.dialect.name == "sqlite":
            # The pool's connections run in the driver's autocommit mode (see crm.db.engine).
            driver.execute("VACUUM")
            busy, _, _ = driver.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
            return not busy
        if engine.dialect.name == "postgresql":
            driver.autocommit = True
            try:
                with driver.cursor() as cursor:
                    for name in tables:
                        cursor.execute(f'VACUUM "{name}"')
            finally:
                driver.autocommit = False
            return True
        return False
    except (sa.exc.DBAPIError, sqlite3.Error, OSError) as exc:
        if _driver_error(exc):
            return False
        raise
    finally:
        raw.close()


def _driver_error(exc: BaseException) -> bool:
    """A driver's own error (busy, locked, no permission), not a bug."""
    try:
        import psycopg
    except ImportError:  # pragma: no cover - psycopg ships with the desk
        return isinstance(exc, sqlite3.Error | sa.exc.DBAPIError | OSError)
    return isinstance(exc, sqlite3.Error | sa.exc.DBAPIError | OSError | psycopg.Error)


# --- backups -----------------------------------------------------------------------------


def backups_holding(db: Database, since: datetime) -> list[Path]:
    """Backups made since `since` (a record's creation) that still exist: they hold it.

    The backups folder (backups, safety copies before a restore or a repair), the copies made
    before a migration beside the file, and the backups the export log lists elsewhere."""
    from crm.services.maintenance.copies import backup_dir

    stamp = since.timestamp()
    found: set[Path] = set()
    folder = backup_dir(db)
    if folder.is_dir():
        found.update(p for p in folder.glob("*.db") if not p.name.startswith("."))
    if db.path is not None:
        found.update(db.path.parent.glob(f"{db.path.stem}.before-*"))
    with db.read() as session:
        logged = session.scalars(
            sa.select(ExportLogEntry.file_name).where(
                ExportLogEntry.entity == "backup", ExportLogEntry.at >= since
            )
        )
        found.update(Path(name) for name in logged if name)
    held = []
    for path in found:
        with contextlib.suppress(OSError):
            if path.is_file() and path.stat().st_mtime >= stamp:
                held.append(path)
    return sorted(held)


def backups_holding_records(db: Database, chosen: Iterable[tuple[str, int]]) -> list[Path]:
    """The backups that hold any of these records (kind, id): made since the oldest was
    created (what the trash says before it erases them)."""
    created: list[datetime] = []
    with db.read() as session:
        for kind, record_id in chosen:
            row = session.get(_model(kind), record_id)
            if row is not None:
                created.append(row.created_at)
    return backups_holding(db, min(created)) if created else []


__all__ = [
    "REDACTED",
    "Destroyed",
    "Linked",
    "backups_holding",
    "backups_holding_records",
    "clean_storage",
    "destroy",
    "linked",
]
