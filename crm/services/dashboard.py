"""The dashboard's figures, each one SQL aggregate (no record is loaded to count it).

- `figures`: the totals (organizations by territory, contacts, introductions by stage, open
  and overdue follow-ups, upcoming events);
- `funnel`: live introductions by stage, in workflow order;
- `monthly`: introductions created per month (the last 12) by direction;
- `outcomes`: closed introductions by outcome;
- `overdue`: open follow-ups past due, per assignee;
- `connected`: the organizations that are a party to the most live introductions.

Direction of an introduction (who was introduced to whom): the side that asked for it.
The desk reads it, in this order, from

1. the introducer's side (the introducer's organization's territory, else their own): a
   Québec introducer brings a Québec party to Massachusetts: QC→MA;
2. the first consent recorded: the side that said yes first is the one that asked;
3. the owner's association (a MassBio address: MA→QC), else QC→MA.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime

import sqlalchemy as sa
from sqlalchemy.orm import InstrumentedAttribute, Session, aliased

from crm.db.models import Contact, Event, FollowUp, Introduction, Organization, StaffUser
from crm.domain.enums import FollowUpStatus, IntroductionOutcome, IntroductionStage, Territory
from crm.services.fields import staff_name

QC_MA = "qc_ma"
MA_QC = "ma_qc"
DIRECTIONS = (QC_MA, MA_QC)
MONTHS = 12
TOP = 10


@dataclass(frozen=True)
class Figures:
    """The dashboard's numbers."""

    organizations: dict[str, int]
    contacts: int
    introductions: dict[str, int]
    open_followups: int
    overdue_followups: int
    upcoming_events: int


def figures(session: Session, today: date) -> Figures:
    live = Organization.deleted_at.is_(None)
    by_territory = dict(
        session.execute(
            sa.select(Organization.territory, sa.func.count())
            .where(live)
            .group_by(Organization.territory)
        ).all()
    )
    by_stage = dict(
        session.execute(
            sa.select(Introduction.stage, sa.func.count())
            .where(Introduction.deleted_at.is_(None))
            .group_by(Introduction.stage)
        ).all()
    )
    contacts = (
        session.scalar(sa.select(sa.func.count(Contact.id)).where(Contact.deleted_at.is_(None)))
        or 0
    )
    open_fu = FollowUp.deleted_at.is_(None), FollowUp.status == FollowUpStatus.OPEN
    open_count = session.scalar(sa.select(sa.func.count(FollowUp.id)).where(*open_fu)) or 0
    overdue = (
        session.scalar(
            sa.select(sa.func.count(FollowUp.id)).where(*open_fu, FollowUp.due_date < today)
        )
        or 0
    )
    upcoming = (
        session.scalar(
            sa.select(sa.func.count(Event.id)).where(
                Event.deleted_at.is_(None), Event.starts_on >= today
            )
        )
        or 0
    )
    return Figures(
        organizations={str(t): int(by_territory.get(t, 0)) for t in Territory},
        contacts=int(contacts),
        introductions={str(s): int(by_stage.get(s, 0)) for s in IntroductionStage},
        open_followups=int(open_count),
        overdue_followups=int(overdue),
        upcoming_events=int(upcoming),
    )


@dataclass(frozen=True)
class Dashboard:
    totals: Figures
    funnel: list[tuple[str, int]]
    monthly: list[tuple[str, dict[str, int]]]  # ("2025-03", {"qc_ma": 2, "ma_qc": 1})
    outcomes: list[tuple[str, int]]
    overdue: list[tuple[int | None, str, int]]  # (staff id, name, count)
    connected: list[tuple[int, str, int]]  # (organization id, name, introductions)


def direction_expr() -> sa.ColumnElement[str]:
    """The CASE expression giving `qc_ma` or `ma_qc` for an introduction row (see the module)."""
    introducer = aliased(Contact, name="dir_introducer")
    introducer_org = aliased(Organization, name="dir_introducer_org")
    owner = aliased(StaffUser, name="dir_owner")
    side = sa.func.coalesce(
        sa.select(
            sa.case(
                (
                    introducer_org.territory.in_([Territory.QC, Territory.MA]),
                    introducer_org.territory,
                ),
                else_=introducer.territory,
            )
        )
        .select_from(introducer)
        .outerjoin(introducer_org, introducer_org.id == introducer.organization_id)
        .where(introducer.id == Introduction.introducer_contact_id)
        .correlate(Introduction)
        .scalar_subquery(),
        "",
    )
    owner_email = (
        sa.select(sa.func.lower(owner.email)).where(owner.id == Introduction.owner_id)
        .correlate(Introduction).scalar_subquery()
    )  # fmt: skip
    qc_at, ma_at = Introduction.qc_consent_at, Introduction.ma_consent_at
    return sa.case(
        (side == Territory.QC.value, QC_MA),
        (side == Territory.MA.value, MA_QC),
        (sa.and_(qc_at.is_not(None), sa.or_(ma_at.is_(None), qc_at < ma_at)), QC_MA),
        (sa.and_(ma_at.is_not(None), sa.or_(qc_at.is_(None), ma_at < qc_at)), MA_QC),
        (sa.func.coalesce(owner_email, "").like("%massbio%"), MA_QC),
        else_=QC_MA,
    )


