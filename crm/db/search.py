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

PostgreSQL runs the same windows over the stored tsvector of migration 0006 (title words
weigh A, body words B; `ts_rank`, title-only matches as `word:*A`), through its GIN index:
ranking every match of a first letter there cost ~1 s at 100,000 contacts.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any, cast

import sqlalchemy as sa
from sqlalchemy.orm import Session

from crm.db.models import SearchEntry
from crm.domain.text import fold, fold_words

Where = sa.ColumnElement[bool]


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


def put(session: Session, documents: Iterable[SearchDocument]) -> None:
    """Insert or replace the index rows of these records."""
    rows = [doc.row() for doc in documents]
    if not rows:
        return
    table = cast(sa.Table, SearchEntry.__table__)
    for kind in {str(r["kind"]) for r in rows}:
        ids = [r["record_id"] for r in rows if r["kind"] == kind]
        for start in range(0, len(ids), 500):
            session.execute(
                sa.delete(table).where(
                    table.c.kind == kind, table.c.record_id.in_(ids[start : start + 500])
                )
            )
    session.execute(sa.insert(table), rows)


def remove(session: Session, kind: str, record_ids: Sequence[int]) -> None:
    table = cast(sa.Table, SearchEntry.__table__)
    session.execute(sa.delete(table).where(table.c.kind == kind, table.c.record_id.in_(record_ids)))


def clear(session: Session) -> None:
    session.execute(sa.delete(cast(sa.Table, SearchEntry.__table__)))


def search(
    session: Session, text: str, *, limit: int = 50, kinds: Sequence[str] | None = None
) -> list[SearchHit]:
    """Records whose words start with every word typed, best first (title words weigh more)."""
    words = query_words(text)
    if not words:
        return []
    if session.get_bind().dialect.name == "sqlite":
        return _windowed(session, _sqlite(words), limit, kinds)
    return _windowed(session, _postgresql(words), limit, kinds)


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


@dataclass(frozen=True)
class _Index:
    """One dialect's full-text index, as the windowed ranking needs it."""

    # The index's row id (search_entries.id), and what it is read from alone and joined to
    # the entries.
    row_id: sa.ColumnElement[Any]
    ids_from: Any
    rows_from: Any
    # Every word typed is a word prefix: anywhere, or in the title.
    everywhere: Where
    in_title: Where
    # Best first: an ORDER BY term for each of those matches.
    best: Callable[[bool], sa.ColumnElement[Any]]
    # The rank reported (SearchHit.rank).
    rank: Callable[[bool], sa.ColumnElement[Any]]


def _sqlite(words: Sequence[str]) -> _Index:
    entries = SearchEntry.__table__
    match = " ".join(f'"{w}"*' for w in words)
    # The same words, all of them in the title column.
    title_match = f"{{title_folded}} : ({match})"
    fts = sa.literal_column("search_fts")
    return _Index(
        row_id=_FTS.c.rowid,
        ids_from=_FTS,
        rows_from=_FTS.join(entries, entries.c.id == _FTS.c.rowid),
        everywhere=fts.op("MATCH")(match),
        in_title=fts.op("MATCH")(title_match),
        best=lambda _title: _RANK,
        rank=lambda _title: _RANK,
    )


# The stored tsvector of migration 0006: title words weigh A, body words B.
_TSV: sa.ColumnClause[Any] = sa.literal_column("search_entries.search_tsv")


def _postgresql(words: Sequence[str]) -> _Index:
    entries = SearchEntry.__table__

    def tsquery(weight: str) -> sa.ColumnElement[Any]:
        text = " & ".join(f"{w}:*{weight}" for w in words)
        return sa.func.to_tsquery(sa.literal_column("'simple'"), text)

    # Built once: each is one bound parameter however often the statement names it.
    anywhere, title_only = tsquery(""), tsquery("A")

    def rank(title: bool) -> sa.ColumnElement[Any]:
        return sa.func.ts_rank(_TSV, title_only if title else anywhere)

    return _Index(
        row_id=entries.c.id,
        ids_from=entries,
        rows_from=entries,
        everywhere=_TSV.op("@@")(anywhere),
        in_title=_TSV.op("@@")(title_only),
        best=lambda title: rank(title).desc(),
        rank=rank,
    )


def _windowed(
    session: Session, index: _Index, limit: int, kinds: Sequence[str] | None
) -> list[SearchHit]:
    """The best `limit` matches, ranked in windows when they are many (module docstring)."""
    entries = SearchEntry.__table__

    def matching(query: sa.Select[Any], title: bool) -> sa.Select[Any]:
        query = query.where(index.in_title if title else index.everywhere)
        return query.where(entries.c.kind.in_(kinds)) if kinds else query

    # At least twice the limit, so that the second window always has `limit` new hits.
    window = max(RANK_WINDOW, 2 * limit)

    def window_end(title: bool) -> int | None:
        """The row id just past the first `window` matches; None when there are no more."""
        source = index.rows_from if kinds else index.ids_from
        query: sa.Select[Any] = sa.select(index.row_id).select_from(source)
        query = matching(query, title).order_by(index.row_id).offset(window).limit(1)
        found = session.execute(query).scalar()
        return None if found is None else int(found)

    def ranked(title: bool, end: int | None, count: int) -> list[SearchHit]:
        query: sa.Select[Any] = sa.select(
            entries.c.kind, entries.c.record_id, entries.c.title, entries.c.subtitle,
            index.rank(title),
        ).select_from(index.rows_from)  # fmt: skip
        query = matching(query, title)
        if end is not None:
            query = query.where(index.row_id < end)
        return _hits(session, query.order_by(index.best(title), entries.c.title).limit(count))

    everything_end = window_end(False)
    if everything_end is None:  # few enough matches: rank them all
        return ranked(False, None, limit)
    hits = ranked(True, window_end(True), limit)
    if len(hits) < limit:
        seen = {(h.kind, h.record_id) for h in hits}
        for hit in ranked(False, everything_end, limit + len(hits)):
            if (hit.kind, hit.record_id) not in seen:
                hits.append(hit)
                if len(hits) == limit:
                    break
    return hits
