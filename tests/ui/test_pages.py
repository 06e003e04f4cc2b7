"""The real widgets on the paths staff use: lists, search, editors, trash, language."""

from __future__ import annotations

import importlib.util
import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from crm.services import contacts, organizations
from crm.ui import labels
from crm.ui.dialogs.records import ContactEditor, OrganizationEditor
from crm.ui.pages.records import ContactsPage, FollowUpsPage, OrganizationsPage
from crm.ui.pages.trash import TrashPage
from crm.ui.widgets.search import SearchBox
from tests.ui.writes import settle, settle_editor


def test_list_page_shows_rows_count_and_filters(qtbot, desk, english):
    page = OrganizationsPage(desk)
    qtbot.addWidget(page)
    page.activate()
    assert page.model.rowCount() == 2
    assert page.count_label.text() == "2 records"
    page.filter_combos["territory"].setCurrentIndex(page.filter_combos["territory"].findData("QC"))
    assert page.model.rowCount() == 1
    assert page.model.index(0, 0).data() == "Biotech de Montréal"
    page.filter_combos["territory"].setCurrentIndex(0)
    page.filter_box.setText("bost")
    qtbot.waitUntil(lambda: page.model.rowCount() == 1)
    assert page.model.index(0, 0).data() == "Boston CRO"
    assert page.table.verticalHeader().sectionResizeMode(0).name == "Fixed"


def test_contacts_page_shows_organization_and_sorts(qtbot, desk):
    page = ContactsPage(desk)
    qtbot.addWidget(page)
    page.activate()
    assert page.model.rowCount() == 3
    page.table.sortByColumn(0, Qt.SortOrder.DescendingOrder)
    assert page.model.index(0, 0).data() == "Zoé Abbott"
    page.filter_combos["language"].setCurrentIndex(page.filter_combos["language"].findData("fr"))
    assert [page.model.index(0, c).data() for c in (0, 1)] == ["Éric Côté", "Biotech de Montréal"]


def test_followups_due_filter(qtbot, desk):
    page = FollowUpsPage(desk)
    qtbot.addWidget(page)
    page.activate()
    combo = page.filter_combos["due"]
    combo.setCurrentIndex(combo.findData("overdue"))
    assert page.model.rowCount() == 1
    combo.setCurrentIndex(combo.findData("week"))
    assert page.model.rowCount() == 0


def test_search_popup_finds_montreal(qtbot, desk):
    box = SearchBox(desk.db)
    qtbot.addWidget(box)
    box.show()
    opened = []
    box.openRequested.connect(lambda kind, rid: opened.append((kind, rid)))
    qtbot.keyClicks(box, "montr")
    qtbot.waitUntil(lambda: box.popup.isVisible() and bool(box.results()))
    titles = [title for _kind, _id, title in box.results()]
    assert "Biotech de Montréal" in titles
    qtbot.keyClick(box.popup, Qt.Key.Key_Return)
    assert opened and opened[0][0] == "organization"
    box.popup.hide()


def test_editor_create_validation_and_edit(qtbot, desk):
    saved = []
    editor = ContactEditor(desk)
    qtbot.addWidget(editor)
    editor.saved.connect(lambda kind, rid: saved.append(rid))
    editor.widgets["email"].setText("not an email")
    assert editor.save() is True  # the write starts off the GUI thread; the services refuse it
    settle_editor(qtbot, editor)
    assert editor.save_failure is not None and editor.result() == 0  # not accepted: kept open
    assert not saved
    assert editor.errors["last_name"].isVisibleTo(editor)
    assert editor.errors["email"].isVisibleTo(editor)
    assert editor.errors["email"].text()
    editor.widgets["last_name"].setText("Gagnon")
    editor.widgets["first_name"].setText("Luc")
    editor.widgets["email"].setText("luc@example.ca")
    assert editor.save() is True
    settle_editor(qtbot, editor)
    assert saved
    with desk.db.read() as s:
        assert contacts.service.get(s, saved[0]).email == "luc@example.ca"

    edit = ContactEditor(desk, saved[0])
    qtbot.addWidget(edit)
    assert edit.widgets["last_name"].text() == "Gagnon"
    edit.widgets["title"].setText("CEO")
    assert edit.save() is True
    settle_editor(qtbot, edit)
    with desk.db.read() as s:
        obj = contacts.service.get(s, saved[0])
        assert (obj.title, obj.version) == ("CEO", 2)


def test_editor_duplicate_warning_asks(qtbot, desk, answers):
    editor = OrganizationEditor(desk)
    qtbot.addWidget(editor)
    editor.widgets["name"].setText("Biotech de Montreal")
    answers.confirm = [False]
    assert editor.save() is True  # the write starts off the GUI thread; the services refuse it
    settle_editor(qtbot, editor)
    assert editor.save_failure is not None and editor.result() == 0  # not accepted: kept open
    assert answers.asked[-1][0] == "confirm"
    answers.confirm = [True]
    assert editor.save() is True
    settle_editor(qtbot, editor)


def test_editor_stale_conflict_offers_reload(qtbot, desk, answers):
    with desk.db.read() as s:
        org_id = organizations.service.find(s)[0].id
    editor = OrganizationEditor(desk, org_id)
    qtbot.addWidget(editor)
    with desk.db.write() as s:  # someone else saves first
        organizations.service.update(s, desk.user_id, org_id, {"city": "Laval"})
    editor.widgets["phone"].setText("514 555 0100")
    answers.choose = [0]  # Reload
    assert editor.save() is True  # the write starts off the GUI thread; the services refuse it
    settle_editor(qtbot, editor)
    assert editor.save_failure is not None and editor.result() == 0  # not accepted: kept open
    assert answers.asked[-1][0] == "choose"
    assert editor.widgets["city"].text() == "Laval"
    assert editor.widgets["phone"].text() == ""
    editor.widgets["phone"].setText("514 555 0100")
    assert editor.save() is True
    settle_editor(qtbot, editor)


