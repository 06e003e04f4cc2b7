"""Search while typing: `crm.db.search.search` in-process vs the raw FTS5 MATCH query (on
PostgreSQL, `--database postgresql`: vs the raw tsquery a developer would write over the
indexed tsvector, ranked by `ts_rank`, through psycopg).

200 prefixes are typed progressively from the demo data (first and last names, cities,
organization words: "m", "mo", "mon", "mont", "montr"...) and two-word ones ("marie ga",
"biotech mont"). For each prefix the service (a read session of the desk's own `Database`,
the limit the search box asks for) and the baseline (plain `sqlite3`, the query a developer
would write by hand: FTS5 MATCH joined to the entries, ranked by the same bm25 weights)
run interleaved, `repeat` times; the median of each prefix counts, and p50/p95 are taken
over the 200 prefixes.
"""

from __future__ import annotations

import random
import sqlite3
import time
from pathlib import Path
from typing import Any

from tests.bench.common import Row, Settings, demo_db, log, median, percentile

LIMIT = 40  # what crm.ui.widgets.search asks for
PREFIXES = 200
TARGET_MS = 30.0
PG_TARGET_MS = 50.0  # on the local server (issue 14)

BASELINE_SQL = (
    "SELECT e.kind, e.record_id, e.title, e.subtitle, bm25(search_fts, 10.0, 1.0) AS r "
    "FROM search_fts JOIN search_entries e ON e.id = search_fts.rowid "
    "WHERE search_fts MATCH ? ORDER BY r, e.title LIMIT ?"
)


def _words(con: sqlite3.Connection, sql: str) -> list[str]:
    return sorted({str(r[0]) for r in con.execute(sql) if r[0]})


def prefixes(path: Path, seed: int, count: int = PREFIXES) -> list[str]:
    """Realistic text typed in the search box, key by key, with accents as people type them."""
    rng = random.Random(seed)
    con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        first = _words(con, "SELECT DISTINCT first_name FROM contacts LIMIT 500")
        last = _words(con, "SELECT DISTINCT last_name FROM contacts LIMIT 500")
        cities = _words(con, "SELECT DISTINCT city FROM organizations LIMIT 200")
        orgs = _words(con, "SELECT DISTINCT name FROM organizations LIMIT 2000")
    finally:
        con.close()
    org_words = sorted({w for name in orgs for w in name.split() if len(w) > 3})
    typed: list[str] = []

    def progressive(text: str, upto: int = 6, start: int = 1) -> None:
        for size in range(start, min(len(text), upto) + 1):
            typed.append(text[:size].lower())

    while len(typed) < count:
        roll = rng.random()
        if roll < 0.25:
            progressive(rng.choice(cities))
        elif roll < 0.45:
            progressive(rng.choice(last))
        elif roll < 0.6:
            progressive(rng.choice(first))
        elif roll < 0.7:
            progressive(rng.choice(org_words))
        elif roll < 0.88:  # "marie g", "marie ga", "marie gag"...
            head = rng.choice(first).split()[0].lower()
            tail = rng.choice(last).lower()
            for size in range(1, min(len(tail), 4) + 1):
                typed.append(f"{head} {tail[:size]}")
        else:  # "biotech m", "biotech mo"...
            head = rng.choice(org_words).lower()
            tail = rng.choice(cities).lower()
            for size in range(1, min(len(tail), 4) + 1):
                typed.append(f"{head} {tail[:size]}")
    return typed[:count]


PG_BASELINE_SQL = (
    "SELECT kind, record_id, title, subtitle, ts_rank(search_tsv, q) AS r "
    "FROM search_entries, to_tsquery('simple', %s) q "
    "WHERE search_tsv @@ q ORDER BY r DESC, title LIMIT %s"
)


