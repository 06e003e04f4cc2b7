"""`crm duplicates` and `crm merge`: likely duplicates with their reasons, and merging two
contacts or two organizations (`crm.services.duplicates`, `crm.services.merge`)."""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING

from crm.cli.common import actor_id, err

if TYPE_CHECKING:
    from crm.db.database import Database

# The command line's plural words, as `crm export` takes them.
KINDS = {"contacts": "contact", "organizations": "organization"}


def add_commands(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    found = commands.add_parser(
        "duplicates", help="likely duplicate contacts or organizations, with the reasons"
    )
    found.add_argument(
        "kind", choices=sorted(KINDS), metavar="KIND", help="contacts or organizations"
    )
    found.add_argument("--json", action="store_true", help="print JSON")
    merge = commands.add_parser(
        "merge", help="merge two contacts or two organizations: one is kept, the other trashed"
    )
    merge.add_argument(
        "kind", choices=sorted(KINDS), metavar="KIND", help="contacts or organizations"
    )
    merge.add_argument("keep", metavar="KEEP_UID", help="the record kept (its values first)")
    merge.add_argument("other", metavar="OTHER_UID", help="the record merged into it, then trashed")
    merge.add_argument("--yes", action="store_true", help="merge without asking")


def cmd_duplicates(db: Database, args: argparse.Namespace) -> int:
    import json

    from crm.services import duplicates

    with db.read() as session:
        pairs = duplicates.find(session, KINDS[args.kind])
    if args.json:
        rows = [
            {"first": {"uid": p.first_uid, "name": p.first_label, "detail": p.first_detail},
             "second": {"uid": p.second_uid, "name": p.second_label, "detail": p.second_detail},
             "reasons": list(p.reasons), "why": p.describe()}
            for p in pairs
        ]  # fmt: skip
        print(json.dumps(rows, ensure_ascii=False, indent=2))
        return 0
    for p in pairs:
        first = f"{p.first_label}, {p.first_detail}" if p.first_detail else p.first_label
        second = f"{p.second_label}, {p.second_detail}" if p.second_detail else p.second_label
        print(f"{first} ({p.first_uid})  ~  {second} ({p.second_uid})")
        print(f"    {p.describe()}")
    print(f"{len(pairs)} likely duplicate pair(s).", file=sys.stderr)
    return 0


def _value(value: object) -> str:
    if isinstance(value, list):
        value = ", ".join(map(str, value))
    return "(empty)" if value in (None, "") else str(getattr(value, "value", value))


def cmd_merge(db: Database, args: argparse.Namespace) -> int:
    from crm.domain.errors import coded
    from crm.services import merge
    from crm.services.kinds import service_of

    kind = KINDS[args.kind]
    actor = actor_id(db, args.user)
    with db.read() as session:
        found = [merge.find_uid(session, uid) for uid in (args.keep, args.other)]
        (keep_kind, keep), (other_kind, other) = found
        if keep_kind == other_kind != kind:
            plural = {v: k for k, v in KINDS.items()}
            raise coded(
                "merge.wrong_kind", name=service_of(keep_kind).label(keep),
                other=service_of(other_kind).label(other), asked=args.kind,
                found=plural.get(keep_kind, keep_kind),
            )  # fmt: skip
        if keep_kind != kind or other_kind != kind:
            raise coded(
                "merge.kinds", name=service_of(keep_kind).label(keep), kind=keep_kind,
                other=service_of(other_kind).label(other), other_kind=other_kind,
            )  # fmt: skip
        keep_id, other_id = keep.id, other.id
        seen = merge.compare(session, service_of(kind), keep_id, other_id)
    print(f"Keeping “{seen.keep_label}”, merging “{seen.other_label}” into it:")
    for name in seen.fields:
        if seen.chosen[name] != seen.keep[name]:
            print(f"    {name}: {_value(seen.keep[name])} → {_value(seen.chosen[name])}")
    if not args.yes:
        try:
            answer = input("Merge them? [y/N] ")
        except EOFError:
            answer = ""
        if answer.strip().lower() not in ("y", "yes", "o", "oui"):
            err("nothing was merged (answer y, or add --yes).")
            return 1
    with db.write(f"the merge of “{seen.other_label}” into “{seen.keep_label}”") as session:
        merged = merge.merge(
            session, actor, service_of(kind), keep_id, other_id,
            expected_versions=(seen.keep_version, seen.other_version),
        )  # fmt: skip
    print(
        f"Merged “{merged.other_label}” into “{merged.label}”: {merged.moved} reference(s) "
        f"moved; “{merged.other_label}” is in the trash (restoring it undoes the merge)."
    )
    return 0
