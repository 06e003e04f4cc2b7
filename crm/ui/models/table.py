"""`ListModel`: one table model for every list, configured by a `crm.services.listing.ListSpec`.

Rows are read lazily in pages of `PAGE_SIZE` plain tuples, only for the rows the view asks
for; at most `MAX_PAGES` pages stay cached. A refresh reads the sorted, filtered ids once
(8 bytes a row, `listing.ordered_ids`); a page is then read by primary key
(`listing.rows_by_id`), as cheap at the last row as at the first. Sorting (`sort`) and
filtering (`set_query`) re-run the SQL query.

Given a `TaskRunner`, a refresh of a big list (its tables hold more than `SYNC_LIMIT`
rows: reading 100k sorted ids takes 0.1-0.3 s) runs on a worker thread with its own
session; the rows already shown stay on screen meanwhile, and a result is dropped when a
newer refresh was started after it (`pending` tells a refresh is on its way). Small lists,
and models without a runner, refresh at once.

When a big list shows rows it did not show before (its first load, another sort or
filter), a second worker first reads just its first `PAGE_SIZE` rows through the sort
index (`listing.first_rows`, about a millisecond): the model holds those rows alone
(`partial`), then, once the sorted ids are in, the rows after them are inserted
(`rowsInserted`, the view keeps its place), or the model is reset if the list changed in
between. A refresh of the rows already shown (records changed elsewhere) skips that step,
so the view is not thrown back to the top.

Roles: `SortRole` gives the raw value of a cell, `IdRole` the record id of its row,
`KindRole` the record kind (the trash mixes kinds). A page may set `emphasis(model, row)`
to name a signal colour of `crm.ui.theme` ("alert": overdue) for a row that must stand
out: its text is then painted in that colour, bold.

Signals: `countChanged(int)` after each refresh, with the number of matching rows;
`loadingChanged(bool)` when a background refresh starts and ends; `firstRowsShown()` when
the first rows of a big list are in the model before its sorted ids; `refreshed()` once
the refresh is complete; `loadFailed(str)` when a background refresh failed.
"""

from __future__ import annotations

import contextlib
from array import array
from collections import OrderedDict
from collections.abc import Callable, Collection
from datetime import date, datetime, time
from enum import Enum
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QDate,
    QDateTime,
    QLocale,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    QTime,
    Signal,
)
from PySide6.QtGui import QFont

from crm.db.database import Database
from crm.domain.dates import format_time
from crm.services import listing
from crm.ui import labels, theme
from crm.ui.errors import error_text
from crm.ui.tasks import TaskRunner

Index = QModelIndex | QPersistentModelIndex

SortRole = Qt.ItemDataRole.UserRole + 1
IdRole = Qt.ItemDataRole.UserRole + 2
KindRole = Qt.ItemDataRole.UserRole + 3

# An introduction's sides: shown "(destroyed)" when empty (see `display_value`).
PARTY, PARTY_COLUMNS = "party", frozenset({"qc_party", "ma_party"})

PAGE_SIZE = 200
MAX_PAGES = 40
SYNC_LIMIT = 5000


def display_value(kind: str, value: Any) -> str:
    """A cell's text: enum words labelled, dates and numbers in the user's locale."""
    if kind == PARTY and not value:
        # The service requires a contact or an organization on each side of an
        # introduction: a side with neither lost its party to a destruction (privacy).
        return QCoreApplication.translate("ListModel", "(destroyed)")
    if value is None:
        return ""
    if kind.startswith("enum:"):
        return labels.enum_label(kind[5:], value)
    if kind == "datetime" and isinstance(value, datetime):
        local = value.astimezone()
        moment = QDateTime(
            QDate(local.year, local.month, local.day), QTime(local.hour, local.minute)
        )
        return QLocale().toString(moment, QLocale.FormatType.ShortFormat)
    if kind == "date" and isinstance(value, date):
        return QLocale().toString(
            QDate(value.year, value.month, value.day), QLocale.FormatType.ShortFormat
        )
    if kind == "time" and isinstance(value, time):
        return format_time(value)
    if kind == "int" and isinstance(value, int):
        return QLocale().toString(value)
    return str(value)


def raw_value(value: Any) -> Any:
    if isinstance(value, Enum):
        return value.value
    return value