def run(settings: Settings) -> list[Row]:
    from crm.db import search
    from crm.db.engine import sqlite_url
    from crm.db.migrate import open_database
    from crm.domain.text import fold_words

    postgresql = settings.database == "postgresql"
    rows: list[Row] = []
    for n in settings.tiers:
        path = demo_db(n, settings.seed)
        typed = prefixes(path, settings.seed)
        raw: Any
        if postgresql:
            from tests.bench.pgdata import pg_demo

            db = open_database(pg_demo(n, settings.seed))
            raw = db.engine.raw_connection()
            matches = [" & ".join(f"{w}:*" for w in fold_words(t)) for t in typed]
            baseline_sql, baseline_name = PG_BASELINE_SQL, "raw tsquery + ts_rank (psycopg)"
        else:
            db = open_database(sqlite_url(path))
            raw = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
            matches = [" ".join(f'"{w}"*' for w in fold_words(t)) for t in typed]
            baseline_sql, baseline_name = BASELINE_SQL, "raw FTS5 MATCH + bm25 (sqlite3)"

        def baseline_query(match: str, raw: Any = raw, sql: str = baseline_sql) -> list[Any]:
            cursor = raw.cursor()
            try:
                cursor.execute(sql, (match, LIMIT))
                return list(cursor.fetchall())
            finally:
                cursor.close()

        project: dict[int, list[float]] = {i: [] for i in range(len(typed))}
        baseline: dict[int, list[float]] = {i: [] for i in range(len(typed))}
        mismatched = 0
        log(f"search: {len(typed)} prefixes x {settings.repeat} at {n:,}")
        try:
            # One untimed pass warms both page caches the same way.
            for text, match in zip(typed, matches, strict=True):
                with db.read() as session:
                    search.search(session, text, limit=LIMIT)
                baseline_query(match)
            for round_ in range(settings.repeat):
                order = list(range(len(typed)))
                random.Random(round_).shuffle(order)
                for i in order:
                    text, match = typed[i], matches[i]
                    first_project = (i + round_) % 2 == 0
                    for side in (
                        ("project", "baseline") if first_project else ("baseline", "project")
                    ):
                        if side == "project":
                            started = time.perf_counter()
                            with db.read() as session:
                                hits = search.search(session, text, limit=LIMIT)
                            project[i].append(time.perf_counter() - started)
                        else:
                            started = time.perf_counter()
                            found = baseline_query(match)
                            baseline[i].append(time.perf_counter() - started)
                    if round_ == 0 and len(hits) != len(found):
                        mismatched += 1
        finally:
            raw.close()
            db.close()
        per_project = [1000 * (median(project[i]) or 0.0) for i in range(len(typed))]
        per_baseline = [1000 * (median(baseline[i]) or 0.0) for i in range(len(typed))]
        by_length: dict[str, float | None] = {}
        for label, test in (
            ("1 char", lambda t: len(t) == 1),
            ("2 chars", lambda t: len(t) == 2),
            ("3+ chars, one word", lambda t: len(t) >= 3 and " " not in t),
            ("two words", lambda t: " " in t),
        ):
            chosen = [per_project[i] for i, t in enumerate(typed) if test(t)]
            by_length[label] = percentile(chosen, 95)
        slowest = sorted(range(len(typed)), key=lambda i: -per_project[i])[:5]
        extra = {
            "prefixes": len(typed),
            "p95_ms_by_kind": by_length,
            "slowest": [(typed[i], round(per_project[i], 2)) for i in slowest],
            "max_ms": max(per_project),
        }
        note = "" if not mismatched else f"{mismatched} prefixes returned a different hit count"
        p95 = percentile(per_project, 95)
        target = PG_TARGET_MS if postgresql else TARGET_MS
        for metric, p in (("p50", 50), ("p95", 95)):
            value = percentile(per_project, p)
            rows.append(
                Row(
                    "search while typing",
                    n,
                    f"{metric} over {len(typed)} prefixes",
                    "ms",
                    value,
                    percentile(per_baseline, p),
                    baseline_name,
                    f"p95 <= {target:g} ms" if metric == "p95" else "",
                    (p95 is not None and p95 <= target) if metric == "p95" else None,
                    note if metric == "p95" else "",
                    extra if metric == "p95" else {},
                )
            )
    return rows
