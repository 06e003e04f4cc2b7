"""Roles: what a staff user may do (`admin`, `staff`, `read-only`), enforced by the services.

Two checks, and only these two:

- **Read-only users write nothing.** `act_as(db, user_id)` binds the acting staff user to the
  database's write sessions (the CLI does it when it resolves who is acting, the window when
  it knows who you are). Every write transaction goes through `Database.write()`, so one
  `after_begin` hook on its sessions refuses the transaction of a read-only user before its
  first statement runs: no service, widget or bulk path (an import writes through the raw
  connection) can write around it. Sessions bound to no one (a first start creating its
  user, a migration, the tests' set-up) are not checked.
- **Admin-only actions** call `require(session, actor_id, Role.ADMIN, action)`: erasing records
  for good (`crm.services.records.purge`), forgetting a person, restoring a backup
  (`crm.services.maintenance.restore`), adding staff users and changing roles
  (`crm.services.users.add`, `set_role`), exporting people without sharing consent
  (`crm.services.csv_export`).

A refusal is a coded `DeskError` (`role.read_only`, `role.admin.<action>`): the CLI prints its
sentence (exit 1), the window translates it by code.

On a personal SQLite file whoever can open the file can act as any of its users (`--user`):
roles keep people from doing by mistake what is not theirs, the file's permissions keep
others out. On PostgreSQL the staff user is the database login (`crm.services.users.acting`).
"""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa
from sqlalchemy import event
from sqlalchemy.orm import Session

from crm.db import tables
from crm.db.database import Database
from crm.domain.enums import Role
from crm.domain.errors import DeskError, coded

__all__ = ["ACTOR", "Role", "act_as", "acting_on", "may", "refusal", "require", "role_of"]

#: The key of a session's `info` that holds the id of the staff user acting.
ACTOR = "crm_actor_id"

# Admin-only actions that have their own sentence (crm.domain.messages: role.admin.<action>).
ACTIONS = ("purge", "forget", "restore", "users", "export_consent")


def role_of(session: Session, user_id: int | None) -> tuple[str, Role | None]:
    """(name, role) of a staff user; role None when there is no such user, or it is in the
    trash or inactive (who can do nothing)."""
    if user_id is None:
        return "?", None
    row = session.connection().execute(_who(user_id)).first()
    return _read(row, user_id)


def _who(user_id: int) -> sa.Select[Any]:
    users = tables.staff_users
    return sa.select(users.c.name, users.c.role, users.c.active, users.c.deleted_at).where(
        users.c.id == user_id
    )


def _read(row: Any, user_id: int) -> tuple[str, Role | None]:
    if row is None:
        return f"#{user_id}", None
    live = row.active and row.deleted_at is None
    return row.name, Role(row.role) if live else None


def may(session: Session, actor_id: int | None, needed: Role) -> bool:
    _, role = role_of(session, actor_id)
    return role is not None and role.rank >= needed.rank


def refusal(name: str, needed: Role, action: str = "") -> DeskError:
    if needed is Role.ADMIN:
        return coded(f"role.admin.{action}" if action in ACTIONS else "role.admin", user=name)
    return coded("role.read_only", user=name)


def require(session: Session, actor_id: int | None, needed: Role, action: str = "") -> None:
    """Refuse (a coded DeskError) unless the staff user `actor_id` has at least `needed`.

    `action` names the admin-only action for a sentence of its own: "purge", "forget",
    "restore", "users" or "export_consent". No acting user (None) is never enough.
    """
    name, role = role_of(session, actor_id)
    if role is None or role.rank < needed.rank:
        raise refusal(name, needed, action)


def act_as(db: Database, actor_id: int | None) -> None:
    """From now on, `db`'s write sessions act as `actor_id` (None: as no one, unchecked)."""
    factory = db.write_factory
    factory.configure(info={ACTOR: actor_id})
    if not event.contains(factory, "after_begin", _check_writer):
        event.listen(factory, "after_begin", _check_writer)


def acting_on(db: Database) -> int | None:
    """The staff user `act_as` bound to `db`, if any."""
    info = db.write_factory.kw.get("info") or {}
    found = info.get(ACTOR)
    return found if isinstance(found, int) else None


def _check_writer(session: Session, transaction: Any, connection: sa.Connection) -> None:
    """The one read-only check: a write transaction of a read-only (or removed) user ends
    before its first statement."""
    actor_id = session.info.get(ACTOR)
    if actor_id is None:
        return
    name, role = _read(connection.execute(_who(actor_id)).first(), actor_id)
    if role is None or role is Role.READ_ONLY:
        raise refusal(name, Role.STAFF)
