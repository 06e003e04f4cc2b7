"""Backups, restores and health checks of a desk database, SQLite file or team server.

A backup is always an SQLite file with the desk schema, whatever the source: a file is
copied with SQLite's own backup API; a PostgreSQL database is copied table by table. So one
restore path serves both, and a team backup can be opened as a personal database.

Every file written here appears whole or not at all (`crm.db.files.atomic_file`), owner-only.
A backup is checked before it gets its name (a damaged database gets no backup, so a bad copy
never takes the place of a good one) and logged in the export log: it is a full copy of the
personal data leaving the database, which is what that log answers for (who, when, where).

A restore is a verified copy: the backup is read through the backup API from the file opened
read-only (its `-wal` included, the user's file untouched) into a hidden staged file beside
the target, checked (SQLite integrity, references, a known schema version, no object the
migrations do not make), and only then swapped in. It never opens the current database
through the normal path, so it is also the remedy for a file that cannot be opened.

A damaged database is read-only until repaired: `protect` makes every write transaction on
its engine fail with the `crm check` verdict; the CLI calls `guard` before a command that
writes, and `health` protects what it finds damaged.
"""

from __future__ import annotations

import contextlib
import dataclasses
import hashlib
import json
import os
import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

import sqlalchemy as sa

from crm.db import schema
from crm.db.base import Base, table_of
from crm.db.database import Database, check_sqlite_file, open_error
from crm.db.engine import WRITE_OPTION, busy_timeout_ms, default_db_path, make_engine, sqlite_url
from crm.db.failures import failure_reason
from crm.db.files import atomic_file, create_private, make_private, private_dir, temp_path_for
from crm.db.migrate import HEAD, alembic_config, known_revisions, open_database
from crm.db.models import RECORD_MODELS, AuditEntry, ExportLogEntry, SearchEntry
from crm.domain.errors import DatabaseOpenError, DeskError

CHUNK = 5000
INDEXED_KINDS = ("organization", "contact", "introduction", "event", "followup", "interaction")
REPAIR_OPTION = "crm_repair"
SIDE_FILES = ("-wal", "-shm", "-journal")


# --- names and folders ---------------------------------------------------------------------


def backup_dir(db: Database | Path) -> Path:
    path = db if isinstance(db, Path) else db.path
    base = path.parent if path is not None else default_db_path().parent
    return base / "backups"


def backup_folder(db: Database) -> Path:
    """The backups folder, made if needed, readable by its owner only."""
    return private_dir(backup_dir(db))


def _stamp() -> str:
    # Microseconds: a backup and a restore in the same second must not share a name.
    return datetime.now().strftime("%Y%m%d-%H%M%S-%f")


def _unique(folder: Path, stem: str, suffix: str) -> Path:
    candidate = folder / f"{stem}-{_stamp()}{suffix}"
    counter = 1
    while candidate.exists():
        candidate = folder / f"{stem}-{_stamp()}-{counter}{suffix}"
        counter += 1
    return candidate


def default_backup_path(db: Database) -> Path:
    stem = db.path.stem if db.path is not None else "team"
    return _unique(backup_dir(db), stem, ".db")


def safety_copy_path(target: Path | None, label: str = "before-restore") -> Path:
    """Where a restore (or a repair) keeps the database as it was: the backups folder."""
    stem = target.stem if target is not None else "team"
    folder = backup_dir(target) if target else backup_dir(default_db_path())
    return _unique(folder, f"{stem}-{label}", ".db")


def _prepare_folder(target: Path, *, ours: bool) -> None:
    """The backups folder is the desk's: 0700. A folder the user chose keeps its mode."""
    if ours or not target.parent.exists():
        private_dir(target.parent)


# --- SQLite copies -----------------------------------------------------------------------


def _uri(path: Path) -> str:
    """A read-only SQLite URI; any character a file name may hold (#, ?, %) is escaped."""
    return Path(path).absolute().as_uri() + "?mode=ro"


