"""`crm check` and `crm check --repair`: integrity of the file and its schema (SQLite),
references and the search index; a repair rebuilds a damaged file from what SQLite can still
read, drops what the desk did not make, and rebuilds the search index.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import sqlalchemy as sa

from crm.db import schema
from crm.db.database import Database, open_error
from crm.db.engine import WRITE_OPTION, busy_timeout_ms
from crm.db.failures import failure_reason
from crm.db.models import RECORD_MODELS, SearchEntry
from crm.domain.errors import DeskError
from crm.services.maintenance.copies import (
    read_only_uri,
    sqlite_file,
    staged_beside,
    upgrade_copy,
)
from crm.services.maintenance.damage import REPAIR_OPTION, protect, unprotect
from crm.services.maintenance.restore import Restored, swap_in

INDEXED_KINDS = ("organization", "contact", "introduction", "event", "followup", "interaction")


@dataclass
class Health:
    counts: dict[str, int] = field(default_factory=dict)
    problems: list[str] = field(default_factory=list)
    damaged: list[str] = field(default_factory=list)  # SQLite's integrity verdict
    schema: list[schema.Difference] = field(default_factory=list)

    @property
    def healthy(self) -> bool:
        return not self.problems


def _raw(session: Any) -> sqlite3.Connection:
    raw = session.connection().connection.dbapi_connection
    assert isinstance(raw, sqlite3.Connection)
    return raw


def health(db: Database) -> Health:
    """Integrity of the file and its schema (SQLite), references, and the search index.

    A file SQLite finds damaged is protected: read-only until repaired or restored.
    """
    report = Health()
    try:
        with db.read() as session:
            conn = session.connection()
            if db.is_sqlite:
                raw = _raw(session)
                report.damaged = schema.integrity_problems(raw)
                report.problems.extend(f"integrity: {line}" for line in report.damaged)
                report.problems.extend(schema.broken_references(raw))
                report.schema = schema.differences(schema.schema_of(raw))
                report.problems.extend(f"schema: {d}" for d in report.schema)
                # FTS5 checks itself through an INSERT, which needs the write lock for an
                # instant: never wait for it (a check only reads), say it was skipped instead.
                conn.exec_driver_sql("PRAGMA busy_timeout=0")
                try:
                    conn.exec_driver_sql(
                        "INSERT INTO search_fts(search_fts, rank) VALUES ('integrity-check', 1)"
                    )
                except sa.exc.DBAPIError as exc:
                    if failure_reason(exc) == "locked":
                        report.problems.append(
                            "search index: not checked, another program is writing to the "
                            "database; run crm check again when it is done"
                        )
                    else:
                        report.problems.append(f"search index: {exc.orig}")
                finally:
                    conn.exec_driver_sql(f"PRAGMA busy_timeout={busy_timeout_ms()}")
            for kind, model in RECORD_MODELS.items():
                live = session.scalar(sa.select(sa.func.count()).where(model.deleted_at.is_(None)))
                report.counts[kind] = int(live or 0)
            for kind in INDEXED_KINDS:
                indexed = session.scalar(sa.select(sa.func.count()).where(SearchEntry.kind == kind))
                if indexed != report.counts[kind]:
                    report.problems.append(
                        f"search index: {indexed} {kind} entries for {report.counts[kind]} records "
                        "(run crm check --repair)"
                    )
            session.rollback()
    except (sa.exc.DBAPIError, sqlite3.Error) as exc:
        report.problems.append(open_error(exc, db.display_name).message)
        orig = getattr(exc, "orig", exc)
        if isinstance(orig, sqlite3.Error) and schema.is_damage(orig):
            report.damaged.append(str(orig))
    if report.damaged:
        protect(db, report.damaged)
    return report


def check(db: Database) -> list[str]:
    return health(db).problems


@dataclass(frozen=True)
class Repair:
    schema: list[str]
    rebuilt: Restored | None  # the file rebuilt from what SQLite could read, old one kept
    search_entries: int


def repair(db: Database) -> Repair:
    """Rebuild a damaged file from what SQLite can still read, drop what the desk did not
    make, re-create its own objects, and rebuild the search index.

    Rows lost to a damaged table page cannot come back this way: the rebuild is refused and
    a restore is the remedy. On a damaged file, only this repair may write.
    """
    from crm.services import indexing

    rebuilt = _rebuild_damaged_file(db) if db.path is not None else None
    done: list[str] = []
    engine = db.engine.execution_options(**{WRITE_OPTION: True, REPAIR_OPTION: True})
    if db.is_sqlite:
        with engine.begin() as conn:
            raw = conn.connection.dbapi_connection
            assert isinstance(raw, sqlite3.Connection)
            done = schema.repair(conn, schema.differences(schema.schema_of(raw)))
    with sa.orm.Session(engine) as session, session.begin():
        entries = indexing.rebuild(session)
    return Repair(done, rebuilt, entries)


def _copy_tables(source: Path, target: Path) -> None:
    """Every desk table's rows from `source` into the freshly migrated `target`, read by a
    plain scan (NOT INDEXED: a damaged index is never read; the target builds its own)."""
    skip = {"alembic_version"}
    with sqlite_file(target) as conn:
        conn.execute("ATTACH DATABASE ? AS src", (read_only_uri(source),))
        tables = [
            name for (kind, name) in schema.expected_schema()
            if kind == "table" and name not in skip and not name.startswith("search_fts")
        ]  # fmt: skip
        with conn:
            for table in tables:
                columns = ", ".join(
                    f'"{row[1]}"' for row in conn.execute(f'PRAGMA main.table_info("{table}")')
                )
                conn.execute(
                    f'INSERT INTO main."{table}" ({columns}) '
                    f'SELECT {columns} FROM src."{table}" NOT INDEXED'
                )
        conn.execute("DETACH DATABASE src")


def _rebuild_damaged_file(db: Database) -> Restored | None:
    """VACUUM INTO a staged file (tables are read, indexes rebuilt), then swap it in."""
    assert db.path is not None
    with sqlite_file(db.path, read_only=True) as conn:
        if not schema.integrity_problems(conn, quick=True):
            return None
    db.engine.dispose()
    where = str(db.path)
    with staged_beside(db.path) as staged:
        try:
            upgrade_copy(staged)
            _copy_tables(db.path, staged)
            with sqlite_file(staged) as conn:
                problems = schema.integrity_problems(conn)
        except sqlite3.DatabaseError as exc:
            problems = [str(exc)]
        if problems:
            text = "; ".join(problems[:5])
            raise DeskError(
                f"{where} cannot be repaired: SQLite cannot read all of it back ({text}). "
                "Nothing was changed; restore a backup (crm restore FILE).",
                code="repair.impossible",
                params={"where": where, "problems": text},
            )
        rebuilt = swap_in(db.path, staged, db.path, "damaged")
    unprotect(db)
    return rebuilt


def repair_search(db: Database, actor_id: int | None = None) -> int:
    return repair(db).search_entries
