"""Undo of the last action, as services, on both databases: out of the trash, back to the
trash, a completed follow-up reopened, a snooze taken back, a stage move taken back; each
refused when the record changed since."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
import sqlalchemy as sa

from crm.db.models import FollowUp, Introduction
from crm.domain.enums import FollowUpStatus, IntroductionOutcome, IntroductionStage
from crm.domain.errors import StaleRecord
from crm.services import contacts, followups, introductions, organizations, stages


@pytest.fixture
def intro(db, actor):
    with db.write() as s:
        qc = organizations.service.create(s, actor, {"name": "Thérapies Laval", "region": "QC"}).id
        ma = organizations.service.create(s, actor, {"name": "Boston Cell", "region": "MA"}).id
        return introductions.create(
            s, actor, {"qc_organization_id": qc, "ma_organization_id": ma}
        ).id


def test_a_trashed_record_comes_back_unless_it_changed_since(db, actor):
    with db.write() as s:
        person = contacts.service.create(s, actor, {"first_name": "Éric", "last_name": "Côté"})
        person_id = person.id
        trashed = contacts.service.delete(s, actor, person_id).version
    with db.write() as s:
        contacts.service.restore(s, actor, person_id, expected_version=trashed)
    with db.read() as s:
        assert contacts.service.get(s, person_id).deleted_at is None
    # Trashed again, then restored and edited by someone else: the undo is refused.
    with db.write() as s:
        trashed = contacts.service.delete(s, actor, person_id).version
    with db.write() as s:
        contacts.service.restore(s, actor, person_id)
        contacts.service.update(s, actor, person_id, {"title": "CEO"})
        contacts.service.delete(s, actor, person_id)
    with pytest.raises(StaleRecord), db.write() as s:
        contacts.service.restore(s, actor, person_id, expected_version=trashed)
    with db.read() as s:
        assert contacts.service.get(s, person_id, include_deleted=True).deleted_at is not None


def test_undo_of_a_restore_puts_it_back_in_the_trash(db, actor):
    with db.write() as s:
        org = organizations.service.create(s, actor, {"name": "Cœur Thérapeutique"})
        organizations.service.delete(s, actor, org.id)
        restored = organizations.service.restore(s, actor, org.id).version
        org_id = org.id
    with db.write() as s:
        organizations.service.delete(s, actor, org_id, expected_version=restored)
    with db.read() as s:
        assert organizations.service.count(s, deleted=True) == 1


def _followup(db, actor, **values):
    with db.write() as s:
        return followups.service.create(
            s, actor, {"title": "Call back", "due_date": date(2026, 3, 2), "organization_id": None,
                       "assignee_id": actor, **values},
        ).id  # fmt: skip


def test_a_completed_followup_is_reopened_with_its_status_before(db, actor):
    fid = _followup(db, actor)
    with db.write() as s:
        done = followups.complete(s, actor, fid)
        assert done.completed_at is not None
        version = done.version
    with db.write() as s:
        followups.undo_complete(s, actor, fid, FollowUpStatus.OPEN, expected_version=version)
    with db.read() as s:
        again = s.get(FollowUp, fid)
        assert again.status == FollowUpStatus.OPEN and again.completed_at is None


def test_undo_complete_is_refused_when_the_followup_changed_since(db, actor):
    fid = _followup(db, actor)
    with db.write() as s:
        version = followups.complete(s, actor, fid).version
    with db.write() as s:
        followups.service.update(s, actor, fid, {"notes": "done by phone"})
    with pytest.raises(StaleRecord), db.write() as s:
        followups.undo_complete(s, actor, fid, FollowUpStatus.OPEN, expected_version=version)
    with db.read() as s:
        assert s.get(FollowUp, fid).status == FollowUpStatus.DONE


def test_a_snooze_is_taken_back(db, actor):
    fid = _followup(db, actor)
    with db.write() as s:
        version = followups.snooze(s, actor, fid, date(2026, 3, 9)).version
    with db.write() as s:
        followups.undo_snooze(s, actor, fid, date(2026, 3, 2), expected_version=version)
    with db.read() as s:
        assert s.get(FollowUp, fid).due_date == date(2026, 3, 2)
    with db.write() as s:
        version = followups.snooze(s, actor, fid, date(2026, 3, 9)).version
        followups.snooze(s, actor, fid, date(2026, 3, 10))
    with pytest.raises(StaleRecord), db.write() as s:
        followups.undo_snooze(s, actor, fid, date(2026, 3, 2), expected_version=version)


def test_a_move_is_taken_back_with_the_history_saying_so(db, actor, intro):
    with db.write() as s:
        s.get(Introduction, intro).stage_changed_at -= timedelta(days=12)  # asked 12 days ago
        stages.move(s, actor, intro, IntroductionStage.ASKED)
    with db.write() as s:
        before = stages.stage_state(s, intro)
        moved = stages.move(
            s, actor, intro, IntroductionStage.CLOSED, outcome=IntroductionOutcome.NO_FIT
        )
        made = stages.add_followups(s, actor, intro, [("Ask again", date(2026, 4, 1), actor)])
        version, made_ids = moved.version, [(f.id, f.version) for f in made]
    with db.write() as s:
        stages.undo_move(s, actor, intro, before, expected_version=version, followups_made=made_ids)
    with db.read() as s:
        back = s.get(Introduction, intro)
        assert (back.stage, back.outcome, back.closed_at) == (IntroductionStage.ASKED, None, None)
        assert back.stage_changed_at == before.stage_changed_at  # its days in stage are kept
        line = stages.timeline(s, intro)
        assert [(e.from_stage, e.to_stage) for e in line[-3:]] == [
            ("proposed", "asked"), ("asked", "closed"), ("closed", "asked")]  # fmt: skip
        assert line[-1].note == stages.UNDO_NOTE
        assert followups.service.count(s) == 0 and followups.service.count(s, deleted=True) == 1


def test_undo_of_a_move_back_from_closed_gives_the_outcome_back(db, actor, intro):
    with db.write() as s:
        stages.move(s, actor, intro, IntroductionStage.CLOSED, outcome=IntroductionOutcome.PARTNERSHIP,
                      accepted_warnings=stages.WARNING_CODES)  # fmt: skip
    with db.write() as s:
        before = stages.stage_state(s, intro)
        version = stages.move(s, actor, intro, IntroductionStage.MEETING_HELD).version
    with db.write() as s:
        stages.undo_move(s, actor, intro, before, expected_version=version)
    with db.read() as s:
        back = s.get(Introduction, intro)
        assert (
            back.stage == IntroductionStage.CLOSED
            and back.outcome == IntroductionOutcome.PARTNERSHIP
        )
        assert back.closed_at == before.closed_at and back.closed_at is not None


def test_undo_move_is_refused_when_the_introduction_changed_since(db, actor, intro):
    with db.write() as s:
        before = stages.stage_state(s, intro)
        version = stages.move(s, actor, intro, IntroductionStage.ASKED).version
    with db.write() as s:
        introductions.service.update(s, actor, intro, {"notes": "both said maybe"})
    with pytest.raises(StaleRecord), db.write() as s:
        stages.undo_move(s, actor, intro, before, expected_version=version)
    with db.read() as s:
        assert s.get(Introduction, intro).stage == IntroductionStage.ASKED
        count = s.scalar(sa.select(sa.func.count()).select_from(Introduction))
        assert count == 1
