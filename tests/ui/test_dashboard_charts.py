"""The dashboard shows the demo's numbers in charts, and each figure opens its filtered list."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt

from crm.ui.context import DeskContext
from crm.ui.i18n import Languages
from crm.ui.main_window import MainWindow
from crm.ui.tasks import TaskRunner


@pytest.fixture
def window(qtbot, desk_with_demo):
    desk = desk_with_demo
    languages = Languages()
    languages.apply("en")
    win = MainWindow(DeskContext(desk.db, desk.user_id, desk.user_name), languages, TaskRunner(),
                     remember_geometry=False)  # fmt: skip
    qtbot.addWidget(win)
    win.resize(1280, 900)
    win.show()
    page = win.show_page("dashboard")
    qtbot.waitUntil(page.is_loaded)
    return win


def _click(qtbot, chart, key):
    rect = chart.bar_rect(key)
    qtbot.mouseClick(
        chart, Qt.MouseButton.LeftButton, pos=QPoint(int(rect.center().x()), int(rect.center().y()))
    )


def test_funnel_shows_demo_numbers_and_opens_the_stage_list(qtbot, window):
    page = window.pages["dashboard"]
    bars = {key: value for key, _label, value in page.funnel.bars}
    assert bars["proposed"] == 4 and bars["closed"] == 5  # the desk's own introduction + the demo's
    assert [label for _k, label, _v in page.funnel.bars][:2] == ["Proposed", "Asked"]
    _click(qtbot, page.funnel, "asked")
    intros = window.current_page()
    assert intros is window.pages["introductions"]
    assert intros.filter_combos["stage"].currentData() == "asked"
    qtbot.waitUntil(lambda: intros.is_loaded() and intros.model.rowCount() == 2)


def test_outcome_bar_opens_closed_introductions_with_that_outcome(qtbot, window):
    page = window.pages["dashboard"]
    assert dict((k, v) for k, _l, v in page.outcomes.bars)["cro_contract"] == 1
    _click(qtbot, page.outcomes, "cro_contract")
    intros = window.pages["introductions"]
    assert intros.filter_combos["outcome"].currentData() == "cro_contract"
    qtbot.waitUntil(lambda: intros.is_loaded() and intros.model.rowCount() == 1)


def test_overdue_per_staff_opens_their_overdue_followups(qtbot, window):
    page = window.pages["dashboard"]
    overdue = {label: (key, value) for key, label, value in page.overdue.bars}
    assert overdue["Jack Sullivan"][1] == 3
    _click(qtbot, page.overdue, overdue["Jack Sullivan"][0])
    followups = window.pages["followups"]
    assert window.current_page() is followups
    assert followups.filter_combos["due"].currentData() == "overdue"
    qtbot.waitUntil(lambda: followups.is_loaded() and followups.model.rowCount() == 3)


def test_monthly_and_connected_charts(qtbot, window):
    page = window.pages["dashboard"]
    assert len(page.monthly.categories) == 12
    # the demo's introductions of the last year (8; the rest date from 2016-2018 events) + 1
    assert sum(page.monthly.values.values()) == 9
    assert len({month for (month, _way), n in page.monthly.values.items() if n}) >= 4
    assert page.connected.bars[0][1:] == ("Beacon Hill Ventures", 3)
    _click(qtbot, page.connected, page.connected.bars[0][0])
    intros = window.pages["introductions"]
    assert intros.filter_box.text() == "Beacon Hill Ventures"
    qtbot.waitUntil(lambda: intros.is_loaded() and intros.model.rowCount() == 3)


@pytest.mark.parametrize(
    ("card", "page_name", "combos"),
    [
        ("org_QC", "organizations", {"territory": "QC"}),
        ("org_MA", "organizations", {"territory": "MA"}),
        ("contacts", "contacts", {"territory": None, "language": None}),
        ("open_followups", "followups", {"status": "open", "due": None}),
        ("overdue_followups", "followups", {"status": "open", "due": "overdue"}),
        ("upcoming_events", "events", {"kind": None}),
    ],
)
def test_every_number_card_opens_its_filtered_list(qtbot, window, card, page_name, combos):
    page = window.pages["dashboard"]
    figure = page.cards[card]
    shown = int(figure.number.text().replace("\u202f", "").replace("\xa0", "").replace(",", ""))
    if page_name == "contacts":  # a filter left from before is cleared by the card
        window.show_filtered("contacts", {"language": "fr"})
        window.show_page("dashboard")
    qtbot.mouseClick(figure, Qt.MouseButton.LeftButton)
    target = window.pages[page_name]
    assert window.current_page() is target
    assert {key: target.filter_combos[key].currentData() for key in combos} == combos
    qtbot.waitUntil(lambda: target.is_loaded() and target.model.rowCount() == shown, timeout=10_000)
    assert shown > 0


def test_a_focused_number_card_opens_with_the_keyboard(qtbot, window):
    page = window.pages["dashboard"]
    with qtbot.waitSignal(page.listRequested) as caught:
        qtbot.keyClick(page.cards["overdue_followups"], Qt.Key.Key_Return)
    assert caught.args == ["followups", {"status": "open", "due": "overdue"}]
