"""Editing many records at once: one value set on a selection (a territory, a membership, a
language, an owner or assignee, a consent answer with its date and channel) or a tag added
to or removed from it.

`apply(session, actor_id, kind, ids, change)` runs in the caller's transaction with bulk
statements (one read, one UPDATE per chunk, one audit insert, one re-index): a thousand
contacts take a few statements, not a thousand saves. Records already at the value are left
alone; each one changed gets its own audit entry and a new version. The `Edited` it returns
is what `undo` needs to take the whole edit back as one action, refused (`StaleRecord`,
nothing undone) when one of the records changed since.
"""

from __future__ import annotations

import enum
import json
from collections import defaultdict
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import Session

from crm.db.base import table_of
from crm.db.models import RECORD_MODELS, AuditEntry, StaffUser, Tag
from crm.db.tables import utcnow
from crm.domain.enums import Consent, Language, Membership, Territory
from crm.domain.errors import StaleRecord, coded
from crm.domain.text import fold
from crm.services import audit, indexing, tags

CONSENT = "share_with_partners"
TAGS = "tags"

# What can be set on a selection, by kind: field -> its enum, "user" (a staff user's id),
# "tags" or "consent" (the answer with its date and channel).
EDITS: dict[str, dict[str, type[enum.Enum] | str]] = {
    "contact": {
        TAGS: TAGS, "territory": Territory, "language": Language, CONSENT: "consent",
    },
    "organization": {TAGS: TAGS, "territory": Territory, "membership": Membership},
    "introduction": {"owner_id": "user"},
    "followup": {"assignee_id": "user"},
    "event": {"territory": Territory},
}  # fmt: skip

CHUNK = 5000


@dataclass(frozen=True)
class Change:
    """The one change made to every selected record: `field` to `value` (a tag's name for
    tags, with `remove` to take it off; for a consent answer, its `day` and `channel`)."""

    field: str
    value: Any
    remove: bool = False
    day: date | None = None
    channel: str = ""


@dataclass(frozen=True)
class Edited:
    """What an edit changed: each changed record's values before (by column, as stored) and
    the version it left; `label` names the first of them."""

    kind: str
    change: Change
    before: dict[int, dict[str, Any]]
    versions: dict[int, int]
    label: str = ""
    # The column values the edit set (none for a tag).
    values: dict[str, Any] = field(default_factory=dict)

    @property
    def count(self) -> int:
        return len(self.versions)


def _chunks(ids: Sequence[int]) -> Iterator[list[int]]:
    for start in range(0, len(ids), CHUNK):
        yield list(ids[start : start + CHUNK])


def _bump() -> dict[str, Any]:
    return {"updated_at": utcnow()}


def _columns(kind: str, change: Change, session: Session) -> dict[str, Any]:
    """The column values `change` sets, checked (nothing is written when one is wrong)."""
    how = EDITS.get(kind, {}).get(change.field)
    if how is None:
        raise coded("bulk.not_editable", field=change.field, kind=kind)
    if how == "user":
        user = session.get(StaffUser, change.value) if isinstance(change.value, int) else None
        if user is None or not user.active or user.deleted_at is not None:
            raise coded("bulk.no_user", user=change.value)
        return {change.field: user.id}
    if how == "consent":
        answer = _enum(Consent, change.value, change.field)
        return {
            CONSENT: answer,
            "consent_date": change.day,
            "consent_source": change.channel.strip(),
        }
    assert isinstance(how, type)
    return {change.field: _enum(how, change.value, change.field)}


def _enum(kind: type[enum.Enum], value: Any, field: str) -> Any:
    try:
        return kind(value)
    except ValueError:
        raise coded("bulk.bad_value", value=value, field=field) from None


def _first_label(session: Session, kind: str, record_id: int | None) -> str:
    if record_id is None:
        return ""
    from crm.services.kinds import service_of

    return str(service_of(kind).label(session.get(RECORD_MODELS[kind], record_id)))


