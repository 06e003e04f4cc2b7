"""The File menu's care of the database: back up, restore, check, the team database dialog,
switching to another database (unreachable, or a new file in a new window)."""

from __future__ import annotations

from pathlib import Path

import sqlalchemy as sa

from crm.db.models import Contact
from crm.services import contacts
from crm.ui import app as desk_app
from crm.ui.dialogs import maintenance as care


def test_back_up_and_restore_from_the_file_menu(qtbot, window, desk, answers, tmp_path,
                                                monkeypatch):  # fmt: skip
    target = tmp_path / "saved" / "copy.db"
    target.parent.mkdir()
    offered = []

    def save_path(parent, title, default):
        offered.append(default)
        return str(target)

    monkeypatch.setattr(care, "ask_save_path", save_path)
    window.actions_["backup"].trigger()
    qtbot.waitUntil(lambda: any(kind == "info" for kind, *_ in answers.asked), timeout=10000)
    assert target.exists()
    assert Path(offered[0]).parent.name == "backups"
    assert answers.asked[-1][1] == "Backup made" and str(target) in answers.asked[-1][2]

    # a change after the backup, then restore it
    with desk.db.write() as s:
        contacts.service.delete(s, desk.user_id, s.scalar(sa.select(Contact.id).limit(1)))
    page = window.show_page("contacts")
    qtbot.waitUntil(page.is_loaded)
    assert page.model.rowCount() == 2
    monkeypatch.setattr(care, "ask_open_path", lambda parent, title, folder: str(target))
    answers.asked.clear()
    answers.confirm = [False]
    assert care.restore(window) is None  # the user said no: nothing happens
    assert "safety copy" in answers.asked[0][2]
    answers.confirm = [True]
    window.actions_["restore_backup"].trigger()
    qtbot.waitUntil(lambda: answers.asked[-1][0] == "info", timeout=10000)
    assert answers.asked[-1][1] == "Database restored"
    qtbot.waitUntil(lambda: page.is_loaded() and page.model.rowCount() == 3, timeout=5000)
    with desk.db.read() as s:
        assert (
            s.scalar(sa.select(sa.func.count(Contact.id)).where(Contact.deleted_at.is_(None))) == 3
        )


def test_backup_failure_is_told(qtbot, window, answers, tmp_path, monkeypatch):
    monkeypatch.setattr(
        care, "ask_save_path", lambda *a: str(tmp_path / "no" / "such" / "dir" / "\0bad.db")
    )
    window.actions_["backup"].trigger()
    qtbot.waitUntil(lambda: bool(answers.asked), timeout=5000)
    assert answers.asked[-1][:2] == ("error", "Cannot back up")


def test_check_database_shows_its_health(qtbot, window, answers):
    window.actions_["check_database"].trigger()
    qtbot.waitUntil(lambda: bool(answers.asked), timeout=10000)
    kind, title, text = answers.asked[-1]
    assert (kind, title) == ("info", "Database check")
    assert "good health" in text and "contact: 3" in text


def test_team_database_dialog_tells_why_it_cannot_connect(qtbot, tasks):
    dialog = care.TeamDatabaseDialog(tasks)
    qtbot.addWidget(dialog)
    chosen = []
    dialog.chosen.connect(chosen.append)
    dialog.edit.setText("mysql://somewhere/crm")
    dialog.try_connect()
    assert dialog.error.isVisibleTo(dialog) and "postgresql://" in dialog.error.text()
    dialog.edit.setText("postgresql://nobody@127.0.0.1:1/crm")  # nothing listens on port 1
    dialog.try_connect()
    assert not dialog.connect_button.isEnabled()
    qtbot.waitUntil(lambda: dialog.connect_button.isEnabled(), timeout=15000)
    assert "Cannot open this team database" in dialog.error.text()
    assert "127.0.0.1" in dialog.error.text()
    assert chosen == [] and dialog.result() == 0


def test_switching_to_an_unreachable_database_keeps_the_window(qtbot, window, answers):
    assert desk_app.switch_database(window, "postgresql://nobody@127.0.0.1:1/crm") is None
    assert answers.asked[-1][:2] == ("error", "Cannot open the database")
    assert window.isVisible()


def test_new_database_opens_in_a_new_window(qtbot, window, tmp_path):
    fresh = desk_app.switch_database(window, str(tmp_path / "other.db"))
    assert fresh is not None
    qtbot.addWidget(fresh)
    assert fresh.ctx.db.path == tmp_path / "other.db"
    assert fresh.ctx.user_name == "Marie Tremblay"  # the same staff user, created there
    fresh.close()


def test_file_menu_has_the_database_care(window):
    texts = [a.text() for a in window.menus["file"].actions() if not a.isSeparator()]
    for text in ("&Back up…", "Re&store from a backup…", "&Check the database",
                 "Open &team database…", "&New database…", "&Open database…"):  # fmt: skip
        assert text in texts