def test_unsaved_changes_guard(qtbot, desk, answers):
    editor = OrganizationEditor(desk)
    qtbot.addWidget(editor)
    editor.show()
    editor.widgets["name"].setText("Something")
    answers.choose = [-1]  # keep editing
    editor.reject()
    assert editor.isVisible()
    answers.choose = [1]  # discard
    editor.reject()
    assert not editor.isVisible()


def test_delete_to_trash_and_restore(qtbot, desk, answers):
    page = OrganizationsPage(desk)
    trash = TrashPage(desk)
    qtbot.addWidget(page)
    qtbot.addWidget(trash)
    page.activate()
    page.table.selectRow(0)
    name = page.model.index(0, 0).data()
    page.delete_selected()
    settle(qtbot, page)
    assert page.model.rowCount() == 1
    trash.activate()
    assert trash.model.rowCount() == 1
    assert trash.model.index(0, 1).data() == name
    assert trash.model.index(0, 3).data() == "Marie Tremblay"
    trash.table.selectRow(0)
    trash.restore_selected()
    settle(qtbot, trash)
    assert trash.model.rowCount() == 0
    page.mark_stale()
    page.activate()
    assert page.model.rowCount() == 2
    # and a permanent deletion asks first
    page.table.selectRow(0)
    page.delete_selected()
    settle(qtbot, page)
    trash.mark_stale()
    trash.activate()
    trash.table.selectRow(0)
    answers.confirm = [False]
    trash.purge_selected()
    settle(qtbot, trash)
    assert trash.model.rowCount() == 1
    answers.confirm = [True]
    trash.purge_selected()
    settle(qtbot, trash)
    assert trash.model.rowCount() == 0


def test_language_switch_shows_french(qtbot, desk, french):
    page = OrganizationsPage(desk)
    qtbot.addWidget(page)
    page.activate()
    assert page.title.text() == "Organisations"
    assert page.model.headerData(0, Qt.Orientation.Horizontal) == "Nom"
    assert labels.enum_label("Territory", "OTHER") == "Ailleurs"
    french.apply("en")
    qtbot.waitUntil(lambda: page.title.text() == "Organizations")
    assert page.model.headerData(0, Qt.Orientation.Horizontal) == "Name"
    french.apply("fr")
    qtbot.waitUntil(lambda: page.title.text() == "Organisations")


def test_main_window_search_opens_editor(qtbot, desk):
    from crm.ui.i18n import Languages
    from crm.ui.main_window import MainWindow

    window = MainWindow(desk, Languages(), remember_geometry=False)
    qtbot.addWidget(window)
    window.show()
    assert (
        window.statusBar()
        .findChild(type(window.db_label), "statusUser")
        .text()
        .startswith("Staff user: Marie Tremblay")
    )
    window.show_page("contacts")
    assert window.pages["contacts"].model.rowCount() == 3
    page = window.open_record("organization", 1)
    assert page.form.widgets["name"].text() == "Biotech de Montréal"
    window.close()


def test_screenshot_mode_writes_png(qtbot, sqlite_db, tmp_path):
    from crm.ui.app import run

    out = tmp_path / "contacts.png"
    assert run(sqlite_db, None, screenshot=out, page="contacts", lang="en") == 0
    assert out.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def _translations_tool():
    """resources/translations/update.py, loaded as a module (it is a script, not a package)."""
    path = Path(__file__).parents[2] / "resources" / "translations" / "update.py"
    spec = importlib.util.spec_from_file_location("translations_update", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_translations_are_complete(tmp_path, lang):
    """Every string of the code is in crm_<lang>.ts, translated, and the .qm is built from it.

    The check runs lupdate over a copy, so a tr() added without running update.py fails too.
    """
    tool = _translations_tool()
    ts = tool.HERE / f"crm_{lang}.ts"
    copy = tmp_path / ts.name
    shutil.copy(ts, copy)
    assert tool.extract(copy, lang) == []  # nothing in the .ts the code no longer has
    assert tool.unfinished(copy) == []
    assert copy.read_bytes() == ts.read_bytes()  # update.py was run after the last change
    tool.release(copy, tmp_path / "built.qm")
    assert (tmp_path / "built.qm").read_bytes() == ts.with_suffix(".qm").read_bytes()


def test_the_editor_saves_off_the_gui_thread_and_closes_once_written(qtbot, desk, monkeypatch):
    import threading

    threads = []
    create = ContactEditor.create_record

    def watched(self, session, values, allow_duplicate):
        threads.append(threading.current_thread())
        return create(self, session, values, allow_duplicate)

    monkeypatch.setattr(ContactEditor, "create_record", watched)
    editor = ContactEditor(desk)
    qtbot.addWidget(editor)
    editor.widgets["last_name"].setText("Off-thread")
    assert editor.save() is True
    assert editor.save_task is not None
    settle_editor(qtbot, editor)
    assert threads and threads[0] is not threading.main_thread()
    assert editor.result() == 1 and editor.save_failure is None  # accepted: closed
    with desk.db.read() as s:
        assert contacts.service.get(s, editor.record_id).last_name == "Off-thread"