def _audit(
    session: Session, actor_id: int | None, kind: str, uids: Mapping[int, str],
    diffs: Mapping[int, dict[str, list[Any]]],
) -> None:  # fmt: skip
    at = utcnow()
    rows = [
        {"at": at, "user_id": actor_id, "action": "update", "entity": kind,
         "record_id": record_id, "record_uid": uids[record_id],
         "changes": json.dumps(diff, ensure_ascii=False, default=str)}
        for record_id, diff in diffs.items()
    ]  # fmt: skip
    if rows:
        session.execute(sa.insert(table_of(AuditEntry)), rows)


def _bump_versions(session: Session, kind: str, ids: Sequence[int]) -> dict[int, int]:
    table = table_of(RECORD_MODELS[kind])
    versions: dict[int, int] = {}
    for chunk in _chunks(ids):
        session.execute(
            sa.update(table)
            .where(table.c.id.in_(chunk))
            .values(version=table.c.version + 1, **_bump())
        )
        query = sa.select(table.c.id, table.c.version).where(table.c.id.in_(chunk))
        versions.update((r.id, r.version) for r in session.execute(query))
    return versions


def _tag_names(session: Session, kind: str, ids: Sequence[int]) -> dict[int, list[str]]:
    link, column = tags.LINKS[kind]
    found: dict[int, list[str]] = defaultdict(list)
    for chunk in _chunks(ids):
        query = (
            sa.select(link.c[column], Tag.name)
            .join(Tag, Tag.id == link.c.tag_id)
            .where(link.c[column].in_(chunk))
        )
        for record_id, name in session.execute(query):
            found[record_id].append(name)
    return {i: sorted(found[i], key=fold) for i in ids}


def _live(session: Session, kind: str, ids: Sequence[int]) -> list[Any]:
    table = table_of(RECORD_MODELS[kind])
    rows: list[Any] = []
    for chunk in _chunks(sorted(set(ids))):
        query = sa.select(table).where(table.c.id.in_(chunk), table.c.deleted_at.is_(None))
        rows.extend(session.execute(query))
    return rows


def apply(
    session: Session, actor_id: int | None, kind: str, ids: Sequence[int], change: Change
) -> Edited:
    """Make `change` on the live records of `kind` among `ids`, in one transaction."""
    rows = _live(session, kind, ids)
    uids = {r.id: r.uid for r in rows}
    if change.field == TAGS:
        return _apply_tag(session, actor_id, kind, rows, uids, change)
    values = _columns(kind, change, session)
    table = table_of(RECORD_MODELS[kind])
    changed = [r for r in rows if any(getattr(r, k) != v for k, v in values.items())]
    before = {r.id: {k: getattr(r, k) for k in values} for r in changed}
    ids_changed = [r.id for r in changed]
    for chunk in _chunks(ids_changed):
        session.execute(sa.update(table).where(table.c.id.in_(chunk)).values(values))
    versions = _bump_versions(session, kind, ids_changed)
    plain = {k: audit.plain(v) for k, v in values.items()}
    _audit(session, actor_id, kind, uids, {
        i: {k: [audit.plain(old[k]), plain[k]] for k in values if old[k] != values[k]}
        for i, old in before.items()
    })  # fmt: skip
    indexing.index_rows(session, kind, ids_changed)
    label = _first_label(session, kind, ids_changed[0] if ids_changed else None)
    return Edited(kind, change, before, versions, label, values)


