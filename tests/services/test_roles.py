"""Roles on SQLite and PostgreSQL: the first staff user is the admin, a read-only user writes
nothing through any service, and the admin-only actions refuse everyone else."""

from __future__ import annotations

import csv
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa

from crm.db.database import Database
from crm.db.models import Organization, StaffUser
from crm.domain.enums import Role
from crm.domain.errors import DeskError
from crm.services import (
    contacts,
    csv_export,
    csv_import,
    demo,
    events,
    followups,
    interactions,
    introductions,
    organizations,
    staff,
    stages,
    users,
)
from crm.services.export_columns import ExportRequest
from crm.services.maintenance import backup, restore
from crm.services.privacy import roles


@dataclass
class Desk:
    db: Database
    admin: int
    staff: int
    reader: int
    qc: int
    ma: int
    contact: int
    intro: int
    followup: int
    event: int
    tmp: Path


@pytest.fixture
def desk(db: Database, tmp_path: Path) -> Iterator[Desk]:
    with db.write() as s:
        admin = users.service.create(s, None, {"name": "boss"}).id
        staff = users.service.create(s, admin, {"name": "worker"}).id
        reader = users.add(s, admin, {"name": "reader"}, Role.READ_ONLY).id
        qc = organizations.service.create(
            s, admin, {"name": "Biotech QC", "region": "QC", "country": "Canada"}
        ).id
        ma = organizations.service.create(
            s, admin, {"name": "Boston CRO", "region": "MA", "country": "USA"}
        ).id
        contact = contacts.service.create(
            s, admin, {"first_name": "Éric", "last_name": "Côté", "organization_id": qc}
        ).id
        intro = introductions.create(
            s, admin, {"qc_organization_id": qc, "ma_organization_id": ma, "owner_id": admin}
        ).id
        followup = followups.service.create(
            s, admin, {"title": "Call", "due_date": "2030-01-15", "introduction_id": intro}
        ).id
        event = events.service.create(
            s, admin, {"name": "BIO", "kind": "conference", "starts_on": "2030-06-16"}
        ).id
    yield Desk(db, admin, staff, reader, qc, ma, contact, intro, followup, event, tmp_path)
    roles.act_as(db, None)  # the PostgreSQL database is shared by the run's tests


def as_(desk: Desk, actor: int, fn: Callable[[Any, int], Any]) -> Any:
    """Call `fn(session, actor)` as the window and the CLI do: bound, in one transaction."""
    roles.act_as(desk.db, actor)
    with desk.db.write() as session:
        return fn(session, actor)


def refused(desk: Desk, actor: int, fn: Callable[[Any, int], Any]) -> DeskError:
    with pytest.raises(DeskError) as info:
        as_(desk, actor, fn)
    return info.value


def _csv(path: Path, rows: list[list[str]]) -> Path:
    with path.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle).writerows(rows)
    return path


def _import(desk: Desk) -> Callable[[Any, int], Any]:
    source_path = _csv(desk.tmp / "orgs.csv", [["name", "region"], ["Imported Inc", "QC"]])
    source = csv_import.read_source(source_path, "organizations")
    return lambda s, a: csv_import.run(s, a, "organizations", source, csv_import.ImportOptions())


# What a person can change, one service each (the write paths the window and the CLI use).
WRITES: dict[str, Callable[[Desk], Callable[[Any, int], Any]]] = {
    "create an organization": lambda d: (
        lambda s, a: organizations.service.create(s, a, {"name": "New one"})
    ),
    "edit a contact": lambda d: (
        lambda s, a: contacts.service.update(s, a, d.contact, {"title": "CEO"})
    ),
    "trash an organization": lambda d: lambda s, a: organizations.service.delete(s, a, d.ma),
    "create an introduction": lambda d: (
        lambda s, a: introductions.create(
            s, a, {"qc_contact_id": d.contact, "ma_organization_id": d.ma}
        )
    ),
    "move a stage": lambda d: lambda s, a: stages.move(s, a, d.intro, "asked"),
    "complete a follow-up": lambda d: lambda s, a: followups.complete(s, a, d.followup),
    "log an interaction": lambda d: (
        lambda s, a: interactions.service.create(
            s, a, {"kind": "call", "subject": "Hello", "contact_id": d.contact}
        )
    ),
    "add a participant": lambda d: (
        lambda s, a: events.participants.create(
            s, a, {"event_id": d.event, "contact_id": d.contact}
        )
    ),
    "import a CSV file": _import,
    "export a CSV file": lambda d: (
        lambda s, a: csv_export.export(s, a, ExportRequest("organizations"), d.tmp / "out.csv")
    ),
    "load the demo": lambda d: lambda s, a: demo.load_demo(s, a),
}


