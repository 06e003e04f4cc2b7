"""Building the search index in bulk: a full rebuild, or the rows of a batch of new records.

The services keep `search_entries` in step one record at a time, which costs a few queries
per record. After a bulk load (the demo at scale, an import) or to repair the index, these
functions read the records with a few Core selects per page (the organization name and the
party names joined in, tag names aggregated in SQL: `documents.<kind>_query`), build the very
same documents through the builders of `documents`, and insert the rows in chunks. On SQLite the FTS5 table
follows through its triggers; on PostgreSQL the GIN index follows by itself.
"""

from __future__ import annotations

from collections.abc import Callable, Container, Iterator, Mapping, Sequence
from contextlib import contextmanager
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import Session

from crm.db import search
from crm.db.models import (
    Contact,
    Event,
    FollowUp,
    Interaction,
    Introduction,
    Organization,
    SearchEntry,
    Tag,
    contact_tags,
    organization_tags,
)
from crm.db.search import SearchDocument
from crm.db.tables import search_entries
from crm.domain.text import fold
from crm.services import bulk, documents

__all__ = ["KINDS", "index_known", "index_range", "index_rows", "rebuild"]

KINDS = ("organization", "contact", "introduction", "event", "followup", "interaction")
CHUNK = 5000
# Folds `index_known` keeps from one page to the next (then starts over): bounded memory.
MEMO_LIMIT = 50_000
ENTRIES = search_entries
# Tag names may hold spaces and commas; the unit separator never appears in a name.
_TAG_SEPARATOR = "\x1f"

# A kind's index rows (`ENTRY_COLUMNS` tuples) for a page of its records.
Builder = Callable[[Session, Sequence[Any]], list[tuple[object, ...]]]
ENTRY_COLUMNS = ("kind", "record_id", "title", "subtitle", "title_folded", "body_folded")


class _FoldMemo(dict[str, str]):
    """text -> fold(text), for the parts of one batch's documents (cities, organization
    names, titles repeat by the thousand)."""

    def __missing__(self, text: str) -> str:
        folded = self[text] = fold(text)
        return folded


def _entry(
    memo: _FoldMemo, kind: str, record_id: int, title: str, subtitle: str, body: Sequence[str]
) -> tuple[object, ...]:
    """The index row of the document (kind, record_id, title, subtitle, " ".join(body)).

    A space folds to a space whatever surrounds it, so folding the body part by part and
    joining the non-empty folds gives `fold(" ".join(body))` (a test checks it).
    """
    return (kind, record_id, title[:255], subtitle[:255], memo[title],
            " ".join(filter(None, map(memo.__getitem__, body))))  # fmt: skip


def _tag_names(session: Session, kind: str, record_ids: Sequence[int]) -> dict[int, str]:
    """Tag names of these records, in the order `tags.tags_of` gives, one string per record."""
    if not record_ids:
        return {}
    if kind == "organization":
        table, column = organization_tags, "organization_id"
    else:
        table, column = contact_tags, "contact_id"
    record = table.c[column]
    if session.get_bind().dialect.name == "postgresql":
        names = sa.func.string_agg(Tag.name, _TAG_SEPARATOR)
    else:
        names = sa.func.group_concat(Tag.name, _TAG_SEPARATOR)
    query = (
        sa.select(record, names)
        .join(Tag, Tag.id == table.c.tag_id)
        .where(record.in_(record_ids))
        .group_by(record)
    )
    return {
        row[0]: " ".join(sorted(row[1].split(_TAG_SEPARATOR), key=fold))
        for row in session.execute(query)
    }


def _tagged_ids(rows: Sequence[Any], tagged: Container[int] | None) -> list[int]:
    return [r.id for r in rows] if tagged is None else [r.id for r in rows if r.id in tagged]


def _organizations(
    session: Session,
    rows: Sequence[Any],
    tagged: Container[int] | None = None,
    memo: _FoldMemo | None = None,
) -> list[tuple[object, ...]]:
    """`tagged`: the only records that may have tags (None: any of them); `memo`: folds kept
    from the previous pages."""
    tag_names = _tag_names(session, "organization", _tagged_ids(rows, tagged))
    memo = _FoldMemo() if memo is None else memo
    return [
        _entry(
            memo, "organization", r.id, *documents.organization_parts(r, tag_names.get(r.id, ""))
        )
        for r in rows
    ]


