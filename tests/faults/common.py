"""What every fault trial shares: running the real `crm` command in a child process, killing it,
and the checks made after each trial (the database's integrity, all-or-nothing, no traceback,
no file under a final name that is not whole).
"""

from __future__ import annotations

import csv
import os
import signal
import sqlite3
import subprocess
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

TABLES = ("organizations", "contacts", "introductions", "followups", "staff_users", "export_log")


@dataclass
class Run:
    status: int | None  # None: killed
    stdout: str
    stderr: str

    @property
    def traceback(self) -> bool:
        return "Traceback (most recent call last)" in self.stderr

    @property
    def refused(self) -> bool:
        return self.status not in (0, None) and not self.traceback


def child_env(home: Path, **extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("CRM_")}
    env.update(
        XDG_DATA_HOME=str(home / "data"),
        XDG_CONFIG_HOME=str(home / "config"),
        TMPDIR=str(home / "tmp"),
        CRM_USER="mtremblay",
        CRM_BUSY_TIMEOUT_MS="300",
        QT_QPA_PLATFORM="offscreen",
        **extra,
    )
    (home / "tmp").mkdir(parents=True, exist_ok=True)
    return env


def crm(
    args: Sequence[str],
    env: dict[str, str],
    *,
    kill_after: float | None = None,
    preexec: Callable[[], None] | None = None,
    timeout: float = 120,
) -> Run:
    """Run `crm ARGS` in a child; with `kill_after`, SIGKILL it after that many seconds.

    On a team database the staff user is the database login: no CRM_USER is passed there."""
    if "--database-url" in args:
        env = {k: v for k, v in env.items() if k != "CRM_USER"}
    child = subprocess.Popen(
        [sys.executable, "-m", "crm.cli", *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
        preexec_fn=preexec,
    )
    if kill_after is not None:
        deadline = time.monotonic() + kill_after
        while child.poll() is None and time.monotonic() < deadline:
            time.sleep(0.005)
        if child.poll() is None:
            child.send_signal(signal.SIGKILL)
    out, err = child.communicate(timeout=timeout)
    status = None if child.returncode == -signal.SIGKILL else child.returncode
    return Run(status, out, err)


def timed(args: Sequence[str], env: dict[str, str]) -> tuple[Run, float]:
    start = time.monotonic()
    run = crm(args, env)
    return run, time.monotonic() - start


# ---------------------------------------------------------------------------- checks


def integrity(path: Path) -> str:
    """ "ok", or what SQLite says is wrong with the file (opened read-only, nothing changed)."""
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            verdict = [row[0] for row in conn.execute("PRAGMA integrity_check")]
        finally:
            conn.close()
    except sqlite3.Error as exc:
        return f"cannot check: {exc}"
    return "ok" if verdict == ["ok"] else "; ".join(verdict[:3])


def counts(path: Path) -> dict[str, int]:
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        present = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        return {
            t: int(conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0]) if t in present else 0
            for t in TABLES
        }
    finally:
        conn.close()


def revision(path: Path) -> str | None:
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return conn.execute("SELECT version_num FROM alembic_version").fetchone()[0]
    except sqlite3.Error:
        return None
    finally:
        conn.close()


def whole_sqlite(path: Path, expected: dict[str, int] | None = None) -> str:
    """ "" when `path` is a whole desk database (with `expected` counts), else why not."""
    verdict = integrity(path)
    if verdict != "ok":
        return f"{path.name}: {verdict}"
    if revision(path) is None:
        return f"{path.name}: no desk schema"
    if expected is not None and counts(path) != expected:
        return f"{path.name}: {counts(path)} rows, not {expected}"
    return ""


