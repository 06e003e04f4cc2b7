"""What every benchmark case shares: the cached demo databases, timed child processes, results.

Data: `demo_db(n, seed)` returns a database made by `crm demo --scale N --seed S`, cached
under `.bench/data/` in a file named after N, the seed and the schema (`crm.db.migrate.HEAD`
plus a short hash of the migration files), so a schema change makes a new one. Cases never write into a cached database; they copy it when they need to.

Timing: children run with `QT_QPA_PLATFORM=offscreen`, a throw-away settings folder and
`CRM_USER` unset; `run_timed` gives the wall time of one child (and wait4's ru_maxrss, which
for a forked child also counts the parent's pages before exec: the window drivers report
their own VmHWM instead).
"""

from __future__ import annotations

import hashlib
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
BENCH_DIR = ROOT / ".bench"
DATA_DIR = BENCH_DIR / "data"
PYTHON = sys.executable
CRM = [PYTHON, "-m", "crm.cli"]
BASELINES = Path(__file__).resolve().parent / "baselines"


@dataclass
class Row:
    """One line of the result table."""

    case: str
    n: int
    metric: str
    unit: str
    project: float | None
    baseline: float | None
    baseline_name: str = ""
    target: str = ""
    met: bool | None = None
    note: str = ""
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def ratio(self) -> float | None:
        if self.project is None or not self.baseline:
            return None
        return self.project / self.baseline

    def as_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["ratio"] = self.ratio
        return data


@dataclass
class Settings:
    tiers: list[int]
    seed: int
    repeat: int
    cases: list[str]
    work: Path
    verbose: bool = True
    # "sqlite" (the demo files of .bench/data) or "postgresql" (CRM_BENCH_DATABASE_URL, see
    # tests/bench/pgdata.py).
    database: str = "sqlite"


def log(message: str) -> None:
    print(f"[bench] {message}", file=sys.stderr, flush=True)


def median(values: Sequence[float]) -> float | None:
    return statistics.median(values) if values else None


