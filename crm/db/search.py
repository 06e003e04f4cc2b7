"""The search index: one folded row per record, queried by prefix on SQLite FTS5 or PostgreSQL.

Both dialects see the same words because the text is folded in Python first (accents,
ligatures, apostrophes, case: see `crm.domain.text.fold`); the index then only splits on
spaces and matches word prefixes.

On SQLite, ranking is bm25 with title words weighing ten times body words. bm25 costs about
a microsecond per matching row (FTS5 reads each row's hits and column sizes), and the first
letter or two typed match most of the index ("m" matches 133,000 of 170,000 rows at 100,000
contacts: 130 ms). So a query matching more than `RANK_WINDOW` rows is ranked in windows:
first the records whose titles match every word, ranked among the first `RANK_WINDOW` of
them (in index order), then, when they are fewer than the limit, the other matches, ranked
among the first `RANK_WINDOW` of all matches. Finding a window's end costs a walk over
`RANK_WINDOW` row ids. A query with fewer matches (in practice, as soon as a few letters are
typed) is ranked over all of them, exactly as before.

PostgreSQL ranks with `ts_rank` over the stored tsvectors of migration 0006 (every word,
title words weighing A and body words B; and the title's words alone), through their GIN
indexes, in the same two windows, each "the first `PG_RANK_WINDOW` matches" as the planner
finds them cheapest (walking the table when most rows match, the GIN index when few do)
rather than in id order: walking ids to the 4,000th match of "ke" reads 130,000 rows.
Ranking every match of a first letter, as before 0006, cost ~1 s at 100,000 contacts.
"""

from __future__ import annotations

import zlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any, cast

import sqlalchemy as sa
from sqlalchemy.orm import Session

from crm.db.tables import search_entries
from crm.domain.text import fold, fold_words


@dataclass(frozen=True)
class SearchDocument:
    kind: str
    record_id: int
    title: str
    subtitle: str
    body: str

    def row(self) -> dict[str, object]:
        return {
            "kind": self.kind,
            "record_id": self.record_id,
            "title": self.title[:255],
            "subtitle": self.subtitle[:255],
            "title_folded": fold(self.title),
            "body_folded": fold(self.body),
        }


@dataclass(frozen=True)
class SearchHit:
    kind: str
    record_id: int
    title: str
    subtitle: str
    rank: float


def hold(session: Session, kind: str, record_ids: Iterable[int]) -> None:
    """Make this transaction the only one writing these records' index rows, until it ends.

    Call it before reading what a document is made of. On PostgreSQL two transactions may
    index the same record at once (a contact renamed re-indexes its introductions while a
    colleague moves one of them): each would delete the row and insert its own, and the
    second insert broke the unique key; worse, a document built from what was read before
    the other committed would put old words back. A transaction-scoped advisory lock per
    record (taken in id order, so that two batches cannot wait on each other) makes the
    second wait, then read what the first committed. SQLite writers already take turns.
    """
    if session.get_bind().dialect.name != "postgresql":
        return
    ids = sorted({int(i) for i in record_ids})
    if ids:
        session.execute(
            sa.text(
                "SELECT count(pg_advisory_xact_lock(:kind, x)) "
                "FROM unnest(CAST(:ids AS integer[])) AS x"
            ),
            {"kind": _lock_space(kind), "ids": ids},
        )


def _lock_space(kind: str) -> int:
    """The first key of a kind's advisory locks (a signed 32-bit number, stable)."""
    return zlib.crc32(f"search:{kind}".encode()) & 0x7FFFFFFF


def put(session: Session, documents: Iterable[SearchDocument]) -> None:
    """Insert or replace the index rows of these records."""
    rows = [doc.row() for doc in documents]
    if not rows:
        return
    table = search_entries
    for kind in {str(r["kind"]) for r in rows}:
        ids = [r["record_id"] for r in rows if r["kind"] == kind]
        hold(session, kind, cast(list[int], ids))
        for start in range(0, len(ids), 500):
            session.execute(
                sa.delete(table).where(
                    table.c.kind == kind, table.c.record_id.in_(ids[start : start + 500])
                )
            )
    session.execute(sa.insert(table), rows)


