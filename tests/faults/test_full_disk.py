"""A full disk (a tiny tmpfs, or a file size limit where we may not mount) and a read-only one,
under import, demo, backup, restore, migration and export.

After each trial: a sentence, never a traceback; the database passes `integrity_check` and
holds all of the change or none of it; a file under its final name is whole.
"""

from __future__ import annotations

import resource
import shutil
import signal
from collections.abc import Callable
from pathlib import Path

import pytest

from crm.db.migrate import HEAD
from tests.faults.common import (
    Ledger,
    child_env,
    counts,
    crm,
    integrity,
    leftovers,
    revision,
    verdict,
    whole_csv,
    whole_sqlite,
)
from tests.faults.conftest import SmallDisk, Templates


@pytest.fixture(params=range(3), ids=lambda i: f"trial{i}")
def trial(request: pytest.FixtureRequest, quick: bool) -> int:
    if quick and request.param >= 1:
        pytest.skip("--quick")
    return int(request.param)


@pytest.fixture
def disk(small_disk: SmallDisk) -> SmallDisk:
    small_disk.read_only(False)
    small_disk.clear()
    yield small_disk
    small_disk.read_only(False)
    small_disk.clear()


def limited(disk: SmallDisk, free: int) -> Callable[[], None] | None:
    """Without a tmpfs: cap every file the child writes at `free` bytes past the largest file
    there now (EFBIG rather than a kill: SIGXFSZ ignored)."""
    if disk.mounted:
        disk.leave_free(free)
        return None
    largest = max((p.stat().st_size for p in disk.root.rglob("*") if p.is_file()), default=0)
    cap = largest + free

    def cap_files() -> None:
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (cap, cap))

    return cap_files


def said(run) -> list[str]:
    """A refusal must be a sentence that names the cause."""
    if run.status in (0, None) or run.traceback:
        return []
    text = run.stderr.lower()
    words = (
        "full",
        "size limit",
        "read-only",
        "cannot be written",
        "cannot be opened",
        "disk",
        "space",
    )
    return (
        []
        if any(w in text for w in words)
        else [f"a refusal that does not say why: {run.stderr.strip()[-200:]}"]
    )


