"""Opening a database: migrations from empty, models agreeing with migrations, backups,
refusal of newer schemas and of files that are not desk databases, on SQLite and PostgreSQL."""

from __future__ import annotations

import ast
import sqlite3
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext

from crm.db import migrate
from crm.db.base import Base
from crm.db.database import sqlite_backup
from crm.db.migrate import HEAD, backup_name, open_database
from crm.domain.errors import DatabaseOpenError
from crm.services import organizations

ENV_PY = Path(migrate.__file__).with_name("migrations") / "env.py"


def _env_include_object() -> Any:
    """`include_object` and DIALECT_ONLY from migrations/env.py, without running its `run()`."""
    namespace: dict[str, Any] = {"Any": Any}
    for node in ast.parse(ENV_PY.read_text(encoding="utf-8")).body:
        targets = [getattr(t, "id", None) for t in getattr(node, "targets", [])]
        if "DIALECT_ONLY" in targets or (
            isinstance(node, ast.FunctionDef) and node.name == "include_object"
        ):
            exec(compile(ast.Module([node], []), str(ENV_PY), "exec"), namespace)
    return namespace["include_object"]


@pytest.fixture(params=["sqlite", "postgresql"])
def empty_url(request, tmp_path):
    """A URL to an empty database: an SQLite file not yet made, or an empty PostgreSQL schema."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'fresh.db'}"
    return request.getfixturevalue("pg_schema_url")


def _tables(db) -> set[str]:
    with db.engine.connect() as conn:
        return set(sa.inspect(conn).get_table_names())


def _set_version(db, version: str) -> None:
    with db.engine.begin() as conn:
        conn.execute(sa.text("UPDATE alembic_version SET version_num = :v"), {"v": version})


def test_migrates_an_empty_database(empty_url):
    db = open_database(empty_url)
    try:
        assert db.migrated_from is None and db.backup_path is None
        tables = _tables(db)
        assert {t.name for t in Base.metadata.sorted_tables} <= tables
        assert "alembic_version" in tables
        with db.engine.connect() as conn:
            assert migrate.current_revision(conn) == HEAD
        if db.is_sqlite:
            assert "search_fts" in tables
        with db.write() as session:  # and it is usable right away
            organizations.service.create(session, None, {"name": "Première"})
    finally:
        db.close()


def test_models_and_migrations_agree(empty_url):
    db = open_database(empty_url)
    try:
        with db.engine.connect() as conn:
            context = MigrationContext.configure(
                conn, opts={"include_object": _env_include_object(), "compare_type": True}
            )
            assert compare_metadata(context, Base.metadata) == []
    finally:
        db.close()


def test_the_include_object_rule_skips_only_dialect_objects():
    include = _env_include_object()
    assert not include(None, "search_fts", "table", True, None)
    assert not include(None, "search_fts_data", "table", True, None)
    assert not include(None, "ix_search_entries_tsv", "index", True, None)
    assert include(None, "search_entries", "table", True, None)
    assert include(None, "organizations", "table", True, None)


def test_downgrade_then_upgrade_again(empty_url):
    from alembic import command

    db = open_database(empty_url)
    try:
        with db.engine.begin() as conn:
            command.downgrade(migrate.alembic_config(conn), "base")
        assert _tables(db) <= {"alembic_version"}
        with db.engine.begin() as conn:
            command.upgrade(migrate.alembic_config(conn), "head")
        assert "organizations" in _tables(db)
    finally:
        db.close()


def test_reopening_an_up_to_date_database_does_not_migrate(empty_url, tmp_path, monkeypatch):
    open_database(empty_url).close()

    def no_alembic(*args: object) -> None:
        raise AssertionError("ran Alembic on an up-to-date database")

    monkeypatch.setattr(migrate, "_upgrade", no_alembic)
    monkeypatch.setattr(migrate, "known_revisions", no_alembic)
    db = open_database(empty_url)
    try:
        assert db.migrated_from is None and db.backup_path is None
    finally:
        db.close()
    assert sorted(p.name for p in tmp_path.iterdir() if ".before-" in p.name) == []


def test_a_newer_schema_is_refused(empty_url):
    db = open_database(empty_url)
    _set_version(db, "9999")
    db.close()
    with pytest.raises(DatabaseOpenError) as info:
        open_database(empty_url)
    message = info.value.message
    assert "newer version" in message and "9999" in message and HEAD in message


def test_without_migrate_an_old_database_is_refused(empty_url):
    with pytest.raises(DatabaseOpenError, match="needs an upgrade"):
        open_database(empty_url, migrate=False)


def test_an_older_schema_file_is_backed_up_before_migrating(sqlite_db, monkeypatch):
    """The file is taken back to revision 0001 (Alembic downgrade), then opened again."""
    from alembic import command

    with sqlite_db.write() as session:
        organizations.service.create(session, None, {"name": "Gardée"})
    with sqlite_db.engine.begin() as conn:
        command.downgrade(migrate.alembic_config(conn), "0001")
    path = sqlite_db.path
    sqlite_db.close()
    db = open_database(f"sqlite:///{path}")
    try:
        assert db.migrated_from == "0001"
        assert db.backup_path is not None and db.backup_path.exists()
        assert db.backup_path.parent == path.parent
        assert (
            db.backup_path.name.startswith("desk.before-0001-") and db.backup_path.suffix == ".db"
        )
    finally:
        db.close()
    copy = sqlite3.connect(db.backup_path)
    try:
        assert copy.execute("SELECT name FROM organizations").fetchall() == [("Gardée",)]
        assert copy.execute("SELECT version_num FROM alembic_version").fetchall() == [("0001",)]
    finally:
        copy.close()


def test_an_up_to_date_file_is_not_backed_up(sqlite_db):
    path = sqlite_db.path
    sqlite_db.close()
    db = open_database(f"sqlite:///{path}")
    db.close()
    assert db.backup_path is None
    assert [p.name for p in path.parent.iterdir() if ".before-" in p.name] == []


def test_backup_name():
    named = backup_name(Path("/data/desk.db"), "0001")
    assert named.parent == Path("/data")
    assert named.name.startswith("desk.before-0001-") and named.name.endswith(".db")
    stamp = named.name.removeprefix("desk.before-0001-").removesuffix(".db")
    assert len(stamp) == len("20250101-120000") and stamp[8] == "-"
    assert backup_name(Path("/data/desk"), "0001").suffix == ".db"
    assert backup_name(Path("/data/team.sqlite"), "0003").suffix == ".sqlite"


def test_sqlite_backup_copies_a_live_database(sqlite_db, tmp_path):
    with sqlite_db.write() as session:
        organizations.service.create(session, None, {"name": "Copiée"})
    target = tmp_path / "backups" / "copy.db"
    sqlite_backup(sqlite_db.path, target)  # while the engine still holds connections (WAL)
    copy = open_database(f"sqlite:///{target}")
    try:
        with copy.read() as session:
            assert [o.name for o in organizations.service.find(session)] == ["Copiée"]
    finally:
        copy.close()


# ------------------------------------------------------------- files that are not desk databases


def test_a_text_file_is_refused(tmp_path):
    path = tmp_path / "notes.db"
    path.write_text("name,city\nBiotech,Laval\n", encoding="utf-8")
    with pytest.raises(DatabaseOpenError, match="not an SQLite file"):
        open_database(f"sqlite:///{path}")
    assert path.read_text(encoding="utf-8").startswith("name,city")


def test_a_foreign_sqlite_file_is_refused_and_left_alone(tmp_path):
    path = tmp_path / "other.db"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE recipes (name TEXT)")
    conn.commit()
    conn.close()
    with pytest.raises(DatabaseOpenError, match="another program"):
        open_database(f"sqlite:///{path}")
    conn = sqlite3.connect(path)
    try:
        names = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")]
    finally:
        conn.close()
    assert names == ["recipes"]


def test_a_foreign_postgresql_schema_is_refused(pg_schema_url):
    engine = sa.create_engine(pg_schema_url)
    with engine.begin() as conn:
        conn.exec_driver_sql("CREATE TABLE recipes (name TEXT)")
    engine.dispose()
    with pytest.raises(DatabaseOpenError, match="another program"):
        open_database(pg_schema_url)


def _damaged_copy(sqlite_db, tmp_path: Path, damage) -> Path:
    with sqlite_db.write() as session:
        for i in range(30):
            organizations.service.create(session, None, {"name": f"Org {i}", "notes": "x" * 400})
    sqlite_db.close()  # checkpoints the WAL into the file
    path = tmp_path / "damaged.db"
    path.write_bytes(damage(sqlite_db.path.read_bytes()))
    return path


@pytest.mark.parametrize(
    "damage",
    [
        lambda data: data[:100],
        lambda data: data[: len(data) // 2],
        lambda data: data[:100] + bytes(range(256)) * 16 + data[100 + 4096 :],
    ],
    ids=["header-only", "truncated", "garbled"],
)
def test_a_damaged_file_is_refused(sqlite_db, tmp_path, damage):
    path = _damaged_copy(sqlite_db, tmp_path, damage)
    with pytest.raises(DatabaseOpenError) as info:
        open_database(f"sqlite:///{path}")
    assert str(path) in info.value.message


def test_a_missing_folder_and_a_folder_are_refused(tmp_path):
    with pytest.raises(DatabaseOpenError, match="does not exist"):
        open_database(f"sqlite:///{tmp_path / 'nowhere' / 'desk.db'}")
    with pytest.raises(DatabaseOpenError, match="is a folder"):
        open_database(f"sqlite:///{tmp_path}")


def test_an_empty_file_becomes_a_desk_database(tmp_path):
    path = tmp_path / "empty.db"
    path.write_bytes(b"")
    db = open_database(f"sqlite:///{path}")
    try:
        assert "organizations" in _tables(db)
    finally:
        db.close()


def test_an_unreachable_server_is_a_database_open_error():
    with pytest.raises(DatabaseOpenError, match="Cannot reach") as info:
        open_database("postgresql+psycopg://nobody:secret@127.0.0.1:1/desk?connect_timeout=2")
    assert "secret" not in info.value.message


def test_open_from_options_makes_the_folder(tmp_path):
    path = tmp_path / "new" / "folder" / "desk.db"
    db = migrate.open_from_options(db_path=path)
    try:
        assert db.path == path and path.exists()
        assert db.display_name == str(path)
    finally:
        db.close()


def test_every_open_refusal_says_the_template_the_window_translates(tmp_path, sqlite_db):
    """The CLI prints str(exc), the window translates the code's template: one English."""
    from crm.domain import messages

    newer = tmp_path / "newer.db"
    conn = sqlite3.connect(newer)
    conn.execute("CREATE TABLE alembic_version (version_num TEXT)")
    conn.execute("INSERT INTO alembic_version VALUES ('9999')")
    conn.execute("CREATE TABLE other (x)")
    conn.commit()
    conn.close()
    foreign = tmp_path / "foreign.db"
    conn = sqlite3.connect(foreign)
    conn.execute("CREATE TABLE other (x)")
    conn.commit()
    conn.close()
    text = tmp_path / "notes.txt"
    text.write_text("hello, not a database\n")
    empty = tmp_path / "empty.db"
    empty.write_bytes(b"")
    old = sqlite_db.path
    assert old is not None
    _set_version(sqlite_db, "0001")
    refusals = [
        (f"sqlite:///{tmp_path / 'nowhere' / 'desk.db'}", {}, "database.folder_missing"),
        (f"sqlite:///{tmp_path}", {}, "database.is_folder"),
        (f"sqlite:///{text}", {}, "database.not_a_database"),
        (f"sqlite:///{tmp_path / 'missing.db'}", {"create": False}, "database.missing"),
        (f"sqlite:///{empty}", {"create": False}, "database.empty"),
        (f"sqlite:///{newer}", {}, "database.newer_schema"),
        (f"sqlite:///{foreign}", {}, "database.foreign"),
        (f"sqlite:///{old}", {"migrate": False}, "database.needs_upgrade"),
    ]
    for url, options, code in refusals:
        with pytest.raises(DatabaseOpenError) as info:
            open_database(url, **options)
        assert info.value.code == code
        assert str(info.value) == messages.english(code, info.value.params)