def remove(session: Session, kind: str, record_ids: Sequence[int]) -> None:
    hold(session, kind, record_ids)
    table = search_entries
    session.execute(sa.delete(table).where(table.c.kind == kind, table.c.record_id.in_(record_ids)))


def clear(session: Session) -> None:
    session.execute(sa.delete(search_entries))


def search(
    session: Session, text: str, *, limit: int = 50, kinds: Sequence[str] | None = None
) -> list[SearchHit]:
    """Records whose words start with every word typed, best first (title words weigh more)."""
    words = query_words(text)
    if not words:
        return []
    if session.get_bind().dialect.name == "sqlite":
        return _search_sqlite(session, words, limit, kinds)
    return _search_postgresql(session, words, limit, kinds)


# What a search reads of the text typed or pasted: each prefix costs the index a pass, and
# nobody types more to find one record.
MAX_CHARS = 100
MAX_WORDS = 10


def query_words(text: str | None) -> list[str]:
    """The folded words a search matches: from the first `MAX_CHARS` characters, each once,
    without the words that begin another one ("mon montreal": whatever matches montreal*
    matches mon*), at most `MAX_WORDS` of them."""
    words = list(dict.fromkeys(fold_words((text or "")[:MAX_CHARS])))
    kept = [w for w in words if not any(o != w and o.startswith(w) for o in words)]
    return kept[:MAX_WORDS]


# Most rows bm25 ranks in one query (see the module docstring): about 3 ms at 100k contacts.
RANK_WINDOW = 4000

_FTS = sa.table("search_fts", sa.column("rowid"))
_RANK: sa.ColumnClause[Any] = sa.literal_column("bm25(search_fts, 10.0, 1.0)")


def _hits(session: Session, query: sa.Select[Any]) -> list[SearchHit]:
    return [SearchHit(r[0], r[1], r[2], r[3], float(r[4])) for r in session.execute(query)]


def _search_sqlite(
    session: Session, words: Sequence[str], limit: int, kinds: Sequence[str] | None
) -> list[SearchHit]:
    entries = search_entries
    match = " ".join(f'"{w}"*' for w in words)
    # The same words, all of them in the title column.
    title_match = f"{{title_folded}} : ({match})"

    def matching(query: sa.Select[Any], expression: str) -> sa.Select[Any]:
        query = query.where(sa.literal_column("search_fts").op("MATCH")(expression))
        return query.where(entries.c.kind.in_(kinds)) if kinds else query

    # At least twice the limit, so that the second window always has `limit` new hits.
    window = max(RANK_WINDOW, 2 * limit)

    def window_end(expression: str) -> int | None:
        """The row id just past the first `window` matches; None when there are no more."""
        query: sa.Select[Any] = sa.select(_FTS.c.rowid).select_from(_FTS)
        if kinds:
            query = query.join(entries, entries.c.id == _FTS.c.rowid)
        query = matching(query, expression).order_by(_FTS.c.rowid).offset(window).limit(1)
        found = session.execute(query).scalar()
        return None if found is None else int(found)

    def ranked(expression: str, end: int | None, count: int) -> list[SearchHit]:
        query: sa.Select[Any] = sa.select(
            entries.c.kind, entries.c.record_id, entries.c.title, entries.c.subtitle, _RANK
        ).select_from(_FTS.join(entries, entries.c.id == _FTS.c.rowid))
        query = matching(query, expression)
        if end is not None:
            query = query.where(_FTS.c.rowid < end)
        return _hits(session, query.order_by(_RANK, entries.c.title).limit(count))

    everything_end = window_end(match)
    if everything_end is None:  # few enough matches: rank them all
        return ranked(match, None, limit)
    hits = ranked(title_match, window_end(title_match), limit)
    if len(hits) < limit:
        seen = {(h.kind, h.record_id) for h in hits}
        for hit in ranked(match, everything_end, limit + len(hits)):
            if (hit.kind, hit.record_id) not in seen:
                hits.append(hit)
                if len(hits) == limit:
                    break
    return hits


