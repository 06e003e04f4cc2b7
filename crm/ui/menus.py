"""The main window's commands: each action named once with its shortcut and icon, the menus
and the order that list them, and their texts (in the "MainWindow" translation context).

`build(window, pages, page_icons)` makes the actions, connected to the window's slots, and
the menu bar's menus; `action_texts()` and `menu_titles()` say them in the current language
(the window sets them on each language change). Used by `crm.ui.main_window.MainWindow`.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction, QIcon, QKeySequence
from PySide6.QtWidgets import QMenu

from crm.ui.resources import icon

if TYPE_CHECKING:
    from crm.ui.main_window import MainWindow

MENUS = ("file", "edit", "view", "records", "help")
# The one-click actions on a selected record (Records menu, the lists' context menus).
RECORD_ACTIONS = (
    "log_call", "log_email", "log_meeting", "log_note", "complete_followup", "introduce_to",
)  # fmt: skip


def record_actions_for(kind: str) -> tuple[str, ...]:
    """The one-click actions a record page of this kind offers in its actions bar."""
    logs = ("log_call", "log_email", "log_meeting", "log_note")
    return (*logs, "introduce_to") if kind in ("contact", "organization") else logs


# The keys of a record page's commands (its actions bar says them in its tooltips).
RECORD_KEYS = {
    "save_record": "Ctrl+S",
    "back": "Alt+Left",
    "new_followup": "Ctrl+Shift+F",
    "move_stage": "Ctrl+M",
    "draft_email": "Ctrl+Shift+W",
}


def build(
    window: MainWindow, pages: Sequence[str], page_icons: Mapping[str, str]
) -> tuple[dict[str, QAction], dict[str, QMenu]]:
    """The window's actions by key and its menus by key (texts set by the window)."""
    actions: dict[str, QAction] = {}

    def a(key: str, slot: Callable[..., Any], shortcut: Any = None, icon_name: str = "") -> None:
        action = QAction(icon(icon_name) if icon_name else QIcon(), "", window)
        action.setObjectName(f"action_{key}")
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(slot)
        actions[key] = action

    w = window
    a("new_database", w.ask_new_database, None, "database")
    a("open_database", w.ask_open_database, QKeySequence.StandardKey.Open)
    a("team_database", w.ask_team_database, None, "database")
    a("backup", w.back_up, None, "backup")
    a("restore_backup", w.restore_backup, None, "restore")
    a("check_database", w.check_database, None, "check")
    a("switch_user", w.switch_user, None, "contact")
    a("staff_users", w.show_staff_users)
    a("preferences", w.show_preferences, "Ctrl+,", "preferences")
    a("quit", w.close, "Ctrl+Q")
    a("find", w.focus_search, "Ctrl+K", "search")
    a("filter", w.focus_filter, "Ctrl+F")
    a("delete", w.delete_selected, QKeySequence.StandardKey.Delete, "trash")
    a("edit_selected", w.edit_selected, None, "edit")
    a("duplicates", w.show_duplicates)
    a("refresh", w.refresh_current, "F5")
    a("new_here", w.new_on_current_page, "Ctrl+N", "add")
    a("new_organization", lambda: w.new_record("organization"), None, "organization")
    a("new_contact", lambda: w.new_record("contact"), "Ctrl+Shift+N", "contact")
    a("new_introduction", lambda: w.new_record("introduction"), "Ctrl+I", "introduction")
    a("new_followup", w.new_followup_here, RECORD_KEYS["new_followup"], "followup")
    a("new_event", lambda: w.new_record("event"), None, "event")
    # The commands of a record page (enabled while one is shown: `MainWindow.navigated`).
    a("back", w.go_back, RECORD_KEYS["back"])
    a("save_record", w.save_record, RECORD_KEYS["save_record"], "check")
    a("move_stage", w.move_stage, RECORD_KEYS["move_stage"], "introduction")
    a("draft_email", w.draft_email, RECORD_KEYS["draft_email"], "edit")
    # One-click actions on the record selected on the current page (`MainWindow.acting_on`).
    a("log_call", lambda: w.log_interaction("call"), "Ctrl+Shift+L", "call")
    a("log_email", lambda: w.log_interaction("email"), "Ctrl+Shift+E", "email")
    a("log_meeting", lambda: w.log_interaction("meeting"), "Ctrl+Shift+M", "meeting")
    a("log_note", lambda: w.log_interaction("note"), "Ctrl+Shift+T", "note")
    a("complete_followup", w.complete_followup, "Ctrl+Shift+D", "check")
    a("introduce_to", w.introduce_to, "Ctrl+Shift+R", "introduction")
    a("shortcuts", w.show_shortcuts, None, "keyboard")
    a("about", w.show_about)
    a("export_ics", w.export_followups_ics, None, "event")
    for number, name in enumerate(pages, start=1):
        a(
            f"page_{name}",
            lambda _=False, n=name: w.show_page(n),
            f"Ctrl+{number}",
            page_icons[name],
        )
    # CSV exchange: the import wizard, the export dialog, the export log.
    a("import_csv", lambda: w.import_csv(), "Ctrl+Shift+I")
    a("export_csv", lambda: w.export_csv(), "Ctrl+E")
    a("undo_import", w.undo_import)
    a("export_log", w.show_export_log)

    bar = window.menuBar()
    menus = {key: bar.addMenu("") for key in MENUS}

    def add(menu: QMenu, *keys: str | None) -> None:
        for key in keys:
            if key is None:
                menu.addSeparator()
            else:
                menu.addAction(actions[key])

    add(menus["file"], "new_database", "open_database", "team_database", None, "backup",
        "restore_backup", "check_database", None, "import_csv", "export_csv", "undo_import",
        "export_log", None, "export_ics", None, "switch_user", "staff_users", "preferences", None,
        "quit")  # fmt: skip
    add(menus["edit"], "find", "filter", None, "edit_selected", "delete")
    add(menus["view"], "back", None, *(f"page_{n}" for n in pages), None, "refresh")
    add(menus["records"], "new_here", None, "new_organization", "new_contact",
        "new_introduction", "new_followup", "new_event", None, *RECORD_ACTIONS, None,
        "save_record", "move_stage", "draft_email", None, "duplicates")  # fmt: skip
    add(menus["help"], "shortcuts", "about")
    return actions, menus