@contextlib.contextmanager
def _sqlite(path: Path, *, read_only: bool = False) -> Iterator[sqlite3.Connection]:
    uri = _uri(path) if read_only else Path(path).absolute().as_uri()
    conn = sqlite3.connect(uri, uri=True, timeout=busy_timeout_ms() / 1000)
    try:
        yield conn
    finally:
        conn.close()


def copy_file(source: Path, target: Path) -> None:
    """Copy an SQLite file through the backup API, the source opened read-only: its `-wal`
    is read (a copy of a live database comes whole) and it is never checkpointed or changed."""
    wal, shm = (source.with_name(source.name + s) for s in ("-wal", "-shm"))
    ours = [p for p in (wal, shm) if not p.exists()]
    try:
        with _sqlite(source, read_only=True) as src, _sqlite(target) as dst:
            src.backup(dst)
    finally:
        # A read-only reader of a WAL file makes side files it cannot remove itself; leave
        # the folder as it was when they were not there before (and hold nothing).
        if ours and (not wal.exists() or wal.stat().st_size == 0):
            for path in ours:
                with contextlib.suppress(FileNotFoundError):
                    path.unlink()


def _remove_with_side_files(path: Path) -> None:
    for name in (path, *(path.with_name(path.name + s) for s in SIDE_FILES)):
        with contextlib.suppress(FileNotFoundError):
            name.unlink()


def copy_rows(source: sa.Connection, target: sa.Connection) -> int:
    """Copy every desk table, parents first; returns the number of rows copied."""
    copied = 0
    for table in Base.metadata.sorted_tables:
        result = source.execute(sa.select(table)).mappings()
        while chunk := result.fetchmany(CHUNK):
            target.execute(sa.insert(table), [dict(row) for row in chunk])
            copied += len(chunk)
    return copied


def reset_sequences(conn: sa.Connection) -> None:
    """After rows arrive with their ids, PostgreSQL's sequences must continue past them."""
    if conn.dialect.name != "postgresql":
        return
    for table in Base.metadata.sorted_tables:
        if "id" in table.c and table.c.id.primary_key:
            conn.exec_driver_sql(
                f"SELECT setval(pg_get_serial_sequence('{table.name}', 'id'), "
                f"COALESCE(MAX(id), 1), MAX(id) IS NOT NULL) FROM {table.name}"
            )


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        while block := handle.read(1 << 20):
            digest.update(block)
    return digest.hexdigest()


# --- damaged databases are read-only ---------------------------------------------------------


def damaged_error(where: str, problems: list[str], *, doing: str = "write") -> DeskError:
    text = "; ".join(problems[:5])
    if doing == "backup":
        return DeskError(
            f"{where} is damaged, so no backup was written (a damaged copy could take the place "
            f"of a good backup). crm check says: {text}. Restore a good backup (crm restore FILE) "
            "or repair it (crm check --repair).",
            code="backup.damaged",
            params={"where": where, "problems": text},
        )
    if doing == "open":
        return DeskError(
            f"{where} is damaged: it is read-only until repaired. crm check says: {text}. "
            "Restore a backup (crm restore FILE) or run crm check --repair.",
            code="database.damaged_found",
            params={"where": where, "problems": text},
        )
    return DeskError(
        f"{where} is damaged: it is read-only until repaired, and nothing was written. "
        f"crm check says: {text}. Restore a backup (crm restore FILE) or run crm check --repair.",
        code="database.damaged_read_only",
        params={"where": where, "problems": text},
    )


