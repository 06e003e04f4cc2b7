"""Merging two contacts or two organizations that are one: the kept record takes the chosen
values and every reference, the other goes to the trash.

`compare(session, spec, keep_id, other_id)` (`spec`: `contacts.service` or
`organizations.service`) gives both records' values side by side with the
default choice (the kept record's non-empty values first); `merge(...)` does it in the
caller's transaction: the kept record is updated (its own audit entry), the introductions,
follow-ups, participations, interactions, contacts (of an organization) and tags of the
other are moved to it, a "merge" entry goes into the kept record's history and a
"merged_into" one into the other's, which then moves to the trash.

The "merged_into" entry also keeps (under `_undo`, hidden from `crm history`) what moved, so
that restoring the other record from the trash undoes the merge (`undo_on_restore`: the
contact and organization specs' `after_restore`, which `crm.services.records.restore` calls):
the references that still point at the kept record go back, the kept record's values that
were not changed since go back, and so do its tags.
`undo(...)` (the status bar's Undo) does the same, refused when either record changed since.

The export log names no record, so it has nothing to move; once it names records by uid, a
merge should also make the other's exports show in the kept record's history.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import Session

from crm.db import tables
from crm.db.base import Record, table_of
from crm.db.models import RECORD_MODELS, AuditEntry, EventParticipant, Organization, Tag
from crm.db.tables import utcnow
from crm.domain.enums import Consent
from crm.domain.errors import NotFound, StaleRecord, coded
from crm.services import audit, records, tags
from crm.services import references as refs

KINDS = ("contact", "organization")
MERGED_INTO = "merged_into"
UNMERGED = "unmerged"


@dataclass(frozen=True)
class Comparison:
    """Two records side by side: `fields` in the editor's order, each with both values (as
    stored), and `chosen` the value a merge keeps by default (the kept one unless empty)."""

    kind: str
    keep_id: int
    other_id: int
    keep_label: str
    other_label: str
    keep_version: int
    other_version: int
    keep: dict[str, Any]
    other: dict[str, Any]
    chosen: dict[str, Any]
    fields: tuple[str, ...]
    # The names of the organizations the values name (a contact's organization_id).
    names: dict[int, str] = field(default_factory=dict)


@dataclass(frozen=True)
class Merged:
    """What a merge did: the versions both records were left at (an undo expects them)."""

    kind: str
    keep_id: int
    other_id: int
    keep_version: int
    other_version: int
    label: str
    other_label: str
    moved: int
    changed: dict[str, list[Any]] = field(default_factory=dict)
    spec: Any = field(default=None, compare=False, repr=False)  # the entity's EntitySpec


def is_empty(value: Any) -> bool:
    """No value: blank, or a consent never asked (an answer on the other record wins)."""
    return value is None or value == "" or value == [] or value == Consent.UNKNOWN


def _values(session: Session, spec: records.EntitySpec[Any], obj: Any) -> dict[str, Any]:
    values = records.current_values(spec, obj)
    values["tags"] = tags.tags_of(session, spec.name, obj.id)
    return values


def _pair(
    session: Session, spec: records.EntitySpec[Any], keep_id: int, other_id: int
) -> tuple[Any, Any]:
    kind = spec.name
    if kind not in KINDS:
        raise ValueError(f"only contacts and organizations are merged, not {kind!r}")
    keep = session.get(spec.model, keep_id)
    other = session.get(spec.model, other_id)
    if keep is None:
        raise NotFound(kind, keep_id)
    if other is None:
        raise NotFound(kind, other_id)
    if keep.id == other.id:
        raise coded("merge.same", name=spec.label(keep))
    for obj in (keep, other):
        if obj.deleted_at is not None:
            raise coded("merge.deleted", name=spec.label(obj))
    return keep, other


def compare(
    session: Session, spec: records.EntitySpec[Any], keep_id: int, other_id: int
) -> Comparison:
    """`spec`: the entity's (contacts.service or organizations.service)."""
    kind = spec.name
    keep, other = _pair(session, spec, keep_id, other_id)
    a, b = _values(session, spec, keep), _values(session, spec, other)
    chosen = {name: b[name] if is_empty(a[name]) else a[name] for name in spec.fields}
    chosen["tags"] = sorted({*a["tags"], *b["tags"]}, key=str.casefold)
    names: dict[int, str] = {}
    for org_id in (a.get("organization_id"), b.get("organization_id")):
        if not isinstance(org_id, int):
            continue
        org = session.get(Organization, org_id)
        names[org_id] = org.name if org is not None else str(org_id)
    return Comparison(
        kind, keep.id, other.id, spec.label(keep), spec.label(other), keep.version,
        other.version, a, b, chosen, (*spec.fields, "tags"), names,
    )  # fmt: skip


