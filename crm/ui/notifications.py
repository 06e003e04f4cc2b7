"""Reminders of follow-ups: a banner at start-up and a tray notification when one falls due.

Never a modal dialog: the banner sits above the pages ("3 follow-ups overdue, 2 due today
— Show"), and closes with its × button. `Reminders` checks every minute (off the GUI thread)
for the current staff user's follow-ups that have fallen due since the last check and tells
the system tray (when there is one: `QSystemTrayIcon.isSystemTrayAvailable()`), and the
banner.

Signals: `ReminderBanner.showRequested()` when the user asks to see the follow-ups;
`Reminders.counted(int overdue, int today)`, `Reminders.fellDue(list titles)`.
"""

from __future__ import annotations

from datetime import date, datetime

from PySide6.QtCore import QCoreApplication, QObject, QTimer, Signal
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSystemTrayIcon,
    QToolButton,
    QWidget,
)

from crm.services import followups
from crm.ui.context import DeskContext
from crm.ui.i18n import tr
from crm.ui.resources import icon
from crm.ui.tasks import TaskRunner

CHECK_EVERY_MS = 60_000


class ReminderBanner(QFrame):
    showRequested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("reminderBanner")
        self.setStyleSheet(
            "#reminderBanner { background: #fff4e0; border-bottom: 1px solid #e0b060; }"
            "#reminderBanner QLabel { color: #6b4200; }"
        )
        self.text = QLabel(self, objectName="reminderText")
        self.show_button = QPushButton(self, objectName="reminderShow")
        self.show_button.setFlat(True)
        self.show_button.clicked.connect(self.showRequested)
        self.close_button = QToolButton(self, objectName="reminderClose")
        self.close_button.setText("×")
        self.close_button.setAutoRaise(True)
        self.close_button.clicked.connect(self.hide)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(10, 4, 6, 4)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.show_button)
        layout.addWidget(self.close_button)
        self.overdue = self.today = 0
        self.hide()
        self.retranslate()

    def set_counts(self, overdue: int, today: int) -> None:
        self.overdue, self.today = overdue, today
        self.retranslate()
        self.setVisible(bool(overdue or today))

    def retranslate(self) -> None:
        parts = []
        if self.overdue:
            parts.append(tr("%n follow-up(s) overdue", None, self.overdue))
        if self.today:
            parts.append(tr("%n due today", None, self.today))
        self.text.setText(", ".join(parts))
        self.show_button.setText(tr("Show my follow-ups"))


class Reminders(QObject):
    counted = Signal(int, int)
    fellDue = Signal(list)

    def __init__(self, ctx: DeskContext, tasks: TaskRunner, parent: QObject | None = None,
                 *, tray: bool = True) -> None:  # fmt: skip
        super().__init__(parent)
        self.ctx = ctx
        self.tasks = tasks
        self.notified: set[int] = set()
        self.started = False
        self.tray: QSystemTrayIcon | None = None
        if tray and QSystemTrayIcon.isSystemTrayAvailable():
            self.tray = QSystemTrayIcon(icon("app"), self)
            self.tray.setToolTip(QCoreApplication.translate("App", "Cooperation desk"))
            self.tray.show()
        self.timer = QTimer(self, interval=CHECK_EVERY_MS)
        self.timer.timeout.connect(self.check)

    def start(self) -> None:
        """The start-up reminder, then a check every minute."""
        self.check()
        self.timer.start()

    def check(self) -> None:
        db, user_id, now = self.ctx.db, self.ctx.user_id, datetime.now()

        def read() -> tuple[date, list[tuple[int, str]], int, int]:
            with db.read() as session:
                due = followups.due_now(session, user_id, now)
                groups = followups.followup_groups(session, user_id, now.date(), limit=0)
            counts = {g.name: g.total for g in groups}
            return now.date(), due, counts["overdue"], counts["today"]

        self.tasks.run(read, self._checked, lambda exc: None)

    def _checked(self, result: tuple[date, list[tuple[int, str]], int, int]) -> None:
        _today, due, overdue, today = result
        self.counted.emit(overdue, today)
        if not self.started:  # at start-up: the banner says it; no notification storm
            self.started = True
            self.notified.update(fid for fid, _t in due)
            return
        fresh = [(fid, title) for fid, title in due if fid not in self.notified]
        self.notified.update(fid for fid, _t in fresh)
        if fresh:
            titles = [title for _fid, title in fresh]
            self.fellDue.emit(titles)
            if self.tray is not None:
                self.tray.showMessage(tr("Follow-up due"), "\n".join(titles[:5]),
                                      QSystemTrayIcon.MessageIcon.Information, 10_000)  # fmt: skip

    def stop(self) -> None:
        self.timer.stop()
        if self.tray is not None:
            self.tray.hide()
