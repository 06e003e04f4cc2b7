"""Staff users: creation rules, `resolve` by name and the default login user, on both databases."""

from __future__ import annotations

import getpass

import pytest
import sqlalchemy as sa

from crm.db.models import StaffUser
from crm.domain.enums import Language
from crm.domain.errors import DuplicateWarning, NotFound, ValidationFailed
from crm.services import staff, users


def test_create_defaults(db):
    with db.write() as session:
        user = users.service.create(
            session, None, {"name": "jsmith", "email": "J.Smith@MassBio.ORG", "language": "EN"}
        )
    assert user.display_name == "jsmith"
    assert user.email == "J.Smith@massbio.org"
    assert user.language is Language.EN and user.active is True


def test_name_must_be_one_word(db):
    with pytest.raises(ValidationFailed) as info, db.write() as session:
        users.service.create(session, None, {"name": "Marie Tremblay", "email": "nope"})
    assert info.value.codes == ["name.invalid", "email.invalid"]
    assert info.value.record == "new staff_user"


def test_same_name_in_another_case_is_a_duplicate(db, actor):
    with pytest.raises(DuplicateWarning) as info, db.write() as session:
        users.service.create(session, None, {"name": "MTremblay"})
    assert info.value.duplicates == [("staff_user", actor, "mtremblay")]


def test_a_named_user_is_found_case_insensitively(db, actor):
    with db.read() as session:
        assert staff.named(session, "MTREMBLAY").id == actor
        assert staff.named(session, "mtremblay").display_name == "Marie Tremblay"


def test_an_unknown_name_hints_at_the_command(db, actor):
    with pytest.raises(NotFound) as info, db.read() as session:
        staff.named(session, "ghost")
    assert "crm users add ghost" in info.value.message
    assert (info.value.entity, info.value.record_id) == ("staff user", "ghost")


def test_a_deleted_user_is_not_found_by_name(db, actor):
    with db.write() as session:
        other = users.service.create(session, actor, {"name": "left"}).id
        users.service.delete(session, actor, other)
    with pytest.raises(NotFound, match="crm users add left"), db.read() as session:
        staff.named(session, "left")


def test_default_login_user_is_created_once(db, monkeypatch):
    if not db.is_sqlite:
        pytest.skip("SQLite: the computer's login (on PostgreSQL, the database login)")
    monkeypatch.setattr(staff, "login_name", lambda: "desk_login")
    with db.write() as session:
        first = users.acting(session, None, create=True)
        assert first.name == "desk_login"
    with db.write() as session:
        assert users.acting(session, None, create=True).id == first.id
        assert users.acting(session, "", create=True).id == first.id
    with db.read() as session:
        assert session.scalar(sa.select(sa.func.count()).select_from(StaffUser)) == 1


def test_login_name_has_no_spaces(monkeypatch):
    monkeypatch.setattr(getpass, "getuser", lambda: "Marie Tremblay")
    assert staff.login_name() == "Marie_Tremblay"

    def no_user() -> str:
        raise OSError("no login")

    monkeypatch.setattr(getpass, "getuser", no_user)
    assert staff.login_name() == "staff"


def test_rename_and_deactivate(db, actor):
    with db.write() as session:
        user = users.service.update(
            session, actor, actor, {"display_name": "Marie T.", "active": "non"}
        )
        assert user.active is False and user.version == 2
    with db.read() as session:
        assert [u.name for u in users.service.find(session)] == ["mtremblay"]
