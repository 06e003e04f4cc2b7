"""Open the window, scroll to the last row, and memory: the desk vs a bare PySide6 table.

Each run is a fresh process (`drivers/project_window.py`: `crm --db FILE gui`, contacts
page; `drivers/bare_window.py`: `QTableView` over `QSqlQueryModel`, same columns and order),
project and bare interleaved, `repeat` times, medians kept:

- first paint: from just before the process is started to the first paint of the table
  with rows in it;
- scroll: from `scrollToBottom()` (for the bare window: fetching every row first, which
  `QSqlQueryModel` needs to know the last one) to the paint showing the last row;
- memory: the process's peak RSS (VmHWM) once the first page is on screen and settled, and
  at the end, after the scroll.
"""

from __future__ import annotations

import json
import sqlite3
import tempfile
from pathlib import Path
from typing import Any

from tests.bench.common import (
    PYTHON,
    Row,
    Settings,
    Timed,
    child_env,
    demo_db,
    log,
    median,
    run_timed,
)

PAINT_RATIO = 1.5
MEMORY_GROWTH = 1.25  # "grows with what is on screen, not with N": < 25 % from 10k to 100k


def _staff_user(db: Path) -> str:
    """A staff user of the demo file: the window acts as someone (else it asks who)."""
    con = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    try:
        return str(con.execute("SELECT name FROM staff_users ORDER BY id LIMIT 1").fetchone()[0])
    finally:
        con.close()


def _run(module: str, db: Path) -> tuple[Timed, dict[str, Any]]:
    command = [PYTHON, "-m", module, str(db)]
    if module.endswith("project_window"):
        command.append(_staff_user(db))
    with tempfile.TemporaryDirectory(prefix="crm-bench-gui-") as settings:
        timed = run_timed(command, env=child_env(Path(settings)), timeout=300)
    found: dict[str, Any] = {}
    for line in timed.stdout.splitlines():
        if line.startswith("BENCH "):
            found = json.loads(line[6:])
    if not found or "error" in found or "last_paint" not in found:
        raise RuntimeError(
            f"{module} gave no figures (exit {timed.returncode}): {found.get('error', '')} "
            f"{timed.stderr.strip()[-1500:]}"
        )
    return timed, found


def run(settings: Settings) -> list[Row]:
    rows: list[Row] = []
    memory_by_n: dict[int, tuple[float | None, float | None]] = {}
    for n in settings.tiers:
        db = demo_db(n, settings.seed)
        figures: dict[str, dict[str, list[float]]] = {
            side: {"paint": [], "scroll": [], "mem_open": [], "mem_end": []}
            for side in ("project", "bare")
        }
        log(f"window: {settings.repeat} x (desk, bare) at {n:,}")
        for round_ in range(settings.repeat + 1):  # round 0 warms the page cache, untimed
            sides = ("project", "bare") if round_ % 2 else ("bare", "project")
            for side in sides:
                module = "tests.bench.drivers." + (
                    "project_window" if side == "project" else "bare_window"
                )
                timed, found = _run(module, db)
                if round_ == 0:
                    continue
                f = figures[side]
                f["paint"].append(found["first_paint"] - timed.started)
                f["scroll"].append(1000 * (found["last_paint"] - found["scroll_start"]))
                f["mem_open"].append(found["memory_page_open"]["VmHWM"] / 1024)
                # VmHWM, not wait4's ru_maxrss: a forked child's ru_maxrss counts the parent's
                # pages it shared before exec.
                f["mem_end"].append(found["memory_end"]["VmHWM"] / 1024)
        p, b = figures["project"], figures["bare"]
        paint_p, paint_b = median(p["paint"]), median(b["paint"])
        rows.append(
            Row("open the window", n, "start to first painted contacts page", "s", paint_p, paint_b,
                "bare QTableView + QSqlQueryModel", f"<= {PAINT_RATIO}× bare",
                paint_p is not None and paint_b is not None and paint_p <= PAINT_RATIO * paint_b,
                extra={"project_runs": p["paint"], "bare_runs": b["paint"]})
        )  # fmt: skip
        rows.append(
            Row("open the window", n, "scroll to the last row", "ms", median(p["scroll"]),
                median(b["scroll"]), "bare (fetches every row first)",
                extra={"project_runs": p["scroll"], "bare_runs": b["scroll"]})
        )  # fmt: skip
        mem_open = (median(p["mem_open"]), median(b["mem_open"]))
        memory_by_n[n] = mem_open
        smallest = settings.tiers[0]
        growth = None
        if n != smallest and memory_by_n[smallest][0] and mem_open[0]:
            growth = mem_open[0] / memory_by_n[smallest][0]  # type: ignore[operator]
        rows.append(
            Row("memory", n, "peak RSS, contacts page open", "MB", mem_open[0], mem_open[1],
                "bare window", f"grows < {int(100 * (MEMORY_GROWTH - 1))}% from {smallest:,}" if n != smallest else "",
                None if growth is None else growth < MEMORY_GROWTH,
                note="" if growth is None else f"{growth:.2f}× the {smallest:,} figure",
                extra={"project_runs": p["mem_open"], "bare_runs": b["mem_open"]})
        )  # fmt: skip
        rows.append(
            Row("memory", n, "peak RSS after scrolling to the end", "MB", median(p["mem_end"]),
                median(b["mem_end"]), "bare window",
                extra={"project_runs": p["mem_end"], "bare_runs": b["mem_end"]})
        )  # fmt: skip
    return rows
