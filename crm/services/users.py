"""Staff users: the people using the desk, under whom every change is recorded."""

from __future__ import annotations

import getpass
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import Session

from crm.db.models import StaffUser
from crm.domain import validation as v
from crm.domain.enums import Language
from crm.domain.errors import NotFound
from crm.services import records
from crm.services.cleaning import Cleaner
from crm.services.fields import staff_name

FIELDS = ("name", "display_name", "email", "language", "active")


def clean(session: Session, values: dict[str, Any]) -> dict[str, Any]:
    c = Cleaner(values)
    name = c.text("name", required=True, max_length=64)
    if name and (" " in name or name != name.strip()):
        c.fail(
            "name", "name.invalid", f"name: '{name}' must be one word (a login such as 'mtremblay')"
        )
    return c.done(
        {
            "name": name,
            "display_name": c.text("display_name") or name,
            "email": c.rule("email", v.normalize_email, ""),
            "language": c.choice("language", Language, Language.FR),
            "active": c.boolean("active", True),
        }
    )


def duplicates(
    session: Session, attrs: dict[str, Any], exclude_id: int | None
) -> list[records.Duplicate]:
    query = sa.select(StaffUser.id, StaffUser.name).where(
        sa.func.lower(StaffUser.name) == attrs["name"].lower()
    )
    if exclude_id is not None:
        query = query.where(StaffUser.id != exclude_id)
    return [("staff_user", row.id, row.name) for row in session.execute(query)]


service = records.EntitySpec(
    "staff_user", StaffUser, FIELDS, clean, lambda u: u.name, duplicates, default_order=("name",)
)


def by_name(session: Session, name: str) -> StaffUser | None:
    return session.scalar(sa.select(StaffUser).where(sa.func.lower(StaffUser.name) == name.lower()))


def login_name() -> str:
    try:
        return getpass.getuser().replace(" ", "_") or "staff"
    except (KeyError, OSError):
        return "staff"


def resolve(session: Session, name: str | None) -> StaffUser:
    """The staff user acting: the named one, or the person logged in (created on first use)."""
    if name:
        user = by_name(session, name)
        if user is None or user.deleted_at is not None:
            raise NotFound(
                "staff user",
                name,
                f"There is no staff user '{name}'. Add one with: crm users add {name}",
            )
        return user
    user = by_name(session, login_name())
    if user is None:
        user = service.create(session, None, {"name": login_name()})
    return user


def choices(session: Session) -> list[tuple[int, str]]:
    """(id, display name) of the active staff users, for owner and assignee filters."""
    query = (
        sa.select(
            StaffUser.id,
            staff_name(StaffUser),
        )
        .where(StaffUser.deleted_at.is_(None), StaffUser.active.is_(True))
        .order_by(sa.func.lower(StaffUser.display_name))
    )
    return [(row[0], row[1]) for row in session.execute(query)]
