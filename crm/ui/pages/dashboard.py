"""The dashboard: the cooperation in pictures, figures read off the GUI thread.

Key numbers on top (organizations by side, contacts, open and overdue follow-ups, upcoming
events), each a card that opens its filtered list (a click, or Enter/Space when focused),
then charts painted with QPainter: the introduction funnel by stage,
introductions per month by direction (QC→MA, MA→QC; the rule is in
`crm.services.dashboard`), outcomes, overdue follow-ups per staff user and the most
connected organizations. Each figure opens the matching filtered list.

Signals: those of `crm.ui.pages.base.DeskPage`: `loaded()` when the figures are on screen;
`listRequested(str page, dict filters)` to open a list with these filter choices (`text` is
the filter box).
"""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import QEvent, QLocale, Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from crm.domain.enums import IntroductionOutcome, IntroductionStage
from crm.services import dashboard
from crm.ui import labels
from crm.ui.context import DeskContext
from crm.ui.i18n import tr
from crm.ui.pages.base import DeskPage
from crm.ui.tasks import TaskRunner
from crm.ui.widgets.charts import PALETTE, BarChart, ColumnChart
from crm.ui.widgets.empty import EmptyState

STAGE_COLORS = ("#9bb7d9", "#6f9ccf", "#4a83c4", "#2f6db3", "#1f5fa8", "#164a85")
WIN, LOSS = "#2e9e6b", "#b0b0b0"
DIRECTION_COLORS = {dashboard.QC_MA: "#1f5fa8", dashboard.MA_QC: "#c0392b"}


class Figure(QFrame):
    """A number above its caption; a click (or Enter/Space) opens its list.

    Signals: `clicked()`.
    """

    clicked = Signal()

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(f"figure_{name}")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.number = QLabel("–", self, objectName=f"figure_{name}_value")
        self.number.setAlignment(Qt.AlignmentFlag.AlignCenter)
        font = self.number.font()
        font.setPointSizeF(font.pointSizeF() * 1.8)
        font.setBold(True)
        self.number.setFont(font)
        self.caption = QLabel(self)
        self.caption.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.caption.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 4, 6, 4)
        layout.addWidget(self.number)
        layout.addWidget(self.caption)
        self.setMinimumWidth(120)

    def set_value(self, value: int) -> None:
        self.number.setText(QLocale().toString(value))

    def mouseReleaseEvent(self, event: Any) -> None:
        if event.button() == Qt.MouseButton.LeftButton and self.rect().contains(
            event.position().toPoint()
        ):
            self.clicked.emit()
        super().mouseReleaseEvent(event)

    def keyPressEvent(self, event: Any) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space):
            self.clicked.emit()
            return
        super().keyPressEvent(event)


