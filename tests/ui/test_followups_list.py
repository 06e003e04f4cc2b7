"""The follow-ups list: overdue rows stand out (theme-aware), done rows hidden unless asked."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QFont

from crm.services import followups
from crm.ui import settings, theme
from crm.ui.pages.records import FollowUpsPage
from crm.ui.tasks import TaskRunner

pytestmark = pytest.mark.usefixtures("english")


@pytest.fixture
def page(qtbot, desk):
    with desk.db.write() as s:
        for title, due, status in (("Send the deck", "2099-02-01", "open"),
                                   ("Thank Anne", "2020-02-01", "done")):  # fmt: skip
            followups.service.create(s, desk.user_id, {"title": title, "due_date": due,
                                                        "status": status, "assignee_id": desk.user_id})  # fmt: skip
    widget = FollowUpsPage(desk, TaskRunner())
    qtbot.addWidget(widget)
    widget.activate()
    return widget


def _titles(page):
    return sorted(page.model.index(r, 0).data() for r in range(page.model.rowCount()))


def test_done_rows_are_hidden_unless_shown(page):
    assert _titles(page) == ["Call back Éric", "Send the deck"]
    page.show_done.setChecked(True)
    assert _titles(page) == ["Call back Éric", "Send the deck", "Thank Anne"]
    assert settings.LIST_FILTERS.get(kind="followup") == {"show_done": True}
    page.show_done.setChecked(False)
    status = page.filter_combos["status"]
    status.setCurrentIndex(status.findData("done"))  # asking for done rows shows them
    assert _titles(page) == ["Thank Anne"]


def test_overdue_rows_are_red_and_bold_in_either_look(page, qapp):
    rows = {page.model.index(r, 0).data(): r for r in range(page.model.rowCount())}
    late, later = (
        page.model.index(rows["Call back Éric"], 0),
        page.model.index(rows["Send the deck"], 0),
    )
    assert late.data(Qt.ItemDataRole.ForegroundRole) == theme.signal_color("alert")
    font = late.data(Qt.ItemDataRole.FontRole)
    assert isinstance(font, QFont) and font.bold()
    assert later.data(Qt.ItemDataRole.ForegroundRole) is None
    # The dark look gets a lighter red that reads on its dark base.
    assert theme.signal_color("alert", theme.dark_palette()).name() == "#ff7b6b"
    assert theme.signal_color("alert", theme.light_palette()).name() == "#c0392b"


def test_show_done_is_kept_and_restored(qtbot, desk, page):
    page.show_done.setChecked(True)
    again = FollowUpsPage(desk, TaskRunner())
    qtbot.addWidget(again)
    assert again.show_done.isChecked()
    again.show_filtered({"status": "open"})
    assert not again.show_done.isChecked() and _titles(again) == ["Call back Éric", "Send the deck"]
