"""Import contacts from CSV: `crm import contacts FILE` vs a stdlib insert, into empty databases.

The file is the demo database's contacts in the desk's default export columns (every live
contact, written by `baselines/export_stdlib.py`). Each run gets a fresh copy of an empty,
migrated database (made once, copied outside the timing): `crm --db F import contacts FILE`
(validation, duplicate checks, organizations created, search index), then
`baselines/import_stdlib.py` (one transaction of plain inserts), interleaved, `repeat`
times (fewer when one run of the desk takes over a minute), medians kept. The contacts
written are counted afterwards: a run that wrote nothing (a preview) is reported as such.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from tests.bench.case_export import default_columns
from tests.bench.common import (
    BASELINES,
    CRM,
    PYTHON,
    Row,
    Settings,
    child_env,
    copy_db,
    crm_has_command,
    demo_db,
    empty_db,
    log,
    median,
    run_timed,
)

TARGET = 3.0
SLOW_S = 60.0


def contacts_in(db: Path) -> int:
    con = sqlite3.connect(db)
    try:
        return int(con.execute("SELECT count(*) FROM contacts").fetchone()[0])
    finally:
        con.close()


def run(settings: Settings) -> list[Row]:
    rows: list[Row] = []
    available = crm_has_command("import")
    template = empty_db(settings.work)
    env = child_env(settings.work / "settings")
    for n in settings.tiers:
        source = demo_db(n, settings.seed)
        data = settings.work / f"import-{n}.csv"
        made = run_timed(
            [PYTHON, str(BASELINES / "export_stdlib.py"), str(source), str(data), "--columns",
             ",".join(default_columns())], env=env)  # fmt: skip
        if made.returncode != 0:
            raise RuntimeError(f"could not write the import file: {made.stderr[-500:]}")
        fresh = settings.work / f"import-{n}.db"
        commands = {
            "project": [*CRM, "--db", str(fresh), "import", "contacts", str(data)],
            "stdlib": [PYTHON, str(BASELINES / "import_stdlib.py"), str(fresh), str(data)],
        }
        sides = ["project", "stdlib"] if available else ["stdlib"]
        times: dict[str, list[float]] = {s: [] for s in sides}
        counts: dict[str, int] = {}
        note = "" if available else "not available (no `crm import` yet)"
        log(f"import: {settings.repeat} x ({', '.join(sides)}) at {n:,}")
        for round_ in range(settings.repeat):
            for side in sides if round_ % 2 == 0 else list(reversed(sides)):
                copy_db(template, fresh)
                timed = run_timed(commands[side], env=env, timeout=1800)
                if timed.returncode != 0:
                    if side == "project":
                        note = f"crm import failed (exit {timed.returncode}): {timed.stderr.strip()[-300:]}"
                        sides.remove("project")
                        times.pop("project")
                        break
                    raise RuntimeError(f"stdlib import failed: {timed.stderr.strip()[-500:]}")
                times[side].append(timed.seconds)
                counts[side] = contacts_in(fresh)
            if (
                "project" in times
                and times["project"]
                and max(times["project"]) > SLOW_S
                and len(times["stdlib"]) >= 1
            ):
                break  # slow enough that one or two runs tell
        if "project" in counts and counts["project"] != n:
            note = (
                note + "; " if note else ""
            ) + f"crm import left {counts['project']:,} contacts of {n:,}"
        project = median(times["project"]) if "project" in times else None
        base = median(times["stdlib"])
        rows.append(
            Row("import contacts from CSV", n, "whole process, empty database", "s", project, base,
                "stdlib insert, one transaction", f"<= {TARGET:g}× stdlib",
                None if project is None or base is None else project <= TARGET * base, note,
                extra={"runs": times, "contacts_written": counts})
        )  # fmt: skip
    return rows