def action_texts() -> dict[str, str]:
    """Each action's text (the page actions are named as their pages, by the window)."""
    return {
        "new_database": QCoreApplication.translate("MainWindow", "&New database…"),
        "open_database": QCoreApplication.translate("MainWindow", "&Open database…"),
        "team_database": QCoreApplication.translate("MainWindow", "Open &team database…"),
        "backup": QCoreApplication.translate("MainWindow", "&Back up…"),
        "restore_backup": QCoreApplication.translate("MainWindow", "Re&store from a backup…"),
        "check_database": QCoreApplication.translate("MainWindow", "&Check the database"),
        "filter": QCoreApplication.translate("MainWindow", "Filter the &list"),
        "new_here": QCoreApplication.translate("MainWindow", "&New record on this page…"),
        "shortcuts": QCoreApplication.translate("MainWindow", "&Keyboard shortcuts"),
        "preferences": QCoreApplication.translate("MainWindow", "&Preferences…"),
        "switch_user": QCoreApplication.translate("MainWindow", "S&witch staff user…"),
        "staff_users": QCoreApplication.translate("MainWindow", "Staff &users and roles…"),
        "quit": QCoreApplication.translate("MainWindow", "&Quit"),
        "find": QCoreApplication.translate("MainWindow", "&Find…"),
        "delete": QCoreApplication.translate("MainWindow", "&Move to trash"),
        "edit_selected": QCoreApplication.translate("MainWindow", "&Edit selected records…"),
        "duplicates": QCoreApplication.translate("MainWindow", "Find &duplicates and merge…"),
        "refresh": QCoreApplication.translate("MainWindow", "&Refresh"),
        "new_organization": QCoreApplication.translate("MainWindow", "New &organization…"),
        "new_contact": QCoreApplication.translate("MainWindow", "New &contact…"),
        "new_introduction": QCoreApplication.translate("MainWindow", "New &introduction…"),
        "new_followup": QCoreApplication.translate("MainWindow", "New &follow-up…"),
        "new_event": QCoreApplication.translate("MainWindow", "New &event…"),
        "back": QCoreApplication.translate("MainWindow", "&Back"),
        "save_record": QCoreApplication.translate("MainWindow", "&Save the record"),
        "move_stage": QCoreApplication.translate(
            "MainWindow", "&Move the introduction to a stage…"
        ),
        "draft_email": QCoreApplication.translate("MainWindow", "&Draft the introduction email…"),
        "about": QCoreApplication.translate("MainWindow", "&About the cooperation desk"),
        "export_ics": QCoreApplication.translate(
            "MainWindow", "E&xport my follow-ups to a calendar (.ics)…"
        ),
        "import_csv": QCoreApplication.translate(
            "MainWindow", "&Import a file (CSV, Excel, vCard)…"
        ),
        "export_csv": QCoreApplication.translate("MainWindow", "E&xport this list…"),
        "undo_import": QCoreApplication.translate("MainWindow", "&Undo last import…"),
        "export_log": QCoreApplication.translate("MainWindow", "Export &log"),
        "log_call": QCoreApplication.translate("MainWindow", "&Log a call…"),
        "log_email": QCoreApplication.translate("MainWindow", "Log an e&mail…"),
        "log_meeting": QCoreApplication.translate("MainWindow", "Log a mee&ting…"),
        "log_note": QCoreApplication.translate("MainWindow", "&Add a note…"),
        "complete_followup": QCoreApplication.translate("MainWindow", "Com&plete the follow-up…"),
        "introduce_to": QCoreApplication.translate("MainWindow", "Intro&duce to…"),
    }


def menu_titles() -> dict[str, str]:
    return {
        "file": QCoreApplication.translate("MainWindow", "&File"),
        "edit": QCoreApplication.translate("MainWindow", "&Edit"),
        "view": QCoreApplication.translate("MainWindow", "&View"),
        "records": QCoreApplication.translate("MainWindow", "&Records"),
        "help": QCoreApplication.translate("MainWindow", "&Help"),
    }
