"""Live updates (crm.db.live): a desk hears what another desk commits to the same database,
on SQLite (PRAGMA data_version) and on PostgreSQL (NOTIFY in the writing transaction)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from crm.db.database import Database
from crm.db.migrate import open_database
from crm.services import contacts, csv_import, organizations, users


@pytest.fixture
def other(db: Database) -> Iterator[Database]:
    """A second desk on the same database (its own engine, as another program would have)."""
    second = open_database(db.url)
    yield second
    second.close()


@pytest.fixture
def watcher(db: Database) -> Iterator[object]:
    heard = db.watcher()
    yield heard
    heard.close()


def test_a_committed_change_is_heard_with_its_kinds_and_origin(db, actor, other, watcher):
    assert watcher.wait(0.3) is None  # nothing yet
    with other.write() as s:
        organizations.service.create(s, actor, {"name": "Kendall CRO", "region": "MA"})
    change = watcher.wait(3)
    assert change is not None
    if db.is_sqlite:
        assert change.kinds is None  # SQLite cannot say what: anything may have changed
    else:
        assert change.kinds == {"organization"} and change.origin == other.origin
    assert watcher.wait(0.3) is None  # heard once


def test_a_rolled_back_write_is_not_heard(db, actor, other, watcher):
    with pytest.raises(RuntimeError), other.write() as s:
        organizations.service.create(s, actor, {"name": "Never saved", "region": "QC"})
        raise RuntimeError("the user's action failed half way")
    assert watcher.wait(0.5) is None


def test_a_bulk_import_is_heard_as_the_kinds_it_wrote(db, actor, other, watcher, tmp_path):
    path = tmp_path / "people.csv"
    path.write_text("first_name,last_name,organization\r\nAva,Smith,Boston Cell\r\n", "utf-8")
    source = csv_import.read_source(path, "contacts")
    with other.write() as s:
        csv_import.apply(s, actor, csv_import.plan(s, "contacts", source))
    change = watcher.wait(3)
    assert change is not None
    if not db.is_sqlite:
        assert {"contact", "organization"} <= change.kinds


def test_a_write_of_no_record_kind_sends_no_notice(db, other, watcher):
    if db.is_sqlite:
        pytest.skip("SQLite hears every commit; kinds are PostgreSQL's")
    with other.write() as s:
        users.service.create(s, None, {"name": "jsullivan"})
    assert watcher.wait(0.5) is None


def test_own_writes_carry_the_desks_origin(db, actor, watcher):
    if db.is_sqlite:
        pytest.skip("SQLite notices carry no origin")
    with db.write() as s:
        contacts.service.create(s, actor, {"first_name": "Éloïse", "last_name": "Roy"})
    change = watcher.wait(3)
    assert change is not None and change.origin == db.origin
