"""The main window: navigation sidebar, one page per list, global search, menus, status bar.

It only assembles: pages are their own classes (`crm.ui.pages`), editors their own dialogs
(`crm.ui.dialogs`). It opens records the pages and the search box ask for, and tells the
pages when records changed elsewhere.

Every page is a `crm.ui.pages.base.DeskPage`, built as `Page(ctx, tasks, window)` and used
only through that interface. Writes are announced on `ctx.changes` (`crm.ui.operations`):
each built page re-reads what it shows, the status bar says the last action with its Undo.

Start-up stays short: a page is built the first time it is shown (`self.pages` builds on
access; the sidebar lists every page without building them), dialogs are imported when
first opened, and the page shown at start is activated (its rows read) only once the window
is on screen, so a page asked for right after `show()` (`show_page`) is the only one that
reads anything.

The sidebar (`crm.ui.widgets.sidebar.Sidebar`) lists the pages, the acting user's saved
views under their list (`crm.ui.saved_views`, re-read when a `view` change is announced) and
the count of my open and overdue follow-ups (re-read off the GUI thread when follow-ups
change).

Signals: `databaseRequested(str path)` when the user asks to create or open another file.

The actions, their shortcuts, the menus and their texts are built in `crm.ui.menus`.
"""

from __future__ import annotations

__all__ = ["PAGES", "PAGE_CLASSES", "PAGE_ICONS", "MainWindow", "PageSet"]

from datetime import date
from typing import Any

from PySide6.QtCore import QEvent, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QFileDialog,
    QLabel,
    QMainWindow,
    QSizePolicy,
    QSplitter,
    QStackedWidget,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from crm.ui import menus, settings
from crm.ui.context import DeskContext
from crm.ui.i18n import Languages
from crm.ui.kinds import KIND_PAGE
from crm.ui.open_editors import OpenEditors
from crm.ui.operations import EVERYTHING, Changes
from crm.ui.pages.base import DeskPage
from crm.ui.pages.my_followups import MyFollowUpsPage
from crm.ui.pages.pageset import PAGE_CLASSES, PAGE_ICONS, PAGES, PageSet
from crm.ui.resources import icon
from crm.ui.tasks import TaskRunner
from crm.ui.undo import UndoBar, UndoEntry
from crm.ui.widgets.search import SearchBox
from crm.ui.widgets.sidebar import Sidebar

