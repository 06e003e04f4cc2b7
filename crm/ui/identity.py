"""Who am I: which staff user the person at the window is, per database.

On a personal file the first start asks (pick a staff user or add yourself, `WhoAmIDialog`),
the answer is kept per database (`settings.IDENTITY`), `--user` wins for one session, and
File › Switch staff user asks again. After the demo data is loaded the window offers to act
as one of the demo's staff. On the team database (PostgreSQL) the staff user is the database
login: nothing is asked (`crm.services.staff.acting`).

Whoever is chosen is bound to the database's write sessions (`roles.act_as`), so their role
holds for every write; `switch` changes the shared `DeskContext` in place and announces
that everything may look different (the pages re-read: "my follow-ups" are someone else's).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from crm.db.database import Database
from crm.domain.enums import Role
from crm.domain.errors import DeskError
from crm.services import staff
from crm.services.privacy import roles
from crm.ui import messages, settings
from crm.ui.context import DeskContext
from crm.ui.errors import error_text


@dataclass(frozen=True)
class Person:
    """A staff user as the window shows and keeps it (plain values, no ORM object)."""

    id: int
    name: str
    display_name: str
    role: Role

    @property
    def shown(self) -> str:
        return self.display_name or self.name


def person(user: Any) -> Person:
    """A staff user (a mapped `StaffUser` or a `crm.services.staff` row) as a `Person`."""
    return Person(user.id, user.name, user.display_name, user.role)


def roster(db: Database) -> list[Person]:
    from crm.services import users

    with db.read() as session:
        return [person(u) for u in users.roster(session) if u.active]


def remembered(db: Database) -> str:
    return str(settings.IDENTITY.get().get(db.url, ""))


def remember(db: Database, name: str) -> None:
    if db.is_sqlite:  # the team database goes by the login
        settings.IDENTITY.set({**settings.IDENTITY.get(), db.url: name})


def remembered_person(db: Database) -> Person | None:
    """The staff user chosen last time on this database, if still there and active."""
    name = remembered(db)
    if not name:
        return None
    with db.read() as session:
        user = staff.by_name(session, name)
        if user is None or user.deleted_at is not None or not user.active:
            return None
        return person(user)


def context(db: Database, who: Person) -> DeskContext:
    roles.act_as(db, who.id)
    return DeskContext(db, who.id, who.shown, role=who.role)


def ask(db: Database, parent: QWidget | None = None, current: str = "") -> Person | None:
    """Ask who the user is until they pick someone, add themselves, or cancel (None);
    `current` (a name) comes selected, else the login name's user."""
    from crm.services import users
    from crm.ui.dialogs.staff import WhoAmIDialog

    while True:
        answer = ask_dialog(db, parent, current)
        if answer is None:
            return None
        if isinstance(answer, Person):
            return answer
        try:
            with db.write() as session:
                return person(users.register(session, answer))
        except DeskError as exc:
            messages.error(parent, WhoAmIDialog.title(), error_text(exc))


def ask_dialog(
    db: Database, parent: QWidget | None, current: str = ""
) -> Person | dict[str, str] | None:
    """The who-am-I dialog's answer: a staff user, a new one's values, or None (cancelled).
    Tests replace this, as they do `crm.ui.app.ask_first_start`."""
    from crm.ui.dialogs.staff import WhoAmIDialog

    dialog = WhoAmIDialog(roster(db), staff.login_name(), parent, current=current)
    if not dialog.exec():
        return None
    return dialog.answer()


def switch(ctx: DeskContext, who: Person, *, keep: bool = True) -> None:
    """From now on the window acts as `who` (kept for this database when `keep`)."""
    roles.act_as(ctx.db, who.id)
    ctx.user_id, ctx.user_name, ctx.role = who.id, who.shown, who.role
    if keep:
        remember(ctx.db, who.name)
    from crm.ui.operations import EVERYTHING

    ctx.changes.announce(EVERYTHING)


def refresh_role(ctx: DeskContext) -> None:
    """Read the acting user's role again (an admin may have just changed it)."""
    from crm.services import users

    with ctx.db.read() as session:
        ctx.role = users.service.get(session, ctx.user_id, include_deleted=True).role


def offer_demo_staff(parent: QWidget | None, ctx: DeskContext) -> Person | None:
    """The demo is loaded: act as one of its staff? Returns who was chosen (switched to)."""
    from crm.services.demo import demo_set

    names = [values["name"] for values in demo_set().staff]
    staff = [p for p in roster(ctx.db) if p.name in names and p.id != ctx.user_id]
    if not staff:
        return None
    options = [
        QCoreApplication.translate("Identity", "Act as %1").replace("%1", p.shown) for p in staff
    ]
    text = QCoreApplication.translate(
        "Identity",
        "The demo data is loaded. Its introductions and follow-ups belong to the demo's staff: "
        "act as one of them to see the desk as they do (their follow-ups, their board), or "
        "stay %1. File › Switch staff user changes it later.",
    ).replace("%1", ctx.user_name)
    chosen = messages.choose(
        parent, QCoreApplication.translate("Identity", "Who are you in the demo?"), text, options
    )
    if not 0 <= chosen < len(staff):
        return None
    switch(ctx, staff[chosen])
    return staff[chosen]
