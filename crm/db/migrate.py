"""Opening a desk database: check it, back it up, bring its schema up to date.

HEAD names the newest migration this program knows; when the database is already there the
open costs one query and Alembic is not even imported (start-up stays fast).
"""

from __future__ import annotations

import os
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

import sqlalchemy as sa

from crm.db.database import Database, check_sqlite_file, open_error, sqlite_backup
from crm.db.engine import WRITE_OPTION, make_engine
from crm.db.files import atomic_file
from crm.domain.errors import DatabaseOpenError

if TYPE_CHECKING:
    from alembic.config import Config

HEAD = "0002"
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
            raise DatabaseOpenError(
                "This database holds other tables but no desk schema: it was made by another "
                "program. Choose another file or an empty database.",
                reason="foreign",
            )
        return None
    return conn.execute(sa.text("SELECT version_num FROM alembic_version")).scalar()


def backup_name(path: Path, revision: str) -> Path:
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    return path.with_name(f"{path.stem}.before-{revision}-{stamp}{path.suffix or '.db'}")


def open_database(url: str, *, migrate: bool = True) -> Database:
    """Open (and create or upgrade when `migrate`) the database at `url`.

    Raises DatabaseOpenError with a message for people, never a traceback, when the file is
    not a database, is damaged or locked, the server is away, or the schema is newer.
    """
    engine = make_engine(url)
    db = Database(url, engine)
    where = db.display_name
    try:
        if db.path is not None:
            check_sqlite_file(db.path)
        with engine.connect() as conn:
            revision = current_revision(conn)
        if revision == HEAD:
            return db
        if revision is not None and revision not in known_revisions():
            raise DatabaseOpenError(
                f"{where} was written by a newer version of the cooperation desk (schema "
                f"{revision}, this program knows up to {HEAD}). Update the program to open it.",
                location=where,
                reason="newer_schema",
            )
        if not migrate:
            raise DatabaseOpenError(
                f"{where} needs an upgrade of its schema ({revision} to {HEAD}).",
                location=where,
                reason="needs_upgrade",
            )
        if revision is not None and db.path is not None:
            db.backup_path = backup_name(db.path, revision)
            with atomic_file(db.backup_path) as staged:  # whole or absent, even on a full disk
                sqlite_backup(db.path, staged)
        db.migrated_from = revision
        _upgrade(engine)
    except DatabaseOpenError:
        engine.dispose()
        raise
    except (sa.exc.DBAPIError, sa.exc.ArgumentError, OSError) as exc:
        engine.dispose()
        raise open_error(exc, where) from exc
    return db


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
