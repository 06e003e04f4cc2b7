"""The `crm` command: the desk's headless commands over the same services as the window.

    crm [--db PATH | --database-url URL] [--user NAME] COMMAND ...

Exit status: 0 success, 1 the data or the database refused, or the machine did (locked, disk
full, read-only, damaged: a sentence saying what was and was not written), 2 usage error,
130 interrupted by Ctrl-C (said the same way). See `main` and `open_mode`.
Qt is imported only by the `gui` command, so the other commands start fast.
"""

from __future__ import annotations

import argparse
import json
import shutil
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from crm.db.database import Database

PAGES = (
    "dashboard",
    "organizations",
    "contacts",
    "introductions",
    "board",
    "followups",
    "myfollowups",
    "events",
)


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

    gui = commands.add_parser("gui", help="open the window (the default)")
    gui.add_argument(
        "--screenshot", metavar="FILE", type=Path, help="save a PNG of the window and exit"
    )
    gui.add_argument("--page", choices=PAGES, default=None, help="page to open")
    gui.add_argument("--lang", choices=("fr", "en"), default=None, help="interface language")

    demo = commands.add_parser("demo", help="load the demo data, or --scale N synthetic contacts")
    demo.add_argument(
        "--scale", type=int, metavar="N", help="add N synthetic contacts with related records"
    )
    demo.add_argument(
        "--seed", type=int, default=0, metavar="S", help="random seed for --scale (default 0)"
    )

    search = commands.add_parser("search", help="search every record, accents and case ignored")
    search.add_argument("text", nargs="+", help="words or word beginnings")
    search.add_argument("--json", action="store_true", help="print JSON")
    search.add_argument("--limit", type=int, default=20)

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

    users = commands.add_parser("users", help="list the staff users, or add one")
    users_cmd = users.add_subparsers(dest="users_command", metavar="ACTION")
    users_cmd.add_parser("list", help="list the staff users (the default)")
    add = users_cmd.add_parser("add", help="add a staff user")
    add.add_argument("name", help="login-like name, e.g. mtremblay")
    add.add_argument("--display-name", default="", help="full name shown in the window")
    add.add_argument("--email", default="")
    add.add_argument("--language", choices=("fr", "en"), default="fr")
    add_csv_commands(commands)
    add_move_command(commands)
    return parser


