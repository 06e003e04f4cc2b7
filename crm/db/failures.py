"""Environmental failures told apart from bugs: the one place that reads driver errors.

SQLite (by its result code), PostgreSQL (by its SQLSTATE) and the operating system (by errno)
say "locked", "disk full", "read-only", "damaged" or "server gone" in their own ways;
`failure_reason` turns any of them into one word, and `storage_failure` into a `StorageFailure`
whose sentence says what happened and what to do. Anything else is a bug and stays one
(`None`): callers re-raise it. The CLI's one handler and `Database.read/write` use this, so
the window and the commands say the same thing. (Habit of qutebrowser's `misc/sql.py`.)
"""

from __future__ import annotations

import errno
import os
import sqlite3
from pathlib import Path

import sqlalchemy as sa

from crm.domain.errors import StorageFailure

# SQLite primary result codes (the low byte of the extended code).
_SQLITE = {
    5: "locked",  # SQLITE_BUSY
    6: "locked",  # SQLITE_LOCKED
    8: "read_only",  # SQLITE_READONLY
    10: "io",  # SQLITE_IOERR (EFBIG and EIO arrive here)
    11: "damaged",  # SQLITE_CORRUPT
    13: "disk_full",  # SQLITE_FULL
    14: "cannot_open",  # SQLITE_CANTOPEN
    26: "damaged",  # SQLITE_NOTADB
}
# PostgreSQL SQLSTATE codes and classes.
_SQLSTATE = {
    "55P03": "locked",  # lock_not_available (lock_timeout)
    "40P01": "locked",  # deadlock_detected
    "40001": "locked",  # serialization_failure (a snapshot transaction met another's change)
    "53100": "disk_full",
    "25006": "read_only",  # read_only_sql_transaction (a standby server)
    "XX001": "damaged",  # data_corrupted
    "XX002": "damaged",  # index_corrupted
}
_SQLSTATE_CLASSES = {"08": "unreachable", "57": "unreachable", "53": "disk_full", "58": "io"}
_ERRNO = {
    errno.ENOSPC: "disk_full",
    errno.EDQUOT: "disk_full",
    errno.EFBIG: "disk_full",
    errno.EROFS: "read_only",
    errno.EACCES: "read_only",
    errno.EPERM: "read_only",
    errno.EIO: "io",
}


def _driver_error(exc: BaseException) -> BaseException:
    if isinstance(exc, sa.exc.DBAPIError) and isinstance(exc.orig, BaseException):
        return exc.orig
    return exc


def failure_reason(exc: BaseException) -> str | None:
    """ "locked", "disk_full", "read_only", "damaged", "io", "cannot_open", "unreachable", or
    None when `exc` is not an environmental failure (a bug, a constraint, a typo in SQL)."""
    orig = _driver_error(exc)
    if isinstance(orig, sqlite3.Error):
        code = getattr(orig, "sqlite_errorcode", None)
        if code is not None:
            return _SQLITE.get(code & 0xFF)
        return _reason_from_text(str(orig))
    if isinstance(orig, OSError):
        return _ERRNO.get(orig.errno or 0, "io" if orig.errno else None)
    sqlstate = getattr(orig, "sqlstate", None)
    if sqlstate:
        return _SQLSTATE.get(sqlstate) or _SQLSTATE_CLASSES.get(sqlstate[:2])
    if type(orig).__module__.startswith("psycopg") and type(orig).__name__ == "OperationalError":
        return "unreachable"  # a connection lost or refused carries no SQLSTATE
    if isinstance(exc, sa.exc.DBAPIError) and exc.connection_invalidated:
        return "unreachable"
    return None


def _reason_from_text(text: str) -> str | None:
    text = text.lower()
    for words, reason in (
        (("locked", "busy"), "locked"),
        (("disk is full", "disk full"), "disk_full"),
        (("readonly", "read-only"), "read_only"),
        (("malformed", "not a database", "corrupt"), "damaged"),
        (("disk i/o",), "io"),
    ):
        if any(w in text for w in words):
            return reason
    return None


def storage_failure(exc: BaseException, where: str, holder: str = "") -> StorageFailure | None:
    """The sentence for an environmental failure at `where` (a database or file), or None.

    An OSError names its own file, which wins over `where` (a backup's target, an export).
    `holder` says who holds a lock, when the caller could ask the server.
    """
    reason = failure_reason(exc)
    if reason is None:
        return None
    orig = _driver_error(exc)
    if isinstance(orig, OSError):
        where = str(orig.filename or where)
        detail = orig.strerror or str(orig)
    else:
        detail = str(orig).strip() or orig.__class__.__name__
    return StorageFailure(
        _sentence(reason, where, detail, holder), reason=reason, where=where, detail=detail
    )


