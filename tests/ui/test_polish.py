"""Responsiveness, the File menu's care of the database, start-up, related panel, trash order,
keyboard shortcuts: the real widgets, offscreen, with message boxes and file choosers patched."""

from __future__ import annotations

import threading
import time
from datetime import date
from pathlib import Path

import pytest
import sqlalchemy as sa
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence

from crm.db.models import Contact, Organization
from crm.services import contacts, events, listing, lists, organizations
from crm.ui import app as desk_app
from crm.ui.dialogs import maintenance as care
from crm.ui.dialogs.records import ContactEditor, OrganizationEditor
from crm.ui.models import table
from crm.ui.models.table import ListModel
from crm.ui.pages.trash import TrashPage
from tests.ui.writes import settle


@pytest.fixture
def window(qtbot, desk, tasks):
    from crm.ui.i18n import Languages
    from crm.ui.main_window import MainWindow

    languages = Languages()
    languages.apply("en")
    win = MainWindow(desk, languages, tasks, remember_geometry=False)
    qtbot.addWidget(win)
    win.show()
    yield win
    tasks.wait()


def names(model: ListModel) -> list[str]:
    return [model.index(r, 0).data() for r in range(model.rowCount())]


def org_id(desk, name: str) -> int:
    with desk.db.read() as s:
        return int(s.scalar(sa.select(Organization.id).where(Organization.name == name)))


# --- the list refresh off the GUI thread ------------------------------------------------------


def test_refresh_runs_off_thread_and_shows_rows_when_done(qtbot, qtmodeltester, desk, tasks,
                                                          monkeypatch):  # fmt: skip
    threads = []
    load = listing.load

    def spy(session, spec, query, page_size):
        threads.append(threading.current_thread())
        return load(session, spec, query, page_size)

    monkeypatch.setattr(listing, "load", spy)
    model = ListModel(desk.db, lists.CONTACTS, tasks=tasks)
    model.sync_limit = 0  # treat the three contacts as a big list
    with qtbot.waitSignal(model.refreshed, timeout=5000):
        model.refresh()
        assert model.pending and model.rowCount() == 0
    assert threads and threads[-1] is not threading.main_thread()
    assert not model.pending
    assert names(model) == ["Anne Zimmer", "Éric Côté", "Zoé Abbott"]
    qtmodeltester.check(model)
    with qtbot.waitSignal(model.refreshed, timeout=5000):
        model.sort(0, Qt.SortOrder.DescendingOrder)
    assert names(model) == ["Zoé Abbott", "Éric Côté", "Anne Zimmer"]
    qtmodeltester.check(model)


def test_small_lists_refresh_at_once_even_with_a_runner(desk, tasks):
    model = ListModel(desk.db, lists.ORGANIZATIONS, tasks=tasks)
    model.refresh()
    assert not model.pending and model.rowCount() == 2


def test_a_stale_refresh_result_is_dropped_and_old_rows_stay_meanwhile(qtbot, desk, tasks,
                                                                       monkeypatch):  # fmt: skip
    gate = threading.Event()
    load = listing.load

    def slow_for_french(session, spec, query, page_size):
        if query.filters.get("language") == "fr":
            gate.wait(5)
        return load(session, spec, query, page_size)

    monkeypatch.setattr(listing, "load", slow_for_french)
    model = ListModel(desk.db, lists.CONTACTS, tasks=tasks)
    model.sync_limit = 0
    with qtbot.waitSignal(model.refreshed, timeout=5000):
        model.refresh()
    assert model.rowCount() == 3
    model.set_filters({"language": "fr"})  # slow: still running when the next one starts
    assert model.pending and model.rowCount() == 3  # the old rows stay on screen
    with qtbot.waitSignal(model.refreshed, timeout=5000):
        model.set_filters({"language": "en"})
    assert names(model) == ["Anne Zimmer", "Zoé Abbott"]
    gate.set()
    qtbot.waitUntil(lambda: tasks.running == 0, timeout=5000)
    assert names(model) == ["Anne Zimmer", "Zoé Abbott"]  # the French result came late: dropped
    assert not model.pending


def test_list_page_says_loading_and_is_not_loaded_while_refreshing(qtbot, desk, tasks, english,
                                                                   monkeypatch):  # fmt: skip
    from crm.ui.pages.records import ContactsPage

    gate = threading.Event()
    load = listing.load
    monkeypatch.setattr(listing, "load", lambda *args: (gate.wait(5), load(*args))[1])
    page = ContactsPage(desk, tasks=tasks)
    qtbot.addWidget(page)
    page.model.sync_limit = 0
    page.activate()
    assert not page.is_loaded()
    qtbot.waitUntil(lambda: page.count_label.text() == "Loading…", timeout=3000)
    gate.set()
    qtbot.waitUntil(page.is_loaded, timeout=5000)
    assert page.count_label.text() == "3 records"