@pytest.fixture(scope="module")
def bigger_backup(templates: Templates, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A backup holding more than the small database: restoring it needs room."""
    home = tmp_path_factory.mktemp("bigger")
    db = templates.copy(templates.small, home / "bigger.db")
    env = child_env(home)
    assert crm(["--db", str(db), "import", "contacts", str(templates.people)], env).status == 0
    return db


def test_full_disk_during_import(
    trial, disk, templates: Templates, tmp_path: Path, rng, ledger: Ledger
):
    db = templates.copy(templates.small, disk.root / "desk.db")
    before = counts(db)["contacts"]
    preexec = limited(disk, rng.randrange(20_000, 2_500_000))
    run = crm(
        ["--db", str(db), "import", "contacts", str(templates.people)],
        child_env(tmp_path),
        preexec=preexec,
    )
    lost = said(run)
    if (v := integrity(db)) != "ok":
        lost.append(f"integrity: {v}")
    elif (after := counts(db)["contacts"]) not in (before, before + templates.people_rows):
        lost.append(f"half an import: {after - before}")
    verdict(ledger, "sqlite", f"full disk import #{trial}", run, lost)


def test_full_disk_during_demo(trial, disk, tmp_path: Path, rng, ledger: Ledger):
    db = disk.root / "new.db"
    preexec = limited(disk, rng.randrange(20_000, 1_200_000))
    run = crm(["--db", str(db), "demo"], child_env(tmp_path), preexec=preexec)
    lost = said(run)
    if db.exists() and db.stat().st_size:
        if (v := integrity(db)) != "ok":
            lost.append(f"integrity: {v}")
        elif counts(db)["organizations"] not in (0, 31):
            lost.append(f"half the demo: {counts(db)['organizations']} organizations")
    verdict(ledger, "sqlite", f"full disk demo #{trial}", run, lost)


def test_full_disk_during_backup(
    trial, disk, templates: Templates, tmp_path: Path, rng, ledger: Ledger
):
    db = templates.copy(templates.small, tmp_path / "desk.db")
    expected = counts(db)
    target = disk.root / "backup.db"
    preexec = limited(disk, rng.randrange(20_000, 900_000))
    run = crm(
        ["--db", str(db), "backup", "--out", str(target)], child_env(tmp_path), preexec=preexec
    )
    lost = said(run)
    if target.exists() and (why := whole_sqlite(target, expected)):
        lost.append(f"a cut backup under its final name: {why}")
    verdict(ledger, "sqlite", f"full disk backup #{trial}", run, lost, leftovers(disk.root))


def test_full_disk_during_restore(trial, disk, templates: Templates, bigger_backup: Path, tmp_path: Path,
                                  rng, ledger: Ledger):  # fmt: skip
    db = templates.copy(templates.small, disk.root / "desk.db")
    old, new = counts(db), counts(bigger_backup)
    preexec = limited(disk, rng.randrange(50_000, 3_000_000))
    run = crm(
        ["--db", str(db), "restore", str(bigger_backup)], child_env(tmp_path), preexec=preexec
    )
    lost = said(run)
    if (v := integrity(db)) != "ok":
        lost.append(f"integrity: {v}")
    elif counts(db) not in (old, new):
        lost.append(f"half a restore: {counts(db)}")
    for copy in (disk.root / "backups").glob("*.db"):
        if why := whole_sqlite(copy, old):
            lost.append(f"a cut safety copy: {why}")
    verdict(ledger, "sqlite", f"full disk restore #{trial}", run, lost)


def test_full_disk_during_migration(
    trial, disk, templates: Templates, tmp_path: Path, rng, ledger: Ledger
):
    db = templates.copy(templates.old, disk.root / "old.db")
    preexec = limited(disk, rng.randrange(10_000, 1_000_000))
    run = crm(["--db", str(db), "users", "add", "newcomer"], child_env(tmp_path), preexec=preexec)
    lost = said(run)
    if (v := integrity(db)) != "ok":
        lost.append(f"integrity: {v}")
    elif revision(db) not in ("0001", HEAD):
        lost.append(f"schema left at {revision(db)}")
    for copy in disk.root.glob("old.before-*"):
        if why := whole_sqlite(copy):
            lost.append(f"a cut pre-migration copy: {why}")
    verdict(ledger, "sqlite", f"full disk migration #{trial}", run, lost)


def test_full_disk_during_export(
    trial, disk, templates: Templates, tmp_path: Path, rng, ledger: Ledger
):
    db = templates.copy(templates.big, tmp_path / "desk.db")
    before = counts(db)["export_log"]
    target = disk.root / "contacts.csv"
    preexec = limited(disk, rng.randrange(20_000, 2_000_000))
    run = crm(["--db", str(db), "export", "contacts", "--include-without-consent", "--out", str(target)],
              child_env(tmp_path), preexec=preexec)  # fmt: skip
    lost = said(run)
    logged = counts(db)["export_log"] - before
    if target.exists():
        if why := whole_csv(target):
            lost.append(f"a cut export under its final name: {why}")
        elif logged != 1:
            lost.append("an export file the export log never saw")
    elif logged:
        lost.append("the export log records a file that is not there")
    verdict(ledger, "sqlite", f"full disk export #{trial}", run, lost, leftovers(disk.root))


@pytest.mark.parametrize(
    "command",
    [["users", "add", "zed"], ["import", "contacts", "{people}"], ["demo"], ["check", "--repair"],
     ["search", "montreal"], ["check"], ["backup", "--out", "{tmp}/b.db"], ["export", "contacts", "--out", "{tmp}/e.csv"]],
    ids=lambda c: " ".join(c[:2]),
)  # fmt: skip
def test_read_only_disk(command, disk, templates: Templates, tmp_path: Path, ledger: Ledger):
    db = templates.copy(templates.small, disk.root / "desk.db")
    before = counts(db)
    if not disk.read_only(True):
        pytest.skip("cannot remount read-only here (not root)")
    args = [a.format(people=templates.people, tmp=tmp_path) for a in command]
    run = crm(["--db", str(db), *args], child_env(tmp_path))
    lost = said(run)
    if counts(db) != before or integrity(db) != "ok":
        lost.append("the database changed on a read-only disk")
    verdict(ledger, "sqlite", f"read-only {' '.join(command[:2])}", run, lost)


def test_the_small_disk_is_really_small(disk):
    """The campaign must not pass because the disk was never full."""
    if not disk.mounted:
        pytest.skip("no tmpfs: the file size limit stands in")
    assert shutil.disk_usage(disk.root).total <= 8 * 1024 * 1024
