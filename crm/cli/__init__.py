"""The `crm` command: the desk's headless commands over the same services as the window.

    crm [--db PATH | --database-url URL] [--user NAME] COMMAND ...

Exit status: 0 success, 1 the data or the database refused, or the machine did (locked, disk
full, read-only, damaged: a sentence saying what was and was not written), 2 usage error,
130 interrupted by Ctrl-C (said the same way). See `main` and `open_mode`.

This module holds what every command goes through: the parser's common options, how the
database is opened (`open_mode`), and the one error handler (`run`). Each command lives in
the module of its area: `window` (gui), `demo`, `search`, `care` (backup, restore, check),
`users`, `exchange` (export, import), `move`, `merging` (duplicates, merge), `logs`
(history, exports), `privacy` (report, forget); `common` has `err` and `actor_id`.
Qt is imported only by `window`, inside the `gui` command, and the services only inside the
commands, so the other commands start fast.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from crm.cli import care, demo, exchange, logs, merging, move, privacy, search, users, window
from crm.cli.common import err

if TYPE_CHECKING:
    from crm.db.database import Database


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="crm",
        description="Cooperation desk: the BIOQuébec–MassBio CRM.",
        epilog="Without a command, the window opens (crm gui).",
    )
    where = parser.add_mutually_exclusive_group()
    where.add_argument(
        "--db",
        metavar="PATH",
        help="SQLite database file (default: CRM_DB, then the user data folder)",
    )
    where.add_argument(
        "--database-url",
        metavar="URL",
        help="team database, e.g. postgresql://user@host/crm (or CRM_DATABASE_URL)",
    )
    parser.add_argument(
        "--user", metavar="NAME", help="staff user acting (default: CRM_USER, then your login name)"
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    # The order here is the order of `crm --help`.
    for area in (window, demo, search, care, users, exchange, move, merging, logs, privacy):
        area.add_commands(commands)
    return parser


def open_mode(args: argparse.Namespace) -> str:
    """How the command opens the database: "read" never creates, upgrades or changes it (and
    never takes the write lock), "write" may upgrade an existing one, "create" may make one."""
    command = args.command or "gui"
    if command in ("search", "history", "exports", "duplicates"):
        return "read"
    if command == "backup":
        return "write"  # its export-log entry: a backup is a copy of the data leaving
    if command == "check":
        return "write" if args.repair else "read"
    if command == "users":
        return {"add": "create", "role": "write"}.get(args.users_command, "read")
    if command == "import":
        if args.entity == "undo":
            return "write"
        return "read" if args.dry_run else "create"
    if command in ("export", "move", "merge"):
        return "write"
    if command == "privacy":
        return "write" if args.privacy_command == "forget" else "read"
    return "create"  # gui, demo, restore


# What a command's unlabelled writes are, for "interrupted after ... was saved".
WORK = {
    "demo": "the demo data",
    "import": "the import",
    "export": "the export and its log entry",
    "check": "the rebuilt search index",
    "restore": "the restored data",
    "users": "the new staff user",
    "privacy": "the destruction",
    "gui": "a change",
}


def main(argv: Sequence[str] | None = None) -> int:
    """Run one command. Exit 0 done, 1 refused or failed (a sentence on stderr saying what was
    and was not written, never a traceback for locked, full, read-only or damaged storage),
    2 usage error, 130 interrupted by Ctrl-C (the sentence says what was already committed:
    a commit in progress when Ctrl-C comes is finished, never cut)."""
    parser = build_parser()
    args = parser.parse_args(argv)
    command = args.command or "gui"
    if command == "gui" and args.command is None:
        args.screenshot, args.page, args.lang = None, None, None

    from crm.db.engine import default_db_path, resolve_url, sqlite_url
    from crm.db.files import private_dir
    from crm.db.migrate import open_database
    from crm.domain.errors import DeskError

    if command == "gui":
        # Before any file is made: without a display, one sentence and nothing created.
        problem = window.start_application()
        if problem:
            print(problem, file=sys.stderr)
            return 1
    mode = open_mode(args)
    try:
        url = resolve_url(args.db, args.database_url)
        path = Path(url.removeprefix("sqlite:///")) if url.startswith("sqlite:///") else None
        if command == "restore" and path is not None:
            # The remedy for a file that cannot be opened must not need to open it.
            return care.restore_file(path, args)
        if path is not None and mode == "create" and url == sqlite_url(default_db_path()):
            # Only the default place is made for the user; a mistyped --db folder is an error.
            private_dir(path.parent)
        db = open_database(url, migrate=mode != "read", create=mode == "create")
    except (DeskError, ValueError, OSError) as exc:
        err(str(exc))
        if command == "gui" and args.screenshot is None and isinstance(exc, DeskError):
            window.tell_open_failure(exc, args.lang)
        return 1
    except KeyboardInterrupt:
        err("interrupted while opening the database; it was left as it was.")
        return 130
    try:
        status = run(db, args, command)
    finally:
        db.close()
    if status == 0 and command in WRITING:
        from crm.services.maintenance import damage

        damage.vouch(db)
    return status


def run(db: Database, args: argparse.Namespace, command: str) -> int:
    """The one handler around every command: a sentence and an exit status, no traceback."""
    import sqlite3

    import sqlalchemy as sa

    from crm.db.failures import storage_failure
    from crm.domain.errors import DeskError, StorageFailure

    def written() -> str:
        done = [WORK.get(command, "a change") if w == "a change" else w for w in db.committed]
        if not done:
            return f"Nothing was written to {db.display_name}."
        return f"Already saved in {db.display_name}: {'; '.join(done)}. Nothing after that was written."

    try:
        if command in WRITING and _writes(args, command):
            from crm.services.maintenance import damage

            damage.guard(db)  # a damaged file is read-only until repaired
        return COMMANDS[command](db, args)
    except StorageFailure as exc:
        err(f"{exc} {written()}")
        return 1
    except DeskError as exc:
        err(str(exc))
        return 1
    except KeyboardInterrupt:
        err(f"interrupted. {written()}")
        return 130
    except BrokenPipeError:
        # The reader (`crm search x | head`) went away: not an error of ours.
        import os

        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    except (sa.exc.DBAPIError, sqlite3.Error, OSError) as exc:
        # Not through Database.write: a file the command writes (backup, export) failed.
        out = getattr(args, "out", None) if command in ("backup", "export") else None
        failure = storage_failure(exc, str(out or db.display_name))
        if failure is None and not isinstance(exc, OSError):
            raise  # a bug, not the machine: the traceback is the report
        err(f"{failure or exc} {written()}")
        return 1


def _writes(args: argparse.Namespace, command: str) -> bool:
    """Whether a command of WRITING writes with these arguments (its sub-command may read)."""
    if command == "users":
        return bool(args.users_command in ("add", "role"))
    if command == "privacy":
        return bool(args.privacy_command == "forget")
    return True


# Commands that write: refused on a damaged file (see crm.services.maintenance.damage.guard).
WRITING = {"demo", "export", "import", "users", "backup", "move", "merge", "privacy"}

COMMANDS: dict[str, Callable[[Database, argparse.Namespace], int]] = {
    "gui": window.cmd_gui,
    "demo": demo.cmd_demo,
    "search": search.cmd_search,
    "backup": care.cmd_backup,
    "restore": care.cmd_restore,
    "check": care.cmd_check,
    "users": users.cmd_users,
    "export": exchange.cmd_export,
    "import": exchange.cmd_import,
    "move": move.cmd_move,
    "merge": merging.cmd_merge,
    "duplicates": merging.cmd_duplicates,
    "history": logs.cmd_history,
    "exports": logs.cmd_exports,
    "privacy": privacy.cmd_privacy,
}
