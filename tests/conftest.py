"""Fixtures shared by every layer's tests: a migrated database on SQLite and on PostgreSQL.

The `db` fixture runs each data-layer test twice: on a fresh SQLite file and on the
PostgreSQL server named by CRM_TEST_DATABASE_URL (CI starts one). Without that variable the
PostgreSQL half is skipped, unless CRM_REQUIRE_POSTGRES=1, where it fails instead.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
import sqlalchemy as sa

from crm.db.base import Base
from crm.db.database import Database
from crm.db.migrate import open_database

PG_URL = os.environ.get("CRM_TEST_DATABASE_URL", "")


def _pg_url_with_schema(schema: str) -> str:
    return (
        sa.engine.make_url(PG_URL)
        .update_query_dict({"options": f"-csearch_path={schema}"})
        .render_as_string(hide_password=False)
    )


def _require_pg() -> None:
    if not PG_URL:
        if os.environ.get("CRM_REQUIRE_POSTGRES") == "1":
            pytest.fail("CRM_TEST_DATABASE_URL is not set but CRM_REQUIRE_POSTGRES=1")
        pytest.skip("no PostgreSQL server (set CRM_TEST_DATABASE_URL)")


@pytest.fixture
def pg_schema_url() -> Iterator[str]:
    """A URL to an empty, private PostgreSQL schema, dropped after the test."""
    _require_pg()
    schema = f"t_{uuid.uuid4().hex[:12]}"
    admin = sa.create_engine(PG_URL)
    with admin.begin() as conn:
        conn.exec_driver_sql(f"CREATE SCHEMA {schema}")
    try:
        yield _pg_url_with_schema(schema)
    finally:
        with admin.begin() as conn:
            conn.exec_driver_sql(f"DROP SCHEMA {schema} CASCADE")
        admin.dispose()


@pytest.fixture(scope="session")
def _pg_database() -> Iterator[Database | None]:
    """One migrated schema for the whole run; each test empties it (much faster than migrating)."""
    if not PG_URL:
        yield None
        return
    schema = f"s_{uuid.uuid4().hex[:12]}"
    admin = sa.create_engine(PG_URL)
    with admin.begin() as conn:
        conn.exec_driver_sql(f"CREATE SCHEMA {schema}")
    db = open_database(_pg_url_with_schema(schema))
    try:
        yield db
    finally:
        db.close()
        with admin.begin() as conn:
            conn.exec_driver_sql(f"DROP SCHEMA {schema} CASCADE")
        admin.dispose()


def empty_pg(db: Database) -> None:
    names = ", ".join(t.name for t in Base.metadata.sorted_tables)
    with db.engine.begin() as conn:
        conn.exec_driver_sql(f"TRUNCATE {names} RESTART IDENTITY CASCADE")


@pytest.fixture(autouse=True)
def _user_data_folder(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> Path:
    """The user data folder (default database, a team database's backups) is a temporary one:
    no test writes into the real one."""
    folder = tmp_path_factory.mktemp("user-data")
    monkeypatch.setenv("XDG_DATA_HOME", str(folder))
    return folder


@pytest.fixture(params=["sqlite", "postgresql"])
def db(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Database]:
    """A migrated, empty desk database, once on SQLite and once on PostgreSQL."""
    if request.param == "sqlite":
        database = open_database(f"sqlite:///{tmp_path / 'desk.db'}")
        yield database
        database.close()
        return
    _require_pg()
    database = request.getfixturevalue("_pg_database")
    empty_pg(database)
    yield database


@pytest.fixture
def sqlite_db(tmp_path: Path) -> Iterator[Database]:
    """SQLite only: for what is about files (backups, damaged files, the GUI's default)."""
    database = open_database(f"sqlite:///{tmp_path / 'desk.db'}")
    yield database
    database.close()


@pytest.fixture
def actor(db: Database) -> int:
    """The id of a staff user to act as."""
    from crm.services import users

    with db.write() as session:
        return users.service.create(
            session, None, {"name": "mtremblay", "display_name": "Marie Tremblay"}
        ).id
