"""A backup: a checked copy of the database, logged in the export log.

A backup is checked before it gets its name (a damaged database gets no backup, so a bad copy
never takes the place of a good one) and logged in the export log: it is a full copy of the
personal data leaving the database, which is what that log answers for (who, when, where).
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import sqlalchemy as sa

from crm.db import schema
from crm.db.database import Database
from crm.db.engine import sqlite_url
from crm.db.files import atomic_file
from crm.db.migrate import open_database
from crm.db.models import RECORD_MODELS, ExportLogEntry
from crm.domain.errors import DeskError
from crm.services.maintenance.copies import (
    backup_dir,
    copy_file,
    copy_rows,
    default_backup_path,
    prepare_folder,
    sqlite_file,
)
from crm.services.maintenance.damage import damage_of, damaged_error, protect


def backup(
    db: Database,
    out: Path | None = None,
    *,
    actor_id: int | None = None,
    replace: bool = False,
    log: bool = True,
) -> Path:
    """Write a checked copy of the database to `out` (default: a new name in the backups
    folder) and log it; the file appears only once whole, checked and logged."""
    target = Path(out) if out else default_backup_path(db)
    if target.exists() and not replace:
        raise DeskError(
            f"{target} already exists; nothing was written. Choose another name for the backup.",
            code="backup.exists",
            params={"file": str(target)},
        )
    if damage_of(db):
        raise damaged_error(db.display_name, damage_of(db), doing="backup")
    prepare_folder(target, ours=out is None or target.parent == backup_dir(db))
    with atomic_file(target) as staged:
        if db.path is not None:
            copy_file(db.path, staged)
        else:
            copy = open_database(sqlite_url(staged))
            try:
                with db.engine.connect() as source, copy.write() as session:
                    copy_rows(source, session.connection())
            finally:
                copy.close()
        with sqlite_file(staged) as conn:
            problems = schema.integrity_problems(conn)
        if problems:
            protect(db, problems)
            raise damaged_error(db.display_name, problems, doing="backup")
        if log:
            _log_backup(db, actor_id, target, staged)
    return target


def _log_backup(db: Database, actor_id: int | None, target: Path, staged: Path) -> None:
    """One export-log entry per backup, committed before the file takes its name."""
    with db.write() as session:
        total = sum(
            int(session.scalar(sa.select(sa.func.count()).select_from(model)) or 0)
            for model in RECORD_MODELS.values()
        )
        session.add(
            ExportLogEntry(
                user_id=actor_id,
                entity="backup",
                filter=json.dumps({"backup_of": db.display_name}, ensure_ascii=False),
                row_count=total,
                sha256=_sha256(staged),
                file_name=str(target.absolute()),
                included_without_consent=True,
            )
        )


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        while block := handle.read(1 << 20):
            digest.update(block)
    return digest.hexdigest()
