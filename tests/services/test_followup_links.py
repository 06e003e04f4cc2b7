""" "Linked to" of a follow-up, for every kind of link, in the list and in My follow-ups,
on both databases; and the counts the sidebar shows (my open and overdue follow-ups)."""

from __future__ import annotations

from datetime import date

import pytest

from crm.services import events, followups, introductions, listing, lists
from crm.services import organizations as orgs


@pytest.fixture
def records(db, actor, sides):
    with db.write() as s:
        event = events.service.create(s, actor, {"name": "Mission Boston", "kind": "mission",
                                                 "starts_on": "2026-05-04"}).id  # fmt: skip
        titled = introductions.create(s, actor, {"qc_organization_id": sides["qc"],
                                                 "ma_organization_id": sides["ma"],
                                                 "title": "Laval meets Boston"}).id  # fmt: skip
        untitled = introductions.create(s, actor, {"qc_contact_id": sides["eric"],
                                                   "ma_organization_id": sides["ma2"]}).id  # fmt: skip
        people = introductions.create(s, actor, {"qc_contact_id": sides["eric"],
                                                 "ma_contact_id": sides["ava"]}).id  # fmt: skip
        orgs.service.delete(s, actor, sides["ma2"])  # a party in the trash keeps its name
    return {**sides, "event": event, "titled": titled, "untitled": untitled, "people": people}


CASES = [
    ("organization_id", "qc", "organization", "Thérapies Laval"),
    ("contact_id", "eric", "contact", "Éric Côté"),
    ("introduction_id", "titled", "introduction", "Laval meets Boston"),
    ("introduction_id", "untitled", "introduction", "Éric Côté ↔ Cambridge Bio"),
    ("introduction_id", "people", "introduction", "Éric Côté ↔ Ava Smith"),
    ("event_id", "event", "event", "Mission Boston"),
]


@pytest.mark.parametrize(("field", "record", "kind", "expected"), CASES)
def test_linked_to_is_filled_for_every_kind(db, actor, records, field, record, kind, expected):
    with db.write() as s:
        fid = followups.service.create(s, actor, {"title": f"for {record}", "due_date": "2020-03-01",
                                                  "assignee_id": actor, field: records[record]}).id  # fmt: skip
    with db.read() as s:
        (row,) = listing.rows_by_id(s, lists.FOLLOWUPS, [fid])
        assert row is not None
        assert row[1 + lists.FOLLOWUPS.keys.index("linked_to")] == expected
        overdue = followups.followup_groups(s, actor, date(2026, 1, 1))[0]
        shown = {r.id: r for r in overdue.rows}[fid]
        assert (shown.linked_to, shown.kind, shown.linked_id) == (expected, kind, records[record])


def test_my_counts_are_my_open_and_overdue_followups(db, actor):
    from crm.services import users

    with db.write() as s:
        other = users.service.create(s, None, {"name": "jsmith"}).id
        for title, due, status, who in (
            ("late", "2020-01-01", "open", actor),
            ("later", "2099-01-01", "open", actor),
            ("late but done", "2020-01-01", "done", actor),
            ("late, not mine", "2020-01-01", "open", other),
            ("today", "2026-01-10", "open", actor),
        ):
            followups.service.create(s, actor, {"title": title, "due_date": due, "status": status,
                                                "assignee_id": who})  # fmt: skip
    with db.read() as s:
        assert followups.my_counts(s, actor, date(2026, 1, 10)) == (3, 1)
        assert followups.my_counts(s, other, date(2026, 1, 10)) == (1, 1)