def _apply_tag(
    session: Session, actor_id: int | None, kind: str, rows: Sequence[Any],
    uids: Mapping[int, str], change: Change,
) -> Edited:  # fmt: skip
    if kind not in tags.LINKS or TAGS not in EDITS.get(kind, {}):
        raise coded("bulk.not_editable", field=TAGS, kind=kind)
    name = str(change.value or "").strip()
    if not fold(name):
        raise coded("bulk.bad_value", value=name, field=TAGS)
    link, column = tags.LINKS[kind]
    ids = [r.id for r in rows]
    names = _tag_names(session, kind, ids)
    key = fold(name)
    has = {i for i in ids if any(fold(n) == key for n in names[i])}
    if change.remove:
        changed = sorted(has)
        tag_id = session.scalar(sa.select(Tag.id).where(Tag.name_folded == key))
        for chunk in _chunks(changed):
            session.execute(
                sa.delete(link).where(link.c[column].in_(chunk), link.c.tag_id == tag_id)
            )
    else:
        changed = [i for i in ids if i not in has]
        (tag_id,) = tags.ensure(session, [name])
        if changed:
            session.execute(sa.insert(link), [{column: i, "tag_id": tag_id} for i in changed])
    spelled = session.scalar(sa.select(Tag.name).where(Tag.id == tag_id)) or name
    versions = _bump_versions(session, kind, changed)
    diffs = {}
    for i in changed:
        after = [n for n in names[i] if fold(n) != key] if change.remove else [*names[i], spelled]
        diffs[i] = {TAGS: ["; ".join(names[i]), "; ".join(sorted(after, key=fold))]}
    _audit(session, actor_id, kind, uids, diffs)
    indexing.index_rows(session, kind, changed)
    before = {i: {TAGS: tag_id} for i in changed}
    label = _first_label(session, kind, changed[0] if changed else None)
    return Edited(kind, Change(TAGS, spelled, change.remove), before, versions, label)


def undo(session: Session, actor_id: int | None, edited: Edited) -> None:
    """Take `edited` back as one action; refused (`StaleRecord`, nothing undone) when one
    of its records changed since (or went to the trash)."""
    kind = edited.kind
    table = table_of(RECORD_MODELS[kind])
    ids = sorted(edited.versions)
    now: dict[int, Any] = {}
    for chunk in _chunks(ids):
        query = sa.select(table.c.id, table.c.version, table.c.deleted_at, table.c.uid).where(
            table.c.id.in_(chunk)
        )
        now.update((r.id, r) for r in session.execute(query))
    for i in ids:
        row = now.get(i)
        if row is None or row.version != edited.versions[i] or row.deleted_at is not None:
            raise StaleRecord(kind, i, edited.versions[i], None if row is None else row.version)
    uids = {i: now[i].uid for i in ids}
    if edited.change.field == TAGS:
        _undo_tag(session, actor_id, edited, ids, uids)
    else:
        _undo_columns(session, actor_id, edited, table, uids)
    _bump_versions(session, kind, ids)
    indexing.index_rows(session, kind, ids)


def _undo_columns(
    session: Session, actor_id: int | None, edited: Edited, table: sa.Table, uids: Mapping[int, str]
) -> None:
    groups: dict[tuple[tuple[str, Any], ...], list[int]] = defaultdict(list)
    for i, old in edited.before.items():
        groups[tuple(sorted(old.items()))].append(i)
    current = edited.values
    diffs = {}
    for values, group in groups.items():
        for chunk in _chunks(group):
            session.execute(sa.update(table).where(table.c.id.in_(chunk)).values(dict(values)))
        for i in group:
            diffs[i] = {
                k: [audit.plain(current.get(k)), audit.plain(v)]
                for k, v in values
                if current.get(k) != v
            }
    _audit(session, actor_id, edited.kind, uids, diffs)


def _undo_tag(
    session: Session,
    actor_id: int | None,
    edited: Edited,
    ids: Sequence[int],
    uids: Mapping[int, str],
) -> None:
    link, column = tags.LINKS[edited.kind]
    tag_id = next(iter(edited.before.values()))[TAGS] if edited.before else None
    names = _tag_names(session, edited.kind, ids)
    if edited.change.remove and ids:
        session.execute(sa.insert(link), [{column: i, "tag_id": tag_id} for i in ids])
    else:
        for chunk in _chunks(ids):
            session.execute(
                sa.delete(link).where(link.c[column].in_(chunk), link.c.tag_id == tag_id)
            )
    key = fold(str(edited.change.value))
    diffs = {}
    for i in ids:
        after = (
            [*names[i], edited.change.value]
            if edited.change.remove
            else [n for n in names[i] if fold(n) != key]
        )
        diffs[i] = {TAGS: ["; ".join(names[i]), "; ".join(sorted(after, key=fold))]}
    _audit(session, actor_id, edited.kind, uids, diffs)
