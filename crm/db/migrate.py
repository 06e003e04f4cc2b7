"""Opening a desk database: check it, back it up, bring its schema up to date.

HEAD names the newest migration this program knows; when the database is already there the
open costs one query and Alembic is not even imported (start-up stays fast).
"""

from __future__ import annotations

import os
import sqlite3
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

import sqlalchemy as sa

from crm.db.database import Database, check_sqlite_file, open_error, sqlite_backup
from crm.db.engine import WRITE_OPTION, make_engine
from crm.db.files import atomic_file, create_private, make_private
from crm.domain.errors import DatabaseOpenError

if TYPE_CHECKING:
    from alembic.config import Config

HEAD = "0006"
MIGRATIONS = Path(__file__).with_name("migrations")


def alembic_config(connection: sa.Connection | None = None) -> Config:
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.attributes["connection"] = connection
    return config


def known_revisions() -> set[str]:
    from alembic.script import ScriptDirectory

    script = ScriptDirectory.from_config(alembic_config())
    return {rev.revision for rev in script.walk_revisions()}


def current_revision(conn: sa.Connection) -> str | None:
    """The schema revision stored in the database; None for an empty database."""
    tables = set(sa.inspect(conn).get_table_names())
    if "alembic_version" not in tables:
        if tables:
            raise DatabaseOpenError("foreign")
        return None
    return conn.execute(sa.text("SELECT version_num FROM alembic_version")).scalar()


def backup_name(path: Path, revision: str) -> Path:
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    return path.with_name(f"{path.stem}.before-{revision}-{stamp}{path.suffix or '.db'}")


def open_database(url: str, *, migrate: bool = True, create: bool = True) -> Database:
    """Open (and create when `create`, upgrade when `migrate`) the database at `url`.

    Raises DatabaseOpenError with a message for people, never a traceback, when the file is
    not a database, is damaged or locked, the server is away, or the schema is newer.
    Commands that only read pass `migrate=False, create=False`: then a missing or empty file
    is refused (no database is made by mistake) and nothing in the file changes, not even its
    journal mode. A file that will be written is made the owner's (0600) and put in WAL mode,
    only once it is known to be a desk database.
    """
    engine = make_engine(url)
    db = Database(url, engine)
    where = db.display_name
    try:
        if db.path is not None:
            check_sqlite_file(db.path)
            if not db.path.exists():
                if not create:
                    raise DatabaseOpenError("missing", location=where)
                create_private(db.path)  # SQLite gives -wal and -shm this mode too
        with engine.connect() as conn:
            revision = current_revision(conn)
        if revision is None and not create:
            raise DatabaseOpenError("empty", location=where)
        if revision == HEAD:
            if migrate:
                _prepare_for_writing(db)
            return db
        if revision is not None and revision not in known_revisions():
            raise DatabaseOpenError("newer_schema", location=where, revision=revision, known=HEAD)
        if not migrate:
            raise DatabaseOpenError("needs_upgrade", location=where, revision=revision, known=HEAD)
        if revision is not None and db.path is not None:
            db.backup_path = backup_name(db.path, revision)
            with atomic_file(db.backup_path) as staged:  # whole or absent, even on a full disk
                sqlite_backup(db.path, staged)
        db.migrated_from = revision
        _prepare_for_writing(db)
        _upgrade(engine)
    except DatabaseOpenError:
        engine.dispose()
        raise
    except (sa.exc.DBAPIError, sa.exc.ArgumentError, OSError, sqlite3.Error) as exc:
        # sqlite3.Error: the pre-migration copy, made with SQLite's own backup API.
        engine.dispose()
        raise open_error(exc, where) from exc
    return db


def _prepare_for_writing(db: Database) -> None:
    """WAL journal (a property of the file) and owner-only modes, for a file we may write."""
    if db.path is None:
        return
    with db.engine.connect() as conn:
        # The raw connection: SQLAlchemy would open a transaction, inside which the journal
        # mode cannot change.
        cursor = conn.connection.dbapi_connection.cursor()  # type: ignore[union-attr]
        try:
            if cursor.execute("PRAGMA journal_mode").fetchone()[0] != "wal":
                cursor.execute("PRAGMA journal_mode=WAL")
        finally:
            cursor.close()
    for side in ("", "-wal", "-shm"):
        make_private(Path(f"{db.path}{side}"))


def _upgrade(engine: sa.Engine) -> None:
    from alembic import command

    with engine.execution_options(**{WRITE_OPTION: True}).begin() as conn:
        command.upgrade(alembic_config(conn), "head")


def open_from_options(
    db_path: str | os.PathLike[str] | None = None, database_url: str | None = None
) -> Database:
    from crm.db.engine import resolve_url

    url = resolve_url(db_path, database_url)
    if url.startswith("sqlite:///"):
        Path(url.removeprefix("sqlite:///")).parent.mkdir(parents=True, exist_ok=True)
    return open_database(url)
