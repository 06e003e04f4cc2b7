"""Writing a plan in the caller's transaction, in bulk: the organizations a contacts file
names, the created records (one executemany), their tags, the updated records one by one, the
audit trail and the import batch's items, then the search index from the values just
written. `run` plans and applies in one call."""

from __future__ import annotations

import json
from collections.abc import Callable, Container, Iterable, Sequence
from itertools import chain, repeat
from operator import itemgetter
from types import SimpleNamespace
from typing import Any, NamedTuple, cast

import sqlalchemy as sa
from sqlalchemy.orm import Session

from crm.db.models import ImportBatch, Organization
from crm.db.tables import new_uid, utcnow
from crm.services import audit, bulk, indexing, organizations, records, tags
from crm.services.csv_import.common import (
    AUDIT,
    ITEMS,
    fold_cached,
    in_chunks,
    take_turn,
    to_json,
    to_json_str,
)
from crm.services.csv_import.entities import PLANNERS, plan
from crm.services.csv_import.files import Source
from crm.services.csv_import.plans import (
    DEFAULT_OPTIONS,
    KIND,
    RETURNED,
    ImportCancelled,
    ImportOptions,
    ImportRefused,
    Plan,
    RowPlan,
)

# Left out of a created record's trail entry: a new record's blank field says nothing.
_NOTHING: tuple[Any, ...] = ("", None, False)
# What `to_json` makes of a str (ensure_ascii off): its JSON string, without the call.
_json_str = json.encoder.encode_basestring


class _Pieces(dict[tuple[type, Any], str]):
    """(type, value) -> ', "field": [null, <value as JSON>]' for one field, or "" for a blank
    value: a created record's piece of its trail entry (`to_json` of {field: [None, value]}
    without the braces, after a separator). Cities, languages, organizations repeat on every
    line. The type is in the key so that 1 and True differ."""

    def __init__(self, name: str) -> None:
        super().__init__()
        self.head = f", {to_json(name)}: [null, "

    def __missing__(self, key: tuple[type, Any]) -> str:
        value = key[1]
        piece = self[key] = "" if value in _NOTHING else f"{self.head}{to_json(value)}]"
        return piece


def created_changes(
    rows: Sequence[dict[str, Any]], fields: Container[str], note: dict[str, Any]
) -> list[str]:
    """The trail text of each created record: `to_json({**{field: [None, value]}, **note})`,
    the fields in the row's order, its blank ones left out (a new record's blank field says
    nothing), `note`'s keys being no field's.

    Put together column by column (rows with the same keys in the same order side by side),
    each (field, value)'s piece made once: at 100,000 rows, one `to_json` per row costs about
    as much as the rest of the import's Python.
    """
    tail = f", {to_json(note)[1:-1]}" if note else ""
    texts = [""] * len(rows)
    groups: dict[tuple[str, ...], list[int]] = {}
    for index, attrs in enumerate(rows):
        groups.setdefault(tuple(attrs), []).append(index)
    for order, indices in groups.items():
        members = [rows[i] for i in indices]
        columns: list[Iterable[str]] = []
        for name in (k for k in order if k in fields):
            values = list(map(itemgetter(name), members))
            if set(map(type, values)) == {str}:  # text, often one of a kind (an email)
                head = f", {to_json(name)}: [null, "
                columns.append([f"{head}{_json_str(v)}]" if v else "" for v in values])
            else:
                pieces = _Pieces(name).__getitem__
                columns.append(map(pieces, zip(map(type, values), values, strict=True)))
        columns.append(repeat(tail, len(members)))
        # Each piece starts with ", ": the first one's is dropped.
        joined = map("".join, zip(*columns, strict=True))
        for index, text in zip(indices, joined, strict=True):
            texts[index] = "{" + text[2:] + "}"
    return texts


AUDIT_COLUMNS = ("at", "user_id", "action", "entity", "record_id", "record_uid", "changes")
ITEM_COLUMNS = ("batch_id", "entity", "record_id", "action", "before", "version_after")


