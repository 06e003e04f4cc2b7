"""What an SQLite desk file should hold, and how a given file differs from it.

The reference is the schema the migrations make (built once per process in memory), read
from `sqlite_master`: every table, index, trigger and view with its SQL. A backup or a
database with anything else (a trigger that rewrites emails on insert, a view, a table the
desk never made) or with one of the desk's objects rewritten is not a desk database as this
program knows it: restore refuses it and `crm check` reports it (`--repair` puts it right).
SQLite's own objects (`sqlite_sequence`, `sqlite_stat1`, automatic indexes) are left out;
the full-text index's shadow tables are part of the reference, so they are expected.

These functions take a plain `sqlite3` connection so that they work on a file that the
normal opening path refuses (damaged, newer, foreign), without modifying it.
"""

from __future__ import annotations

import functools
import sqlite3
from dataclasses import dataclass

import sqlalchemy as sa
from sqlalchemy.pool import StaticPool

# Drop order for repairs: what depends on tables goes first.
TYPES = ("trigger", "view", "index", "table")


@dataclass(frozen=True)
class Difference:
    """One schema object that is not as the migrations make it."""

    kind: str  # "unknown" | "missing" | "changed"
    type: str  # table | index | trigger | view
    name: str

    def __str__(self) -> str:
        if self.kind == "unknown":
            return f"unknown {self.type} '{self.name}' (not made by the desk)"
        if self.kind == "missing":
            return f"missing {self.type} '{self.name}'"
        return f"{self.type} '{self.name}' differs from the desk's"


Schema = dict[tuple[str, str], str]


def normalized(sql: str | None) -> str:
    return " ".join((sql or "").split())


def schema_of(conn: sqlite3.Connection) -> Schema:
    """{(type, name): normalized SQL} of a connection's main database, SQLite's own left out."""
    rows = conn.execute(
        "SELECT type, name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite\\_%' ESCAPE '\\'"
    ).fetchall()
    return {(kind, name): normalized(sql) for kind, name, sql in rows}


@functools.cache
def expected_schema() -> Schema:
    """The schema of a database freshly made by the migrations (in memory, built once)."""
    from alembic import command

    from crm.db.engine import make_engine
    from crm.db.migrate import alembic_config

    engine = make_engine("sqlite://", poolclass=StaticPool)
    try:
        with engine.begin() as conn:
            command.upgrade(alembic_config(conn), "head")
        with engine.connect() as conn:
            raw = conn.connection.dbapi_connection
            assert isinstance(raw, sqlite3.Connection)
            return schema_of(raw)
    finally:
        engine.dispose()


def differences(actual: Schema, expected: Schema | None = None) -> list[Difference]:
    """What `actual` holds that the desk does not make, lacks, or holds rewritten."""
    expected = expected_schema() if expected is None else expected
    found = [Difference("unknown", t, n) for t, n in actual.keys() - expected.keys()]
    found += [Difference("missing", t, n) for t, n in expected.keys() - actual.keys()]
    found += [
        Difference("changed", t, n)
        for (t, n), sql in actual.items()
        if (t, n) in expected and expected[t, n] != sql
    ]
    return sorted(found, key=lambda d: (TYPES.index(d.type) if d.type in TYPES else 9, d.name))


def integrity_problems(
    conn: sqlite3.Connection, *, quick: bool = False, limit: int = 20
) -> list[str]:
    """SQLite's own verdict on the file: [] when it is sound."""
    pragma = "quick_check" if quick else "integrity_check"
    try:
        verdict = [row[0] for row in conn.execute(f"PRAGMA {pragma}({limit})")]
    except sqlite3.DatabaseError as exc:
        if not is_damage(exc):
            raise  # locked, unreadable, I/O: not a verdict on the file's content
        return [str(exc)]
    if verdict == ["ok"]:
        return []
    lines = [line.strip() for row in verdict for line in str(row).splitlines()]
    return [line for line in lines if line and not line.startswith("***")]


def is_damage(exc: sqlite3.Error) -> bool:
    """SQLITE_CORRUPT or SQLITE_NOTADB: the file's content is wrong, not its surroundings."""
    code = getattr(exc, "sqlite_errorcode", None)
    text = str(exc).lower()
    return code in (11, 26) or "malformed" in text or "not a database" in text


def broken_references(conn: sqlite3.Connection, *, limit: int = 20) -> list[str]:
    try:
        rows = conn.execute("PRAGMA foreign_key_check").fetchmany(limit)
    except sqlite3.DatabaseError as exc:
        return [str(exc)]
    return [
        f"broken reference in {table} row {rowid} to {parent}" for table, rowid, parent, *_ in rows
    ]


def revision_of(conn: sqlite3.Connection) -> str | None:
    """The Alembic revision stored in the file, or None when it has none (not a desk file)."""
    try:
        row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
    except sqlite3.DatabaseError:
        return None
    return str(row[0]) if row else None


def repair(conn: sa.Connection, found: list[Difference]) -> list[str]:
    """Drop what the desk did not make and re-create its rewritten or missing triggers,
    views and indexes from the reference; returns what was done, in words.

    A table that differs or is missing cannot be rebuilt here without losing rows: it is left
    for a restore, and still reported by the next check.
    """
    expected = expected_schema()
    done: list[str] = []
    for diff in found:
        quoted = '"' + diff.name.replace('"', '""') + '"'
        if diff.kind in ("unknown", "changed") and (diff.kind == "unknown" or diff.type != "table"):
            conn.exec_driver_sql(f"DROP {diff.type.upper()} IF EXISTS {quoted}")
            done.append(f"dropped {diff.type} '{diff.name}'")
        if diff.kind in ("missing", "changed") and diff.type != "table":
            conn.exec_driver_sql(expected[diff.type, diff.name])
            done.append(f"re-created {diff.type} '{diff.name}'")
    return done