def protect(db: Database, problems: list[str]) -> None:
    """From now on, refuse every write transaction on `db` (repairs excepted) with `problems`."""
    if getattr(db.engine, "_crm_damaged", None) is not None:
        db.engine._crm_damaged = problems  # type: ignore[attr-defined]
        return
    db.engine._crm_damaged = problems  # type: ignore[attr-defined]

    def refuse(conn: sa.Connection) -> None:
        options = conn.get_execution_options()
        found = damage_of(db)
        if found and options.get(WRITE_OPTION) and not options.get(REPAIR_OPTION):
            raise damaged_error(db.display_name, found)

    # Inserted first, so the refusal comes before SQLite's BEGIN IMMEDIATE takes the lock.
    sa.event.listen(db.engine, "begin", refuse, insert=True)


def unprotect(db: Database) -> None:
    if getattr(db.engine, "_crm_damaged", None) is not None:
        db.engine._crm_damaged = []  # type: ignore[attr-defined]


def damage_of(db: Database) -> list[str]:
    """What a protected database was found to suffer from ([] when it is not protected)."""
    return list(getattr(db.engine, "_crm_damaged", None) or [])


def guard(db: Database) -> list[str]:
    """Check a file quickly before a command that writes; protect it if it is damaged."""
    if db.path is None:
        return []
    try:
        with _sqlite(db.path, read_only=True) as conn:
            problems = schema.integrity_problems(conn, quick=True)
    except sqlite3.Error:
        return []  # locked or unreadable: the command itself will say so
    if problems:
        protect(db, problems)
    return problems


# --- backup --------------------------------------------------------------------------------


def backup(
    db: Database,
    out: Path | None = None,
    *,
    actor_id: int | None = None,
    replace: bool = False,
    log: bool = True,
) -> Path:
    """Write a checked copy of the database to `out` (default: a new name in the backups
    folder) and log it; the file appears only once whole, checked and logged."""
    target = Path(out) if out else default_backup_path(db)
    if target.exists() and not replace:
        raise DeskError(
            f"{target} already exists; nothing was written. Choose another name for the backup.",
            code="backup.exists",
            params={"file": str(target)},
        )
    if damage_of(db):
        raise damaged_error(db.display_name, damage_of(db), doing="backup")
    _prepare_folder(target, ours=out is None or target.parent == backup_dir(db))
    with atomic_file(target) as staged:
        if db.path is not None:
            copy_file(db.path, staged)
        else:
            copy = open_database(sqlite_url(staged))
            try:
                with db.engine.connect() as source, copy.write() as session:
                    copy_rows(source, session.connection())
            finally:
                copy.close()
        with _sqlite(staged) as conn:
            problems = schema.integrity_problems(conn)
        if problems:
            protect(db, problems)
            raise damaged_error(db.display_name, problems, doing="backup")
        if log:
            _log_backup(db, actor_id, target, staged)
    return target


def _log_backup(db: Database, actor_id: int | None, target: Path, staged: Path) -> None:
    """One export-log entry per backup, committed before the file takes its name."""
    with db.write() as session:
        total = sum(
            int(session.scalar(sa.select(sa.func.count()).select_from(model)) or 0)
            for model in RECORD_MODELS.values()
        )
        session.add(
            ExportLogEntry(
                user_id=actor_id,
                entity="backup",
                filter=json.dumps({"backup_of": db.display_name}, ensure_ascii=False),
                row_count=total,
                sha256=_sha256(staged),
                file_name=str(target.absolute()),
                included_without_consent=True,
            )
        )


# --- restore -------------------------------------------------------------------------------


@dataclass(frozen=True)
class Restored:
    """What a restore did: into where, from which file, and where the old content went."""

    where: str
    source: Path
    safety: Path | None  # None when there was no database there before
    moved_aside: bool = False  # the old file could not be read as a database: moved, not copied
    # The replaced database's export log: files that left the desk stay on record.
    export_log: tuple[dict[str, Any], ...] = ()


def _not_restored(source: Path, where: str, code: str, why: str, **params: str) -> DeskError:
    return DeskError(
        f"{source} was not restored: {why} Nothing was changed in {where}.",
        code=f"restore.{code}",
        params={"source": str(source), "where": where, **params},
    )


