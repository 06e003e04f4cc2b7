"""Where the main window is, a list page or a record page, and the way back.

`RecordPages` keeps the record pages (`crm.ui.pages.record_page`) in the window's page stack,
one per record: asking again for a record already open shows that page (two copies of one
record would make the user's second Save a conflict with themselves). Every way of opening a
record (lists, board, search box, links, dashboard) goes through the window's `open_record`,
which asks here.

The window tells `arrive(place)` each time it shows a page; `back()` (Alt+Left, the page's
Back button, Esc on a page with nothing to revert) returns to the place before, like a
browser. A record page left with unsaved changes asks to save or discard them first
(`may_leave`), so no edit is ever left behind out of sight. At most `KEEP` record pages stay
built; the least recently seen are let go (their places stay in the history: Back opens them
again).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from crm.domain.errors import NotFound
from crm.ui import messages

if TYPE_CHECKING:
    from crm.ui.main_window import MainWindow
    from crm.ui.pages.record_page import RecordPage

# A list page (its name, None) or a record page (its kind, its id).
Place = tuple[str, int | None]

KEEP = 12  # record pages kept built
HISTORY = 100  # places remembered for Back


class RecordPages:
    def __init__(self, window: MainWindow) -> None:
        self.window = window
        self.open: dict[tuple[str, int], RecordPage] = {}
        self.history: list[Place] = []
        self.place: Place | None = None
        self._going_back = False

    # --- where we are ------------------------------------------------------------------------

    def current(self) -> RecordPage | None:
        """The record page on screen (None: a list page is)."""
        shown = self.window.stack.currentWidget()
        return next((page for page in self.open.values() if page is shown), None)

    def find(self, kind: str, record_id: int) -> RecordPage | None:
        return self.open.get((kind, record_id))

    def arrive(self, place: Place) -> None:
        """The window shows `place`: the place it leaves is remembered for Back."""
        if self.place is not None and self.place != place and not self._going_back:
            self.history.append(self.place)
            del self.history[:-HISTORY]
        self.place = place
        self.window.navigated()

    def may_leave(self) -> bool:
        """Whether the record page on screen may be left: its unsaved changes are saved or
        discarded first, as the user chooses (False: they stay)."""
        page = self.current()
        if page is None or not page.is_dirty():
            return True
        choice = messages.choose(
            self.window,
            QCoreApplication.translate("RecordEditor", "Unsaved changes"),
            QCoreApplication.translate("RecordEditor", "Save your changes to this record?"),
            [
                QCoreApplication.translate("RecordEditor", "Save"),
                QCoreApplication.translate("RecordEditor", "Discard"),
            ],
        )
        if choice == 0:
            return page.save()
        if choice == 1:
            page.revert()
            return True
        return False

    # --- going places ------------------------------------------------------------------------

    def show(self, kind: str, record_id: int) -> RecordPage | None:
        """Show the record's page (built once); None when the user stayed where they were
        (unsaved changes kept) or the record is gone."""
        page = self.find(kind, record_id)
        if page is not None and page is self.current():
            return page
        if not self.may_leave():
            return None
        if page is None:
            page = self._build(kind, record_id)
            if page is None:
                return None
        else:  # most recently seen last: the first ones are let go first
            self.open[(kind, record_id)] = self.open.pop((kind, record_id))
        self.window.stack.setCurrentWidget(page)
        page.activate()
        page.focus_first_field()
        self.arrive((kind, record_id))
        self._let_go()
        return page

    def back(self) -> bool:
        """Return to the place before this one; False when there is none to go to."""
        if not self.may_leave():
            return False
        self._going_back = True
        try:
            while self.history:
                kind, record_id = self.history.pop()
                if record_id is None:
                    self.window.show_page(kind)
                    return True
                if self.show(kind, record_id) is not None:
                    return True
        finally:
            self._going_back = False
        return False

    def _build(self, kind: str, record_id: int) -> RecordPage | None:
        from crm.ui.menus import record_actions_for
        from crm.ui.pages.record_page import RecordPage  # built when first asked for

        window = self.window
        try:
            page = RecordPage(window.ctx, kind, record_id, window.tasks, window.stack)
        except NotFound:
            messages.error(
                window,
                QCoreApplication.translate("RecordEditor", "Record gone"),
                QCoreApplication.translate(
                    "RecordPages",
                    "This record is in the trash or was erased: restore it to open it.",
                ),
            )
            return None
        # The one-click actions (log a call..., introduce to...) are the window's, acting on
        # the page's record (`MainWindow.acting_on`): the same keys on a list and on a page.
        page.add_actions([window.actions_[name] for name in record_actions_for(kind)])
        page.openRequested.connect(window.open_record)
        page.followUpRequested.connect(window.new_followup_for)
        page.backRequested.connect(self.back)
        page.trashed.connect(lambda *_: self._trashed(page))
        page.attentionRequested.connect(lambda: self.show(kind, record_id))
        window.stack.addWidget(page)
        self.open[(kind, record_id)] = page
        return page

    def _trashed(self, page: RecordPage) -> None:
        """The record went to the trash from its page: the page goes, and so does its place."""
        key = (page.kind, page.record_id)
        self.history = [p for p in self.history if p != key]
        if self.current() is page:
            self.place = None
            if not self.back():
                self.window.show_page("dashboard")
        self._close(page)

    def _let_go(self) -> None:
        shown = self.current()
        for page in list(self.open.values()):
            if len(self.open) <= KEEP:
                break
            if page is not shown and not page.is_dirty() and not page.busy():
                self._close(page)

    def _close(self, page: RecordPage) -> None:
        self.open.pop((page.kind, page.record_id), None)
        self.window.stack.removeWidget(page)
        page.deleteLater()  # once the callbacks under way are done
