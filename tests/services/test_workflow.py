"""The introduction workflow on both databases: warnings, history, consents, suggestions,
the board, the stalled queue, one-to-one meetings and the roster."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
import sqlalchemy as sa

from crm.db.base import utcnow
from crm.db.models import FollowUp, Introduction
from crm.domain.enums import Consent, IntroductionOutcome, IntroductionStage
from crm.domain.errors import ValidationFailed
from crm.services import board, contacts, events, introductions, meetings, organizations, roster, stages


@pytest.fixture
def sides(db, actor):
    with db.write() as s:
        qc = organizations.service.create(s, actor, {"name": "Thérapies Laval", "region": "QC"}).id
        ma = organizations.service.create(s, actor, {"name": "Boston Cell", "region": "MA"}).id
        ma2 = organizations.service.create(s, actor, {"name": "Cambridge Bio", "region": "MA"}).id
        eric = contacts.service.create(
            s, actor, {"first_name": "Éric", "last_name": "Côté", "organization_id": qc, "language": "fr"}
        ).id
        ava = contacts.service.create(
            s, actor, {"first_name": "Ava", "last_name": "Smith", "organization_id": ma, "language": "en"}
        ).id
    return {"qc": qc, "ma": ma, "ma2": ma2, "eric": eric, "ava": ava}


def _intro(db, actor, **values):
    with db.write() as s:
        return introductions.create(s, actor, values).id


def codes(found):
    return [w.code for w in found]


def test_clean_pair_has_no_warning_until_introduced_without_consent(db, actor, sides):
    intro = _intro(db, actor, qc_organization_id=sides["qc"], ma_organization_id=sides["ma"])
    with db.read() as s:
        assert stages.check_move(s, intro, IntroductionStage.ASKED) == []
        assert codes(stages.check_move(s, intro, IntroductionStage.INTRODUCED)) == ["consent_missing"]


def test_same_side_warns_by_organizations_territory(db, actor, sides):
    # The "Québec" slot holds a Massachusetts organization: both are on the same side.
    intro = _intro(db, actor, qc_organization_id=sides["ma2"], ma_organization_id=sides["ma"])
    with db.read() as s:
        found = stages.check_move(s, intro, IntroductionStage.ASKED)
    assert codes(found) == ["same_side"]
    assert found[0].params == {"territory": "MA"}


def test_same_pair_already_introduced_warns(db, actor, sides):
    first = _intro(db, actor, qc_contact_id=sides["eric"], ma_contact_id=sides["ava"])
    second = _intro(db, actor, qc_contact_id=sides["eric"], ma_contact_id=sides["ava"])
    with db.read() as s:
        found = stages.check_move(s, second, IntroductionStage.ASKED)
    assert codes(found) == ["already_introduced"]
    assert f"#{first}" in found[0].params["ids"]
    with db.write() as s:  # a pair in the trash no longer counts
        introductions.service.delete(s, actor, first)
    with db.read() as s:
        assert stages.check_move(s, second, IntroductionStage.ASKED) == []


def test_move_refuses_silently_passing_a_warning_and_records_the_override(db, actor, sides):
    intro = _intro(db, actor, qc_organization_id=sides["qc"], ma_organization_id=sides["ma"])
    with pytest.raises(stages.WorkflowWarnings) as caught, db.write() as s:
        stages.move(s, actor, intro, IntroductionStage.INTRODUCED)
    assert codes(caught.value.warnings) == ["consent_missing"]
    with db.read() as s:
        assert introductions.service.get(s, intro).stage is IntroductionStage.PROPOSED
    with db.write() as s:
        stages.move(s, actor, intro, IntroductionStage.INTRODUCED, note="they met at BIO",
                      accept_warnings=True)  # fmt: skip
    with db.read() as s:
        line = stages.timeline(s, intro)
    assert [(e.from_stage, e.to_stage) for e in line] == [(None, "proposed"), ("proposed", "introduced")]
    assert line[-1].user == "Marie Tremblay"
    assert line[-1].note.startswith("they met at BIO") and "consent_missing" in line[-1].note


def test_consents_then_full_path_to_a_closed_outcome(db, actor, sides):
    intro = _intro(db, actor, qc_contact_id=sides["eric"], ma_contact_id=sides["ava"])
    with db.write() as s:
        stages.move(s, actor, intro, "asked")
        stages.record_consent(s, actor, intro, "qc", "yes", at=date(2025, 3, 3), channel="phone")
        stages.record_consent(s, actor, intro, "ma", Consent.YES, channel="email")
        for stage in ("both_agreed", "introduced", "meeting_held"):
            stages.move(s, actor, intro, stage)  # no warning: both said yes
    with pytest.raises(ValidationFailed), db.write() as s:
        stages.move(s, actor, intro, "closed")
    with db.write() as s:
        stages.move(s, actor, intro, "closed", outcome="cro_contract", note="signed")
    with db.read() as s:
        row = introductions.service.get(s, intro)
        assert (row.qc_consent, row.qc_consent_at, row.qc_consent_channel) == (
            Consent.YES, date(2025, 3, 3), "phone")
        assert row.ma_consent_at == date.today() and row.ma_consent_channel == "email"
        assert row.outcome is IntroductionOutcome.CRO_CONTRACT and row.closed_at is not None
        line = stages.timeline(s, intro)
    assert [e.to_stage for e in line] == [
        "proposed", "asked", "both_agreed", "introduced", "meeting_held", "closed"]
    assert (line[-1].outcome, line[-1].note) == ("cro_contract", "signed")


def test_suggestions_by_stage_and_created_followups(db, actor, sides):
    assert [(x.code, x.days) for x in stages.suggestions("proposed", "asked")] == [("check_answers", 5)]
    assert [x.days for x in stages.suggestions("both_agreed", "introduced")] == [14]
    assert [x.days for x in stages.suggestions("introduced", "meeting_held")] == [30]
    assert stages.suggestions("introduced", "asked") == []  # moving back suggests nothing
    assert stages.suggestions("meeting_held", "closed") == []
    today = date(2025, 6, 2)
    suggestion = stages.suggestions("both_agreed", "introduced")[0]
    assert suggestion.due(today) == date(2025, 6, 16)
    intro = _intro(db, actor, qc_organization_id=sides["qc"], ma_organization_id=sides["ma"], owner_id=actor)
    with db.write() as s:
        made = stages.add_followups(s, actor, intro, [(suggestion.title, suggestion.due(today), None)])
        ids = [m.id for m in made]
    with db.read() as s:
        fu = s.get(FollowUp, ids[0])
        assert (fu.title, fu.due_date, fu.assignee_id, fu.introduction_id) == (
            "Check in with both parties", date(2025, 6, 16), actor, intro)


def test_board_caps_cards_and_filters(db, actor, sides):
    for _ in range(5):
        _intro(db, actor, qc_organization_id=sides["qc"], ma_organization_id=sides["ma"], owner_id=actor)
    other = _intro(db, actor, qc_organization_id=sides["qc"], ma_organization_id=sides["ma2"],
                   purpose="investment", owner_id=None)  # fmt: skip
    with db.write() as s:
        stages.move(s, actor, other, "asked", accept_warnings=True)
    with db.read() as s:
        columns = board.board(s, per_column=3)
        assert [(c.stage, c.total, len(c.cards), c.more) for c in columns[:2]] == [
            ("proposed", 5, 3, 2), ("asked", 1, 1, 0)]
        assert columns[1].cards[0].ma_party == "Cambridge Bio"
        assert columns[1].cards[0].purpose == "investment"
        assert columns[0].cards[0].owner == "Marie Tremblay"
        assert board.board(s, owner_id=actor)[1].total == 0
        assert board.board(s, purpose="investment")[0].total == 0
        assert board.board(s, purpose="investment")[1].total == 1


def test_stalled_queue_counts_open_introductions_without_movement(db, actor, sides):
    old = _intro(db, actor, qc_organization_id=sides["qc"], ma_organization_id=sides["ma"])
    recent = _intro(db, actor, qc_organization_id=sides["qc"], ma_organization_id=sides["ma2"])
    closed = _intro(db, actor, qc_contact_id=sides["eric"], ma_contact_id=sides["ava"])
    with db.write() as s:
        stages.move(s, actor, closed, "closed", outcome="no_fit")
        long_ago = utcnow() - timedelta(days=45)
        s.execute(sa.update(Introduction).where(Introduction.id.in_([old, closed]))
                  .values(stage_changed_at=long_ago))  # fmt: skip
    with db.read() as s:
        total, cards = board.stalled(s, 30)
        assert (total, [c.id for c in cards]) == (1, [old])
        assert cards[0].days_in_stage(utcnow()) == 45
        assert board.stalled(s, 60)[0] == 0
        assert [c.id for c in board.stalled(s, 0)[1]] == [old, recent]
        assert recent


def test_meeting_at_event_becomes_an_introduction_and_roster_by_side(db, actor, sides):
    with db.write() as s:
        event = events.service.create(s, actor, {"name": "BIO 2025", "kind": "conference", "territory": "MA"}).id
        events.participants.create(s, actor, {"event_id": event, "contact_id": sides["eric"], "role": "speaker",
                                              "attended": True})
        events.participants.create(s, actor, {"event_id": event, "contact_id": sides["ava"], "role": "buyer"})
        intro = meetings.introduction_from_meeting(s, actor, event, sides["eric"], sides["ava"]).id
    with db.read() as s:
        row = introductions.service.get(s, intro)
        assert (row.event_id, row.stage, row.qc_organization_id, row.ma_organization_id) == (
            event, IntroductionStage.MEETING_HELD, sides["qc"], sides["ma"])
        assert row.qc_consent is Consent.YES and row.ma_consent is Consent.YES
        assert [r.side for r in roster.roster(s, event)] == ["QC", "MA"]
        text = roster.roster_text(s, event)
    assert text.splitlines()[:5] == [
        "BIO 2025", "", "Québec (1)", "  ✓ Éric Côté — Thérapies Laval, speaker", ""]
    assert "Massachusetts (1)" in text and "Ava Smith — Boston Cell, buyer" in text


def test_closing_with_a_win_needs_consents_but_declining_does_not(db, actor, sides):
    intro = _intro(db, actor, qc_organization_id=sides["qc"], ma_organization_id=sides["ma"])
    with db.read() as s:
        assert stages.check_move(s, intro, "closed", "declined") == []
        assert codes(stages.check_move(s, intro, "closed", "partnership")) == ["consent_missing"]
