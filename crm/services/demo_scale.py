"""Synthetic data at scale: `load_scale` (`crm demo --scale N`), for the benchmarks and for
trying the desk at the size DESIGN.md budgets for.

It writes with bulk Core inserts (the per-record services would take minutes) the rows of
`demo_rows`, table by table, reading back the ids the next table points at; then records the
load in the audit trail and indexes it for search. It is deterministic for a seed
(tests/services/test_demo_scale_pin.py pins it).
"""

from __future__ import annotations

import random
from collections.abc import Callable, Sequence
from datetime import date
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import Session

from crm.db.base import table_of
from crm.db.models import (
    Contact,
    Event,
    FollowUp,
    Introduction,
    Organization,
    StaffUser,
    StageChange,
    contact_tags,
    organization_tags,
)
from crm.db.tables import utcnow
from crm.services import audit, indexing, tags
from crm.services.demo import DemoSummary
from crm.services.demo_rows import (
    Batch,
    Org,
    Person,
    Row,
    contact_row,
    followup_row,
    followup_subject,
    history_rows,
    introduction_row,
    organization_rows,
    parties_by_side,
    tag_rows,
)
from crm.services.demo_words import MA_CITIES, QC_CITIES, SCALE_TAGS

__all__ = ["load_scale"]

Progress = Callable[[int, int], None]
CHUNK = 5000


class _Ticker:
    """Counts the rows written and reports (done, total) to `progress`."""

    def __init__(self, total: int, progress: Progress | None) -> None:
        self.total, self.done, self.progress = total, 0, progress

    def __call__(self, count: int) -> None:
        self.done += count
        if self.progress is not None:
            self.progress(min(self.done, self.total), self.total)


def _insert(
    session: Session,
    table: sa.Table,
    rows: Sequence[Row],
    tick: Callable[[int], None] | None = None,
) -> None:
    for start in range(0, len(rows), CHUNK):
        chunk = rows[start : start + CHUNK]
        session.execute(sa.insert(table), chunk)
        if tick is not None:
            tick(len(chunk))


def _max_id(session: Session, model: Any) -> int:
    return int(session.scalar(sa.select(sa.func.coalesce(sa.func.max(model.id), 0))) or 0)


def _write(session: Session, model: Any, rows: Sequence[Row], tick: _Ticker) -> dict[str, int]:
    """Insert new records; map their uids to their new ids (they hold no other natural key)."""
    before = _max_id(session, model)
    _insert(session, table_of(model), rows, tick)
    query = sa.select(model.uid, model.id).where(model.id > before)
    return {uid: record_id for uid, record_id in session.execute(query)}


def _start(session: Session, actor_id: int | None, seed: int) -> Batch:
    staff = (
        sa.select(StaffUser.id)
        .where(StaffUser.deleted_at.is_(None), StaffUser.active.is_(True))
        .order_by(StaffUser.id)
    )
    staff_ids: list[int | None] = list(session.scalars(staff)) or [actor_id]
    live_events = sa.select(Event.id).where(Event.deleted_at.is_(None)).order_by(Event.id)
    event_ids = list(session.scalars(live_events))
    tag_ids = tags.ensure(session, list(SCALE_TAGS))
    return Batch(
        random.Random(seed), random.Random(f"{seed}:dates"), utcnow(), date.today(),
        _max_id(session, Contact), staff_ids, event_ids, tag_ids,
    )  # fmt: skip


def _write_organizations(session: Session, batch: Batch, count: int, tick: _Ticker) -> list[Org]:
    drawn = organization_rows(batch, count)
    ids = _write(session, Organization, [row for row, _ in drawn], tick)
    orgs = [
        Org(ids[row["uid"]], row["name"], side, kind, row["city"],
             (QC_CITIES if side == "QC" else MA_CITIES)[city][1], row["website_domain"])
        for row, (side, kind, city) in drawn
    ]  # fmt: skip
    _insert(
        session, organization_tags, tag_rows(batch, "organization_id", [o.id for o in orgs], 0.3)
    )
    return orgs


