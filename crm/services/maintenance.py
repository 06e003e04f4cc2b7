"""Backups, restores and health checks of a desk database, SQLite file or team server.

A backup is always an SQLite file with the desk schema, whatever the source: a file is
copied with SQLite's own backup API; a PostgreSQL database is copied table by table. So one
restore path serves both, and a team backup can be opened as a personal database.
"""

from __future__ import annotations

import shutil
import tempfile
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

import sqlalchemy as sa

from crm.db.base import Base
from crm.db.database import Database, check_sqlite_file, open_error, sqlite_backup
from crm.db.engine import busy_timeout_ms, default_db_path, sqlite_url
from crm.db.failures import failure_reason
from crm.db.migrate import open_database
from crm.db.models import RECORD_MODELS, SearchEntry
from crm.domain.errors import DatabaseOpenError, DeskError

CHUNK = 5000
INDEXED_KINDS = ("organization", "contact", "introduction", "event", "followup", "interaction")


def backup_dir(db: Database) -> Path:
    base = db.path.parent if db.path is not None else default_db_path().parent
    return base / "backups"


def default_backup_path(db: Database) -> Path:
    stem = db.path.stem if db.path is not None else "team"
    return backup_dir(db) / f"{stem}-{datetime.now().strftime('%Y%m%d-%H%M%S')}.db"


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


def backup(db: Database, out: Path | None = None) -> Path:
    """Write a consistent copy of the database to `out` (default: the backups folder)."""
    target = Path(out) if out else default_backup_path(db)
    if target.exists():
        raise DeskError(f"{target} already exists; choose another name for the backup.")
    target.parent.mkdir(parents=True, exist_ok=True)
    try:
        if db.path is not None:
            sqlite_backup(db.path, target)
            return target
        copy = open_database(sqlite_url(target))
        try:
            with db.engine.connect() as source, copy.write() as session:
                copy_rows(source, session.connection())
        finally:
            copy.close()
    except BaseException:
        target.unlink(missing_ok=True)
        raise
    return target


def restore(db: Database, source: Path) -> Path:
    """Replace the database's content with a backup; returns the safety copy made first."""
    source = Path(source)
    if not source.is_file():
        raise DeskError(f"{source} does not exist or is not a file.")
    check_sqlite_file(source)
    with tempfile.TemporaryDirectory() as tmp:
        # Work on a copy: opening may upgrade an older backup, and the user's file stays as is.
        staged = Path(tmp) / "restore.db"
        shutil.copyfile(source, staged)
        try:
            backup_db = open_database(sqlite_url(staged))
        except DatabaseOpenError as exc:
            raise DatabaseOpenError(f"{source} cannot be restored: {exc}") from exc
        try:
            problems = check(backup_db)
            if problems:
                raise DeskError(f"{source} is damaged and was not restored: {'; '.join(problems)}")
            safety = backup(db)
            if db.path is not None:
                backup_db.close()
                db.engine.dispose()
                sqlite_backup(staged, db.path)
            else:
                with backup_db.engine.connect() as src, db.write() as session:
                    conn = session.connection()
                    for table in reversed(Base.metadata.sorted_tables):
                        conn.execute(sa.delete(table))
                    copy_rows(src, conn)
                    reset_sequences(conn)
        finally:
            backup_db.close()
    return safety


@dataclass
class Health:
    counts: dict[str, int] = field(default_factory=dict)
    problems: list[str] = field(default_factory=list)

    @property
    def healthy(self) -> bool:
        return not self.problems


def health(db: Database) -> Health:
    """Integrity of the file (SQLite), references, and the search index against the records."""
    report = Health()
    try:
        with db.read() as session:
            conn = session.connection()
            if db.is_sqlite:
                verdict = [row[0] for row in conn.exec_driver_sql("PRAGMA integrity_check")]
                if verdict != ["ok"]:
                    report.problems.extend(f"integrity: {line}" for line in verdict[:20])
                broken = conn.exec_driver_sql("PRAGMA foreign_key_check").all()
                report.problems.extend(
                    f"broken reference in {row[0]} row {row[1]} to {row[2]}" for row in broken[:20]
                )
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
    except sa.exc.DBAPIError as exc:
        report.problems.append(open_error(exc, db.display_name).message)
    return report


def check(db: Database) -> list[str]:
    return health(db).problems


def repair_search(db: Database, actor_id: int | None = None) -> int:
    from crm.services import indexing

    with db.write() as session:
        return indexing.rebuild(session)
