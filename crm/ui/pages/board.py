"""The introduction board: one column per stage, cards to drag, and the stalled queue.

A card (painted by `crm.ui.widgets.cards.CardDelegate`) shows each side's organization and
person, the purpose, the days in the stage, the owner's initials and an overdue badge when an
open follow-up of the introduction is past due. Dropping a card on another column (or
Ctrl+Right / Ctrl+Left on a card) calls `BoardPage.move_card`, which goes through the same
confirmation, rules, warnings and history as the editor (`crm.ui.dialogs.stage_dialog`);
closing asks for the outcome; the status bar's Undo takes the move back. Enter or a
double-click opens the card's record, once. Each column shows at most `CARDS_PER_COLUMN` cards and an "n more…" line that
opens the introductions list filtered to that stage. The stalled queue lists the open
introductions with no stage change for N days (`crm.ui.settings.STALLED_DAYS`, default 30).

Signals: those of `crm.ui.pages.base.DeskPage` (`listRequested` for "n more…", `loaded()`
when the columns are on screen). A move is written through `crm.ui.operations` (off the GUI
thread) and announced with the `crm.ui.undo.UndoEntry` of the move (the status bar's Undo).
"""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime
from typing import Any

from PySide6.QtCore import QByteArray, QDate, QEvent, QLocale, QMimeData, Qt
from PySide6.QtGui import QBrush, QDropEvent, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QSpinBox,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from crm.domain.enums import IntroductionStage
from crm.services import board as board_service
from crm.services import staff, stages
from crm.ui import labels, messages, operations, settings, theme, undo
from crm.ui.context import DeskContext
from crm.ui.i18n import tr
from crm.ui.operations import Changes
from crm.ui.pages.base import DeskPage
from crm.ui.tasks import TaskRunner
from crm.ui.widgets.cards import CARD_ROLE, STALLED_ROLE, CardDelegate
from crm.ui.widgets.empty import EmptyState

MIME = "application/x-crm-introduction"
CARDS_PER_COLUMN = board_service.CARDS_PER_COLUMN
ID_ROLE = Qt.ItemDataRole.UserRole
MORE = -1


class StageColumn(QListWidget):
    """One stage's cards; accepts cards dragged from the other columns."""

    def __init__(self, page: BoardPage, stage: str) -> None:
        super().__init__(page)
        self.page = page
        self.stage = stage
        self.setObjectName(f"boardColumn_{stage}")
        self.setDragEnabled(True)
        self.setAcceptDrops(True)
        self.setDropIndicatorShown(True)
        self.setDragDropMode(QAbstractItemView.DragDropMode.DragDrop)
        self.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setWordWrap(True)
        self.setSpacing(3)
        self.setUniformItemSizes(False)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setItemDelegate(CardDelegate(self))
        # Cards take the column's width: never a sideways scroll bar.
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setResizeMode(QListWidget.ResizeMode.Adjust)
        # Cards stand on the window's colour, as paper on a desk.
        self.viewport().setBackgroundRole(QPalette.ColorRole.Window)
        # Enter and a double-click both activate: one signal, so a card opens once.
        self.itemActivated.connect(self._activated)

    def mimeTypes(self) -> list[str]:
        return [MIME]

    def mimeData(self, items: Any) -> QMimeData:
        data = QMimeData()
        ids = [str(i.data(ID_ROLE)) for i in items if i.data(ID_ROLE) not in (None, MORE)]
        data.setData(MIME, QByteArray(",".join(ids).encode()))
        return data

    def supportedDropActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def dragEnterEvent(self, event: Any) -> None:
        if event.mimeData().hasFormat(MIME):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dragMoveEvent(self, event: Any) -> None:
        if event.mimeData().hasFormat(MIME):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:
        """A card dropped here: move it through the rules; the board then reloads (the
        list widget never moves the item itself)."""
        raw = bytes(event.mimeData().data(MIME).data()).decode()
        event.setDropAction(Qt.DropAction.IgnoreAction)
        event.accept()
        for part in raw.split(","):
            if part.strip().isdigit():
                self.page.move_card(int(part), self.stage)

    def keyPressEvent(self, event: Any) -> None:
        """Ctrl+Right / Ctrl+Left: the current card to the next / previous stage (as a drop)."""
        step = {Qt.Key.Key_Right: 1, Qt.Key.Key_Left: -1}.get(event.key())
        item = self.currentItem()
        if step and event.modifiers() == Qt.KeyboardModifier.ControlModifier and item is not None:
            record_id, stages = item.data(ID_ROLE), [s.value for s in IntroductionStage]
            target = stages.index(self.stage) + step
            if record_id not in (None, MORE) and 0 <= target < len(stages):
                self.page.move_card(int(record_id), stages[target])
            event.accept()
            return
        super().keyPressEvent(event)

    def _activated(self, item: QListWidgetItem) -> None:
        record_id = item.data(ID_ROLE)
        if record_id == MORE:
            self.page.listRequested.emit("introductions", {"stage": self.stage})
        elif record_id is not None:
            self.page.openRequested.emit("introduction", int(record_id))


