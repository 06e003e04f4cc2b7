"""The fault campaign's set-up: template databases built once, the small disk, the summary line.

Run by `make faults` (`make faults ARGS=--quick` for fewer trials), never by `make test`
(pyproject's addopts ignore this folder). Seeded: `--faults-seed N` replays a campaign.
PostgreSQL trials run when CRM_TEST_DATABASE_URL is set.
"""

from __future__ import annotations

import contextlib
import os
import random
import shutil
import subprocess
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
import sqlalchemy as sa

from tests.conftest import _pg_url_with_schema
from tests.faults.common import Ledger, child_env, counts, crm

PG_URL = os.environ.get("CRM_TEST_DATABASE_URL", "")
LEDGER = pytest.StashKey[Ledger]()


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--quick", action="store_true", help="fewer trials (for CI)")
    parser.addoption("--faults-seed", type=int, default=20261202, help="seed of the campaign")


def pytest_configure(config: pytest.Config) -> None:
    config.stash[LEDGER] = Ledger()


def pytest_terminal_summary(
    terminalreporter: pytest.TerminalReporter, config: pytest.Config
) -> None:
    ledger = config.stash.get(LEDGER, None)
    if ledger is None or not ledger.trials:
        return
    terminalreporter.section("fault campaign")
    shown: dict[str, int] = {}
    for note in ledger.notes:  # at most three of a kind: the fuzz can find hundreds
        kind = " ".join(note.split()[:3])
        shown[kind] = shown.get(kind, 0) + 1
        if shown[kind] <= 3:
            terminalreporter.write_line(f"  {note}")
    for kind, n in shown.items():
        if n > 3:
            terminalreporter.write_line(f"  {kind} ...: {n - 3} more")
    for line in ledger.lines():
        terminalreporter.write_line(line)


@pytest.fixture(scope="session")
def ledger(pytestconfig: pytest.Config) -> Ledger:
    return pytestconfig.stash[LEDGER]


@pytest.fixture(autouse=True)
def _owner(ledger: Ledger, request: pytest.FixtureRequest) -> Iterator[None]:
    """Whose fix the trial waits for: the first word of its xfail reason ("h6", "h7")."""
    marker = request.node.get_closest_marker("xfail")
    ledger.owner = str(marker.kwargs.get("reason", "")).split(" ")[0] if marker else ""
    yield
    ledger.owner = ""


@pytest.fixture(scope="session")
def quick(pytestconfig: pytest.Config) -> bool:
    return bool(pytestconfig.getoption("--quick"))


@pytest.fixture
def rng(pytestconfig: pytest.Config, request: pytest.FixtureRequest) -> random.Random:
    """A generator per trial, from the campaign's seed and the trial's name (replayable)."""
    return random.Random(f"{pytestconfig.getoption('--faults-seed')}:{request.node.nodeid}")


@dataclass
class Templates:
    small: Path  # the demo data
    big: Path  # the demo data and synthetic contacts
    old: Path  # the demo data at the first schema (opening it migrates)
    people_rows: int  # rows of people.csv
    people: Path  # a CSV of new contacts, none already recorded

    def copy(self, which: Path, to: Path) -> Path:
        to.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(which, to)
        return to


def write_people(path: Path, rows: int, tag: str) -> Path:
    with path.open("w", encoding="utf-8", newline="") as handle:
        handle.write("first_name,last_name,email,city,tags\n")
        for i in range(rows):
            handle.write(f"Pers{i},Nom{tag}{i},p{i}@{tag}.example,Montréal,fuzz\n")
    return path


@pytest.fixture(scope="session")
def templates(tmp_path_factory: pytest.TempPathFactory, quick: bool) -> Templates:
    home = tmp_path_factory.mktemp("templates")
    env = child_env(home)
    small = home / "small.db"
    assert crm(["--db", str(small), "demo"], env).status == 0
    big = home / "big.db"
    shutil.copyfile(small, big)
    scale = "3000" if quick else "8000"
    assert crm(["--db", str(big), "demo", "--scale", scale], env).status == 0
    old = home / "old.db"
    shutil.copyfile(small, old)
    _downgrade(old, "0001")
    rows = 2000 if quick else 6000
    return Templates(small, big, old, rows, write_people(home / "people.csv", rows, "t"))


