"""A damaged database is read-only until repaired: `protect` makes every write transaction
on its engine fail with the `crm check` verdict; the CLI calls `guard` before a command that
writes, and `health.health` protects what it finds damaged. Only `health.repair` (its
transactions carry `REPAIR_OPTION`) and a restore may then write.

SQLite's quick check reads the whole file (2.5 s at 100,000 contacts, ten times that at a
million): `guard` remembers a file it found sound, by its size and modification time and
those of its write-ahead log (`checked-files.json` in the user data folder), and does not
check it again while they are unchanged. `vouch` remembers the file again after a command
that found it sound and ended well: what the desk writes goes through SQLite's
transactions, which keep a sound file sound. A file changed by anything else (a copy, a
disk fault, an editor) has another size or time, so it is checked again.
"""

from __future__ import annotations

import json
import os
import sqlite3
import time
from pathlib import Path

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
    """Check a file quickly before a command that writes; protect it if it is damaged.
    A file found sound before and not changed since (see the module's note) is not read."""
    if db.path is None:
        return []
    stamp = _stamp(db.path)
    if stamp is not None and _checked().get(_key(db.path)) == stamp:
        db.engine._crm_found_sound = True  # type: ignore[attr-defined]
        return []
    try:
        with sqlite_file(db.path, read_only=True) as conn:
            problems = schema.integrity_problems(conn, quick=True)
    except sqlite3.Error:
        return []  # locked or unreadable: the command itself will say so
    if problems:
        protect(db, problems)
    else:
        db.engine._crm_found_sound = True  # type: ignore[attr-defined]
        _remember(db.path)
    return problems


def vouch(db: Database) -> None:
    """After a command that `guard` let through and that ended well, with the database
    closed: remember the file as it is now as sound (its changes were SQLite's own)."""
    if db.path is not None and getattr(db.engine, "_crm_found_sound", False):
        _remember(db.path)


_RACY_NS = 50_000_000


def _checked_path() -> Path:
    from platformdirs import user_data_path

    from crm.db.engine import APP_AUTHOR, APP_NAME

    return user_data_path(APP_NAME, APP_AUTHOR) / "checked-files.json"


def _key(path: Path) -> str:
    return os.path.realpath(path)


def _stamp(path: Path) -> list[int] | None:
    """Size and modification time (ns) of the file and of its write-ahead log, with the
    file's inode: what changes whenever anything writes to it."""
    try:
        main = os.stat(path)
    except OSError:
        return None
    try:
        wal = os.stat(f"{path}-wal")
        # Opening the file makes an empty log: the same content as no log at all.
        log = [wal.st_size, wal.st_mtime_ns] if wal.st_size else [0, 0]
    except OSError:
        log = [0, 0]
    return [main.st_ino, main.st_size, main.st_mtime_ns, *log]


def _checked() -> dict[str, list[int]]:
    try:
        found = json.loads(_checked_path().read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return found if isinstance(found, dict) else {}


def _remember(path: Path) -> None:
    stamp = _stamp(path)
    if stamp is None:
        return
    # File times tick coarsely (a few ms): a write in the same tick as the last one would
    # leave the same time. Remembered only once the clock is past that tick, so any later
    # write shows a later time.
    wait = _RACY_NS - (time.time_ns() - max(stamp[2], stamp[4]))
    if wait > 0:
        time.sleep(wait / 1e9)
        if _stamp(path) != stamp:
            return  # written meanwhile: checked again next time
    checked = _checked()
    checked[_key(path)] = stamp
    # A few recent files are enough: the desk's own and the ones just used.
    kept = dict(list(checked.items())[-20:])
    target = _checked_path()
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        partial = target.with_name(f".{target.name}.{os.getpid()}")
        partial.write_text(json.dumps(kept), encoding="utf-8")
        os.replace(partial, target)
    except OSError:
        pass  # not remembered: the next command checks the file again
