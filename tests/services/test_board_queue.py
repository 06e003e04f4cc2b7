"""The board and the stalled queue on both databases: cards capped per column, filters,
open introductions without movement."""

from __future__ import annotations

from datetime import timedelta

import sqlalchemy as sa

from crm.db.models import Introduction
from crm.db.tables import utcnow
from crm.services import board, stages


def test_board_caps_cards_and_filters(db, actor, sides, new_intro):
    for _ in range(5):
        new_intro(qc_organization_id=sides["qc"], ma_organization_id=sides["ma"], owner_id=actor)
    other = new_intro(qc_organization_id=sides["qc"], ma_organization_id=sides["ma2"],
                   purpose="investment", owner_id=None)  # fmt: skip
    with db.write() as s:
        stages.move(s, actor, other, "asked", accepted_warnings=stages.WARNING_CODES)
    with db.read() as s:
        columns = board.board(s, per_column=3)
        assert [(c.stage, c.total, len(c.cards), c.more) for c in columns[:2]] == [
            ("proposed", 5, 3, 2),
            ("asked", 1, 1, 0),
        ]
        assert columns[1].cards[0].ma_party == "Cambridge Bio"
        assert columns[1].cards[0].purpose == "investment"
        assert columns[0].cards[0].owner == "Marie Tremblay"
        assert board.board(s, owner_id=actor)[1].total == 0
        assert board.board(s, purpose="investment")[0].total == 0
        assert board.board(s, purpose="investment")[1].total == 1


def test_stalled_queue_counts_open_introductions_without_movement(db, actor, sides, new_intro):
    old = new_intro(qc_organization_id=sides["qc"], ma_organization_id=sides["ma"])
    recent = new_intro(qc_organization_id=sides["qc"], ma_organization_id=sides["ma2"])
    closed = new_intro(qc_contact_id=sides["eric"], ma_contact_id=sides["ava"])
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


def test_a_card_holds_both_sides_people_initials_and_the_overdue_badge(db, actor, sides, new_intro):
    from datetime import date

    from crm.services import followups

    both = new_intro(qc_organization_id=sides["qc"], qc_contact_id=sides["eric"],
                     ma_organization_id=sides["ma"], ma_contact_id=sides["ava"], owner_id=actor)  # fmt: skip
    people = new_intro(qc_contact_id=sides["eric"], ma_contact_id=sides["ava"])
    with db.write() as s:
        for title, due, status in (
            ("late", "2020-01-02", "open"),
            ("done late", "2020-01-02", "done"),
        ):
            followups.service.create(s, actor, {"title": title, "due_date": due, "status": status,
                                                "introduction_id": both})  # fmt: skip
        followups.service.create(s, actor, {"title": "later", "due_date": "2099-01-01",
                                            "introduction_id": people})  # fmt: skip
    with db.read() as s:
        cards = {c.id: c for c in board.board(s, today=date(2026, 1, 5))[0].cards}
    card = cards[both]
    assert (card.side("qc"), card.side("ma")) == (
        ("Thérapies Laval", "Éric Côté"),
        ("Boston Cell", "Ava Smith"),
    )
    assert (card.owner, card.owner_initials, card.overdue) == ("Marie Tremblay", "MT", True)
    alone = cards[people]  # no organization: the person is the party, said once
    assert (alone.side("qc"), alone.qc_party, alone.overdue) == (
        ("", "Éric Côté"),
        "Éric Côté",
        False,
    )
    assert (alone.owner_initials, alone.stage, alone.outcome) == ("MT", "proposed", "")


def test_a_closed_card_has_its_stage_and_its_outcome_apart(db, actor, sides, new_intro):
    closed = new_intro(qc_organization_id=sides["qc"], ma_organization_id=sides["ma"])
    with db.write() as s:
        stages.move(s, actor, closed, "closed", outcome="declined")
    with db.read() as s:
        column = board.board(s)[-1]
        found = board.card(s, closed)
    assert (column.stage, column.total) == ("closed", 1)
    assert (column.cards[0].stage, column.cards[0].outcome) == ("closed", "declined")
    assert found is not None and (found.stage, found.outcome) == ("closed", "declined")
    assert board.initials("mtremblay") == "M" and board.initials("Jean-Luc Roy") == "JL"