def whole_csv(path: Path, rows: int | None = None) -> str:
    """ "" when `path` parses completely as CSV (with `rows` data rows), else why not."""
    try:
        text = path.read_bytes().decode("utf-8-sig")
        if text and not text.endswith(("\n", "\r")):
            return f"{path.name}: does not end with a line end (cut short)"
        sample = text[:4096]
        delimiter = max(",;\t", key=sample.count)
        records = list(csv.reader(text.splitlines(keepends=True), delimiter=delimiter, strict=True))
    except (UnicodeDecodeError, csv.Error) as exc:
        return f"{path.name}: {exc}"
    if not records:
        return f"{path.name}: empty"
    width = len(records[0])
    if any(len(r) != width for r in records):
        return f"{path.name}: rows of unequal width"
    if rows is not None and len(records) - 1 != rows:
        return f"{path.name}: {len(records) - 1} rows, not {rows}"
    return ""


def csv_rows(path: Path) -> int:
    text = path.read_bytes().decode("utf-8-sig")
    delimiter = max(",;\t", key=text[:4096].count)
    return len(list(csv.reader(text.splitlines(keepends=True), delimiter=delimiter))) - 1


def leftovers(*folders: Path) -> list[str]:
    """Temporary or partial files left behind (personal data nobody will clean up)."""
    found = []
    for folder in folders:
        if folder.is_dir():
            for p in folder.rglob("*"):
                if p.is_file() and (
                    ".tmp-" in p.name or p.name.endswith(".part") or folder.name == "tmp"
                ):
                    found.append(str(p))
    return found


@dataclass
class Ledger:
    """What the campaign saw, per database kind, for the summary line."""

    trials: dict[str, int] = field(default_factory=dict)
    refusals: dict[str, int] = field(default_factory=dict)
    tracebacks: dict[str, int] = field(default_factory=dict)
    lost: dict[str, int] = field(default_factory=dict)
    litter: dict[str, int] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)
    # The slice whose fix the running trial waits for ("h6", "h7"; "" for this one), from
    # its xfail reason: the summary says whose defects the counts are.
    owner: str = ""
    awaiting: dict[tuple[str, str], list[int]] = field(default_factory=dict)

    def record(
        self,
        backend: str,
        name: str,
        run: Run | None,
        lost: Sequence[str],
        litter: Sequence[str] = (),
    ) -> None:
        for book in (self.trials, self.refusals, self.tracebacks, self.lost, self.litter):
            book.setdefault(backend, 0)
        self.trials[backend] += 1
        if run is not None and run.refused:
            self.refusals[backend] += 1
        if run is not None and run.traceback:
            self.tracebacks[backend] += 1
            self.notes.append(f"{backend} {name}: traceback: {run.stderr.strip().splitlines()[-1]}")
        if lost:
            self.lost[backend] += 1
            self.notes.append(f"{backend} {name}: {'; '.join(lost)}")
        if litter:
            self.litter[backend] += 1
        if self.owner:
            tally = self.awaiting.setdefault((backend, self.owner), [0, 0])
            tally[0] += bool(run is not None and run.traceback)
            tally[1] += bool(lost)

    def lines(self) -> list[str]:
        lines = []
        for b in sorted(self.trials):
            waiting = ", ".join(
                f"{owner}: {t} tracebacks, {n} lost"
                for (backend, owner), (t, n) in sorted(self.awaiting.items())
                if backend == b and (t or n)
            )
            lines.append(
                f"faults {b}: {self.trials[b]} trials, {self.refusals[b]} refusals, "
                f"{self.tracebacks[b]} tracebacks, {self.lost[b]} data lost "
                f"({self.litter[b]} left temporary files behind)"
                + (
                    f"; of which in trials awaiting another slice's fix: {waiting}"
                    if waiting
                    else ""
                )
            )
        return lines


def verdict(ledger: Ledger, backend: str, name: str, run: Run | None, lost: list[str],
            litter: Sequence[str] = ()) -> None:  # fmt: skip
    """Record the trial, then fail it if it lost data or printed a traceback."""
    ledger.record(backend, name, run, lost, litter)
    assert run is None or not run.traceback, run.stderr[-2000:]
    assert not lost, "; ".join(lost)