def _check_source(source: Path, where: str) -> None:
    if not source.is_file():
        raise _not_restored(source, where, "missing", "it does not exist or is not a file.")
    try:
        check_sqlite_file(source)
    except DatabaseOpenError:
        raise _not_restored(
            source, where, "not_sqlite", "it is not a desk backup (not an SQLite file)."
        ) from None


def verify_staged(staged: Path, source: Path, where: str) -> None:
    """Bring the staged copy to this program's schema and refuse it unless it is sound."""
    with _sqlite(staged) as conn:
        problems = schema.integrity_problems(conn)
        if problems:
            text = "; ".join(problems[:5])
            raise _not_restored(source, where, "damaged", f"it is damaged ({text}).", problems=text)
        revision = schema.revision_of(conn)
    if revision is None:
        raise _not_restored(source, where, "not_desk", "it holds no desk schema.")
    if revision != HEAD:
        if revision not in known_revisions():
            raise _not_restored(
                source, where, "newer",
                f"it was written by a newer version of the desk (schema {revision}); "
                "update the program to restore it.",
                revision=revision,
            )  # fmt: skip
        _upgrade(staged)
    with _sqlite(staged) as conn:
        found = schema.differences(schema.schema_of(conn))
        if found:
            text = "; ".join(str(d) for d in found[:10])
            raise _not_restored(
                source, where, "foreign_schema",
                f"it holds database objects the desk does not make, or has rewritten them, "
                f"which could change data behind its back: {text}.",
                problems=text,
                objects=";".join(f"{d.kind}:{d.type}:{d.name}" for d in found[:10]),
            )  # fmt: skip
        broken = schema.broken_references(conn)
        if broken:
            text = "; ".join(broken[:5])
            raise _not_restored(source, where, "damaged", f"it is damaged ({text}).", problems=text)


def _upgrade(path: Path) -> None:
    """Migrate a staged copy in place (it is a copy already: no pre-migration backup)."""
    from alembic import command

    engine = make_engine(sqlite_url(path))
    try:
        with engine.execution_options(**{WRITE_OPTION: True}).begin() as conn:
            command.upgrade(alembic_config(conn), "head")
    finally:
        engine.dispose()


@contextlib.contextmanager
def _staged_beside(path: Path) -> Iterator[Path]:
    """A hidden 0600 file in the target folder; removed (with its side files) unless moved."""
    staged = temp_path_for(path)
    create_private(staged)
    try:
        yield staged
    finally:
        _remove_with_side_files(staged)


def restore_file(path: Path, source: Path) -> Restored:
    """Replace the SQLite file at `path` with the verified content of the backup `source`.

    The current file is never opened through the normal path: a damaged, foreign or newer
    file is kept as the safety copy all the same (copied when SQLite can read it, otherwise
    moved aside with its side files).
    """
    path, source = Path(path).absolute(), Path(source)
    where = str(path)
    _check_source(source, where)
    if not path.parent.is_dir():
        raise _not_restored(source, where, "missing", f"the folder {path.parent} does not exist.")
    with _staged_beside(path) as staged:
        _stage(source, staged, where)
        kept = _export_log_rows(path)
        restored = _swap(path, staged, source)
    return dataclasses.replace(restored, export_log=kept)


def _stage(source: Path, staged: Path, where: str) -> None:
    """Read the backup (WAL included) into the staged file and verify it there."""
    try:
        copy_file(source, staged)
    except sqlite3.DatabaseError as exc:
        raise _not_restored(
            source, where, "damaged", f"it cannot be read ({exc}).", problems=str(exc)
        ) from exc
    verify_staged(staged, source, where)


def _export_log_query() -> sa.Select[Any]:
    from crm.db.models import StaffUser

    e = table_of(ExportLogEntry)
    columns = [c for c in e.c if c.name != "id"]
    return (
        sa.select(*columns, StaffUser.name.label("user_name"))
        .outerjoin(StaffUser, StaffUser.id == e.c.user_id)
        .order_by(e.c.id)
    )


