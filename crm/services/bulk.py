"""Many rows into one table through the driver's executemany, without SQLAlchemy's per-row work.

`sa.insert(table)` executed with a list of dicts makes SQLAlchemy build each row's parameters
one by one (`construct_params`, bind processors): at 100,000 rows that costs more than the
insert itself. `insert_rows` compiles the statement once, applies each column's bind
processor (UTC datetimes, enums, booleans...) column by column through a memo (imports and
index rebuilds repeat the same timestamps and words on every row), and hands the driver
plain tuples (positional drivers such as sqlite3) or dicts (named ones such as psycopg).
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager, suppress
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import Session

__all__ = ["big_cache", "insert_rows", "no_gc"]

CHUNK = 10_000


class _Memo(dict[Any, Any]):
    """value -> processed value, computed on first sight."""

    def __init__(self, process: Callable[[Any], Any]) -> None:
        super().__init__()
        self.process = process
        self[None] = None  # NULL stays NULL, the processor is never asked

    def __missing__(self, value: Any) -> Any:
        result = self[value] = self.process(value)
        return result


def _processed(process: Callable[[Any], Any], values: Sequence[Any]) -> list[Any]:
    memo = _Memo(process)
    try:
        return list(map(memo.__getitem__, values))
    except TypeError:  # an unhashable value: no memo
        return [None if value is None else process(value) for value in values]


def insert_rows(
    session: Session, table: sa.Table, columns: Sequence[str], rows: Sequence[Sequence[Any]]
) -> None:
    """`INSERT INTO table (columns) VALUES ...` for each row (a tuple in `columns` order)."""
    if not rows:
        return
    columns = list(columns)
    conn = session.connection()
    dialect = conn.dialect
    compiled = sa.insert(table).compile(dialect=dialect, column_keys=columns)
    if compiled.positional:  # the driver wants the values in the statement's order
        names = list(compiled.positiontup or [])
        missing = [name for name in names if name not in columns]
        if missing:
            raise ValueError(f"insert_rows: no values for {', '.join(missing)} of {table.name}")
        order = [columns.index(name) for name in names]
    else:
        order = list(range(len(columns)))
    by_column: list[Sequence[Any]] = list(zip(*rows, strict=True))
    for i, name in enumerate(columns):
        process = table.c[name].type._cached_bind_processor(dialect)
        if process is not None:
            by_column[i] = _processed(process, by_column[i])
    params: list[Any] = list(zip(*(by_column[i] for i in order), strict=True))
    if not compiled.positional:
        params = [dict(zip(columns, row, strict=True)) for row in params]
    for start in range(0, len(params), CHUNK):
        conn.exec_driver_sql(compiled.string, params[start : start + CHUNK])


_gc_lock = threading.Lock()
_gc_depth = 0
_gc_was_enabled = False


@contextmanager
def no_gc() -> Iterator[None]:
    """The cyclic garbage collector paused while a bulk job runs.

    An import holds a few hundred thousand small objects (rows, cleaned values, documents),
    none of them in reference cycles, so the collector's full passes over them find nothing
    while costing about a third of the job. Reference counting still frees everything as
    usual. Nested or concurrent jobs share one pause: the collector is restored (if it was on)
    when the last of them ends.
    """
    global _gc_depth, _gc_was_enabled
    with _gc_lock:
        if _gc_depth == 0:
            _gc_was_enabled = gc.isenabled()
            gc.disable()
        _gc_depth += 1
    try:
        yield
    finally:
        with _gc_lock:
            _gc_depth -= 1
            if _gc_depth == 0 and _gc_was_enabled:
                gc.enable()


# Pages SQLite keeps in memory for the connection during a bulk job (KiB, as `cache_size`
# takes a negative number): the default 2 MiB makes every insert into the contacts' indexes
# (uid, email, folded name...) read pages back from disk at 100,000 rows.
BULK_CACHE_KIB = 131_072


@contextmanager
def big_cache(session: Session) -> Iterator[None]:
    """On SQLite, a larger page cache for this connection while the block runs."""
    if session.get_bind().dialect.name != "sqlite":
        yield
        return
    conn = session.connection()
    before = int(conn.exec_driver_sql("PRAGMA cache_size").scalar_one())
    conn.exec_driver_sql(f"PRAGMA cache_size = -{BULK_CACHE_KIB}")
    try:
        yield
    finally:
        # When the connection went bad, the job's own error tells.
        with suppress(sa.exc.SQLAlchemyError):
            conn.exec_driver_sql(f"PRAGMA cache_size = {before}")