def references(kind: str) -> list[tuple[sa.Table, sa.Column[Any]]]:
    """The (table, column) of every record that points at a record of `kind` (tags apart)."""
    table = table_of(RECORD_MODELS[kind])
    return [
        (other, column)
        for other, column in refs.references_to(table)
        if other.name not in (tags.LINKS[kind][0].name,) and "version" in other.c
    ]


def _key(table: sa.Table, column: sa.Column[Any]) -> str:
    return f"{table.name}.{column.name}"


def _bump(table: sa.Table) -> dict[str, Any]:
    return {"version": table.c.version + 1, "updated_at": utcnow()}


def _move(
    session: Session, kind: str, from_id: int, to_id: int
) -> tuple[dict[str, list[int]], list[int]]:
    """Point every reference to `from_id` at `to_id`; a participation of `from_id` in an
    event `to_id` already takes part in is trashed instead (one person, one place on the
    roster). Returns the moved ids by "table.column" and the trashed participations."""
    moved: dict[str, list[int]] = {}
    trashed: list[int] = []
    parts = table_of(EventParticipant)
    for table, column in references(kind):
        ids = list(session.scalars(sa.select(table.c.id).where(column == from_id)))
        if table is parts and ids:
            there = sa.select(parts.c.event_id).where(column == to_id, parts.c.deleted_at.is_(None))
            doubles = list(
                session.scalars(
                    sa.select(parts.c.id).where(
                        parts.c.id.in_(ids),
                        parts.c.deleted_at.is_(None),
                        parts.c.event_id.in_(there),
                    )
                )
            )
            if doubles:
                session.execute(
                    sa.update(parts).where(parts.c.id.in_(doubles))
                    .values(deleted_at=utcnow(), **_bump(parts))
                )  # fmt: skip
                trashed.extend(doubles)
                ids = [i for i in ids if i not in set(doubles)]
        if ids:
            session.execute(
                sa.update(table)
                .where(table.c.id.in_(ids))
                .values({column.name: to_id, **_bump(table)})
            )
            moved[_key(table, column)] = ids
    return moved, trashed


def _reindex_moved(session: Session, moved: Mapping[str, list[int]]) -> None:
    by_kind: dict[str, set[int]] = {}
    for key, ids in moved.items():
        table = key.split(".", 1)[0]
        if table in refs.KIND_OF_TABLE:
            by_kind.setdefault(refs.KIND_OF_TABLE[table], set()).update(ids)
    refs.reindex_kinds(session, by_kind)


def merge(
    session: Session,
    actor_id: int | None,
    spec: records.EntitySpec[Any],
    keep_id: int,
    other_id: int,
    choices: Mapping[str, Any] | None = None,
    *,
    expected_versions: tuple[int, int] | None = None,
) -> Merged:
    """Merge `other_id` into `keep_id` (both of `kind`); `choices`: field -> the value kept
    (missing fields: the kept record's, else the other's when the kept one is empty; tags:
    both records' by default). Refused (nothing written) for the same record, a record in
    the trash, or, with `expected_versions`, one changed since it was read."""
    kind = spec.name
    keep, other = _pair(session, spec, keep_id, other_id)
    if expected_versions is not None:
        records.check_version(spec, keep, expected_versions[0])
        records.check_version(spec, other, expected_versions[1])
    seen = compare(session, spec, keep_id, other_id)
    wanted = {**seen.chosen, **(choices or {})}
    before = seen.keep
    changes = {name: wanted[name] for name in seen.fields if wanted[name] != before[name]}
    other_label, other_uid = spec.label(other), other.uid
    if changes:
        records.update(session, actor_id, spec, keep_id, changes, allow_duplicate=True)
        session.flush()
    after = _values(session, spec, keep)
    changed = {
        name: [audit.plain(before[name]), audit.plain(after[name])]
        for name in seen.fields
        if before[name] != after[name]
    }
    moved, trashed = _move(session, kind, other_id, keep_id)
    count = sum(map(len, moved.values()))
    audit.record(
        session, actor_id, "merge", kind, keep.id, keep.uid,
        {"merged_from": f"{other_label} ({other_uid})", "references_moved": count},
    )  # fmt: skip
    undo_data = {"keep_id": keep.id, "moved": moved, "trashed": trashed, "changed": changed}
    audit.record(
        session, actor_id, MERGED_INTO, kind, other.id, other_uid,
        {"merged_into": f"{spec.label(keep)} ({keep.uid})", "_undo": undo_data},
    )  # fmt: skip
    records.delete(session, actor_id, spec, other_id)
    _reindex_moved(session, moved)
    records.reindex(session, spec, keep)
    session.flush()
    return Merged(
        kind, keep.id, other.id, keep.version, other.version, spec.label(keep), other_label,
        count, changed, spec,
    )  # fmt: skip