class BoardPage(DeskPage):
    shows = frozenset(("introduction", "organization", "contact"))

    def __init__(
        self, ctx: DeskContext, tasks: TaskRunner | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(ctx, tasks, parent)
        self.setObjectName("boardPage")
        self.columns_data: list[board_service.Column] = []
        self.stalled_data: tuple[int, list[board_service.Card]] = (0, [])
        self._select_after_load: int | None = None

        self.title = QLabel(self, objectName="pageTitle")
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        self.title.setFont(font)

        self.owner_label = QLabel(self)
        self.owner_combo = QComboBox(self, objectName="boardOwner")
        self.purpose_label = QLabel(self)
        self.purpose_combo = QComboBox(self, objectName="boardPurpose")
        self.days_label = QLabel(self)
        self.days_spin = QSpinBox(self, objectName="boardStalledDays")
        self.days_spin.setRange(1, 999)
        self.days_spin.setValue(settings.STALLED_DAYS.get())
        self.owner_combo.currentIndexChanged.connect(self.reload)
        self.purpose_combo.currentIndexChanged.connect(self.reload)
        self.days_spin.valueChanged.connect(self._days_changed)
        bar = QHBoxLayout()
        for widget in (self.owner_label, self.owner_combo, self.purpose_label, self.purpose_combo):
            bar.addWidget(widget)
        bar.addStretch(1)
        bar.addWidget(self.days_label)
        bar.addWidget(self.days_spin)

        self.headers: dict[str, QLabel] = {}
        self.columns: dict[str, StageColumn] = {}
        board = QWidget(self)
        grid = QHBoxLayout(board)
        grid.setContentsMargins(0, 0, 0, 0)
        for stage in IntroductionStage:
            box = QVBoxLayout()
            header = QLabel(self, objectName=f"boardHeader_{stage.value}")
            header.setAlignment(Qt.AlignmentFlag.AlignCenter)
            header.setStyleSheet("font-weight: bold; padding: 4px;")
            column = StageColumn(self, stage.value)
            column.setMinimumWidth(150)
            self.headers[stage.value] = header
            self.columns[stage.value] = column
            box.addWidget(header)
            box.addWidget(column)
            grid.addLayout(box, 1)

        stalled = QWidget(self)
        stalled_layout = QVBoxLayout(stalled)
        stalled_layout.setContentsMargins(0, 0, 0, 0)
        self.stalled_header = QLabel(self, objectName="boardStalledHeader")
        self.stalled_list = QListWidget(self, objectName="boardStalled")
        self.stalled_list.setWordWrap(True)
        self.stalled_list.setSpacing(2)
        self.stalled_list.itemActivated.connect(self._open_stalled)
        stalled_layout.addWidget(self.stalled_header)
        stalled_layout.addWidget(self.stalled_list)

        splitter = QSplitter(Qt.Orientation.Vertical, self, objectName="boardSplitter")
        splitter.addWidget(board)
        splitter.addWidget(stalled)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)
        splitter.setChildrenCollapsible(False)

        # No introduction at all: what the board is for and how to start, instead of columns.
        self.empty = EmptyState(self, name="boardEmpty")
        self.empty.actionRequested.connect(self.empty_action)
        self.body = QStackedWidget(self, objectName="boardBody")
        self.body.addWidget(splitter)
        self.body.addWidget(self.empty)
        self.splitter = splitter

        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addLayout(bar)
        layout.addWidget(self.body, 1)
        self.retranslate()

    # --- labels ------------------------------------------------------------------------------

    def retranslate(self) -> None:
        self.stalled_header.setStyleSheet(
            f"font-weight: bold; padding: 4px; color: {theme.signal_color('warning').name()};"
        )
        self.title.setText(tr("Introduction board"))
        self.owner_label.setText(tr("Owner"))
        self.purpose_label.setText(tr("Purpose"))
        self.days_label.setText(tr("Stalled after (days)"))
        self._fill_filters()
        self._render()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def _fill_filters(self) -> None:
        for combo, fill in ((self.owner_combo, self._staff), (self.purpose_combo, self._purposes)):
            current = combo.currentData()
            combo.blockSignals(True)
            combo.clear()
            combo.addItem(tr("All"), None)
            for value, text in fill():
                combo.addItem(text, value)
            combo.setCurrentIndex(max(combo.findData(current), 0))
            combo.blockSignals(False)

    def _staff(self) -> list[tuple[Any, str]]:
        with self.ctx.db.read() as session:
            return list(staff.choices(session))

    def _purposes(self) -> list[tuple[Any, str]]:
        return labels.enum_choices("IntroductionPurpose")

    # --- data --------------------------------------------------------------------------------

    def filters(self) -> dict[str, Any]:
        return {
            "owner_id": self.owner_combo.currentData(),
            "purpose": self.purpose_combo.currentData(),
        }

    def _days_changed(self, value: int) -> None:
        settings.STALLED_DAYS.set(value)
        self.reload()

    def reload(self) -> None:
        self.stale = False
        self._loading += 1
        db, filters, days = self.ctx.db, self.filters(), self.days_spin.value()

        def read() -> tuple[list[board_service.Column], tuple[int, list[board_service.Card]]]:
            with db.read() as session:
                return (
                    board_service.board(session, **filters),
                    board_service.stalled(session, days, **filters),
                )

        generation = self._fresh()
        self.tasks.run(read, lambda result: self._loaded(result, generation), self._failed)

    def reload_now(self) -> None:
        """Read the board on this thread (tests, and right after a move)."""
        with self.ctx.db.read() as session:
            result = (
                board_service.board(session, **self.filters()),
                board_service.stalled(session, self.days_spin.value(), **self.filters()),
            )
        self.stale = False
        self._loading += 1
        self._loaded(result, self._fresh())

    def _failed(self, exc: BaseException) -> None:
        self._loading = max(self._loading - 1, 0)
        raise exc

    def _loaded(
        self,
        result: tuple[list[board_service.Column], tuple[int, list[board_service.Card]]],
        generation: int,
    ) -> None:
        self._loading = max(self._loading - 1, 0)
        if generation == self._generation:  # else a newer reload is on screen or on its way
            self.columns_data, self.stalled_data = result
            self._render()
            if self._select_after_load is not None:
                self.select_card(self._select_after_load)
                self._select_after_load = None
        if not self._loading:
            self.loaded.emit()

    def card_text(self, card: board_service.Card, now: datetime) -> str:
        """The card in words: its tooltip and what screen readers say."""
        days = card.days_in_stage(now)
        lines = [f"{card.qc_party} ↔ {card.ma_party}"]
        people = [
            p
            for p in (card.qc_person, card.ma_person)
            if p and p not in (card.qc_party, card.ma_party)
        ]
        if people:
            lines.append(" ↔ ".join(people))
        if card.title:
            lines.append(card.title)
        lines.append(labels.enum_label("IntroductionPurpose", card.purpose))
        meta = [card.owner] if card.owner else []
        if card.stage == IntroductionStage.CLOSED:
            # Days "in stage" mean waiting; a closed introduction waits for nothing.
            # "1 juil. 2026": wraps between words in a narrow column.
            closed = QLocale().toString(QDate(card.stage_changed_at.date()), "d MMM yyyy")
            if card.outcome:  # concluded, declined, no fit: beside the purpose (no extra line)
                lines[-1] += " · " + labels.enum_label("IntroductionStatus", card.outcome)
            meta.append(tr("closed on %1").replace("%1", closed))
        else:
            meta.append(tr("%n day(s) in stage", None, days))
        lines.append(" · ".join(meta))
        if card.overdue:
            lines.append(tr("A follow-up is overdue"))
        return "\n".join(lines)

    def new_kind(self) -> str | None:
        return "introduction"

    def empty_action(self, key: str) -> None:
        if key == "clear":
            for combo in (self.owner_combo, self.purpose_combo):
                combo.setCurrentIndex(0)
        else:
            super().empty_action(key)

    def _show_empty_state(self) -> None:
        if not self.columns_data or any(c.total for c in self.columns_data):
            self.body.setCurrentWidget(self.splitter)
            return
        if any(v is not None for v in self.filters().values()):
            self.empty.show_state(
                tr("No introduction matches these filters"),
                tr("Choose another owner or purpose, or show them all."),
                [("clear", tr("Show all introductions"))],
            )
        else:
            actions = [("new", tr("New introduction"))]
            if self.offers_demo():
                actions.append(("demo", tr("Load the demo data")))
            self.empty.show_state(
                tr("No introductions on the board yet"),
                tr("Each introduction is a card in the column of its stage, from Proposed to Closed; move it with the mouse or Ctrl+Right / Ctrl+Left. Start the first one, or load the demo data."),
                actions, picture="introduction",
            )  # fmt: skip
        self.body.setCurrentWidget(self.empty)

    def _render(self) -> None:
        self._show_empty_state()
        now = datetime.now(UTC)
        days_limit = self.days_spin.value()
        for column in self.columns_data:
            widget = self.columns[column.stage]
            widget.clear()
            self.headers[column.stage].setText(
                f"{labels.enum_label('IntroductionStage', column.stage)} ({column.total})"
            )
            for card in column.cards:
                item = QListWidgetItem(self.card_text(card, now))
                item.setData(ID_ROLE, card.id)
                item.setData(CARD_ROLE, card)
                item.setToolTip(item.text())
                item.setData(
                    STALLED_ROLE,
                    column.stage != IntroductionStage.CLOSED.value
                    and card.days_in_stage(now) >= days_limit,
                )
                widget.addItem(item)
            if column.more > 0:
                more = QListWidgetItem(tr("%n more…", None, column.more))
                more.setData(ID_ROLE, MORE)
                more.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
                more.setForeground(QBrush(widget.palette().color(QPalette.ColorRole.Link)))
                widget.addItem(more)
        total, cards = self.stalled_data
        self.stalled_header.setText(
            tr(
                "Stalled: %n introduction(s) without a stage change for %1 days", None, total
            ).replace("%1", str(days_limit))
        )
        self.stalled_list.clear()
        for card in cards:
            stage = labels.enum_label("IntroductionStage", card.stage)
            item = QListWidgetItem(
                f"{card.qc_party} ↔ {card.ma_party} — {stage} · "
                + tr("%n day(s) in stage", None, card.days_in_stage(now))
                + (f" · {card.owner}" if card.owner else "")
            )
            item.setData(ID_ROLE, card.id)
            self.stalled_list.addItem(item)

    # --- moving ------------------------------------------------------------------------------

    def card_ids(self, stage: str) -> list[int]:
        widget = self.columns[stage]
        found = []
        for row in range(widget.count()):
            value = widget.item(row).data(ID_ROLE)
            if value not in (None, MORE):
                found.append(int(value))
        return found

    def select_card(self, record_id: int) -> bool:
        """Make the card current in its column and give that column the focus (a card moved
        by keyboard stays under the keys)."""
        for widget in self.columns.values():
            for row in range(widget.count()):
                if widget.item(row).data(ID_ROLE) == record_id:
                    widget.setCurrentRow(row)
                    widget.setFocus(Qt.FocusReason.OtherFocusReason)
                    return True
        return False

    def move_card(self, record_id: int, stage: str) -> bool:
        """Move an introduction to `stage`: what a drop does (the editor's rules and history).
        True when the user confirmed: the move is then written off the GUI thread."""
        current = next(
            (c.stage for c in self.columns_data for card in c.cards if card.id == record_id), None
        )
        if current == stage:
            return False
        from crm.ui.dialogs import stage_dialog  # a dialog: imported when first needed

        plan = stage_dialog.plan_move(self, self.ctx, record_id, stage)
        if plan is None:
            return False
        self._write_move(record_id, stage, plan)
        return True

    def _write_move(self, record_id: int, stage: str, plan: Any) -> None:
        """The move and its kept follow-ups, one service call off the GUI thread. A warning
        that appeared meanwhile is confirmed, then the move is tried again with it."""
        from crm.ui.dialogs import stage_dialog

        def move(session: Any, actor: int) -> stages.Moved:
            return stages.move_with_followups(
                session, actor, record_id, stage, outcome=plan.outcome, note=plan.note,
                followups=plan.followups, accepted_warnings=plan.accepted_warnings,
            )  # fmt: skip

        def failed(failure: operations.Failed) -> bool:
            if isinstance(failure.error, stages.WorkflowWarnings):
                more = failure.error.warnings
                if stage_dialog.confirm_more(self, more):
                    codes = plan.accepted_warnings | {w.code for w in more}
                    self._write_move(record_id, stage, replace(plan, accepted_warnings=codes))
                return True
            if failure.kind is not operations.Failure.STALE:
                return False
            messages.error(self, tr("Changed by someone else"),
                           tr("Someone else changed this introduction meanwhile; look again and retry."))  # fmt: skip
            return True

        self.write(
            move, kinds={"introduction", "followup"}, error_title=tr("Cannot move"),
            on_done=lambda _done: self._moved(record_id), on_failed=failed,
            announce=lambda done: Changes(frozenset({"introduction", "followup"}),
                                          undo=undo.move_entry(done)),
        )  # fmt: skip

    def _moved(self, record_id: int) -> None:
        """After a move: the board read again off the GUI thread, the moved card then made
        current (a card moved by keyboard stays under the keys)."""
        self._select_after_load = record_id
        self.reload()

    def _open_stalled(self, item: QListWidgetItem) -> None:
        if item.data(ID_ROLE) is not None:
            self.openRequested.emit("introduction", int(item.data(ID_ROLE)))
