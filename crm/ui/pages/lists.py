"""`ListPage`: a list of records with its filters, filter box, count and context menu.

Each record list (organizations, contacts...) is a small subclass naming its list spec and
its filters; the rows come from a `ListModel`, which runs sorting and filtering in SQL.

Signals: those of `crm.ui.pages.base.DeskPage`. Trash, restore and purge of the selection
are writes through `crm.ui.operations` (off the GUI thread); what they did is announced on
`ctx.changes` with the status bar's `crm.ui.undo.UndoEntry`.

The sort column and order and the filter choices are remembered per list (`crm.ui.settings`
`LIST_SORT`, `LIST_FILTERS`), besides the column layout (`LIST_HEADER`). The same filters,
columns and sort can be saved under a name ("Save view…", `crm.ui.saved_views`):
`current_view()` gives them, `apply_view(view)` shows a saved one again.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import (
    QCoreApplication,
    QEvent,
    QItemSelection,
    QItemSelectionModel,
    QModelIndex,
    QPoint,
    Qt,
    QTimer,
)
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QPushButton,
    QStackedWidget,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from crm.domain.enums import EntityKind
from crm.services import listing
from crm.services import lists as lists_catalogue
from crm.ui import labels, messages, settings
from crm.ui.context import DeskContext
from crm.ui.models.table import ListModel
from crm.ui.operations import Changes
from crm.ui.pages import list_filters
from crm.ui.pages.base import DeskPage
from crm.ui.pages.list_filters import FilterDef
from crm.ui.resources import icon
from crm.ui.tasks import Task, TaskRunner
from crm.ui.widgets.empty import EmptyState

# Default column widths in pixels, by column key: names wide enough to read, codes narrow.
# A column is never narrower than its header label (see `ListPage.fit_headers`).
COLUMN_WIDTHS: dict[str, int] = {
    "name": 220, "organization": 220, "qc_party": 220, "ma_party": 220, "linked_to": 220,
    "label": 260, "title": 200, "email": 220, "website": 200, "kind": 180, "purpose": 160,
    "stage": 170, "owner": 140, "assignee": 140, "deleted_by": 140, "city": 130,
    "territory": 120, "membership": 120, "language": 90, "region": 70, "priority": 90,
    "status": 90, "due_date": 100, "due_time": 70, "starts_on": 100, "ends_on": 100, "participants": 90,
    "stage_changed_at": 140, "deleted_at": 140,
}  # fmt: skip
# Columns hidden until the user shows them with the column chooser.
HIDDEN_BY_DEFAULT: dict[str, tuple[str, ...]] = {}
# Room a header needs besides its text: margins and the sort arrow.
HEADER_PADDING = 34


class ListPage(DeskPage):
    spec: listing.ListSpec
    filter_defs: tuple[FilterDef, ...] = ()
    can_create = True
    exports_csv = True

    def __init__(
        self, ctx: DeskContext, tasks: TaskRunner | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(ctx, tasks, parent)
        self.kind = self.spec.name
        self.setObjectName(f"{self.kind}Page")
        # Without a runner of the caller's, the rows are read on this thread (tests, tools).
        self.model = ListModel(ctx.db, self.spec, self, tasks)
        self.model.countChanged.connect(self._show_count)
        # A big list refreshes in the background: say so after ~300 ms, keep the old rows.
        self._loading_timer = QTimer(self, singleShot=True, interval=300)
        self._loading_timer.timeout.connect(self._show_loading)
        self.model.loadingChanged.connect(self._loading_changed)
        self.model.loadFailed.connect(self._load_failed)

        self.title = QLabel(self, objectName="pageTitle")
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        self.title.setFont(font)

        self.filter_box = QLineEdit(self, objectName=f"{self.kind}FilterText")
        self.filter_box.setClearButtonEnabled(True)
        self.filter_box.addAction(icon("search"), QLineEdit.ActionPosition.LeadingPosition)
        self.filter_box.setMinimumWidth(150)
        self._debounce = QTimer(self, singleShot=True, interval=250)
        self._debounce.timeout.connect(self.apply_filters)
        self.filter_box.textChanged.connect(lambda _text: self._debounce.start())

        self.filter_labels: dict[str, QLabel] = {}
        self.filter_combos: dict[str, QComboBox] = {}
        bar = QHBoxLayout()
        bar.addWidget(self.filter_box)
        for fdef in self.filter_defs:
            label = QLabel(self)
            combo = QComboBox(self, objectName=f"{self.kind}Filter_{fdef.key}")
            # Sized for a short word, not the longest choice ("Établissement universitaire"):
            # the bar must fit a 1280-pixel window in French; the open list shows it all.
            combo.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
            )
            combo.setMinimumContentsLength(9)
            label.setBuddy(combo)
            combo.currentIndexChanged.connect(self.apply_filters)
            self.filter_labels[fdef.key] = label
            self.filter_combos[fdef.key] = combo
            bar.addWidget(label)
            bar.addWidget(combo)
        self.add_filter_widgets(bar)
        bar.addStretch(1)
        self.count_label = QLabel(self, objectName=f"{self.kind}Count")
        self.count_label.setMinimumWidth(60)
        self.count_label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        bar.addWidget(self.count_label)
        # An icon: the bar must still fit a 1280-pixel window in French.
        self.save_view_button = QToolButton(self, objectName=f"{self.kind}SaveView")
        self.save_view_button.setIcon(icon("view"))
        self.save_view_button.setAutoRaise(True)
        self.save_view_button.clicked.connect(self.save_view)
        self.save_view_button.setVisible(self.kind in lists_catalogue.LISTS)
        bar.addWidget(self.save_view_button)
        self.new_button = QPushButton(icon("add"), "", self, objectName=f"{self.kind}New")
        self.new_button.clicked.connect(lambda: self.newRequested.emit(self.kind))
        self.new_button.setVisible(self.can_create)
        bar.addWidget(self.new_button)

        self.table = QTableView(self, objectName=f"{self.kind}Table")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        # A re-read (another desk's change, a filter) keeps the records selected, not rows.
        self._kept: list[tuple[str, int]] = []
        self.model.modelAboutToBeReset.connect(self._keep_selection)
        self.model.modelReset.connect(self._restore_selection)
        vertical = self.table.verticalHeader()
        vertical.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        vertical.setDefaultSectionSize(self.fontMetrics().height() + 10)
        vertical.hide()
        header = self.table.horizontalHeader()
        header.setSectionsMovable(True)
        header.setStretchLastSection(True)
        header.setDefaultSectionSize(140)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        header.setTextElideMode(Qt.TextElideMode.ElideRight)
        for section, column in enumerate(self.spec.columns):
            header.resizeSection(section, COLUMN_WIDTHS.get(column.key, 140))
            if column.key in HIDDEN_BY_DEFAULT.get(self.kind, ()):
                header.setSectionHidden(section, True)
        header.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        header.customContextMenuRequested.connect(self._column_menu)
        default = self.spec.keys.index(self.spec.default_sort) if self.spec.default_sort else 0
        descending = self.spec.default_sort in ("stage_changed_at", "deleted_at")
        header.setSortIndicator(
            default, Qt.SortOrder.DescendingOrder if descending else Qt.SortOrder.AscendingOrder
        )
        self.table.setSortingEnabled(True)
        state = settings.LIST_HEADER.get(kind=self.kind)
        if state is not None:
            header.restoreState(state)
        self._restore_sort()
        header.sortIndicatorChanged.connect(self._save_sort)
        self.table.doubleClicked.connect(self._open_index)
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.table.customContextMenuRequested.connect(self._context_menu)

        self.open_action = QAction(icon("open"), "", self)
        self.open_action.setShortcuts(
            [QKeySequence(Qt.Key.Key_Return), QKeySequence(Qt.Key.Key_Enter)]
        )
        self.open_action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        self.open_action.triggered.connect(self.open_current)
        # Its Delete key belongs to the main window's Edit > Move to trash (one shortcut per key:
        # two would be ambiguous and neither would fire).
        self.delete_action = QAction(icon("trash"), "", self)
        self.delete_action.triggered.connect(self.delete_selected)
        self.edit_action = QAction(icon("edit"), "", self)
        self.edit_action.setObjectName(f"{self.kind}EditAction")
        self.edit_action.triggered.connect(self.edit_current)
        self.bulk_action = QAction(icon("edit"), "", self)
        self.bulk_action.setObjectName(f"{self.kind}BulkEditAction")
        self.bulk_action.triggered.connect(self.edit_selected)
        self.followup_action = QAction(icon("followup"), "", self)
        self.followup_action.setObjectName(f"{self.kind}NewFollowUpAction")
        self.followup_action.triggered.connect(self.new_followup)
        self.table.addAction(self.open_action)
        self.table.addAction(self.delete_action)

        # An empty list says what it is for and offers its first actions instead of a table.
        self.empty = EmptyState(self, name=f"{self.kind}Empty")
        self.empty.actionRequested.connect(self.empty_action)
        self.body = QStackedWidget(self, objectName=f"{self.kind}Body")
        self.body.addWidget(self.table)
        self.body.addWidget(self.empty)
        self.model.refreshed.connect(self.show_empty_state)

        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addLayout(bar)
        layout.addWidget(self.body)
        self.retranslate()
        self._restore_filters()

    def add_filter_widgets(self, bar: QHBoxLayout) -> None:
        """A list's own filter widgets after its combo boxes (built before the filters are
        restored); none by default."""

    # --- labels ------------------------------------------------------------------------------

    def page_title(self) -> str:
        raise NotImplementedError

    def retranslate(self) -> None:
        self.title.setText(self.page_title())
        self.filter_box.setPlaceholderText(
            QCoreApplication.translate("ListPage", "Filter this list…")
        )
        self.new_button.setText(QCoreApplication.translate("ListPage", "New"))
        self.save_view_button.setText(QCoreApplication.translate("ListPage", "Save view…"))
        self.save_view_button.setToolTip(
            QCoreApplication.translate("ListPage", "Save view…")
            + "\n"
            + QCoreApplication.translate(
                "ListPage", "Save these filters, columns and sort under a name in the sidebar"
            )
        )
        self.open_action.setText(QCoreApplication.translate("ListPage", "Open"))
        self.edit_action.setText(QCoreApplication.translate("ListPage", "Edit"))
        self.followup_action.setText(QCoreApplication.translate("ListPage", "New follow-up…"))
        self.bulk_action.setText(QCoreApplication.translate("ListPage", "Edit selected…"))
        self.delete_action.setText(QCoreApplication.translate("ListPage", "Move to trash"))
        for fdef in self.filter_defs:
            self.filter_labels[fdef.key].setText(QCoreApplication.translate("Filters", fdef.label))
            self._fill_combo(fdef)
        self.model.retranslate()
        self.fit_headers()
        self._show_count(self.model.total)
        if self.model.loaded and not self.model.pending:
            self.show_empty_state()

    def empty_texts(self) -> tuple[str, str, list[tuple[str, str]]]:
        """What this list says when it holds no record at all: a title, what the list is
        for, and its first actions as (key, label): keys `new`, `import`, `demo`."""
        return (QCoreApplication.translate("ListPage", "Nothing here yet"), "", [])

    def has_filters(self) -> bool:
        """Whether the rows shown are narrowed by a filter or the filter box."""
        query = self.model.query
        return bool(query.text.strip()) or any(v not in (None, "") for v in query.filters.values())

    def show_empty_state(self) -> None:
        """The table, or what the list is for when it has no row (after each refresh)."""
        if self.model.total or not self.model.loaded:
            self.body.setCurrentWidget(self.table)
            return
        if self.has_filters():
            self.empty.show_state(
                QCoreApplication.translate("ListPage", "No record matches these filters"),
                QCoreApplication.translate("ListPage", "Change the filters above, or clear them to see the whole list."),
                [("clear", QCoreApplication.translate("ListPage", "Clear the filters"))],
            )  # fmt: skip
        else:
            title, text, actions = self.empty_texts()
            if any(key == "demo" for key, _label in actions) and not self.offers_demo():
                actions = [(key, label) for key, label in actions if key != "demo"]
            self.empty.show_state(title, text, actions, picture=self.empty_picture())
        self.body.setCurrentWidget(self.empty)

    def empty_picture(self) -> str:
        from crm.ui.kinds import ICONS

        return ICONS.get(self.kind, "trash")

    def empty_action(self, key: str) -> None:
        if key == "clear":
            self.clear_filters()
        else:
            super().empty_action(key)

    def clear_filters(self) -> None:
        """Every filter back to "All", the filter box emptied: the whole list."""
        self.show_filtered({})

    def fit_headers(self) -> None:
        """Widen the columns whose header label (in the current language) would be cut."""
        header = self.table.horizontalHeader()
        metrics = header.fontMetrics()
        for section, column in enumerate(self.spec.columns):
            needed = metrics.horizontalAdvance(labels.header(column.key)) + HEADER_PADDING
            if header.sectionSize(section) < needed:
                header.resizeSection(section, needed)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def _fill_combo(self, fdef: FilterDef) -> None:
        list_filters.fill_combo(self.filter_combos[fdef.key], fdef, self.ctx, self.kind)

    def _loading_changed(self, loading: bool) -> None:
        if loading:
            self._loading_timer.start()
        else:
            self._loading_timer.stop()
            self.table.viewport().unsetCursor()
            self._show_count(self.model.total)

    def _show_loading(self) -> None:
        if self.model.pending:
            self.count_label.setText(QCoreApplication.translate("ListPage", "Loading…"))
            self.table.viewport().setCursor(Qt.CursorShape.BusyCursor)

    def _load_failed(self, text: str) -> None:
        messages.error(self, QCoreApplication.translate("ListPage", "Cannot read the list"), text)

    def _show_count(self, count: int) -> None:
        if self.model.pending and not self._loading_timer.isActive():
            return  # "Loading…" stays until the rows are in
        if not self.model.loaded:
            self.count_label.setText("")
            return
        self.count_label.setText(
            QCoreApplication.translate("ListPage", "%n record(s)", None, count)
        )

    # --- data --------------------------------------------------------------------------------

    def filters(self) -> dict[str, Any]:
        return list_filters.values(self.filter_defs, self.filter_combos, date.today())

    def apply_filters(self) -> None:
        self._debounce.stop()
        self.model.set_filters(self.filters(), self.filter_box.text())
        self.stale = False
        self._save_filters()

    def filter_choices(self) -> dict[str, Any]:
        """The chosen value of each filter combo (None for "All")."""
        return {key: combo.currentData() for key, combo in self.filter_combos.items()}

    def _save_filters(self) -> None:
        chosen = {k: v for k, v in self.filter_choices().items() if v is not None}
        settings.LIST_FILTERS.set(chosen, kind=self.kind)

    def _restore_filters(self) -> None:
        chosen = settings.LIST_FILTERS.get(kind=self.kind)
        list_filters.restore(self.filter_defs, self.filter_combos, chosen)

    def _save_sort(self, section: int, order: Qt.SortOrder) -> None:
        if not 0 <= section < len(self.spec.columns):
            return
        settings.LIST_SORT.set(self.spec.columns[section].key, kind=self.kind)
        settings.LIST_DESCENDING.set(order == Qt.SortOrder.DescendingOrder, kind=self.kind)

    def _restore_sort(self) -> None:
        key = settings.LIST_SORT.get(kind=self.kind)
        if key not in self.spec.keys:
            return
        order = (
            Qt.SortOrder.DescendingOrder
            if settings.LIST_DESCENDING.get(kind=self.kind)
            else Qt.SortOrder.AscendingOrder
        )
        self.table.horizontalHeader().setSortIndicator(self.spec.keys.index(key), order)

    def activate(self) -> None:
        """The page is shown: load its rows the first time, or again when they are stale."""
        if self.stale:
            self.apply_filters()

    def mark_stale(self) -> None:
        self.stale = True
        if self.isVisible():
            self.activate()

    def is_loaded(self) -> bool:
        """The rows of the current filters and sort are on screen (no refresh on its way)."""
        return self.model.loaded and not self.model.pending and not self.stale

    def new_kind(self) -> str | None:
        return self.kind if self.can_create else None

    def show_filtered(self, filters: dict[str, Any]) -> None:
        """These filter choices (`text`: the filter box); choices that have no combo here (an
        outcome, a month) filter the rows until the next change."""
        extra = {}
        for key, combo in self.filter_combos.items():
            combo.blockSignals(True)
            combo.setCurrentIndex(max(combo.findData(filters.get(key)), 0))
            combo.blockSignals(False)
        for key, value in filters.items():
            if key != "text" and key not in self.filter_combos:
                extra[key] = value
        self.filter_box.blockSignals(True)
        self.filter_box.setText(str(filters.get("text", "")))
        self.filter_box.blockSignals(False)
        self.apply_filters()
        if extra:
            self.model.set_filters({**self.filters(), **extra}, self.filter_box.text())

    # --- saved views -------------------------------------------------------------------------

    def current_view(self) -> dict[str, Any]:
        """What a saved view keeps of this list: filter choices and text, the shown columns
        in their order, the sort (the keywords of `crm.services.saved_views.save`)."""
        header = self.table.horizontalHeader()
        keys = self.spec.keys
        shown = [
            keys[header.logicalIndex(visual)]
            for visual in range(header.count())
            if not header.isSectionHidden(header.logicalIndex(visual))
        ]
        section = header.sortIndicatorSection()
        return {
            "filters": {k: v for k, v in self.filter_choices().items() if v is not None},
            "text": self.filter_box.text(),
            "columns": tuple(shown),
            "sort": keys[section] if 0 <= section < len(keys) else "",
            "descending": header.sortIndicatorOrder() == Qt.SortOrder.DescendingOrder,
        }

    def apply_view(self, view: Any) -> None:
        """Show a saved view (`crm.services.saved_views.View`): its columns in their order,
        its sort, then its filters and text."""
        header = self.table.horizontalHeader()
        keys = self.spec.keys
        columns = [c for c in view.columns if c in keys]
        if columns:
            for section, key in enumerate(keys):
                header.setSectionHidden(section, key not in columns)
            for visual, key in enumerate(columns):
                header.moveSection(header.visualIndex(keys.index(key)), visual)
        if view.sort in keys:
            order = Qt.SortOrder.DescendingOrder if view.descending else Qt.SortOrder.AscendingOrder
            header.setSortIndicator(keys.index(view.sort), order)
        known = self.filter_choices()  # a choice this list no longer has is left out
        self.show_filtered(
            {**{k: v for k, v in view.filters.items() if k in known}, "text": view.text}
        )

    def save_view(self) -> bool:
        """Ask a name and save this list's view (see `crm.ui.saved_views.save_current`)."""
        from crm.ui import saved_views

        return saved_views.save_current(self)

    def focus_filter(self) -> None:
        self.filter_box.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.filter_box.selectAll()

    def save_state(self) -> None:
        settings.LIST_HEADER.set(self.table.horizontalHeader().saveState(), kind=self.kind)

    # --- actions -----------------------------------------------------------------------------

    def selected_rows(self) -> list[int]:
        return sorted({index.row() for index in self.table.selectionModel().selectedRows()})

    def selection(self) -> list[tuple[str, int]]:
        return self.selected()

    def _keep_selection(self) -> None:
        self._kept = self.selected()

    def _restore_selection(self) -> None:
        rows = self.model.rows_of(self._kept)
        self._kept = []
        if not rows:
            return
        last = self.model.columnCount() - 1
        chosen = QItemSelection()
        for row in rows:
            chosen.select(self.model.index(row, 0), self.model.index(row, last))
        flag = QItemSelectionModel.SelectionFlag
        self.table.selectionModel().select(chosen, flag.ClearAndSelect | flag.Rows)
        self.table.selectionModel().setCurrentIndex(self.model.index(rows[0], 0), flag.NoUpdate)

    def selected(self) -> list[tuple[str, int]]:
        """(kind, id) of the selected records."""
        found = []
        for row in self.selected_rows():
            record_id = self.model.record_id(row)
            if record_id is not None:
                found.append((self.model.record_kind(row), record_id))
        return found

    def _open_index(self, index: QModelIndex) -> None:
        record_id = self.model.record_id(index.row())
        if record_id is not None:
            self.openRequested.emit(self.model.record_kind(index.row()), record_id)

    def open_current(self) -> None:
        index = self.table.currentIndex()
        if index.isValid():
            self._open_index(index)

    def _current_record(self) -> tuple[str, int] | None:
        index = self.table.currentIndex()
        row = index.row() if index.isValid() else -1
        if row < 0:
            rows = self.selected_rows()
            row = rows[0] if rows else -1
        record_id = self.model.record_id(row) if row >= 0 else None
        return None if record_id is None else (self.model.record_kind(row), record_id)

    def edit_current(self) -> None:
        found = self._current_record()
        if found is not None:
            self.editRequested.emit(*found)

    def can_edit_selected(self) -> bool:
        """Whether this list's records can be changed many at once (Edit selected…)."""
        from crm.services.bulk_edit import EDITS

        return self.kind in EDITS

    def edit_selected(self) -> Any:
        """One change for every selected record (`crm.ui.dialogs.bulk_edit`)."""
        from crm.ui.dialogs.bulk_edit import BulkEditDialog

        ids = [record_id for kind, record_id in self.selected() if kind == self.kind]
        if not ids or not self.can_edit_selected():
            return None
        dialog = BulkEditDialog(self.ctx, self.tasks, self, self.kind, ids)
        dialog.open()
        return dialog

    def new_followup(self) -> None:
        """Ask for a new follow-up linked to the current record."""
        from crm.services.kinds import FOLLOWUP_LINKS

        found = self._current_record()
        if found is not None and found[0] in FOLLOWUP_LINKS:
            self.followUpRequested.emit(*found)

    def delete_selected(self) -> None:
        chosen = self.selected()
        if chosen:
            title = QCoreApplication.translate("ListPage", "Cannot move to the trash")
            self.apply_to_selected("delete", chosen, title)

    def apply_to_selected(
        self, action: str, chosen: list[tuple[str, int]], error_title: str
    ) -> Task:
        """`action` (delete, restore or purge) on each chosen record in one transaction, off
        the GUI thread; the status bar then says what was done, with its Undo (none for a
        purge)."""
        from crm.ui import undo
        from crm.ui.kinds import SERVICES  # every record service: imported when first needed

        def apply(session: Any, actor: int) -> list[undo.Done]:
            done = []
            for kind, record_id in chosen:
                service = SERVICES[kind]
                obj = getattr(service, action)(session, actor, record_id)
                if obj is not None:  # the version it left is what an undo expects
                    done.append(undo.Done(kind, record_id, obj.version, str(service.label(obj))))
            return done

        def said(done: list[undo.Done]) -> Changes:
            entries = {"delete": undo.trash_entry, "restore": undo.restore_entry}
            entry = entries[action](done) if action in entries else undo.purge_entry(len(chosen))
            return Changes(frozenset(kind for kind, _ in chosen), undo=entry)

        def failed(_failed: object) -> bool:
            self.apply_filters()
            return False  # the message says why

        return self.write(
            apply, kinds={kind for kind, _ in chosen}, error_title=error_title,
            on_done=lambda _done: self.apply_filters(), announce=said, on_failed=failed,
        )  # fmt: skip

    def _context_menu(self, pos: QPoint) -> None:
        menu = QMenu(self)
        self.fill_context_menu(menu)
        menu.popup(self.table.viewport().mapToGlobal(pos))

    def fill_context_menu(self, menu: QMenu) -> None:
        has_selection = bool(self.selected_rows())
        self.open_action.setEnabled(has_selection)
        self.delete_action.setEnabled(has_selection)
        self.edit_action.setEnabled(has_selection)
        self.followup_action.setEnabled(has_selection)
        self.bulk_action.setEnabled(has_selection)
        menu.addAction(self.open_action)
        menu.addAction(self.edit_action)
        if self.can_edit_selected():
            menu.addAction(self.bulk_action)
        from crm.services.kinds import FOLLOWUP_LINKS  # every record service: on first use

        if self.kind in FOLLOWUP_LINKS:
            menu.addAction(self.followup_action)
        offered = [a for a in self.record_actions if self._offers(a.objectName())]
        if offered:
            menu.addSeparator()
            for action in offered:
                menu.addAction(action)  # shared with the menu bar: never disabled here
            menu.addSeparator()
        if self.can_create:
            new = menu.addAction(icon("add"), QCoreApplication.translate("ListPage", "New…"))
            new.triggered.connect(lambda: self.newRequested.emit(self.kind))
        if self.save_view_button.isVisibleTo(self):
            save = menu.addAction(QCoreApplication.translate("ListPage", "Save view…"))
            save.triggered.connect(self.save_view)
        if self.export_entity():
            export = menu.addAction(QCoreApplication.translate("ListPage", "Export…"))
            export.setObjectName(f"{self.kind}ExportAction")
            export.triggered.connect(self.export_list)
        menu.addSeparator()
        menu.addAction(self.delete_action)

    def _offers(self, action_name: str) -> bool:
        """Whether a one-click action (`action_<key>`, see `crm.ui.menus`) fits this list."""
        key = action_name.removeprefix("action_")
        if key == "complete_followup":
            return self.kind == "followup"
        if key == "introduce_to":
            return self.kind in ("contact", "organization")
        return self.kind in ("organization", "contact", "introduction", "event", "followup")

    def export_entity(self) -> str | None:
        """What this list exports to CSV (an events list exports its events' participants)."""
        from crm.services.kinds import KINDS

        record = KINDS.get(EntityKind(self.kind)) if self.kind in KINDS else None
        return None if record is None else record.export

    def export_list(self) -> Any:
        """Open the export dialog over this list's current filter and selected rows."""
        from crm.ui.dialogs.export_dialog import ExportDialog

        entity = self.export_entity()
        if entity is None:
            return None
        ids = [record_id for _, record_id in self.selected()]
        filters, text = self.filters(), self.filter_box.text()
        if entity == "participants":  # the selected events, else every event the list shows
            if not ids:
                with self.ctx.db.read() as session:
                    ids = list(
                        listing.ordered_ids(session, self.spec, listing.ListQuery(filters, text))
                    )
            filters, text, ids = {"event_id": ids}, "", []
        dialog = ExportDialog(
            self.ctx, entity, self.tasks, self, filters=filters, text=text, ids=ids
        )
        dialog.open()
        return dialog

    def _column_menu(self, pos: QPoint) -> None:
        header = self.table.horizontalHeader()
        menu = QMenu(self)
        for section, column in enumerate(self.spec.columns):
            action = menu.addAction(labels.header(column.key))
            action.setCheckable(True)
            action.setChecked(not header.isSectionHidden(section))
            action.toggled.connect(lambda on, s=section: header.setSectionHidden(s, not on))
        menu.popup(header.mapToGlobal(pos))
