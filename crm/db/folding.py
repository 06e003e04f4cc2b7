"""`folded(x)`: a column folded in SQL as `crm.domain.text.fold` folds text, for list filters.

A list's filter box matches each folded word typed with `folded(column) LIKE '%word%'`, so
"quebecoise", "QUÉBÉCOISE" and "québécoise" all find "Mission québécoise", on both databases:

- SQLite calls `fold` itself, through the function `crm_fold` that `register_sqlite`
  installs on each connection (the engine's connect event).
- PostgreSQL has no Python: `lower`, then `translate` and `replace` with a table computed
  here from `fold` over the Latin letters (accents, ligatures, capitals), combining marks and
  apostrophes, which `fold` deletes. No extension (`unaccent`) and no migration needed.

The two agree on whether a folded word occurs in a text: a typed word holds only letters and
digits, and the only characters the table leaves unlike `fold` are punctuation and spaces
(`fold` makes those spaces), which a word never spans either way.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

import sqlalchemy as sa
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.sql.functions import FunctionElement

from crm.domain.text import fold

__all__ = ["SQLITE_FUNCTION", "folded", "register_sqlite"]

SQLITE_FUNCTION = "crm_fold"

# Latin-1 Supplement, Latin Extended-A, Latin Extended Additional, the combining marks
# (decomposed input), and the apostrophe-like characters `fold` removes.
_RANGES = (range(0xC0, 0x180), range(0x1E00, 0x1F00), range(0x300, 0x370))
_EXTRA = "'`´‘’ʼ′"


def _table() -> tuple[str, str, str, tuple[tuple[str, str], ...]]:
    """(from, to, deleted, replacements): what `fold` does to each character, for SQL."""
    single: dict[str, str] = {}
    deleted: list[str] = []
    multiple: dict[str, str] = {}
    for char in [chr(c) for r in _RANGES for c in r] + list(_EXTRA):
        alone = fold(f"a{char}b")  # the letters around show whether it is deleted or a space
        if alone == "ab":
            deleted.append(char)
        elif alone.startswith("a") and alone.endswith("b") and " " not in alone:
            inner = alone[1:-1]
            if inner == char or not (inner.isascii() and inner.isalnum()):
                continue
            (single if len(inner) == 1 else multiple)[char] = inner
    return "".join(single), "".join(single.values()), "".join(deleted), tuple(multiple.items())


_FROM, _TO, _DELETED, _REPLACEMENTS = _table()


class folded(FunctionElement[str]):  # lower case, like the SQL functions it stands beside
    """`fold(x)` in SQL (see the module docstring); NULL stays NULL."""

    type = sa.String()
    inherit_cache = True


@compiles(folded)
def _folded_default(element: folded, compiler: Any, **kw: Any) -> str:
    return f"{SQLITE_FUNCTION}({compiler.process(element.clauses, **kw)})"


# What the table does to ASCII text: deletes the apostrophes (all its other characters are
# outside ASCII, and so are the ligatures it replaces).
_ASCII_FROM = "".join(c for c in _FROM if c.isascii())
_ASCII_TO = "".join(t for c, t in zip(_FROM, _TO, strict=True) if c.isascii())
_ASCII_DELETED = "".join(c for c in _DELETED if c.isascii())


# Raw text columns the list filters fold, which PostgreSQL keeps folded in a stored
# generated column `<column>_pg_folded` (migration 0006): reading those is a plain LIKE,
# where folding in the query cost ~100 µs a row (4 s for a follow-up filter at 100k).
STORED_ON_POSTGRESQL = frozenset(
    {
        ("organizations", "city"),
        ("introductions", "title"),
        ("followups", "title"),
        ("events", "name"),
        ("events", "city"),
    }
)


def stored_name(column: str) -> str:
    return f"{column}_pg_folded"


def postgresql_fold(column: sa.ColumnElement[Any]) -> sa.ColumnElement[Any]:
    """`fold(column)` in PostgreSQL's own functions (all immutable: fit for a stored column)."""
    lowered = sa.func.lower(column)
    # `translate` deletes the characters of `from` that have no counterpart in `to`.
    expression: sa.ColumnElement[Any] = sa.func.translate(
        lowered, sa.literal(_FROM + _DELETED), sa.literal(_TO)
    )
    for char, text in _REPLACEMENTS:
        expression = sa.func.replace(expression, sa.literal(char), sa.literal(text))
    # `translate` looks each character up in its whole `from` (400 characters): ASCII text
    # (one byte a character) needs only the few ASCII characters of the table.
    ascii_only = sa.func.octet_length(column) == sa.func.length(column)
    plain = sa.func.translate(
        lowered, sa.literal(_ASCII_FROM + _ASCII_DELETED), sa.literal(_ASCII_TO)
    )
    return sa.case((ascii_only, plain), else_=expression)


@compiles(folded, "postgresql")
def _folded_postgresql(element: folded, compiler: Any, **kw: Any) -> str:
    (column,) = element.clauses
    table = getattr(column, "table", None)
    name = getattr(getattr(table, "element", table), "name", None)
    if (name, getattr(column, "name", None)) in STORED_ON_POSTGRESQL:
        stored: sa.ColumnClause[str] = sa.ColumnClause(stored_name(column.name), _selectable=table)
        return str(compiler.process(stored, **kw))
    return str(compiler.process(postgresql_fold(column), **kw))


# Typing in a filter box runs the same scan once per key stroke over the same texts: cached,
# a warm scan costs what `lower(x)` does (~30 ms at 50,000 follow-ups instead of ~250 ms).
_fold_cached = lru_cache(maxsize=1 << 16)(fold)


def _fold_or_null(text: str | None) -> str | None:
    return None if text is None else _fold_cached(text)


def register_sqlite(dbapi_connection: Any) -> None:
    """Install `crm_fold` on one SQLite connection (deterministic: same text, same fold)."""
    dbapi_connection.create_function(SQLITE_FUNCTION, 1, _fold_or_null, deterministic=True)
