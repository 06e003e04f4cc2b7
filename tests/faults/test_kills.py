"""`kill -9` at random points of import, demo, backup, restore and export (seeded).

After each kill: the database passes `integrity_check`, holds all of the change or none of
it, and no file under a final name is cut short (a backup opens and is whole, an export
parses completely with every row).
"""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from tests.faults.common import (
    Ledger,
    child_env,
    counts,
    crm,
    csv_rows,
    integrity,
    leftovers,
    timed,
    verdict,
    whole_csv,
    whole_sqlite,
)
from tests.faults.conftest import Templates, pg_counts, write_people

_calibrated: dict[str, float] = {}
_rows: dict[str, int] = {}


def trials(quick: bool) -> int:
    return 2 if quick else 4


def kill_point(rng: random.Random, full: float) -> float:
    """Somewhere in the command's own work, past Python's start (~0.3 s), up to its end."""
    return rng.uniform(min(0.3, full * 0.5), full * 1.02)


def calibrate(key: str, args: list[str], env: dict[str, str]) -> float:
    """How long the whole command takes here (measured once per campaign)."""
    if key not in _calibrated:
        run, seconds = timed(args, env)
        assert run.status == 0, run.stderr
        _calibrated[key] = seconds
    return _calibrated[key]


@pytest.fixture(params=range(4), ids=lambda i: f"trial{i}")
def trial(request: pytest.FixtureRequest, quick: bool) -> int:
    if request.param >= trials(quick):
        pytest.skip("--quick")
    return int(request.param)


# ----------------------------------------------------------------------------- SQLite


def test_kill_during_import(trial, templates: Templates, tmp_path: Path, rng, ledger: Ledger):
    env = child_env(tmp_path)
    db = templates.copy(templates.big, tmp_path / "desk.db")
    args = ["--db", str(db), "import", "contacts", str(templates.people)]
    full = calibrate(
        "import", ["--db", str(templates.copy(templates.big, tmp_path / "c.db")), *args[2:]], env
    )
    before = counts(db)
    run = crm(args, env, kill_after=kill_point(rng, full))
    lost = []
    if (verdict_ := integrity(db)) != "ok":
        lost.append(f"integrity: {verdict_}")
    after = counts(db)["contacts"]
    if after not in (before["contacts"], before["contacts"] + templates.people_rows):
        lost.append(
            f"half an import: {after - before['contacts']} of {templates.people_rows} contacts"
        )
    verdict(ledger, "sqlite", f"kill import #{trial}", run, lost, leftovers(tmp_path / "tmp"))


def test_kill_during_demo(trial, tmp_path: Path, rng, ledger: Ledger):
    env = child_env(tmp_path)
    full = calibrate("demo", ["--db", str(tmp_path / "c.db"), "demo"], env)
    db = tmp_path / "desk.db"
    run = crm(["--db", str(db), "demo"], env, kill_after=kill_point(rng, full))
    lost = []
    if db.exists() and db.stat().st_size:
        if (verdict_ := integrity(db)) != "ok":
            lost.append(f"integrity: {verdict_}")
        elif counts(db)["organizations"] not in (0, 31):
            lost.append(f"half the demo: {counts(db)['organizations']} organizations")
    verdict(ledger, "sqlite", f"kill demo #{trial}", run, lost, leftovers(tmp_path / "tmp"))


def test_kill_during_backup(trial, templates: Templates, tmp_path: Path, rng, ledger: Ledger):
    env = child_env(tmp_path)
    db = templates.copy(templates.big, tmp_path / "desk.db")
    full = calibrate(
        "backup", ["--db", str(db), "backup", "--out", str(tmp_path / "c-backup.db")], env
    )
    expected = counts(db)
    target = tmp_path / "out" / "backup.db"
    target.parent.mkdir()
    run = crm(
        ["--db", str(db), "backup", "--out", str(target)], env, kill_after=kill_point(rng, full)
    )
    lost = []
    after = counts(db)
    # A backup writes one thing: its export-log entry, committed before the file appears.
    logged = after.pop("export_log") - expected["export_log"]
    if (
        (verdict_ := integrity(db)) != "ok"
        or after != {k: v for k, v in expected.items() if k != "export_log"}
        or logged not in (0, 1)
    ):
        lost.append(f"the database changed beyond the backup's log entry: {verdict_}")
    if target.exists():
        if why := whole_sqlite(target, expected):
            lost.append(f"a cut backup under its final name: {why}")
        elif logged != 1:
            lost.append("a backup file the export log never saw")
    verdict(ledger, "sqlite", f"kill backup #{trial}", run, lost,
            leftovers(tmp_path / "tmp", target.parent))  # fmt: skip


