"""The main window: navigation sidebar, one page per list, global search, menus, status bar.

It only assembles: pages are their own classes (`crm.ui.pages`), editors their own dialogs
(`crm.ui.dialogs`). It opens records the pages and the search box ask for, and tells the
pages when records changed elsewhere.

Signals: `databaseRequested(str path)` when the user asks to create or open another file.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, QSettings, QSize, Qt, Signal
from PySide6.QtGui import QAction, QCloseEvent, QIcon, QKeySequence
from PySide6.QtWidgets import (
    QFileDialog,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QSizePolicy,
    QSplitter,
    QStackedWidget,
    QToolBar,
    QWidget,
)

from crm.ui.context import DeskContext
from crm.ui.dialogs.misc import PreferencesDialog, show_about
from crm.ui.dialogs.records import EDITORS
from crm.ui.i18n import Languages
from crm.ui.pages.dashboard import DashboardPage
from crm.ui.pages.lists import FOLLOWUP_LINKS
from crm.ui.pages.records import (
    ContactsPage,
    EventsPage,
    FollowUpsPage,
    IntroductionsPage,
    OrganizationsPage,
)
from crm.ui.pages.trash import TrashPage
from crm.ui.resources import icon
from crm.ui.tasks import TaskRunner
from crm.ui.widgets.search import SearchBox

PAGES = ("dashboard", "organizations", "contacts", "introductions", "followups", "events", "trash")
PAGE_ICONS = {"dashboard": "dashboard", "organizations": "organization", "contacts": "contact",
              "introductions": "introduction", "followups": "followup", "events": "event", "trash": "trash"}  # fmt: skip
KIND_PAGE = {"organization": "organizations", "contact": "contacts", "introduction": "introductions",
             "followup": "followups", "event": "events"}  # fmt: skip


class MainWindow(QMainWindow):
    databaseRequested = Signal(str)

    def __init__(self, ctx: DeskContext, languages: Languages, tasks: TaskRunner | None = None,
                 *, remember_geometry: bool = True) -> None:  # fmt: skip
        super().__init__()
        self.setObjectName("mainWindow")
        self.ctx = ctx
        self.languages = languages
        self.tasks = tasks or TaskRunner(self)
        self.remember_geometry = remember_geometry
        self.editors: list[Any] = []

        self.pages: dict[str, Any] = {
            "dashboard": DashboardPage(ctx, self.tasks, self),
            "organizations": OrganizationsPage(ctx, self),
            "contacts": ContactsPage(ctx, self),
            "introductions": IntroductionsPage(ctx, self),
            "followups": FollowUpsPage(ctx, self),
            "events": EventsPage(ctx, self),
            "trash": TrashPage(ctx, self),
        }
        self.stack = QStackedWidget(self, objectName="pages")
        self.navigation = QListWidget(self, objectName="navigation")
        self.navigation.setIconSize(QSize(22, 22))
        self.navigation.setMaximumWidth(240)
        self.navigation.setMinimumWidth(170)
        for name in PAGES:
            page = self.pages[name]
            self.stack.addWidget(page)
            item = QListWidgetItem(icon(PAGE_ICONS[name]), "")
            item.setData(Qt.ItemDataRole.UserRole, name)
            item.setSizeHint(QSize(0, 36))
            self.navigation.addItem(item)
            if hasattr(page, "openRequested"):
                page.openRequested.connect(self.open_record)
                page.editRequested.connect(self.edit_record)
                page.followUpRequested.connect(self.new_followup_for)
                page.newRequested.connect(self.new_record)
                page.recordsChanged.connect(self.records_changed)
        self.navigation.currentRowChanged.connect(self._page_changed)
        splitter = QSplitter(self, objectName="mainSplitter")
        splitter.addWidget(self.navigation)
        splitter.addWidget(self.stack)
        splitter.setStretchFactor(1, 1)
        splitter.setChildrenCollapsible(False)
        splitter.setSizes([200, 1080])
        self.setCentralWidget(splitter)

        self.search = SearchBox(ctx.db, self)
        self.search.openRequested.connect(self.open_record)
        self.toolbar = QToolBar(self, objectName="mainToolbar")
        self.toolbar.setMovable(False)
        self.toolbar.setIconSize(QSize(20, 20))
        self.addToolBar(self.toolbar)
        self._make_actions()
        spacer = QWidget(self)
        spacer.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.toolbar.addAction(self.actions_["new_organization"])
        self.toolbar.addAction(self.actions_["new_contact"])
        self.toolbar.addAction(self.actions_["new_introduction"])
        self.toolbar.addWidget(spacer)
        self.toolbar.addWidget(self.search)

        self.db_label = QLabel(self, objectName="statusDatabase")
        self.user_label = QLabel(self, objectName="statusUser")
        self.statusBar().addWidget(self.db_label, 1)
        self.statusBar().addPermanentWidget(self.user_label)

        self.setWindowIcon(icon("app"))
        self.resize(1280, 800)
        if remember_geometry:
            geometry = QSettings().value("main/geometry")
            if geometry is not None:
                self.restoreGeometry(geometry)
        self.retranslate()
        self.navigation.setCurrentRow(0)

    # --- actions and menus -------------------------------------------------------------------

    def _action(self, key: str, slot: Any, shortcut: Any = None, icon_name: str = "") -> QAction:
        action = QAction(icon(icon_name) if icon_name else QIcon(), "", self)
        action.setObjectName(f"action_{key}")
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(slot)
        self.actions_[key] = action
        return action

    def _make_actions(self) -> None:
        self.actions_: dict[str, QAction] = {}
        a = self._action
        a("new_database", self.ask_new_database, None, "database")
        a("open_database", self.ask_open_database, QKeySequence.StandardKey.Open)
        a("preferences", self.show_preferences, QKeySequence.StandardKey.Preferences, "preferences")
        a("quit", self.close, "Ctrl+Q")
        a("find", self.focus_search, "Ctrl+K", "search")
        a("delete", self.delete_selected, None, "trash")
        a("refresh", self.refresh_current, QKeySequence.StandardKey.Refresh)
        a("new_organization", lambda: self.new_record("organization"), "Ctrl+N", "organization")
        a("new_contact", lambda: self.new_record("contact"), "Ctrl+Shift+N", "contact")
        a("new_introduction", lambda: self.new_record("introduction"), "Ctrl+I", "introduction")
        a("new_followup", lambda: self.new_record("followup"), "Ctrl+Shift+F", "followup")
        a("new_event", lambda: self.new_record("event"), None, "event")
        a("about", lambda: show_about(self))
        for number, name in enumerate(PAGES, start=1):
            a(
                f"page_{name}",
                lambda _=False, n=name: self.show_page(n),
                f"Ctrl+{number}",
                PAGE_ICONS[name],
            )

        menu = self.menuBar()
        self.menus = {key: menu.addMenu("") for key in ("file", "edit", "view", "records", "help")}
        for key in ("new_database", "open_database", None, "preferences", None, "quit"):
            self._add(self.menus["file"], key)
        for key in ("find", None, "delete"):
            self._add(self.menus["edit"], key)
        for key in (*(f"page_{n}" for n in PAGES), None, "refresh"):
            self._add(self.menus["view"], key)
        for key in (
            "new_organization",
            "new_contact",
            "new_introduction",
            "new_followup",
            "new_event",
        ):
            self._add(self.menus["records"], key)
        self._add(self.menus["help"], "about")

    def _add(self, menu: Any, key: str | None) -> None:
        if key is None:
            menu.addSeparator()
        else:
            menu.addAction(self.actions_[key])

    # --- labels ------------------------------------------------------------------------------

    def page_labels(self) -> dict[str, str]:
        return {
            "dashboard": self.tr("Dashboard"),
            "organizations": self.tr("Organizations"),
            "contacts": self.tr("Contacts"),
            "introductions": self.tr("Introductions"),
            "followups": self.tr("Follow-ups"),
            "events": self.tr("Events"),
            "trash": self.tr("Trash"),
        }

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Cooperation desk — BIOQuébec · MassBio"))
        page_labels = self.page_labels()
        for row, name in enumerate(PAGES):
            self.navigation.item(row).setText(page_labels[name])
            self.actions_[f"page_{name}"].setText(page_labels[name])
        texts = {
            "new_database": self.tr("&New database…"),
            "open_database": self.tr("&Open database…"),
            "preferences": self.tr("&Preferences…"),
            "quit": self.tr("&Quit"),
            "find": self.tr("&Find…"),
            "delete": self.tr("&Move to trash"),
            "refresh": self.tr("&Refresh"),
            "new_organization": self.tr("New &organization…"),
            "new_contact": self.tr("New &contact…"),
            "new_introduction": self.tr("New &introduction…"),
            "new_followup": self.tr("New &follow-up…"),
            "new_event": self.tr("New &event…"),
            "about": self.tr("&About the cooperation desk"),
        }
        for key, text in texts.items():
            self.actions_[key].setText(text)
        menus = {"file": self.tr("&File"), "edit": self.tr("&Edit"), "view": self.tr("&View"),
                 "records": self.tr("&Records"), "help": self.tr("&Help")}  # fmt: skip
        for key, text in menus.items():
            self.menus[key].setTitle(text)
        self.toolbar.setWindowTitle(self.tr("Toolbar"))
        self.db_label.setText(self.tr("Database: %1").replace("%1", self.ctx.db.display_name))
        self.user_label.setText(self.tr("Staff user: %1").replace("%1", self.ctx.user_name))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # --- pages -------------------------------------------------------------------------------

    def _page_changed(self, row: int) -> None:
        if row < 0:
            return
        self.stack.setCurrentIndex(row)
        self.pages[PAGES[row]].activate()

    def show_page(self, name: str) -> Any:
        self.navigation.setCurrentRow(PAGES.index(name))
        return self.pages[name]

    def current_page(self) -> Any:
        return self.pages[PAGES[self.navigation.currentRow()]]

    def refresh_current(self) -> None:
        self.current_page().mark_stale()

    def records_changed(self) -> None:
        for page in self.pages.values():
            page.mark_stale()

    def focus_search(self) -> None:
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    def delete_selected(self) -> None:
        page = self.current_page()
        if hasattr(page, "delete_selected") and page.kind != "trash":
            page.delete_selected()

    # --- records -----------------------------------------------------------------------------

    def open_record(
        self, kind: str, record_id: int | None, initial: dict[str, Any] | None = None
    ) -> Any:
        editor_class = EDITORS.get(kind)
        if editor_class is None:
            page = KIND_PAGE.get(kind)
            if page:
                self.show_page(page)
            return None
        editor = editor_class(self.ctx, record_id, self, initial=initial)
        if hasattr(editor, "openRequested"):  # a record view lists related records
            editor.openRequested.connect(self.open_record)
        editor.saved.connect(lambda *_: self.records_changed())
        editor.deleted.connect(lambda *_: self.records_changed())
        editor.open()
        return editor

    def new_record(self, kind: str) -> Any:
        return self.open_record(kind, None)

    def edit_record(self, kind: str, record_id: int) -> Any:
        editor = self.open_record(kind, record_id)
        if editor is not None:
            editor.focus_first_field()
        return editor

    def new_followup_for(self, kind: str, record_id: int) -> Any:
        """A new follow-up editor, already linked to the record `kind`/`record_id`."""
        link = FOLLOWUP_LINKS.get(kind)
        return self.open_record("followup", None, {link: record_id} if link else None)

    # --- files -------------------------------------------------------------------------------

    def ask_new_database(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("New database"), "", self.tr("Desk databases (*.db);;All files (*)")
        )
        if path:
            self.databaseRequested.emit(path)

    def ask_open_database(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Open database"), "", self.tr("Desk databases (*.db);;All files (*)")
        )
        if path:
            self.databaseRequested.emit(path)

    def show_preferences(self) -> None:
        PreferencesDialog(self.languages, self).open()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.remember_geometry:
            QSettings().setValue("main/geometry", self.saveGeometry())
            for page in self.pages.values():
                page.save_state()
        super().closeEvent(event)
