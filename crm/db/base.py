"""The one declarative base of the desk and the mixin of its records.

The tables themselves, their naming convention and the UTC datetime type are
`crm.db.tables`'; this module is the ORM's side of them, loaded by the services that map
records to objects.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any, cast

import sqlalchemy as sa
from sqlalchemy.orm import DeclarativeBase, Mapped, declared_attr

from crm.db import tables


def table_of(model: type[Any]) -> sa.Table:
    """A mapped class's Table, typed as one (declarative types `__table__` as a FromClause)."""
    return cast(sa.Table, model.__table__)


class Base(DeclarativeBase):
    metadata = tables.metadata


class Record:
    """The attributes every record the staff see carries (see `tables._record_columns`);
    the version counter is checked on every UPDATE (optimistic locking: an edit over a
    stale copy raises instead of overwriting)."""

    id: Mapped[int]
    uid: Mapped[str]
    created_at: Mapped[datetime]
    updated_at: Mapped[datetime]
    deleted_at: Mapped[datetime | None]
    deleted_by_id: Mapped[int | None]
    version: Mapped[int]

    @declared_attr.directive
    def __mapper_args__(cls) -> dict[str, Any]:
        return {"version_id_col": cls.__table__.c.version}  # type: ignore[attr-defined]

    @property
    def is_deleted(self) -> bool:
        return self.deleted_at is not None
