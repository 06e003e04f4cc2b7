"""Staff users: the people using the desk, under whom every change is recorded."""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import Session

from crm.db.models import StaffUser
from crm.domain import validation as v
from crm.domain.enums import Language, Role
from crm.domain.errors import coded
from crm.services import audit, records, staff
from crm.services.cleaning import Cleaner
from crm.services.privacy import roles

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


def _mapped(session: Session, user_id: int) -> StaffUser:
    user = session.get(StaffUser, user_id)
    assert user is not None
    return user


def acting(session: Session, name: str | None, *, create: bool = False) -> StaffUser | None:
    """Who acts (`crm.services.staff.acting`: --user on a personal file, else the login),
    None when that user is not there yet and not `create`.

    A login without a staff user gets one on its first start when `create`: the first of the
    database is its admin, the next ones staff (holding a login to the team database is
    being on the team).
    """
    found = staff.acting(session, name)
    if found is not None:
        return _mapped(session, found.id)
    if not create:
        return None
    login = staff.database_login(session) if staff.is_server(session) else staff.login_name()
    return service.create(session, None, {"name": login})


def register(session: Session, values: dict[str, Any]) -> StaffUser:
    """Someone starting the desk says who they are and is not there yet: they add themselves
    (the window's "who are you?"). The first user of a database is its admin, the next ones
    staff; adding someone else is `add`, for admins."""
    if by_name(session, str(values.get("name", ""))) is not None:
        raise coded("users.exists", user=values["name"])
    return service.create(session, None, values)


def add(
    session: Session, actor_id: int | None, values: dict[str, Any], role: Role | str | None = None
) -> StaffUser:
    """An admin adds a staff user (staff unless `role` says otherwise); on a database without
    any user yet, the first one is its admin whoever adds it."""
    anyone = session.scalar(sa.select(StaffUser.id).limit(1))
    if anyone is not None:
        roles.require(session, actor_id, Role.ADMIN, "users")
    if by_name(session, str(values.get("name", ""))) is not None:
        raise coded("users.exists", user=values["name"])
    user = service.create(session, actor_id, values)
    if role is not None and anyone is not None:
        _change_role(session, actor_id, user, parse_role(role))
    return user


def parse_role(role: Role | str) -> Role:
    try:
        return Role(str(role).strip().lower().replace("_", "-").replace("readonly", "read-only"))
    except ValueError:
        raise coded("role.unknown", role=role) from None


def set_role(session: Session, actor_id: int | None, user_id: int, role: Role | str) -> StaffUser:
    """An admin changes a staff user's role; the last admin stays one."""
    roles.require(session, actor_id, Role.ADMIN, "users")
    user = service.get(session, user_id)
    _change_role(session, actor_id, user, parse_role(role))
    return user


def _change_role(session: Session, actor_id: int | None, user: StaffUser, role: Role) -> None:
    if user.role == role:
        return
    if user.role is Role.ADMIN:
        others = session.scalar(
            sa.select(sa.func.count()).where(
                StaffUser.role == Role.ADMIN, StaffUser.id != user.id,
                StaffUser.deleted_at.is_(None), StaffUser.active.is_(True),
            )
        )  # fmt: skip
        if not others:
            raise coded("role.last_admin", user=user.name)
    before = user.role
    user.role = role
    records.flush_checked(session, service, user, None)
    audit.record(
        session, actor_id, "update", "staff_user", user.id, user.uid,
        {"role": [audit.plain(before), role.value]},
    )  # fmt: skip


def roster(session: Session) -> list[StaffUser]:
    """Every staff user out of the trash, by name (the CLI's `crm users`, the window's list)."""
    return service.find(session)
