"""Saved export profiles: a partner's file recipe (entity, columns, header language, delimiter,
encoding, consent choice, filters and filter text), reusable from the window and
`crm export --profile NAME`.

`starting_profile(entity, lang)` is what an export starts from when no profile is chosen:
what the user would choose, never more than a partner should get. Internal notes stay in
the desk unless a profile asks for them; French staff get French headers and `;` (what
French Excel opens), English staff field names and `,`.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field, replace
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import Session

from crm.db.tables import export_profiles as stored
from crm.domain import csv_headers
from crm.domain.errors import DeskError, NotFound
from crm.services import audit
from crm.services.export_columns import ExportRequest

__all__ = [
    "INTERNAL_COLUMNS",
    "Profile",
    "default_columns",
    "delete",
    "get",
    "names",
    "profiles",
    "request_from",
    "save",
    "starting_profile",
]

# Free text staff write for themselves: never in a partner's file unless a profile says so.
INTERNAL_COLUMNS = frozenset({"notes"})
# The filter text is kept beside the list filters, in the same JSON (no list filter has this name).
_TEXT_KEY = "text"


@dataclass(frozen=True)
class Profile:
    name: str
    entity: str
    recipient: str = ""
    columns: tuple[str, ...] = ()
    lang: str = "en"
    delimiter: str = ","
    encoding: str = "utf-8-sig"
    include_without_consent: bool = False
    filters: dict[str, Any] = field(default_factory=dict)
    text: str = ""


def default_columns(entity: str) -> tuple[str, ...]:
    """The columns an export of `entity` starts with: the usual ones but internal notes."""
    return tuple(c for c in csv_headers.DEFAULT_COLUMNS[entity] if c not in INTERNAL_COLUMNS)


def starting_profile(entity: str, lang: str) -> Profile:
    """What an export starts from, without a profile, for staff working in `lang`."""
    french = lang == "fr"
    return Profile("", entity, "", default_columns(entity), "fr" if french else "en",
                   ";" if french else ",")  # fmt: skip


def _profile(row: Any) -> Profile:
    try:
        filters = json.loads(row.filters) if row.filters else {}
    except ValueError:
        filters = {}
    if not isinstance(filters, dict):
        filters = {}
    text = filters.pop(_TEXT_KEY, "")
    return Profile(
        row.name, row.entity, row.recipient, tuple(c for c in row.columns.split(",") if c),
        row.lang, row.delimiter, row.encoding, row.include_without_consent, filters,
        text if isinstance(text, str) else "",
    )  # fmt: skip


def _row(session: Session, name: str) -> Any:
    """The stored profile called `name` (a row of its table), or None."""
    return session.execute(sa.select(stored).where(stored.c.name == name.strip())).first()


def get(session: Session, name: str) -> Profile:
    row = _row(session, name)
    if row is None:
        known = ", ".join(names(session)) or "none saved yet"
        raise NotFound("export profile", name, f"no export profile named '{name}' (known: {known})")
    return _profile(row)


def names(session: Session, entity: str | None = None) -> list[str]:
    query = sa.select(stored.c.name).order_by(sa.func.lower(stored.c.name))
    if entity:
        query = query.where(stored.c.entity == entity)
    return list(session.scalars(query))


def profiles(session: Session, entity: str | None = None) -> list[Profile]:
    query = sa.select(stored).order_by(sa.func.lower(stored.c.name))
    if entity:
        query = query.where(stored.c.entity == entity)
    return [_profile(row) for row in session.execute(query)]


def save(session: Session, actor_id: int | None, profile: Profile) -> Profile:
    """Create the profile, or replace the one of the same name. Options are checked first."""
    name = profile.name.strip()
    if not name:
        raise DeskError("an export profile needs a name")
    checked = request_from(profile).checked()  # raises DeskError for a bad column or option
    values = {
        "recipient": profile.recipient.strip(),
        "entity": checked.entity,
        "columns": ",".join(checked.columns),
        "lang": checked.lang,
        "delimiter": profile.delimiter if profile.delimiter != "\t" else "tab",
        "encoding": checked.encoding,
        "include_without_consent": checked.include_without_consent,
        "filters": json.dumps(_stored_filters(profile), ensure_ascii=False, default=str),
    }
    row = _row(session, name)
    action = "update"
    if row is None:
        write: Any = sa.insert(stored).values(name=name, user_id=actor_id, **values)
        action = "create"
    else:
        write = sa.update(stored).where(stored.c.id == row.id).values(**values)
    saved = session.execute(write.returning(*stored.c)).one()
    audit.record(
        session, actor_id, action, "export_profile", saved.id, saved.uid, {"name": [None, name]}
    )
    return _profile(saved)


def _stored_filters(profile: Profile) -> dict[str, Any]:
    filters = {k: v for k, v in profile.filters.items() if k != _TEXT_KEY}
    text = profile.text.strip()
    return {**filters, _TEXT_KEY: text} if text else filters


def delete(session: Session, actor_id: int | None, name: str) -> None:
    row = _row(session, name)
    if row is None:
        raise NotFound("export profile", name)
    audit.record(
        session, actor_id, "delete", "export_profile", row.id, row.uid, {"name": [name, None]}
    )
    session.execute(sa.delete(stored).where(stored.c.id == row.id))


def request_from(profile: Profile, **overrides: Any) -> ExportRequest:
    """The export request a profile describes; `overrides` (not None) win over it."""
    delimiter = "\t" if profile.delimiter == "tab" else profile.delimiter
    request = ExportRequest(
        profile.entity, profile.columns, profile.lang, delimiter, profile.encoding,
        profile.include_without_consent, dict(profile.filters), profile.text, None, profile.name,
        profile.recipient,
    )  # fmt: skip
    chosen = {k: v for k, v in overrides.items() if v is not None}
    return replace(request, **chosen)
