"""`crm search`: every record, accents and case ignored."""

from __future__ import annotations

import argparse
import json
import sys
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from crm.db.database import Database


def add_commands(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    search = commands.add_parser("search", help="search every record, accents and case ignored")
    search.add_argument("text", nargs="+", help="words or word beginnings")
    search.add_argument("--json", action="store_true", help="print JSON")
    search.add_argument("--limit", type=int, default=20)


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
