"""Undoing the latest import (`undo_last`): created records to the trash, updated ones given
their previous values back; refused when any of them changed since."""

from __future__ import annotations

import json
from dataclasses import dataclass, replace
from datetime import date, datetime, time
from pathlib import Path
from typing import Any, cast

import sqlalchemy as sa
from sqlalchemy.orm import Session

from crm.db import search
from crm.db.models import (
    RECORD_MODELS,
    Contact,
    ImportBatch,
    ImportBatchItem,
    Introduction,
    Organization,
    StageChange,
)
from crm.db.tables import UTCDateTime, utcnow
from crm.domain import validation as v
from crm.domain.errors import DeskError, coded
from crm.domain.text import fold
from crm.services import audit, indexing, tags
from crm.services.csv_import.common import AUDIT, BATCHES, in_chunks, to_json_str


@dataclass(frozen=True)
class BatchInfo:
    id: int
    uid: str
    at: Any
    entity: str
    file_name: str
    created: int
    updated: int
    undone: bool


def last_batch(session: Session) -> BatchInfo | None:
    """The latest import (undone or not)."""
    b = ImportBatch
    row = session.execute(
        sa.select(b.id, b.uid, b.at, b.entity, b.file_name, b.created, b.updated, b.undone_at)
        .order_by(b.id.desc()).limit(1)
    ).first()  # fmt: skip
    if row is None:
        return None
    return BatchInfo(*row[:7], row[7] is not None)


def undo_last(session: Session, actor_id: int | None) -> BatchInfo:
    """Undo the latest import: created records to the trash, updated ones restored."""
    info = last_batch(session)
    if info is None:
        raise coded("import.nothing_to_undo")
    if info.undone:
        raise coded("import.already_undone", file=info.file_name)
    item = ImportBatchItem
    rows = session.execute(
        sa.select(item.entity, item.record_id, item.action, item.before, item.version_after)
        .where(item.batch_id == info.id).order_by(item.id)
    ).all()  # fmt: skip
    # Refuse when someone changed the records since: their work would be lost.
    for entity, record_id, _, _, version_after in rows:
        model = RECORD_MODELS[entity]
        current = session.execute(
            sa.select(model.version, model.deleted_at).where(model.id == record_id)
        ).first()
        if current is None or current[1] is not None or current[0] != version_after:
            raise DeskError(
                f"cannot undo the import of {info.file_name}: {entity} {record_id} was changed, "
                "deleted or erased since; undo the later changes first"
            )
    now = utcnow()
    note = {"undo_import": [None, info.uid]}
    trashed: dict[str, list[int]] = {}
    audit_rows = []
    for entity, record_id, action, before, _ in rows:
        model = RECORD_MODELS[entity]
        table = cast(sa.Table, cast(Any, model).__table__)
        uid = session.scalar(sa.select(model.uid).where(model.id == record_id)) or ""
        if action == "created":
            trashed.setdefault(entity, []).append(record_id)
            audit_rows.append((entity, "delete", record_id, uid, note))
            continue
        old = json.loads(before or "{}")
        old_tags = old.pop("tags", None)
        spec_fields = {c.name: c for c in table.columns}
        values = {
            k: _restore_value(spec_fields[k], val) for k, val in old.items() if k in spec_fields
        }
        derived = _derived(entity, session, record_id, values)
        if entity == "introduction" and "stage" in values:
            _stage_back(session, actor_id, record_id, values, info.file_name)
        session.execute(
            sa.update(table).where(table.c.id == record_id)
            .values(**values, **derived, version=table.c.version + 1, updated_at=now)
        )  # fmt: skip
        if old_tags is not None:
            tags.set_tags(session, entity, record_id, old_tags)
        audit_rows.append(
            (
                entity,
                "update",
                record_id,
                uid,
                {**{k: [None, val] for k, val in old.items()}, **note},
            )
        )
    for entity, ids in trashed.items():
        table = cast(Any, RECORD_MODELS[entity]).__table__
        for chunk in in_chunks(ids):
            session.execute(
                sa.update(table).where(table.c.id.in_(chunk))
                .values(deleted_at=now, deleted_by_id=actor_id, version=table.c.version + 1)
            )  # fmt: skip
    if audit_rows:
        session.execute(
            sa.insert(AUDIT),
            [
                {"user_id": actor_id, "action": action, "entity": entity, "record_id": rid,
                 "record_uid": uid, "changes": to_json_str(changes)}
                for entity, action, rid, uid, changes in audit_rows
            ],
        )  # fmt: skip
    for entity, ids in trashed.items():
        search.remove(session, entity, ids)
    restored: dict[str, list[int]] = {}
    for entity, record_id, action, _, _ in rows:
        if action == "updated":
            restored.setdefault(entity, []).append(record_id)
    for entity, ids in restored.items():
        if entity in indexing.KINDS:
            indexing.index_rows(session, entity, ids)
    session.execute(
        sa.update(BATCHES).where(BATCHES.c.id == info.id)
        .values(undone_at=now, undone_by_id=actor_id)
    )  # fmt: skip
    audit.record(
        session,
        actor_id,
        "undo_import",
        "import_batch",
        info.id,
        info.uid,
        {"file": [info.file_name, None]},
    )
    session.expire_all()
    return replace(info, undone=True)


def _stage_back(
    session: Session, actor_id: int | None, record_id: int, values: dict[str, Any], file: str
) -> None:
    """The stage history's entry for a stage a returned file moved and the undo moves back:
    the history stays a true account (as `stages.undo_move` keeps it)."""
    now = session.execute(
        sa.select(Introduction.stage, Introduction.outcome).where(Introduction.id == record_id)
    ).one()
    session.add(
        StageChange(
            introduction_id=record_id, from_stage=now[0], to_stage=values["stage"],
            outcome=values.get("outcome"), user_id=actor_id,
            note=f"undo of the import of {Path(file).name}",
        )
    )  # fmt: skip


def _restore_value(column: sa.Column[Any], value: Any) -> Any:
    if value is None or not isinstance(value, str):
        return value
    kind = column.type
    if isinstance(kind, UTCDateTime):  # a returned file's stage move: when it was staged
        return datetime.fromisoformat(value)
    if isinstance(kind, sa.Date):
        return date.fromisoformat(value[:10])
    if isinstance(kind, sa.Time):
        return time.fromisoformat(value)
    return value


def _derived(
    entity: str, session: Session, record_id: int, values: dict[str, Any]
) -> dict[str, Any]:
    """The folded companions of restored columns."""
    if entity == "contact" and {"first_name", "last_name", "email"} & values.keys():
        row = session.execute(
            sa.select(Contact.first_name, Contact.last_name, Contact.email).where(
                Contact.id == record_id
            )
        ).one()
        first = values.get("first_name", row[0])
        last = values.get("last_name", row[1])
        email = values.get("email", row[2])
        return {"name_folded": fold(f"{first} {last}"), "email_lower": (email or "").lower()}
    if entity == "organization" and {"name", "website"} & values.keys():
        org = session.execute(
            sa.select(Organization.name, Organization.website).where(Organization.id == record_id)
        ).one()
        return {
            "name_folded": fold(values.get("name", org[0])),
            "website_domain": v.website_domain(values.get("website", org[1])),
        }
    return {}
