"""Keyboard shortcuts: each one exists once, does what it says, and Help lists them."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence

from crm.services import contacts
from crm.ui.dialogs.records import ContactEditor
from crm.ui.models.table import ListModel


def names(model: ListModel) -> list[str]:
    return [model.index(r, 0).data() for r in range(model.rowCount())]


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