class ListModel(QAbstractTableModel):
    countChanged = Signal(int)
    loadingChanged = Signal(bool)
    firstRowsShown = Signal()
    refreshed = Signal()
    loadFailed = Signal(str)

    def __init__(
        self,
        db: Database,
        spec: listing.ListSpec,
        parent: Any = None,
        tasks: TaskRunner | None = None,
    ) -> None:
        super().__init__(parent)
        self.db = db
        self.spec = spec
        self.tasks = tasks
        self.sync_limit = SYNC_LIMIT
        self.query = listing.ListQuery()
        # The query the rows on screen answer (`query` may be newer while a refresh runs).
        self._shown = self.query
        self._count = 0
        self._pages: OrderedDict[int, list[tuple[Any, ...] | None]] = OrderedDict()
        # Lists with unique ids page by id: the sorted ids are read once per refresh.
        self._by_id = listing.pages_by_id(spec)
        self._ids: array[int] = array("q")
        self._kinds = [PARTY if c.key in PARTY_COLUMNS else c.kind for c in spec.columns]
        self._kind_column = spec.keys.index("kind") + 1 if spec.name == "trash" else -1
        self._generation = 0
        self.loaded = False
        self.pending = False
        # The rows in the model are only the first page of the list: its ids are on their way.
        self.partial = False
        self.pages_read = 0  # pages read for the view since the model was made (for checks)
        # A row that must stand out: the name of its signal colour (see the module), or None.
        self.emphasis: Callable[[ListModel, int], str | None] | None = None

    # --- queries -----------------------------------------------------------------------------

    def refresh(self) -> None:
        """Read the sorted ids (or count the rows) again and forget the cached pages.

        In the background when the model has a task runner and the list is big; a newer
        refresh makes the result of an older one be dropped.
        """
        self._generation += 1
        generation, query, spec = self._generation, self.query, self.spec
        with self.db.read() as session:
            small = self.tasks is None or listing.size_hint(session, spec) <= self.sync_limit
            if small:
                loaded = listing.load(session, spec, query, PAGE_SIZE)
        if small:
            self._apply(generation, loaded)
            return
        db = self.db

        def read() -> listing.Loaded:
            with db.read() as worker_session:  # the worker's own session
                return listing.load(worker_session, spec, query, PAGE_SIZE)

        self._set_pending(True)
        assert self.tasks is not None
        if self._by_id and (not self.loaded or query != self._shown):
            # New rows for the view: show the first page at once, before the sorted ids.
            def read_first() -> list[tuple[Any, ...]]:
                with db.read() as worker_session:
                    return listing.first_rows(worker_session, spec, query, PAGE_SIZE)

            self.tasks.run(
                read_first,
                lambda rows: self._apply_first(generation, query, rows),
                lambda exc: None,  # the full read tells the failure
            )
        self.tasks.run(
            read,
            lambda result: self._apply(generation, result),
            lambda exc: self._failed(generation, exc),
        )

    def _apply_first(
        self, generation: int, query: listing.ListQuery, rows: list[tuple[Any, ...]]
    ) -> None:
        if generation != self._generation or not self.pending:
            return  # a newer refresh started, or the whole list is already in
        self.beginResetModel()
        self._pages.clear()
        self._shown = query
        self._ids = array("q", [int(row[0]) for row in rows])
        self._count = len(rows)
        if rows:
            self._pages[0] = list(rows)
        self.loaded = True
        self.partial = True
        self.endResetModel()
        self.firstRowsShown.emit()

    def _apply(self, generation: int, loaded: listing.Loaded) -> None:
        if generation != self._generation:
            return  # a newer refresh started since: its result will come
        shown = self._count
        if (
            self.partial
            and loaded.query == self._shown
            and loaded.count >= shown
            and loaded.ids[:shown] == self._ids
        ):
            # The first page on screen heads the whole list: add the rows after it.
            self._ids = loaded.ids
            if loaded.count > shown:
                self.beginInsertRows(QModelIndex(), shown, loaded.count - 1)
                self._count = loaded.count
                self.endInsertRows()
        else:
            self.beginResetModel()
            self._pages.clear()
            self._shown = loaded.query
            self._ids = loaded.ids
            self._count = loaded.count
            if loaded.count:
                self._pages[0] = loaded.first_page
            self.endResetModel()
        self.partial = False
        self.loaded = True
        self._set_pending(False)
        self.countChanged.emit(self._count)
        self.refreshed.emit()

    def _failed(self, generation: int, exc: BaseException) -> None:
        if generation != self._generation:
            return
        if self.partial:  # the first page alone would pass for the whole list
            self.beginResetModel()
            self._pages.clear()
            self._ids = array("q")
            self._count = 0
            self.partial = False
            self.endResetModel()
        self._set_pending(False)
        self.loadFailed.emit(error_text(exc))

    def _set_pending(self, pending: bool) -> None:
        if pending != self.pending:
            self.pending = pending
            self.loadingChanged.emit(pending)

    def set_query(self, query: listing.ListQuery) -> None:
        self.query = query
        self.refresh()

    def set_filters(self, filters: dict[str, Any], text: str | None = None) -> None:
        self.set_query(
            listing.ListQuery(
                filters=filters,
                text=self.query.text if text is None else text,
                sort=self.query.sort,
                descending=self.query.descending,
            )
        )

    @property
    def total(self) -> int:
        return self._count

    def _read_page(self, session: Any, number: int) -> list[tuple[Any, ...] | None]:
        start = number * PAGE_SIZE
        if self._by_id:
            return listing.rows_by_id(session, self.spec, self._ids[start : start + PAGE_SIZE])
        return list(listing.page(session, self.spec, self._shown, offset=start, limit=PAGE_SIZE))

    def _row(self, row: int) -> tuple[Any, ...] | None:
        number = row // PAGE_SIZE
        rows = self._pages.get(number)
        if rows is None:
            with self.db.read() as session:
                rows = self._read_page(session, number)
            self.pages_read += 1
            self._pages[number] = rows
            while len(self._pages) > MAX_PAGES:
                self._pages.popitem(last=False)
        else:
            self._pages.move_to_end(number)
        offset = row - number * PAGE_SIZE
        return rows[offset] if offset < len(rows) else None

    def record_id(self, row: int) -> int | None:
        values = self._row(row) if 0 <= row < self._count else None
        return None if values is None else int(values[0])

    def record_kind(self, row: int) -> str:
        if self._kind_column < 0:
            return self.spec.name
        values = self._row(row) if 0 <= row < self._count else None
        return "" if values is None else str(raw_value(values[self._kind_column]))

    def rows_of(self, keys: Collection[tuple[str, int]]) -> list[int]:
        """The rows now showing these (kind, id) records: found among the sorted ids, or in
        the pages read (a reset list has its first page), never by reading the database."""
        wanted = set(keys)
        if not wanted:
            return []
        found: list[int] = []
        if self._by_id and self._kind_column < 0:
            for _kind, record_id in wanted:
                with contextlib.suppress(ValueError):
                    found.append(self._ids.index(record_id))
            return sorted(found)
        for number, rows in self._pages.items():
            for offset, values in enumerate(rows):
                if values is None:
                    continue
                kind = (
                    self.spec.name if self._kind_column < 0
                    else str(raw_value(values[self._kind_column]))
                )  # fmt: skip
                if (kind, int(values[0])) in wanted:
                    found.append(number * PAGE_SIZE + offset)
        return sorted(found)

    def value(self, row: int, key: str) -> Any:
        values = self._row(row)
        return None if values is None else raw_value(values[self.spec.keys.index(key) + 1])

    # --- Qt model interface ------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self._count

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.spec.columns)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row, column = index.row(), index.column()
        if role == Qt.ItemDataRole.DisplayRole or role == Qt.ItemDataRole.ToolTipRole:
            values = self._row(row)
            return (
                None if values is None else display_value(self._kinds[column], values[column + 1])
            )
        if role == SortRole:
            values = self._row(row)
            return None if values is None else raw_value(values[column + 1])
        if role == IdRole:
            return self.record_id(row)
        if role == KindRole:
            return self.record_kind(row)
        if role == Qt.ItemDataRole.TextAlignmentRole and self._kinds[column] == "int":
            return Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        if role in (Qt.ItemDataRole.ForegroundRole, Qt.ItemDataRole.FontRole) and self.emphasis:
            signal = self.emphasis(self, row)
            if signal is None:
                return None
            if role == Qt.ItemDataRole.ForegroundRole:
                return theme.signal_color(signal)
            font = QFont()
            font.setBold(True)
            return font
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            if 0 <= section < len(self.spec.columns):
                return labels.header(self.spec.columns[section].key)
            return None
        return section + 1

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(self.spec.columns):
            return
        key = self.spec.columns[column].key
        descending = order == Qt.SortOrder.DescendingOrder
        if self.loaded and key == self.query.sort and descending == self.query.descending:
            return
        self.query = listing.ListQuery(self.query.filters, self.query.text, key, descending)
        if self.loaded:
            self.refresh()

    def retranslate(self) -> None:
        """Labels changed language: repaint headers and cells."""
        labels.clear_cache()
        if self.spec.columns:
            self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(self.spec.columns) - 1)
        if self._count:
            self.dataChanged.emit(
                self.index(0, 0), self.index(self._count - 1, len(self.spec.columns) - 1)
            )
