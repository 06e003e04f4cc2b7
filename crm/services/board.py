"""The board and the stalled queue: introductions as plain cards, one column per stage.

A card carries what the board paints: each side's organization and person, the purpose, the
stage and (apart) the outcome, the owner and their initials, when the stage last changed,
and whether an open follow-up of the introduction is overdue. One SELECT per column, capped
at `per_column` cards, and one GROUP BY for the column counts, so 50k introductions never
load at once. Moving a card is `stages.move_with_followups`.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import Session, aliased

from crm.db.models import Contact, FollowUp, Introduction, Organization, StaffUser
from crm.db.tables import utcnow
from crm.domain.enums import FollowUpStatus, IntroductionStage
from crm.domain.stage_rules import DEFAULT_STALLED_DAYS, STAGES
from crm.services.fields import person_name, staff_name
from crm.services.stages import word

CARDS_PER_COLUMN = 50


def initials(name: str) -> str:
    """Up to two letters for a staff user: "Marie Tremblay" gives "MT", a bare login one letter."""
    words = [w for w in name.replace("-", " ").split() if w]
    return "".join(w[0] for w in words[:2]).upper()


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
    qc_person: str = ""
    ma_person: str = ""
    overdue: bool = False

    @property
    def owner_initials(self) -> str:
        return initials(self.owner)

    def side(self, which: str) -> tuple[str, str]:
        """(organization, person) of one side ("qc" or "ma"); the organization may be ""."""
        party, person = (
            (self.qc_party, self.qc_person) if which == "qc" else (self.ma_party, self.ma_person)
        )
        return ("", person) if party == person else (party, person)

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


_qc_org = aliased(Organization, name="card_qc_org")
_ma_org = aliased(Organization, name="card_ma_org")
_qc_person = aliased(Contact, name="card_qc_contact")
_ma_person = aliased(Contact, name="card_ma_contact")
_owner = aliased(StaffUser, name="card_owner")


def _overdue(today: date) -> sa.ColumnElement[bool]:
    return sa.exists(
        sa.select(FollowUp.id).where(
            FollowUp.introduction_id == Introduction.id,
            FollowUp.deleted_at.is_(None),
            FollowUp.status == FollowUpStatus.OPEN,
            FollowUp.due_date < today,
        )
    )


def _select(today: date) -> sa.Select[Any]:
    qc_person, ma_person = person_name(_qc_person), person_name(_ma_person)
    return (
        sa.select(
            Introduction.id,
            _qc_org.name,
            qc_person,
            _ma_org.name,
            ma_person,
            Introduction.purpose,
            Introduction.stage,
            Introduction.outcome,
            staff_name(_owner),
            Introduction.stage_changed_at,
            Introduction.title,
            _overdue(today),
        )
        .select_from(Introduction)
        .outerjoin(_qc_org, _qc_org.id == Introduction.qc_organization_id)
        .outerjoin(_ma_org, _ma_org.id == Introduction.ma_organization_id)
        .outerjoin(_qc_person, _qc_person.id == Introduction.qc_contact_id)
        .outerjoin(_ma_person, _ma_person.id == Introduction.ma_contact_id)
        .outerjoin(_owner, _owner.id == Introduction.owner_id)
    )


def _first(
    today: date, where: list[sa.ColumnElement[bool]], order: Any, limit: int
) -> sa.Select[Any]:
    """The cards of the first `limit` introductions in `order`: the ids are picked first,
    so the joins and the overdue check run for the cards shown, not for the whole column."""
    ids = (
        sa.select(Introduction.id)
        .where(*where)
        .order_by(order, Introduction.id)
        .limit(limit)
        .subquery("shown")
    )
    return _select(today).join(ids, ids.c.id == Introduction.id).order_by(order, Introduction.id)


def _cards(rows: Iterable[tuple[Any, ...]]) -> list[Card]:
    cards = []
    for row in rows:
        (rid, qc_org, qc_person, ma_org, ma_person, purpose, stage, outcome, owner, changed,
         title, overdue) = row  # fmt: skip
        qc_person, ma_person = (qc_person or "").strip(), (ma_person or "").strip()
        cards.append(
            Card(
                rid,
                qc_org or qc_person,
                ma_org or ma_person,
                str(word(purpose)),
                str(word(stage)),
                owner or "",
                changed,
                title or "",
                word(outcome) or "",
                qc_person,
                ma_person,
                bool(overdue),
            )
        )
    return cards


def _where(owner_id: int | None, purpose: str | None) -> list[sa.ColumnElement[bool]]:
    where: list[sa.ColumnElement[bool]] = [Introduction.deleted_at.is_(None)]
    if owner_id is not None:
        where.append(Introduction.owner_id == int(owner_id))
    if purpose:
        where.append(Introduction.purpose == purpose)
    return where


def board(
    session: Session,
    *,
    owner_id: int | None = None,
    purpose: str | None = None,
    per_column: int = CARDS_PER_COLUMN,
    today: date | None = None,
) -> list[Column]:
    """One column per stage: its count and its first `per_column` cards (longest waiting
    first; the closed column most recent first)."""
    today = today or date.today()
    where = _where(owner_id, purpose)
    totals = {
        str(word(stage)): int(n)
        for stage, n in session.execute(
            sa.select(Introduction.stage, sa.func.count(Introduction.id))
            .where(*where)
            .group_by(Introduction.stage)
        )
    }
    columns = []
    for stage in STAGES:
        total = totals.get(stage.value, 0)
        cards: list[Card] = []
        if total:
            latest = stage == IntroductionStage.CLOSED
            order = (
                Introduction.stage_changed_at.desc() if latest else Introduction.stage_changed_at
            )
            cards = _cards(session.execute(_first(today, [*where, Introduction.stage == stage],
                                                  order, per_column)).all())  # fmt: skip
        columns.append(Column(stage.value, total, cards))
    return columns


def card(session: Session, record_id: int, today: date | None = None) -> Card | None:
    rows = session.execute(_select(today or date.today()).where(Introduction.id == record_id)).all()
    return _cards(rows)[0] if rows else None


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
    where = [
        *_where(owner_id, purpose),
        Introduction.stage != IntroductionStage.CLOSED,
        Introduction.stage_changed_at < now - timedelta(days=days),
    ]
    total = int(session.scalar(sa.select(sa.func.count(Introduction.id)).where(*where)) or 0)
    rows = session.execute(_first(now.date(), where, Introduction.stage_changed_at, limit)).all()
    return total, _cards(rows)