# Fewer than on SQLite: finding a window walks the table when a first letter or two match
# most rows, testing each row's stored vector (~2 µs a row on a busy server, ~4 rows for 3
# matches), once for the titles and once for everything: ~10 ms a window of 1,000.
PG_RANK_WINDOW = 1000
SHORT_WORD = 1

# The stored tsvectors of migration 0006.
_TSV: sa.ColumnClause[Any] = sa.literal_column("search_entries.search_tsv")
_TITLE_TSV: sa.ColumnClause[Any] = sa.literal_column("search_entries.title_tsv")


def _search_postgresql(
    session: Session, words: Sequence[str], limit: int, kinds: Sequence[str] | None
) -> list[SearchHit]:
    entries = search_entries

    # Written into the statement, not bound: psycopg prepares a statement run five times, and
    # PostgreSQL may then plan it once for any words, where "m" (most rows: walk the table)
    # and "montr" (a few: the GIN index) need opposite plans (0.5 s instead of 10 ms). Once,
    # as a one-row FROM item (`typed.q`), which the planner replaces by the constant.
    def tsquery(name: str, chosen: Sequence[str]) -> Any:
        text = " & ".join(f"{w}:*" for w in chosen)
        found = sa.func.to_tsquery(
            sa.literal_column("'simple'"),
            sa.bindparam(name, text, type_=sa.String(), literal_execute=True),
        )
        return found.table_valued("q").render_derived(name=name)

    typed = tsquery("typed", words)
    # A word of one letter matches thousands of words in the GIN index ("b": 20 ms
    # for "sylvie b"): when longer words are typed beside it, the index looks those up and
    # each row they find is then checked for all of them (`ts_match_vq`, the function
    # behind @@, which the planner does not take to the index).
    longer = [w for w in words if len(w) > SHORT_WORD]
    indexed = tsquery("indexed", longer) if longer and len(longer) < len(words) else None
    window = max(PG_RANK_WINDOW, 2 * limit)

    def ranked(vector: sa.ColumnClause[Any], count: int) -> list[Any]:
        """The best `count` of the first `window` matches, and how many those were."""
        found = (
            sa.select(
                entries.c.kind, entries.c.record_id, entries.c.title, entries.c.subtitle,
                vector.label("vector"), typed.c.q,
            )
            .select_from(entries)
            .join(typed, sa.true())
        )  # fmt: skip
        if indexed is None:
            found = found.where(vector.op("@@")(typed.c.q))
        else:
            found = found.join(indexed, sa.true()).where(
                vector.op("@@")(indexed.c.q), sa.func.ts_match_vq(vector, typed.c.q)
            )
        if kinds:
            found = found.where(entries.c.kind.in_(kinds))
        first = found.limit(window).subquery()
        rank = sa.func.ts_rank(first.c.vector, first.c.q)
        query = (
            sa.select(
                first.c.kind, first.c.record_id, first.c.title, first.c.subtitle, rank,
                sa.func.count(first.c.record_id).over(),
            )
            .order_by(rank.desc(), first.c.title)
            .limit(count)
        )  # fmt: skip
        return list(session.execute(query))

    def hits(rows: list[Any]) -> list[SearchHit]:
        return [SearchHit(r[0], r[1], r[2], r[3], float(r[4])) for r in rows]

    # Twice the limit: enough to fill up the title window's hits without repeating one.
    everything = ranked(_TSV, 2 * limit)
    if not everything or everything[0][5] < window:  # few enough matches: all were ranked
        return hits(everything[:limit])
    found = hits(ranked(_TITLE_TSV, limit))
    seen = {(h.kind, h.record_id) for h in found}
    for hit in hits(everything):
        if len(found) == limit:
            break
        if (hit.kind, hit.record_id) not in seen:
            found.append(hit)
    return found