def _sentence(reason: str, where: str, detail: str, holder: str = "") -> str:
    if reason == "locked":
        if not holder and where and "://" not in where:
            holder = lock_holder(Path(where))
        by = f" ({holder})" if holder else " (another program, or another desk window or command)"
        return f"{where} is busy: it is being written by someone else{by}. Try again in a moment."
    if reason == "disk_full":
        return (
            f"The disk holding {where} is full, or the file reached the size this system "
            "allows. Free some space and try again."
        )
    if reason == "read_only":
        return f"{where} cannot be written: the file, its folder or the disk is read-only."
    if reason == "damaged":
        return (
            f"{where} is damaged ({detail}). Run `crm check` to see what is wrong, and "
            "`crm restore BACKUP` to go back to a good backup."
        )
    if reason == "cannot_open":
        return (
            f"{where} cannot be opened ({detail}): check that it and its folder exist and that "
            "you may read and write them."
        )
    if reason == "unreachable":
        return f"Lost the connection to the team database {where} ({detail}). Check the network and try again."
    return (
        f"Writing {where} failed ({detail}): the disk may be full, over this system's file "
        "size limit, or failing. Free some space and try again, then run `crm check`."
    )


def lock_holder(path: Path) -> str:
    """Which process holds the write lock on the SQLite file `path`, when Linux tells us.

    SQLite's write lock is a POSIX lock: on byte 120 of the `-shm` file in WAL mode, on the
    RESERVED byte (0x40000001) of the database file otherwise; /proc/locks lists both.
    """
    try:
        targets: dict[int, int] = {}
        for file, byte in ((Path(f"{path}-shm"), 120), (path, 0x40000001)):
            if file.exists():
                targets[file.stat().st_ino] = byte
        if not targets:
            return ""
        with open("/proc/locks", encoding="ascii") as handle:
            lines = handle.read().splitlines()
    except OSError:
        return ""
    for line in lines:
        parts = line.split()
        # "1: POSIX  ADVISORY  WRITE 1234 08:01:5678 120 120"
        if len(parts) < 8 or parts[1] != "POSIX" or parts[3] != "WRITE":
            continue
        try:
            pid, inode = int(parts[4]), int(parts[5].rsplit(":", 1)[1])
            start, end = int(parts[6]), parts[7]
        except ValueError:
            continue
        wanted = targets.get(inode)
        if wanted is None or pid == os.getpid():
            continue
        byte = wanted
        if start <= byte and (end == "EOF" or byte <= int(end)):
            return f"process {pid}{_program(pid)}"
    return ""


def _program(pid: int) -> str:
    try:
        raw = Path(f"/proc/{pid}/cmdline").read_bytes()
    except OSError:
        return ""
    words = [w.decode(errors="replace") for w in raw.split(b"\0") if w]
    if not words:
        return ""
    name = " ".join(" ".join([Path(words[0]).name, *words[1:4]]).split())
    return f": {name[:80]}"


# Sessions holding a lock on a desk table (or an advisory lock), strongest first.
_PG_HOLDERS = """
SELECT a.pid, a.usename, a.application_name
FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid
LEFT JOIN pg_class c ON c.oid = l.relation
WHERE l.granted AND a.pid <> pg_backend_pid() AND a.datname = current_database()
  AND (l.locktype = 'advisory'
       OR (l.locktype = 'relation' AND l.mode <> 'AccessShareLock'
           AND c.relnamespace::regnamespace::text = ANY (current_schemas(false))))
ORDER BY CASE l.mode WHEN 'AccessExclusiveLock' THEN 0 WHEN 'ExclusiveLock' THEN 1 ELSE 2 END,
         a.xact_start
LIMIT 1
"""


def pg_lock_holder(engine: sa.Engine) -> str:
    """Who holds a lock on the team database's desk tables ("" when the server won't say)."""
    try:
        with engine.connect() as conn:
            row = conn.exec_driver_sql(_PG_HOLDERS).first()
    except Exception:  # a hint for the message, never a second failure
        return ""
    if row is None:
        return ""
    program = row.application_name or "a program"
    return f"{program}, user {row.usename}, server process {row.pid}"