def _export_log_rows(path: Path) -> tuple[dict[str, Any], ...]:
    """The export log of the file about to be replaced, read-only; () when it cannot be read."""
    if not path.exists():
        return ()
    engine = sa.create_engine("sqlite://", creator=lambda: sqlite3.connect(_uri(path), uri=True))
    try:
        with engine.connect() as conn:
            return tuple(dict(row) for row in conn.execute(_export_log_query()).mappings())
    except (sa.exc.SQLAlchemyError, ValueError):
        return ()  # damaged, foreign or newer: its log stays in the safety copy
    finally:
        engine.dispose()


def _swap(path: Path, staged: Path, source: Path, label: str = "before-restore") -> Restored:
    """Put a verified staged file in the place of `path`, its old content kept aside."""
    where = str(path)
    if not path.exists():
        os.replace(staged, path)
        return Restored(where, source, None)
    safety = safety_copy_path(path, label)
    private_dir(safety.parent)
    try:
        with atomic_file(safety) as copy:
            copy_file(path, copy)
    except sqlite3.DatabaseError:
        return _move_aside_and_swap(path, staged, safety, source)
    try:
        # Into the live file through SQLite itself: one transaction (all or nothing) that
        # other connections to the file see, WAL and all.
        copy_file(staged, path)
    except sqlite3.DatabaseError:
        return _replace_file(path, staged, safety, source)
    make_private(path)
    return Restored(where, source, safety)


def _move_aside_and_swap(path: Path, staged: Path, safety: Path, source: Path) -> Restored:
    """The current file is not a readable database: it becomes the safety copy as it is."""
    for suffix in ("", "-wal", "-journal"):
        if path.with_name(path.name + suffix).exists():
            os.replace(path.with_name(path.name + suffix), safety.with_name(safety.name + suffix))
    make_private(safety)
    with contextlib.suppress(FileNotFoundError):
        path.with_name(path.name + "-shm").unlink()
    os.replace(staged, path)
    return Restored(str(path), source, safety, moved_aside=True)


def _replace_file(path: Path, staged: Path, safety: Path, source: Path) -> Restored:
    """SQLite would not write into the current file (e.g. another page size under WAL); the
    safety copy holds its content, so its journal goes first (never left beside the new file)."""
    for suffix in SIDE_FILES:
        with contextlib.suppress(FileNotFoundError):
            path.with_name(path.name + suffix).unlink()
    os.replace(staged, path)
    return Restored(str(path), source, safety)


def restore(db: Database, source: Path, *, user: str | None = None) -> Restored:
    """Replace the database's content with a verified backup; then record who did it."""
    source = Path(source)
    if db.path is not None:
        db.engine.dispose()
        restored = restore_file(db.path, source)
    else:
        restored = _restore_server(db, source)
    unprotect(db)  # the damaged content is gone: what is there now was verified
    record_restore(db, restored, user)
    return restored


def _restore_server(db: Database, source: Path) -> Restored:
    """A team database: the verified backup's rows replace its rows in one transaction."""
    where = db.display_name
    _check_source(source, where)
    folder = private_dir(backup_dir(db))
    with _staged_beside(folder / "restore.db") as staged:
        _stage(source, staged, where)
        safety = backup(db, safety_copy_path(None), log=False)
        with db.read() as session:
            kept = tuple(dict(r) for r in session.execute(_export_log_query()).mappings())
        copy = make_engine(sqlite_url(staged))
        try:
            with copy.connect() as src, db.write() as session:
                conn = session.connection()
                for table in reversed(Base.metadata.sorted_tables):
                    conn.execute(sa.delete(table))
                copy_rows(src, conn)
                reset_sequences(conn)
        finally:
            copy.dispose()
    return Restored(where, source, safety, export_log=kept)


