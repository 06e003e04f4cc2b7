"""Who am I and roles in the window: the first start asks which staff user you are (kept per
database), the demo offers its staff, File › Switch staff user, the staff users dialog, and a
read-only user's window (write actions disabled, a refusal said in the user's language)."""

from __future__ import annotations

from typing import Any

import pytest
import sqlalchemy as sa
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox

from crm.db.migrate import open_database
from crm.db.models import Organization
from crm.domain.enums import Role
from crm.services import organizations, staff, users
from crm.services.privacy import roles
from crm.ui import app as desk_app
from crm.ui import identity, operations, settings
from crm.ui.dialogs.staff import StaffUsersDialog, WhoAmIDialog
from tests.ui.writes import settle


@pytest.fixture
def asked(monkeypatch: pytest.MonkeyPatch) -> list[Any]:
    """Scripted answers to the who-am-I dialog; each question asked is appended to `log`."""
    script: list[Any] = []
    log: list[list[str]] = []

    def ask_dialog(db: Any, parent: Any, current: str = "") -> Any:
        log.append([p.name for p in identity.roster(db)])
        answer = script.pop(0)
        return answer(identity.roster(db)) if callable(answer) else answer

    monkeypatch.setattr(identity, "ask_dialog", ask_dialog)
    script.append(log)  # the first item is the log, popped by the test
    return script


def pick(name: str) -> Any:
    return lambda people: next(p for p in people if p.name == name)


def test_the_first_start_asks_and_the_answer_is_kept_per_database(qtbot, desk, asked, tmp_path):
    log = asked.pop(0)
    db = desk.db
    asked.append(pick("jsmith"))
    ctx = desk_app.resolve_user(db, None, interactive=True)
    assert ctx is not None and (ctx.user_name, ctx.role) == ("John Smith", Role.STAFF)
    assert log == [["jsmith", "mtremblay"]]  # asked once, among the desk's staff users
    assert settings.IDENTITY.get() == {db.url: "jsmith"}
    # The next start on this database asks nothing.
    again = desk_app.resolve_user(db, None, interactive=True)
    assert again.user_id == ctx.user_id and len(log) == 1
    # --user wins for one session, and does not change what is kept.
    marie = desk_app.resolve_user(db, "mtremblay", interactive=True)
    assert (marie.user_name, marie.role) == ("Marie Tremblay", Role.ADMIN)
    assert settings.IDENTITY.get() == {db.url: "jsmith"} and len(log) == 1
    # Another database: asked again (here it is new, so you add yourself: its admin).
    other = open_database(f"sqlite:///{tmp_path / 'other.db'}")
    try:
        asked.append({"name": "lgagnon", "display_name": "Louise Gagnon"})
        mine = desk_app.resolve_user(other, None, interactive=True)
        assert (mine.user_name, mine.role) == ("Louise Gagnon", Role.ADMIN)
        assert log[-1] == []
        assert settings.IDENTITY.get() == {db.url: "jsmith", other.url: "lgagnon"}
    finally:
        other.close()
    roles.act_as(db, None)


def test_adding_yourself_among_others_makes_you_staff_and_a_taken_name_is_told(
    qtbot, desk, asked, answers
):
    asked.pop(0)
    asked.extend([{"name": "JSmith"}, {"name": "newbie", "display_name": ""}])
    ctx = desk_app.resolve_user(desk.db, None, interactive=True)
    assert answers.asked[-1][0] == "error" and "already a staff user" in answers.asked[-1][2]
    assert (ctx.user_name, ctx.role) == ("newbie", Role.STAFF)


def test_cancelling_the_question_starts_nothing(qtbot, desk, asked, capsys):
    asked.pop(0)
    asked.append(None)
    assert desk_app.resolve_user(desk.db, None, interactive=True) is None
    assert settings.IDENTITY.get() == {}
    assert "No staff user was chosen" in capsys.readouterr().err


def test_after_the_demo_the_window_offers_its_staff(qtbot, sqlite_db, asked, answers, tasks,
                                                     monkeypatch):  # fmt: skip
    from crm.ui.dialogs.misc import FirstStartDialog

    asked.pop(0)
    asked.append({"name": "me", "display_name": "Me Myself"})
    ctx = desk_app.resolve_user(sqlite_db, None, interactive=True)
    assert ctx.role is Role.ADMIN  # the first user of a new file
    monkeypatch.setattr(desk_app, "ask_first_start", lambda: FirstStartDialog.DEMO)
    answers.choose = [1]
    offered: list[Any] = []
    assert desk_app.offer_demo(ctx, tasks, lambda: offered.append(
        identity.offer_demo_staff(None, ctx)))  # fmt: skip
    settle(qtbot, tasks)
    kind, title, text = answers.asked[-1]
    assert (kind, title) == ("choose", "Who are you in the demo?") and "Me Myself" in text
    chosen = offered[0]
    assert chosen is not None and ctx.user_id == chosen.id and ctx.role is Role.STAFF
    assert settings.IDENTITY.get() == {sqlite_db.url: chosen.name}
    # Writes are now that person's.
    task = operations.write(None, ctx, tasks, lambda s, a: organizations.service.create(
        s, a, {"name": "Written as the demo's staff"}), kinds=("organization",),
        error_title="x")  # fmt: skip
    assert task is not None
    settle(qtbot, tasks)
    with sqlite_db.read() as s:
        org = s.scalar(sa.select(Organization).where(Organization.name.like("Written as%")))
        assert users.service.get(s, chosen.id).name == chosen.name
        from crm.services import audit

        assert audit.history(s, "organization", org.id)[0].user_id == chosen.id
    roles.act_as(sqlite_db, None)