def _contacts(
    session: Session,
    rows: Sequence[Any],
    tagged: Container[int] | None = None,
    memo: _FoldMemo | None = None,
) -> list[tuple[object, ...]]:
    """`tagged`: the only records that may have tags (None: any of them); `memo`: folds kept
    from the previous pages."""
    tag_names = _tag_names(session, "contact", _tagged_ids(rows, tagged))
    memo = _FoldMemo() if memo is None else memo
    return [
        _entry(memo, "contact", r.id, *documents.contact_parts(
            r, r.organization_name or "", tag_names.get(r.id, "")))
        for r in rows
    ]  # fmt: skip


def _introductions(session: Session, rows: Sequence[Any]) -> list[tuple[object, ...]]:
    return [_values(documents.introduction_document(r)) for r in rows]


def _events(session: Session, rows: Sequence[Any]) -> list[tuple[object, ...]]:
    return [_values(documents.event_document(r)) for r in rows]


def _followups(session: Session, rows: Sequence[Any]) -> list[tuple[object, ...]]:
    return [_values(documents.followup_document(r)) for r in rows]


def _interactions(session: Session, rows: Sequence[Any]) -> list[tuple[object, ...]]:
    return [_values(documents.interaction_document(r)) for r in rows]


def _query(kind: str) -> tuple[Any, Any, Builder]:
    """The select of one kind's live records (with what its documents need), its id column
    and its document builder."""
    if kind == "organization":
        return documents.organization_query(), Organization.id, _organizations
    if kind == "contact":
        return documents.contact_query(), Contact.id, _contacts
    if kind == "introduction":
        return documents.introduction_query(), Introduction.id, _introductions
    if kind == "event":
        return documents.event_query(), Event.id, _events
    if kind == "followup":
        return documents.followup_query(), FollowUp.id, _followups
    if kind == "interaction":
        return documents.interaction_query(), Interaction.id, _interactions
    raise ValueError(f"no search documents for '{kind}' (one of {', '.join(KINDS)})")


def _pages(
    session: Session, kind: str, where: Sequence[sa.ColumnElement[bool]]
) -> Iterator[list[sa.Row[Any]]]:
    """Pages of rows by id (keyset paging: memory stays flat whatever the table size)."""
    query, id_column, _ = _query(kind)
    last = 0
    while True:
        page = list(
            session.execute(query.where(id_column > last, *where).order_by(id_column).limit(CHUNK))
        )
        if not page:
            return
        yield page
        last = page[-1].id


def _values(doc: SearchDocument) -> tuple[object, ...]:
    """`SearchDocument.row()` as a tuple in `ENTRY_COLUMNS` order."""
    return (doc.kind, doc.record_id, doc.title[:255], doc.subtitle[:255], fold(doc.title),
            fold(doc.body))  # fmt: skip


def _row(doc: SearchDocument) -> dict[str, object]:
    """`SearchDocument.row()` (a test checks that both agree)."""
    return dict(zip(ENTRY_COLUMNS, _values(doc), strict=True))


def _write(session: Session, rows: list[tuple[object, ...]]) -> int:
    bulk.insert_rows(session, ENTRIES, ENTRY_COLUMNS, rows)
    return len(rows)


def _index(
    session: Session,
    kind: str,
    where: Sequence[sa.ColumnElement[bool]] = (),
    progress: Callable[[int], None] | None = None,
) -> int:
    _, _, build = _query(kind)
    written = 0
    for page in _pages(session, kind, where):
        written += _write(session, build(session, page))
        if progress is not None:
            progress(len(page))
    return written


