"""The board and the stalled queue: introductions as plain cards, one column per stage.

Both read through the list engine's introduction list (`lists.INTRODUCTIONS`), capped per
column so 50k introductions never load at once. Moving a card is `stages.move_with_followups`.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import Session

from crm.db.base import utcnow
from crm.db.models import Introduction
from crm.domain.enums import IntroductionOutcome, IntroductionStage
from crm.domain.stage_rules import DEFAULT_STALLED_DAYS, STAGES
from crm.services import listing, lists
from crm.services.stages import word

CARDS_PER_COLUMN = 50


@dataclass(frozen=True)
class Card:
    """One introduction on the board, as plain values."""

    id: int
    qc_party: str
    ma_party: str
    purpose: str
    stage: str
    owner: str
    stage_changed_at: datetime
    title: str
    outcome: str = ""

    def days_in_stage(self, now: datetime) -> int:
        changed = self.stage_changed_at
        if changed.tzinfo is None:
            changed = changed.replace(tzinfo=now.tzinfo)
        return max((now - changed).days, 0)


@dataclass(frozen=True)
class Column:
    stage: str
    total: int
    cards: list[Card]

    @property
    def more(self) -> int:
        return self.total - len(self.cards)


_OUTCOMES = frozenset(o.value for o in IntroductionOutcome)


def _cards(rows: Iterable[tuple[Any, ...]]) -> list[Card]:
    cards = []
    for row in rows:
        # The list's stage column reads a closed introduction by its outcome.
        stage = str(word(row[4]))
        stage, outcome = (
            (IntroductionStage.CLOSED.value, stage) if stage in _OUTCOMES else (stage, "")
        )
        cards.append(Card(row[0], row[1] or "", row[2] or "", str(word(row[3])), stage,
                          row[5] or "", row[6], row[7] or "", outcome))  # fmt: skip
    return cards


def board(
    session: Session,
    *,
    owner_id: int | None = None,
    purpose: str | None = None,
    per_column: int = CARDS_PER_COLUMN,
) -> list[Column]:
    """One column per stage: its count and its first `per_column` cards (longest waiting first)."""
    spec = lists.INTRODUCTIONS
    columns = []
    for stage in STAGES:
        filters = {"stage": stage.value, "owner_id": owner_id, "purpose": purpose}
        query = listing.ListQuery(filters=filters, sort="stage_changed_at",
                                  descending=stage == IntroductionStage.CLOSED)  # fmt: skip
        total = listing.count(session, spec, query)
        rows = listing.page(session, spec, query, limit=per_column) if total else []
        columns.append(Column(stage.value, total, _cards(rows)))
    return columns


def card(session: Session, record_id: int) -> Card | None:
    rows = listing.rows_by_id(session, lists.INTRODUCTIONS, [record_id])
    return _cards([rows[0]])[0] if rows and rows[0] is not None else None


def _stalled_where(days: int, now: datetime) -> list[sa.ColumnElement[bool]]:
    return [
        Introduction.deleted_at.is_(None),
        Introduction.stage != IntroductionStage.CLOSED,
        Introduction.stage_changed_at < now - timedelta(days=days),
    ]


def stalled(
    session: Session,
    days: int = DEFAULT_STALLED_DAYS,
    *,
    now: datetime | None = None,
    owner_id: int | None = None,
    purpose: str | None = None,
    limit: int = CARDS_PER_COLUMN,
) -> tuple[int, list[Card]]:
    """Open introductions with no stage change for `days` days: (count, the oldest `limit`)."""
    now = now or utcnow()
    spec = lists.INTRODUCTIONS
    where = _stalled_where(days, now)
    if owner_id is not None:
        where.append(Introduction.owner_id == owner_id)
    if purpose:
        where.append(Introduction.purpose == purpose)
    total = int(session.scalar(sa.select(sa.func.count(Introduction.id)).where(*where)) or 0)
    statement = listing.statement(spec, listing.ListQuery(sort="stage_changed_at")).where(*where)
    rows = session.execute(statement.limit(limit)).all()
    return total, _cards(rows)