REMINDERS_AFTER_MS = 1500


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
        self.editors = OpenEditors()

        self.pages = PageSet(self._build_page)
        self.stack = QStackedWidget(self, objectName="pages")
        self.navigation = Sidebar(self)
        self.navigation.add_pages(PAGES, PAGE_ICONS)
        # The first page is current from the start, but built and activated once the window
        # is shown (see `showEvent`), unless another page was asked for by then.
        self.navigation.setCurrentRow(0)
        self.navigation.pageChosen.connect(self._page_changed)
        self.navigation.viewChosen.connect(self.open_view)
        self.navigation.renameViewRequested.connect(self.rename_view)
        self.navigation.deleteViewRequested.connect(self.delete_view)
        self._shown_once = False
        splitter = QSplitter(self, objectName="mainSplitter")
        splitter.addWidget(self.navigation)
        splitter.addWidget(self.stack)
        splitter.setStretchFactor(1, 1)
        splitter.setChildrenCollapsible(False)
        splitter.setSizes([200, 1080])
        central = QWidget(self, objectName="central")
        self._column = QVBoxLayout(central)
        self._column.setContentsMargins(0, 0, 0, 0)
        self._column.setSpacing(0)
        self._column.addWidget(splitter, 1)
        self.setCentralWidget(central)
        # The follow-up reminders (a banner above the pages, never a modal dialog) start
        # `REMINDERS_AFTER_MS` after the window is first shown: the first page comes first.
        self.banner: Any = None
        self.reminders: Any = None
        self._reminders_timer = QTimer(self, singleShot=True, interval=REMINDERS_AFTER_MS)
        self._reminders_timer.timeout.connect(self.start_reminders)

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
        self.undo_bar = UndoBar(ctx, self.tasks, self)
        ctx.changes.changed.connect(self._changed)
        self.statusBar().addWidget(self.undo_bar)
        self.actions_["undo"] = self.undo_bar.action  # Edit > Undo, Ctrl+Z
        edit = self.menus["edit"]
        edit.insertSeparator(edit.actions()[0])
        edit.insertAction(edit.actions()[0], self.undo_bar.action)
        self.statusBar().addWidget(self.db_label, 1)
        self.statusBar().addPermanentWidget(self.user_label)

        self.setWindowIcon(icon("app"))
        self.resize(1280, 800)
        if remember_geometry:
            settings.restore_geometry(self, "main")
        self.retranslate()

    # --- actions and menus -------------------------------------------------------------------

    def _make_actions(self) -> None:
        self.actions_, self.menus = menus.build(self, PAGES, PAGE_ICONS)

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
            "board": self.tr("Introduction board"),
            "myfollowups": self.tr("My follow-ups"),
        }

    def retranslate(self) -> None:
        # The platform adds "— Cooperation desk" (the application display name) after it.
        self.setWindowTitle(self.tr("BIOQuébec · MassBio"))
        page_labels = self.page_labels()
        for name in PAGES:
            self.navigation.set_page_text(name, page_labels[name])
            self.actions_[f"page_{name}"].setText(page_labels[name])
        for key, text in menus.action_texts().items():
            self.actions_[key].setText(text)
        for key, text in menus.menu_titles().items():
            self.menus[key].setTitle(text)
        self.navigation.retranslate()
        self.toolbar.setWindowTitle(self.tr("Toolbar"))
        self.db_label.setText(self.tr("Database: %1").replace("%1", self.ctx.db.display_name))
        self.user_label.setText(self.tr("Staff user: %1").replace("%1", self.ctx.user_name))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # --- pages -------------------------------------------------------------------------------

    def _build_page(self, name: str) -> DeskPage:
        page = PAGE_CLASSES[name](self.ctx, self.tasks, self)
        self.stack.addWidget(page)
        page.openRequested.connect(self.open_record)
        page.editRequested.connect(self.edit_record)
        page.followUpRequested.connect(self.new_followup_for)
        page.newRequested.connect(self.new_record)
        page.listRequested.connect(self.show_filtered)
        page.importRequested.connect(self.import_csv)
        page.demoRequested.connect(self.load_demo)
        return page

    def _page_changed(self, name: str) -> None:
        if not name:
            return
        page = self.pages[name]
        self.stack.setCurrentWidget(page)
        page.activate()

    def show_page(self, name: str) -> DeskPage:
        if not self.navigation.select_page(name):
            self._page_changed(name)  # current but maybe not built or activated yet
        return self.pages[name]

    def _show_current(self) -> None:
        """After the first show: build and activate the current page (unless done by then),
        then read the sidebar's saved views and follow-up counts."""
        self._page_changed(self.navigation.current_page())
        self.reload_views()
        self.count_followups()

    def current_page(self) -> DeskPage:
        return self.pages[self.navigation.current_page()]

    # --- the sidebar: saved views and my follow-up counts ---------------------------------------

    def reload_views(self) -> None:
        from crm.ui import saved_views

        found = saved_views.by_page(self.ctx)
        for name in KIND_PAGE.values():  # the record lists
            self.navigation.set_views(name, found.get(name, []))

    def open_view(self, page_name: str, view_id: int) -> DeskPage | None:
        """Show a list with one of its saved views (a view deleted meanwhile is said)."""
        from crm.ui import saved_views

        view = saved_views.read(self.ctx, view_id)
        if view is None:
            self.reload_views()
            return None
        self._page_changed(page_name)
        page = self.pages[page_name]
        apply_view = getattr(page, "apply_view", None)
        if apply_view is not None:
            apply_view(view)
        return page

    def rename_view(self, view_id: int, name: str) -> None:
        from crm.ui import saved_views

        saved_views.rename(self, self.ctx, self.tasks, view_id, name)

    def delete_view(self, view_id: int, name: str) -> None:
        from crm.ui import saved_views

        saved_views.delete(self, self.ctx, self.tasks, view_id, name)

    def count_followups(self) -> None:
        """My open and overdue follow-ups beside "My follow-ups", counted off the GUI thread."""
        from crm.services import followups

        db, user_id, today = self.ctx.db, self.ctx.user_id, date.today()

        def count() -> tuple[int, int]:
            with db.read() as session:
                return followups.my_counts(session, user_id, today)

        self.tasks.run(count, lambda counts: self.navigation.set_counts("myfollowups", *counts))

    def refresh_current(self) -> None:
        self.current_page().mark_stale()

    def records_changed(self) -> None:
        """Anything may have changed (a restored backup...): every built page re-reads, and
        the last action's Undo no longer applies."""
        self.ctx.changes.announce(EVERYTHING)

    def _changed(self, changes: Changes) -> None:
        """After a write: the status bar says it (an undo was said by the bar itself), the
        panels beside the open editors re-read; each built page refreshes itself."""
        from crm.ui.widgets.related import RelatedPanel

        if changes.said and not changes.touches({"view"}):
            self.last_action(changes.undo)
        if changes.touches({"view"}):
            self.reload_views()
        if changes.touches({"followup"}):
            self.count_followups()
        for panel in self.findChildren(RelatedPanel):
            panel.reload()

    def focus_filter(self) -> None:
        self.current_page().focus_filter()

    def new_on_current_page(self) -> Any:
        """Ctrl+N: a new record of the current page's kind (an organization elsewhere)."""
        from crm.ui.dialogs.records import EDITORS

        kind = self.current_page().new_kind()
        if kind is None:
            return None
        return self.new_record(kind if kind in EDITORS else "organization")

    def focus_search(self) -> None:
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    def delete_selected(self) -> None:
        """Delete: the selection goes to the trash (in the trash: erased, after asking)."""
        self.current_page().delete_selected()

    # --- records -----------------------------------------------------------------------------

    def open_record(
        self, kind: str, record_id: int | None, initial: dict[str, Any] | None = None
    ) -> Any:
        from crm.ui.dialogs.records import EDITORS

        editor_class = EDITORS.get(kind)
        if editor_class is None:
            page = KIND_PAGE.get(kind)
            if page:
                self.show_page(page)
            return None
        editor = self.editors.find(kind, record_id)
        if editor is not None:  # already open: raised, never opened a second time
            self.editors.bring_forward(editor)
            return editor
        editor = editor_class(self.ctx, record_id, self, initial=initial)
        editor.openRequested.connect(self.open_record)
        editor.followUpRequested.connect(self.new_followup_for)
        self.editors.add(kind, record_id, editor)
        editor.open()
        return editor

    def last_action(self, entry: UndoEntry | None) -> None:
        """The status bar says what was just done, with its Undo; None: an action it does not
        take back, which ends the Undo of the one before."""
        if entry is not None:
            self.undo_bar.push(entry)
        else:
            self.undo_bar.forget()

    def new_record(self, kind: str) -> Any:
        return self.open_record(kind, None)

    def edit_record(self, kind: str, record_id: int) -> Any:
        editor = self.open_record(kind, record_id)
        if editor is not None:
            editor.focus_first_field()
        return editor

    def show_filtered(self, name: str, filters: dict[str, Any]) -> DeskPage:
        """Open a page with these filter choices (`text`: the filter box)."""
        page = self.show_page(name)
        page.show_filtered(filters)
        return page

    def export_followups_ics(self) -> None:
        page = self.pages["myfollowups"]
        assert isinstance(page, MyFollowUpsPage)
        page.export_ics()

    def showEvent(self, event: Any) -> None:
        super().showEvent(event)
        if not self._shown_once:
            self._shown_once = True
            QTimer.singleShot(0, self._show_current)
        if self.reminders is None:
            self._reminders_timer.start()
        else:
            self.start_reminders()

    def start_reminders(self) -> None:
        """Show the reminder banner when follow-ups are due, and check again every minute."""
        self._reminders_timer.stop()
        if self.reminders is None:
            from crm.ui.notifications import ReminderBanner, Reminders

            self.banner = ReminderBanner(self)
            self.banner.showRequested.connect(lambda: self.show_page("myfollowups"))
            self._column.insertWidget(0, self.banner)
            self.reminders = Reminders(self.ctx, self.tasks, self, tray=self.remember_geometry)
            self.reminders.counted.connect(self.banner.set_counts)
            # The check every minute also moves follow-ups into "overdue" at midnight.
            self.reminders.counted.connect(lambda _overdue, _today: self.count_followups())
        if not self.reminders.started and not self.reminders.timer.isActive():
            self.reminders.start()

    def load_demo(self) -> Any:
        """An empty page's "Load the demo data": written off the GUI thread; every page then
        reads it (a refusal, e.g. already loaded, is said in a message)."""
        from crm.services.demo import load_demo
        from crm.ui import operations

        return operations.write(self, self.ctx, self.tasks, load_demo, kinds=operations.KINDS,
                                error_title=self.tr("Demo data"))  # fmt: skip

    def new_followup_for(self, kind: str, record_id: int) -> Any:
        """A new follow-up editor, already linked to the record `kind`/`record_id`."""
        from crm.services.kinds import FOLLOWUP_LINKS

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

    def ask_team_database(self) -> None:
        from crm.ui.dialogs import maintenance as care

        dialog = care.TeamDatabaseDialog(self.tasks, self)
        dialog.chosen.connect(self.databaseRequested)
        dialog.open()

    def show_preferences(self) -> None:
        from crm.ui.dialogs.misc import PreferencesDialog

        PreferencesDialog(self.languages, self).open()

    # The dialogs below are imported when first asked for (start-up stays short).

    def back_up(self) -> None:
        from crm.ui.dialogs import maintenance

        maintenance.back_up(self)

    def restore_backup(self) -> None:
        from crm.ui.dialogs import maintenance

        maintenance.restore(self)

    def check_database(self) -> None:
        from crm.ui.dialogs import maintenance

        maintenance.check_database(self)

    def show_shortcuts(self) -> None:
        from crm.ui.dialogs import misc

        misc.show_shortcuts(self)

    def show_about(self) -> None:
        from crm.ui.dialogs import misc

        misc.show_about(self)

    # --- CSV exchange (import wizard, export dialog, export log) -----------------------------

    def import_csv(self, entity: str | None = None) -> Any:
        from crm.ui.dialogs.import_wizard import ImportWizard

        page_entity = {"organizations": "organizations", "events": "participants"}
        name = self.navigation.current_page()
        wizard = ImportWizard(
            self.ctx, self.tasks, self, entity=entity or page_entity.get(name, "contacts")
        )
        wizard.imported.connect(self._imported)
        wizard.open()
        return wizard

    def _imported(self, entity: str, _batch_id: int) -> None:
        """After an import: the list that received the records is shown (the result)."""
        self.records_changed()
        self.show_page(
            {"organizations": "organizations", "participants": "events"}.get(entity, "contacts")
        )

    def export_csv(self) -> Any:
        page = self.current_page()
        if not page.exports_csv:
            page = self.show_page("contacts")
        return page.export_list()

    def undo_import(self) -> None:
        from crm.ui.dialogs.import_undo import undo_last_import

        undo_last_import(self.ctx, self.tasks, self)  # announces every kind when done

    def show_export_log(self) -> Any:
        from crm.ui.pages.export_log import ExportLogDialog

        dialog = ExportLogDialog(self.ctx, self)
        dialog.open()
        return dialog

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.remember_geometry:
            settings.save_geometry(self, "main")
            for page in self.pages.values():
                page.save_state()
        self._reminders_timer.stop()
        if self.reminders is not None:
            self.reminders.stop()
        super().closeEvent(event)