def month_expr(
    session: Session, column: sa.ColumnElement[datetime] | InstrumentedAttribute[datetime]
) -> sa.ColumnElement[str]:
    if session.get_bind().dialect.name == "postgresql":
        return sa.func.to_char(column, "YYYY-MM")
    return sa.func.strftime("%Y-%m", column)


def month_keys(today: date, count: int = MONTHS) -> list[str]:
    """The last `count` months as YYYY-MM, oldest first, this month last."""
    keys = []
    year, month = today.year, today.month
    for _ in range(count):
        keys.append(f"{year:04d}-{month:02d}")
        year, month = (year, month - 1) if month > 1 else (year - 1, 12)
    return keys[::-1]


def funnel(session: Session) -> list[tuple[str, int]]:
    counts = dict(
        session.execute(
            sa.select(Introduction.stage, sa.func.count(Introduction.id))
            .where(Introduction.deleted_at.is_(None)).group_by(Introduction.stage)
        ).all()
    )  # fmt: skip
    return [(stage.value, int(counts.get(stage, 0))) for stage in IntroductionStage]


def monthly(
    session: Session, today: date, months: int = MONTHS
) -> list[tuple[str, dict[str, int]]]:
    keys = month_keys(today, months)
    first = datetime(int(keys[0][:4]), int(keys[0][5:]), 1, tzinfo=UTC)
    rows = (
        sa.select(month_expr(session, Introduction.created_at).label("month"),
                  direction_expr().label("direction"))
        .where(Introduction.deleted_at.is_(None), Introduction.created_at >= first)
        .subquery("by_month")
    )  # fmt: skip
    query = sa.select(rows.c.month, rows.c.direction, sa.func.count()).group_by(
        rows.c.month, rows.c.direction
    )
    found: dict[str, dict[str, int]] = {k: dict.fromkeys(DIRECTIONS, 0) for k in keys}
    for key, way, n in session.execute(query):
        if key in found:
            found[key][way] = int(n)
    return list(found.items())


def outcomes(session: Session) -> list[tuple[str, int]]:
    counts = dict(
        session.execute(
            sa.select(Introduction.outcome, sa.func.count(Introduction.id))
            .where(Introduction.deleted_at.is_(None), Introduction.stage == IntroductionStage.CLOSED,
                   Introduction.outcome.is_not(None))
            .group_by(Introduction.outcome)
        ).all()
    )  # fmt: skip
    return [(o.value, int(counts.get(o, 0))) for o in IntroductionOutcome]


def overdue(session: Session, today: date) -> list[tuple[int | None, str, int]]:
    name = sa.func.coalesce(staff_name(StaffUser), "")
    n = sa.func.count(FollowUp.id)
    query = (
        sa.select(FollowUp.assignee_id, name, n)
        .outerjoin(StaffUser, StaffUser.id == FollowUp.assignee_id)
        .where(FollowUp.deleted_at.is_(None), FollowUp.status == FollowUpStatus.OPEN,
               FollowUp.due_date < today)
        .group_by(FollowUp.assignee_id, name)
        .order_by(n.desc(), name)
    )  # fmt: skip
    return [(uid, who or "", int(count)) for uid, who, count in session.execute(query)]


def connected(session: Session, top: int = TOP) -> list[tuple[int, str, int]]:
    live = Introduction.deleted_at.is_(None)
    sides = sa.union_all(
        sa.select(Introduction.qc_organization_id.label("org_id"))
        .where(live, Introduction.qc_organization_id.is_not(None)),
        sa.select(Introduction.ma_organization_id.label("org_id"))
        .where(live, Introduction.ma_organization_id.is_not(None)),
    ).subquery("sides")  # fmt: skip
    n = sa.func.count()
    query = (
        sa.select(Organization.id, Organization.name, n)
        .join(sides, sides.c.org_id == Organization.id)
        .where(Organization.deleted_at.is_(None))
        .group_by(Organization.id, Organization.name)
        .order_by(n.desc(), Organization.name_folded, Organization.id)
        .limit(top)
    )
    return [(oid, name, int(count)) for oid, name, count in session.execute(query)]


def compute(session: Session, today: date) -> Dashboard:
    """Every figure of the dashboard (run it off the GUI thread)."""
    return Dashboard(
        totals=figures(session, today),
        funnel=funnel(session),
        monthly=monthly(session, today),
        outcomes=outcomes(session),
        overdue=overdue(session, today),
        connected=connected(session),
    )
