"""`crm users`: list the staff users, or add one."""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from crm.db.database import Database


def add_commands(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    users = commands.add_parser("users", help="list the staff users, or add one")
    users_cmd = users.add_subparsers(dest="users_command", metavar="ACTION")
    users_cmd.add_parser("list", help="list the staff users (the default)")
    add = users_cmd.add_parser("add", help="add a staff user")
    add.add_argument("name", help="login-like name, e.g. mtremblay")
    add.add_argument("--display-name", default="", help="full name shown in the window")
    add.add_argument("--email", default="")
    add.add_argument("--language", choices=("fr", "en"), default="fr")


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
