"""A damaged database is read-only until repaired: `protect` makes every write transaction
on its engine fail with the `crm check` verdict; the CLI calls `guard` before a command that
writes, and `health.health` protects what it finds damaged. Only `health.repair` (its
transactions carry `REPAIR_OPTION`) and a restore may then write.
"""

from __future__ import annotations

import sqlite3

import sqlalchemy as sa

from crm.db import schema
from crm.db.database import Database
from crm.db.engine import WRITE_OPTION
from crm.domain.errors import DeskError
from crm.services.maintenance.copies import sqlite_file

REPAIR_OPTION = "crm_repair"


def damaged_error(where: str, problems: list[str], *, doing: str = "write") -> DeskError:
    text = "; ".join(problems[:5])
    if doing == "backup":
        return DeskError(
            f"{where} is damaged, so no backup was written (a damaged copy could take the place "
            f"of a good backup). crm check says: {text}. Restore a good backup (crm restore FILE) "
            "or repair it (crm check --repair).",
            code="backup.damaged",
            params={"where": where, "problems": text},
        )
    if doing == "open":
        return DeskError(
            f"{where} is damaged: it is read-only until repaired. crm check says: {text}. "
            "Restore a backup (crm restore FILE) or run crm check --repair.",
            code="database.damaged_found",
            params={"where": where, "problems": text},
        )
    return DeskError(
        f"{where} is damaged: it is read-only until repaired, and nothing was written. "
        f"crm check says: {text}. Restore a backup (crm restore FILE) or run crm check --repair.",
        code="database.damaged_read_only",
        params={"where": where, "problems": text},
    )


def protect(db: Database, problems: list[str]) -> None:
    """From now on, refuse every write transaction on `db` (repairs excepted) with `problems`."""
    if getattr(db.engine, "_crm_damaged", None) is not None:
        db.engine._crm_damaged = problems  # type: ignore[attr-defined]
        return
    db.engine._crm_damaged = problems  # type: ignore[attr-defined]

    def refuse(conn: sa.Connection) -> None:
        options = conn.get_execution_options()
        found = damage_of(db)
        if found and options.get(WRITE_OPTION) and not options.get(REPAIR_OPTION):
            raise damaged_error(db.display_name, found)

    # Inserted first, so the refusal comes before SQLite's BEGIN IMMEDIATE takes the lock.
    sa.event.listen(db.engine, "begin", refuse, insert=True)


def unprotect(db: Database) -> None:
    if getattr(db.engine, "_crm_damaged", None) is not None:
        db.engine._crm_damaged = []  # type: ignore[attr-defined]


def damage_of(db: Database) -> list[str]:
    """What a protected database was found to suffer from ([] when it is not protected)."""
    return list(getattr(db.engine, "_crm_damaged", None) or [])


def guard(db: Database) -> list[str]:
    """Check a file quickly before a command that writes; protect it if it is damaged."""
    if db.path is None:
        return []
    try:
        with sqlite_file(db.path, read_only=True) as conn:
            problems = schema.integrity_problems(conn, quick=True)
    except sqlite3.Error:
        return []  # locked or unreadable: the command itself will say so
    if problems:
        protect(db, problems)
    return problems