def _insert(session: Session, model: Any, rows: list[dict[str, Any]]) -> list[tuple[int, str]]:
    """Insert `rows` (left as they are) in bulk; (id, uid) of each, in the order given.

    Each row gets a new uid unless it has one, the same created/updated time and version 1;
    a key some rows lack gets the column's default. One executemany: on SQLite the ids are
    given (the largest one plus one, and so on: what SQLite would give, the write lock being
    held), elsewhere they are read back by uid among the rows above the previous maximum
    (RETURNING with a guaranteed order would run row by row).
    """
    if not rows:
        return []
    table = model.__table__
    now = utcnow()
    special = ("uid", "created_at", "updated_at", "version")
    keys = [k for k in dict.fromkeys(chain.from_iterable(rows)) if k not in special]
    defaults = {
        c.name: c.default.arg
        for c in table.columns
        if c.default is not None and not callable(c.default.arg)
    }
    fallback = {k: defaults.get(k) for k in keys}
    get = itemgetter(*keys) if len(keys) > 1 else (lambda row: (row[keys[0]],))
    sqlite = session.get_bind().dialect.name == "sqlite"
    last = session.execute(sa.select(sa.func.coalesce(sa.func.max(table.c.id), 0))).scalar_one()
    uids: list[str] = []
    values: list[tuple[Any, ...]] = []
    for number, row in enumerate(rows, start=last + 1):
        try:
            cells = get(row)
        except KeyError:
            cells = get({**fallback, **row})
        uid = row["uid"] if "uid" in row else new_uid()
        uids.append(uid)
        extra = (uid, row.get("created_at", now), row.get("updated_at", now), row.get("version", 1))
        values.append((number, *cells, *extra) if sqlite else (*cells, *extra))
    columns = (["id"] if sqlite else []) + keys + list(special)
    bulk.insert_rows(session, table, columns, values)
    if sqlite:
        return list(zip(range(last + 1, last + 1 + len(rows)), uids, strict=True))
    ids: dict[str, int] = {}
    query = sa.select(table.c.uid, table.c.id).where(table.c.id > last)
    for uid, record_id in session.connection().execute(query):
        ids[uid] = record_id
    return [(ids[uid], uid) for uid in uids]


def _link_tags(session: Session, kind: str, pairs: list[tuple[int, list[str]]]) -> None:
    names = {fold_cached(n): n for _, names_ in pairs for n in names_ if fold_cached(n)}
    if not names:
        return
    ids = dict(zip(names, tags.ensure(session, list(names.values())), strict=True))
    table, column = tags.LINKS[kind]
    links = {
        (record_id, ids[key])
        for record_id, names_ in pairs
        for key in map(fold_cached, names_)
        if key in ids
    }
    existing: set[Any] = set()
    record_ids = sorted({r for r, _ in links})
    for chunk in in_chunks(record_ids):
        existing.update(
            session.execute(
                sa.select(table.c[column], table.c.tag_id).where(table.c[column].in_(chunk))
            ).all()
        )
    bulk.insert_rows(session, table, (column, "tag_id"), sorted(links - existing))


class _ContactRow(NamedTuple):
    """What a contact's search document is made of (the columns `indexing` selects)."""

    id: int
    first_name: str
    last_name: str
    email: str
    title: str
    city: str
    region: str
    country: str
    notes: str
    organization_name: str | None


