"""Follow-ups: tasks with a due date and an assignee that keep introductions alive.

The record (fields, cleaning, search document), the actions staff take on one (complete,
snooze, reassign, and the undo of the first two), "My follow-ups" grouped by when they are
due, and what is due now for the reminder.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import Session

from crm.db.models import FollowUp, StaffUser
from crm.db.tables import utcnow
from crm.domain.dates import follow_up_due
from crm.domain.enums import FollowUpStatus, Priority
from crm.domain.errors import Issue, ValidationFailed
from crm.services import documents, lists, records
from crm.services.cleaning import Cleaner
from crm.services.links import LINK_FIELDS, check_links

FIELDS = (
    "title",
    "due_date",
    "due_time",
    "assignee_id",
    "priority",
    "status",
    "notes",
    *LINK_FIELDS,
)


def clean(session: Session, values: dict[str, Any]) -> dict[str, Any]:
    c = Cleaner(values)
    assignee_id = c.reference("assignee_id")
    if assignee_id is not None and session.get(StaffUser, assignee_id) is None:
        c.fail("assignee_id", "reference.missing", f"assignee_id: no staff user {assignee_id}")
    status = c.choice("status", FollowUpStatus, FollowUpStatus.OPEN)
    attrs: dict[str, Any] = {
        "title": c.text("title", required=True),
        "due_date": c.day("due_date", required=True),
        "due_time": c.clock("due_time"),
        "assignee_id": assignee_id,
        "priority": c.choice("priority", Priority, Priority.NORMAL),
        "status": status,
        "notes": c.text("notes", max_length=100_000),
        **check_links(session, c, required=False),
    }
    # completed_at follows the status: set when done, cleared when reopened.
    if status == FollowUpStatus.DONE:
        attrs["completed_at"] = values.get("completed_at") or utcnow()
    else:
        attrs["completed_at"] = None
    return c.done(attrs)


def starts(actor_id: int | None) -> dict[str, Any]:
    """A new follow-up is the acting user's, due in a few working days: it shows in their
    "My follow-ups" at once, and a blank due date is never what they meant."""
    return {"assignee_id": actor_id, "due_date": follow_up_due(date.today())}


service = records.EntitySpec(
    "followup", FollowUp, (*FIELDS, "completed_at"), clean, lambda f: f.title,
    document=documents.of_followup, default_order=("due_date",), starts=starts,
)  # fmt: skip


def open_for(
    session: Session, assignee_id: int | None, *, until: date | None = None
) -> list[FollowUp]:
    """Open follow-ups of one staff user (all users with None), soonest first."""
    where = [FollowUp.status == FollowUpStatus.OPEN]
    if assignee_id is not None:
        where.append(FollowUp.assignee_id == assignee_id)
    if until is not None:
        where.append(FollowUp.due_date <= until)
    return service.find(session, where=where, order_by=[FollowUp.due_date, FollowUp.due_time])


def overdue_count(session: Session, today: date) -> int:
    query = sa.select(sa.func.count()).where(
        FollowUp.deleted_at.is_(None),
        FollowUp.status == FollowUpStatus.OPEN,
        FollowUp.due_date < today,
    )
    return int(session.execute(query).scalar_one())


def _word(value: Any) -> str:
    return str(getattr(value, "value", value))


# --- acting on a follow-up ---------------------------------------------------------------------


def complete(
    session: Session, actor_id: int | None, followup_id: int, *, expected_version: int | None = None,
    outcome: str = "", next_step: Mapping[str, Any] | None = None,
) -> FollowUp:  # fmt: skip
    """Mark a follow-up done; `outcome` (what came of it) is added to its notes. With
    `next_step`, the follow-up that comes next is created in the same transaction (see
    `complete_with_next`)."""
    return complete_with_next(session, actor_id, followup_id, expected_version=expected_version,
                              outcome=outcome, next_step=next_step).followup  # fmt: skip


@dataclass(frozen=True)
class Completed:
    followup: FollowUp
    next_id: int | None = None


def complete_with_next(
    session: Session, actor_id: int | None, followup_id: int, *, expected_version: int | None = None,
    outcome: str = "", next_step: Mapping[str, Any] | None = None,
) -> Completed:  # fmt: skip
    """Complete a follow-up with an outcome note and, with `next_step` (title, due date...),
    the next follow-up: linked to the same records, assigned to the actor and due in 3
    working days unless said. One transaction: a refused next step (issues `next_*`)
    leaves the follow-up open."""
    changes: dict[str, Any] = {"status": "done"}
    outcome = outcome.strip()
    if outcome:
        task = service.get(session, followup_id)
        changes["notes"] = f"{task.notes.rstrip()}\n\n{outcome}" if task.notes.strip() else outcome
    done = service.update(session, actor_id, followup_id, changes,
                          expected_version=expected_version)  # fmt: skip
    if next_step is None:
        return Completed(done)
    links = {name: getattr(done, name) for name in LINK_FIELDS}
    return Completed(done, create_next(session, actor_id, links, next_step).id)


def create_next(
    session: Session, actor_id: int | None, links: Mapping[str, Any], values: Mapping[str, Any]
) -> FollowUp:
    """The follow-up for what comes next, linked as `links` say (the record just worked on),
    the actor's and due in 3 working days unless `values` say otherwise; its issues are
    named `next_<field>`, so a form holding both the action and its next step places them."""
    try:
        return service.create(session, actor_id, {**links, **values})
    except ValidationFailed as exc:
        raise ValidationFailed(_as_next(exc.issues), "next step") from None


def next_issues(session: Session, actor_id: int | None, values: Mapping[str, Any]) -> list[Issue]:
    """What is wrong with a next step's own values (named `next_<field>`), written or not."""
    try:
        clean(session, {**starts(actor_id), **values})
    except ValidationFailed as exc:
        return _as_next(exc.issues)
    return []


