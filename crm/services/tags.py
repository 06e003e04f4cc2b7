"""Tags on organizations and contacts, matched accent- and case-insensitively.

Read and written with the Core tables: a list page's tag filter fills without the mapped
classes (the window's first page loads no ORM mapping).
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from sqlalchemy.orm import Session

from crm.db import tables
from crm.domain.text import fold

LINKS = {
    "organization": (tables.organization_tags, "organization_id"),
    "contact": (tables.contact_tags, "contact_id"),
}
# The records each link table tags.
_RECORDS = {"organization": tables.organizations, "contact": tables.contacts}
_tag = tables.tags.c


def ensure(session: Session, names: Sequence[str]) -> list[int]:
    """Ids of these tags, creating the missing ones (the first spelling seen is kept)."""
    wanted = {fold(n): n for n in names if fold(n)}
    if not wanted:
        return []
    query = sa.select(_tag.name_folded, _tag.id).where(_tag.name_folded.in_(wanted))
    found = dict(session.execute(query).all())
    for key, name in wanted.items():
        if key not in found:
            added = sa.insert(tables.tags).values(name=name, name_folded=key).returning(_tag.id)
            found[key] = session.execute(added).scalar_one()
    return [found[key] for key in wanted]


def set_tags(session: Session, kind: str, record_id: int, names: Sequence[str]) -> None:
    table, column = LINKS[kind]
    session.execute(sa.delete(table).where(table.c[column] == record_id))
    ids = ensure(session, names)
    if ids:
        session.execute(sa.insert(table), [{column: record_id, "tag_id": tag_id} for tag_id in ids])


def tags_of(session: Session, kind: str, record_id: int) -> list[str]:
    table, column = LINKS[kind]
    query = (
        sa.select(_tag.name)
        .join(table, table.c.tag_id == _tag.id)
        .where(table.c[column] == record_id)
    )
    return sorted(session.scalars(query), key=fold)


def all_tags(session: Session) -> list[str]:
    return sorted(session.scalars(sa.select(_tag.name)), key=fold)


def choices(session: Session, kind: str) -> list[str]:
    """The tags in use on live records of `kind` (organization or contact), by folded name."""
    link, column = LINKS[kind]
    records = _RECORDS[kind]
    query = (
        sa.select(_tag.name, _tag.name_folded)
        .where(
            sa.exists(
                sa.select(link.c.tag_id)
                .join(records, records.c.id == link.c[column])
                .where(link.c.tag_id == _tag.id, records.c.deleted_at.is_(None))
            )
        )
        .order_by(_tag.name_folded)
    )
    return [row[0] for row in session.execute(query)]
