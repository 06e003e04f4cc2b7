"""Follow-ups: tasks with a due date and an assignee that keep introductions alive."""

from __future__ import annotations

from datetime import date
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import Session

from crm.db.base import utcnow
from crm.db.models import FollowUp, StaffUser
from crm.domain.dates import follow_up_due
from crm.domain.enums import FollowUpStatus, Priority
from crm.services import documents, records
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
