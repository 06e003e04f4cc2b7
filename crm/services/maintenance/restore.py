"""A restore: a verified backup put in the place of the data, the old content kept aside.

A restore is a verified copy: the backup is read through the backup API from the file opened
read-only (its `-wal` included, the user's file untouched) into a hidden staged file beside
the target, checked (SQLite integrity, references, a known schema version, no object the
migrations do not make), and only then swapped in. It never opens the current database
through the normal path, so it is also the remedy for a file that cannot be opened.
"""

from __future__ import annotations

import contextlib
import dataclasses
import json
import os
import sqlite3
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import sqlalchemy as sa

from crm.db import schema, tables
from crm.db.base import table_of
from crm.db.database import Database, check_sqlite_file
from crm.db.engine import make_engine, sqlite_url
from crm.db.files import atomic_file, make_private, private_dir
from crm.db.migrate import HEAD, known_revisions
from crm.db.models import AuditEntry, ExportLogEntry, ExportLogRecord
from crm.domain.enums import Role
from crm.domain.errors import DatabaseOpenError, DeskError
from crm.services.export_log import record_named
from crm.services.maintenance.backup import backup
from crm.services.maintenance.copies import (
    SIDE_FILES,
    backup_dir,
    copy_file,
    copy_rows,
    read_only_uri,
    reset_sequences,
    safety_copy_path,
    sqlite_file,
    staged_beside,
    upgrade_copy,
)
from crm.services.maintenance.damage import unprotect
from crm.services.privacy import roles


@dataclass(frozen=True)
class Restored:
    """What a restore did: into where, from which file, and where the old content went."""

    where: str
    source: Path
    safety: Path | None  # None when there was no database there before
    moved_aside: bool = False  # the old file could not be read as a database: moved, not copied
    # The replaced database's export log: files that left the desk stay on record.
    export_log: tuple[dict[str, Any], ...] = ()


def _not_restored(source: Path, where: str, code: str, why: str, **params: str) -> DeskError:
    return DeskError(
        f"{source} was not restored: {why} Nothing was changed in {where}.",
        code=f"restore.{code}",
        params={"source": str(source), "where": where, **params},
    )


def _check_source(source: Path, where: str) -> None:
    if not source.is_file():
        raise _not_restored(source, where, "missing", "it does not exist or is not a file.")
    try:
        check_sqlite_file(source)
    except DatabaseOpenError:
        raise _not_restored(
            source, where, "not_sqlite", "it is not a desk backup (not an SQLite file)."
        ) from None


def verify_staged(staged: Path, source: Path, where: str) -> None:
    """Bring the staged copy to this program's schema and refuse it unless it is sound."""
    with sqlite_file(staged) as conn:
        problems = schema.integrity_problems(conn)
        if problems:
            text = "; ".join(problems[:5])
            raise _not_restored(source, where, "damaged", f"it is damaged ({text}).", problems=text)
        revision = schema.revision_of(conn)
    if revision is None:
        raise _not_restored(source, where, "not_desk", "it holds no desk schema.")
    if revision != HEAD:
        if revision not in known_revisions():
            raise _not_restored(
                source, where, "newer",
                f"it was written by a newer version of the desk (schema {revision}); "
                "update the program to restore it.",
                revision=revision,
            )  # fmt: skip
        upgrade_copy(staged)
    with sqlite_file(staged) as conn:
        found = schema.differences(schema.schema_of(conn))
        if found:
            text = "; ".join(str(d) for d in found[:10])
            raise _not_restored(
                source, where, "foreign_schema",
                f"it holds database objects the desk does not make, or has rewritten them, "
                f"which could change data behind its back: {text}.",
                problems=text,
                objects=";".join(f"{d.kind}:{d.type}:{d.name}" for d in found[:10]),
            )  # fmt: skip
        broken = schema.broken_references(conn)
        if broken:
            text = "; ".join(broken[:5])
            raise _not_restored(source, where, "damaged", f"it is damaged ({text}).", problems=text)


def restore_file(path: Path, source: Path, *, user: str | None = None) -> Restored:
    """Replace the SQLite file at `path` with the verified content of the backup `source`.

    The current file is never opened through the normal path: a damaged, foreign or newer
    file is kept as the safety copy all the same (copied when SQLite can read it, otherwise
    moved aside with its side files). `user` (default: the login name) must be one of its
    admins, when it can be read (`_require_admin_of_file`).
    """
    path, source = Path(path).absolute(), Path(source)
    where = str(path)
    _require_admin_of_file(path, user)
    _check_source(source, where)
    if not path.parent.is_dir():
        raise _not_restored(source, where, "missing", f"the folder {path.parent} does not exist.")
    with staged_beside(path) as staged:
        _stage(source, staged, where)
        kept = _export_log_rows(path)
        restored = swap_in(path, staged, source)
    return dataclasses.replace(restored, export_log=kept)