@pytest.mark.parametrize("action", list(WRITES))
def test_a_read_only_user_writes_nothing_and_staff_can(desk, action):
    before = _fingerprint(desk.db)
    error = refused(desk, desk.reader, WRITES[action](desk))
    assert error.code == "role.read_only"
    assert str(error).startswith("reader has read-only access to this database")
    assert _fingerprint(desk.db) == before
    as_(desk, desk.staff, WRITES[action](desk))  # the same call, by a staff user, is done
    assert _fingerprint(desk.db) != before


def _fingerprint(db: Database) -> tuple[int, ...]:
    from crm.db.models import AuditEntry, ExportLogEntry

    with db.read() as s:
        return tuple(
            s.scalar(sa.select(sa.func.count()).select_from(m)) or 0
            for m in (AuditEntry, ExportLogEntry, Organization)
        )


def test_a_backup_is_refused_to_a_read_only_user(desk):
    if desk.db.path is None:
        pytest.skip("a team database's backup goes to the user data folder; same check")
    roles.act_as(desk.db, desk.reader)
    with pytest.raises(DeskError) as info:
        backup.backup(desk.db, desk.tmp / "b.db", actor_id=desk.reader)
    assert info.value.code == "role.read_only"
    assert not (desk.tmp / "b.db").exists()


def test_the_first_staff_user_is_the_admin_the_next_ones_staff(desk):
    with desk.db.read() as s:
        found = {u.name: u.role for u in users.roster(s)}
    assert found == {"boss": Role.ADMIN, "worker": Role.STAFF, "reader": Role.READ_ONLY}


def test_purge_is_an_admins(desk):
    as_(desk, desk.staff, lambda s, a: organizations.service.delete(s, a, desk.ma))
    error = refused(desk, desk.staff, lambda s, a: organizations.service.purge(s, a, desk.ma))
    assert error.code == "role.admin.purge" and "worker is not an admin" in str(error)
    as_(desk, desk.admin, lambda s, a: organizations.service.purge(s, a, desk.ma))
    with desk.db.read() as s:
        assert s.get(Organization, desk.ma) is None


def test_adding_users_and_changing_roles_are_an_admins(desk):
    error = refused(desk, desk.staff, lambda s, a: users.add(s, a, {"name": "newbie"}))
    assert error.code == "role.admin.users"
    error = refused(desk, desk.staff, lambda s, a: users.set_role(s, a, desk.staff, "admin"))
    assert error.code == "role.admin.users"
    as_(desk, desk.admin, lambda s, a: users.add(s, a, {"name": "newbie"}, "read-only"))
    as_(desk, desk.admin, lambda s, a: users.set_role(s, a, desk.reader, Role.STAFF))
    with desk.db.read() as s:
        assert users.by_name(s, "newbie").role is Role.READ_ONLY
        assert users.by_name(s, "reader").role is Role.STAFF
        # The role change is in the audit trail, by whom and from what.
        trail = users.audit.history(s, "staff_user", desk.reader)
    assert '"role": ["read-only", "staff"]' in trail[-1].changes
    assert trail[-1].user_id == desk.admin


def test_the_last_admin_stays_one_and_a_role_is_one_of_three(desk):
    error = refused(desk, desk.admin, lambda s, a: users.set_role(s, a, desk.admin, "staff"))
    assert error.code == "role.last_admin"
    error = refused(desk, desk.admin, lambda s, a: users.set_role(s, a, desk.staff, "owner"))
    assert error.code == "role.unknown"
    as_(desk, desk.admin, lambda s, a: users.set_role(s, a, desk.staff, "admin"))
    as_(desk, desk.admin, lambda s, a: users.set_role(s, a, desk.admin, "staff"))  # now fine