def _downgrade(path: Path, revision: str) -> None:
    from alembic import command

    from crm.db.migrate import alembic_config

    engine = sa.create_engine(f"sqlite:///{path}")
    with engine.begin() as conn:
        command.downgrade(alembic_config(conn), revision)
    engine.dispose()


# ------------------------------------------------------------------------ a small disk


@dataclass
class SmallDisk:
    """A folder whose file system holds little: a tiny tmpfs when we may mount one (root),
    else a per-file size limit (RLIMIT_FSIZE) applied to the child."""

    root: Path
    mounted: bool

    def leave_free(self, free: int) -> None:
        """Fill the disk so that about `free` bytes are left (tmpfs only)."""
        if not self.mounted:
            return
        filler = self.root / "filler"
        filler.unlink(missing_ok=True)
        stat = os.statvfs(self.root)
        size = max(0, stat.f_bavail * stat.f_frsize - free)
        with filler.open("wb") as handle, contextlib.suppress(OSError):
            handle.write(b"\0" * size)

    def clear(self) -> None:
        for p in self.root.iterdir():
            if p.is_dir():
                shutil.rmtree(p, ignore_errors=True)
            else:
                p.unlink(missing_ok=True)

    def read_only(self, flag: bool) -> bool:
        if not self.mounted:
            return False
        mode = "ro" if flag else "rw"
        done = subprocess.run(
            ["mount", "-o", f"remount,{mode}", str(self.root)], capture_output=True
        )
        return done.returncode == 0


@pytest.fixture(scope="session")
def small_disk(tmp_path_factory: pytest.TempPathFactory) -> Iterator[SmallDisk]:
    root = tmp_path_factory.mktemp("small-disk")
    mounted = False
    if hasattr(os, "geteuid") and os.geteuid() == 0 and shutil.which("mount"):
        done = subprocess.run(
            ["mount", "-t", "tmpfs", "-o", "size=6m", "tmpfs", str(root)], capture_output=True
        )
        mounted = done.returncode == 0
    yield SmallDisk(root, mounted)
    if mounted:
        subprocess.run(["umount", "-l", str(root)], capture_output=True)


# ------------------------------------------------------------------------ PostgreSQL


@pytest.fixture(scope="session")
def pg_demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """One PostgreSQL schema with the demo data, shared by the trials that only add to it."""
    if not PG_URL:
        pytest.skip("no PostgreSQL server (set CRM_TEST_DATABASE_URL)")
    schema = f"fd_{uuid.uuid4().hex[:12]}"
    admin = sa.create_engine(PG_URL)
    with admin.begin() as conn:
        conn.exec_driver_sql(f"CREATE SCHEMA {schema}")
    url = _pg_url_with_schema(schema)
    env = child_env(tmp_path_factory.mktemp("pg-demo"))
    assert crm(["--database-url", url, "demo"], env).status == 0
    try:
        yield url
    finally:
        with admin.begin() as conn:
            conn.exec_driver_sql(f"DROP SCHEMA {schema} CASCADE")
        admin.dispose()


def pg_counts(url: str) -> dict[str, int]:
    engine = sa.create_engine(url)
    try:
        with engine.connect() as conn:
            names = set(sa.inspect(conn).get_table_names())
            from tests.faults.common import TABLES

            return {
                t: int(conn.exec_driver_sql(f"SELECT count(*) FROM {t}").scalar() or 0)
                if t in names
                else 0
                for t in TABLES
            }
    finally:
        engine.dispose()


__all__ = ["SmallDisk", "Templates", "counts", "pg_counts", "write_people"]
