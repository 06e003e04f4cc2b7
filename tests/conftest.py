"""Fixtures shared by every layer's tests: a migrated database on SQLite and on PostgreSQL.

The `db` fixture runs each data-layer test twice: on a fresh SQLite file and on the
PostgreSQL server named by CRM_TEST_DATABASE_URL (CI starts one). Without that variable the
PostgreSQL half is skipped, unless CRM_REQUIRE_POSTGRES=1, where it fails instead.

Migrating a new SQLite file costs tens of milliseconds a test, loading the demo most of a
second: each run (each worker) makes such a file once, as a template, and every test opens a
copy of it (`templates`). A copy is private to its test, which may write to it freely.
"""

from __future__ import annotations

import os
import shutil
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

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
    from crm.services.privacy import roles

    roles.act_as(db, None)  # a staff user a previous test acted as is gone with its rows
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


def open_copy(template: Path, target: Path) -> Database:
    """Open a copy of a closed desk database file (what migrating afresh gives, but cheap)."""
    shutil.copyfile(template, target)
    return open_database(f"sqlite:///{target}")


class Templates:
    """SQLite desk databases filled once for the run, by name; each test opens its own copy."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.empty = folder / "empty.db"
        open_database(f"sqlite:///{self.empty}").close()
        self._made: dict[str, tuple[Path, Any]] = {}

    def open(
        self, name: str, fill: Callable[[Database], Any], target: Path
    ) -> tuple[Database, Any]:
        """A copy at `target` of the empty database after `fill`, and what `fill` returned.

        `fill` runs once per name and run; it must not depend on the test that asks first.
        """
        if name not in self._made:
            path = self.folder / f"{name}.db"
            database = open_copy(self.empty, path)
            try:
                made = fill(database)
            finally:
                database.close()
            # Closing the last connection folds the WAL into the file: the file alone is whole.
            assert not path.with_name(path.name + "-wal").exists()
            self._made[name] = (path, made)
        path, made = self._made[name]
        return open_copy(path, target), made


@pytest.fixture(scope="session")
def templates(tmp_path_factory: pytest.TempPathFactory) -> Templates:
    return Templates(tmp_path_factory.mktemp("templates"))


@pytest.fixture
def fresh_sqlite(templates: Templates, tmp_path: Path) -> Iterator[Database]:
    """A migrated, empty SQLite desk database at tmp_path / 'desk.db'."""
    database = open_copy(templates.empty, tmp_path / "desk.db")
    yield database
    database.close()


@pytest.fixture(params=["sqlite", "postgresql"])
def db(request: pytest.FixtureRequest) -> Iterator[Database]:
    """A migrated, empty desk database, once on SQLite and once on PostgreSQL."""
    if request.param == "sqlite":
        yield request.getfixturevalue("fresh_sqlite")
        return
    _require_pg()
    database = request.getfixturevalue("_pg_database")
    empty_pg(database)
    yield database


@pytest.fixture
def sqlite_db(fresh_sqlite: Database) -> Database:
    """SQLite only: for what is about files (backups, damaged files, the GUI's default)."""
    return fresh_sqlite


@pytest.fixture
def actor(db: Database) -> int:
    """The id of a staff user to act as."""
    from crm.services import users

    with db.write() as session:
        return users.service.create(
            session, None, {"name": "mtremblay", "display_name": "Marie Tremblay"}
        ).id


def load_demo(database: Database) -> int:
    """The demo data set, loaded by "mtremblay" (as `actor` makes it); returns that user's id."""
    from crm.services import demo, users

    with database.write() as session:
        actor = users.service.create(
            session, None, {"name": "mtremblay", "display_name": "Marie Tremblay"}
        ).id
        demo.load_demo(session, actor)
    return actor


@dataclass
class Loaded:
    db: Database
    actor: int


@pytest.fixture(params=["sqlite", "postgresql"])
def demo_db(
    request: pytest.FixtureRequest, templates: Templates, tmp_path: Path
) -> Iterator[Loaded]:
    """The demo data set (as `load_demo` gives it), on SQLite (a copy) and on PostgreSQL."""
    if request.param == "sqlite":
        database, actor = templates.open("demo", load_demo, tmp_path / "desk.db")
        yield Loaded(database, actor)
        database.close()
        return
    _require_pg()
    database = request.getfixturevalue("_pg_database")
    empty_pg(database)
    yield Loaded(database, load_demo(database))
