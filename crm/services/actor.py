"""Who acts on a database, read from the staff users' table without the record services.

A command and the window ask this before anything else: the answer is a staff user's id,
read with one Core SELECT, so a `crm export` or a first page does not load the ORM's mapped
classes for it. Making the user on a first start is `crm.services.users.acting`'s
(`create=True`), which follows the same rules through this module.

SQLite (a personal file): the named staff user (`--user`, CRM_USER; NotFound when there is
none or it is in the trash), else the person logged in on the computer. PostgreSQL (the team
database): the database login is the staff user; a name naming someone else is refused
(`role.not_your_login`), and so is a login whose staff user is in the trash or inactive
(`role.login_removed`).
"""

from __future__ import annotations

import getpass
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import Session

from crm.db.tables import staff_users
from crm.domain.errors import NotFound, coded


def login_name() -> str:
    """The person logged in on this computer, as a one-word staff user name."""
    try:
        return getpass.getuser().replace(" ", "_") or "staff"
    except (KeyError, OSError):
        return "staff"


def is_server(session: Session) -> bool:
    return session.get_bind().dialect.name != "sqlite"


def database_login(session: Session) -> str:
    """The PostgreSQL login of this connection (`session_user`, not a `SET ROLE`)."""
    return str(session.execute(sa.text("SELECT session_user")).scalar_one())


def user_id_named(session: Session, name: str) -> int | None:
    """The id of the staff user called `name` (any case), in the trash or not."""
    row = _row(session, name)
    return None if row is None else int(row.id)


def _row(session: Session, name: str) -> Any:
    u = staff_users.c
    query = sa.select(u.id, u.deleted_at, u.active).where(sa.func.lower(u.name) == name.lower())
    return session.execute(query).first()


def not_found(name: str) -> NotFound:
    return NotFound(
        "staff user", name, f"There is no staff user '{name}'. Add one with: crm users add {name}"
    )


def acting_id(session: Session, name: str | None) -> int | None:
    """The id of who acts (see the module's rules); None when that user is not there yet
    (a first start: `users.acting(..., create=True)` makes them)."""
    if not is_server(session):
        if name:
            row = _row(session, name)
            if row is None or row.deleted_at is not None:
                raise not_found(name)
            return int(row.id)
        return user_id_named(session, login_name())
    login = database_login(session)
    if name and name.lower() != login.lower():
        raise coded("role.not_your_login", where=_where(session), login=login, user=name)
    row = _row(session, login)
    if row is None:
        return None
    if row.deleted_at is not None or not row.active:
        raise coded("role.login_removed", login=login, where=_where(session))
    return int(row.id)


def new_user_name(session: Session) -> str:
    """The name a first start gives the staff user it makes: the login (computer or database)."""
    return database_login(session) if is_server(session) else login_name()


def _where(session: Session) -> str:
    """The team database as people read it: no password, no connection options."""
    url = session.get_bind().engine.url
    return url.set(query={}).render_as_string(hide_password=True)