def test_roles_migration_makes_the_first_live_user_the_admin(empty_url):
    """0003: users that were there get a role: the first created among the active ones out
    of the trash is the admin, every other one staff."""
    from alembic import command

    db = open_database(empty_url)
    try:
        with db.engine.begin() as conn:
            command.downgrade(migrate.alembic_config(conn), "0002")
            insert = sa.text(
                "INSERT INTO staff_users (id, uid, name, display_name, email, language, active, "
                "created_at, updated_at, deleted_at, version) VALUES (:id, :uid, :name, '', '', "
                "'fr', :active, '2026-01-01', '2026-01-01', :deleted, 1)"
            )
            for id_, name, active, deleted in (
                (1, "gone", True, "2026-02-01"), (2, "asleep", False, None),
                (3, "first_live", True, None), (4, "later", True, None),
            ):  # fmt: skip
                conn.execute(insert, {"id": id_, "uid": f"u{id_}", "name": name,
                                      "active": active, "deleted": deleted})  # fmt: skip
            command.upgrade(migrate.alembic_config(conn), "head")
        with db.engine.connect() as conn:
            found = dict(conn.execute(sa.text("SELECT name, role FROM staff_users")).all())
        assert found == {"gone": "staff", "asleep": "staff", "first_live": "admin",
                         "later": "staff"}  # fmt: skip
    finally:
        db.close()
