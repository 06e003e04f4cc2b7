"""Events and their participants, on both databases."""

from __future__ import annotations

from datetime import date

import pytest

from crm.db import search
from crm.domain.enums import EventKind, Territory
from crm.domain.errors import DuplicateWarning, ValidationFailed
from crm.services import contacts, events, organizations


def _event(db, actor, **values):
    with db.write() as session:
        return events.service.create(session, actor, {"name": "Mission Boston 2025", **values}).id


@pytest.fixture
def people(db, actor):
    with db.write() as session:
        org = organizations.service.create(session, actor, {"name": "Biotech Sherbrooke"}).id
        person = contacts.service.create(
            session, actor, {"first_name": "Noé", "last_name": "Tremblay"}
        ).id
    return org, person


def test_create_event(db, actor):
    event_id = _event(
        db,
        actor,
        kind="Mission",
        starts_on="2025-05-12",
        ends_on="2025-05-15",
        territory="MA",
        city="Boston",
    )
    with db.read() as session:
        e = events.service.get(session, event_id)
        assert e.kind is EventKind.MISSION and e.territory is Territory.MA
        assert (e.starts_on, e.ends_on) == (date(2025, 5, 12), date(2025, 5, 15))
        hits = search.search(session, "mission bost")
        assert [(h.kind, h.record_id) for h in hits] == [("event", event_id)]
        assert "2025-05-12" in hits[0].subtitle


def test_event_validation(db, actor):
    with pytest.raises(ValidationFailed) as info, db.write() as session:
        events.service.create(
            session,
            actor,
            {"name": "", "starts_on": "2025-05-12", "ends_on": "2025-05-10", "kind": "party"},
        )
    assert sorted(info.value.codes) == ["choice.invalid", "date.order", "required"]
    assert info.value.record == "new event"


def test_participant_needs_an_event_and_a_contact_or_organization(db, actor, people):
    with pytest.raises(ValidationFailed) as info, db.write() as session:
        events.participants.create(session, actor, {"role": "speaker"})
    assert {(i.field, i.code) for i in info.value.issues} == {
        ("event_id", "required"),
        ("contact_id", "required"),
    }
    event_id = _event(db, actor)
    with pytest.raises(ValidationFailed) as info, db.write() as session:
        events.participants.create(session, actor, {"event_id": event_id, "contact_id": 404})
    assert info.value.codes == ["reference.missing"]
    with db.write() as session:
        p = events.participants.create(
            session,
            actor,
            {"event_id": event_id, "contact_id": people[1], "role": "speaker", "attended": "yes"},
        )
        assert (p.role, p.attended, p.organization_id) == ("speaker", True, None)


def test_participants_of_trashed_records_are_refused(db, actor, people):
    event_id = _event(db, actor)
    with db.write() as session:
        events.service.delete(session, actor, event_id)
        contacts.service.delete(session, actor, people[1])
    with pytest.raises(ValidationFailed) as info, db.write() as session:
        events.participants.create(session, actor, {"event_id": event_id, "contact_id": people[1]})
    assert {i.field for i in info.value.issues} == {"event_id", "contact_id"}


def test_duplicate_participant_warning(db, actor, people):
    org, person = people
    event_id = _event(db, actor)
    with db.write() as session:
        first = events.participants.create(
            session, actor, {"event_id": event_id, "organization_id": org}
        ).id
        events.participants.create(session, actor, {"event_id": event_id, "contact_id": person})
        events.participants.create(
            session, actor, {"event_id": event_id, "contact_id": person, "organization_id": org}
        )
    with pytest.raises(DuplicateWarning) as info, db.write() as session:
        events.participants.create(session, actor, {"event_id": event_id, "organization_id": org})
    assert [d[1] for d in info.value.duplicates] == [first]
    with db.write() as session:
        events.participants.create(
            session, actor, {"event_id": event_id, "organization_id": org}, allow_duplicate=True
        )
    with db.read() as session:
        assert events.participants.count(session) == 4


def test_attended_stays_unknown_when_blank(db, actor, people):
    event_id = _event(db, actor)
    with db.write() as session:
        p = events.participants.create(
            session, actor, {"event_id": event_id, "contact_id": people[1], "attended": ""}
        )
        assert p.attended is None
    with db.write() as session:
        assert (
            events.participants.update(session, actor, p.id, {"attended": "non"}).attended is False
        )


def test_purging_an_event_removes_its_participants(db, actor, people):
    event_id = _event(db, actor)
    with db.write() as session:
        events.participants.create(session, actor, {"event_id": event_id, "contact_id": people[1]})
        events.service.delete(session, actor, event_id)
    with db.write() as session:
        events.service.purge(session, actor, event_id)
    with db.read() as session:
        assert events.participants.count(session) == 0
        assert search.search(session, "mission") == []


def test_find_orders_by_start(db, actor):
    later = _event(db, actor, name="BIO 2025", starts_on="2025-06-16")
    sooner = _event(db, actor, name="Forum", starts_on="2025-02-01")
    with db.read() as session:
        assert [e.id for e in events.service.find(session)] == [sooner, later]
