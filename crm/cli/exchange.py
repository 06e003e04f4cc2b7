"""`crm export` and `crm import`: CSV files for and from partners, over
`crm.services.csv_export`, `export_profiles` and `csv_import`.
"""

from __future__ import annotations

import argparse
import json
import shutil
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from crm.cli.common import actor_id, err

if TYPE_CHECKING:
    from crm.db.database import Database


def add_commands(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """`crm export ...` and `crm import ...` (CSV files for and from partners)."""
    export = commands.add_parser(
        "export", help="write a CSV, Excel or vCard file for a partner (logged), or a calendar"
    )
    export.add_argument(
        "entity",
        choices=("organizations", "contacts", "introductions", "followups", "participants"),
    )
    export.add_argument("--out", type=Path, metavar="FILE", help="the file to write")
    export.add_argument(
        "--format",
        choices=FORMATS,
        default=None,
        help="csv, xlsx (Excel workbook), vcard (contacts) or ics (follow-ups, for a calendar); "
        "default: by the --out file's extension, else csv",
    )
    export.add_argument("--mine", action="store_true", help="with --format ics: only my follow-ups")
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
                        help="also identify people without partner-sharing consent or marked "
                             "do-not-contact: their rows, names, emails, phones and uids (logged)")  # fmt: skip
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
        "import",
        help="read a CSV file, an Excel workbook (.xlsx) or vCards (.vcf) of organizations, "
        "contacts or participants, take back a partner's introductions or followups file, or "
        "undo the last import (crm import undo)",
    )
    imp.add_argument(
        "entity",
        choices=("organizations", "contacts", "participants", "introductions", "followups", "undo"),
    )
    imp.add_argument("file", type=Path, nargs="?", help="the file (none for undo)")
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
        "--map-value",
        action="append",
        default=[],
        metavar="'field:value=meaning'",
        help="what a value of a choice column means, e.g. 'kind:Member Type Value=academic'",
    )
    imp.add_argument(
        "--accept-warnings",
        action="store_true",
        help="introductions: move the stages the file changes despite their warnings (noted in the history)",
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


def _pairs(items: list[str], option: str, form: str) -> dict[str, str] | None:
    """`KEY=VALUE` arguments as a dict; None (the refusal said) when one has no `=` or key."""
    found: dict[str, str] = {}
    for item in items:
        key, sep, value = item.partition("=")
        if not sep or not key.strip():
            err(f"{option} takes {form}, not '{item}'")
            return None
        found[key.strip()] = value.strip()
    return found


FORMATS = ("csv", "xlsx", "vcard", "ics")
_SUFFIXES = {".xlsx": "xlsx", ".vcf": "vcard", ".vcard": "vcard", ".ics": "ics"}


def _format(args: argparse.Namespace) -> str:
    """The --format asked, else the one the --out file's extension names, else CSV."""
    if args.format:
        return str(args.format)
    return _SUFFIXES.get(args.out.suffix.lower(), "csv") if args.out else "csv"


def cmd_export(db: Database, args: argparse.Namespace) -> int:
    import tempfile

    filters = _pairs(args.filter, "--filter", "KEY=VALUE")
    if filters is None:
        return 2
    file_format = _format(args)
    if args.mine and file_format != "ics":
        err("--mine goes with --format ics (follow-ups for a calendar)")
        return 2
    if file_format == "ics":
        return _calendar(db, args)
    if str(args.out) != "-":
        return _export(db, args, filters, args.out, file_format)
    # `--out -`: standard output, once the export (and its log entry) has committed.
    with tempfile.TemporaryDirectory(prefix="crm-export-") as folder:
        path = Path(folder) / "export"
        status = _export(db, args, filters, path, file_format)
        if status == 0:
            with path.open("rb") as handle:
                sys.stdout.flush()
                shutil.copyfileobj(handle, sys.stdout.buffer)
                sys.stdout.buffer.flush()
        return status


def _calendar(db: Database, args: argparse.Namespace) -> int:
    """`crm export followups --format ics`: open follow-ups for a calendar program (not a
    partner file, so not in the export log)."""
    from crm.services import calendar

    if args.entity != "followups":
        err(f"--format ics writes follow-ups, not {args.entity}")
        return 2
    if args.out is None or str(args.out) == "-":
        err("--out FILE.ics is required")
        return 2
    assignee = actor_id(db, args.user) if args.mine else None
    try:
        with db.read() as session:
            count = calendar.export(session, args.out, assignee_id=assignee)
    except OSError as exc:
        err(f"cannot write {args.out}: {exc.strerror or exc}")
        return 1
    whose = "my open follow-ups" if args.mine else "open follow-ups"
    print(f"Wrote {count:,} {whose} to {args.out} (iCalendar).")
    return 0


def _export(
    db: Database,
    args: argparse.Namespace,
    filters: dict[str, str],
    out: Path | None,
    file_format: str = "csv",
) -> int:
    from crm.domain.errors import DeskError
    from crm.services import csv_export, export_columns, export_profiles

    to_stdout = out is not None and out != args.out
    report = sys.stderr if to_stdout else sys.stdout
    actor = actor_id(db, args.user)
    columns = (
        tuple(c.strip() for c in args.columns.split(",") if c.strip()) if args.columns else None
    )
    delimiter = "\t" if args.delimiter == "tab" else args.delimiter
    what = f"the export to {args.out} and its log entry" if args.out else "the export profile"
    try:
        with db.write(what, snapshot=True) as session:
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
            if free := export_columns.free_text_columns(request):
                err(
                    f"warning: {', '.join(free)} {'is' if len(free) == 1 else 'are'} free text, "
                    "which may name people who gave no partner-sharing consent; read the file "
                    "before it leaves"
                )
            result = csv_export.export(
                session, actor, request, out, file_format=file_format,
                log_name="(standard output)" if to_stdout else None,
            )  # fmt: skip
    except OSError as exc:  # the file (or its folder) cannot be written: nothing was logged
        err(f"cannot write {args.out}: {exc.strerror or exc}; nothing was exported")
        return 1
    left_out = (
        f"; {result.excluded_without_consent:,} left out without partner-sharing consent"
        if result.excluded_without_consent
        else ""
    )
    if result.withheld_without_consent:
        left_out += (
            f"; {result.withheld_without_consent:,} with a person withheld (blank) "
            "for want of partner-sharing consent"
        )
    where = "standard output" if to_stdout else result.path
    print(f"Exported {result.rows:,} {request.entity} to {where}{left_out}.", file=report)
    print(f"SHA-256 {result.sha256} (recorded in the export log).", file=report)
    return 0


def cmd_import(db: Database, args: argparse.Namespace) -> int:
    from crm.domain.errors import DeskError
    from crm.services import csv_import

    if args.entity == "undo":
        return _undo(db, args)
    if args.file is None:
        err(f"crm import {args.entity} needs the FILE to read")
        return 2
    mapping = _pairs(args.map, "--map", "'Header=field'")
    values = _pairs(args.map_value, "--map-value", "'field:value in the file=value'")
    if mapping is None or values is None:
        return 2
    if args.rejects and not args.skip_invalid:
        err("--rejects goes with --skip-invalid")
        return 2
    delimiter = "\t" if args.delimiter == "tab" else args.delimiter
    # A dry run only reads: no acting user to make, no write lock.
    actor = None if args.dry_run else actor_id(db, args.user)
    accepted = tuple(stage_warnings()) if args.accept_warnings else ()
    options = csv_import.ImportOptions(
        args.on_duplicate, mapping, args.skip_invalid, values, accepted
    )
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
        print(
            f"{source.name}: {source.described()}, {len(source.records):,} records.",
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
    if any(p.code in ("choice.invalid", "value.ambiguous") for p in plan.problems):
        print("  Say what a value means with --map-value 'field:value in the file=value'.",
              file=sys.stderr)  # fmt: skip
    listed = args.dry_run or refused is not None
    for row in plan.rows if not listed and not args.json else ():
        if row.action == "conflict":
            print(f"  line {row.line}: conflict: {row.label}: {row.detail}", file=sys.stderr)
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


def stage_warnings() -> frozenset[str]:
    from crm.services.stages import WARNING_CODES

    return WARNING_CODES


def _undo(db: Database, args: argparse.Namespace) -> int:
    """`crm import undo`: the window's File > Undo last import, from the command line."""
    from crm.services import csv_import

    if args.file is not None or args.dry_run:
        err("crm import undo takes no file and no --dry-run: it undoes the last import")
        return 2
    actor = actor_id(db, args.user)
    with db.write("the undo of the last import") as session:
        info = csv_import.undo_last(session, actor)
    what = f"{info.created:,} created, {info.updated:,} updated"
    print(f"Undid the import of {info.file_name or 'a file'} ({info.entity}: {what}): "
          "created records went to the trash, updated ones got their values back.",
          file=sys.stderr)  # fmt: skip
    return 0
