"""What the commands share: one way to say an error, and the acting staff user."""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from crm.db.database import Database


def err(message: str) -> None:
    print(f"crm: {message}", file=sys.stderr)


def actor_id(db: Database, name: str | None) -> int:
    """The acting staff user; read first, so only a first start takes the write lock."""
    import os

    from crm.services import users

    name = name or os.environ.get("CRM_USER")
    with db.read() as session:
        if name:  # a named user must exist: refused without writing
            return users.resolve(session, name).id
        user = users.by_name(session, users.login_name())
        if user is not None:
            return user.id
    with db.write(f"the new staff user {users.login_name()}") as session:
        return users.resolve(session, None).id