@contextmanager
def _bulk_fts(session: Session, *, full: bool) -> Iterator[None]:
    """On SQLite, feed the FTS5 table once for the whole batch instead of once per row.

    The migration's triggers copy each row into FTS5 one statement at a time, which costs
    about six times what one INSERT ... SELECT (or FTS5's own 'rebuild') costs at 100,000
    rows. So, inside the caller's transaction, the insert trigger (and, for a full rebuild,
    the delete trigger) is dropped, the batch written, FTS5 fed in one statement, and the
    triggers re-created from their own stored SQL. SQLite DDL is transactional: a rollback
    brings the triggers back as they were, and the write lock keeps other writers out.
    """
    if session.get_bind().dialect.name != "sqlite":
        yield
        return
    conn = session.connection()
    names = ("search_fts_ai", "search_fts_ad") if full else ("search_fts_ai",)
    stored = conn.execute(
        sa.text(
            "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND name IN :names"
        ).bindparams(sa.bindparam("names", expanding=True)),
        {"names": list(names)},
    ).all()
    if len(stored) != len(names):  # not the schema this code knows: keep the slow, safe path
        yield
        return
    last_id = conn.execute(sa.select(sa.func.coalesce(sa.func.max(SearchEntry.id), 0))).scalar_one()
    for name, _ in stored:
        conn.exec_driver_sql(f"DROP TRIGGER {name}")
    try:
        yield
        if full:
            conn.exec_driver_sql("INSERT INTO search_fts(search_fts) VALUES ('rebuild')")
        else:
            # New rows get ids above the largest one (rowid tables count up from the maximum).
            conn.exec_driver_sql(
                "INSERT INTO search_fts(rowid, title_folded, body_folded) "
                "SELECT id, title_folded, body_folded FROM search_entries WHERE id > ?",
                (last_id,),
            )
    finally:
        for _, sql in stored:
            conn.exec_driver_sql(sql)


def rebuild(session: Session) -> int:
    """Empty the search index and fill it again from every live record; return the rows written."""
    with _bulk_fts(session, full=True):
        search.clear(session)
        return sum(_index(session, kind) for kind in KINDS)


def index_rows(session: Session, kind: str, record_ids: Sequence[int]) -> int:
    """(Re)index these records of one kind; deleted or missing ones end up out of the index."""
    _, id_column, _ = _query(kind)
    written = 0
    for start in range(0, len(record_ids), CHUNK):
        chunk = list(record_ids[start : start + CHUNK])
        search.remove(session, kind, chunk)
        # Entered after the removal: the batch's new index rows must get ids above the maximum.
        with _bulk_fts(session, full=False):
            written += _index(session, kind, [id_column.in_(chunk)])
    return written


def index_range(
    session: Session,
    kind: str,
    first_id: int,
    last_id: int,
    progress: Callable[[int], None] | None = None,
) -> int:
    """(Re)index the records of one kind whose ids lie in [first_id, last_id], e.g. a bulk load.

    A range costs no parameter list, which matters at 100,000 rows.
    """
    _, id_column, _ = _query(kind)
    session.execute(
        sa.delete(ENTRIES).where(
            ENTRIES.c.kind == kind, ENTRIES.c.record_id.between(first_id, last_id)
        )
    )
    with _bulk_fts(session, full=False):
        return _index(session, kind, [id_column.between(first_id, last_id)], progress)


def index_known(
    session: Session,
    kind: str,
    record_ids: Sequence[int],
    known: Mapping[int, Any],
    tagged: Container[int] | None = None,
) -> int:
    """`index_rows(session, kind, record_ids)`, with the records found in `known` taken from
    there instead of being read back: plain rows (e.g. `types.SimpleNamespace`) with the
    attributes `_query(kind)` selects, such as the records an import has just written.
    `tagged`: the only records of `known` that may have tags (None: any of them).

    The same chunks, index rows and row order as `index_rows`; a chunk holding a record not
    in `known` goes through `index_rows` whole. Only for live records (as `index_rows`).
    """
    _, _, build = _query(kind)
    written = 0
    # Names, organizations and cities repeat from page to page; emails do not, hence the bound.
    memo = _FoldMemo()
    for start in range(0, len(record_ids), CHUNK):
        if len(memo) > MEMO_LIMIT:
            memo.clear()
        chunk = list(record_ids[start : start + CHUNK])
        if not all(record_id in known for record_id in chunk):
            written += index_rows(session, kind, chunk)
            continue
        ids = sorted(set(chunk))
        if ids[-1] - ids[0] + 1 == len(ids):  # a run of ids (new records): one range to clear
            search.hold(session, kind, ids)
            session.execute(
                sa.delete(ENTRIES).where(
                    ENTRIES.c.kind == kind, ENTRIES.c.record_id.between(ids[0], ids[-1])
                )
            )
        else:
            search.remove(session, kind, chunk)
        page = [known[i] for i in ids]
        with _bulk_fts(session, full=False):
            if kind == "contact":
                written += _write(session, _contacts(session, page, tagged, memo))
            elif kind == "organization":
                written += _write(session, _organizations(session, page, tagged, memo))
            else:
                written += _write(session, build(session, page))
    return written