def test_screenshot_waits_for_a_background_refresh(qtbot, sqlite_db, tmp_path, monkeypatch):
    monkeypatch.setattr(table, "SYNC_LIMIT", 0)
    out = tmp_path / "contacts.png"
    assert desk_app.run(sqlite_db, None, screenshot=out, page="contacts", lang="en") == 0
    assert out.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_scrolling_reads_pages_not_the_whole_list(qtbot, desk):
    with desk.db.write() as s:
        s.execute(
            sa.insert(Contact),
            [
                {"first_name": f"P{i:05d}", "last_name": "Roy", "name_folded": f"p{i:05d} roy"}
                for i in range(5000)
            ],
        )
    from crm.ui.pages.records import ContactsPage

    page = ContactsPage(desk)
    qtbot.addWidget(page)
    page.resize(900, 600)
    page.show()
    page.activate()
    bar = page.table.verticalScrollBar()
    read = page.model.pages_read
    for _ in range(10):
        bar.setValue(bar.value() + bar.pageStep())
        qtbot.wait(1)
    assert page.model.pages_read - read <= 2
    page.table.scrollToBottom()
    qtbot.wait(1)
    assert page.model.pages_read - read <= 4
    assert len(page.model._pages) <= table.MAX_PAGES


# --- the task runner --------------------------------------------------------------------------


def test_task_progress_is_throttled_and_reaches_the_end(qtbot, tasks):
    seen = []
    results = []

    def work(task):
        for i in range(2000):
            task.check()
            task.progress(i + 1, 2000)
            if i % 100 == 0:
                time.sleep(0.002)
        return "done"

    task = tasks.run_long(work, results.append, label="Counting")
    task.progressed.connect(lambda done, total: seen.append((done, total)))
    with qtbot.waitSignal(task.finished, timeout=5000):
        pass
    assert results == ["done"]
    assert seen and seen[-1] == (2000, 2000)
    assert len(seen) < 100  # not one signal per step


def test_task_cancel_from_its_progress_dialog(qtbot, tasks):
    started = threading.Event()
    outcome = []

    def work(task):
        started.set()
        while not task.cancelled:
            task.progress(1, 10)
            time.sleep(0.01)
        task.check()

    task = tasks.run_long(
        work, outcome.append, outcome.append, label="Waiting",
        on_cancelled=lambda: outcome.append("cancelled"),
    )  # fmt: skip
    assert started.wait(5)
    qtbot.waitUntil(lambda: hasattr(task, "progress_dialog"), timeout=3000)  # after ~600 ms
    dialog = task.progress_dialog
    assert dialog.isVisible() and dialog.labelText() == "Waiting"
    with qtbot.waitSignal(task.finished, timeout=5000):
        dialog.canceled.emit()  # the Cancel button
    assert outcome == ["cancelled"]
    qtbot.waitUntil(lambda: not dialog.isVisible())


def test_quick_long_task_shows_no_dialog_and_reports_errors(qtbot, tasks):
    errors = []

    def work(task):
        raise ValueError("disk full")

    task = tasks.run_long(work, errors.append, errors.append)
    with qtbot.waitSignal(task.finished, timeout=5000):
        pass
    assert [str(e) for e in errors] == ["disk full"]
    assert not hasattr(task, "progress_dialog")


# --- File menu: back up, restore, check, team database ---------------------------------------


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


# --- start-up ---------------------------------------------------------------------------------


def test_unknown_user_in_screenshot_mode_fails_clearly(qtbot, sqlite_db, tmp_path, answers, capsys):
    out = tmp_path / "x.png"
    assert desk_app.run(sqlite_db, "nobody", screenshot=out, page="contacts", lang="en") == 1
    assert not out.exists()
    assert answers.asked == []  # no modal in screenshot mode
    assert "There is no staff user 'nobody'" in capsys.readouterr().err


def test_unknown_user_is_offered_for_creation(qtbot, sqlite_db, answers):
    answers.confirm = [False]
    assert desk_app.resolve_user(sqlite_db, "lgagnon", interactive=True) is None
    assert answers.asked[-1][:2] == ("confirm", "Unknown staff user")
    assert "lgagnon" in answers.asked[-1][2]
    answers.confirm = [True]
    ctx = desk_app.resolve_user(sqlite_db, "lgagnon", interactive=True)
    assert ctx is not None and ctx.user_name == "lgagnon"
    # known now: no question the next time
    answers.asked.clear()
    assert desk_app.resolve_user(sqlite_db, "LGagnon", interactive=True).user_id == ctx.user_id
    assert answers.asked == []
    # a name the desk refuses is told, not raised
    answers.confirm = [True]
    assert desk_app.resolve_user(sqlite_db, "two words", interactive=True) is None
    assert answers.asked[-1][:2] == ("error", "Cannot create the staff user")


