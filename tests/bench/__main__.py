"""`python -m tests.bench` (`make bench`): every case side by side with its plain baseline.

    make bench                                   # 10k and 100k contacts
    make bench ARGS='--tiers 10000,100000,1000000'
    make bench ARGS='--cases search,window --repeat 5'
    make bench ARGS='--database postgresql'      # search, list, export on CRM_BENCH_DATABASE_URL

Prints one table (case, N, project figure, baseline figure measured in the same run, ratio,
target, met?), then how each figure grows from the smallest tier to the others, and writes
both as JSON to `.bench/results-<time>.json` and `.bench/latest.json`.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from tests.bench import case_export, case_import, case_list, case_search, case_window
from tests.bench.common import BENCH_DIR, Row, Settings, log, schema_key

CASES: dict[str, Callable[[Settings], list[Row]]] = {
    "export": case_export.run,
    "import": case_import.run,
    "list": case_list.run,
    "search": case_search.run,
    "window": case_window.run,
}


# The cases that run on PostgreSQL (the window and import cases are the personal file's).
POSTGRESQL_CASES = ("search", "list", "export")


def parse(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="python -m tests.bench", description=__doc__.split("\n")[0]
    )
    parser.add_argument(
        "--tiers", default="10000,100000", help="contacts per tier (default 10000,100000)"
    )
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument(
        "--repeat", type=int, default=3, help="timed runs of each side (median kept)"
    )
    parser.add_argument(
        "--cases",
        default="",
        help=f"comma list of {', '.join(CASES)} (default: all; on PostgreSQL "
        f"{', '.join(POSTGRESQL_CASES)})",
    )
    parser.add_argument(
        "--database",
        choices=("sqlite", "postgresql"),
        default="sqlite",
        help="postgresql: the server named by CRM_BENCH_DATABASE_URL (tests/bench/pgdata.py)",
    )
    return parser.parse_args(argv)


def fmt(value: float | None, unit: str = "") -> str:
    if value is None:
        return "—"
    if unit == "MB" or abs(value) >= 100:
        text = f"{value:,.0f}"
    elif abs(value) >= 10:
        text = f"{value:.1f}"
    else:
        text = f"{value:.2f}"
    return f"{text} {unit}".strip()


def table(rows: list[Row]) -> str:
    head = ("case", "N", "metric", "project", "baseline", "ratio", "target", "met?")
    lines = [head]
    for r in rows:
        met = "—" if r.met is None else ("yes" if r.met else "NO")
        project = fmt(r.project, r.unit) if r.project is not None else (r.note or "—")
        lines.append(
            (
                r.case,
                f"{r.n:,}",
                r.metric,
                project,
                fmt(r.baseline, r.unit) + (f" ({r.baseline_name})" if r.baseline_name else ""),
                "—" if r.ratio is None else f"{r.ratio:.2f}×",
                r.target or "—",
                met,
            )
        )
    widths = [max(len(line[i]) for line in lines) for i in range(len(head))]
    out = []
    for k, line in enumerate(lines):
        out.append("  ".join(cell.ljust(widths[i]) for i, cell in enumerate(line)).rstrip())
        if k == 0:
            out.append("  ".join("-" * w for w in widths))
    return "\n".join(out)


def growth(rows: list[Row]) -> tuple[list[dict[str, object]], str]:
    """For each (case, metric), the figures at each tier and their ratio to the smallest tier."""
    series: dict[tuple[str, str], dict[int, Row]] = {}
    for r in rows:
        series.setdefault((r.case, r.metric), {})[r.n] = r
    found: list[dict[str, object]] = []
    for (case, metric), by_n in series.items():
        tiers = sorted(by_n)
        if len(tiers) < 2:
            continue
        small = by_n[tiers[0]]
        for n in tiers[1:]:
            big = by_n[n]
            item: dict[str, object] = {
                "case": case, "metric": metric, "from": tiers[0], "to": n, "unit": big.unit,
                "project_from": small.project, "project_to": big.project,
                "baseline_from": small.baseline, "baseline_to": big.baseline,
                "project_growth": (big.project / small.project) if small.project and big.project is not None else None,
                "baseline_growth": (big.baseline / small.baseline) if small.baseline and big.baseline is not None else None,
            }  # fmt: skip
            found.append(item)
    head = ("case", "metric", "tiers", "project", "growth", "baseline", "growth")
    lines = [head]
    for g in found:
        unit = str(g["unit"])
        pg, bg = g["project_growth"], g["baseline_growth"]
        lines.append(
            (
                str(g["case"]),
                str(g["metric"]),
                f"{g['from']:,} → {g['to']:,}",
                f"{fmt(g['project_from'], unit)} → {fmt(g['project_to'], unit)}",  # type: ignore[arg-type]
                "—" if pg is None else f"{pg:.2f}×",
                f"{fmt(g['baseline_from'], unit)} → {fmt(g['baseline_to'], unit)}",  # type: ignore[arg-type]
                "—" if bg is None else f"{bg:.2f}×",
            )
        )
    widths = [max(len(line[i]) for line in lines) for i in range(len(head))]
    out = []
    for k, line in enumerate(lines):
        out.append("  ".join(cell.ljust(widths[i]) for i, cell in enumerate(line)).rstrip())
        if k == 0:
            out.append("  ".join("-" * w for w in widths))
    return found, "\n".join(out)


def main(argv: list[str] | None = None) -> int:
    args = parse(sys.argv[1:] if argv is None else argv)
    tiers = [int(t.replace("_", "")) for t in args.tiers.split(",") if t.strip()]
    chosen = [c.strip() for c in args.cases.split(",") if c.strip()] or list(
        POSTGRESQL_CASES if args.database == "postgresql" else CASES
    )
    unknown = [c for c in chosen if c not in CASES]
    if args.database == "postgresql":
        unknown += [c for c in chosen if c in CASES and c not in POSTGRESQL_CASES]
    if unknown:
        print(
            f"unknown case(s) on {args.database}: {', '.join(unknown)} (choose from "
            f"{', '.join(POSTGRESQL_CASES if args.database == 'postgresql' else CASES)})",
            file=sys.stderr,
        )
        return 2
    BENCH_DIR.mkdir(exist_ok=True)
    started = time.monotonic()
    rows: list[Row] = []
    with tempfile.TemporaryDirectory(prefix="crm-bench-") as work:
        settings = Settings(
            sorted(tiers),
            args.seed,
            max(1, args.repeat),
            chosen,
            Path(work),
            database=args.database,
        )
        for name in chosen:
            case_started = time.monotonic()
            try:
                rows.extend(CASES[name](settings))
            except Exception as exc:  # one broken case must not hide the others' figures
                log(f"case {name} failed: {exc!r}")
                rows.append(Row(name, 0, "error", "", None, None, note=f"failed: {exc}"))
            log(f"case {name} took {time.monotonic() - case_started:.0f} s")
    found, growth_text = growth(rows)
    print()
    print(table(rows))
    if growth_text.count("\n") > 1:
        print()
        print("Growth with N (project and baseline figures, ratio to the smallest tier):")
        print(growth_text)
    elapsed = time.monotonic() - started
    print(
        f"\n{len(rows)} rows in {elapsed:.0f} s on {args.database}; repeat {settings.repeat}, "
        f"seed {args.seed}, schema {schema_key()}, load average {os.getloadavg()[0]:.1f}"
    )
    stamp = time.strftime("%Y%m%d-%H%M%S")
    report = {
        "when": time.strftime("%Y-%m-%dT%H:%M:%S%z"),
        "machine": {
            "platform": platform.platform(),
            "python": platform.python_version(),
            "cpus": os.cpu_count(),
        },
        "database": args.database,
        "load_average": os.getloadavg(),
        "tiers": settings.tiers,
        "seed": args.seed,
        "repeat": settings.repeat,
        "schema": schema_key(),
        "seconds": round(elapsed, 1),
        "rows": [r.as_dict() for r in rows],
        "growth": found,
    }
    text = json.dumps(report, indent=2, ensure_ascii=False, default=str)
    (BENCH_DIR / f"results-{stamp}.json").write_text(text, encoding="utf-8")
    latest = "latest.json" if args.database == "sqlite" else f"latest-{args.database}.json"
    (BENCH_DIR / latest).write_text(text, encoding="utf-8")
    print(
        f"written: {(BENCH_DIR / latest).relative_to(Path.cwd()) if BENCH_DIR.is_relative_to(Path.cwd()) else BENCH_DIR / latest}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