def _index_created(
    session: Session,
    kind: str,
    created_ids: list[int],
    updated_ids: list[int],
    known: dict[int, dict[str, Any]],
    org_names: dict[int, str],
    tagged: set[int],
) -> None:
    """`indexing.index_rows(kind, created + updated)`, the new records' documents built from
    the values just written rather than read back."""
    rows: dict[int, Any] = {}
    if kind == "contact":
        names = dict(org_names)
        wanted = {a.get("organization_id") for a in known.values()} - {None} - names.keys()
        listed = sorted(cast(set[int], wanted))
        for chunk in in_chunks(listed):
            query = sa.select(Organization.id, Organization.name).where(Organization.id.in_(chunk))
            names.update((org_id, name) for org_id, name in session.execute(query))
        texts = itemgetter(*_ContactRow._fields[1:-1])
        for record_id, attrs in known.items():
            org_id = attrs.get("organization_id")
            org_name = None if org_id is None else names.get(org_id)
            rows[record_id] = _ContactRow._make((record_id, *texts(attrs), org_name))
    elif kind == "organization":
        rows = {record_id: SimpleNamespace(id=record_id, **a) for record_id, a in known.items()}
    indexing.index_known(session, kind, created_ids + updated_ids, rows, tagged)


def apply(
    session: Session,
    actor_id: int | None,
    the_plan: Plan,
    *,
    progress: Callable[[int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> Plan:
    """Write the plan in the caller's transaction; raises ImportRefused when it holds invalid
    rows and `skip_invalid` is off (nothing written)."""
    if not the_plan.valid and not the_plan.options.skip_invalid:
        raise ImportRefused(the_plan)
    if the_plan.entity in RETURNED:
        from crm.services.csv_import.returns import apply_returned

        return apply_returned(session, actor_id, the_plan)
    take_turn(session)
    with bulk.no_gc(), bulk.big_cache(session):
        return _apply(session, actor_id, the_plan, progress=progress, cancelled=cancelled)


def _apply(
    session: Session,
    actor_id: int | None,
    the_plan: Plan,
    *,
    progress: Callable[[int], None] | None,
    cancelled: Callable[[], bool] | None,
) -> Plan:
    entity = the_plan.entity
    kind = KIND[entity]
    spec = PLANNERS[entity].spec
    model = spec.model
    counts = the_plan.counts()
    batch = ImportBatch(
        user_id=actor_id, entity=entity, file_name=the_plan.source.name, sha256=the_plan.source.sha256,
        created=counts["created"], updated=counts["updated"],
        skipped=counts["skipped"] + counts["unchanged"] + counts["merged"], rejected=counts["invalid"],
    )  # fmt: skip
    session.add(batch)
    session.flush()
    items: list[tuple[Any, ...]] = []  # ITEM_COLUMNS
    audit_rows: list[tuple[Any, ...]] = []  # AUDIT_COLUMNS but the time
    note = {"import": [None, batch.uid]}

    # Organizations a contacts file names and the desk does not know yet.
    org_ids: dict[str, int] = {}
    org_names: dict[int, str] = {}  # id -> name of the organizations the new contacts name
    if the_plan.new_organizations:
        org_rows = organizations.clean_names(session, the_plan.new_organizations.values())
        created_orgs = _insert(session, Organization, org_rows)
        known_orgs: dict[int, Any] = {}
        for (org_id, uid), attrs in zip(created_orgs, org_rows, strict=True):
            org_ids[attrs["name_folded"]] = org_id
            org_names[org_id] = attrs["name"]
            known_orgs[org_id] = SimpleNamespace(id=org_id, **attrs)
            items.append((batch.id, "organization", org_id, "created", "", 1))
            org_changes = to_json({"name": [None, attrs["name"]], **note})
            audit_rows.append((actor_id, "create", "organization", org_id, uid, org_changes))
        new_org_ids = [i for i, _ in created_orgs]
        indexing.index_known(session, "organization", new_org_ids, known_orgs, tagged=())

    def new_org_id(row: RowPlan) -> int:
        """The id of the organization created for a row that names one (keyed as `clean` folds)."""
        return org_ids[fold_cached(the_plan.new_organizations[row.new_organization])]

    if cancelled is not None and cancelled():
        raise ImportCancelled()
    creating = [row for row in the_plan.rows if row.action == "created"]
    new_rows: list[dict[str, Any]] = []
    tag_lists: list[list[str]] = []
    for row in creating:
        attrs = dict(row.values)
        tag_lists.append(attrs.pop("tags", []) or [])
        if row.new_organization:
            attrs["organization_id"] = new_org_id(row)
        new_rows.append(attrs)
    created = _insert(session, model, new_rows)
    trail_texts = created_changes(new_rows, frozenset(spec.fields), note)
    known: dict[int, dict[str, Any]] = {}
    for row, (record_id, uid), attrs, text in zip(
        creating, created, new_rows, trail_texts, strict=True
    ):
        row.record_id = record_id
        items.append((batch.id, kind, record_id, "created", "", 1))
        audit_rows.append((actor_id, "create", kind, record_id, uid, text))
        known[record_id] = attrs
    if kind in tags.LINKS:
        _link_tags(
            session,
            kind,
            [(rid, names) for (rid, _), names in zip(created, tag_lists, strict=True) if names],
        )
    if progress is not None:
        progress(len(created))

    updated_ids: list[int] = []
    name_changed: list[int] = []
    for row in the_plan.rows:
        if row.action != "updated" or row.record_id is None:
            continue
        obj = records.get(session, spec, row.record_id)
        before_values = records.current_values(spec, obj)
        changes: dict[str, Any] = dict(row.changes)
        if row.new_organization:
            changes["organization_id"] = new_org_id(row)
        new_tags = changes.pop("tags", None)
        old_tags = tags.tags_of(session, kind, obj.id) if new_tags is not None else None
        table = model.__table__
        plain_changes = {k: val for k, val in changes.items() if k in spec.fields}
        derived = {
            k: row.values[k]
            for k in ("name_folded", "email_lower", "website_domain")
            if k in row.values
        }
        version = obj.version
        session.execute(
            sa.update(table).where(table.c.id == obj.id)
            .values(**plain_changes, **derived, version=version + 1, updated_at=utcnow())
        )  # fmt: skip
        if new_tags is not None:
            tags.set_tags(session, kind, obj.id, new_tags)
        before = {k: audit.plain(before_values[k]) for k in plain_changes}
        if old_tags is not None:
            before["tags"] = old_tags
        diff = {k: [before.get(k), audit.plain(val)] for k, val in plain_changes.items()}
        if new_tags is not None:
            diff["tags"] = [old_tags, new_tags]
        audit_rows.append((actor_id, "update", kind, obj.id, obj.uid, to_json({**diff, **note})))
        items.append((batch.id, kind, obj.id, "updated", to_json_str(before), version + 1))
        updated_ids.append(obj.id)
        if any(k in spec.shown_elsewhere for k in plain_changes):
            name_changed.append(obj.id)
    session.expire_all()
    now = utcnow()
    bulk.insert_rows(session, AUDIT, AUDIT_COLUMNS, [(now, *entry) for entry in audit_rows])
    bulk.insert_rows(session, ITEMS, ITEM_COLUMNS, items)
    if kind in indexing.KINDS:
        ids = [rid for rid, _ in created]
        tagged = {rid for (rid, _), names in zip(created, tag_lists, strict=True) if names}
        _index_created(session, kind, ids, updated_ids, known, org_names, tagged)
    for record_id in name_changed:
        records.reindex_referring(session, spec, record_id)
    audit.record(
        session,
        actor_id,
        "import",
        "import_batch",
        batch.id,
        batch.uid,
        {"file": [None, the_plan.source.name], "counts": [None, counts]},
    )
    the_plan.batch_id = batch.id
    the_plan.written = True
    return the_plan


def run(
    session: Session,
    actor_id: int | None,
    entity: str,
    source: Source,
    options: ImportOptions = DEFAULT_OPTIONS,
    *,
    dry_run: bool = False,
    progress: Callable[[int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> Plan:
    """Plan, then (unless `dry_run`) apply in the caller's transaction."""
    the_plan = plan(session, entity, source, options, progress=progress, cancelled=cancelled)
    if dry_run:
        return the_plan
    return apply(session, actor_id, the_plan, progress=progress, cancelled=cancelled)