def test_exporting_without_consent_is_an_admins(desk):
    request = ExportRequest("contacts", include_without_consent=True)
    error = refused(
        desk, desk.staff, lambda s, a: csv_export.export(s, a, request, desk.tmp / "all.csv")
    )
    assert error.code == "role.admin.export_consent"
    assert not (desk.tmp / "all.csv").exists()
    as_(desk, desk.admin, lambda s, a: csv_export.export(s, a, request, desk.tmp / "all.csv"))
    assert "Côté" in (desk.tmp / "all.csv").read_text(encoding="utf-8-sig")


def test_restore_is_an_admins(desk, tmp_path):
    made = tmp_path / "backup.db"
    roles.act_as(desk.db, desk.admin)
    backup.backup(desk.db, made, actor_id=desk.admin)
    # On the team database the login acts: here a staff user (boss was the first).
    with pytest.raises(DeskError) as info:
        restore.restore(desk.db, made, user="worker" if desk.db.is_sqlite else None)
    assert info.value.code == "role.admin.restore"
    if desk.db.is_sqlite:  # on the team database the login decides, not a name
        assert restore.restore(desk.db, made, user="boss").safety is not None


def test_require_names_the_action_and_nobody_is_not_enough(desk):
    with desk.db.read() as s:
        roles.require(s, desk.admin, Role.ADMIN, "forget")
        with pytest.raises(DeskError) as info:
            roles.require(s, desk.staff, Role.ADMIN, "forget")
        assert info.value.code == "role.admin.forget"
        with pytest.raises(DeskError):
            roles.require(s, None, Role.STAFF)
        assert roles.may(s, desk.staff, Role.STAFF) and not roles.may(s, desk.reader, Role.STAFF)


def test_a_trashed_user_writes_nothing(desk):
    as_(desk, desk.admin, lambda s, a: users.service.delete(s, a, desk.staff))
    error = refused(desk, desk.staff, WRITES["create an organization"](desk))
    assert error.code == "role.read_only"


# --- who acts: the login on PostgreSQL, a name on SQLite ------------------------------------


def test_on_postgresql_the_staff_user_is_the_database_login(db):
    if db.is_sqlite:
        pytest.skip("PostgreSQL: the login")
    with db.write() as s:
        login = staff.database_login(s)
        me = users.acting(s, None, create=True)
        assert me.name == login and me.role is Role.ADMIN  # the first login is the admin
        assert users.acting(s, login.upper()).id == me.id  # naming yourself is fine
        with pytest.raises(DeskError) as info:
            users.acting(s, "mtremblay")
        assert info.value.code == "role.not_your_login"
        assert login in str(info.value) and "password" not in str(info.value)
        assert "options" not in str(info.value)
        other = users.add(s, me.id, {"name": "mtremblay"})
        assert other.role is Role.STAFF


def test_on_postgresql_a_later_login_gets_staff_and_a_removed_one_is_refused(db):
    if db.is_sqlite:
        pytest.skip("PostgreSQL: the login")
    with db.write() as s:
        first = users.service.create(s, None, {"name": "someone_else"})
        me = users.acting(s, None, create=True)
        assert me.role is Role.STAFF and first.role is Role.ADMIN
        users.service.update(s, first.id, me.id, {"active": False})
    with pytest.raises(DeskError) as info, db.read() as s:
        users.acting(s, None)
    assert info.value.code == "role.login_removed"


def test_on_sqlite_a_name_picks_the_user_and_the_login_name_is_the_default(db, monkeypatch):
    if not db.is_sqlite:
        pytest.skip("SQLite: names")
    monkeypatch.setattr(staff, "login_name", lambda: "me_here")
    with db.write() as s:
        assert users.acting(s, None) is None  # not there yet, not made unless asked
        me = users.acting(s, None, create=True)
        other = users.service.create(s, None, {"name": "other"})
        assert users.acting(s, "OTHER").id == other.id
    assert (me.role, other.role) == (Role.ADMIN, Role.STAFF)


def test_no_staff_user_table_row_has_no_role(db, actor):
    with db.read() as s:
        assert s.scalar(sa.select(sa.func.count()).where(StaffUser.role.is_(None))) == 0