def _last_merge(session: Session, kind: str, record_id: int) -> dict[str, Any] | None:
    """The undo data of the record's last merge into another, None if none or undone."""
    entry = session.execute(
        sa.select(AuditEntry.action, AuditEntry.changes)
        .where(
            AuditEntry.entity == kind,
            AuditEntry.record_id == record_id,
            AuditEntry.action.in_((MERGED_INTO, UNMERGED)),
        )
        .order_by(AuditEntry.id.desc())
        .limit(1)
    ).first()
    if entry is None or entry.action != MERGED_INTO:
        return None
    data = json.loads(entry.changes or "{}").get("_undo")
    return data if isinstance(data, dict) else None


def undo_on_restore(
    session: Session, actor_id: int | None, spec: records.EntitySpec[Any], obj: Record
) -> None:
    """`obj` was just restored from the trash: if a merge put it there, take it back."""
    if spec.name not in KINDS:
        return
    data = _last_merge(session, spec.name, obj.id)
    if data is None:
        return
    keep_id = int(data["keep_id"])
    back: dict[str, list[int]] = {}
    for key, ids in data["moved"].items():
        table_name, column_name = key.split(".", 1)
        table = tables.metadata.tables[table_name]
        column = table.c[column_name]
        # Only what still points at the kept record: a reference changed since stays.
        still = list(
            session.scalars(sa.select(table.c.id).where(table.c.id.in_(ids), column == keep_id))
        )
        if still:
            session.execute(
                sa.update(table)
                .where(table.c.id.in_(still))
                .values({column_name: obj.id, **_bump(table)})
            )
            back[key] = still
    parts = table_of(EventParticipant)
    if data["trashed"]:
        session.execute(
            sa.update(parts)
            .where(parts.c.id.in_(data["trashed"]), parts.c.deleted_at.is_not(None))
            .values(deleted_at=None, **_bump(parts))
        )
        back["event_participants.restored"] = list(data["trashed"])
    keep = session.get(spec.model, keep_id)
    if keep is not None and keep.deleted_at is None:
        _values_back(session, actor_id, spec, keep, data["changed"])
    audit.record(session, actor_id, UNMERGED, spec.name, obj.id, obj.uid,
                 {"merged_into": keep.uid if keep is not None else "", "references_back": sum(map(len, back.values()))})  # fmt: skip
    if keep is not None:
        audit.record(session, actor_id, "unmerge", spec.name, keep.id, keep.uid,
                     {"merged_from": f"{spec.label(obj)} ({obj.uid})"})  # fmt: skip
    _reindex_moved(session, back)
    records.reindex(session, spec, obj)


def _values_back(
    session: Session,
    actor_id: int | None,
    spec: records.EntitySpec[Any],
    keep: Any,
    changed: Mapping[str, list[Any]],
) -> None:
    """The kept record's values the merge changed, back where they are as the merge left them."""
    now = {k: audit.plain(v) for k, v in _values(session, spec, keep).items()}
    back: dict[str, Any] = {}
    for name, (old, new) in changed.items():
        if name == "tags":
            continue
        if now.get(name) == new:
            back[name] = old
    added = (
        [t for t in changed.get("tags", [[], []])[1] if t not in changed["tags"][0]]
        if "tags" in changed
        else []
    )
    if added:
        link, column = tags.LINKS[spec.name]
        tag_ids = sa.select(Tag.id).where(Tag.name.in_(added))
        session.execute(
            sa.delete(link).where(link.c[column] == keep.id, link.c.tag_id.in_(tag_ids))
        )
    if back:
        records.update(session, actor_id, spec, keep.id, back, allow_duplicate=True)
    elif added:
        records.reindex(session, spec, keep)


def undo(session: Session, actor_id: int | None, merged: Merged) -> None:
    """Take back `merged` (the status bar's Undo): refused with `StaleRecord` when either
    record changed since, else as restoring the other record from the trash does."""
    spec: records.EntitySpec[Any] = merged.spec
    keep = records.get(session, spec, merged.keep_id, include_deleted=True)
    if keep.version != merged.keep_version:
        raise StaleRecord(spec.name, keep.id, merged.keep_version, keep.version)
    records.restore(session, actor_id, spec, merged.other_id, expected_version=merged.other_version)


def find_uid(session: Session, uid: str) -> tuple[str, Any]:
    """(kind, record) of the contact or organization (or other record) with this uid."""
    wanted = uid.strip().lower()
    for kind, model in RECORD_MODELS.items():
        obj = session.scalars(sa.select(model).where(model.uid == wanted)).first()
        if obj is not None:
            return kind, obj
    raise coded("merge.unknown", uid=uid)
