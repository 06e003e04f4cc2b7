"""Create, read, update, soft-delete, restore and purge, the same way for every record kind.

An `EntitySpec` tells the machinery what is particular to a kind: how to clean its input,
how to name it in messages, which existing records look like duplicates, and what the
search index should hold for it. The entity modules (`organizations`, `contacts`...) define
their spec and re-export thin functions over these.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Generic, TypeVar

import sqlalchemy as sa
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError
from sqlalchemy.sql.schema import ScalarElementColumnDefault

from crm.db import search
from crm.db.base import Record, table_of
from crm.db.tables import utcnow
from crm.domain.enums import Role
from crm.domain.errors import DuplicateWarning, NotFound, StaleRecord, ValidationFailed
from crm.services import audit, documents
from crm.services.privacy import destroy, roles
from crm.services.references import KIND_OF_TABLE, references_to, reindex_kinds

M = TypeVar("M", bound=Record)
Duplicate = tuple[str, int, str]


@dataclass(frozen=True)
class EntitySpec(Generic[M]):
    name: str
    model: type[M]
    fields: tuple[str, ...]
    clean: Callable[[Session, dict[str, Any]], dict[str, Any]]
    label: Callable[[M], str]
    duplicates: Callable[[Session, dict[str, Any], int | None], list[Duplicate]] | None = None
    document: Callable[[Session, M], search.SearchDocument | None] | None = None
    # Extra values (tags...) that live outside the record's own columns.
    save_extra: Callable[[Session, M, dict[str, Any]], None] | None = None
    extra_fields: tuple[str, ...] = field(default=())
    default_order: tuple[str, ...] = ("id",)
    # Fields shown in other records' search text: changing one re-indexes those records.
    shown_elsewhere: tuple[str, ...] = ()
    # What a new record starts from, by the acting staff user (an owner, an assignee, a due
    # date): applied on create to the fields the values leave out, and shown by new editors.
    starts: Callable[[int | None], dict[str, Any]] | None = None
    # The values inferred from the others (a territory from a city...), None where nothing
    # tells: `infer(session, values)`; the window shows them as inferred.
    infer: Callable[[Session, dict[str, Any]], dict[str, Any]] | None = None
    # Called once a record is back from the trash (a merge that trashed it is taken back).
    after_restore: Callable[[Session, int | None, EntitySpec[Any], Any], None] | None = None

    # The entity modules expose their spec as `service`, so callers write
    # `contacts.service.create(session, actor_id, {...})`.
    def create(
        self,
        session: Session,
        actor_id: int | None,
        values: Mapping[str, Any],
        *,
        allow_duplicate: bool = False,
    ) -> M:
        return create(session, actor_id, self, values, allow_duplicate=allow_duplicate)

    def update(
        self,
        session: Session,
        actor_id: int | None,
        record_id: int,
        changes: Mapping[str, Any],
        *,
        expected_version: int | None = None,
        allow_duplicate: bool = False,
    ) -> M:
        return update(
            session, actor_id, self, record_id, changes,
            expected_version=expected_version, allow_duplicate=allow_duplicate,
        )  # fmt: skip

    def get(self, session: Session, record_id: int, *, include_deleted: bool = False) -> M:
        return get(session, self, record_id, include_deleted=include_deleted)

    def delete(
        self,
        session: Session,
        actor_id: int | None,
        record_id: int,
        *,
        expected_version: int | None = None,
    ) -> M:
        return delete(session, actor_id, self, record_id, expected_version=expected_version)

    def restore(
        self,
        session: Session,
        actor_id: int | None,
        record_id: int,
        *,
        expected_version: int | None = None,
    ) -> M:
        return restore(session, actor_id, self, record_id, expected_version=expected_version)

    def purge(self, session: Session, actor_id: int | None, record_id: int) -> None:
        purge(session, actor_id, self, record_id)

    def find(self, session: Session, **options: Any) -> list[M]:
        if "order_by" not in options:
            options["order_by"] = [getattr(self.model, name) for name in self.default_order]
        return list_records(session, self, **options)

    def count(self, session: Session, *, deleted: bool = False) -> int:
        return count(session, self, deleted=deleted)

    def changed_since(self, session: Session, record_id: int, version: int) -> audit.Change | None:
        return changed_since(session, self, record_id, version)

    def start_values(self, actor_id: int | None) -> dict[str, Any]:
        """What a new record's fields start from: the model's own defaults (consent unknown,
        priority normal...), then `starts` (the acting user as owner or assignee...)."""
        return start_values(self, actor_id)


def start_values(spec: EntitySpec[M], actor_id: int | None) -> dict[str, Any]:
    columns = table_of(spec.model).columns
    found: dict[str, Any] = {}
    for name in spec.fields:
        default = columns[name].default if name in columns else None
        if isinstance(default, ScalarElementColumnDefault):
            found[name] = default.arg
    if spec.starts is not None:
        found.update(spec.starts(actor_id))
    return found


def _unknown_fields(spec: EntitySpec[Any], values: Mapping[str, Any]) -> None:
    unknown = sorted(set(values) - set(spec.fields) - set(spec.extra_fields))
    if unknown:
        raise ValueError(f"unknown {spec.name} field(s): {', '.join(unknown)}")


def current_values(spec: EntitySpec[M], obj: M) -> dict[str, Any]:
    return {name: getattr(obj, name) for name in spec.fields}


def get(
    session: Session, spec: EntitySpec[M], record_id: int, *, include_deleted: bool = False
) -> M:
    obj = session.get(spec.model, record_id)
    if obj is None or (obj.deleted_at is not None and not include_deleted):
        raise NotFound(spec.name, record_id)
    return obj


def changed_since(
    session: Session, spec: EntitySpec[M], record_id: int, version: int
) -> audit.Change | None:
    """Who last saved the record and when, if it changed since `version` was read (an open
    editor says so before its user saves over it); None while it is as read."""
    obj = session.get(spec.model, record_id)
    if obj is None or obj.version == version:
        return None
    return audit.last_change(session, spec.name, record_id) or audit.Change(
        obj.updated_at, "", "update", spec.name, {}
    )


def check_version(spec: EntitySpec[M], obj: M, expected_version: int | None) -> None:
    if expected_version is not None and obj.version != expected_version:
        raise StaleRecord(spec.name, obj.id, expected_version, obj.version)


def flush_checked(
    session: Session, spec: EntitySpec[M], obj: M, expected_version: int | None
) -> None:
    # Read before the flush: a failed flush expires `obj`, and reloading it would then raise.
    record_id, version = obj.id, obj.version
    try:
        session.flush()
    except StaleDataError as exc:  # another transaction bumped the version between read and write
        raise StaleRecord(spec.name, record_id, expected_version or version, None) from exc


def reindex(session: Session, spec: EntitySpec[M], obj: M) -> None:
    if spec.document is None:
        return
    search.hold(session, spec.name, [obj.id])  # before reading: see `search.hold`
    doc = spec.document(session, obj)
    if doc is None:
        search.remove(session, spec.name, [obj.id])
    else:
        search.put(session, [doc])


def _clean(
    session: Session, spec: EntitySpec[M], values: dict[str, Any], label: str
) -> dict[str, Any]:
    try:
        return spec.clean(session, values)
    except ValidationFailed as exc:
        raise exc.for_record(label) from None


def create(
    session: Session,
    actor_id: int | None,
    spec: EntitySpec[M],
    values: Mapping[str, Any],
    *,
    allow_duplicate: bool = False,
) -> M:
    _unknown_fields(spec, values)
    values = {**(spec.starts(actor_id) if spec.starts else {}), **values}
    attrs = _clean(session, spec, values, f"new {spec.name}")
    if spec.duplicates and not allow_duplicate:
        found = spec.duplicates(session, attrs, None)
        if found:
            raise DuplicateWarning(found, f"this {spec.name} looks like one already recorded")
    extra = {k: attrs.pop(k) for k in spec.extra_fields if k in attrs}
    obj = spec.model(**attrs)
    session.add(obj)
    session.flush()
    if spec.save_extra:
        spec.save_extra(session, obj, extra)
    audit.record(
        session,
        actor_id,
        "create",
        spec.name,
        obj.id,
        obj.uid,
        {
            k: [None, audit.plain(v)]
            for k, v in {**attrs, **extra}.items()
            if k in spec.fields or k in extra
        },
    )
    reindex(session, spec, obj)
    return obj


def update(
    session: Session,
    actor_id: int | None,
    spec: EntitySpec[M],
    record_id: int,
    changes: Mapping[str, Any],
    *,
    expected_version: int | None = None,
    allow_duplicate: bool = False,
) -> M:
    """Apply `changes` to a record last read at `expected_version` (None: whatever it is now)."""
    _unknown_fields(spec, changes)
    obj = get(session, spec, record_id)
    check_version(spec, obj, expected_version)
    before = current_values(spec, obj)
    attrs = _clean(session, spec, {**before, **changes}, f"{spec.name} '{spec.label(obj)}'")
    if spec.duplicates and not allow_duplicate:
        found = spec.duplicates(session, attrs, obj.id)
        if found:
            raise DuplicateWarning(
                found, f"{spec.name} '{spec.label(obj)}' would look like another one"
            )
    extra = {k: attrs.pop(k) for k in spec.extra_fields if k in attrs}
    diff = {
        k: [audit.plain(before[k]), audit.plain(v)]
        for k, v in attrs.items()
        if k in before and before[k] != v
    }
    for key, value in attrs.items():
        if getattr(obj, key) != value:
            setattr(obj, key, value)
    if spec.save_extra and extra:
        spec.save_extra(session, obj, extra)
        diff.update({k: [None, audit.plain(v)] for k, v in extra.items() if k in changes})
    if not diff:
        return obj
    flush_checked(session, spec, obj, expected_version)
    audit.record(session, actor_id, "update", spec.name, obj.id, obj.uid, diff)
    reindex(session, spec, obj)
    if any(name in diff for name in spec.shown_elsewhere):
        reindex_referring(session, spec, obj.id)
    return obj


def delete(
    session: Session,
    actor_id: int | None,
    spec: EntitySpec[M],
    record_id: int,
    *,
    expected_version: int | None = None,
) -> M:
    """Move a record to the trash; `restore` brings it back."""
    obj = get(session, spec, record_id)
    check_version(spec, obj, expected_version)
    obj.deleted_at = utcnow()
    obj.deleted_by_id = actor_id
    flush_checked(session, spec, obj, expected_version)
    audit.record(session, actor_id, "delete", spec.name, obj.id, obj.uid)
    search.remove(session, spec.name, [obj.id])
    return obj


def restore(
    session: Session,
    actor_id: int | None,
    spec: EntitySpec[M],
    record_id: int,
    *,
    expected_version: int | None = None,
) -> M:
    """Bring a record back from the trash. With `expected_version` (the version its move to
    the trash left: an undo), refused with `StaleRecord` if it changed since."""
    obj = get(session, spec, record_id, include_deleted=True)
    check_version(spec, obj, expected_version)
    if obj.deleted_at is None:
        return obj
    obj.deleted_at = None
    obj.deleted_by_id = None
    flush_checked(session, spec, obj, expected_version)
    audit.record(session, actor_id, "restore", spec.name, obj.id, obj.uid)
    reindex(session, spec, obj)
    if spec.after_restore is not None:
        spec.after_restore(session, actor_id, spec, obj)
    return obj


def purge(session: Session, actor_id: int | None, spec: EntitySpec[M], record_id: int) -> None:
    """Erase a record from the trash for good, with every copy of its data (its audit values,
    import undo data, index entry, freed storage: `crm.services.privacy.destroy`)."""
    roles.require(session, actor_id, Role.ADMIN, "purge")
    obj = get(session, spec, record_id, include_deleted=True)
    if obj.deleted_at is None:
        raise ValidationFailed(
            [], f"{spec.name} '{spec.label(obj)}' must be in the trash before it is erased"
        )
    destroy.destroy(session, actor_id, spec.name, record_id, label=str(spec.label(obj)))


def reindex_referring(session: Session, spec: EntitySpec[M], record_id: int) -> None:
    """Records whose search text shows this record's name (a contact's organization...), and
    so on: a follow-up shows its introduction's parties, so renaming an organization
    re-indexes the follow-ups of the introductions it is a party to."""
    referring: dict[str, set[int]] = {}
    todo: list[tuple[sa.Table, set[int]]] = [(table_of(spec.model), {record_id})]
    while todo:
        table, ids = todo.pop()
        for other, column in references_to(table):
            if other.name not in KIND_OF_TABLE or other is table:
                continue
            kind = KIND_OF_TABLE[other.name]
            query = sa.select(other.c.id).where(
                column.in_(sorted(ids)), other.c.deleted_at.is_(None)
            )
            found = set(session.scalars(query)) - referring.get(kind, set())
            if found:
                referring.setdefault(kind, set()).update(found)
                if kind in documents.SHOWN_ELSEWHERE:  # their own names show further on
                    todo.append((other, found))
    reindex_kinds(session, referring)


def list_records(
    session: Session,
    spec: EntitySpec[M],
    *,
    deleted: bool = False,
    where: Sequence[sa.ColumnElement[bool]] = (),
    order_by: Sequence[sa.ColumnElement[Any]] = (),
    limit: int | None = None,
    offset: int = 0,
) -> list[M]:
    """Live records (or, with `deleted`, the ones in the trash), filtered and sorted in SQL."""
    model: Any = spec.model
    query = sa.select(model).where(
        model.deleted_at.is_not(None) if deleted else model.deleted_at.is_(None)
    )
    query = query.where(*where).order_by(*order_by, model.id).offset(offset)
    if limit is not None:
        query = query.limit(limit)
    return list(session.scalars(query))


def count(session: Session, spec: EntitySpec[M], *, deleted: bool = False) -> int:
    model: Any = spec.model
    query = sa.select(sa.func.count()).select_from(model)
    query = query.where(model.deleted_at.is_not(None) if deleted else model.deleted_at.is_(None))
    return int(session.execute(query).scalar_one())
