""" "My follow-ups": the current staff user's open follow-ups, grouped by when they fall due.

Groups: overdue, today, this week (the next 7 days), later; each counted in SQL and showing
at most 200 rows. Actions on the selected follow-up: complete, snooze (1 day, 1 week, a
date), reassign to another staff user, open; and export to an iCalendar file.

Signals: those of `crm.ui.pages.base.DeskPage`. Complete, snooze and reassign are writes
through `crm.ui.operations` (off the GUI thread), announced with the `crm.ui.undo.UndoEntry`
of a completion or a snooze (none after a reassignment, which the status bar's Undo does not
take back).
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from PySide6.QtCore import QEvent, QPoint, Qt
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMenu,
    QPushButton,
    QStackedWidget,
    QToolButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from crm.services import calendar, followups, staff
from crm.ui import labels, messages, undo
from crm.ui.context import DeskContext
from crm.ui.errors import error_text
from crm.ui.i18n import tr
from crm.ui.operations import Changes
from crm.ui.pages.base import DeskPage
from crm.ui.resources import icon
from crm.ui.tasks import TaskRunner
from crm.ui.widgets.datefield import DateField
from crm.ui.widgets.empty import EmptyState

ID_ROLE = Qt.ItemDataRole.UserRole
LINK_ROLE = Qt.ItemDataRole.UserRole + 1


def _children(item: QTreeWidgetItem | None) -> list[QTreeWidgetItem]:
    """A tree item's children (Qt's item accessors may answer None)."""
    if item is None:
        return []
    return [c for i in range(item.childCount()) if (c := item.child(i)) is not None]


def snooze_dialog(parent: QWidget | None, start: date) -> tuple[QDialog, DateField]:
    """The dialog that asks until when: the desk's date field, typed or picked."""
    dialog = QDialog(parent, objectName="snoozeDialog")
    dialog.setWindowTitle(tr("Snooze until"))
    field = DateField(dialog, required=True)
    field.set_value(start)
    buttons = QDialogButtonBox(
        QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, dialog
    )

    def accept() -> None:
        if field.check():
            dialog.accept()

    buttons.accepted.connect(accept)
    buttons.rejected.connect(dialog.reject)
    layout = QVBoxLayout(dialog)
    layout.addWidget(field)
    layout.addWidget(buttons)
    return dialog, field


def pick_date(parent: QWidget | None, start: date) -> date | None:
    """Ask for a date (tests replace this function)."""
    dialog, field = snooze_dialog(parent, start)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    return field.value()


def save_path(parent: QWidget | None) -> str:
    """Ask where to save the .ics file (tests replace this function)."""
    path, _ = QFileDialog.getSaveFileName(
        parent, tr("Export follow-ups"), "followups.ics", tr("iCalendar files (*.ics)")
    )
    return path


