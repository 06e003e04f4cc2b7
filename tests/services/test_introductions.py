"""Introductions: parties, references, the stage history and closing, on both databases."""

from __future__ import annotations

import json

import pytest

from crm.db import search
from crm.domain.enums import IntroductionOutcome, IntroductionPurpose, IntroductionStage
from crm.domain.errors import StaleRecord, ValidationFailed
from crm.services import audit, contacts, introductions, organizations


@pytest.fixture
def parties(db, actor):
    with db.write() as session:
        qc = organizations.service.create(
            session, actor, {"name": "Thérapies Laval", "region": "QC"}
        ).id
        ma = organizations.service.create(
            session, actor, {"name": "Boston Cell", "region": "MA"}
        ).id
        person = contacts.service.create(
            session, actor, {"first_name": "Ava", "last_name": "Smith", "organization_id": ma}
        ).id
    return qc, ma, person


def _intro(db, actor, parties, **values):
    qc, _ma, person = parties
    with db.write() as session:
        return introductions.create(
            session, actor, {"qc_organization_id": qc, "ma_contact_id": person, **values}
        ).id


def test_create_records_history_from_none_to_proposed(db, actor, parties):
    intro_id = _intro(db, actor, parties, purpose="CRO services", owner_id=actor)
    with db.read() as session:
        intro = introductions.service.get(session, intro_id)
        assert intro.stage is IntroductionStage.PROPOSED and intro.outcome is None
        assert intro.purpose is IntroductionPurpose.CRO_SERVICES
        assert intro.stage_changed_at.tzinfo is not None
        history = introductions.history(session, intro_id)
        assert [(h.from_stage, h.to_stage, h.user_id) for h in history] == [
            (None, IntroductionStage.PROPOSED, actor)
        ]
        assert [a.action for a in audit.history(session, "introduction", intro_id)] == ["create"]
        hits = search.search(session, "therapies smith")
        assert [(h.kind, h.record_id) for h in hits] == [("introduction", intro_id)]
        assert hits[0].title == "Thérapies Laval ↔ Ava Smith"


def test_each_side_needs_a_party(db, actor, parties):
    with pytest.raises(ValidationFailed) as info, db.write() as session:
        introductions.create(session, actor, {"qc_organization_id": parties[0], "title": "Half"})
    assert info.value.codes == ["party.required"]
    assert info.value.issues[0].field == "ma_organization_id"
    assert info.value.record == "new introduction"


def test_references_to_missing_or_trashed_records_are_refused(db, actor, parties):
    qc, _ma, person = parties
    with db.write() as session:
        contacts.service.delete(session, actor, person)
    with pytest.raises(ValidationFailed) as info, db.write() as session:
        introductions.create(
            session,
            actor,
            {"qc_organization_id": qc, "ma_contact_id": person, "owner_id": 999, "event_id": 5},
        )
    assert sorted(i.field for i in info.value.issues) == ["event_id", "ma_contact_id", "owner_id"]
    assert set(info.value.codes) == {"reference.missing"}


def test_move_records_from_to_user_and_note(db, actor, parties):
    intro_id = _intro(db, actor, parties)
    with db.write() as session:
        intro = introductions.move(
            session, actor, intro_id, IntroductionStage.ASKED, note="  emailed both  "
        )
        assert intro.version == 2
    with db.write() as session:
        introductions.move(session, None, intro_id, "both_agreed")
    with db.read() as session:
        history = introductions.history(session, intro_id)
        assert [(h.from_stage, h.to_stage) for h in history] == [
            (None, IntroductionStage.PROPOSED),
            (IntroductionStage.PROPOSED, IntroductionStage.ASKED),
            (IntroductionStage.ASKED, IntroductionStage.BOTH_AGREED),
        ]
        assert [h.user_id for h in history] == [actor, actor, None]
        assert history[1].note == "emailed both"
        assert history[1].at.tzinfo is not None
        entry = audit.history(session, "introduction", intro_id)[1]
        assert json.loads(entry.changes) == {
            "stage": ["proposed", "asked"],
            "outcome": [None, None],
        }
        assert search.search(session, "therapies", kinds=["introduction"])[0].subtitle.startswith(
            "both_agreed"
        )


def test_move_to_the_same_stage_records_nothing(db, actor, parties):
    intro_id = _intro(db, actor, parties)
    with db.write() as session:
        assert introductions.move(session, actor, intro_id, IntroductionStage.PROPOSED).version == 1
    with db.read() as session:
        assert len(introductions.history(session, intro_id)) == 1


def test_closing_needs_an_outcome(db, actor, parties):
    intro_id = _intro(db, actor, parties, title="Laval × Boston")
    with pytest.raises(ValidationFailed) as info, db.write() as session:
        introductions.move(session, actor, intro_id, IntroductionStage.CLOSED)
    assert info.value.codes == ["required"] and info.value.issues[0].field == "outcome"
    assert info.value.record == "introduction 'Laval × Boston'"
    with db.write() as session:
        intro = introductions.move(session, actor, intro_id, "closed", outcome="cro_contract")
        assert intro.outcome is IntroductionOutcome.CRO_CONTRACT and intro.closed_at is not None
    with db.read() as session:
        last = introductions.history(session, intro_id)[-1]
        assert (last.to_stage, last.outcome) == (
            IntroductionStage.CLOSED,
            IntroductionOutcome.CRO_CONTRACT,
        )


def test_reopening_clears_outcome_and_closed_at(db, actor, parties):
    intro_id = _intro(db, actor, parties)
    with db.write() as session:
        introductions.move(
            session, actor, intro_id, IntroductionStage.CLOSED, outcome=IntroductionOutcome.DECLINED
        )
    with db.write() as session:
        intro = introductions.move(session, actor, intro_id, IntroductionStage.INTRODUCED)
        assert intro.outcome is None and intro.closed_at is None
    with db.read() as session:
        intro = introductions.service.get(session, intro_id)
        assert (intro.stage, intro.outcome, intro.closed_at) == (
            IntroductionStage.INTRODUCED,
            None,
            None,
        )


def test_move_with_a_stale_version(db, actor, parties):
    intro_id = _intro(db, actor, parties)
    with db.write() as session:
        introductions.service.update(session, actor, intro_id, {"notes": "first call done"})
    with pytest.raises(StaleRecord), db.write() as session:
        introductions.move(session, actor, intro_id, IntroductionStage.ASKED, expected_version=1)
    with db.read() as session:
        assert introductions.service.get(session, intro_id).stage is IntroductionStage.PROPOSED
        assert len(introductions.history(session, intro_id)) == 1


def test_generic_update_cannot_change_the_stage(db, actor, parties):
    intro_id = _intro(db, actor, parties)
    with pytest.raises(ValueError, match="stage"), db.write() as session:
        introductions.service.update(session, actor, intro_id, {"stage": "closed"})
    with db.read() as session:
        assert introductions.service.get(session, intro_id).stage is IntroductionStage.PROPOSED


def test_purging_an_introduction_erases_its_history(db, actor, parties):
    intro_id = _intro(db, actor, parties)
    with db.write() as session:
        introductions.move(session, actor, intro_id, IntroductionStage.ASKED)
        introductions.service.delete(session, actor, intro_id)
    with db.write() as session:
        introductions.service.purge(session, actor, intro_id)
    with db.read() as session:
        assert introductions.history(session, intro_id) == []
        assert introductions.service.count(session, deleted=True) == 0
