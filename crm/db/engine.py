"""Engine factory: where the database lives and how each connection is set up.

SQLite gets `foreign_keys=ON` and a `busy_timeout` on every connection, and its write
transactions begin `IMMEDIATE` so that two writers queue instead of failing half way; reads
begin deferred so that the window never waits on a long import. The WAL journal is a property
of the file: `open_database` turns it on once the file is known to be a desk database it may
write (a refused file is left exactly as it was). PostgreSQL gets the same wait as a
`lock_timeout`, so a locked team database is a message after a few seconds, not a hang.
`CRM_BUSY_TIMEOUT_MS` changes that wait (the fault campaign shortens it).
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from platformdirs import user_data_path

from crm.db.folding import register_sqlite

APP_NAME = "cooperation-desk"
APP_AUTHOR = "BIOQuebec-MassBio"
BUSY_TIMEOUT_MS = 5000
WRITE_OPTION = "crm_write"


def default_db_path() -> Path:
    return user_data_path(APP_NAME, APP_AUTHOR) / "desk.db"


def resolve_url(
    db_path: str | os.PathLike[str] | None = None,
    database_url: str | None = None,
    environ: Mapping[str, str] | None = None,
) -> str:
    """The database URL from the command-line options, then the environment, then the default."""
    env = os.environ if environ is None else environ
    if db_path and database_url:
        raise ValueError("give either a database file (--db) or a database URL, not both")
    if database_url:
        return normalize_url(database_url)
    if db_path:
        return sqlite_url(db_path)
    if env.get("CRM_DATABASE_URL"):
        return normalize_url(env["CRM_DATABASE_URL"])
    if env.get("CRM_DB"):
        return sqlite_url(env["CRM_DB"])
    return sqlite_url(default_db_path())


def sqlite_url(path: str | os.PathLike[str]) -> str:
    return f"sqlite:///{Path(path).expanduser().absolute()}"


def normalize_url(url: str) -> str:
    # psycopg 3 is the driver the desk ships with; plain postgresql:// URLs mean it.
    for prefix in ("postgresql://", "postgres://"):
        if url.startswith(prefix):
            return "postgresql+psycopg://" + url[len(prefix) :]
    return url


def busy_timeout_ms() -> int:
    """How long a command waits for another writer before saying the database is busy."""
    try:
        return int(os.environ["CRM_BUSY_TIMEOUT_MS"])
    except (KeyError, ValueError):
        return BUSY_TIMEOUT_MS


def _sqlite_on_connect(dbapi_connection: Any, _record: Any) -> None:
    # Let SQLAlchemy's begin event emit BEGIN itself (see make_engine).
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute(f"PRAGMA busy_timeout={busy_timeout_ms()}")
    cursor.close()
    register_sqlite(dbapi_connection)  # `folded(x)` in list filters


def _postgres_on_connect(dbapi_connection: Any, _record: Any) -> None:
    autocommit = dbapi_connection.autocommit
    dbapi_connection.autocommit = True
    with dbapi_connection.cursor() as cursor:
        cursor.execute(f"SET lock_timeout = {busy_timeout_ms()}")
        # So that a desk waiting on another can say who holds the lock.
        cursor.execute("SHOW application_name")
        if not cursor.fetchone()[0]:
            cursor.execute("SET application_name = 'cooperation desk'")
    dbapi_connection.autocommit = autocommit


def _sqlite_on_begin(conn: sa.Connection) -> None:
    mode = "IMMEDIATE" if conn.get_execution_options().get(WRITE_OPTION) else "DEFERRED"
    conn.exec_driver_sql(f"BEGIN {mode}")


def make_engine(url: str, **kwargs: Any) -> sa.Engine:
    engine = sa.create_engine(url, **kwargs)
    if engine.dialect.name == "sqlite":
        sa.event.listen(engine, "connect", _sqlite_on_connect)
        sa.event.listen(engine, "begin", _sqlite_on_begin)
    elif engine.dialect.name == "postgresql":
        sa.event.listen(engine, "connect", _postgres_on_connect)
    return engine
