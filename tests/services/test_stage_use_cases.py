"""The introduction use cases as one service call each, on both databases, without Qt: move
with the kept follow-ups and accepted warnings, create at a stage, meeting to introduction.
What the board, the editor and `crm move` share."""

from __future__ import annotations

from datetime import date

import pytest
import sqlalchemy as sa

from crm.db.models import FollowUp
from crm.domain.enums import Consent, IntroductionOutcome, IntroductionStage
from crm.domain.errors import StaleRecord, ValidationFailed
from crm.services import events, introductions, meetings, stages


def _followups(s, intro):
    query = sa.select(FollowUp).where(
        FollowUp.introduction_id == intro, FollowUp.deleted_at.is_(None)
    )
    return list(s.scalars(query.order_by(FollowUp.id)))


def test_move_writes_the_move_its_note_and_the_kept_followups(db, actor, sides, new_intro):
    intro = new_intro(qc_organization_id=sides["qc"], ma_organization_id=sides["ma"])
    with db.write() as s:
        moved = stages.move_with_followups(
            s, actor, intro, "asked", note="asked both by phone",
            followups=[("Check both answers", date(2026, 3, 9), None)],
        )  # fmt: skip
    assert (moved.record_id, moved.to_stage, moved.before.stage) == (intro, "asked", "proposed")
    assert moved.label == "Thérapies Laval ↔ Boston Cell"
    with db.read() as s:
        row = introductions.service.get(s, intro)
        assert (row.stage, row.version) == (IntroductionStage.ASKED, moved.version)
        line = stages.timeline(s, intro)
        assert (line[-1].from_stage, line[-1].to_stage, line[-1].note) == (
            "proposed", "asked", "asked both by phone")  # fmt: skip
        made = _followups(s, intro)
        # Nobody owns the introduction: the follow-up goes to the one who moved it.
        assert [(f.title, f.due_date, f.assignee_id) for f in made] == [
            ("Check both answers", date(2026, 3, 9), actor)]  # fmt: skip
        assert moved.followups_made == tuple((f.id, f.version) for f in made)


def test_an_unaccepted_warning_refuses_the_move_and_writes_nothing(db, actor, sides, new_intro):
    intro = new_intro(qc_organization_id=sides["qc"], ma_organization_id=sides["ma"])
    kept = [("Check in with both parties", date(2026, 3, 16), actor)]
    # The user accepted a warning, but not the one the move raises.
    with pytest.raises(stages.WorkflowWarnings) as caught, db.write() as s:
        stages.move_with_followups(s, actor, intro, "introduced", followups=kept,
                                   accepted_warnings={"same_side"})  # fmt: skip
    assert [w.code for w in caught.value.warnings] == ["consent_missing"]
    with db.read() as s:
        assert introductions.service.get(s, intro).stage is IntroductionStage.PROPOSED
        assert _followups(s, intro) == []
    with db.write() as s:
        stages.move_with_followups(s, actor, intro, "introduced", followups=kept,
                                   accepted_warnings={"consent_missing"})  # fmt: skip
    with db.read() as s:
        assert introductions.service.get(s, intro).stage is IntroductionStage.INTRODUCED
        assert "warnings accepted: consent_missing" in stages.timeline(s, intro)[-1].note
        assert [f.title for f in _followups(s, intro)] == ["Check in with both parties"]


def test_the_outcome_is_checked_again_when_closing(db, actor, sides, new_intro):
    intro = new_intro(qc_organization_id=sides["qc"], ma_organization_id=sides["ma"])
    # Declining needs no consent; a win without both consents does.
    with pytest.raises(stages.WorkflowWarnings), db.write() as s:
        stages.move_with_followups(s, actor, intro, "closed", outcome="partnership")
    with pytest.raises(ValidationFailed), db.write() as s:
        stages.move_with_followups(s, actor, intro, "closed")
    with db.write() as s:
        stages.move_with_followups(s, actor, intro, "closed", outcome="declined")
    with db.read() as s:
        assert introductions.service.get(s, intro).outcome is IntroductionOutcome.DECLINED


def test_an_outcome_counts_only_when_closing(db, actor, sides, new_intro):
    intro = new_intro(qc_organization_id=sides["qc"], ma_organization_id=sides["ma"])
    with db.write() as s:
        stages.move_with_followups(s, actor, intro, "asked", outcome="declined")
    with db.read() as s:
        row = introductions.service.get(s, intro)
        assert (row.stage, row.outcome) == (IntroductionStage.ASKED, None)


def test_a_stale_move_writes_no_followup(db, actor, sides, new_intro):
    intro = new_intro(qc_organization_id=sides["qc"], ma_organization_id=sides["ma"])
    with db.read() as s:
        seen = introductions.service.get(s, intro).version
    with db.write() as s:
        introductions.service.update(s, actor, intro, {"title": "Changed meanwhile"})
    with pytest.raises(StaleRecord), db.write() as s:
        stages.move_with_followups(s, actor, intro, "asked", expected_version=seen,
                                   followups=[("Check both answers", date(2026, 3, 9), None)])  # fmt: skip
    with db.read() as s:
        assert introductions.service.get(s, intro).stage is IntroductionStage.PROPOSED
        assert _followups(s, intro) == []