def percentile(values: Sequence[float], p: float) -> float | None:
    """The p-th percentile (0-100), linear between closest ranks."""
    if not values:
        return None
    ordered = sorted(values)
    k = (len(ordered) - 1) * p / 100
    low = int(k)
    high = min(low + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (k - low)


# --- child processes --------------------------------------------------------------------------


def child_env(settings_dir: Path | None = None) -> dict[str, str]:
    env = dict(os.environ)
    env["QT_QPA_PLATFORM"] = "offscreen"
    env.pop("CRM_USER", None)
    env.pop("CRM_DB", None)
    env.pop("CRM_DATABASE_URL", None)
    env["PYTHONPATH"] = str(ROOT) + os.pathsep + env.get("PYTHONPATH", "")
    if settings_dir is not None:
        # QSettings and platformdirs on Linux: nothing of the user's own set-up leaks in.
        env["XDG_CONFIG_HOME"] = str(settings_dir / "config")
        env["XDG_DATA_HOME"] = str(settings_dir / "data")
        env["XDG_CACHE_HOME"] = str(settings_dir / "cache")
    return env


@dataclass
class Timed:
    seconds: float
    peak_rss_kb: int
    returncode: int
    stdout: str
    stderr: str
    started: float  # time.monotonic() just before the child was started


def run_timed(
    argv: Sequence[str],
    *,
    env: dict[str, str] | None = None,
    timeout: float = 600.0,
    stdout_path: Path | None = None,
) -> Timed:
    """Run one child to completion; its wall time and peak RSS (kB).

    `stdout_path`: the child's standard output goes to that file (then `stdout` is empty).
    """
    with (
        open(stdout_path, "wb") if stdout_path else tempfile.TemporaryFile() as out,
        tempfile.TemporaryFile() as err,
    ):
        started = time.monotonic()
        proc = subprocess.Popen(
            list(argv), stdout=out, stderr=err, stdin=subprocess.DEVNULL, env=env, cwd=ROOT
        )
        deadline = started + timeout
        while True:
            pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
            if pid:
                break
            if time.monotonic() > deadline:
                proc.kill()
                pid, status, usage = os.wait4(proc.pid, 0)
                break
            time.sleep(0.002)
        elapsed = time.monotonic() - started
        proc.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        return Timed(
            elapsed,
            int(usage.ru_maxrss),
            proc.returncode,
            "" if stdout_path else out.read().decode("utf-8", "replace"),
            err.read().decode("utf-8", "replace"),
            started,
        )


# --- data ---------------------------------------------------------------------------------------


def schema_key() -> str:
    """The schema HEAD and a short hash of the migrations (a new or edited one changes it)."""
    from crm.db.migrate import HEAD, MIGRATIONS

    digest = hashlib.sha256()
    sources = sorted((MIGRATIONS / "versions").glob("*.py"))
    for path in sources:
        if path.exists():
            digest.update(path.name.encode())
            digest.update(path.read_bytes())
    return f"{HEAD}-{digest.hexdigest()[:8]}"


def demo_db(n: int, seed: int) -> Path:
    """The cached `crm demo --scale n --seed seed` database, made when missing."""
    DATA_DIR.mkdir(parents=True, exist_ok=True)
    key = schema_key()
    path = DATA_DIR / f"demo-{n}-s{seed}-{key}.db"
    if path.exists():
        return path
    for stale in DATA_DIR.glob(f"demo-{n}-s{seed}-*.db*"):
        stale.unlink()
    partial = path.with_name(path.name + ".partial")
    for suffix in ("", "-wal", "-shm"):
        Path(str(partial) + suffix).unlink(missing_ok=True)
    log(f"generating {n:,} contacts (seed {seed}) into {path.relative_to(ROOT)} ...")
    started = time.monotonic()
    with tempfile.TemporaryDirectory() as settings:
        done = subprocess.run(
            [*CRM, "--db", str(partial), "demo", "--scale", str(n), "--seed", str(seed)],
            env=child_env(Path(settings)),
            cwd=ROOT,
            capture_output=True,
            text=True,
        )
    if done.returncode != 0:
        raise RuntimeError(f"crm demo failed: {done.stderr.strip()[-2000:]}")
    checkpoint(partial)
    partial.rename(path)
    log(f"generated in {time.monotonic() - started:.1f} s")
    return path


def checkpoint(path: Path) -> None:
    """Fold the WAL into the file, so a copy of the one file is complete."""
    import sqlite3

    con = sqlite3.connect(path)
    try:
        con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        con.execute("PRAGMA journal_mode=DELETE")
    finally:
        con.close()
    for suffix in ("-wal", "-shm"):
        Path(str(path) + suffix).unlink(missing_ok=True)


def empty_db(work: Path) -> Path:
    """A migrated database with no records, one staff user (made once per run, copied by the
    import case)."""
    path = work / "empty-template.db"
    if not path.exists():
        with tempfile.TemporaryDirectory() as settings:
            done = subprocess.run(
                # `users add` makes the database (a read like `users list` never does); one
                # staff user and no records, as the desk's first start leaves it.
                [*CRM, "--db", str(path), "users", "add", "bench"],
                env=child_env(Path(settings)),
                cwd=ROOT,
                capture_output=True,
                text=True,
            )
        if done.returncode != 0 or not path.exists():
            raise RuntimeError(f"could not make an empty database: {done.stderr.strip()}")
        checkpoint(path)
    return path


def copy_db(source: Path, target: Path) -> Path:
    for suffix in ("", "-wal", "-shm"):
        Path(str(target) + suffix).unlink(missing_ok=True)
    shutil.copyfile(source, target)
    return target


def crm_has_command(name: str) -> bool:
    """Whether `crm` knows this command (asks the parser, no database opened)."""
    from crm.cli import build_parser

    parser = build_parser()
    for action in parser._actions:
        choices = getattr(action, "choices", None)
        if isinstance(choices, dict) and name in choices:
            return True
    return False
