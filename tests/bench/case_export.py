r"""Export the contacts to CSV: `crm export contacts` vs a stdlib script vs the sqlite3 shell.

Three whole processes on a copy of the demo database (the export writes its log there),
interleaved, `repeat` times, medians kept: `crm --db F export contacts --out X`; the plain
`sqlite3` + `csv` script in `baselines/export_stdlib.py` writing the same columns (the
desk's default contact columns) and the same rows (it keeps only consenting contacts when
the desk's file holds just those; the bench checks the row counts match; the desk is asked
for every live contact with `--include-without-consent`); and the `sqlite3`
command-line shell's `-csv` output of the same query, the physical floor (skipped when the
shell is not installed). When `crm export` does not exist yet, the row says so.

With `--database postgresql`: `crm --database-url URL export contacts` on the bench schema
(it logs the export there) vs `baselines/export_pg_copy.py` (the same query through
psycopg's `COPY ... TO STDOUT`, CSV written by the server) vs `psql \copy`, the floor.
"""

from __future__ import annotations

import csv
import shutil
import sqlite3
from pathlib import Path

from tests.bench.common import (
    BASELINES,
    CRM,
    PYTHON,
    Row,
    Settings,
    Timed,
    child_env,
    copy_db,
    crm_has_command,
    demo_db,
    log,
    median,
    run_timed,
)

TARGET = 1.5
DESIGN_COLUMNS = (
    "uid", "first_name", "last_name", "email", "phone", "title", "organization", "city",
    "region", "country", "territory", "language", "share_with_partners", "tags", "notes",
)  # fmt: skip


def default_columns() -> tuple[str, ...]:
    try:
        from crm.domain.csv_headers import DEFAULT_COLUMNS

        return tuple(DEFAULT_COLUMNS["contacts"])
    except (ImportError, KeyError):
        return DESIGN_COLUMNS


def csv_rows(path: Path) -> int:
    with open(path, newline="", encoding="utf-8-sig", errors="replace") as f:
        return max(0, sum(1 for _ in csv.reader(f)) - 1)


def run(settings: Settings) -> list[Row]:
    rows: list[Row] = []
    available = crm_has_command("export")
    shell = shutil.which("sqlite3")
    columns = default_columns()
    stdlib = str(BASELINES / "export_stdlib.py")
    postgresql = settings.database == "postgresql"
    if postgresql:
        shell = shutil.which("psql")
        stdlib = str(BASELINES / "export_pg_copy.py")
    names = (
        ("psycopg COPY TO STDOUT", "psql \\copy", "psql")
        if postgresql
        else ("stdlib sqlite3 + csv script", "sqlite3 -csv shell", "sqlite3")
    )
    for n in settings.tiers:
        out = {
            side: settings.work / f"export-{n}-{side}.csv"
            for side in ("project", "stdlib", "shell")
        }
        env = child_env(settings.work / "settings")
        if postgresql:
            import sqlalchemy as sa

            from tests.bench.pgdata import pg_demo

            url = pg_demo(n, settings.seed)
            source = sa.engine.make_url(url).set(drivername="postgresql")
            target = source.render_as_string(hide_password=False)
            engine = sa.create_engine(url)
            with engine.connect() as conn:
                consenting = conn.exec_driver_sql(
                    "SELECT count(*) FROM contacts WHERE deleted_at IS NULL"
                    " AND share_with_partners = 'yes' AND NOT do_not_contact"
                ).scalar_one()
                live = conn.exec_driver_sql(
                    "SELECT count(*) FROM contacts WHERE deleted_at IS NULL"
                ).scalar_one()
            engine.dispose()
            where = ["--database-url", url]
        else:
            db = copy_db(demo_db(n, settings.seed), settings.work / f"export-{n}.db")
            con = sqlite3.connect(db)
            consenting = con.execute(
                "SELECT count(*) FROM contacts WHERE deleted_at IS NULL"
                " AND share_with_partners = 'yes' AND do_not_contact = 0"
            ).fetchone()[0]
            live = con.execute("SELECT count(*) FROM contacts WHERE deleted_at IS NULL").fetchone()[
                0
            ]
            con.close()
            target = str(db)
            where = ["--db", target]
        commands = {
            # Every live contact, as the case says (by default the desk leaves out those
            # without partner-sharing consent: 44 % of the demo's contacts are left in).
            "project": [
                *CRM,
                *where,
                "export",
                "contacts",
                "--include-without-consent",
                "--out",
                str(out["project"]),
            ],
            "stdlib": [
                PYTHON, stdlib, target, str(out["stdlib"]), "--columns", ",".join(columns)
            ],
        }  # fmt: skip
        note = ""
        project_rows = None
        if available:
            warm = run_timed(commands["project"], env=env)
            if warm.returncode != 0:
                available = False
                note = f"crm export failed: {warm.stderr.strip()[-300:]}"
            else:
                project_rows = csv_rows(out["project"])
                if project_rows == consenting and consenting != live:
                    commands["stdlib"].append("--consent-only")
                elif project_rows != live:
                    note = f"crm export wrote {project_rows:,} rows ({live:,} live, {consenting:,} consenting)"
        else:
            note = "not available (no `crm export` yet)"
        sql = run_timed([*commands["stdlib"], "--print-sql"], env=env).stdout.strip()
        if shell and postgresql:
            copy = f"\\copy ({sql}) to '{out['shell']}' with (format csv, header)"
            commands["shell"] = [shell, "-q", target, "-c", copy]
        elif shell:
            commands["shell"] = [shell, "-csv", "-header", f"file:{target}?mode=ro", sql]
        sides = [
            s
            for s in ("project", "stdlib", "shell")
            if s in commands and (s != "project" or available)
        ]
        times: dict[str, list[float]] = {s: [] for s in sides}
        log(f"export: {settings.repeat} x ({', '.join(sides)}) at {n:,}")
        for round_ in range(settings.repeat + 1):  # round 0 warms up (the desk's already did)
            order = sides[round_ % len(sides) :] + sides[: round_ % len(sides)]
            for side in order:
                if round_ == 0 and side == "project":
                    continue
                timed: Timed
                if side == "shell" and not postgresql:
                    timed = run_timed(commands[side], env=env, stdout_path=out["shell"])
                else:
                    timed = run_timed(commands[side], env=env)
                if timed.returncode != 0:
                    raise RuntimeError(f"{side} export failed: {timed.stderr.strip()[-500:]}")
                if round_:
                    times[side].append(timed.seconds)
        written = {s: csv_rows(out[s]) for s in sides}
        if available and written.get("project") != written["stdlib"]:
            note = (note + "; " if note else "") + f"row counts differ: {written}"
        project = median(times["project"]) if available else None
        base = median(times["stdlib"])
        rows.append(
            Row("export contacts to CSV", n, "whole process", "s", project, base,
                names[0], f"<= {TARGET}× {names[0].split()[0]}",
                None if project is None or base is None else project <= TARGET * base, note,
                extra={"rows_written": written, "runs": times})
        )  # fmt: skip
        if shell:
            rows.append(
                Row("export contacts to CSV", n, "physical floor", "s", project,
                    median(times["shell"]), names[1],
                    note="" if available else "not available (no `crm export` yet)")
            )  # fmt: skip
        else:
            rows.append(Row("export contacts to CSV", n, "physical floor", "s", project, None,
                            names[2], note=f"skipped: no {names[2]} shell"))  # fmt: skip
    return rows
