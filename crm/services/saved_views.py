"""Saved views: a list's filter choices, filter text, shown columns and sort, under a name.

Each view belongs to one staff user and one list (`crm.services.lists.LISTS`, by record
kind). They live in the database (`saved_views`), not in one computer's settings: on the
team database a user finds their views on any desk, a restored backup brings them back,
and the same service serves the window and the tests. Names are unique per user and list.

The filter choices are what the list's controls hold (`{"territory": "QC", "due":
"overdue"}`), kept as JSON scalars; the window turns them back into its controls.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import Session

from crm.db.models import SavedView
from crm.domain.errors import coded
from crm.services.lists import LISTS

__all__ = ["View", "delete", "get", "rename", "save", "views"]

_SCALARS = (str, int, float, bool)


@dataclass(frozen=True)
class View:
    id: int
    list_name: str
    name: str
    filters: dict[str, Any] = field(default_factory=dict)
    text: str = ""
    columns: tuple[str, ...] = ()
    sort: str = ""
    descending: bool = False


def _view(row: SavedView) -> View:
    try:
        filters = json.loads(row.filters) if row.filters else {}
    except ValueError:
        filters = {}
    return View(
        row.id, row.list_name, row.name, filters if isinstance(filters, dict) else {}, row.text,
        tuple(c for c in row.columns.split(",") if c), row.sort, row.descending,
    )  # fmt: skip


def views(session: Session, user_id: int, list_name: str | None = None) -> list[View]:
    """The user's views (of one list), by list then name."""
    query = sa.select(SavedView).where(SavedView.user_id == user_id)
    if list_name is not None:
        query = query.where(SavedView.list_name == list_name)
    query = query.order_by(SavedView.list_name, sa.func.lower(SavedView.name), SavedView.id)
    return [_view(row) for row in session.scalars(query)]


def _row(session: Session, user_id: int, view_id: int) -> SavedView:
    row = session.get(SavedView, view_id)
    if row is None or row.user_id != user_id:
        raise coded("view.missing")
    return row


def get(session: Session, user_id: int, view_id: int) -> View:
    return _view(_row(session, user_id, view_id))


def _clean_name(name: str) -> str:
    cleaned = " ".join(name.split())
    if not cleaned:
        raise coded("view.name_required")
    return cleaned[:255]


def _taken(session: Session, user_id: int, list_name: str, name: str, but: int | None) -> bool:
    query = sa.select(SavedView.id).where(
        SavedView.user_id == user_id,
        SavedView.list_name == list_name,
        sa.func.lower(SavedView.name) == name.lower(),
    )
    if but is not None:
        query = query.where(SavedView.id != but)
    return session.scalar(query) is not None


def save(
    session: Session,
    user_id: int,
    list_name: str,
    name: str,
    *,
    filters: Mapping[str, Any] | None = None,
    text: str = "",
    columns: Sequence[str] = (),
    sort: str = "",
    descending: bool = False,
    replace: bool = False,
) -> View:
    """Save the view under `name` for `list_name`. A name the user already has for this list
    is refused (`view.name_taken`) unless `replace`, which then updates that view."""
    spec = LISTS.get(list_name)
    if spec is None:
        raise coded("view.unknown_list", list=list_name)
    name = _clean_name(name)
    for key in (*columns, *([sort] if sort else [])):
        if key not in spec.keys:
            raise coded("view.unknown_column", list=list_name, column=key)
    chosen = {str(k): v for k, v in (filters or {}).items() if isinstance(v, _SCALARS)}
    values = {
        "filters": json.dumps(chosen, ensure_ascii=False, sort_keys=True),
        "text": text.strip(),
        "columns": ",".join(columns),
        "sort": sort,
        "descending": bool(descending),
    }
    existing = session.scalar(
        sa.select(SavedView).where(
            SavedView.user_id == user_id,
            SavedView.list_name == list_name,
            sa.func.lower(SavedView.name) == name.lower(),
        )
    )
    if existing is not None and not replace:
        raise coded("view.name_taken", name=name)
    row = existing or SavedView(user_id=user_id, list_name=list_name, name=name)
    for key, value in values.items():
        setattr(row, key, value)
    row.name = name
    session.add(row)
    session.flush()
    return _view(row)


def rename(session: Session, user_id: int, view_id: int, name: str) -> View:
    row = _row(session, user_id, view_id)
    name = _clean_name(name)
    if _taken(session, user_id, row.list_name, name, row.id):
        raise coded("view.name_taken", name=name)
    row.name = name
    session.flush()
    return _view(row)


def delete(session: Session, user_id: int, view_id: int) -> View:
    row = _row(session, user_id, view_id)
    gone = _view(row)
    session.delete(row)
    session.flush()
    return gone