class MyFollowUpsPage(DeskPage):
    shows = frozenset(("followup", "organization", "contact", "introduction", "event"))

    def __init__(
        self, ctx: DeskContext, tasks: TaskRunner | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(ctx, tasks, parent)
        self.setObjectName("myFollowUpsPage")
        self.groups: list[followups.FollowUpGroup] = []
        self.today = date.today()

        self.title = QLabel(self, objectName="pageTitle")
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        self.title.setFont(font)

        self.complete_button = QPushButton(
            icon("followup"), "", self, objectName="myFollowUpsComplete"
        )
        self.complete_button.clicked.connect(self.complete_selected)
        self.snooze_button = QToolButton(self, objectName="myFollowUpsSnooze")
        self.snooze_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.snooze_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.snooze_menu = QMenu(self)
        self.snooze_button.setMenu(self.snooze_menu)
        self.reassign_button = QToolButton(self, objectName="myFollowUpsReassign")
        self.reassign_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.reassign_menu = QMenu(self)
        self.reassign_menu.aboutToShow.connect(self._fill_reassign)
        self.reassign_button.setMenu(self.reassign_menu)
        self.new_button = QPushButton(icon("add"), "", self, objectName="myFollowUpsNew")
        self.new_button.clicked.connect(lambda: self.newRequested.emit("followup"))
        self.export_button = QPushButton(icon("event"), "", self, objectName="myFollowUpsExport")
        self.export_button.clicked.connect(self.export_ics)
        bar = QHBoxLayout()
        for widget in (self.complete_button, self.snooze_button, self.reassign_button):
            bar.addWidget(widget)
        bar.addStretch(1)
        bar.addWidget(self.new_button)
        bar.addWidget(self.export_button)

        self.tree = QTreeWidget(self, objectName="myFollowUpsTree")
        self.tree.setColumnCount(4)
        self.tree.setRootIsDecorated(False)
        self.tree.setUniformRowHeights(True)
        self.tree.setAlternatingRowColors(True)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.tree.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.tree.customContextMenuRequested.connect(self._context_menu)
        self.tree.itemDoubleClicked.connect(self._open_item)
        self.tree.itemSelectionChanged.connect(self._update_buttons)
        header = self.tree.header()
        for column, width in enumerate((360, 110, 90, 300)):
            header.resizeSection(column, width)

        self.empty = EmptyState(self, name="myFollowUpsEmpty")
        self.empty.actionRequested.connect(self.empty_action)
        self.body = QStackedWidget(self, objectName="myFollowUpsBody")
        self.body.addWidget(self.tree)
        self.body.addWidget(self.empty)

        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addLayout(bar)
        layout.addWidget(self.body, 1)
        self.retranslate()
        self._update_buttons()

    # --- labels ------------------------------------------------------------------------------

    def group_label(self, name: str) -> str:
        return {
            "overdue": tr("Overdue"),
            "today": tr("Today"),
            "week": tr("This week"),
            "later": tr("Later"),
        }[name]

    def retranslate(self) -> None:
        self.title.setText(tr("My follow-ups — %1").replace("%1", self.ctx.user_name))
        self.complete_button.setText(tr("Complete"))
        self.snooze_button.setText(tr("Snooze"))
        self.reassign_button.setText(tr("Reassign"))
        self.new_button.setText(tr("New follow-up…"))
        self.export_button.setText(tr("Export to calendar (.ics)…"))
        self.tree.setHeaderLabels([tr("Follow-up"), tr("Due"), tr("Priority"), tr("For")])
        self.snooze_menu.clear()
        self.snooze_menu.addAction(tr("1 day"), lambda: self.snooze_selected(1))
        self.snooze_menu.addAction(tr("1 week"), lambda: self.snooze_selected(7))
        self.snooze_menu.addAction(tr("Pick a date…"), self.snooze_to_picked)
        self._render()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # --- data --------------------------------------------------------------------------------

    def reload(self) -> None:
        self.stale = False
        self._loading += 1
        db, user_id, today = self.ctx.db, self.ctx.user_id, date.today()

        def read() -> tuple[date, list[followups.FollowUpGroup]]:
            with db.read() as session:
                return today, followups.followup_groups(session, user_id, today)

        generation = self._fresh()
        self.tasks.run(read, lambda result: self._loaded(result, generation), self._failed)

    def reload_now(self) -> None:
        today = date.today()
        with self.ctx.db.read() as session:
            groups = followups.followup_groups(session, self.ctx.user_id, today)
        self.stale = False
        self._loading += 1
        self._loaded((today, groups), self._fresh())

    def _failed(self, exc: BaseException) -> None:
        self._loading = max(self._loading - 1, 0)
        raise exc

    def _loaded(self, result: tuple[date, list[followups.FollowUpGroup]], generation: int) -> None:
        self._loading = max(self._loading - 1, 0)
        if generation == self._generation:  # else a newer reload is on screen or on its way
            self.today, self.groups = result
            self._render()
        if not self._loading:
            self.loaded.emit()

    def empty_action(self, key: str) -> None:
        if key == "new":
            self.newRequested.emit("followup")

    def _show_empty_state(self) -> None:
        if not self.groups or any(g.total for g in self.groups):
            self.body.setCurrentWidget(self.tree)
            return
        self.empty.show_state(
            tr("Nothing to follow up"),
            tr("Your open follow-ups appear here, grouped by when they fall due: overdue, today, this week, later. Add one for your next call or email."),
            [("new", tr("New follow-up…"))], picture="followup",
        )  # fmt: skip
        self.body.setCurrentWidget(self.empty)

    def _render(self) -> None:
        self._show_empty_state()
        selected = set(self.selected_ids())
        self.tree.clear()
        bold = QFont(self.tree.font())
        bold.setBold(True)
        for group in self.groups:
            head = QTreeWidgetItem([f"{self.group_label(group.name)} ({group.total})"])
            head.setFirstColumnSpanned(False)
            head.setFont(0, bold)
            head.setFlags(Qt.ItemFlag.ItemIsEnabled)
            if group.name == "overdue" and group.total:
                head.setForeground(0, QBrush(QColor("#c0392b")))
            self.tree.addTopLevelItem(head)
            for row in group.rows:
                due = row.due_date.isoformat() + (f" {row.due_time:%H:%M}" if row.due_time else "")
                item = QTreeWidgetItem(head, [row.title, due, labels.enum_label("Priority", row.priority),
                                              row.linked_to])  # fmt: skip
                item.setData(0, ID_ROLE, row.id)
                item.setData(0, LINK_ROLE, (row.kind, row.linked_id))
                if group.name == "overdue":
                    item.setForeground(1, QBrush(QColor("#c0392b")))
                item.setSelected(row.id in selected)
            if group.total > len(group.rows):
                more = QTreeWidgetItem(head, [tr("%n more…", None, group.total - len(group.rows))])
                more.setFlags(Qt.ItemFlag.ItemIsEnabled)
            head.setExpanded(True)
        self._update_buttons()

    def group_titles(self, name: str) -> list[str]:
        """The titles shown in one group (for tests and automation)."""
        index = [g.name for g in self.groups].index(name)
        return [c.text(0) for c in _children(self.tree.topLevelItem(index)) if c.data(0, ID_ROLE)]

    # --- actions -----------------------------------------------------------------------------

    def selected_ids(self) -> list[int]:
        return [int(i.data(0, ID_ROLE)) for i in self.tree.selectedItems() if i.data(0, ID_ROLE)]

    def selection(self) -> list[tuple[str, int]]:
        return [("followup", followup_id) for followup_id in self.selected_ids()]

    def select(self, followup_id: int) -> None:
        self.tree.clearSelection()
        for g in range(self.tree.topLevelItemCount()):
            for child in _children(self.tree.topLevelItem(g)):
                if child.data(0, ID_ROLE) == followup_id:
                    # Current first: on a shown tree, making it current selects only what
                    # the selection model decides, which may clear the selection.
                    self.tree.setCurrentItem(child)
                    child.setSelected(True)

    def _update_buttons(self) -> None:
        has = bool(self.selected_ids())
        for widget in (self.complete_button, self.snooze_button, self.reassign_button):
            widget.setEnabled(has)

    def _change(self, apply: Any, entry: Any = None) -> None:
        """`apply(session, actor, id)` to each selected follow-up in one transaction, off the
        GUI thread; `entry(done, before)` makes the status bar's Undo from what was done and
        each one's (status, due date) before."""
        ids = self.selected_ids()
        if not ids:
            return

        def change(session: Any, actor: int) -> tuple[list[undo.Done], list[tuple[str, date]]]:
            done: list[undo.Done] = []
            before: list[tuple[str, date]] = []
            for followup_id in ids:
                was = followups.service.get(session, followup_id)
                before.append((str(was.status.value), was.due_date))
                obj = apply(session, actor, followup_id)
                done.append(undo.Done("followup", followup_id, obj.version, obj.title))
            return done, before

        def said(result: tuple[list[undo.Done], list[tuple[str, date]]]) -> Changes:
            return Changes(frozenset({"followup"}), undo=entry(*result) if entry else None)

        def failed(_failed: object) -> bool:
            self.reload_now()
            return False  # the message says why

        self.write(
            change, kinds={"followup"}, error_title=tr("Cannot change the follow-up"),
            on_done=lambda _result: self.reload_now(), announce=said, on_failed=failed,
        )  # fmt: skip

    def complete_selected(self) -> None:
        self._change(lambda s, a, i: followups.complete(s, a, i),
                     lambda done, before: undo.complete_entry(done, [b[0] for b in before]))  # fmt: skip

    def snooze_selected(self, days: int) -> None:
        self._snooze(date.today() + timedelta(days=days))

    def snooze_to_picked(self) -> None:
        if not self.selected_ids():
            return
        until = pick_date(self, date.today() + timedelta(days=1))
        if until is not None:
            self._snooze(until)

    def _snooze(self, until: date) -> None:
        self._change(lambda s, a, i: followups.snooze(s, a, i, until),
                     lambda done, before: undo.snooze_entry(done, [b[1] for b in before], until))  # fmt: skip

    def reassign_selected(self, assignee_id: int | None) -> None:
        self._change(lambda s, a, i: followups.reassign(s, a, i, assignee_id))

    def _fill_reassign(self) -> None:
        self.reassign_menu.clear()
        with self.ctx.db.read() as session:
            people = staff.choices(session)
        for user_id, name in people:
            action = self.reassign_menu.addAction(name)
            action.triggered.connect(lambda _=False, u=user_id: self.reassign_selected(u))

    def _open_item(self, item: QTreeWidgetItem) -> None:
        followup_id = item.data(0, ID_ROLE)
        if followup_id:
            self.openRequested.emit("followup", int(followup_id))

    def _context_menu(self, pos: QPoint) -> None:
        item = self.tree.itemAt(pos)
        if item is None or not item.data(0, ID_ROLE):
            return
        menu = QMenu(self)
        menu.addAction(tr("Open"), lambda: self._open_item(item))
        kind, link = item.data(0, LINK_ROLE) or ("", None)
        if kind and link:
            menu.addAction(
                tr("Open the linked record"), lambda: self.openRequested.emit(kind, int(link))
            )
        menu.addSeparator()
        menu.addAction(tr("Complete"), self.complete_selected)
        menu.addMenu(self.snooze_menu).setText(tr("Snooze"))
        self._fill_reassign()
        menu.addMenu(self.reassign_menu).setText(tr("Reassign"))
        menu.popup(self.tree.viewport().mapToGlobal(pos))

    def export_ics(self) -> None:
        path = save_path(self)
        if not path:
            return
        db, user_id = self.ctx.db, self.ctx.user_id

        def write() -> int:
            with db.read() as session:
                return calendar.export(session, path, assignee_id=user_id)

        def done(count: int) -> None:
            messages.info(self, tr("Export follow-ups"),
                          tr("%n follow-up(s) written to %1.", None, count).replace("%1", path))  # fmt: skip

        def failed(exc: BaseException) -> None:
            messages.error(self, tr("Export follow-ups"), error_text(exc))

        self.tasks.run(write, done, failed)
