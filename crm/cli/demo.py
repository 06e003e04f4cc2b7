"""`crm demo`: the hand-written demo data, or `--scale N` synthetic contacts."""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING

from crm.cli.common import actor_id, err

if TYPE_CHECKING:
    from crm.db.database import Database


def add_commands(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    demo = commands.add_parser("demo", help="load the demo data, or --scale N synthetic contacts")
    demo.add_argument(
        "--scale", type=int, metavar="N", help="add N synthetic contacts with related records"
    )
    demo.add_argument(
        "--seed", type=int, default=0, metavar="S", help="random seed for --scale (default 0)"
    )


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
    from crm.services.privacy import roles

    try:
        return actor_id(db, name)
    except NotFound:
        name = name or os.environ.get("CRM_USER") or ""
        values = demo.staff_values(name)
        if values is None:
            raise
        with db.write(f"the demo staff user {values['name']}") as session:
            made = users.service.create(session, None, values).id
        roles.act_as(db, made)
        return made
