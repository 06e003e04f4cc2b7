"""`crm move`: an introduction to another stage from the command line, through the same
service call as the board (warnings refused unless accepted, suggested follow-ups kept)."""

from __future__ import annotations

from pathlib import Path

import pytest
import sqlalchemy as sa

from crm.cli import main
from crm.db.migrate import open_database
from crm.db.models import FollowUp, Introduction
from crm.domain.enums import IntroductionStage
from crm.services import introductions, organizations, stages, users


@pytest.fixture
def desk(tmp_path: Path, monkeypatch) -> tuple[str, str]:
    """A desk file with one introduction; (the --db path, the introduction's uid)."""
    monkeypatch.setenv("CRM_USER", "mtremblay")
    path = tmp_path / "desk.db"
    db = open_database(f"sqlite:///{path}")
    with db.write() as s:
        actor = users.service.create(s, None, {"name": "mtremblay"}).id
        qc = organizations.service.create(s, actor, {"name": "Thérapies Laval", "region": "QC"}).id
        ma = organizations.service.create(s, actor, {"name": "Boston Cell", "region": "MA"}).id
        uid = introductions.create(
            s, actor, {"qc_organization_id": qc, "ma_organization_id": ma}
        ).uid
    db.close()
    return str(path), uid


def _state(path: str, uid: str) -> tuple[IntroductionStage, list[str], str]:
    db = open_database(f"sqlite:///{path}")
    try:
        with db.read() as s:
            intro = s.scalars(sa.select(Introduction).where(Introduction.uid == uid)).one()
            titles = list(
                s.scalars(sa.select(FollowUp.title).where(FollowUp.introduction_id == intro.id))
            )
            return intro.stage, titles, stages.timeline(s, intro.id)[-1].note
    finally:
        db.close()


def test_move_keeps_the_suggested_followups_and_says_so(desk, capsys):
    path, uid = desk
    assert main(["--db", path, "move", uid, "asked", "--note", "asked by phone"]) == 0
    out = capsys.readouterr().out
    assert "Moved “Thérapies Laval ↔ Boston Cell” from proposed to asked." in out
    assert "Follow-up added: Check both answers" in out
    assert _state(path, uid) == (IntroductionStage.ASKED, ["Check both answers"], "asked by phone")


def test_a_warning_refuses_the_move_with_a_sentence_until_accepted(desk, capsys):
    path, uid = desk
    assert main(["--db", path, "move", uid, "introduced"]) == 1
    message = capsys.readouterr().err
    assert "was not moved: introduced without both parties' consent (double opt-in)" in message
    assert "--accept-warnings" in message
    assert _state(path, uid)[:2] == (IntroductionStage.PROPOSED, [])
    assert (
        main(["--db", path, "move", uid, "introduced", "--accept-warnings", "--followups", "none"])
        == 0
    )
    stage, titles, note = _state(path, uid)
    assert (stage, titles) == (IntroductionStage.INTRODUCED, [])
    assert "warnings accepted: consent_missing" in note


def test_closing_asks_for_the_outcome_and_an_unknown_introduction_is_named(desk, capsys):
    path, uid = desk
    assert main(["--db", path, "move", uid, "closed"]) == 2
    assert "closing an introduction needs its outcome: add --outcome" in capsys.readouterr().err
    assert main(["--db", path, "move", "no-such-uid", "asked"]) == 1
    assert "there is no introduction 'no-such-uid'" in capsys.readouterr().err
    assert main(["--db", path, "move", uid, "closed", "--outcome", "declined"]) == 0
    assert _state(path, uid)[0] is IntroductionStage.CLOSED
