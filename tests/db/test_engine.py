"""Engine set-up: SQLite pragmas and IMMEDIATE writes, UTC datetimes, where the database is."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import pytest
import sqlalchemy as sa

from crm.db import engine as engine_module
from crm.db.database import Database
from crm.db.engine import default_db_path, make_engine, normalize_url, resolve_url, sqlite_url
from crm.db.models import AuditEntry
from crm.domain.errors import StorageFailure
from crm.services import organizations

# ------------------------------------------------------------------------- SQLite pragmas


def _pragmas(conn: sa.Connection) -> tuple[object, ...]:
    return tuple(
        conn.exec_driver_sql(f"PRAGMA {name}").scalar()
        for name in ("foreign_keys", "busy_timeout", "journal_mode")
    )


def test_pragmas_on_every_connection(sqlite_db):
    expected = (1, engine_module.BUSY_TIMEOUT_MS, "wal")
    # Several pooled connections at once: each one was set up on connect.
    with sqlite_db.engine.connect() as first, sqlite_db.engine.connect() as second:
        assert _pragmas(first) == expected
        assert _pragmas(second) == expected
    with sqlite_db.read() as session:
        assert _pragmas(session.connection()) == expected
    with sqlite_db.write() as session:
        assert _pragmas(session.connection()) == expected


def test_foreign_keys_are_enforced(sqlite_db):
    with pytest.raises(sa.exc.IntegrityError), sqlite_db.write() as session:
        session.execute(
            sa.text("INSERT INTO organization_tags (organization_id, tag_id) VALUES (41, 42)")
        )


def _two_desks(path: Path, monkeypatch) -> tuple[Database, Database]:
    monkeypatch.setattr(engine_module, "BUSY_TIMEOUT_MS", 50)
    url = f"sqlite:///{path}"
    return Database(url, make_engine(url)), Database(url, make_engine(url))


def test_write_begins_immediate_so_a_second_writer_waits(sqlite_db, monkeypatch):
    with sqlite_db.write() as session:
        organizations.service.create(session, None, {"name": "Existing"})
    first, second = _two_desks(sqlite_db.path, monkeypatch)
    try:
        with first.write() as session:
            # Only a read so far: a DEFERRED transaction would hold no lock yet.
            assert session.execute(sa.text("SELECT count(*) FROM organizations")).scalar() == 1
            with pytest.raises(StorageFailure, match="busy") as failure, second.write() as other:
                other.execute(sa.text("SELECT 1"))
            assert failure.value.code == "storage.locked"
            # Readers are never blocked by a writer (WAL, deferred reads).
            with second.read() as reader:
                assert reader.execute(sa.text("SELECT count(*) FROM organizations")).scalar() == 1
        with second.write() as session:  # once the first commits, the second proceeds
            organizations.service.create(session, None, {"name": "Second"})
    finally:
        first.close()
        second.close()


def test_reads_are_deferred_and_do_not_block_a_writer(sqlite_db, monkeypatch):
    first, second = _two_desks(sqlite_db.path, monkeypatch)
    try:
        with first.read() as reader:
            reader.execute(sa.text("SELECT count(*) FROM organizations")).scalar()
            with second.write() as session:
                organizations.service.create(session, None, {"name": "Written meanwhile"})
            # The reader keeps its snapshot until its transaction ends.
            assert reader.execute(sa.text("SELECT count(*) FROM organizations")).scalar() == 0
        with first.read() as reader:
            assert reader.execute(sa.text("SELECT count(*) FROM organizations")).scalar() == 1
    finally:
        first.close()
        second.close()


# ---------------------------------------------------------------------- UTC datetimes


def test_datetimes_come_back_aware_utc(db):
    eastern = timezone(timedelta(hours=-5))
    moment = datetime(2025, 3, 9, 21, 15, 30, 123456, tzinfo=eastern)
    with db.write() as session:
        session.add(AuditEntry(action="test", entity="organization", record_id=1, at=moment))
    with db.read() as session:
        back = session.scalars(sa.select(AuditEntry.at).where(AuditEntry.action == "test")).one()
    assert back == moment
    assert back.tzinfo is not None and back.utcoffset() == timedelta(0)
    assert (back.hour, back.day) == (2, 10)


def test_utc_comparisons_in_sql(db):
    base = datetime(2025, 1, 1, 12, tzinfo=UTC)
    with db.write() as session:
        for hours in (0, 1, 2):
            session.add(
                AuditEntry(
                    action="t", entity="x", record_id=hours, at=base + timedelta(hours=hours)
                )
            )
    # 13:30 at UTC+2 is 11:30 UTC: every entry is later.
    cut = datetime(2025, 1, 1, 13, 30, tzinfo=timezone(timedelta(hours=2)))
    with db.read() as session:
        later = session.scalars(
            sa.select(AuditEntry.record_id).where(AuditEntry.at > cut, AuditEntry.entity == "x")
        )
        assert sorted(later) == [0, 1, 2]


def test_naive_datetimes_are_refused(db):
    with pytest.raises(sa.exc.StatementError, match="naive datetime"), db.write() as session:
        session.add(AuditEntry(action="t", entity="x", at=datetime(2025, 1, 1, 12)))
        session.flush()


# ------------------------------------------------------------------------- resolve_url


def test_resolve_url_precedence(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    env = {"CRM_DATABASE_URL": "postgresql://team@server/desk", "CRM_DB": str(tmp_path / "env.db")}
    flag_db = tmp_path / "flag.db"
    assert resolve_url(flag_db, None, env) == f"sqlite:///{flag_db}"
    assert resolve_url(None, "postgres://u@h/d", env) == "postgresql+psycopg://u@h/d"
    assert resolve_url(None, None, env) == "postgresql+psycopg://team@server/desk"
    assert resolve_url(None, None, {"CRM_DB": env["CRM_DB"]}) == f"sqlite:///{tmp_path / 'env.db'}"
    assert resolve_url(None, None, {"CRM_DATABASE_URL": "", "CRM_DB": ""}) == sqlite_url(
        default_db_path()
    )
    default = resolve_url(None, None, {})
    assert default.startswith(f"sqlite:///{tmp_path / 'xdg'}")
    assert default.endswith("/cooperation-desk/desk.db")


def test_both_flags_are_refused():
    with pytest.raises(ValueError, match="not both"):
        resolve_url("desk.db", "postgresql://h/d", {})


def test_resolve_url_reads_the_real_environment(monkeypatch, tmp_path):
    monkeypatch.delenv("CRM_DATABASE_URL", raising=False)
    monkeypatch.setenv("CRM_DB", str(tmp_path / "from-env.db"))
    assert resolve_url() == f"sqlite:///{tmp_path / 'from-env.db'}"


def test_sqlite_url_is_absolute_and_expands_home(monkeypatch, tmp_path):
    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.chdir(tmp_path)
    assert sqlite_url("~/desk.db") == f"sqlite:///{tmp_path / 'desk.db'}"
    assert sqlite_url("rel.db") == f"sqlite:///{tmp_path / 'rel.db'}"


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        ("postgresql://u:p@h:5432/d", "postgresql+psycopg://u:p@h:5432/d"),
        ("postgres://h/d", "postgresql+psycopg://h/d"),
        ("postgresql+psycopg://h/d", "postgresql+psycopg://h/d"),
        ("sqlite:////tmp/x.db", "sqlite:////tmp/x.db"),
    ],
)
def test_normalize_url(given, expected):
    assert normalize_url(given) == expected


def test_display_name_hides_the_password(db):
    if db.is_sqlite:
        assert db.display_name == str(db.path) and db.path.name == "desk.db"
    else:
        assert db.path is None
        url = sa.engine.make_url(db.url)  # whichever role the test server gives (CI: crm_test)
        assert f"{url.username}:***@" in db.display_name
        assert f":{url.password}@" not in db.display_name
