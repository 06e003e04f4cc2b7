"""`crm users`: list the staff users with their roles, add one, change a role."""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING

from crm.cli.common import actor_id

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from crm.db.database import Database
    from crm.db.models import StaffUser

ROLES = ("admin", "staff", "read-only")


def add_commands(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    users = commands.add_parser(
        "users", help="list the staff users and their roles, add one, change a role"
    )
    users_cmd = users.add_subparsers(dest="users_command", metavar="ACTION")
    users_cmd.add_parser("list", help="list the staff users and their roles (the default)")
    add = users_cmd.add_parser("add", help="add a staff user (admins only)")
    add.add_argument("name", help="login-like name, e.g. mtremblay")
    add.add_argument("--display-name", default="", help="full name shown in the window")
    add.add_argument("--email", default="")
    add.add_argument("--language", choices=("fr", "en"), default="fr")
    add.add_argument(
        "--role", choices=ROLES, default=None,
        help="admin, staff (the default) or read-only; the first user of a database is its admin",
    )  # fmt: skip
    role = users_cmd.add_parser("role", help="change a staff user's role (admins only)")
    role.add_argument("name", help="the staff user, e.g. mtremblay")
    role.add_argument("role", choices=ROLES)


def cmd_users(db: Database, args: argparse.Namespace) -> int:
    from crm.domain.labels import ENUMS
    from crm.services import users

    if args.users_command == "add":
        actor = None if _first_on_a_file(db) else actor_id(db, args.user)
        with db.write(f"the staff user {args.name}") as session:
            values = {
                "name": args.name, "display_name": args.display_name, "email": args.email,
                "language": args.language,
            }  # fmt: skip
            user = users.add(session, actor, values, args.role)
            role = ENUMS["Role"][user.role.value]
            print(f"Added staff user {user.name} ({user.display_name}), {role.lower()}.")
        return 0
    if args.users_command == "role":
        actor = actor_id(db, args.user)
        with db.write(f"the role of {args.name}") as session:
            user = _named(session, args.name)
            users.set_role(session, actor, user.id, args.role)
            print(f"{user.name} is now {ENUMS['Role'][user.role.value].lower()}.")
        return 0
    with db.read() as session:
        rows = users.roster(session)
    for user in rows:
        role = ENUMS["Role"][user.role.value]
        print(f"{user.name:<16} {user.display_name:<28} {role:<10} {user.language}  {user.email}")
    if not rows:
        print("No staff user yet; add one with: crm users add NAME", file=sys.stderr)
    return 0


def _first_on_a_file(db: Database) -> bool:
    """A personal file without any staff user: the one added is its first, and its admin.
    (On the team database the first is the login that starts it.)"""
    from crm.services import users

    if not db.is_sqlite:
        return False
    with db.read() as session:
        return not users.roster(session) and users.service.count(session, deleted=True) == 0


def _named(session: Session, name: str) -> StaffUser:
    from crm.domain.errors import NotFound
    from crm.services import users

    user = users.by_name(session, name)
    if user is None or user.deleted_at is not None:
        raise NotFound("staff user", name, f"There is no staff user '{name}'.")
    return user
