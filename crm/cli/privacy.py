"""`crm privacy report` and `crm privacy forget`: a person's access request and their
destruction on request (PERSON: a contact's uid or email, trashed contacts too).

`report` only reads. `forget` shows what will be destroyed and asks, unless `--yes`; without
a terminal to ask on, it refuses (exit 1). Roles: forget needs an admin once staff users have
roles (the lead wires `cmd_forget` to the identity check).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from crm.cli.common import actor_id, err

if TYPE_CHECKING:
    from crm.db.database import Database
    from crm.services.privacy.forget import Plan

KIND_WORDS = {
    "followup": "follow-up(s)", "interaction": "interaction(s)", "participant": "participation(s) in events",
    "introduction": "introduction(s)", "contact": "contact(s)", "event": "event(s)",
}  # fmt: skip


def add_commands(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    privacy = commands.add_parser(
        "privacy", help="a person's privacy requests: what the desk holds on them, forgetting them"
    )
    sub = privacy.add_subparsers(dest="privacy_command", metavar="ACTION", required=True)
    report = sub.add_parser(
        "report", help="write everything held on a person: person.json, CSV files, person.html"
    )
    report.add_argument("person", metavar="PERSON", help="the contact's uid or email")
    report.add_argument("--out", metavar="DIR", required=True, type=Path, help="folder to write")
    forget = sub.add_parser(
        "forget", help="destroy a person and every copy of their data the desk holds"
    )
    forget.add_argument("person", metavar="PERSON", help="the contact's uid or email")
    forget.add_argument("--yes", action="store_true", help="destroy without asking")


def cmd_privacy(db: Database, args: argparse.Namespace) -> int:
    if args.privacy_command == "report":
        return cmd_report(db, args)
    return cmd_forget(db, args)


def cmd_report(db: Database, args: argparse.Namespace) -> int:
    from crm.services.privacy import forget, report

    with db.read() as session:
        person = forget.find_person(session, args.person)
        found = report.gather(session, person.id)
    written = report.write(found, args.out)
    print(f"Wrote what the desk holds on {found.name} ({found.uid}) to {args.out}: "
          f"person.json, person.html and {len(written) - 2} CSV files (readable by you only).")  # fmt: skip
    return 0


def describe(plan: Plan) -> list[str]:
    """What `forget` will destroy, as lines to show before asking."""
    lines = [f"Contact {plan.label} ({plan.uid}): the record, its search entry and its tags."]
    for kind, names in sorted(plan.erased.items()):
        lines.append(f"Erased with it: {len(names)} {KIND_WORDS.get(kind, kind)}"
                     f" ({'; '.join(names[:5])}{'…' if len(names) > 5 else ''}).")  # fmt: skip
    for kind, names in sorted(plan.kept.items()):
        lines.append(f"Kept without the link: {len(names)} {KIND_WORDS.get(kind, kind)}"
                     f" ({'; '.join(names[:5])}{'…' if len(names) > 5 else ''}),"
                     " the party shown as destroyed.")  # fmt: skip
    lines.append(f"The values of {plan.audit_entries} audit entries (who and when stay), "
                 f"{plan.import_items} import undo entries, and the name, email and phones "
                 "wherever other records' text spells them.")  # fmt: skip
    if plan.profiles:
        lines.append(f"Filters naming them in export profiles: {', '.join(plan.profiles)}.")
    return lines


def cmd_forget(db: Database, args: argparse.Namespace) -> int:
    from crm.domain.enums import Role
    from crm.services.privacy import destroy, forget, roles

    actor = actor_id(db, args.user)
    with db.read() as session:
        person = forget.find_person(session, args.person)
        plan = forget.plan(session, "contact", person.id)
        roles.require(session, actor, Role.ADMIN, "forget")  # said before asking, not after
    if not args.yes:
        print("This will destroy, for good:")
        for line in describe(plan):
            print(f"  {line}")
        if not sys.stdin.isatty():
            err("nothing was destroyed: confirm with --yes (standard input is not a terminal).")
            return 1
        answer = input(f"Destroy {plan.label}? This cannot be undone. [y/N] ").strip().lower()
        if answer not in ("y", "yes", "o", "oui"):
            print("Nothing was destroyed.")
            return 1
    with db.write(f"the destruction of {plan.label}") as session:
        done = forget.forget(session, actor, person.id)
    print(f"Destroyed {done.label} ({done.uid}): the record and every copy the desk held "
          "(the audit trail keeps that it was destroyed, by whom and when).")  # fmt: skip
    if done.storage_cleaned is False:
        print("Another program is reading the database: its freed space is cleaned when the "
              "last program using it closes.")  # fmt: skip
    held = destroy.backups_holding(db, done.created_at)
    if held:
        print(f"{len(held)} backup(s) made since the record was created still hold it; "
              "delete them or keep them out of restores:")  # fmt: skip
        for path in held:
            print(f"  {path}")
    return 0
