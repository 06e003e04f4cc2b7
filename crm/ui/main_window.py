"""The main window: navigation sidebar, one page per list, global search, menus, status bar.

It only assembles: pages are their own classes (`crm.ui.pages`), editors their own dialogs
(`crm.ui.dialogs`). It opens records the pages and the search box ask for (an organization,
a contact, an introduction or an event on its record page in the page stack, through
`crm.ui.navigation`, with Back; a follow-up, an interaction or a new record in its editor),
and tells the pages when records changed elsewhere.

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

__all__ = ["PAGES", "PAGE_ICONS", "MainWindow", "PageSet"]

from datetime import date
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QFileDialog,
    QLabel,
    QListWidgetItem,
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
from crm.ui.kinds import KIND_PAGE, PAGE_KINDS
from crm.ui.live import LiveUpdates
from crm.ui.navigation import RecordPages
from crm.ui.open_editors import OpenEditors
from crm.ui.operations import EVERYTHING, Changes
from crm.ui.pages.base import DeskPage
from crm.ui.pages.pageset import PAGE_ICONS, PAGES, PageSet, page_class
from crm.ui.resources import icon
from crm.ui.tasks import TaskRunner
from crm.ui.undo import UndoBar, UndoEntry
from crm.ui.widgets.search import SearchBox
from crm.ui.widgets.sidebar import Sidebar

if TYPE_CHECKING:
    from crm.ui.pages.record_page import RecordPage

REMINDERS_AFTER_MS = 1500
SIDEBAR_AFTER_MS = 200


class MainWindow(QMainWindow):
    databaseRequested = Signal(str)

    def __init__(self, ctx: DeskContext, languages: Languages, tasks: TaskRunner | None = None,
                 *, remember_geometry: bool = True, live: bool = True) -> None:  # fmt: skip
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
        # The list page shown, or the one a record page was opened over.
        self._shown_name = PAGES[0]
        self.navigation.pageChosen.connect(self._page_changed)
        self.navigation.viewChosen.connect(self.open_view)
        self.navigation.renameViewRequested.connect(self.rename_view)
        self.navigation.deleteViewRequested.connect(self.delete_view)
        # A click on the current page's row while a record page is shown goes back to it.
        self.navigation.itemClicked.connect(self._sidebar_clicked)
        self.records = RecordPages(self)
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
        self.live_label = QLabel(self, objectName="statusLive")
        self.live_label.hide()
        self.statusBar().addPermanentWidget(self.live_label)
        self.statusBar().addPermanentWidget(self.user_label)
        # Other desks' changes reach the pages (crm.ui.live); off for a screenshot run.
        self.live: LiveUpdates | None = None
        if live:
            self.live = LiveUpdates(ctx, self)
            self.live.lost.connect(self._live_lost)
            self.live.back.connect(self._live_back)

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
        self.show_identity()

    # --- who am I ----------------------------------------------------------------------------

    # What a read-only user cannot do: these actions are disabled (the services refuse them
    # anyway, with a sentence, should another path reach them).
    WRITE_ACTIONS = ("new_here", "new_organization", "new_contact", "new_introduction",
                     "new_followup", "new_event", "delete", "import_csv", "undo_import",
                     "restore_backup", "backup", "export_csv", "export_ics")  # fmt: skip

    def show_identity(self) -> None:
        """The status bar says who you are and your role; a read-only user's write actions
        are disabled; on the team database you are your login (no switching)."""
        from crm.ui import labels

        role = labels.enum_label("Role", self.ctx.role.value)
        self.user_label.setText(
            self.tr("Staff user: %1 (%2)").replace("%1", self.ctx.user_name).replace("%2", role)
        )
        self.user_label.setToolTip(
            self.tr("Your database login: on the team database you act as it.")
            if not self.ctx.db.is_sqlite else self.tr("File › Switch staff user changes it.")
        )  # fmt: skip
        self.actions_["switch_user"].setEnabled(self.ctx.db.is_sqlite)
        for key in self.WRITE_ACTIONS:
            if key in self.actions_:
                self.actions_[key].setEnabled(not self.ctx.read_only)

    def switch_user(self) -> None:
        """File › Switch staff user: pick another staff user (or add yourself) for this
        database; kept for it."""
        from crm.ui import identity

        with self.ctx.db.read() as session:
            from crm.services import users

            current = users.service.get(session, self.ctx.user_id, include_deleted=True).name
        who = identity.ask(self.ctx.db, self, current)
        if who is not None and who.id != self.ctx.user_id:
            identity.switch(self.ctx, who)
            self.show_identity()

    def show_staff_users(self) -> Any:
        from crm.ui.dialogs.staff import StaffUsersDialog

        dialog = StaffUsersDialog(self.ctx, self.tasks, self)
        dialog.open()
        return dialog

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # --- pages -------------------------------------------------------------------------------

    def _build_page(self, name: str) -> DeskPage:
        page = page_class(name)(self.ctx, self.tasks, self)
        self.stack.addWidget(page)
        page.openRequested.connect(self.open_record)
        page.editRequested.connect(self.edit_record)
        page.followUpRequested.connect(self.new_followup_for)
        page.newRequested.connect(self.new_record)
        page.listRequested.connect(self.show_filtered)
        page.record_actions = [self.actions_[key] for key in menus.RECORD_ACTIONS]
        page.importRequested.connect(self.import_csv)
        page.demoRequested.connect(self.load_demo)
        return page

    def _page_changed(self, name: str) -> None:
        if not name:
            return
        if not self.records.may_leave():  # unsaved changes kept: the record page stays
            self.navigation.blockSignals(True)
            self.navigation.select_page(self._shown_name)
            self.navigation.blockSignals(False)
            return
        self._shown_name = name
        page = self.pages[name]
        self.stack.setCurrentWidget(page)
        page.activate()
        self.records.arrive((name, None))

    def _sidebar_clicked(self, item: QListWidgetItem) -> None:
        if self.records.current() is not None and item is self.navigation.currentItem():
            self._page_changed(self.navigation.current_page())

    def show_page(self, name: str) -> DeskPage:
        if not self.navigation.select_page(name):
            self._page_changed(name)  # current but maybe not built or activated yet
        return self.pages[name]

    def _show_current(self) -> None:
        """After the first show: build and activate the current page (unless done by then);
        the sidebar's saved views and follow-up counts are read `SIDEBAR_AFTER_MS` later,
        once the page's first rows had their turn (they would otherwise wait on them)."""
        self._page_changed(self.navigation.current_page())
        QTimer.singleShot(SIDEBAR_AFTER_MS, self, self._read_sidebar)

    def _read_sidebar(self) -> None:
        self.reload_views()
        self.count_followups()

    def current_page(self) -> DeskPage:
        """The list page shown, or the one under the record page shown."""
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

        self.tasks.run(count, self._show_followup_counts)

    def _show_followup_counts(self, counts: tuple[int, int]) -> None:
        # A bound method: a window deleted while its count is read is not called back.
        self.navigation.set_counts("myfollowups", *counts)

    def record_page(self) -> RecordPage | None:
        """The record page shown (None: a list page is)."""
        return self.records.current()

    def refresh_current(self) -> None:
        record = self.record_page()
        if record is not None:
            record.refresh(EVERYTHING)
        else:
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
        self.show_identity()  # a switch of user, or a role changed
        if changes.touches({"view"}):
            self.reload_views()
        if changes.touches({"followup"}):
            self.count_followups()
        for panel in self.findChildren(RelatedPanel):
            panel.reload()

    def focus_filter(self) -> None:
        if self.record_page() is None:  # a record page has no filter
            self.current_page().focus_filter()

    def new_on_current_page(self) -> Any:
        """Ctrl+N: a new record of the current page's kind (an organization elsewhere)."""
        from crm.ui.dialogs.records import EDITORS

        record = self.record_page()
        kind = record.kind if record is not None else self.current_page().new_kind()
        if kind is None:
            return None
        return self.new_record(kind if kind in EDITORS else "organization")

    def focus_search(self) -> None:
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    def delete_selected(self) -> None:
        """Delete: the selection goes to the trash (in the trash: erased, after asking). On a
        record page the key belongs to the fields; its actions bar has Move to trash."""
        if self.record_page() is None:
            self.current_page().delete_selected()

    # --- record pages ------------------------------------------------------------------------

    def navigated(self) -> None:
        """A page was shown: the commands of record pages apply to it, or not."""
        record = self.record_page()
        intro = record is not None and record.kind == "introduction"
        self.actions_["back"].setEnabled(bool(self.records.history))
        self.actions_["save_record"].setEnabled(record is not None)
        self.actions_["move_stage"].setEnabled(intro)
        self.actions_["draft_email"].setEnabled(intro)

    def go_back(self) -> bool:
        """Alt+Left: the place shown before this one."""
        return self.records.back()

    def save_record(self) -> bool:
        """Ctrl+S on a record page: save its fields."""
        record = self.record_page()
        return record.save() if record is not None else False

    def move_stage(self) -> Any:
        """Ctrl+M on an introduction's page: the stages to move it to."""
        record = self.record_page()
        return record.ask_stage() if record is not None else None

    def draft_email(self) -> Any:
        """Ctrl+Shift+W on an introduction's page: its bilingual email."""
        record = self.record_page()
        return record.draft_email() if record is not None else None

    def new_followup_here(self) -> Any:
        """Ctrl+Shift+F: a new follow-up, linked to the record whose page is shown."""
        record = self.record_page()
        if record is not None:
            return self.new_followup_for(record.kind, record.record_id)
        return self.new_record("followup")

    def edit_selected(self) -> Any:
        """Edit > Edit selected records: one change for the current list's selection."""
        page = self.current_page()
        edit = getattr(page, "edit_selected", None)
        return edit() if edit is not None else None

    def show_duplicates(self, kind: str = "") -> Any:
        """Records > Find duplicates: the likely pairs, from which two records merge."""
        from crm.ui.dialogs.duplicates import DuplicatesDialog

        if kind not in ("contact", "organization"):
            on_organizations = getattr(self.current_page(), "kind", "") == "organization"
            kind = "organization" if on_organizations else "contact"
        dialog = DuplicatesDialog(self.ctx, self.tasks, self, kind)
        dialog.open()
        return dialog

    # --- records -----------------------------------------------------------------------------

    def open_record(
        self, kind: str, record_id: int | None, initial: dict[str, Any] | None = None
    ) -> Any:
        """Open a record: its record page (`RecordPage`, shown once per record), or for a
        follow-up, an interaction or a new record, its editor (raised if already open); a
        new organization, contact, introduction or event shows its page once saved."""
        from crm.ui.dialogs.records import EDITORS

        if record_id is not None and kind in PAGE_KINDS:
            return self.records.show(kind, record_id)
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
        if record_id is None and kind in PAGE_KINDS:  # once created, the record's page
            editor.saved.connect(self.open_record)
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
        from crm.ui.pages.my_followups import MyFollowUpsPage

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

    # --- one-click actions on the selected record --------------------------------------------
    # The record page (beside the lists) calls the dialogs of crm.ui.dialogs.log_dialog,
    # complete_dialog and introduce with its own record; here they act on the selection.

    def acting_on(self, kinds: tuple[str, ...]) -> tuple[str, int] | None:
        """The record shown on the record page, else the first selected record of the current
        list page, when it is of one of `kinds`."""
        page = self.record_page()
        if page is not None:
            return (page.kind, page.record_id) if page.kind in kinds else None
        chosen = self.current_page().selection()
        return chosen[0] if chosen and chosen[0][0] in kinds else None

    def _nothing_to_act_on(self, title: str, text: str) -> None:
        from crm.ui import messages

        messages.info(self, title.replace("&", "").rstrip("…"), text)

    def log_interaction(self, interaction_kind: str) -> Any:
        """Log a call, an email, a meeting or a note about the selected record."""
        from crm.ui.dialogs.log_dialog import log_interaction

        found = self.acting_on(("organization", "contact", "introduction", "event", "followup"))
        if found is None:
            self._nothing_to_act_on(
                self.actions_[f"log_{interaction_kind}"].text(),
                self.tr("Select an organization, a contact, an introduction, an event or a "
                        "follow-up first."),
            )  # fmt: skip
            return None
        return log_interaction(self, self.ctx, self.tasks, interaction_kind, *found)

    def complete_followup(self) -> Any:
        """Complete the selected follow-up, with an outcome and the next one."""
        from crm.ui.dialogs.complete_dialog import complete_followup

        found = self.acting_on(("followup",))
        if found is None:
            self._nothing_to_act_on(self.actions_["complete_followup"].text(),
                                    self.tr("Select a follow-up first."))  # fmt: skip
            return None
        return complete_followup(self, self.ctx, self.tasks, found[1])

    def introduce_to(self) -> Any:
        """A new introduction with the selected contact or organization as a party."""
        from crm.ui.dialogs.introduce import PARTY_KINDS, introduce_to

        found = self.acting_on(PARTY_KINDS)
        if found is None:
            self._nothing_to_act_on(self.actions_["introduce_to"].text(),
                                    self.tr("Select a contact or an organization first."))  # fmt: skip
            return None
        return introduce_to(self, self.ctx, self.open_record, *found)

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

        page_entity = {
            "organizations": "organizations", "events": "participants",
            "introductions": "introductions", "board": "introductions",
            "followups": "followups", "myfollowups": "followups",
        }  # fmt: skip
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
            {"organizations": "organizations", "participants": "events",
             "introductions": "introductions", "followups": "followups"}.get(entity, "contacts")
        )  # fmt: skip

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

    def _live_lost(self, detail: str) -> None:
        self.live_label.setText(self.tr("Connection to the database lost: reconnecting…"))
        self.live_label.setToolTip(detail)
        self.live_label.setStyleSheet("color: #c0392b;")
        self.live_label.show()

    def _live_back(self) -> None:
        self.live_label.setText(self.tr("Reconnected: the pages are up to date."))
        self.live_label.setToolTip("")
        self.live_label.setStyleSheet("")
        QTimer.singleShot(8000, self.live_label.hide)

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self.records.may_leave():
            event.ignore()
            return
        if self.remember_geometry:
            settings.save_geometry(self, "main")
            for page in self.pages.values():
                page.save_state()
        self._reminders_timer.stop()
        if self.reminders is not None:
            self.reminders.stop()
        if self.live is not None:
            self.live.stop()
        super().closeEvent(event)