def _as_next(issues: list[Issue]) -> list[Issue]:
    return [Issue(f"next_{i.field}", i.code, i.message, i.params) for i in issues]


def undo_complete(
    session: Session, actor_id: int | None, followup_id: int, previous_status: FollowUpStatus | str,
    *, expected_version: int,
) -> FollowUp:  # fmt: skip
    """Reopen a follow-up completed by mistake: its status before (open, cancelled) comes back
    and its completion date goes. Refused (`StaleRecord`) if it changed since `complete`."""
    return service.update(session, actor_id, followup_id, {"status": previous_status},
                          expected_version=expected_version)  # fmt: skip


def snooze(
    session: Session,
    actor_id: int | None,
    followup_id: int,
    until: date,
    *,
    expected_version: int | None = None,
) -> FollowUp:
    return service.update(session, actor_id, followup_id, {"due_date": until},
                          expected_version=expected_version)  # fmt: skip


def undo_snooze(
    session: Session,
    actor_id: int | None,
    followup_id: int,
    previous_due: date,
    *,
    expected_version: int,
) -> FollowUp:
    """Give a snoozed follow-up its due date back. Refused (`StaleRecord`) if it changed since."""
    return service.update(session, actor_id, followup_id, {"due_date": previous_due},
                          expected_version=expected_version)  # fmt: skip


def reassign(
    session: Session, actor_id: int | None, followup_id: int, assignee_id: int | None
) -> FollowUp:
    return service.update(session, actor_id, followup_id, {"assignee_id": assignee_id})


# --- my follow-ups and what is due now --------------------------------------------------

GROUPS = ("overdue", "today", "week", "later")


@dataclass(frozen=True)
class FollowUpRow:
    id: int
    title: str
    due_date: date
    due_time: Any
    priority: str
    linked_to: str
    kind: str  # the kind of the linked record (organization, contact, introduction, event) or ""
    linked_id: int | None


@dataclass(frozen=True)
class FollowUpGroup:
    name: str
    total: int
    rows: list[FollowUpRow]


def followup_groups(
    session: Session, assignee_id: int | None, today: date, *, limit: int = 200
) -> list[FollowUpGroup]:
    """Open follow-ups of one staff user: overdue, today, this week (the next 7 days), later.

    Each group is counted in SQL and holds at most `limit` rows, soonest first.
    """
    F = FollowUp
    spec = lists.FOLLOWUPS
    ranges = {
        "overdue": (None, today - timedelta(days=1)),
        "today": (today, today),
        "week": (today + timedelta(days=1), today + timedelta(days=7)),
        "later": (today + timedelta(days=8), None),
    }
    groups = []
    for name in GROUPS:
        start, end = ranges[name]
        where = [F.deleted_at.is_(None), F.status == FollowUpStatus.OPEN]
        if assignee_id is not None:
            where.append(F.assignee_id == assignee_id)
        if start is not None:
            where.append(F.due_date >= start)
        if end is not None:
            where.append(F.due_date <= end)
        total = int(session.scalar(sa.select(sa.func.count(F.id)).where(*where)) or 0)
        linked = next(c.expr for c in spec.columns if c.key == "linked_to")
        columns: list[Any] = [
            F.id, F.title, F.due_date, F.due_time, F.priority, linked,
            F.organization_id, F.contact_id, F.introduction_id, F.event_id,
        ]  # fmt: skip
        query = spec.joins(sa.select(*columns).select_from(F)).where(*where).order_by(F.due_date, F.due_time, F.id).limit(limit)  # fmt: skip
        rows = []
        for fid, title, due, at, priority, label, org, person, intro, event in session.execute(
            query
        ):
            kind, link = next(
                ((k, v) for k, v in (("organization", org), ("contact", person),
                                     ("introduction", intro), ("event", event)) if v),
                ("", None),
            )  # fmt: skip
            rows.append(FollowUpRow(fid, title, due, at, _word(priority), label or "", kind, link))
        groups.append(FollowUpGroup(name, total, rows))
    return groups


def due_now(
    session: Session, assignee_id: int | None, now_local: datetime
) -> list[tuple[int, str]]:
    """Open follow-ups due by `now_local` (naive local time): dated before today, or today
    without a time, or today at a time already past. (id, title), soonest first."""
    F = FollowUp
    today = now_local.date()
    where = [F.deleted_at.is_(None), F.status == FollowUpStatus.OPEN, F.due_date <= today]
    if assignee_id is not None:
        where.append(F.assignee_id == assignee_id)
    query = (
        sa.select(F.id, F.title, F.due_date, F.due_time).where(*where).order_by(F.due_date, F.id)
    )
    return [
        (fid, title)
        for fid, title, due, at in session.execute(query)
        if due < today or at is None or at <= now_local.time()
    ]


def my_counts(session: Session, assignee_id: int, today: date) -> tuple[int, int]:
    """(open, overdue) follow-ups of one staff user, counted in one query (the sidebar)."""
    F = FollowUp
    late = sa.case((F.due_date < today, 1), else_=0)
    query = sa.select(sa.func.count(F.id), sa.func.coalesce(sa.func.sum(late), 0)).where(
        F.deleted_at.is_(None), F.status == FollowUpStatus.OPEN, F.assignee_id == assignee_id
    )
    total, overdue = session.execute(query).one()
    return int(total), int(overdue)
