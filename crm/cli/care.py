"""`crm backup`, `crm restore` and `crm check [--repair]`: the care of the database, over
`crm.services.maintenance`. `restore_file` restores a file without opening it first (it may
be the broken one); `main` calls it before the database is opened.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from crm.cli.common import actor_id, err

if TYPE_CHECKING:
    from crm.db.database import Database


def add_commands(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    backup = commands.add_parser("backup", help="write a consistent copy of the database")
    backup.add_argument(
        "--out", type=Path, metavar="FILE", help="backup file (default: the backups folder)"
    )

    restore = commands.add_parser(
        "restore", help="replace the data with a backup (a safety copy is made first)"
    )
    restore.add_argument("file", type=Path)

    check = commands.add_parser("check", help="check the integrity of the database")
    check.add_argument("--repair", action="store_true", help="rebuild the search index")


def cmd_backup(db: Database, args: argparse.Namespace) -> int:
    from crm.services.maintenance import backup, damage

    if damage.damage_of(db):  # say why there is no backup before anything else
        raise damage.damaged_error(db.display_name, damage.damage_of(db), doing="backup")
    path = backup.backup(db, args.out, actor_id=actor_id(db, args.user))
    print(f"Backup written: {path} (recorded in the export log).")
    return 0


def cmd_restore(db: Database, args: argparse.Namespace) -> int:
    import os

    from crm.services.maintenance import restore

    restored = restore.restore(db, args.file, user=args.user or os.environ.get("CRM_USER"))
    print(restored_text(restored))
    return 0


def restored_text(restored: object) -> str:
    from crm.services.maintenance.restore import Restored

    assert isinstance(restored, Restored)
    text = f"Restored {restored.where} from {restored.source} (recorded in its audit trail)."
    if restored.safety is None:
        return text
    how = "could not be read as a database and was moved" if restored.moved_aside else "was saved"
    return f"{text} The previous content {how} to {restored.safety}."


def restore_file(path: Path, args: argparse.Namespace) -> int:
    """`crm restore` on a file, without opening the current one (it may be the broken one)."""
    import os

    from crm.db.engine import sqlite_url
    from crm.db.migrate import open_database
    from crm.domain.errors import DeskError
    from crm.services.maintenance import restore

    user = args.user or os.environ.get("CRM_USER")
    restored = restore.restore_file(path, args.file, user=user)  # an admin of the file only
    print(restored_text(restored))
    try:
        db = open_database(sqlite_url(path))
        try:
            restore.record_restore(db, restored, user)
        finally:
            db.close()
    except DeskError as exc:
        err(f"the restore is done, but it could not be recorded in the audit trail: {exc}")
        return 1
    return 0


def cmd_check(db: Database, args: argparse.Namespace) -> int:
    from crm.services.maintenance import health

    if args.repair:
        done = health.repair(db)
        if done.rebuilt is not None:
            print(
                f"Rebuilt {db.display_name} from what SQLite could read; the damaged file was kept as {done.rebuilt.safety}."
            )
        for line in done.schema:
            print(f"Schema: {line}.")
        print(f"Search index rebuilt: {done.search_entries:,} entries.")
    report = health.health(db)
    counts = ", ".join(f"{n:,} {kind}" for kind, n in report.counts.items())
    if report.healthy:
        print(f"{db.display_name} is healthy ({counts}).")
        return 0
    err(f"{db.display_name} has problems:")
    for problem in report.problems:
        print(f"  - {problem}", file=sys.stderr)
    if report.damaged:
        print(
            "It is read-only until repaired: run crm check --repair, or restore a backup "
            "(crm restore FILE).",
            file=sys.stderr,
        )
    elif report.schema:
        print("Run crm check --repair to remove what the desk did not make.", file=sys.stderr)
    return 1