class DashboardPage(DeskPage):
    def __init__(
        self, ctx: DeskContext, tasks: TaskRunner | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(ctx, tasks, parent)
        self.setObjectName("dashboardPage")
        self.data: dashboard.Dashboard | None = None
        self.title = QLabel(self, objectName="pageTitle")
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        self.title.setFont(font)

        numbers = QHBoxLayout()
        self.cards: dict[str, Figure] = {}
        for name in (
            "org_QC",
            "org_MA",
            "contacts",
            "open_followups",
            "overdue_followups",
            "upcoming_events",
        ):
            self.cards[name] = Figure(name, self)
            numbers.addWidget(self.cards[name])

        self.funnel = BarChart(self, funnel=True)
        self.funnel.setObjectName("chartFunnel")
        self.monthly = ColumnChart(self)
        self.monthly.setObjectName("chartMonthly")
        self.outcomes = BarChart(self)
        self.outcomes.setObjectName("chartOutcomes")
        self.overdue = BarChart(self, color="#c0392b")
        self.overdue.setObjectName("chartOverdue")
        self.connected = BarChart(self, color=PALETTE[1])
        self.connected.setObjectName("chartConnected")
        self.boxes: dict[str, QGroupBox] = {}
        grid = QGridLayout()
        places = {"funnel": (0, 0), "monthly": (0, 1), "outcomes": (1, 0), "overdue": (1, 1),
                  "connected": (2, 0, 1, 2)}  # fmt: skip
        for name, chart in (("funnel", self.funnel), ("monthly", self.monthly), ("outcomes", self.outcomes),
                            ("overdue", self.overdue), ("connected", self.connected)):  # fmt: skip
            box = QGroupBox(self, objectName=f"box_{name}")
            inner = QVBoxLayout(box)
            inner.addWidget(chart)
            self.boxes[name] = box
            grid.addWidget(box, *places[name])
        grid.setColumnStretch(0, 1)
        grid.setColumnStretch(1, 1)

        self.funnel.barClicked.connect(
            lambda stage: self.listRequested.emit("introductions", {"stage": stage})
        )
        self.outcomes.barClicked.connect(
            lambda outcome: self.listRequested.emit(
                "introductions", {"stage": "closed", "outcome": outcome}
            )
        )
        self.monthly.barClicked.connect(
            lambda key: self.listRequested.emit("introductions", {"created_month": key[0]})
        )
        self.overdue.barClicked.connect(
            lambda user: self.listRequested.emit(
                "followups", {"assignee_id": user, "due": "overdue", "status": "open"}
            )
        )
        self.connected.barClicked.connect(self._open_connected)
        for name, figure in self.cards.items():
            figure.clicked.connect(lambda name=name: self.open_figure(name))

        content = QWidget(self)
        body = QVBoxLayout(content)
        body.addLayout(numbers)
        body.addLayout(grid, 1)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(content)
        # An empty database: what the desk is for and how to begin, instead of zeros.
        self.empty = EmptyState(self, name="dashboardEmpty")
        self.empty.actionRequested.connect(self.empty_action)
        self.body = QStackedWidget(self, objectName="dashboardBody")
        self.body.addWidget(scroll)
        self.body.addWidget(self.empty)
        self.figures_area = scroll
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.body, 1)
        self.retranslate()

    def figure_list(self, name: str) -> tuple[str, dict[str, Any]]:
        """The page and filters that list what a number card counts."""
        lists: dict[str, tuple[str, dict[str, Any]]] = {
            "org_QC": ("organizations", {"territory": "QC"}),
            "org_MA": ("organizations", {"territory": "MA"}),
            "contacts": ("contacts", {}),
            "open_followups": ("followups", {"status": "open"}),
            "overdue_followups": ("followups", {"status": "open", "due": "overdue"}),
            "upcoming_events": ("events", {"starts_from": date.today()}),
        }
        return lists[name]

    def open_figure(self, name: str) -> None:
        self.listRequested.emit(*self.figure_list(name))

    def _open_connected(self, org_id: int) -> None:
        name = next(
            (n for i, n, _c in (self.data.connected if self.data else []) if i == org_id), ""
        )
        self.listRequested.emit("introductions", {"text": name})

    def retranslate(self) -> None:
        self.title.setText(tr("Dashboard"))
        captions = {
            "org_QC": tr("Organizations in Québec"),
            "org_MA": tr("Organizations in Massachusetts"),
            "contacts": tr("Contacts"),
            "open_followups": tr("Open follow-ups"),
            "overdue_followups": tr("Overdue follow-ups"),
            "upcoming_events": tr("Upcoming events"),
        }
        for name, text in captions.items():
            self.cards[name].caption.setText(text)
            self.cards[name].setToolTip(tr("Show them in their list"))
        titles = {
            "funnel": tr("Introductions by stage"),
            "monthly": tr("Introductions per month, by direction"),
            "outcomes": tr("Outcomes of closed introductions"),
            "overdue": tr("Overdue follow-ups per staff user"),
            "connected": tr("Most connected organizations"),
        }
        for name, text in titles.items():
            self.boxes[name].setTitle(text)
        nothing = tr("Nothing yet")
        for chart in (self.funnel, self.monthly, self.outcomes, self.overdue, self.connected):
            chart.empty_text = nothing
        if self.data is not None:
            self._show(self.data)

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

        def read() -> dashboard.Dashboard:
            with db.read() as session:
                return dashboard.compute(session, today)

        self.tasks.run(read, self._show)

    def is_loaded(self) -> bool:
        return self.data is not None and not self.stale

    def _show_empty_state(self, data: dashboard.Dashboard) -> None:
        totals = data.totals
        counted = (sum(totals.organizations.values()) + totals.contacts + sum(totals.introductions.values())
                   + totals.open_followups + totals.upcoming_events)  # fmt: skip
        if counted:
            self.body.setCurrentWidget(self.figures_area)
            return
        actions = [("demo", tr("Load the demo data"))] if self.offers_demo() else []
        actions += [("import", tr("Import a CSV file…")), ("new", tr("New organization"))]
        self.empty.show_state(
            tr("Welcome to the cooperation desk"),
            tr("The dashboard sums up the cooperation between BIOQuébec and MassBio once the desk holds organizations, people and introductions. Try it with the demo data, import your contacts, or add your first organization."),
            actions, picture="dashboard",
        )  # fmt: skip
        self.body.setCurrentWidget(self.empty)

    def _show(self, data: dashboard.Dashboard) -> None:
        self.data = data
        self._show_empty_state(data)
        totals = data.totals
        self.cards["org_QC"].set_value(totals.organizations["QC"])
        self.cards["org_MA"].set_value(totals.organizations["MA"])
        self.cards["contacts"].set_value(totals.contacts)
        self.cards["open_followups"].set_value(totals.open_followups)
        self.cards["overdue_followups"].set_value(totals.overdue_followups)
        self.cards["upcoming_events"].set_value(totals.upcoming_events)

        self.funnel.set_bars(
            [(s, labels.enum_label("IntroductionStage", s), n) for s, n in data.funnel],
            list(STAGE_COLORS),
        )
        outcomes = [(o, labels.enum_label("IntroductionOutcome", o), n) for o, n in data.outcomes]
        self.outcomes.set_bars(
            outcomes, [WIN if IntroductionOutcome(o).is_win else LOSS for o, _l, _n in outcomes]
        )
        locale = QLocale()
        categories = [
            (key, locale.monthName(int(key[5:]), QLocale.FormatType.ShortFormat))
            for key, _w in data.monthly
        ]
        series = [(dashboard.QC_MA, tr("QC → MA"), DIRECTION_COLORS[dashboard.QC_MA]),
                  (dashboard.MA_QC, tr("MA → QC"), DIRECTION_COLORS[dashboard.MA_QC])]  # fmt: skip
        values = {(key, way): n for key, ways in data.monthly for way, n in ways.items()}
        self.monthly.set_data(categories, series, values)
        self.overdue.set_bars([(uid, name or tr("Nobody"), n) for uid, name, n in data.overdue])
        self.connected.set_bars([(oid, name, n) for oid, name, n in data.connected])
        self.loaded.emit()


__all__ = ["DashboardPage", "IntroductionStage"]
