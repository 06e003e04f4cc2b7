"""My follow-ups: groups by due date, complete, snooze, reassign, export."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
import sqlalchemy as sa

from crm.db.models import FollowUp, StaffUser
from crm.services import followups
from crm.ui.pages import my_followups
from crm.ui.pages.my_followups import MyFollowUpsPage
from crm.ui.tasks import TaskRunner
from tests.ui.writes import settle

pytestmark = pytest.mark.usefixtures("english")


@pytest.fixture
def page(qtbot, desk):
    today = date.today()
    with desk.db.write() as s:
        for title, days in (("Due today", 0), ("In three days", 3), ("Next month", 30)):
            followups.service.create(
                s,
                desk.user_id,
                {
                    "title": title,
                    "due_date": today + timedelta(days=days),
                    "assignee_id": desk.user_id,
                    "organization_id": 1,
                },
            )
        other = s.scalar(sa.select(StaffUser.id).where(StaffUser.name == "jsmith"))
        followups.service.create(
            s,
            desk.user_id,
            {"title": "Not mine", "due_date": today, "assignee_id": other, "organization_id": 1},
        )
    widget = MyFollowUpsPage(desk, TaskRunner())
    qtbot.addWidget(widget)
    widget.reload_now()
    return widget


def _id(desk, title):
    with desk.db.read() as s:
        return s.scalar(sa.select(FollowUp.id).where(FollowUp.title == title))


def test_groups_show_only_my_open_followups(page):
    assert page.group_titles("overdue") == ["Call back Éric"]
    assert page.group_titles("today") == ["Due today"]
    assert page.group_titles("week") == ["In three days"]
    assert page.group_titles("later") == ["Next month"]
    assert page.tree.topLevelItem(0).text(0) == "Overdue (1)"
    overdue = page.tree.topLevelItem(0).child(0)
    assert (
        overdue.text(3) == "Biotech de Montréal ↔ Boston CRO"
        or overdue.text(3) == "Montréal meets Boston"
    )


def test_complete_removes_and_records_done(qtbot, page, desk):
    page.select(_id(desk, "Due today"))
    with pytest.MonkeyPatch.context():
        page.complete_selected()
    settle(qtbot, page)
    assert page.group_titles("today") == []
    with desk.db.read() as s:
        done = s.get(FollowUp, _id(desk, "Due today"))
        assert done.status.value == "done" and done.completed_at is not None


def test_snooze_one_day_one_week_and_picked_date(qtbot, page, desk, monkeypatch):
    fid = _id(desk, "Due today")
    page.select(fid)
    page.snooze_selected(1)
    settle(qtbot, page)
    assert page.group_titles("today") == [] and "Due today" in page.group_titles("week")
    page.select(fid)
    page.snooze_selected(7)
    settle(qtbot, page)
    with desk.db.read() as s:
        assert s.get(FollowUp, fid).due_date == date.today() + timedelta(days=7)
    monkeypatch.setattr(
        my_followups, "pick_date", lambda parent, start: date.today() + timedelta(days=40)
    )
    page.select(fid)
    page.snooze_to_picked()
    settle(qtbot, page)
    assert page.group_titles("later") == ["Next month", "Due today"]


def test_reassign_moves_it_off_my_page(qtbot, page, desk):
    with desk.db.read() as s:
        other = s.scalar(sa.select(StaffUser.id).where(StaffUser.name == "jsmith"))
    page.select(_id(desk, "Next month"))
    page.reassign_selected(other)
    settle(qtbot, page)
    assert page.group_titles("later") == []


def test_export_ics_of_my_followups(page, desk, tmp_path, monkeypatch, qtbot, answers):
    target = tmp_path / "mine.ics"
    monkeypatch.setattr(my_followups, "save_path", lambda parent: str(target))
    page.export_ics()
    qtbot.waitUntil(lambda: any(kind == "info" for kind, *_ in answers.asked))
    text = target.read_text(encoding="utf-8")
    assert text.count("BEGIN:VEVENT") == 4 and "Not mine" not in text
    assert answers.asked[-1][2].startswith("4 follow-ups written to")
