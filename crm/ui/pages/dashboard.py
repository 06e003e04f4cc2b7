"""The dashboard: the desk's numbers at a glance (organizations by territory, introductions
by stage, open and overdue follow-ups). The figures are read off the GUI thread.

Signals: `loaded()` when the figures are on screen.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import QFrame, QGridLayout, QGroupBox, QLabel, QVBoxLayout, QWidget

from crm.domain.enums import IntroductionStage, Territory
from crm.services import listing
from crm.ui import labels
from crm.ui.context import DeskContext
from crm.ui.tasks import TaskRunner


class Figure(QFrame):
    """A number above its caption."""

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent, objectName=f"figure_{name}")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.number = QLabel("–", self, objectName=f"figure_{name}_value")
        self.number.setAlignment(Qt.AlignmentFlag.AlignCenter)
        font = self.number.font()
        font.setPointSizeF(font.pointSizeF() * 2.2)
        font.setBold(True)
        self.number.setFont(font)
        self.caption = QLabel(self)
        self.caption.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.caption.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.number)
        layout.addWidget(self.caption)
        self.setMinimumWidth(150)

    def set_value(self, value: int) -> None:
        from PySide6.QtCore import QLocale

        self.number.setText(QLocale().toString(value))


class DashboardPage(QWidget):
    loaded = Signal()

    def __init__(self, ctx: DeskContext, tasks: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent, objectName="dashboardPage")
        self.ctx = ctx
        self.tasks = tasks
        self.stale = True
        self.figures: listing.Figures | None = None
        self.title = QLabel(self, objectName="pageTitle")
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        self.title.setFont(font)

        self.records_box = QGroupBox(self)
        grid = QGridLayout(self.records_box)
        self.cards: dict[str, Figure] = {}
        for column, name in enumerate(("org_QC", "org_MA", "org_OTHER", "contacts")):
            self.cards[name] = Figure(name, self)
            grid.addWidget(self.cards[name], 0, column)
        self.stage_box = QGroupBox(self)
        stages = QGridLayout(self.stage_box)
        for column, stage in enumerate(IntroductionStage):
            self.cards[f"stage_{stage}"] = Figure(f"stage_{stage}", self)
            stages.addWidget(self.cards[f"stage_{stage}"], 0, column)
        self.work_box = QGroupBox(self)
        work = QGridLayout(self.work_box)
        for column, name in enumerate(("open_followups", "overdue_followups", "upcoming_events")):
            self.cards[name] = Figure(name, self)
            work.addWidget(self.cards[name], 0, column)

        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.records_box)
        layout.addWidget(self.stage_box)
        layout.addWidget(self.work_box)
        layout.addStretch(1)
        self.retranslate()

    def retranslate(self) -> None:
        self.title.setText(self.tr("Dashboard"))
        self.records_box.setTitle(self.tr("Organizations and contacts"))
        self.stage_box.setTitle(self.tr("Introductions by stage"))
        self.work_box.setTitle(self.tr("Work"))
        self.cards["org_QC"].caption.setText(self.tr("Organizations in Québec"))
        self.cards["org_MA"].caption.setText(self.tr("Organizations in Massachusetts"))
        self.cards["org_OTHER"].caption.setText(self.tr("Organizations elsewhere"))
        self.cards["contacts"].caption.setText(self.tr("Contacts"))
        for stage in IntroductionStage:
            self.cards[f"stage_{stage}"].caption.setText(
                labels.enum_label("IntroductionStage", stage)
            )
        self.cards["open_followups"].caption.setText(self.tr("Open follow-ups"))
        self.cards["overdue_followups"].caption.setText(self.tr("Overdue follow-ups"))
        self.cards["upcoming_events"].caption.setText(self.tr("Upcoming events"))
        if self.figures is not None:
            self._show(self.figures)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            labels.clear_cache()
            self.retranslate()
        super().changeEvent(event)

    def activate(self) -> None:
        if not self.stale:
            return
        self.stale = False
        db = self.ctx.db
        today = date.today()

        def read() -> listing.Figures:
            with db.read() as session:
                return listing.figures(session, today)

        self.tasks.run(read, self._show)

    def mark_stale(self) -> None:
        self.stale = True
        if self.isVisible():
            self.activate()

    def is_loaded(self) -> bool:
        return self.figures is not None and not self.stale

    def _show(self, figures: listing.Figures) -> None:
        self.figures = figures
        for territory in Territory:
            self.cards[f"org_{territory}"].set_value(figures.organizations[str(territory)])
        self.cards["contacts"].set_value(figures.contacts)
        for stage in IntroductionStage:
            self.cards[f"stage_{stage}"].set_value(figures.introductions[str(stage)])
        self.cards["open_followups"].set_value(figures.open_followups)
        self.cards["overdue_followups"].set_value(figures.overdue_followups)
        self.cards["upcoming_events"].set_value(figures.upcoming_events)
        self.loaded.emit()

    def save_state(self) -> None:
        pass
