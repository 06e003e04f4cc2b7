"""The introduction stage rules on both databases: warnings, moves, history, consents,
suggested follow-ups."""

from __future__ import annotations

from datetime import date

import pytest

from crm.db.models import FollowUp
from crm.domain import stage_rules
from crm.domain.enums import Consent, IntroductionOutcome, IntroductionStage
from crm.domain.errors import ValidationFailed
from crm.services import (
    introductions,
    organizations,
    stages,
)


def codes(found):
    return [w.code for w in found]


def test_clean_pair_has_no_warning_until_introduced_without_consent(db, actor, sides, new_intro):
    intro = new_intro(qc_organization_id=sides["qc"], ma_organization_id=sides["ma"])
    with db.read() as s:
        assert stages.check_move(s, intro, IntroductionStage.ASKED) == []
        assert codes(stages.check_move(s, intro, IntroductionStage.INTRODUCED)) == [
            "consent_missing"
        ]


def test_same_side_warns_by_organizations_territory(db, actor, sides, new_intro):
    # The Québec organization moved to Massachusetts after the introduction was made (the
    # editor refuses swapped sides): both are on the same side now.
    intro = new_intro(qc_organization_id=sides["qc"], ma_organization_id=sides["ma"])
    with db.write() as s:
        organizations.service.update(s, actor, sides["qc"], {"region": "MA", "territory": "MA"})
    with db.read() as s:
        found = stages.check_move(s, intro, IntroductionStage.ASKED)
    assert codes(found) == ["same_side"]
    assert found[0].params == {"territory": "MA"}


def test_same_pair_already_introduced_warns(db, actor, sides, new_intro):
    first = new_intro(qc_contact_id=sides["eric"], ma_contact_id=sides["ava"])
    second = new_intro(qc_contact_id=sides["eric"], ma_contact_id=sides["ava"])
    with db.read() as s:
        found = stages.check_move(s, second, IntroductionStage.ASKED)
    assert codes(found) == ["already_introduced"]
    assert f"#{first}" in found[0].params["ids"]
    with db.write() as s:  # a pair in the trash no longer counts
        introductions.service.delete(s, actor, first)
    with db.read() as s:
        assert stages.check_move(s, second, IntroductionStage.ASKED) == []


def test_move_refuses_silently_passing_a_warning_and_records_the_override(
    db, actor, sides, new_intro
):
    intro = new_intro(qc_organization_id=sides["qc"], ma_organization_id=sides["ma"])
    with pytest.raises(stages.WorkflowWarnings) as caught, db.write() as s:
        stages.move(s, actor, intro, IntroductionStage.INTRODUCED)
    assert codes(caught.value.warnings) == ["consent_missing"]
    with db.read() as s:
        assert introductions.service.get(s, intro).stage is IntroductionStage.PROPOSED
    with db.write() as s:
        stages.move(s, actor, intro, IntroductionStage.INTRODUCED, note="they met at BIO",
                      accepted_warnings=stages.WARNING_CODES)  # fmt: skip
    with db.read() as s:
        line = stages.timeline(s, intro)
    assert [(e.from_stage, e.to_stage) for e in line] == [
        (None, "proposed"),
        ("proposed", "introduced"),
    ]
    assert line[-1].user == "Marie Tremblay"
    assert line[-1].note.startswith("they met at BIO") and "consent_missing" in line[-1].note


def test_consents_then_full_path_to_a_closed_outcome(db, actor, sides, new_intro):
    intro = new_intro(qc_contact_id=sides["eric"], ma_contact_id=sides["ava"])
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
            Consent.YES,
            date(2025, 3, 3),
            "phone",
        )
        assert row.ma_consent_at == date.today() and row.ma_consent_channel == "email"
        assert row.outcome is IntroductionOutcome.CRO_CONTRACT and row.closed_at is not None
        line = stages.timeline(s, intro)
    assert [e.to_stage for e in line] == [
        "proposed",
        "asked",
        "both_agreed",
        "introduced",
        "meeting_held",
        "closed",
    ]
    assert (line[-1].outcome, line[-1].note) == ("cro_contract", "signed")


def test_suggestions_by_stage_and_created_followups(db, actor, sides, new_intro):
    assert [(x.code, x.days) for x in stage_rules.suggestions("proposed", "asked")] == [
        ("check_answers", 5)
    ]
    assert [x.days for x in stage_rules.suggestions("both_agreed", "introduced")] == [14]
    assert [x.days for x in stage_rules.suggestions("introduced", "meeting_held")] == [30]
    assert stage_rules.suggestions("introduced", "asked") == []  # moving back suggests nothing
    assert stage_rules.suggestions("meeting_held", "closed") == []
    today = date(2025, 6, 2)
    suggestion = stage_rules.suggestions("both_agreed", "introduced")[0]
    assert suggestion.due(today) == date(2025, 6, 16)
    intro = new_intro(
        qc_organization_id=sides["qc"], ma_organization_id=sides["ma"], owner_id=actor
    )
    with db.write() as s:
        made = stages.add_followups(
            s, actor, intro, [(suggestion.title, suggestion.due(today), None)]
        )
        ids = [m.id for m in made]
    with db.read() as s:
        fu = s.get(FollowUp, ids[0])
        assert (fu.title, fu.due_date, fu.assignee_id, fu.introduction_id) == (
            "Check in with both parties",
            date(2025, 6, 16),
            actor,
            intro,
        )


def test_closing_with_a_win_needs_consents_but_declining_does_not(db, actor, sides, new_intro):
    intro = new_intro(qc_organization_id=sides["qc"], ma_organization_id=sides["ma"])
    with db.read() as s:
        assert stages.check_move(s, intro, "closed", "declined") == []
        assert codes(stages.check_move(s, intro, "closed", "partnership")) == ["consent_missing"]
