"""Interactions (calls, emails, meetings, notes) on any record, on both databases."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

import pytest

from crm.db import search
from crm.domain.enums import InteractionKind
from crm.domain.errors import ValidationFailed
from crm.services import contacts, interactions, organizations


@pytest.fixture
def contact_id(db, actor):
    with db.write() as session:
        return contacts.service.create(
            session, actor, {"first_name": "Léa", "last_name": "Fortin"}
        ).id


def test_create_with_link_and_aware_time(db, actor, contact_id):
    montreal = timezone(timedelta(hours=-5))
    when = datetime(2025, 1, 15, 9, 30, tzinfo=montreal)
    with db.write() as session:
        item = interactions.service.create(
            session,
            actor,
            {
                "kind": "Call",
                "subject": "Suivi",
                "notes": "Parlé des essais cliniques",
                "contact_id": contact_id,
                "user_id": actor,
                "occurred_at": when,
            },
        )
    with db.read() as session:
        item = interactions.service.get(session, item.id)
        assert item.kind is InteractionKind.CALL
        assert item.occurred_at == when and item.occurred_at.utcoffset() == timedelta(0)
        assert item.occurred_at.hour == 14
        hits = search.search(session, "essais clin", kinds=["interaction"])
        assert [(h.record_id, h.title, h.subtitle) for h in hits] == [(item.id, "Suivi", "call")]


def test_occurred_at_defaults_to_now(db, actor, contact_id):
    with db.write() as session:
        item = interactions.service.create(
            session, actor, {"notes": "Note rapide", "contact_id": contact_id}
        )
    assert abs((datetime.now(UTC) - item.occurred_at).total_seconds()) < 60


def test_needs_a_link_and_some_text(db, actor):
    with pytest.raises(ValidationFailed) as info, db.write() as session:
        interactions.service.create(session, actor, {"kind": "email"})
    assert sorted(info.value.codes) == ["link.required", "required"]
    assert info.value.record == "new interaction"


def test_links_to_missing_records_are_refused(db, actor, contact_id):
    with db.write() as session:
        org = organizations.service.create(session, actor, {"name": "Gone"}).id
        organizations.service.delete(session, actor, org)
    with pytest.raises(ValidationFailed) as info, db.write() as session:
        interactions.service.create(
            session,
            actor,
            {"notes": "x", "organization_id": org, "introduction_id": 12, "event_id": "abc"},
        )
    assert {(i.field, i.code) for i in info.value.issues} == {
        ("organization_id", "reference.missing"),
        ("introduction_id", "reference.missing"),
        ("event_id", "reference.invalid"),
    }


def test_unknown_staff_user_is_refused(db, actor, contact_id):
    with pytest.raises(ValidationFailed) as info, db.write() as session:
        interactions.service.create(
            session, actor, {"notes": "x", "contact_id": contact_id, "user_id": 999}
        )
    assert [(i.field, i.code) for i in info.value.issues] == [("user_id", "reference.missing")]


@pytest.mark.parametrize("when", ["2025-01-15 09:30", "yesterday", datetime(2025, 1, 15, 9, 30)])
def test_occurred_at_must_be_an_aware_datetime(db, actor, contact_id, when):
    with pytest.raises(ValidationFailed) as info, db.write() as session:
        interactions.service.create(
            session, actor, {"notes": "x", "contact_id": contact_id, "occurred_at": when}
        )
    assert [i.field for i in info.value.issues] == ["occurred_at"]


def test_update_and_reindex(db, actor, contact_id):
    with db.write() as session:
        item_id = interactions.service.create(
            session, actor, {"subject": "Appel", "contact_id": contact_id}
        ).id
    with db.write() as session:
        item = interactions.service.update(
            session, actor, item_id, {"subject": "Rencontre à Boston", "kind": "meeting"}
        )
        assert item.version == 2
    with db.read() as session:
        assert search.search(session, "appel") == []
        assert [h.record_id for h in search.search(session, "rencontre boston")] == [item_id]


@pytest.mark.parametrize("text", ["2025-01-15T09:30:00-05:00", "2025-01-15T14:30Z"])
def test_occurred_at_as_iso_text_with_offset(db, actor, contact_id, text):
    with db.write() as session:
        item_id = interactions.service.create(
            session, actor, {"notes": "x", "contact_id": contact_id, "occurred_at": text}
        ).id
    with db.read() as session:
        assert interactions.service.get(session, item_id).occurred_at == datetime(
            2025, 1, 15, 14, 30, tzinfo=UTC
        )
