"""Another process holds the database's write lock while each command runs.

SQLite: a child holding `BEGIN IMMEDIATE` (as `sqlite3 x.db 'BEGIN IMMEDIATE; ...'` would).
PostgreSQL: a child holding `LOCK TABLE ... IN EXCLUSIVE MODE` on every desk table (readers
pass, writers wait). Commands that write say the database is busy (after CRM_BUSY_TIMEOUT_MS)
and change nothing; commands that only read go on as if nothing were held.
"""

from __future__ import annotations

import contextlib
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from crm.db.base import Base
from tests.faults.common import Ledger, child_env, counts, crm, integrity, verdict
from tests.faults.conftest import Templates, pg_counts

WRITERS = [
    ["users", "add", "zed"],
    ["import", "contacts", "{people}"],
    ["check", "--repair"],
    ["export", "contacts", "--out", "{tmp}/e.csv"],
    ["demo", "--scale", "10"],
    ["backup", "--out", "{tmp}/b.db"],  # logged in the export log: it writes
]
READERS = [
    ["search", "montreal"],
    ["check"],
    ["users", "list"],
    ["import", "contacts", "{people}", "--dry-run"],
]
HOLD_SQLITE = (
    "import sqlite3, sys, time\n"
    "c = sqlite3.connect(sys.argv[1], isolation_level=None)\n"
    "c.execute('BEGIN IMMEDIATE')\n"
    "print('held', flush=True)\n"
    "sys.stdin.read()\n"
)
HOLD_POSTGRES = (
    "import sys, sqlalchemy as sa\n"
    "e = sa.create_engine(sys.argv[1])\n"
    "with e.connect() as c:\n"
    "    c.exec_driver_sql('LOCK TABLE ' + sys.argv[2] + ' IN EXCLUSIVE MODE')\n"
    "    print('held', flush=True)\n"
    "    sys.stdin.read()\n"
)


@contextlib.contextmanager
def holding(*args: str, script: str) -> Iterator[subprocess.Popen[str]]:
    child = subprocess.Popen([sys.executable, "-c", script, *args], stdin=subprocess.PIPE,
                             stdout=subprocess.PIPE, text=True)  # fmt: skip
    assert child.stdout is not None and child.stdout.readline().strip() == "held"
    try:
        yield child
    finally:
        child.communicate("")  # closing stdin lets it go


def expand(command: list[str], templates: Templates, tmp_path: Path) -> list[str]:
    return [a.format(people=templates.people, tmp=tmp_path) for a in command]


def judge(run, writes: bool, changed: bool) -> list[str]:
    lost = ["the data changed under a held lock"] if changed else []
    if writes:
        if (
            run.status != 1
            or "is busy" not in run.stderr
            or "Nothing was written" not in run.stderr
        ):
            lost.append(
                f"a writer under the lock did not say busy: {run.status} {run.stderr.strip()[-300:]}"
            )
    elif run.status != 0 and "not checked, another program is writing" not in run.stderr:
        lost.append(f"a reader waited for or failed on the write lock: {run.stderr.strip()[-300:]}")
    return lost


@pytest.fixture
def sqlite_desk(templates: Templates, tmp_path: Path) -> Path:
    return templates.copy(templates.small, tmp_path / "desk.db")


@pytest.mark.parametrize("command", WRITERS + READERS, ids=lambda c: " ".join(c[:2]))
def test_sqlite_command_under_a_held_lock(
    command, sqlite_desk, templates, tmp_path, ledger: Ledger
):
    before = counts(sqlite_desk)
    with holding(str(sqlite_desk), script=HOLD_SQLITE):
        run = crm(
            ["--db", str(sqlite_desk), *expand(command, templates, tmp_path)], child_env(tmp_path)
        )
    changed = counts(sqlite_desk) != before or integrity(sqlite_desk) != "ok"
    verdict(
        ledger,
        "sqlite",
        f"lock {' '.join(command[:2])}",
        run,
        judge(run, command in WRITERS, changed),
    )


def test_the_window_starts_under_a_held_lock(sqlite_desk, tmp_path, ledger: Ledger):
    with holding(str(sqlite_desk), script=HOLD_SQLITE):
        run = crm(
            ["--db", str(sqlite_desk), "gui", "--screenshot", str(tmp_path / "w.png")],
            child_env(tmp_path),
        )
    lost = (
        []
        if run.status == 0 and (tmp_path / "w.png").exists()
        else [f"no window: {run.stderr[-300:]}"]
    )
    verdict(ledger, "sqlite", "lock gui start", run, lost)


@pytest.mark.parametrize("command", WRITERS + READERS, ids=lambda c: " ".join(c[:2]))
def test_postgres_command_under_a_held_lock(command, pg_demo, templates, tmp_path, ledger: Ledger):
    tables = ", ".join(t.name for t in Base.metadata.sorted_tables)
    before = pg_counts(pg_demo)
    with holding(pg_demo, tables, script=HOLD_POSTGRES):
        run = crm(
            ["--database-url", pg_demo, *expand(command, templates, tmp_path)], child_env(tmp_path)
        )
    changed = pg_counts(pg_demo) != before
    verdict(
        ledger,
        "postgresql",
        f"lock {' '.join(command[:2])}",
        run,
        judge(run, command in WRITERS, changed),
    )
