"""Follow-ups: required values, links, completion, open lists, on both databases."""

from __future__ import annotations

from datetime import UTC, date, datetime, time

import pytest

from crm.db.tables import utcnow
from crm.domain.enums import FollowUpStatus, Priority
from crm.domain.errors import ValidationFailed
from crm.services import followups, organizations, users


@pytest.fixture
def org_id(db, actor):
    with db.write() as session:
        return organizations.service.create(session, actor, {"name": "Laval Bio"}).id


def _create(db, actor, **values):
    with db.write() as session:
        return followups.service.create(
            session, actor, {"title": "Relancer", "due_date": "2025-04-01", **values}
        ).id


def test_create_cleans_values(db, actor, org_id):
    f_id = _create(
        db, actor, due_time="09:30", priority="HIGH", assignee_id=actor, organization_id=org_id
    )
    with db.read() as session:
        f = followups.service.get(session, f_id)
        assert f.due_date == date(2025, 4, 1) and f.due_time == time(9, 30)
        assert f.priority is Priority.HIGH and f.status is FollowUpStatus.OPEN
        assert f.assignee_id == actor and f.organization_id == org_id
        assert f.completed_at is None


def test_required_values_and_bad_formats(db, actor):
    with pytest.raises(ValidationFailed) as info, db.write() as session:
        followups.service.create(
            session,
            actor,
            {"title": "", "due_date": None, "due_time": "9h30", "priority": "urgent"},
        )
    assert info.value.record == "new followup"
    assert sorted(info.value.codes) == ["choice.invalid", "required", "required", "time.invalid"]
    assert {i.field for i in info.value.issues} == {"title", "due_date", "due_time", "priority"}


def test_links_to_missing_records_are_refused(db, actor, org_id):
    with db.write() as session:
        organizations.service.delete(session, actor, org_id)
    with pytest.raises(ValidationFailed) as info, db.write() as session:
        followups.service.create(
            session,
            actor,
            {
                "title": "x",
                "due_date": "2025-01-01",
                "organization_id": org_id,
                "contact_id": 77,
                "assignee_id": 55,
            },
        )
    assert sorted(i.field for i in info.value.issues) == [
        "assignee_id",
        "contact_id",
        "organization_id",
    ]
    assert set(info.value.codes) == {"reference.missing"}


def test_done_sets_completed_at_and_reopening_clears_it(db, actor):
    f_id = _create(db, actor)
    with db.write() as session:
        f = followups.service.update(session, actor, f_id, {"status": "done"})
        done_at = f.completed_at
    assert done_at is not None and done_at.tzinfo is not None
    assert abs((datetime.now(UTC) - done_at).total_seconds()) < 60
    with db.write() as session:  # another edit keeps the completion time
        followups.service.update(session, actor, f_id, {"notes": "they answered"})
    with db.read() as session:
        assert followups.service.get(session, f_id).completed_at == done_at
    with db.write() as session:
        followups.service.update(session, actor, f_id, {"status": "open"})
    with db.read() as session:
        f = followups.service.get(session, f_id)
        assert f.status is FollowUpStatus.OPEN and f.completed_at is None


def test_created_done_is_completed(db, actor):
    before = utcnow()
    f_id = _create(db, actor, status="done", due_date="2025-01-02", assignee_id=actor)
    after = utcnow()
    with db.read() as session:
        f = followups.service.get(session, f_id)
        assert f.status is FollowUpStatus.DONE
        assert before <= f.completed_at <= after  # completed when created
        # Done, so neither open nor overdue, though its due date is past.
        assert followups.open_for(session, actor) == []
        assert followups.overdue_count(session, date(2025, 6, 1)) == 0


def test_open_for_and_overdue(db, actor):
    with db.write() as session:
        other = users.service.create(session, None, {"name": "jsmith"}).id
    first = _create(db, actor, title="A", due_date="2025-01-10", assignee_id=actor)
    second = _create(db, actor, title="B", due_date="2025-01-05", assignee_id=actor)
    _create(db, actor, title="C", due_date="2025-01-01", assignee_id=other)
    done = _create(db, actor, title="D", due_date="2024-12-01", assignee_id=actor, status="done")
    gone = _create(db, actor, title="E", due_date="2024-12-02", assignee_id=actor)
    with db.write() as session:
        followups.service.delete(session, actor, gone)
    with db.read() as session:
        assert [f.id for f in followups.open_for(session, actor)] == [second, first]
        assert [f.id for f in followups.open_for(session, actor, until=date(2025, 1, 6))] == [
            second
        ]
        assert len(followups.open_for(session, None)) == 3
        assert followups.overdue_count(session, date(2025, 1, 6)) == 2
        assert done not in [f.id for f in followups.open_for(session, None)]


def test_find_orders_by_due_date(db, actor):
    late = _create(db, actor, due_date="2026-01-01")
    soon = _create(db, actor, due_date="2025-01-01")
    with db.read() as session:
        assert [f.id for f in followups.service.find(session)] == [soon, late]