def test_the_editors_changes_and_move_are_one_write_checked_on_the_new_values(
    db, actor, sides, new_intro
):
    intro = new_intro(qc_organization_id=sides["qc"], ma_organization_id=sides["ma"])
    with db.read() as s:
        version = introductions.service.get(s, intro).version
    both_said_yes = {
        "qc_consent": Consent.YES,
        "ma_consent": Consent.YES,
        "title": "Laval × Boston",
    }
    with db.write() as s:  # no consent warning: the consents are written first
        moved = stages.move_with_followups(s, actor, intro, "introduced", changes=both_said_yes,
                                           expected_version=version)  # fmt: skip
    assert moved.label == "Laval × Boston"
    with db.read() as s:
        row = introductions.service.get(s, intro)
        assert (row.stage, row.qc_consent, row.title) == (
            IntroductionStage.INTRODUCED,
            Consent.YES,
            "Laval × Boston",
        )
        assert row.version == moved.version
        assert "warnings accepted" not in stages.timeline(s, intro)[-1].note
    # A stale editor writes neither its changes nor its move.
    with pytest.raises(StaleRecord), db.write() as s:
        stages.move_with_followups(s, actor, intro, "meeting_held", changes={"title": "Old copy"},
                                   expected_version=version)  # fmt: skip
    with db.read() as s:
        row = introductions.service.get(s, intro)
        assert (row.stage, row.title) == (IntroductionStage.INTRODUCED, "Laval × Boston")


def test_a_move_is_undone_with_the_followups_it_made(db, actor, sides, new_intro):
    intro = new_intro(qc_organization_id=sides["qc"], ma_organization_id=sides["ma"])
    with db.write() as s:
        moved = stages.move_with_followups(s, actor, intro, "asked",
                                           followups=[("Check both answers", date(2026, 3, 9), None)])  # fmt: skip
    with db.write() as s:
        stages.undo_move(s, actor, intro, moved.before, expected_version=moved.version,
                         followups_made=moved.followups_made)  # fmt: skip
    with db.read() as s:
        assert introductions.service.get(s, intro).stage is IntroductionStage.PROPOSED
        assert _followups(s, intro) == []


def test_move_questions_name_the_warnings_the_suggestions_and_the_assignee(
    db, actor, sides, new_intro
):
    intro = new_intro(
        qc_organization_id=sides["qc"], ma_organization_id=sides["ma"], title="Laval × Boston"
    )
    with db.read() as s:
        asked = stages.move_questions(s, actor, intro, "introduced")
        assert (asked.label, asked.from_stage, asked.assignee_id) == (
            "Laval × Boston",
            "proposed",
            actor,
        )
        assert [w.code for w in asked.warnings] == ["consent_missing"]
        assert [x.code for x in asked.suggestions] == ["check_in"]
        # The editor's unsaved values are what is checked.
        values = {"qc_organization_id": sides["qc"], "ma_organization_id": sides["ma"],
                  "qc_consent": "yes", "ma_consent": "yes"}  # fmt: skip
        assert stages.move_questions(s, actor, intro, "introduced", values=values).warnings == []


def test_create_at_a_stage_checks_its_warnings_first(db, actor, sides):
    values = {"qc_organization_id": sides["qc"], "ma_organization_id": sides["ma"]}
    with pytest.raises(stages.WorkflowWarnings) as caught, db.write() as s:
        stages.create_at_stage(s, actor, dict(values), "introduced")
    assert [w.code for w in caught.value.warnings] == ["consent_missing"]
    with db.read() as s:
        assert introductions.service.count(s) == 0
    with db.write() as s:
        intro = stages.create_at_stage(s, actor, dict(values), "introduced",
                                       accepted_warnings={"consent_missing"}).id  # fmt: skip
    with db.read() as s:
        line = stages.timeline(s, intro)
    assert [(e.from_stage, e.to_stage) for e in line] == [
        (None, "proposed"),
        ("proposed", "introduced"),
    ]
    assert "consent_missing" in line[-1].note


def test_create_closed_keeps_the_outcome_and_proposed_needs_no_move(db, actor, sides):
    values = {"qc_organization_id": sides["qc"], "ma_organization_id": sides["ma"]}
    with db.write() as s:
        closed = stages.create_at_stage(s, actor, dict(values), "closed", outcome="no_fit").id
        proposed = stages.create_at_stage(s, actor, dict(values), outcome="no_fit",
                                          accepted_warnings={"already_introduced"}).id  # fmt: skip
    with db.read() as s:
        row = introductions.service.get(s, closed)
        assert (row.stage, row.outcome) == (IntroductionStage.CLOSED, IntroductionOutcome.NO_FIT)
        row = introductions.service.get(s, proposed)
        assert (row.stage, row.outcome) == (IntroductionStage.PROPOSED, None)
        assert len(stages.timeline(s, proposed)) == 1


def test_meeting_on_the_same_side_is_refused_even_when_accepted(db, actor, sides):
    """The same-side warning is asked first; accepting it does not make a Massachusetts
    party a Québec one: the side check refuses it, naming the party, and writes nothing."""
    with db.write() as s:
        event = events.service.create(s, actor, {"name": "Mission Boston", "territory": "MA"}).id
        # Ava and Cambridge Bio: both in Massachusetts.
        args = (s, actor, event, None, sides["ava"])
        with pytest.raises(stages.WorkflowWarnings) as caught:
            meetings.introduction_from_meeting(*args, qc_organization_id=sides["ma2"])
    assert [w.code for w in caught.value.warnings] == ["same_side"]
    with pytest.raises(ValidationFailed, match="Cambridge Bio is not in Québec"), db.write() as s:
        meetings.introduction_from_meeting(
            s, actor, event, None, sides["ava"], qc_organization_id=sides["ma2"],
            accepted_warnings={"same_side"},
        )  # fmt: skip
    with db.read() as s:
        assert introductions.service.count(s) == 0