def _stage(source: Path, staged: Path, where: str) -> None:
    """Read the backup (WAL included) into the staged file and verify it there."""
    try:
        copy_file(source, staged)
    except sqlite3.DatabaseError as exc:
        raise _not_restored(
            source, where, "damaged", f"it cannot be read ({exc}).", problems=str(exc)
        ) from exc
    verify_staged(staged, source, where)


def _export_log_query() -> sa.Select[Any]:
    from crm.db.models import StaffUser

    e = table_of(ExportLogEntry)
    columns = [c for c in e.c if c.name != "id"]
    return (
        sa.select(*columns, StaffUser.name.label("user_name"))
        .outerjoin(StaffUser, StaffUser.id == e.c.user_id)
        .order_by(e.c.id)
    )


def _export_log_entries(conn: sa.Connection) -> tuple[dict[str, Any], ...]:
    """The export log's entries as dicts, each with the records its file named ("records":
    [(uid, kind)]; none from a database older than that table)."""
    entries = tuple(dict(row) for row in conn.execute(_export_log_query()).mappings())
    named: dict[str, list[tuple[str, str]]] = {}
    if "export_log_records" in sa.inspect(conn).get_table_names():
        e, r = table_of(ExportLogEntry), table_of(ExportLogRecord)
        query = sa.select(e.c.uid, r.c.record_uid, r.c.entity).join(r, r.c.export_id == e.c.id)
        for uid, record_uid, kind in conn.execute(query):
            named.setdefault(uid, []).append((record_uid, kind))
    for entry in entries:
        entry["records"] = named.get(entry["uid"], [])
    return entries


def _require_admin_of_file(path: Path, user: str | None) -> None:
    """Only an admin of the current file restores over it. A file that cannot be read (the
    damage a restore is the remedy for), has no staff user yet or predates roles is its
    owner's to restore: the check reads what it can, read-only, and lets the rest through."""
    from crm.services import staff

    if not path.exists():
        return
    name = user or staff.login_name()
    users = sa.table(
        "staff_users", sa.column("name"), sa.column("role"), sa.column("active"),
        sa.column("deleted_at"),
    )  # fmt: skip
    engine = sa.create_engine(
        "sqlite://", creator=lambda: sqlite3.connect(read_only_uri(path), uri=True)
    )
    try:
        with engine.connect() as conn:
            if conn.scalar(sa.select(sa.func.count()).select_from(users)) == 0:
                return
            row = conn.execute(
                sa.select(users.c.role, users.c.active, users.c.deleted_at).where(
                    sa.func.lower(users.c.name) == name.lower()
                )
            ).first()
    except (sa.exc.SQLAlchemyError, ValueError):
        return
    finally:
        engine.dispose()
    if row is None or row.role != Role.ADMIN or not row.active or row.deleted_at is not None:
        raise roles.refusal(name, Role.ADMIN, "restore")


def _require_admin_of_server(db: Database, user: str | None) -> None:
    from crm.services import users

    with db.read() as session:
        me = users.acting(session, user)
        roles.require(session, me.id if me is not None else None, Role.ADMIN, "restore")


def _export_log_rows(path: Path) -> tuple[dict[str, Any], ...]:
    """The export log of the file about to be replaced, read-only; () when it cannot be read."""
    if not path.exists():
        return ()
    engine = sa.create_engine(
        "sqlite://", creator=lambda: sqlite3.connect(read_only_uri(path), uri=True)
    )
    try:
        with engine.connect() as conn:
            return _export_log_entries(conn)
    except (sa.exc.SQLAlchemyError, ValueError):
        return ()  # damaged, foreign or newer: its log stays in the safety copy
    finally:
        engine.dispose()


def swap_in(path: Path, staged: Path, source: Path, label: str = "before-restore") -> Restored:
    """Put a verified staged file in the place of `path`, its old content kept aside."""
    where = str(path)
    if not path.exists():
        os.replace(staged, path)
        return Restored(where, source, None)
    safety = safety_copy_path(path, label)
    private_dir(safety.parent)
    try:
        with atomic_file(safety) as copy:
            copy_file(path, copy)
    except sqlite3.DatabaseError:
        return _move_aside_and_swap(path, staged, safety, source)
    try:
        # Into the live file through SQLite itself: one transaction (all or nothing) that
        # other connections to the file see, WAL and all.
        copy_file(staged, path)
    except sqlite3.DatabaseError:
        return _replace_file(path, staged, safety, source)
    make_private(path)
    return Restored(where, source, safety)


