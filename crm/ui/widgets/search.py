"""The global search box: accent-insensitive results across all records as you type.

Results come from `crm.db.search.search` (prefix matching on folded words), grouped by kind
in a popup under the box; Up/Down choose, Enter or a click opens the record, Escape closes.
The search runs on a task runner's thread (the window's, else the box's own), never on the
GUI thread; when searches overlap, only the latest query's results are shown.

Signals: `openRequested(str kind, int id)`.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QPoint, Qt, QTimer, Signal
from PySide6.QtGui import QFont, QGuiApplication, QKeyEvent
from PySide6.QtWidgets import QAbstractItemView, QLineEdit, QTreeWidget, QTreeWidgetItem, QWidget
from shiboken6 import isValid

from crm.db import search
from crm.db.database import Database
from crm.ui import labels
from crm.ui.errors import error_text
from crm.ui.kinds import ICONS
from crm.ui.resources import icon
from crm.ui.tasks import TaskRunner

KIND_ORDER = ("organization", "contact", "introduction", "event", "followup", "interaction")
IdRole = Qt.ItemDataRole.UserRole + 1
KindRole = Qt.ItemDataRole.UserRole + 2
POPUP_WIDTH = 720

# Stored words that may appear in a subtitle ("biotech · Montréal"), shown in the user's language.
_WORDS = {
    value: name for name, values in labels.ENUMS.items() for value in values if name != "EntityKind"
}


def localized_subtitle(subtitle: str) -> str:
    parts = subtitle.split(" · ")
    return " · ".join(labels.enum_label(_WORDS[p], p) if p in _WORDS else p for p in parts)


class SearchBox(QLineEdit):
    openRequested = Signal(str, int)

    def __init__(
        self, db: Database, parent: QWidget | None = None, tasks: TaskRunner | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("globalSearch")
        self.db = db
        self._tasks = tasks
        self._asked = 0  # the number of the latest search asked: older results are dropped
        self._open_when_shown = False
        self.setClearButtonEnabled(True)
        self.addAction(icon("search"), QLineEdit.ActionPosition.LeadingPosition)
        self.setMinimumWidth(320)
        self.setMaximumWidth(460)
        self.popup = QTreeWidget(objectName="searchPopup")
        self.popup.setWindowFlags(Qt.WindowType.Popup)
        self.popup.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.popup.setFocusProxy(self)
        self.popup.setMouseTracking(True)
        self.popup.setColumnCount(2)
        self.popup.setHeaderHidden(True)
        self.popup.setRootIsDecorated(False)
        self.popup.setUniformRowHeights(True)
        self.popup.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.popup.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.popup.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.popup.installEventFilter(self)
        self.popup.itemClicked.connect(lambda item, _col: self.open_item(item))
        self._timer = QTimer(self, singleShot=True, interval=120)
        self._timer.timeout.connect(self.run_search)
        self.textEdited.connect(lambda _text: self._timer.start())
        self.returnPressed.connect(self._enter)
        self.retranslate()

    def retranslate(self) -> None:
        self.setPlaceholderText(self.tr("Search everything (Ctrl+K)"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def _runner(self) -> TaskRunner:
        if self._tasks is None:
            found = getattr(self.window(), "tasks", None)
            self._tasks = found if isinstance(found, TaskRunner) else TaskRunner(self)
        return self._tasks

    def run_search(self) -> None:
        """Search for the text on show, off the GUI thread; the results replace the popup's."""
        self._timer.stop()
        self._asked += 1
        asked, text, db = self._asked, self.text(), self.db

        def work() -> list[search.SearchHit]:
            with db.read() as session:
                return search.search(session, text, limit=40)

        self._runner().run(
            work,
            lambda hits: self._answered(asked, text, hits),
            lambda exc: self._failed(asked, exc),
        )

    def _answered(self, asked: int, text: str, hits: list[search.SearchHit]) -> None:
        if asked != self._asked or not isValid(self):
            return  # a later search was asked meanwhile, or the box is gone
        self.show_hits(text, hits)
        if self._open_when_shown:
            self._open_when_shown = False
            self.open_item(self.popup.currentItem())

    def _failed(self, asked: int, exc: BaseException) -> None:
        if asked != self._asked or not isValid(self):
            return
        self._open_when_shown = False
        self.popup.clear()
        problem = QTreeWidgetItem([error_text(exc)])
        problem.setFlags(Qt.ItemFlag.NoItemFlags)
        self.popup.addTopLevelItem(problem)
        self._show_popup()

    def show_hits(self, text: str, hits: list[search.SearchHit]) -> None:
        self.popup.clear()
        if not hits:
            if text.strip():
                empty = QTreeWidgetItem([self.tr("No match")])
                empty.setFlags(Qt.ItemFlag.NoItemFlags)
                self.popup.addTopLevelItem(empty)
                self._show_popup()
            else:
                self.popup.hide()
            return
        groups: dict[str, list[search.SearchHit]] = {}
        for hit in hits:
            groups.setdefault(hit.kind, []).append(hit)
        bold = QFont(self.popup.font())
        bold.setBold(True)
        first: QTreeWidgetItem | None = None
        for kind in sorted(groups, key=lambda k: KIND_ORDER.index(k) if k in KIND_ORDER else 99):
            header = QTreeWidgetItem([labels.enum_label("EntityKind", kind)])
            header.setFlags(Qt.ItemFlag.ItemIsEnabled)
            header.setFont(0, bold)
            header.setIcon(0, icon(ICONS.get(kind, "search")))
            self.popup.addTopLevelItem(header)
            for hit in groups[kind]:
                item = QTreeWidgetItem(["    " + hit.title, localized_subtitle(hit.subtitle)])
                item.setData(0, IdRole, hit.record_id)
                item.setData(0, KindRole, hit.kind)
                item.setForeground(1, self.palette().placeholderText())
                self.popup.addTopLevelItem(item)
                first = first or item
        if first is not None:
            self.popup.setCurrentItem(first)
        self._show_popup()

    def _show_popup(self) -> None:
        # Wide enough for titles and their subtitles side by side, right-aligned with the box
        # (it sits at the right of the toolbar) and kept on the screen: no sideways scrolling.
        popup = self.popup
        below = self.mapToGlobal(QPoint(self.width(), self.height()))
        screen = (self.screen() or QGuiApplication.primaryScreen()).availableGeometry()
        width = min(max(self.width(), POPUP_WIDTH), screen.width() - 16)
        x = min(max(screen.left() + 8, below.x() - width), screen.right() - width - 8)
        rows = min(popup.topLevelItemCount(), 22)
        height = popup.sizeHintForRow(0) * rows + 2 * popup.frameWidth() + 2
        popup.setColumnWidth(0, min(popup.sizeHintForColumn(0) + 12, int(width * 0.55)))
        popup.resize(width, height)
        popup.move(x, below.y())
        popup.show()

    def results(self) -> list[tuple[str, int, str]]:
        """(kind, id, title) of the hits on show, for tests and automation."""
        found = []
        for i in range(self.popup.topLevelItemCount()):
            item = self.popup.topLevelItem(i)
            if item is not None and item.data(0, IdRole) is not None:
                found.append((item.data(0, KindRole), item.data(0, IdRole), item.text(0).strip()))
        return found

    def open_item(self, item: QTreeWidgetItem | None) -> None:
        if item is None or item.data(0, IdRole) is None:
            return
        self.popup.hide()
        self.openRequested.emit(item.data(0, KindRole), int(item.data(0, IdRole)))

    def _enter(self) -> None:
        if self._timer.isActive() or not self.popup.isVisible():
            self._open_when_shown = True  # Enter typed before the results: open the first
            self.run_search()
            return
        self.open_item(self.popup.currentItem())

    def _move(self, step: int) -> None:
        count = self.popup.topLevelItemCount()
        shown = self.popup.currentItem()
        current = self.popup.indexOfTopLevelItem(shown) if shown is not None else -1
        index = current + step
        while 0 <= index < count:
            item = self.popup.topLevelItem(index)
            if item is not None and item.data(0, IdRole) is not None:
                self.popup.setCurrentItem(item)
                return
            index += step

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is not self.popup:
            return False
        if event.type() == QEvent.Type.MouseButtonPress and not self.popup.underMouse():
            self.popup.hide()
            self.setFocus()
            return True
        if event.type() != QEvent.Type.KeyPress:
            return False
        assert isinstance(event, QKeyEvent)
        key = event.key()
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.open_item(self.popup.currentItem())
            return True
        if key == Qt.Key.Key_Escape:
            self.popup.hide()
            self.setFocus()
            return True
        if key in (Qt.Key.Key_Up, Qt.Key.Key_Down):
            self._move(-1 if key == Qt.Key.Key_Up else 1)
            return True
        # Everything else goes on to the box, which keeps the typing.
        self.setFocus()
        self.event(event)
        return True

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Down and self.popup.isVisible():
            self._move(1)
            return
        super().keyPressEvent(event)
