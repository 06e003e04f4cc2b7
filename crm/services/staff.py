"""Who acts on a database, read with the Core tables (`crm.db.tables`).

The window resolves its staff user before it paints its first page: these reads load no
mapped class (`crm.db.models`, ~0.2 s of declarative mapping). A staff user comes back as
a plain row (`id`, `name`, `display_name`, `role`, `active`, `deleted_at`); writing one (a
first start adding its user) is `crm.services.users`, which builds on these.
"""

from __future__ import annotations

import getpass
from typing import TYPE_CHECKING, Any, TypeAlias

import sqlalchemy as sa

from crm.db import tables
from crm.domain.errors import NotFound, coded
from crm.services.fields import staff_name

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    # A staff user as read here: id, name, display_name, role, active, deleted_at.
    Staff: TypeAlias = sa.Row[Any, Any, Any, Any, Any, Any]

_u = tables.staff_users.c
_STAFF = sa.select(_u.id, _u.name, _u.display_name, _u.role, _u.active, _u.deleted_at)


def by_name(session: Session, name: str) -> Staff | None:
    """The staff user named `name` (whatever the case), in the trash or not."""
    return session.execute(_STAFF.where(sa.func.lower(_u.name) == name.lower())).first()


def login_name() -> str:
    """The person logged in on this computer, as a staff user's name."""
    try:
        return getpass.getuser().replace(" ", "_") or "staff"
    except (KeyError, OSError):
        return "staff"


def named(session: Session, name: str) -> Staff:
    """The staff user `name` (`--user`), out of the trash; NotFound otherwise."""
    user = by_name(session, name)
    if user is None or user.deleted_at is not None:
        raise NotFound(
            "staff user",
            name,
            f"There is no staff user '{name}'. Add one with: crm users add {name}",
        )
    return user


def choices(session: Session) -> list[tuple[int, str]]:
    """(id, display name) of the active staff users, for owner and assignee filters."""
    query = (
        sa.select(_u.id, staff_name(tables.staff_users))
        .where(_u.deleted_at.is_(None), _u.active.is_(True))
        .order_by(sa.func.lower(_u.display_name))
    )
    return [(row[0], row[1]) for row in session.execute(query)]


def is_server(session: Session) -> bool:
    return session.get_bind().dialect.name != "sqlite"


def database_login(session: Session) -> str:
    """The PostgreSQL login of this connection (`session_user`, not a `SET ROLE`)."""
    return str(session.execute(sa.text("SELECT session_user")).scalar_one())


def where(session: Session) -> str:
    """The team database as people read it: no password, no connection options."""
    url = session.get_bind().engine.url
    return url.set(query={}).render_as_string(hide_password=True)


def acting(session: Session, name: str | None) -> Staff | None:
    """Who acts, when `name` (--user, CRM_USER) may be given; None when nobody is there yet
    (`crm.services.users.acting` then adds them).

    SQLite (a personal file): the named staff user (NotFound when there is none), else the
    person logged in on the computer.

    PostgreSQL (the team database): the database login is the staff user; a `name` naming
    someone else is refused (`role.not_your_login`), and so is a login whose staff user is
    in the trash or inactive (`role.login_removed`).
    """
    if not is_server(session):
        return named(session, name) if name else by_name(session, login_name())
    db_login = database_login(session)
    if name and name.lower() != db_login.lower():
        raise coded("role.not_your_login", where=where(session), login=db_login, user=name)
    user = by_name(session, db_login)
    if user is not None and (user.deleted_at is not None or not user.active):
        raise coded("role.login_removed", login=db_login, where=where(session))
    return user
