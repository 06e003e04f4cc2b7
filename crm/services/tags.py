"""Tags on organizations and contacts, matched accent- and case-insensitively."""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from sqlalchemy.orm import Session

from crm.db.models import RECORD_MODELS, Tag, contact_tags, organization_tags
from crm.domain.text import fold

LINKS = {
    "organization": (organization_tags, "organization_id"),
    "contact": (contact_tags, "contact_id"),
}


def ensure(session: Session, names: Sequence[str]) -> list[int]:
    """Ids of these tags, creating the missing ones (the first spelling seen is kept)."""
    wanted = {fold(n): n for n in names if fold(n)}
    if not wanted:
        return []
    found = dict(
        session.execute(sa.select(Tag.name_folded, Tag.id).where(Tag.name_folded.in_(wanted))).all()
    )
    for key, name in wanted.items():
        if key not in found:
            tag = Tag(name=name, name_folded=key)
            session.add(tag)
            session.flush()
            found[key] = tag.id
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
        sa.select(Tag.name)
        .join(table, table.c.tag_id == Tag.id)
        .where(table.c[column] == record_id)
    )
    return sorted(session.scalars(query), key=fold)


def all_tags(session: Session) -> list[str]:
    return sorted(session.scalars(sa.select(Tag.name)), key=fold)


def choices(session: Session, kind: str) -> list[str]:
    """The tags in use on live records of `kind` (organization or contact), by folded name."""
    link, column = LINKS[kind]
    model = RECORD_MODELS[kind]
    query = (
        sa.select(Tag.name, Tag.name_folded)
        .where(
            sa.exists(
                sa.select(link.c.tag_id)
                .join(model, model.id == link.c[column])
                .where(link.c.tag_id == Tag.id, model.deleted_at.is_(None))
            )
        )
        .order_by(Tag.name_folded)
    )
    return [row[0] for row in session.execute(query)]