def test_the_who_am_i_dialog_picks_or_adds(qtbot, english):
    people = [identity.Person(1, "mtremblay", "Marie Tremblay", Role.ADMIN),
              identity.Person(2, "jsmith", "John Smith", Role.READ_ONLY)]  # fmt: skip
    assert WhoAmIDialog(people, "jsmith", current="mtremblay").answer() == people[0]
    dialog = WhoAmIDialog(people, "jsmith")
    qtbot.addWidget(dialog)
    assert dialog.windowTitle() == "Who are you?"
    assert dialog.list.item(1).text() == "John Smith (jsmith) · Read-only"
    assert dialog.answer() == people[1]  # the login's user comes selected
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    qtbot.keyClicks(dialog.name, "x")
    dialog.name.clear()
    assert dialog.new.isChecked() and not ok.isEnabled()
    qtbot.keyClicks(dialog.name, "lgagnon")
    qtbot.keyClicks(dialog.display_name, "Louise Gagnon")
    assert ok.isEnabled()
    assert dialog.answer() == {"name": "lgagnon", "display_name": "Louise Gagnon"}
    rect = dialog.list.visualItemRect(dialog.list.item(0))
    qtbot.mouseClick(dialog.list.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert dialog.pick.isChecked() and dialog.answer() == people[0]


def test_the_who_am_i_dialog_in_french(qtbot, french):
    dialog = WhoAmIDialog([], "mtremblay")
    qtbot.addWidget(dialog)
    assert dialog.windowTitle() == "Qui êtes-vous ?"
    assert not dialog.list.isVisibleTo(dialog) and dialog.new.isChecked()
    assert dialog.name.text() == "mtremblay"  # a new database: you, by your login name


def _window(qtbot: Any, ctx: Any, tasks: Any, lang: str) -> Any:
    from crm.ui.i18n import Languages
    from crm.ui.main_window import MainWindow

    languages = Languages()
    languages.apply(lang)
    win = MainWindow(ctx, languages, tasks, remember_geometry=False)
    qtbot.addWidget(win)
    win.show()
    return win


def as_user(ctx: Any, name: str) -> Any:
    with ctx.db.read() as s:
        who = identity.person(users.by_name(s, name))
    return identity.context(ctx.db, who)


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_a_read_only_window_disables_writes_and_says_the_refusal(qtbot, desk, tasks, answers,
                                                                  lang):  # fmt: skip
    with desk.db.write() as s:
        users.set_role(s, desk.user_id, users.by_name(s, "jsmith").id, "read-only")
    ctx = as_user(desk, "jsmith")
    win = _window(qtbot, ctx, tasks, lang)
    try:
        role = {"en": "Read-only", "fr": "Lecture seule"}[lang]
        who = {"en": "Staff user: John Smith", "fr": "Membre du personnel : John Smith"}[lang]
        assert win.user_label.text() == f"{who} ({role})"
        for key in ("new_contact", "import_csv", "delete", "restore_backup"):
            assert not win.actions_[key].isEnabled(), key
        assert win.actions_["find"].isEnabled() and win.actions_["switch_user"].isEnabled()
        # Any other way to write gets the services' refusal, in the window's language.
        operations.write(win, ctx, tasks, lambda s, a: organizations.service.create(
            s, a, {"name": "Not written"}), kinds=("organization",), error_title="T")  # fmt: skip
        settle(qtbot, tasks)
        kind, title, text = answers.asked[-1]
        assert (kind, title) == ("error", "T")
        assert text.startswith({"en": "jsmith has read-only access",
                                "fr": "jsmith n’a qu’un accès en lecture"}[lang])  # fmt: skip
    finally:
        win.languages.apply("en")
        roles.act_as(desk.db, None)


def test_switching_staff_user_from_the_file_menu(qtbot, desk, tasks, asked):
    asked.pop(0)
    ctx = as_user(desk, "mtremblay")
    win = _window(qtbot, ctx, tasks, "en")
    assert win.user_label.text() == "Staff user: Marie Tremblay (Admin)"
    asked.append(pick("jsmith"))
    win.actions_["switch_user"].trigger()
    assert win.user_label.text() == "Staff user: John Smith (Staff)"
    assert ctx.user_id == asked_user(desk, "jsmith") and roles.acting_on(desk.db) == ctx.user_id
    assert settings.IDENTITY.get() == {desk.db.url: "jsmith"}
    roles.act_as(desk.db, None)


def asked_user(ctx: Any, name: str) -> int:
    with ctx.db.read() as s:
        return users.by_name(s, name).id


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_an_admin_sets_roles_and_adds_users_in_the_staff_users_dialog(qtbot, desk, tasks,
                                                                      lang):  # fmt: skip
    ctx = as_user(desk, "mtremblay")
    win = _window(qtbot, ctx, tasks, lang)
    try:
        win.actions_["staff_users"].trigger()
        dialog = win.findChild(StaffUsersDialog)
        assert dialog is not None and dialog.add_box.isEnabled()
        labels = {
            "en": ("Staff users", "Read-only"),
            "fr": ("Membres du personnel", "Lecture seule"),
        }
        assert dialog.windowTitle() == labels[lang][0]
        combo = dialog.findChild(type(dialog.new_role), "staffRole_jsmith")
        combo.setCurrentIndex(list(Role).index(Role.READ_ONLY))
        combo.activated.emit(combo.currentIndex())
        settle(qtbot, tasks)
        assert asked_role(desk, "jsmith") is Role.READ_ONLY
        qtbot.keyClicks(dialog.new_name, "agirard")
        qtbot.keyClicks(dialog.new_display, "Annick Girard")
        qtbot.mouseClick(dialog.add_button, Qt.MouseButton.LeftButton)
        settle(qtbot, tasks)
        assert asked_role(desk, "agirard") is Role.STAFF
        rows = [dialog.table.item(r, 0).text() for r in range(dialog.table.rowCount())]
        assert rows == ["agirard", "jsmith", "mtremblay"]
        jsmith = dialog.findChild(type(dialog.new_role), "staffRole_jsmith")
        assert jsmith.currentText() == labels[lang][1]
        dialog.close()
    finally:
        win.languages.apply("en")
        roles.act_as(desk.db, None)


def test_staff_see_the_roles_but_cannot_change_them(qtbot, desk, tasks):
    ctx = as_user(desk, "jsmith")
    dialog = StaffUsersDialog(ctx, tasks)
    qtbot.addWidget(dialog)
    assert not dialog.add_box.isEnabled()
    assert dialog.findChild(type(dialog.new_role), "staffRole_jsmith") is None
    assert [dialog.table.item(r, 2).text() for r in range(2)] == ["Staff", "Admin"]
    assert "Only an admin changes roles" in dialog.note.text()
    roles.act_as(desk.db, None)


def asked_role(ctx: Any, name: str) -> Role:
    with ctx.db.read() as s:
        return users.by_name(s, name).role


def test_on_the_team_database_the_window_is_the_login_and_asks_nothing(qtbot, db, asked,
                                                                       answers, tasks):  # fmt: skip
    if db.is_sqlite:
        pytest.skip("the team database: PostgreSQL")
    log = asked.pop(0)
    ctx = desk_app.resolve_user(db, None, interactive=True)
    with db.read() as s:
        login = staff.database_login(s)
    assert ctx is not None and ctx.user_name == login and ctx.role is Role.ADMIN
    assert log == [] and settings.IDENTITY.get() == {}
    win = _window(qtbot, ctx, tasks, "en")
    assert not win.actions_["switch_user"].isEnabled()
    assert win.user_label.text() == f"Staff user: {login} (Admin)"
    win.close()
    assert desk_app.resolve_user(db, "mtremblay", interactive=True) is None
    kind, title, text = answers.asked[-1]
    assert (kind, title) == ("error", "Cannot start")
    assert f"you act as your database login, {login}" in text
    roles.act_as(db, None)


def test_in_the_trash_only_an_admin_deletes_permanently(qtbot, desk, answers):
    from crm.ui.pages.trash import TrashPage

    with desk.db.write() as s:
        boston = organizations.service.find(s)[0].id
        organizations.service.delete(s, desk.user_id, boston)
    ctx = as_user(desk, "jsmith")  # staff
    page = TrashPage(ctx)
    qtbot.addWidget(page)
    page.activate()
    assert not page.purge_button.isEnabled()
    assert page.purge_button.toolTip() == "Only an admin can delete records permanently."
    page.table.selectRow(0)
    page.delete_selected()  # the Delete key: told at once, nothing asked
    kind, title, text = answers.asked[-1]
    assert (kind, title) == ("error", "Cannot delete permanently")
    assert "Only an admin can erase records for good" in text
    identity.switch(ctx, _marie(desk))
    assert page.purge_button.isEnabled()  # Marie is the admin
    roles.act_as(desk.db, None)


def _marie(ctx: Any) -> identity.Person:
    with ctx.db.read() as s:
        return identity.person(users.by_name(s, "mtremblay"))
