"""`crm history` and `crm exports`: the audit trail of one record, and the export log.

Both only read: they never create, upgrade or lock the database.
"""

from __future__ import annotations

import argparse
import json
from typing import TYPE_CHECKING

from crm.cli.common import err

if TYPE_CHECKING:
    from crm.db.database import Database


def add_commands(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    history = commands.add_parser(
        "history", help="who changed which field of a record, when, from what to what"
    )
    history.add_argument("uid", help="the record's uid (as in the CSV files)")
    history.add_argument("--json", action="store_true", help="print JSON")
    exports = commands.add_parser(
        "exports", help="the export log: partner files and backups that left, newest first"
    )
    exports.add_argument("--limit", type=int, default=50)
    exports.add_argument("--json", action="store_true", help="print JSON")


def _value(value: object) -> str:
    return "(empty)" if value in (None, "") else str(value)


def cmd_history(db: Database, args: argparse.Namespace) -> int:
    from crm.services import audit

    with db.read() as session:
        entries = audit.history_of(session, args.uid)
    if not entries:
        err(f"there is no history for the uid {args.uid!r} (check it: `crm search` finds records)")
        return 1
    if args.json:
        rows = [
            {"at": e.at.isoformat(), "user": e.user, "action": e.action, "kind": e.entity,
             "changes": e.changes}
            for e in entries
        ]  # fmt: skip
        print(json.dumps(rows, ensure_ascii=False, indent=2))
        return 0
    for e in entries:
        who = e.user or "(unknown user)"
        print(f"{e.at:%Y-%m-%d %H:%M} UTC  {who}  {e.action} {e.entity}")
        for field, change in sorted(e.changes.items()):
            if isinstance(change, list) and len(change) == 2:
                if _value(change[0]) != _value(change[1]):  # a create lists blank fields too
                    print(f"    {field}: {_value(change[0])} → {_value(change[1])}")
            elif change is None:  # the record was destroyed: which field, not what it held
                print(f"    {field}: (value destroyed)")
            else:
                print(f"    {field}: {_value(change)}")
    return 0


def cmd_exports(db: Database, args: argparse.Namespace) -> int:
    from crm.services import csv_export, export_log

    if args.limit < 1:
        err("--limit takes a number of entries, 1 or more")
        return 2
    with db.read() as session:
        rows = csv_export.export_log(session, limit=args.limit)
        named = export_log.records_by_export(session, [r.id for r in rows])
    if args.json:
        found = [
            {"id": r.id, "at": r.at.isoformat(), "user": r.user, "entity": r.entity,
             "recipient": r.recipient, "profile": r.profile, "rows": r.row_count,
             "file": r.file_name, "sha256": r.sha256,
             "columns": r.columns.split(",") if r.columns else [],
             "included_without_consent": r.included_without_consent,
             "options": export_log.options(r.filter),
             "records": [{"entity": n.entity, "uid": n.uid} for n in named.get(r.id, [])]}
            for r in rows
        ]  # fmt: skip
        print(json.dumps(found, ensure_ascii=False, indent=2))
        return 0
    if not rows:
        print("Nothing was exported from this database yet.")
        return 0
    for r in rows:
        to = f" for {r.recipient}" if r.recipient else ""
        consent = ", including people without sharing consent" if r.included_without_consent else ""
        print(f"{r.at:%Y-%m-%d %H:%M} UTC  {r.user or '(unknown user)'}  {r.row_count:,} {r.entity}"
              f"{to} → {r.file_name}{consent}")  # fmt: skip
        print(f"    SHA-256 {r.sha256}")
        if described := _options(r.columns, export_log.options(r.filter)):
            print(f"    {described}")
        if r.id in named:
            print(f"    {len(named[r.id]):,} records named (their uids: crm exports --json)")
    return 0


def _options(columns: str, options: dict[str, object]) -> str:
    """The options of an entry in one line: columns, filters, header language, free text."""
    parts = []
    if columns:
        parts.append(f"columns {columns.replace(',', ', ')}")
    filters = options.get("filters")
    if isinstance(filters, dict) and filters:
        parts.append("filters " + ", ".join(f"{k}={v}" for k, v in filters.items()))
    if options.get("text"):
        parts.append(f"text {options['text']!r}")
    if options.get("lang"):
        parts.append(f"headers {options['lang']}")
    free = options.get("free_text")
    if isinstance(free, list) and free:
        parts.append(f"free text {', '.join(map(str, free))}")
    return "; ".join(parts)