def record_restore(db: Database, restored: Restored, user: str | None) -> None:
    """The restored database's audit trail says that it was restored, by whom, from what.

    The backup brought its own audit and export logs; this entry is the bridge to the ones
    now kept in the safety copy.
    """
    from crm.services import users

    name = user or users.login_name()
    with db.write() as session:
        actor = users.by_name(session, name)
        kept = _carry_export_log(session, restored.export_log)
        session.add(
            AuditEntry(
                user_id=actor.id if actor is not None else None,
                action="restore",
                entity="database",
                record_id=None,
                changes=json.dumps(
                    {
                        "from": str(restored.source.absolute()),
                        "safety_copy": str(restored.safety) if restored.safety else "",
                        "moved_aside": restored.moved_aside,
                        "export_log_entries_kept": kept,
                        "by": name,
                    },
                    ensure_ascii=False,
                ),
            )
        )


def _carry_export_log(session: Any, rows: tuple[dict[str, Any], ...]) -> int:
    """Put back the replaced database's export-log entries that the backup does not hold:
    a file handed to a partner stays on record whatever the data became."""
    from crm.services import users

    known = set(session.scalars(sa.select(ExportLogEntry.uid)))
    missing = [dict(row) for row in rows if row["uid"] not in known]
    for row in missing:
        user = users.by_name(session, row.pop("user_name") or "")
        row["user_id"] = user.id if user is not None else None
    if missing:
        session.execute(sa.insert(table_of(ExportLogEntry)), missing)
    return len(missing)


# --- health --------------------------------------------------------------------------------


@dataclass
class Health:
    counts: dict[str, int] = field(default_factory=dict)
    problems: list[str] = field(default_factory=list)
    damaged: list[str] = field(default_factory=list)  # SQLite's integrity verdict
    schema: list[schema.Difference] = field(default_factory=list)

    @property
    def healthy(self) -> bool:
        return not self.problems


def _raw(session: Any) -> sqlite3.Connection:
    raw = session.connection().connection.dbapi_connection
    assert isinstance(raw, sqlite3.Connection)
    return raw


def health(db: Database) -> Health:
    """Integrity of the file and its schema (SQLite), references, and the search index.

    A file SQLite finds damaged is protected: read-only until repaired or restored.
    """
    report = Health()
    try:
        with db.read() as session:
            conn = session.connection()
            if db.is_sqlite:
                raw = _raw(session)
                report.damaged = schema.integrity_problems(raw)
                report.problems.extend(f"integrity: {line}" for line in report.damaged)
                report.problems.extend(schema.broken_references(raw))
                report.schema = schema.differences(schema.schema_of(raw))
                report.problems.extend(f"schema: {d}" for d in report.schema)
                # FTS5 checks itself through an INSERT, which needs the write lock for an
                # instant: never wait for it (a check only reads), say it was skipped instead.
                conn.exec_driver_sql("PRAGMA busy_timeout=0")
                try:
                    conn.exec_driver_sql(
                        "INSERT INTO search_fts(search_fts, rank) VALUES ('integrity-check', 1)"
                    )
                except sa.exc.DBAPIError as exc:
                    if failure_reason(exc) == "locked":
                        report.problems.append(
                            "search index: not checked, another program is writing to the "
                            "database; run crm check again when it is done"
                        )
                    else:
                        report.problems.append(f"search index: {exc.orig}")
                finally:
                    conn.exec_driver_sql(f"PRAGMA busy_timeout={busy_timeout_ms()}")
            for kind, model in RECORD_MODELS.items():
                live = session.scalar(sa.select(sa.func.count()).where(model.deleted_at.is_(None)))
                report.counts[kind] = int(live or 0)
            for kind in INDEXED_KINDS:
                indexed = session.scalar(sa.select(sa.func.count()).where(SearchEntry.kind == kind))
                if indexed != report.counts[kind]:
                    report.problems.append(
                        f"search index: {indexed} {kind} entries for {report.counts[kind]} records "
                        "(run crm check --repair)"
                    )
            session.rollback()
    except (sa.exc.DBAPIError, sqlite3.Error) as exc:
        report.problems.append(open_error(exc, db.display_name).message)
        orig = getattr(exc, "orig", exc)
        if isinstance(orig, sqlite3.Error) and schema.is_damage(orig):
            report.damaged.append(str(orig))
    if report.damaged:
        protect(db, report.damaged)
    return report