def test_first_start_loads_the_demo_or_stays_empty(qtbot, sqlite_db, monkeypatch, tasks):
    from crm.ui.dialogs.misc import FirstStartDialog

    ctx = desk_app.resolve_user(sqlite_db, None, interactive=False)
    monkeypatch.setattr(desk_app, "ask_first_start", lambda: FirstStartDialog.EMPTY)
    assert desk_app.offer_demo(ctx, tasks) is False
    with sqlite_db.read() as s:
        assert s.scalar(sa.select(sa.func.count(Organization.id))) == 0
    monkeypatch.setattr(desk_app, "ask_first_start", lambda: FirstStartDialog.DEMO)
    assert desk_app.offer_demo(ctx, tasks) is True
    settle(qtbot, tasks)
    with sqlite_db.read() as s:
        assert s.scalar(sa.select(sa.func.count(Organization.id))) > 10


def test_first_start_dialog_buttons(qtbot):
    from crm.ui.dialogs.misc import FirstStartDialog

    dialog = FirstStartDialog()
    qtbot.addWidget(dialog)
    dialog.findChild(type(dialog.findChildren(object)[0]), "firstStartDemo")
    dialog.open()
    qtbot.mouseClick(dialog.findChild(object, "firstStartDemo"), Qt.MouseButton.LeftButton)
    assert dialog.result() == FirstStartDialog.DEMO


# --- related panel and trash ------------------------------------------------------------------


def test_related_panel_reloads_after_a_related_record_is_saved(qtbot, window, desk):
    editor = window.open_record("organization", org_id(desk, "Biotech de Montréal"))
    assert isinstance(editor, OrganizationEditor)
    items = editor.related.items("contact")
    assert [i.text(1) for i in items] == ["Éric Côté"]
    editor.related.tree.itemActivated.emit(items[0], 0)  # opens the contact's editor
    contact = window.findChildren(ContactEditor)[-1]
    contact.widgets["last_name"].setText("Côté-Roy")
    assert contact.save() is True
    assert [i.text(1) for i in editor.related.items("contact")] == ["Éric Côté-Roy"]
    # a follow-up created for the organization appears there too
    followup = window.new_followup_for("organization", editor.record_id)
    followup.widgets["title"].setText("Send the deck")
    followup.set_widget_value("due_date", date(2030, 1, 2))
    assert followup.save() is True
    assert "Send the deck" in [i.text(1) for i in editor.related.items("followup")]
    editor.close()


def test_trash_lists_newest_first_with_who_and_restores(qtbot, desk, answers):
    with desk.db.write() as s:
        organizations.service.delete(s, desk.user_id, org_id(desk, "Boston CRO"))
    time.sleep(0.01)
    with desk.db.write() as s:
        eric = s.scalar(sa.select(Contact.id).where(Contact.first_name == "Éric"))
        contacts.service.delete(s, desk.user_id, eric)
    time.sleep(0.01)
    with desk.db.write() as s:
        event = events.service.find(s)[0].id
        events.service.delete(s, desk.user_id, event)
    page = TrashPage(desk)
    qtbot.addWidget(page)
    page.activate()
    rows = [[page.model.index(r, c).data() for c in range(4)] for r in range(page.model.rowCount())]
    assert [r[:2] for r in rows] == [
        ["Event", "BIO 2025 Boston"],
        ["Contact", "Éric Côté"],
        ["Organization", "Boston CRO"],
    ]
    assert {r[3] for r in rows} == {"Marie Tremblay"} and all(r[2] for r in rows)
    headers = [page.model.headerData(c, Qt.Orientation.Horizontal) for c in range(4)]
    assert headers == ["Kind", "Name", "Deleted on", "Deleted by"] or len(set(headers)) == 4
    page.table.selectRow(1)
    page.restore_selected()
    settle(qtbot, page)
    assert [page.model.index(r, 1).data() for r in range(page.model.rowCount())] == [
        "BIO 2025 Boston",
        "Boston CRO",
    ]
    with desk.db.read() as s:
        assert contacts.service.get(s, eric).deleted_at is None
    page.table.selectRow(0)
    answers.confirm = [True]
    page.purge_selected()
    settle(qtbot, page)
    assert "cannot be undone" in answers.asked[-1][2]
    assert page.model.rowCount() == 1


