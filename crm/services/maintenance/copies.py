"""What backups, restores and repairs share: the backups folder and the names of the files
in it, and copies of SQLite files (through SQLite's backup API) and of desk rows.
"""

from __future__ import annotations

import contextlib
import sqlite3
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import sqlalchemy as sa

from crm.db import tables
from crm.db.database import Database
from crm.db.engine import WRITE_OPTION, busy_timeout_ms, default_db_path, make_engine, sqlite_url
from crm.db.files import create_private, private_dir, temp_path_for
from crm.db.migrate import alembic_config

CHUNK = 5000
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


def prepare_folder(target: Path, *, ours: bool) -> None:
    """The backups folder is the desk's: 0700. A folder the user chose keeps its mode."""
    if ours or not target.parent.exists():
        private_dir(target.parent)


# --- SQLite copies -----------------------------------------------------------------------


def read_only_uri(path: Path) -> str:
    """A read-only SQLite URI; any character a file name may hold (#, ?, %) is escaped."""
    return Path(path).absolute().as_uri() + "?mode=ro"


@contextlib.contextmanager
def sqlite_file(path: Path, *, read_only: bool = False) -> Iterator[sqlite3.Connection]:
    uri = read_only_uri(path) if read_only else Path(path).absolute().as_uri()
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
        with sqlite_file(source, read_only=True) as src, sqlite_file(target) as dst:
            src.backup(dst)
    finally:
        # A read-only reader of a WAL file makes side files it cannot remove itself; leave
        # the folder as it was when they were not there before (and hold nothing).
        if ours and (not wal.exists() or wal.stat().st_size == 0):
            for path in ours:
                with contextlib.suppress(FileNotFoundError):
                    path.unlink()


def remove_with_side_files(path: Path) -> None:
    for name in (path, *(path.with_name(path.name + s) for s in SIDE_FILES)):
        with contextlib.suppress(FileNotFoundError):
            name.unlink()


def copy_rows(source: sa.Connection, target: sa.Connection) -> int:
    """Copy every desk table, parents first; returns the number of rows copied."""
    copied = 0
    for table in tables.metadata.sorted_tables:
        result = source.execute(sa.select(table)).mappings()
        while chunk := result.fetchmany(CHUNK):
            target.execute(sa.insert(table), [dict(row) for row in chunk])
            copied += len(chunk)
    return copied


def reset_sequences(conn: sa.Connection) -> None:
    """After rows arrive with their ids, PostgreSQL's sequences must continue past them."""
    if conn.dialect.name != "postgresql":
        return
    for table in tables.metadata.sorted_tables:
        if "id" in table.c and table.c.id.primary_key:
            conn.exec_driver_sql(
                f"SELECT setval(pg_get_serial_sequence('{table.name}', 'id'), "
                f"COALESCE(MAX(id), 1), MAX(id) IS NOT NULL) FROM {table.name}"
            )


def upgrade_copy(path: Path) -> None:
    """Migrate a staged copy in place (it is a copy already: no pre-migration backup)."""
    from alembic import command

    engine = make_engine(sqlite_url(path))
    try:
        with engine.execution_options(**{WRITE_OPTION: True}).begin() as conn:
            command.upgrade(alembic_config(conn), "head")
    finally:
        engine.dispose()


@contextlib.contextmanager
def staged_beside(path: Path) -> Iterator[Path]:
    """A hidden 0600 file in the target folder; removed (with its side files) unless moved."""
    staged = temp_path_for(path)
    create_private(staged)
    try:
        yield staged
    finally:
        remove_with_side_files(staged)