def add_move_command(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """`crm move ...`: an introduction to another stage, as the board does it."""
    from crm.domain.enums import IntroductionOutcome, IntroductionStage

    move = commands.add_parser(
        "move", help="move an introduction to another stage, through the stage rules"
    )
    move.add_argument(
        "introduction",
        metavar="INTRODUCTION",
        help="its uid, or its number as `crm search` shows it",
    )
    move.add_argument(
        "stage",
        choices=[s.value for s in IntroductionStage],
        metavar="STAGE",
        help="one of: " + ", ".join(s.value for s in IntroductionStage),
    )
    move.add_argument(
        "--outcome",
        choices=[o.value for o in IntroductionOutcome],
        metavar="OUTCOME",
        help="needed to close: " + ", ".join(o.value for o in IntroductionOutcome),
    )
    move.add_argument("--note", default="", help="a note for the stage history")
    move.add_argument(
        "--accept-warnings",
        action="store_true",
        help="move even past the warnings (same side, already introduced, consent missing)",
    )
    move.add_argument(
        "--followups",
        choices=("suggested", "none"),
        default="suggested",
        help="add the follow-ups the window suggests for this stage (the default), or none",
    )


def add_csv_commands(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """`crm export ...` and `crm import ...` (CSV files for and from partners)."""
    export = commands.add_parser("export", help="write a CSV file for a partner (logged)")
    export.add_argument(
        "entity",
        choices=("organizations", "contacts", "introductions", "followups", "participants"),
    )
    export.add_argument("--out", type=Path, metavar="FILE", help="the CSV file to write")
    export.add_argument(
        "--profile", metavar="NAME", help="a saved export profile (its options, unless given here)"
    )
    export.add_argument(
        "--columns", metavar="a,b,...", help="field names, in order (default: the usual ones)"
    )
    export.add_argument("--delimiter", choices=(",", ";", "tab"), default=None)
    export.add_argument(
        "--encoding",
        choices=("utf-8-sig", "utf-8"),
        default=None,
        help="utf-8-sig (default: Excel shows accents) or utf-8",
    )
    export.add_argument(
        "--lang",
        choices=("en", "fr"),
        default=None,
        help="headers: field names (en) or French labels (fr)",
    )
    export.add_argument("--include-without-consent", action="store_true", default=None,
                        help="also contacts without partner-sharing consent or marked do-not-contact (logged)")  # fmt: skip
    export.add_argument(
        "--filter",
        action="append",
        default=[],
        metavar="KEY=VALUE",
        help="a list filter, e.g. territory=QC, tag=oncology, event_id=3",
    )
    export.add_argument("--text", default="", help="the list's filter text")
    export.add_argument(
        "--recipient", default=None, help="who receives the file (logged, kept in a saved profile)"
    )
    export.add_argument(
        "--save-profile",
        metavar="NAME",
        help="save these options as a profile (and export only if --out is given)",
    )
    imp = commands.add_parser(
        "import", help="read a CSV file of organizations, contacts or participants"
    )
    imp.add_argument("entity", choices=("organizations", "contacts", "participants"))
    imp.add_argument("file", type=Path)
    imp.add_argument(
        "--dry-run", action="store_true", help="show what each row would do; write nothing"
    )
    imp.add_argument("--on-duplicate", choices=("skip", "update", "fill"), default="skip",
                     help="a row matching a recorded one: leave it (skip), write the file's values (update) or only fill its blanks (fill)")  # fmt: skip
    imp.add_argument(
        "--map",
        action="append",
        default=[],
        metavar="'Header=field'",
        help="read a column as a field ('Header=' ignores it)",
    )
    imp.add_argument(
        "--skip-invalid",
        action="store_true",
        help="import the valid rows, leave out the invalid ones",
    )
    imp.add_argument(
        "--rejects",
        type=Path,
        metavar="FILE",
        help="with --skip-invalid: write the invalid rows and why, to fix and import again",
    )
    imp.add_argument(
        "--delimiter", choices=(",", ";", "tab"), default=None, help="(detected by default)"
    )
    imp.add_argument("--json", action="store_true", help="print the report as JSON")


def err(message: str) -> None:
    print(f"crm: {message}", file=sys.stderr)


def open_mode(args: argparse.Namespace) -> str:
    """How the command opens the database: "read" never creates, upgrades or changes it (and
    never takes the write lock), "write" may upgrade an existing one, "create" may make one."""
    command = args.command or "gui"
    if command == "search":
        return "read"
    if command == "backup":
        return "write"  # its export-log entry: a backup is a copy of the data leaving
    if command == "check":
        return "write" if args.repair else "read"
    if command == "users":
        return "create" if args.users_command == "add" else "read"
    if command == "import":
        return "read" if args.dry_run else "create"
    if command in ("export", "move"):
        return "write"
    return "create"  # gui, demo, restore


# What a command's unlabelled writes are, for "interrupted after ... was saved".
WORK = {
    "demo": "the demo data",
    "import": "the import",
    "export": "the export and its log entry",
    "check": "the rebuilt search index",
    "restore": "the restored data",
    "users": "the new staff user",
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
        from crm.ui.app import application, display_problem

        problem = display_problem()
        if problem:
            print(problem, file=sys.stderr)
            return 1
        application()
    mode = open_mode(args)
    try:
        url = resolve_url(args.db, args.database_url)
        path = Path(url.removeprefix("sqlite:///")) if url.startswith("sqlite:///") else None
        if command == "restore" and path is not None:
            # The remedy for a file that cannot be opened must not need to open it.
            return restore_file(path, args)
        if path is not None and mode == "create" and url == sqlite_url(default_db_path()):
            # Only the default place is made for the user; a mistyped --db folder is an error.
            private_dir(path.parent)
        db = open_database(url, migrate=mode != "read", create=mode == "create")
    except (DeskError, ValueError, OSError) as exc:
        err(str(exc))
        if command == "gui" and args.screenshot is None and isinstance(exc, DeskError):
            from crm.ui.app import tell_open_failure

            tell_open_failure(exc, args.lang)
        return 1
    except KeyboardInterrupt:
        err("interrupted while opening the database; it was left as it was.")
        return 130
    try:
        return run(db, args, command)
    finally:
        db.close()


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
        if command in WRITING and (command != "users" or args.users_command == "add"):
            from crm.services.maintenance import damage

            damage.guard(db)  # a damaged file is read-only until repaired
        if command == "gui":
            import os

            from crm.ui.app import run as run_window

            user = args.user or os.environ.get("CRM_USER")  # as every other command
            status: int = run_window(
                db,
                user,
                screenshot=args.screenshot,
                page=args.page,
                lang=args.lang,
            )
            return status
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


def actor_id(db: Database, name: str | None) -> int:
    """The acting staff user; read first, so only a first start takes the write lock."""
    import os

    from crm.services import users

    name = name or os.environ.get("CRM_USER")
    with db.read() as session:
        if name:  # a named user must exist: refused without writing
            return users.resolve(session, name).id
        user = users.by_name(session, users.login_name())
        if user is not None:
            return user.id
    with db.write(f"the new staff user {users.login_name()}") as session:
        return users.resolve(session, None).id


def cmd_demo(db: Database, args: argparse.Namespace) -> int:
    from crm.services import demo, demo_scale

    actor = demo_actor(db, args.user)
    if args.scale is not None:
        if args.scale <= 0:
            err("--scale takes a positive number of contacts")
            return 2

        def progress(done: int, total: int) -> None:
            print(f"\r{done:,} / {total:,} rows", end="", file=sys.stderr, flush=True)

        with db.write(f"{args.scale:,} synthetic contacts") as session:
            summary = demo_scale.load_scale(
                session, actor, args.scale, seed=args.seed, progress=progress
            )
        print(file=sys.stderr)
    else:
        with db.write("the demo data") as session:
            summary = demo.load_demo(session, actor)
    print(f"Loaded into {db.display_name}: {summary}.")
    return 0


def demo_actor(db: Database, name: str | None) -> int:
    """The acting user; one of the demo's own staff (CRM_USER=mtremblay) is made on a new
    database, since the demo would add that very user anyway."""
    import os

    from crm.domain.errors import NotFound
    from crm.services import demo, users

    try:
        return actor_id(db, name)
    except NotFound:
        name = name or os.environ.get("CRM_USER") or ""
        values = demo.staff_values(name)
        if values is None:
            raise
        with db.write(f"the demo staff user {values['name']}") as session:
            return users.service.create(session, None, values).id


def cmd_search(db: Database, args: argparse.Namespace) -> int:
    from crm.db import search

    text = " ".join(args.text)
    with db.read() as session:
        hits = search.search(session, text, limit=args.limit)
    if args.json:
        rows = [
            {"kind": h.kind, "id": h.record_id, "title": h.title, "subtitle": h.subtitle}
            for h in hits
        ]
        print(json.dumps(rows, ensure_ascii=False, indent=2))
    elif not hits:
        print(f"No record matches '{text}'.", file=sys.stderr)
    else:
        from crm.domain import labels

        kinds = [labels.kind_label(h.kind) for h in hits]
        width = max(len(k) for k in kinds)
        for kind, h in zip(kinds, hits, strict=True):
            subtitle = labels.subtitle(h.subtitle)
            print(
                f"{kind:<{width}}  {h.record_id:>7}  {h.title}"
                + (f"  — {subtitle}" if subtitle else "")
            )
    return 0


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

    restored = restore.restore_file(path, args.file)
    print(restored_text(restored))
    try:
        db = open_database(sqlite_url(path))
        try:
            restore.record_restore(db, restored, args.user or os.environ.get("CRM_USER"))
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


def cmd_users(db: Database, args: argparse.Namespace) -> int:
    from crm.services import users

    if args.users_command == "add":
        from crm.domain.errors import DeskError

        with db.write(f"the staff user {args.name}") as session:
            if users.by_name(session, args.name) is not None:
                raise DeskError(f"There is already a staff user named {args.name}.")
            actor = users.by_name(session, args.user) if args.user else None
            user = users.service.create(
                session,
                actor.id if actor else None,
                {
                    "name": args.name,
                    "display_name": args.display_name,
                    "email": args.email,
                    "language": args.language,
                },
            )
            print(f"Added staff user {user.name} ({user.display_name}).")
        return 0
    with db.read() as session:
        rows = users.service.find(session)
    for user in rows:
        print(f"{user.name:<16} {user.display_name:<28} {user.language}  {user.email}")
    if not rows:
        print("No staff user yet; add one with: crm users add NAME", file=sys.stderr)
    return 0


def cmd_export(db: Database, args: argparse.Namespace) -> int:
    import tempfile

    filters: dict[str, str] = {}
    for item in args.filter:
        key, sep, value = item.partition("=")
        if not sep or not key.strip():
            err(f"--filter takes KEY=VALUE, not '{item}'")
            return 2
        filters[key.strip()] = value.strip()
    if str(args.out) != "-":
        return _export(db, args, filters, args.out)
    # `--out -`: standard output, once the export (and its log entry) has committed.
    with tempfile.TemporaryDirectory(prefix="crm-export-") as folder:
        path = Path(folder) / "export.csv"
        status = _export(db, args, filters, path)
        if status == 0:
            with path.open("rb") as handle:
                sys.stdout.flush()
                shutil.copyfileobj(handle, sys.stdout.buffer)
                sys.stdout.buffer.flush()
        return status


def _export(
    db: Database, args: argparse.Namespace, filters: dict[str, str], out: Path | None
) -> int:
    from crm.domain.errors import DeskError
    from crm.services import csv_export, export_profiles

    to_stdout = out is not None and out != args.out
    report = sys.stderr if to_stdout else sys.stdout
    actor = actor_id(db, args.user)
    columns = (
        tuple(c.strip() for c in args.columns.split(",") if c.strip()) if args.columns else None
    )
    delimiter = "\t" if args.delimiter == "tab" else args.delimiter
    what = f"the export to {args.out} and its log entry" if args.out else "the export profile"
    try:
        with db.write(what) as session:
            if args.profile:
                base = export_profiles.get(session, args.profile)
                if base.entity != args.entity:
                    err(f"profile '{args.profile}' exports {base.entity}, not {args.entity}")
                    return 2
            else:
                base = export_profiles.Profile("", args.entity)
            asked = export_profiles.request_from(
                base, columns=columns, delimiter=delimiter, encoding=args.encoding, lang=args.lang,
                include_without_consent=args.include_without_consent, recipient=args.recipient,
                filters={**base.filters, **filters} if filters else None, text=args.text or None,
            )  # fmt: skip
            try:
                request = asked.checked()
            except DeskError as exc:
                err(str(exc))
                return 2
            if args.save_profile:
                saved = export_profiles.Profile(
                    args.save_profile, request.entity, request.recipient, tuple(request.columns),
                    request.lang, request.delimiter, request.encoding, request.include_without_consent,
                    dict(asked.filters), request.text,
                )  # fmt: skip
                export_profiles.save(session, actor, saved)
                print(
                    f"Saved export profile '{args.save_profile}' ({request.entity}).", file=report
                )
                if out is None:
                    return 0
            if out is None:
                err("--out FILE is required (or --save-profile NAME to only save a profile)")
                return 2
            result = csv_export.export(
                session, actor, request, out, log_name="(standard output)" if to_stdout else None
            )
    except OSError as exc:  # the file (or its folder) cannot be written: nothing was logged
        err(f"cannot write {args.out}: {exc.strerror or exc}; nothing was exported")
        return 1
    left_out = (
        f"; {result.excluded_without_consent:,} left out without partner-sharing consent"
        if result.excluded_without_consent
        else ""
    )
    where = "standard output" if to_stdout else result.path
    print(f"Exported {result.rows:,} {request.entity} to {where}{left_out}.", file=report)
    print(f"SHA-256 {result.sha256} (recorded in the export log).", file=report)
    return 0


def cmd_import(db: Database, args: argparse.Namespace) -> int:
    from crm.domain.errors import DeskError
    from crm.services import csv_import

    mapping: dict[str, str] = {}
    for item in args.map:
        header, sep, target = item.partition("=")
        if not sep or not header.strip():
            err(f"--map takes 'Header=field', not '{item}'")
            return 2
        mapping[header.strip()] = target.strip()
    if args.rejects and not args.skip_invalid:
        err("--rejects goes with --skip-invalid")
        return 2
    delimiter = "\t" if args.delimiter == "tab" else args.delimiter
    # A dry run only reads: no acting user to make, no write lock.
    actor = None if args.dry_run else actor_id(db, args.user)
    options = csv_import.ImportOptions(args.on_duplicate, mapping, args.skip_invalid)
    source = csv_import.read_source(args.file, args.entity, delimiter=delimiter)
    refused: csv_import.ImportRefused | None = None
    try:
        with db.read() if args.dry_run else db.write(f"the import of {args.file}") as session:
            try:
                plan = csv_import.plan(session, args.entity, source, options)
            except DeskError as exc:
                if exc.code == "import.bad_map":  # the command line's mistake, not the file's
                    err(str(exc))
                    return 2
                raise
            if actor is not None:
                csv_import.apply(session, actor, plan)
    except csv_import.ImportRefused as exc:
        refused, plan = exc, exc.plan
    if args.json:
        print(json.dumps(plan.as_dict(), ensure_ascii=False, indent=2, default=str))
    else:
        sep = "tab" if source.delimiter == "\t" else source.delimiter
        print(
            f"{source.name}: {source.encoding}, delimiter {sep}, {len(source.records):,} records.",
            file=sys.stderr,
        )
        mapped = ", ".join(f"{source.headers[i]} → {f}" for i, f in plan.mapping.items())
        print(f"Columns: {mapped}", file=sys.stderr)
        if args.dry_run or refused:
            for row in plan.rows:
                extra = row.detail or (f"line {row.merged_into}" if row.merged_into else "")
                if row.inferred:
                    told = ", ".join(f"{k} {v}" for k, v in sorted(row.inferred.items()))
                    extra = "; ".join(x for x in (extra, f"inferred: {told}") if x)
                print(
                    f"line {row.line:>6}  {row.action:<9}  {row.label}"
                    + (f"  ({extra})" if extra else "")
                )
    for problem in plan.problems:
        print(f"  {problem}", file=sys.stderr)
    counts = plan.counts()
    summary = ", ".join(f"{n:,} {k.replace('_', ' ')}" for k, n in counts.items() if n)
    if refused is not None:
        err(
            f"{counts['invalid']:,} invalid row(s): nothing was imported. Fix them, or import the rest with --skip-invalid --rejects FILE."
        )
        return 1
    if args.rejects and counts["invalid"]:
        try:
            written = csv_import.write_rejects(args.rejects, plan)
        except OSError as exc:
            err(f"the valid rows were imported, but the rejected rows could not be written to {args.rejects}: "
                f"{exc.strerror or exc}; import the file again with --dry-run to see them")  # fmt: skip
            return 1
        print(
            f"{written:,} rejected row(s) written to {args.rejects} with the reason; fix them and import that file.",
            file=sys.stderr,
        )
    verb = "Would import" if args.dry_run else "Imported"
    print(f"{verb} {args.entity}: {summary or 'nothing'}.", file=sys.stderr)
    return 0


def cmd_move(db: Database, args: argparse.Namespace) -> int:
    from datetime import date

    from crm.services import stages

    if args.stage == "closed" and not args.outcome:
        err("closing an introduction needs its outcome: add --outcome (e.g. --outcome partnership)")
        return 2
    actor = actor_id(db, args.user)
    try:
        with db.write() as session:
            record_id = stages.find_introduction(session, args.introduction)
            asked = stages.move_questions(
                session, actor, record_id, args.stage, outcome=args.outcome
            )
            kept = [] if args.followups == "none" else asked.suggestions
            moved = stages.move_with_followups(
                session, actor, record_id, args.stage, outcome=args.outcome, note=args.note,
                accepted_warnings=stages.WARNING_CODES if args.accept_warnings else (),
                followups=[(x.title, x.due(date.today()), None) for x in kept],
            )  # fmt: skip
    except stages.WorkflowWarnings as exc:
        reasons = "; ".join(w.message for w in exc.warnings)
        err(f"'{args.introduction}' was not moved: {reasons}. "
            "If that is right, run the command again with --accept-warnings.")  # fmt: skip
        return 1
    print(f"Moved “{moved.label}” from {moved.before.stage} to {moved.to_stage}.")
    for title, due in ((x.title, x.due(date.today())) for x in kept):
        print(f"Follow-up added: {title} (due {due.isoformat()}).")
    return 0


# Commands that write: refused on a damaged file (see crm.services.maintenance.damage.guard).
WRITING = {"demo", "export", "import", "users", "backup", "move"}

COMMANDS = {
    "demo": cmd_demo,
    "search": cmd_search,
    "backup": cmd_backup,
    "restore": cmd_restore,
    "check": cmd_check,
    "users": cmd_users,
    "export": cmd_export,
    "import": cmd_import,
    "move": cmd_move,
}


if __name__ == "__main__":
    sys.exit(main())