def _move_aside_and_swap(path: Path, staged: Path, safety: Path, source: Path) -> Restored:
    """The current file is not a readable database: it becomes the safety copy as it is."""
    for suffix in ("", "-wal", "-journal"):
        if path.with_name(path.name + suffix).exists():
            os.replace(path.with_name(path.name + suffix), safety.with_name(safety.name + suffix))
    make_private(safety)
    with contextlib.suppress(FileNotFoundError):
        path.with_name(path.name + "-shm").unlink()
    os.replace(staged, path)
    return Restored(str(path), source, safety, moved_aside=True)


def _replace_file(path: Path, staged: Path, safety: Path, source: Path) -> Restored:
    """SQLite would not write into the current file (e.g. another page size under WAL); the
    safety copy holds its content, so its journal goes first (never left beside the new file)."""
    for suffix in SIDE_FILES:
        with contextlib.suppress(FileNotFoundError):
            path.with_name(path.name + suffix).unlink()
    os.replace(staged, path)
    return Restored(str(path), source, safety)


def restore(db: Database, source: Path, *, user: str | None = None) -> Restored:
    """Replace the database's content with a verified backup; then record who did it."""
    source = Path(source)
    if db.path is not None:
        db.engine.dispose()
        restored = restore_file(db.path, source, user=user)
    else:
        _require_admin_of_server(db, user)
        restored = _restore_server(db, source)
    unprotect(db)  # the damaged content is gone: what is there now was verified
    record_restore(db, restored, user)
    return restored


def _restore_server(db: Database, source: Path) -> Restored:
    """A team database: the verified backup's rows replace its rows in one transaction."""
    where = db.display_name
    _check_source(source, where)
    folder = private_dir(backup_dir(db))
    with staged_beside(folder / "restore.db") as staged:
        _stage(source, staged, where)
        safety = backup(db, safety_copy_path(None), log=False)
        with db.read() as session:
            kept = _export_log_entries(session.connection())
        copy = make_engine(sqlite_url(staged))
        try:
            with copy.connect() as src, db.write() as session:
                conn = session.connection()
                for table in reversed(tables.metadata.sorted_tables):
                    conn.execute(sa.delete(table))
                copy_rows(src, conn)
                reset_sequences(conn)
        finally:
            copy.dispose()
    return Restored(where, source, safety, export_log=kept)


def record_restore(db: Database, restored: Restored, user: str | None) -> None:
    """The restored database's audit trail says that it was restored, by whom, from what.

    The backup brought its own audit and export logs; this entry is the bridge to the ones
    now kept in the safety copy.
    """
    from crm.services import staff, users

    name = user or staff.login_name()
    with db.write() as session:
        me = users.by_name(session, name)
        kept = _carry_export_log(session, restored.export_log)
        session.add(
            AuditEntry(
                user_id=me.id if me is not None else None,
                action="restore",
                entity="database",
                record_id=None,
                changes=json.dumps(
                    {
                        "from": str(restored.source.absolute()),
                        "safety_copy": str(restored.safety) if restored.safety else "",
                        "moved_aside": restored.moved_aside,
                        "export_log_entries_kept": kept,
                        "by": name,
                    },
                    ensure_ascii=False,
                ),
            )
        )


def _carry_export_log(session: Any, rows: tuple[dict[str, Any], ...]) -> int:
    """Put back the replaced database's export-log entries that the backup does not hold:
    a file handed to a partner stays on record whatever the data became."""
    from crm.services import users

    known = set(session.scalars(sa.select(ExportLogEntry.uid)))
    missing = [dict(row) for row in rows if row["uid"] not in known]
    named = {row["uid"]: row.pop("records", []) for row in missing}
    for row in missing:
        user = users.by_name(session, row.pop("user_name") or "")
        row["user_id"] = user.id if user is not None else None
    if missing:
        session.execute(sa.insert(table_of(ExportLogEntry)), missing)
        query = sa.select(ExportLogEntry.uid, ExportLogEntry.id)
        ids = {uid: id_ for uid, id_ in session.execute(query.where(ExportLogEntry.uid.in_(named)))}
        for uid, records in named.items():
            record_named(session, ids[uid], dict(records))
    return len(missing)
