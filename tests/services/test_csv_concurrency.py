"""Two imports of one file at the same time, on SQLite and PostgreSQL: they take turns, so
the second sees the first's rows as duplicates (one set of records, no error)."""

from __future__ import annotations

import threading
import time

import sqlalchemy as sa

from crm.services import contacts, csv_import, organizations, tags

ROWS = 120


def _lock_waiters(db) -> int:
    """Sessions of this database waiting for an advisory lock (PostgreSQL only)."""
    if db.dialect != "postgresql":
        return 0
    with db.engine.connect() as conn:
        return int(
            conn.execute(
                sa.text(
                    "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND NOT granted "
                    "AND database = (SELECT oid FROM pg_database WHERE datname = current_database())"
                )
            ).scalar_one()
        )


def test_two_imports_of_one_file_at_once_give_one_set_of_records(db, actor):
    lines = ["uid,first_name,last_name,email,organization,tags"]
    lines += [
        f"00000000-0000-4000-8000-{i:012d},P{i},T{i},p{i}@x.org,Org {i % 7},oncology; BIO {i % 3}"
        for i in range(ROWS)
    ]
    source = csv_import.read_source(("\r\n".join(lines) + "\r\n").encode(), "contacts")
    first_planned, second_planned = threading.Event(), threading.Event()
    plans: dict[str, csv_import.Plan] = {}
    errors: list[BaseException] = []

    def first() -> None:
        try:
            with db.write() as s:
                plan = csv_import.plan(s, "contacts", source)
                first_planned.set()
                # Give the second import every chance to plan beside this one: wait until it
                # has (the fault) or is seen waiting for its turn (PostgreSQL); SQLite's second
                # writer waits in BEGIN IMMEDIATE, unseen, within its busy timeout.
                give_up = time.monotonic() + (30 if db.dialect == "postgresql" else 1)
                while not second_planned.is_set() and not _lock_waiters(db):
                    if time.monotonic() > give_up:
                        break
                    time.sleep(0.02)
                plans["first"] = csv_import.apply(s, actor, plan)
        except BaseException as exc:
            errors.append(exc)

    def second() -> None:
        first_planned.wait(30)
        try:
            with db.write() as s:
                plan = csv_import.plan(s, "contacts", source)
                second_planned.set()
                plans["second"] = csv_import.apply(s, actor, plan)
        except BaseException as exc:
            errors.append(exc)

    threads = [threading.Thread(target=first), threading.Thread(target=second)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    assert errors == []
    assert plans["first"].counts()["created"] == ROWS
    assert plans["second"].counts()["created"] == 0
    assert plans["second"].counts()["skipped"] == ROWS
    with db.read() as s:
        assert contacts.service.count(s) == ROWS
        assert organizations.service.count(s) == 7
        assert tags.all_tags(s) == ["BIO 0", "BIO 1", "BIO 2", "oncology"]
