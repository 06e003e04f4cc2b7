"""The audit trail: who created, changed, deleted, restored or purged what, and when."""

from __future__ import annotations

import enum
import json
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime, time
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import Session

from crm.db.tables import audit_log, staff_users
from crm.services.fields import staff_name


def plain(value: Any) -> Any:
    """A JSON-friendly form of a column value."""
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, datetime | date | time):
        return value.isoformat()
    return value


def record(
    session: Session,
    actor_id: int | None,
    action: str,
    entity: str,
    record_id: int | None,
    record_uid: str = "",
    changes: Mapping[str, Any] | None = None,
) -> None:
    session.execute(
        sa.insert(audit_log).values(
            user_id=actor_id,
            action=action,
            entity=entity,
            record_id=record_id,
            record_uid=record_uid,
            changes=json.dumps(changes or {}, ensure_ascii=False, default=str),
        )
    )


def history(session: Session, entity: str, record_id: int) -> list[sa.Row[Any]]:
    """A record's audit rows (every column of the trail), oldest first."""
    a = audit_log.c
    query = sa.select(audit_log).where(a.entity == entity, a.record_id == record_id).order_by(a.id)
    return list(session.execute(query))


@dataclass(frozen=True)
class Change:
    """One entry of a record's history, as plain values: who did what to which fields."""

    at: datetime
    user: str
    action: str
    entity: str
    # field -> [before, after] for an update; field -> value for a create (as recorded).
    changes: dict[str, Any]


# An audit query's columns as `Change` takes them: when, who (by name), what, which.
_a = audit_log.c
_ENTRIES = sa.select(
    _a.at, sa.func.coalesce(staff_name(staff_users), ""), _a.action, _a.entity, _a.changes,
).select_from(audit_log).outerjoin(staff_users, staff_users.c.id == _a.user_id)  # fmt: skip


def _change(row: Any) -> Change:
    at, user, action, entity, text = row
    return Change(at, user, action, entity, _changes(text))


def history_of(session: Session, uid: str) -> list[Change]:
    """The audit trail of the record with this `uid`, oldest first (any kind, trashed or
    purged records too: the trail keeps their uid)."""
    query = _ENTRIES.where(_a.record_uid == uid.strip().lower()).order_by(_a.id)
    return [_change(row) for row in session.execute(query)]


def _changes(text: str) -> dict[str, Any]:
    try:
        found = json.loads(text) if text else {}
    except ValueError:
        return {}
    if not isinstance(found, dict):
        return {}
    # Keys starting with "_" are the desk's bookkeeping (what a merge moved, for its undo).
    return {k: v for k, v in found.items() if not k.startswith("_")}


def last_change(session: Session, entity: str, record_id: int) -> Change | None:
    """The newest entry of a record's history (who saved it last, and when), if any."""
    query = (
        _ENTRIES.where(_a.entity == entity, _a.record_id == record_id)
        .order_by(_a.id.desc())
        .limit(1)
    )
    row = session.execute(query).first()
    return None if row is None else _change(row)