def test_kill_during_restore(trial, templates: Templates, tmp_path: Path, rng, ledger: Ledger):
    env = child_env(tmp_path)
    source = templates.copy(templates.big, tmp_path / "from" / "backup.db")
    full = calibrate("restore", ["--db", str(templates.copy(templates.small, tmp_path / "c.db")),
                                 "restore", str(source)], env)  # fmt: skip
    db = templates.copy(templates.small, tmp_path / "desk.db")
    old, new = counts(db), counts(source)
    run = crm(["--db", str(db), "restore", str(source)], env, kill_after=kill_point(rng, full))
    lost = []
    if (verdict_ := integrity(db)) != "ok":
        lost.append(f"integrity: {verdict_}")
    elif counts(db) not in (old, new):
        lost.append(f"half a restore: {counts(db)}")
    for copy in (tmp_path / "backups").glob("*.db"):
        if why := whole_sqlite(copy, old):
            lost.append(f"a cut safety copy: {why}")
    verdict(ledger, "sqlite", f"kill restore #{trial}", run, lost,
            leftovers(tmp_path / "tmp", tmp_path / "backups"))  # fmt: skip


def test_kill_during_export(trial, templates: Templates, tmp_path: Path, rng, ledger: Ledger):
    env = child_env(tmp_path)
    args = ["export", "contacts", "--include-without-consent"]
    probe = templates.copy(templates.big, tmp_path / "c.db")
    full = calibrate("export", ["--db", str(probe), *args, "--out", str(tmp_path / "c.csv")], env)
    if "export" not in _rows:
        _rows["export"] = csv_rows(tmp_path / "c.csv")
    rows = _rows["export"]
    db = templates.copy(templates.big, tmp_path / "desk.db")
    before = counts(db)
    target = tmp_path / "out" / "contacts.csv"
    target.parent.mkdir()
    run = crm(["--db", str(db), *args, "--out", str(target)], env, kill_after=kill_point(rng, full))
    lost = []
    if (verdict_ := integrity(db)) != "ok":
        lost.append(f"integrity: {verdict_}")
    logged = counts(db)["export_log"] - before["export_log"]
    if target.exists():
        if why := whole_csv(target, rows):
            lost.append(f"a cut export under its final name: {why}")
        elif logged != 1:
            lost.append("an export file the export log never saw")
    verdict(ledger, "sqlite", f"kill export #{trial}", run, lost,
            leftovers(tmp_path / "tmp", target.parent))  # fmt: skip


# -------------------------------------------------------------------------- PostgreSQL


def test_kill_during_import_postgres(trial, pg_demo: str, templates: Templates, tmp_path: Path, rng,
                                     ledger: Ledger):  # fmt: skip
    env = child_env(tmp_path)
    rows = templates.people_rows // 2
    people = write_people(tmp_path / "people.csv", rows, f"pg{trial}x{rng.randrange(10**6)}")
    before = pg_counts(pg_demo)["contacts"]
    run = crm(["--database-url", pg_demo, "import", "contacts", str(people)], env,
              kill_after=rng.uniform(0.3, 3.0))  # fmt: skip
    after = pg_counts(pg_demo)["contacts"]
    lost = (
        [] if after in (before, before + rows) else [f"half an import: {after - before} of {rows}"]
    )
    verdict(ledger, "postgresql", f"kill import #{trial}", run, lost)


def test_kill_during_demo_postgres(trial, pg_schema_url: str, tmp_path: Path, rng, ledger: Ledger):
    env = child_env(tmp_path)
    run = crm(["--database-url", pg_schema_url, "demo"], env, kill_after=rng.uniform(0.3, 4.0))
    orgs = pg_counts(pg_schema_url)["organizations"]
    lost = [] if orgs in (0, 31) else [f"half the demo: {orgs} organizations"]
    verdict(ledger, "postgresql", f"kill demo #{trial}", run, lost)


def test_kill_during_backup_postgres(trial, pg_demo: str, tmp_path: Path, rng, ledger: Ledger):
    env = child_env(tmp_path)
    target = tmp_path / "out" / "team.db"
    target.parent.mkdir()
    expected = pg_counts(pg_demo)
    run = crm(["--database-url", pg_demo, "backup", "--out", str(target)], env,
              kill_after=rng.uniform(0.3, 2.5))  # fmt: skip
    lost = []
    if target.exists() and (why := whole_sqlite(target, expected)):
        lost.append(f"a cut backup under its final name: {why}")
    verdict(ledger, "postgresql", f"kill backup #{trial}", run, lost, leftovers(target.parent))


def test_kill_during_export_postgres(trial, pg_demo: str, tmp_path: Path, rng, ledger: Ledger):
    env = child_env(tmp_path)
    target = tmp_path / "out" / "contacts.csv"
    target.parent.mkdir()
    before = pg_counts(pg_demo)["export_log"]
    run = crm(["--database-url", pg_demo, "export", "contacts", "--include-without-consent",
               "--out", str(target)], env, kill_after=rng.uniform(0.3, 2.5))  # fmt: skip
    logged = pg_counts(pg_demo)["export_log"] - before
    lost = []
    if target.exists():
        if why := whole_csv(target):
            lost.append(f"a cut export under its final name: {why}")
        elif logged != 1:
            lost.append("an export file the export log never saw")
    verdict(ledger, "postgresql", f"kill export #{trial}", run, lost, leftovers(target.parent))