def _write_contacts(
    session: Session, batch: Batch, count: int, orgs: Sequence[Org], tick: _Ticker
) -> list[Person]:
    drawn = [contact_row(batch, i, orgs) for i in range(count)]
    ids = _write(session, Contact, [row for row, _, _ in drawn], tick)
    people = [
        Person(ids[row["uid"]], side, org, f"{row['first_name']} {row['last_name']}",
                row["do_not_contact"], row["language"])
        for row, side, org in drawn
    ]  # fmt: skip
    _insert(session, contact_tags, tag_rows(batch, "contact_id", [p.id for p in people], 0.2))
    return people


def _write_introductions(
    session: Session,
    batch: Batch,
    count: int,
    people: Sequence[Person],
    orgs: Sequence[Org],
    tick: _Ticker,
) -> list[tuple[int, int | None]]:
    """Introductions with one stage-history row each; (id, Québec contact id) of each."""
    sides = parties_by_side(people, orgs)
    rows = [introduction_row(batch, people, sides) for _ in range(count)]
    ids = _write(session, Introduction, rows, tick)
    _insert(session, table_of(StageChange), history_rows(rows, ids))
    return [(ids[row["uid"]], row["qc_contact_id"]) for row in rows]


def _write_followups(
    session: Session,
    batch: Batch,
    count: int,
    linked: tuple[Sequence[tuple[int, int | None]], Sequence[Person], Sequence[Org]],
    tick: _Ticker,
) -> tuple[int, int] | None:
    """Follow-ups, mostly on introductions; the span of their new ids."""
    intros, people, orgs = linked
    names = {p.id: (p.name, p.language) for p in people}
    rows = [
        followup_row(batch, followup_subject(batch, intros, people, orgs, names))
        for _ in range(count)
    ]
    before = _max_id(session, FollowUp)
    _insert(session, table_of(FollowUp), rows, tick)
    last = _max_id(session, FollowUp)
    return (before + 1, last) if last > before else None


def _span(ids: Sequence[int]) -> tuple[int, int] | None:
    return (min(ids), max(ids)) if ids else None


def load_scale(
    session: Session,
    actor_id: int | None,
    n: int,
    seed: int = 0,
    progress: Progress | None = None,
) -> DemoSummary:
    """Add `n` synthetic contacts with n/5 organizations, n/2 introductions and n/2 follow-ups.

    The same seed gives the same names, places and stages in the same order; loading again
    adds a new batch (emails and web domains carry an offset so they stay unique).
    """
    if n < 1:
        raise ValueError("the number of contacts to add must be at least 1")
    n_orgs, n_intros, n_followups = max(2, n // 5), n // 2, n // 2
    # Indexing reads back what was written: count it as much as the writing.
    tick = _Ticker(2 * (n_orgs + n + n_intros + n_followups), progress)
    batch = _start(session, actor_id, seed)
    orgs = _write_organizations(session, batch, n_orgs, tick)
    people = _write_contacts(session, batch, n, orgs, tick)
    intros = _write_introductions(session, batch, n_intros, people, orgs, tick)
    followup_span = _write_followups(session, batch, n_followups, (intros, people, orgs), tick)
    audit.record(
        session, actor_id, "create", "demo", None,
        changes={"organizations": n_orgs, "contacts": n, "introductions": n_intros,
                 "followups": n_followups, "seed": seed},
    )  # fmt: skip
    spans = {
        "organization": _span([o.id for o in orgs]),
        "contact": _span([p.id for p in people]),
        "introduction": _span([intro_id for intro_id, _ in intros]),
        "followup": followup_span,
    }
    summary = DemoSummary(
        organizations=n_orgs, contacts=n, introductions=n_intros, stage_changes=n_intros,
        followups=n_followups,
    )  # fmt: skip
    for kind, span in spans.items():
        if span is not None:
            summary.search_entries += indexing.index_range(session, kind, *span, tick)
    return summary