# --- keyboard ---------------------------------------------------------------------------------


def shortcut(window, key: str) -> str:
    return window.actions_[key].shortcut().toString(QKeySequence.SequenceFormat.PortableText)


def test_shortcuts_exist(window):
    assert shortcut(window, "find") == "Ctrl+K"
    assert shortcut(window, "new_here") == "Ctrl+N"
    assert shortcut(window, "filter") == "Ctrl+F"
    assert shortcut(window, "delete") == "Del"
    assert shortcut(window, "refresh") == "F5"
    assert shortcut(window, "preferences") == "Ctrl+,"
    from crm.ui.main_window import PAGES

    for number, name in enumerate(PAGES[:9], start=1):
        assert shortcut(window, f"page_{name}") == f"Ctrl+{number}"
    # every key sequence is used once (an ambiguous shortcut never fires)
    keys = [a.shortcut().toString() for a in window.actions_.values() if not a.shortcut().isEmpty()]
    assert len(keys) == len(set(keys))


def test_shortcuts_do_what_they_say(qtbot, window, desk, answers):
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=3000)
    qtbot.keyClick(window, Qt.Key.Key_3, Qt.KeyboardModifier.ControlModifier)  # contacts
    page = window.current_page()
    assert page is window.pages["contacts"]
    qtbot.waitUntil(page.is_loaded)
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert page.filter_box.hasFocus()
    qtbot.keyClick(window, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    assert window.search.hasFocus()
    # Enter opens the current record, Delete moves the selection to the trash
    page.table.setFocus()
    page.table.selectRow(0)
    name = page.model.index(0, 0).data()
    qtbot.keyClick(page.table, Qt.Key.Key_Return)
    opened = window.findChildren(ContactEditor)
    assert opened and opened[-1].widgets["first_name"].text() in name
    opened[-1].close()
    page.table.setFocus()
    page.table.selectRow(0)
    qtbot.keyClick(page.table, Qt.Key.Key_Delete)
    qtbot.waitUntil(lambda: page.is_loaded() and page.model.rowCount() == 2)
    assert name not in names(page.model)
    # Ctrl+N: a new record of the current page's kind (the editor closed above gave the
    # activation away once the event loop ran: the user clicks the window again)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=3000)
    qtbot.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert window.findChildren(ContactEditor)[-1].record_id is None
    window.findChildren(ContactEditor)[-1].close()
    # F5 reloads the page: a record added elsewhere appears
    with desk.db.write() as s:
        contacts.service.create(s, desk.user_id, {"first_name": "Léa", "last_name": "Roy"})
    qtbot.keyClick(page.table, Qt.Key.Key_F5)
    qtbot.waitUntil(lambda: page.is_loaded() and page.model.rowCount() == 3)
    # Delete in the trash erases, after asking
    from crm.ui.main_window import PAGES

    qtbot.keyClick(window, Qt.Key.Key_1 + PAGES.index("trash"), Qt.KeyboardModifier.ControlModifier)
    trash = window.current_page()
    assert trash is window.pages["trash"]
    qtbot.waitUntil(lambda: trash.is_loaded() and trash.model.rowCount() == 1)
    trash.table.setFocus()
    trash.table.selectRow(0)
    answers.confirm = [False]
    qtbot.keyClick(trash.table, Qt.Key.Key_Delete)
    assert answers.asked[-1][0] == "confirm" and trash.model.rowCount() == 1


def test_help_lists_the_keyboard_shortcuts(qtbot, window):
    from crm.ui.dialogs.misc import show_shortcuts

    assert window.actions_["shortcuts"] in window.menus["help"].actions()
    dialog = show_shortcuts(window)
    rows = {
        dialog.tree.topLevelItem(i).text(0): dialog.tree.topLevelItem(i).text(1)
        for i in range(dialog.tree.topLevelItemCount())
    }
    for keys in ("Ctrl+K", "Ctrl+N", "Ctrl+F", "Del", "F5", "Ctrl+,", "Ctrl+1", "Ctrl+7", "Return"):
        assert keys in rows, keys
    assert rows["Ctrl+F"] == "Filter the list"
    dialog.close()


def test_file_menu_has_the_database_care(window):
    texts = [a.text() for a in window.menus["file"].actions() if not a.isSeparator()]
    for text in ("&Back up…", "Re&store from a backup…", "&Check the database",
                 "Open &team database…", "&New database…", "&Open database…"):  # fmt: skip
        assert text in texts
