"""`Sidebar`: the main window's navigation: one row per page, the saved views of a list
indented under it, and the count of my open and overdue follow-ups beside "My follow-ups".

Rows are found by what they open, never by position: `PAGE_ROLE` holds the page name,
`VIEW_ROLE` the saved view's id (None on a page's own row), `BADGE_ROLE` the (open,
overdue) counts a row shows as badges, painted by `SidebarDelegate` in theme-aware colours.

Signals: `pageChosen(str page)`, `viewChosen(str page, int view_id)` when a row is made
current or a view clicked again; `renameViewRequested(int view_id, str name)` and
`deleteViewRequested(int view_id, str name)` from a view's context menu.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QPoint, QRect, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPalette
from PySide6.QtWidgets import (
    QListWidget,
    QListWidgetItem,
    QMenu,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from crm.ui import theme
from crm.ui.i18n import tr
from crm.ui.resources import icon

PAGE_ROLE = Qt.ItemDataRole.UserRole
VIEW_ROLE = Qt.ItemDataRole.UserRole + 1
BADGE_ROLE = Qt.ItemDataRole.UserRole + 2
VIEW_INDENT = 30

Index = QModelIndex | QPersistentModelIndex


# Above this, a badge shows "999+" (the row's tooltip has the number): a wider pill would
# cover the page's name at the sidebar's width.
BADGE_MAX = 999


def badge_text(count: int) -> str:
    return str(count) if count <= BADGE_MAX else f"{BADGE_MAX}+"


class SidebarDelegate(QStyledItemDelegate):
    """A row as usual, a view indented, then its count badges on the right (overdue in the
    alert colour, then the open count)."""

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        opt = QStyleOptionViewItem(option)
        if index.data(VIEW_ROLE) is not None:
            opt.rect = option.rect.adjusted(VIEW_INDENT, 0, 0, 0)
        counts = index.data(BADGE_ROLE)
        if not counts:
            super().paint(painter, opt, index)
            return
        small = QFont(option.font)
        small.setPointSizeF(max(small.pointSizeF() * 0.85, 6.0))
        small.setBold(True)
        metrics = QFontMetrics(small)
        badges = self._badges(counts, option.palette)
        widths = [
            max(metrics.horizontalAdvance(t) + 10, metrics.height() + 2) for t, _, _ in badges
        ]
        # The name left of the badges, elided rather than covered when the sidebar is narrow.
        opt.rect = opt.rect.adjusted(0, 0, -(sum(widths) + 4 * len(widths) + 6), 0)
        super().paint(painter, opt, index)
        right = option.rect.right() - 6
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        painter.setFont(small)
        for (text, fill, ink), width in zip(reversed(badges), reversed(widths), strict=True):
            pill = QRect(right - width, 0, width, metrics.height() + 2)
            pill.moveCenter(QPoint(pill.center().x(), option.rect.center().y()))
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(fill)
            painter.drawRoundedRect(pill, pill.height() / 2, pill.height() / 2)
            painter.setPen(ink)
            painter.drawText(pill, Qt.AlignmentFlag.AlignCenter, text)
            right = pill.left() - 4
        painter.restore()

    @staticmethod
    def _badges(counts: tuple[int, int], palette: QPalette) -> list[tuple[str, QColor, QColor]]:
        """(text, fill, ink) of each badge, left to right: overdue (if any), then open."""
        open_count, overdue = counts
        badges = [
            (
                badge_text(open_count),
                palette.color(QPalette.ColorRole.Mid),
                palette.color(QPalette.ColorRole.Text),
            )
        ]
        if overdue:
            badges.insert(
                0, (badge_text(overdue), theme.signal_color("alert", palette), QColor("#ffffff"))
            )
        return badges


class Sidebar(QListWidget):
    pageChosen = Signal(str)
    viewChosen = Signal(str, int)
    renameViewRequested = Signal(int, str)
    deleteViewRequested = Signal(int, str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("navigation")
        self.setIconSize(QSize(22, 22))
        self.setMaximumWidth(240)
        self.setMinimumWidth(170)
        self.setItemDelegate(SidebarDelegate(self))
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.customContextMenuRequested.connect(self._context_menu)
        self.currentItemChanged.connect(self._current_changed)
        self.itemClicked.connect(self._clicked)
        self.counts: tuple[int, int] | None = None
        self._counted = ""  # the page the counts are shown beside

    def add_pages(self, pages: Iterable[str], icons: dict[str, str]) -> None:
        for name in pages:
            item = QListWidgetItem(icon(icons[name]), "")
            item.setData(PAGE_ROLE, name)
            item.setSizeHint(QSize(0, 36))
            self.addItem(item)

    # --- finding rows ------------------------------------------------------------------------

    def _items(self) -> list[QListWidgetItem]:
        return [self.item(row) for row in range(self.count())]

    def page_item(self, page: str) -> QListWidgetItem:
        return next(
            i for i in self._items() if i.data(PAGE_ROLE) == page and i.data(VIEW_ROLE) is None
        )

    def view_items(self, page: str) -> list[QListWidgetItem]:
        return [
            i for i in self._items() if i.data(PAGE_ROLE) == page and i.data(VIEW_ROLE) is not None
        ]

    def current_page(self) -> str:
        item = self.currentItem()
        return str(item.data(PAGE_ROLE)) if item is not None else ""

    def select_page(self, page: str) -> bool:
        """Make the page's own row current; False when it already was (nothing emitted)."""
        item = self.page_item(page)
        if self.currentItem() is item:
            return False
        self.setCurrentItem(item)
        return True

    def set_page_text(self, page: str, text: str) -> None:
        self.page_item(page).setText(text)

    # --- saved views -------------------------------------------------------------------------

    def set_views(self, page: str, views: Sequence[tuple[int, str]]) -> None:
        """Show these (id, name) views under the page's row, replacing those shown before."""
        current = self.currentItem()
        keep = (
            current.data(VIEW_ROLE)
            if current is not None and current.data(PAGE_ROLE) == page
            else None
        )
        self.blockSignals(True)
        for item in self.view_items(page):
            self.takeItem(self.row(item))
        row = self.row(self.page_item(page))
        for offset, (view_id, name) in enumerate(views, start=1):
            item = QListWidgetItem(icon("view"), name)
            item.setData(PAGE_ROLE, page)
            item.setData(VIEW_ROLE, int(view_id))
            item.setToolTip(tr("Saved view: %1").replace("%1", name))
            item.setSizeHint(QSize(0, 28))
            self.insertItem(row + offset, item)
            if keep == view_id:
                self.setCurrentItem(item)
        if keep is not None and not any(i.data(VIEW_ROLE) == keep for i in self.view_items(page)):
            self.setCurrentItem(self.page_item(page))  # the view shown was deleted
        self.blockSignals(False)

    def view_names(self, page: str) -> list[str]:
        return [i.text() for i in self.view_items(page)]

    def view_item(self, view_id: int) -> QListWidgetItem | None:
        return next((i for i in self._items() if i.data(VIEW_ROLE) == view_id), None)

    def _current_changed(self, item: QListWidgetItem | None, _previous: object) -> None:
        if item is None:
            return
        self._choose(item)

    def _clicked(self, item: QListWidgetItem) -> None:
        # A view clicked while current is opened again (its filters may have been changed).
        if item is self.currentItem() and item.data(VIEW_ROLE) is not None:
            self._choose(item)

    def _choose(self, item: QListWidgetItem) -> None:
        page, view = str(item.data(PAGE_ROLE)), item.data(VIEW_ROLE)
        if view is None:
            self.pageChosen.emit(page)
        else:
            self.viewChosen.emit(page, int(view))

    def view_menu(self, item: QListWidgetItem) -> QMenu:
        """A saved view's context menu: open, rename, delete."""
        view_id, name = int(item.data(VIEW_ROLE)), item.text()
        menu = QMenu(self)
        menu.addAction(tr("Open"), lambda: self._open(item))
        menu.addAction(tr("Rename…"), lambda: self.renameViewRequested.emit(view_id, name))
        menu.addAction(
            icon("trash"), tr("Delete"), lambda: self.deleteViewRequested.emit(view_id, name)
        )
        return menu

    def _open(self, item: QListWidgetItem) -> None:
        if self.currentItem() is item:
            self._choose(item)
        else:
            self.setCurrentItem(item)  # emits through `_current_changed`

    def _context_menu(self, pos: QPoint) -> None:
        item = self.itemAt(pos)
        if item is not None and item.data(VIEW_ROLE) is not None:
            self.view_menu(item).popup(self.viewport().mapToGlobal(pos))

    # --- follow-up counts --------------------------------------------------------------------

    def retranslate(self) -> None:
        """Say the tooltips again in the current language."""
        for item in self._items():
            if item.data(VIEW_ROLE) is not None:
                item.setToolTip(tr("Saved view: %1").replace("%1", item.text()))
        if self.counts is not None and self._counted:
            self.set_counts(self._counted, *self.counts)

    def set_counts(self, page: str, open_count: int, overdue: int) -> None:
        """Badges beside `page` (my follow-ups): open and overdue; the tooltip says them."""
        self.counts = (open_count, overdue)
        self._counted = page
        item = self.page_item(page)
        item.setData(BADGE_ROLE, (open_count, overdue) if open_count else None)
        item.setToolTip(
            tr("%n open follow-up(s)", None, open_count)
            + (", " + tr("%n overdue", None, overdue) if overdue else "")
        )