def check(db: Database) -> list[str]:
    return health(db).problems


@dataclass(frozen=True)
class Repair:
    schema: list[str]
    rebuilt: Restored | None  # the file rebuilt from what SQLite could read, old one kept
    search_entries: int


def repair(db: Database) -> Repair:
    """Rebuild a damaged file from what SQLite can still read, drop what the desk did not
    make, re-create its own objects, and rebuild the search index.

    Rows lost to a damaged table page cannot come back this way: the rebuild is refused and
    a restore is the remedy. On a damaged file, only this repair may write.
    """
    from crm.services import indexing

    rebuilt = _rebuild_damaged_file(db) if db.path is not None else None
    done: list[str] = []
    engine = db.engine.execution_options(**{WRITE_OPTION: True, REPAIR_OPTION: True})
    if db.is_sqlite:
        with engine.begin() as conn:
            raw = conn.connection.dbapi_connection
            assert isinstance(raw, sqlite3.Connection)
            done = schema.repair(conn, schema.differences(schema.schema_of(raw)))
    with sa.orm.Session(engine) as session, session.begin():
        entries = indexing.rebuild(session)
    return Repair(done, rebuilt, entries)


def _copy_tables(source: Path, target: Path) -> None:
    """Every desk table's rows from `source` into the freshly migrated `target`, read by a
    plain scan (NOT INDEXED: a damaged index is never read; the target builds its own)."""
    skip = {"alembic_version"}
    with _sqlite(target) as conn:
        conn.execute("ATTACH DATABASE ? AS src", (_uri(source),))
        tables = [
            name for (kind, name) in schema.expected_schema()
            if kind == "table" and name not in skip and not name.startswith("search_fts")
        ]  # fmt: skip
        with conn:
            for table in tables:
                columns = ", ".join(
                    f'"{row[1]}"' for row in conn.execute(f'PRAGMA main.table_info("{table}")')
                )
                conn.execute(
                    f'INSERT INTO main."{table}" ({columns}) '
                    f'SELECT {columns} FROM src."{table}" NOT INDEXED'
                )
        conn.execute("DETACH DATABASE src")


def _rebuild_damaged_file(db: Database) -> Restored | None:
    """VACUUM INTO a staged file (tables are read, indexes rebuilt), then swap it in."""
    assert db.path is not None
    with _sqlite(db.path, read_only=True) as conn:
        if not schema.integrity_problems(conn, quick=True):
            return None
    db.engine.dispose()
    where = str(db.path)
    with _staged_beside(db.path) as staged:
        try:
            _upgrade(staged)
            _copy_tables(db.path, staged)
            with _sqlite(staged) as conn:
                problems = schema.integrity_problems(conn)
        except sqlite3.DatabaseError as exc:
            problems = [str(exc)]
        if problems:
            text = "; ".join(problems[:5])
            raise DeskError(
                f"{where} cannot be repaired: SQLite cannot read all of it back ({text}). "
                "Nothing was changed; restore a backup (crm restore FILE).",
                code="repair.impossible",
                params={"where": where, "problems": text},
            )
        rebuilt = _swap(db.path, staged, db.path, "damaged")
    unprotect(db)
    return rebuilt


def repair_search(db: Database, actor_id: int | None = None) -> int:
    return repair(db).search_entries
