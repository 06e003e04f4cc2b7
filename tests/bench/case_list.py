"""The first page of every list, each of its sorts and its filter box: PostgreSQL vs SQLite.

For each list of `crm.services.lists.LISTS` and each way of showing it (default sort, every
column sorted up and down, the territory filter, two filter texts), `listing.first_rows`
reads the first page (200 rows, what a table shows before its sorted ids are in) in-process,
on the database asked for. With `--database postgresql` the baseline is the same read on
the SQLite demo file of the same N and seed, interleaved, `repeat` times, medians kept: the
target is each list within 1.5× its SQLite figure. One row per list: the sum over its
variants of both medians, the slowest variant's ratio in the note.
"""

from __future__ import annotations

import random
import time
from typing import Any

from tests.bench.common import Row, Settings, demo_db, log, median

TARGET = 1.5
PAGE = 200
TEXTS = ("ma", "tremblay")


def _variants(spec: Any, session: Any) -> list[tuple[str, Any]]:
    import sqlalchemy as sa

    from crm.services.listing import ListQuery

    found: list[tuple[str, Any]] = [("default", ListQuery())]
    for column in spec.columns:
        for descending in (False, True):
            label = f"sort {column.key} {'desc' if descending else 'asc'}"
            found.append((label, ListQuery(sort=column.key, descending=descending)))
    if "territory" in spec.filters:
        value = session.scalar(sa.select(spec.model.territory).limit(1))
        found.append((f"territory={value}", ListQuery(filters={"territory": value})))
    if spec.text is not None:
        found.extend((f"text {t!r}", ListQuery(text=t)) for t in TEXTS)
    return found


def _first_page(db: Any, spec: Any, query: Any) -> float:
    from crm.services import listing

    with db.read() as session:
        started = time.perf_counter()
        listing.first_rows(session, spec, query, PAGE)
        return time.perf_counter() - started


def run(settings: Settings) -> list[Row]:
    from crm.db.engine import sqlite_url
    from crm.db.migrate import open_database
    from crm.services.lists import LISTS

    postgresql = settings.database == "postgresql"
    rows: list[Row] = []
    for n in settings.tiers:
        sqlite_db = open_database(sqlite_url(demo_db(n, settings.seed)))
        project_db = sqlite_db
        if postgresql:
            from tests.bench.pgdata import pg_demo

            project_db = open_database(pg_demo(n, settings.seed))
        sides = {"project": project_db, "baseline": sqlite_db} if postgresql else {
            "project": project_db
        }  # fmt: skip
        try:
            for name, spec in LISTS.items():
                with sqlite_db.read() as session:
                    variants = _variants(spec, session)
                times: dict[str, dict[str, list[float]]] = {
                    side: {label: [] for label, _ in variants} for side in sides
                }

                log(f"list {name}: {len(variants)} variants x {settings.repeat} at {n:,}")
                for round_ in range(settings.repeat + 1):  # round 0 warms the caches
                    order = list(variants)
                    random.Random(round_).shuffle(order)
                    for label, query in order:
                        for side in sorted(sides, reverse=bool(round_ % 2)):
                            seconds = _first_page(sides[side], spec, query)
                            if round_:
                                times[side][label].append(seconds)
                medians = {
                    side: {label: 1000 * (median(v) or 0.0) for label, v in by.items()}
                    for side, by in times.items()
                }
                project = sum(medians["project"].values())
                baseline = sum(medians["baseline"].values()) if postgresql else None
                note, worst = "", None
                if postgresql:
                    ratios = {
                        label: medians["project"][label] / max(medians["baseline"][label], 1e-6)
                        for label, _ in variants
                    }
                    worst = max(ratios, key=lambda k: ratios[k])
                    note = (
                        f"slowest vs SQLite: {worst} {medians['project'][worst]:.1f} ms vs "
                        f"{medians['baseline'][worst]:.1f} ms"
                    )
                rows.append(
                    Row(
                        f"list {name}: first page",
                        n,
                        f"sum of {len(variants)} sorts/filters",
                        "ms",
                        project,
                        baseline,
                        "same reads on SQLite" if postgresql else "",
                        f"<= {TARGET}× SQLite" if postgresql else "",
                        None if baseline is None else project <= TARGET * baseline,
                        note,
                        extra={"medians_ms": medians},
                    )
                )
        finally:
            if project_db is not sqlite_db:
                project_db.close()
            sqlite_db.close()
    return rows
