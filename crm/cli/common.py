"""What the commands share: one way to say an error, and the acting staff user."""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from crm.db.database import Database


def err(message: str) -> None:
    print(f"crm: {message}", file=sys.stderr)


def actor_id(db: Database, name: str | None) -> int:
    """The acting staff user, from now on the one `db`'s writes are checked against (its role,
    `crm.services.privacy.roles.act_as`). Read first, with one Core SELECT (no record
    service loaded), so only a first start takes the write lock and loads the users service.
    On SQLite: `name` (--user, else CRM_USER) or the login name; on PostgreSQL: the database
    login (a `name` naming someone else is refused)."""
    import os

    from crm.services import staff
    from crm.services.privacy import roles

    name = name or os.environ.get("CRM_USER")
    with db.read() as session:
        found = staff.acting(session, name)  # a named user must exist: refused unwritten
    if found is not None:
        user_id = int(found.id)
    else:
        from crm.services import users

        with db.write("your new staff user") as session:
            user = users.acting(session, name, create=True)
            assert user is not None
            user_id = user.id
    roles.act_as(db, user_id)
    return user_id
