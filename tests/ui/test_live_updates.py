"""Two windows on one database (SQLite and PostgreSQL): what one saves appears in the other
within two seconds, an open editor says who changed its record, and a lost connection is said
in the status bar and recovered from."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtWidgets import QLineEdit

from crm.db.migrate import open_database
from crm.services import contacts, organizations
from crm.ui import live as live_module
from crm.ui.context import DeskContext
from crm.ui.i18n import Languages
from crm.ui.main_window import MainWindow
from tests.ui.writes import settle_editor

LIVE_MS = 2000  # the promise: another desk's change shows within 2 seconds


@pytest.fixture
def two_windows(qtbot: Any, db: Any, actor: int, tasks: Any) -> Iterator[tuple[Any, Any]]:
    with db.write() as s:
        organizations.service.create(s, actor, {"name": "Kendall CRO", "region": "MA"})
        contacts.service.create(s, actor, {"first_name": "Ava", "last_name": "Smith"})
    second_db = open_database(db.url)  # another program on the same database
    languages = Languages()
    languages.apply("en")
    windows = []
    for database in (db, second_db):
        win = MainWindow(DeskContext(database, actor, "Marie Tremblay"), languages, tasks,
                         remember_geometry=False)  # fmt: skip
        qtbot.addWidget(win)
        win.show()
        windows.append(win)
    yield windows[0], windows[1]
    for win in windows:
        win.close()
    tasks.wait()
    second_db.close()


def names(page: Any) -> list[str]:
    model = page.model
    return [model.index(r, 0).data() for r in range(model.rowCount())]


def test_a_save_in_one_window_appears_in_the_other(qtbot, two_windows):
    mine, theirs = two_windows
    theirs_page = theirs.show_page("contacts")
    qtbot.waitUntil(theirs_page.is_loaded)
    assert "Ava Smith" in names(theirs_page)
    mine.show_page("contacts")
    editor = mine.new_record("contact")
    editor.widgets["first_name"].setText("Éloïse")
    editor.widgets["last_name"].setText("Gagné")
    editor.save()
    settle_editor(qtbot, editor)
    qtbot.waitUntil(lambda: "Éloïse Gagné" in names(theirs_page), timeout=LIVE_MS)


def test_an_open_editor_keeps_what_is_typed_and_says_who_changed_it(qtbot, two_windows, actor):
    mine, theirs = two_windows
    with theirs.ctx.db.read() as s:
        ava = contacts.service.find(s)[0]
    page = theirs.edit_record("contact", ava.id)  # the contact's record page
    editor = page.form  # its fields, edited in place
    qtbot.waitUntil(lambda: editor.version is not None)
    title: QLineEdit = editor.widgets["title"]
    title.setText("Directrice, typed here")
    with mine.ctx.db.write() as s:
        contacts.service.update(s, actor, ava.id, {"title": "CSO"})
    qtbot.waitUntil(editor.changed_elsewhere.isVisible, timeout=LIVE_MS)
    assert "Marie Tremblay saved this record at" in editor.changed_elsewhere.text()
    assert title.text() == "Directrice, typed here"  # nothing the user typed was replaced


def test_a_lost_connection_is_said_and_recovered(qtbot, desk, tasks, monkeypatch):
    monkeypatch.setattr(live_module, "RETRY_SECONDS", 0.2)
    languages = Languages()
    languages.apply("en")
    real = desk.db.watcher
    calls = {"n": 0}

    def flaky() -> Any:
        calls["n"] += 1
        if calls["n"] == 1:
            raise OSError("server closed the connection unexpectedly")
        return real()

    monkeypatch.setattr(type(desk.db), "watcher", lambda self: flaky())
    win = MainWindow(desk, languages, tasks, remember_geometry=False)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitUntil(lambda: "Reconnected" in win.live_label.text(), timeout=5000)
    assert calls["n"] >= 2
    win.close()


def test_a_remote_change_keeps_the_selected_records_selected(qtbot, two_windows, actor):
    mine, theirs = two_windows
    page = theirs.show_page("contacts")
    qtbot.waitUntil(page.is_loaded)
    page.table.selectRow(names(page).index("Ava Smith"))
    with mine.ctx.db.write() as s:
        contacts.service.create(s, actor, {"first_name": "Aaron", "last_name": "Abel"})
    qtbot.waitUntil(lambda: "Aaron Abel" in names(page), timeout=LIVE_MS)
    rows = page.selected_rows()
    assert [names(page)[r] for r in rows] == ["Ava Smith"]  # the record, not the row number


def test_an_open_record_with_nothing_typed_shows_the_newer_copy(qtbot, two_windows, actor):
    mine, theirs = two_windows
    with theirs.ctx.db.read() as s:
        ava = contacts.service.find(s)[0]
    editor = theirs.edit_record("contact", ava.id).form
    qtbot.waitUntil(lambda: editor.version is not None)
    with mine.ctx.db.write() as s:
        contacts.service.update(s, actor, ava.id, {"title": "CSO"})
    qtbot.waitUntil(lambda: editor.widgets["title"].text() == "CSO", timeout=LIVE_MS)
    assert not editor.changed_elsewhere.isVisible()  # nothing to warn about: nothing typed
