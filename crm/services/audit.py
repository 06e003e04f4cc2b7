"""The audit trail: who created, changed, deleted, restored or purged what, and when."""

from __future__ import annotations

import enum
import json
from collections.abc import Mapping
from datetime import date, datetime, time
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import Session

from crm.db.base import table_of
from crm.db.models import AuditEntry


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
        sa.insert(table_of(AuditEntry)).values(
            user_id=actor_id,
            action=action,
            entity=entity,
            record_id=record_id,
            record_uid=record_uid,
            changes=json.dumps(changes or {}, ensure_ascii=False, default=str),
        )
    )


def history(session: Session, entity: str, record_id: int) -> list[AuditEntry]:
    query = (
        sa.select(AuditEntry)
        .where(AuditEntry.entity == entity, AuditEntry.record_id == record_id)
        .order_by(AuditEntry.id)
    )
    return list(session.scalars(query))
