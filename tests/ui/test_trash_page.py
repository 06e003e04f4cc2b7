"""The Trash page: newest first with who deleted, Restore, and Erase after asking."""

from __future__ import annotations

import time

import sqlalchemy as sa
from PySide6.QtCore import Qt

from crm.db.models import Contact, Organization
from crm.services import contacts, events, organizations
from crm.ui.pages.trash import TrashPage
from tests.ui.writes import settle


def org_id(desk, name: str) -> int:
    with desk.db.read() as s:
        return int(s.scalar(sa.select(Organization.id).where(Organization.name == name)))


def test_trash_lists_newest_first_with_who_and_restores(qtbot, desk, answers):
    with desk.db.write() as s:
        organizations.service.delete(s, desk.user_id, org_id(desk, "Boston CRO"))
    time.sleep(0.01)
    with desk.db.write() as s:
        eric = s.scalar(sa.select(Contact.id).where(Contact.first_name == "Éric"))
        contacts.service.delete(s, desk.user_id, eric)
    time.sleep(0.01)
    with desk.db.write() as s:
        event = events.service.find(s)[0].id
        events.service.delete(s, desk.user_id, event)
    page = TrashPage(desk)
    qtbot.addWidget(page)
    page.activate()
    rows = [[page.model.index(r, c).data() for c in range(4)] for r in range(page.model.rowCount())]
    assert [r[:2] for r in rows] == [
        ["Event", "BIO 2025 Boston"],
        ["Contact", "Éric Côté"],
        ["Organization", "Boston CRO"],
    ]
    assert {r[3] for r in rows} == {"Marie Tremblay"} and all(r[2] for r in rows)
    headers = [page.model.headerData(c, Qt.Orientation.Horizontal) for c in range(4)]
    assert headers == ["Kind", "Name", "Deleted on", "Deleted by"] or len(set(headers)) == 4
    page.table.selectRow(1)
    page.restore_selected()
    settle(qtbot, page)
    assert [page.model.index(r, 1).data() for r in range(page.model.rowCount())] == [
        "BIO 2025 Boston",
        "Boston CRO",
    ]
    with desk.db.read() as s:
        assert contacts.service.get(s, eric).deleted_at is None
    page.table.selectRow(0)
    answers.confirm = [True]
    page.purge_selected()
    settle(qtbot, page)
    assert "cannot be undone" in answers.asked[-1][2]
    assert page.model.rowCount() == 1


def test_erasing_says_first_which_backups_still_hold_the_records(qtbot, desk, answers, english):
    from crm.services.maintenance import backup

    made = backup.backup(desk.db)
    with desk.db.write() as s:
        eric = s.scalar(sa.select(Contact.id).where(Contact.first_name == "Éric"))
        contacts.service.delete(s, desk.user_id, eric)
    page = TrashPage(desk)
    qtbot.addWidget(page)
    page.activate()
    page.table.selectRow(0)
    answers.confirm = [False]
    page.purge_selected()
    question = answers.asked[-1][2]
    assert "1 backup made since then still holds them" in question and str(made) in question
    with desk.db.read() as s:
        assert s.get(Contact, eric) is not None
