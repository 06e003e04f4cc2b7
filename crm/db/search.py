"""The search index: one folded row per record, queried by prefix on SQLite FTS5 or PostgreSQL.

Both dialects see the same words because the text is folded in Python first (accents,
ligatures, apostrophes, case: see `crm.domain.text.fold`); the index then only splits on
spaces and matches word prefixes.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import sqlalchemy as sa
from sqlalchemy.orm import Session

from crm.db.models import SearchEntry
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


def put(session: Session, documents: Iterable[SearchDocument]) -> None:
    """Insert or replace the index rows of these records."""
    rows = [doc.row() for doc in documents]
    if not rows:
        return
    table = SearchEntry.__table__
    for kind in {str(r["kind"]) for r in rows}:
        ids = [r["record_id"] for r in rows if r["kind"] == kind]
        for start in range(0, len(ids), 500):
            session.execute(
                sa.delete(table).where(table.c.kind == kind, table.c.record_id.in_(ids[start : start + 500]))
            )
    session.execute(sa.insert(table), rows)


def remove(session: Session, kind: str, record_ids: Sequence[int]) -> None:
    table = SearchEntry.__table__
    session.execute(sa.delete(table).where(table.c.kind == kind, table.c.record_id.in_(record_ids)))


def clear(session: Session) -> None:
    session.execute(sa.delete(SearchEntry.__table__))


def search(
    session: Session, text: str, *, limit: int = 50, kinds: Sequence[str] | None = None
) -> list[SearchHit]:
    """Records whose words start with every word typed, best first (title words weigh more)."""
    words = fold_words(text)
    if not words:
        return []
    entries = SearchEntry.__table__
    dialect = session.get_bind().dialect.name
    if dialect == "sqlite":
        match = " ".join(f'"{w}"*' for w in words)
        fts = sa.table("search_fts", sa.column("rowid"))
        rank = sa.literal_column("bm25(search_fts, 10.0, 1.0)")
        query = (
            sa.select(entries.c.kind, entries.c.record_id, entries.c.title, entries.c.subtitle, rank)
            .select_from(fts.join(entries, entries.c.id == fts.c.rowid))
            .where(sa.literal_column("search_fts").op("MATCH")(match))
            .order_by(rank, entries.c.title)
        )
    else:
        vector = sa.text(
            "(setweight(to_tsvector('simple', search_entries.title_folded), 'A') || "
            "setweight(to_tsvector('simple', search_entries.body_folded), 'B'))"
        )
        tsquery = sa.func.to_tsquery(
            sa.literal_column("'simple'"), " & ".join(f"{w}:*" for w in words)
        )
        vector_col = sa.literal_column(str(vector.text))
        rank = sa.func.ts_rank(vector_col, tsquery)
        query = (
            sa.select(entries.c.kind, entries.c.record_id, entries.c.title, entries.c.subtitle, rank)
            .where(vector_col.op("@@")(tsquery))
            .order_by(rank.desc(), entries.c.title)
        )
    if kinds:
        query = query.where(entries.c.kind.in_(kinds))
    rows = session.execute(query.limit(limit)).all()
    return [SearchHit(r[0], r[1], r[2], r[3], float(r[4])) for r in rows]
