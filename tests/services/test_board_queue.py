"""The board and the stalled queue on both databases: cards capped per column, filters,
open introductions without movement."""

from __future__ import annotations

from datetime import timedelta

import sqlalchemy as sa

from crm.db.base import utcnow
from crm.db.models import Introduction
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
