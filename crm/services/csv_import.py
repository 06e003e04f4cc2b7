"""CSV import of organizations, contacts and event participants: read, validate all, then write.

`read_source` decodes what staff receive (UTF-8 with or without BOM, UTF-16 with BOM,
Windows-1252 from older Excel), finds the delimiter (`,` `;` or tab: the one whose header
cells match the most known headers, then csv.Sniffer), and keeps each record with the
physical line it starts on. `plan` matches headers (English or French, synonyms, Outlook and
Google Contacts layouts, this app's own exports), cleans every row with the entity module's
own `clean` (same rules as the window), finds duplicates within the file and against the
database, and decides per row: created, updated, unchanged, skipped, merged or invalid.
Nothing is written by `plan`. `apply` writes a plan in the caller's transaction, in bulk
(Core inserts, search index through `indexing.index_rows` at the end), and records an import
batch so the import can be undone (`undo_last`).

Rules:

- All or nothing: any invalid row and nothing is written (`ImportRefused` lists every
  problem), unless `skip_invalid`, where the valid rows are written and the rejected ones can
  be saved with their reason (`write_rejects`) to be fixed and imported again.
- Problems name the line (the physical line the record starts on, the header being line 1)
  and the column (the file's header).
- Duplicates: `uid` (this app's files), email, folded name within the same organization
  (contacts); `uid`, website domain, folded name (organizations); event and contact or
  organization (participants). `on_duplicate`: "skip" leaves the recorded one as is,
  "update" writes the file's non-blank values over it, "fill" writes them only into its
  blank fields. A row equal to what is recorded is "unchanged": re-importing an export
  changes nothing. Rows repeating an earlier row of the file are "merged" into it (its blank
  fields filled from them).
- Undo: created records go to the trash (soft deletion: restorable, `purge` erases them);
  updated records get their previous values back, refused when changed since the import.
"""

from __future__ import annotations

import codecs
import csv
import hashlib
import io
import json
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import chain
from operator import itemgetter
from pathlib import Path
from types import SimpleNamespace
from typing import Any, NamedTuple, cast

import sqlalchemy as sa
from sqlalchemy.orm import Session

from crm.db.base import new_uid, utcnow
from crm.db.models import (
    AuditEntry,
    Contact,
    Event,
    EventParticipant,
    ImportBatch,
    ImportBatchItem,
    Organization,
    contact_tags,
    organization_tags,
)
from crm.domain import csv_headers
from crm.domain import validation as v
from crm.domain.enums import Consent, Language, Membership, OrganizationKind, Territory
from crm.domain.errors import DeskError, Issue, ValidationFailed
from crm.domain.text import fold
from crm.services import audit, bulk, contacts, events, indexing, organizations, records, tags
from crm.services.cleaning import split_tags

__all__ = [
    "ENTITIES",
    "ImportCancelled",
    "ImportOptions",
    "ImportRefused",
    "Plan",
    "Problem",
    "RowPlan",
    "Source",
    "apply",
    "last_batch",
    "plan",
    "read_source",
    "run",
    "undo_last",
    "write_rejects",
]

ENTITIES = ("organizations", "contacts", "participants")
ON_DUPLICATE = ("skip", "update", "fill")
_UNQUOTE = ("'=", "'+", "'-", "'@", "'\t", "'\r")
KIND = {"organizations": "organization", "contacts": "contact", "participants": "participant"}


_fold = lru_cache(maxsize=1 << 16)(fold)
_NOTHING: tuple[Any, ...] = ("", None, False)
AUDIT = cast(sa.Table, AuditEntry.__table__)
ITEMS = cast(sa.Table, ImportBatchItem.__table__)
BATCHES = cast(sa.Table, ImportBatch.__table__)


class ImportCancelled(DeskError):
    def __init__(self) -> None:
        super().__init__("the import was cancelled; nothing was written")


# --- reading ---------------------------------------------------------------------------------


@dataclass
class Source:
    """A decoded file: its headers and records, each with the line it starts on."""

    name: str
    encoding: str
    delimiter: str
    headers: list[str]
    records: list[tuple[int, list[str]]]
    sha256: str = ""


def _decode(data: bytes) -> tuple[str, str]:
    if data.startswith(codecs.BOM_UTF8):
        return data[len(codecs.BOM_UTF8) :].decode("utf-8", errors="replace"), "utf-8-sig"
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return data.decode("utf-16"), "utf-16"
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace"), "cp1252"


def _delimiter(text: str, entity: str | None) -> str:
    first = text.split("\n", 1)[0]
    candidates = [",", ";", "\t"]
    if entity is not None:
        scores = []
        for d in candidates:
            headers = next(csv.reader([first], delimiter=d), [])
            scores.append((len(csv_headers.match_headers(entity, headers)), first.count(d), d))
        best = max(scores)
        if best[0] > 1 or (best[0] == 1 and best[1] > 0):
            return best[2]
    try:
        return csv.Sniffer().sniff(text[:65536], delimiters=",;\t").delimiter
    except csv.Error:
        return max(candidates, key=first.count)


def read_source(
    data: bytes | str | Path,
    entity: str | None = None,
    *,
    delimiter: str | None = None,
    name: str = "",
) -> Source:
    """Decode and split a CSV file; blank lines are dropped (their line numbers are kept)."""
    if isinstance(data, str | Path):
        path = Path(data)
        name = name or str(path)
        try:
            data = path.read_bytes()
        except OSError as exc:
            raise DeskError(f"cannot read {path}: {exc.strerror or exc}") from exc
    with bulk.no_gc():
        return _read(data, entity, delimiter, name)


def _read(data: bytes, entity: str | None, delimiter: str | None, name: str) -> Source:
    sha = hashlib.sha256(data).hexdigest()
    text, encoding = _decode(data)
    delim = delimiter or _delimiter(text, entity)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delim)
    headers: list[str] | None = None
    records: list[tuple[int, list[str]]] = []
    line = 1
    try:
        for row in reader:
            start = line
            line = reader.line_num + 1
            if not "".join(row).strip():  # every cell blank
                continue
            if headers is None:
                headers = [h.strip().lstrip("\ufeff") for h in row]
                continue
            records.append((start, row))
    except csv.Error as exc:
        raise DeskError(
            f"{name or 'the file'}: line {line}: not a readable CSV file ({exc})"
        ) from exc
    if headers is None:
        raise DeskError(f"{name or 'the file'} is empty: no header line")
    return Source(name, encoding, delim, headers, records, sha)


# --- the plan --------------------------------------------------------------------------------


@dataclass(frozen=True)
class Problem:
    line: int
    column: str
    field: str
    code: str
    message: str
    value: str = ""  # the cell's text, when the problem is about it

    def __str__(self) -> str:
        where = f"line {self.line}" + (f", column '{self.column}'" if self.column else "")
        return f"{where}: {self.message}"


@dataclass
class RowPlan:
    """What happens to one record of the file."""

    line: int
    action: str  # created, updated, unchanged, skipped, merged, invalid
    label: str = ""
    problems: list[Problem] = field(default_factory=list)
    record_id: int | None = None  # the recorded one it matches (updated/unchanged/skipped)
    merged_into: int | None = None  # the line it was merged into
    values: dict[str, Any] = field(default_factory=dict)  # cleaned attributes to write
    changes: dict[str, Any] = field(default_factory=dict)  # for updates
    new_organization: str = ""  # a contact's organization to create, by name
    detail: str = ""


@dataclass(frozen=True)
class ImportOptions:
    on_duplicate: str = "skip"
    mapping: dict[str, str] = field(default_factory=dict)  # header -> field ("" ignores it)
    skip_invalid: bool = False


@dataclass
class Plan:
    entity: str
    source: Source
    options: ImportOptions
    mapping: dict[int, str]  # column index -> field
    rows: list[RowPlan]
    new_organizations: dict[str, str] = field(default_factory=dict)  # folded -> name
    batch_id: int | None = None
    written: bool = False

    @property
    def problems(self) -> list[Problem]:
        return [p for row in self.rows for p in row.problems]

    @property
    def valid(self) -> bool:
        return not any(row.action == "invalid" for row in self.rows)

    def counts(self) -> dict[str, int]:
        found = dict.fromkeys(
            ("created", "updated", "unchanged", "skipped", "merged", "invalid"), 0
        )
        for row in self.rows:
            found[row.action] += 1
        found["organizations_created"] = len(self.new_organizations)
        return found

    def column_of(self, field_name: str) -> str:
        for index, name in self.mapping.items():
            if name == field_name:
                return self.source.headers[index]
        return ""

    def as_dict(self) -> dict[str, Any]:
        return {
            "entity": self.entity,
            "file": self.source.name,
            "encoding": self.source.encoding,
            "delimiter": "tab" if self.source.delimiter == "\t" else self.source.delimiter,
            "mapping": {self.source.headers[i]: f for i, f in self.mapping.items()},
            "written": self.written,
            "batch_id": self.batch_id,
            "counts": self.counts(),
            "rows": [
                {
                    "line": r.line, "action": r.action, "label": r.label,
                    "record_id": r.record_id, "merged_into": r.merged_into, "detail": r.detail,
                    "problems": [
                        {"column": p.column, "field": p.field, "code": p.code, "message": p.message}
                        for p in r.problems
                    ],
                }
                for r in self.rows
            ],
        }  # fmt: skip


class ImportRefused(DeskError):
    """The file has invalid rows and nothing was written; `plan.problems` lists them all."""

    def __init__(self, plan: Plan) -> None:
        self.plan = plan
        problems = plan.problems
        shown = "\n".join(f"  {p}" for p in problems[:50])
        more = f"\n  … and {len(problems) - 50} more" if len(problems) > 50 else ""
        invalid = plan.counts()["invalid"]
        super().__init__(
            f"{plan.source.name or 'the file'}: {invalid} invalid row(s), nothing was imported:\n{shown}{more}"
        )


def resolve_mapping(
    entity: str, headers: Sequence[str], overrides: dict[str, str]
) -> dict[int, str]:
    """Column index -> field: the recognized headers, then the user's `Header=field` choices."""
    mapping = csv_headers.match_headers(entity, list(headers))
    keys = [csv_headers.header_key(h) for h in headers]
    for header, target in overrides.items():
        key = csv_headers.header_key(header)
        if key not in keys:
            raise DeskError(
                f"--map: the file has no column '{header}' (columns: {', '.join(headers)})"
            )
        index = keys.index(key)
        if target.strip() in ("", "-"):
            mapping.pop(index, None)
            continue
        field_name = csv_headers.field_for(entity, target)
        if field_name is None:
            allowed = ", ".join(csv_headers.IMPORT_FIELDS[entity])
            raise DeskError(f"--map: '{target}' is not a {entity} field (one of {allowed})")
        mapping = {i: f for i, f in mapping.items() if f != field_name}
        mapping[index] = field_name
    return dict(sorted(mapping.items()))


def _cell(text: str) -> str:
    text = text.strip()
    if text.startswith(_UNQUOTE):  # written by a safe export: the apostrophe is not data
        return text[1:]
    return text


# The closed vocabularies of each field: a cell naming a member is handed over as the member
# (the entity's cleaner then takes it as is), anything else as text (the cleaner reports it).
_CHOICES: dict[str, type[Any]] = {
    "kind": OrganizationKind, "territory": Territory, "membership": Membership,
    "language": Language, "share_with_partners": Consent,
}  # fmt: skip


@lru_cache(maxsize=4096)
def _value(name: str, text: str) -> Any:
    """A cell's value for field `name`: synonyms resolved, vocabularies as members (cached:
    the same words repeat on every line)."""
    value = csv_headers.value_synonym(name, text)
    enum = _CHOICES.get(name)
    if enum is not None:
        key = fold(value).replace(" ", "_")
        for member in enum:
            if key in (member.value.lower(), member.name.lower()):
                return member
    if name == "region":
        return v.region_code(value)
    return value


def _row_values(entity: str, mapping: dict[int, str], cells: list[str]) -> dict[str, Any]:
    return _row_reader(entity, mapping)(cells)


_CACHED = frozenset({*_CHOICES, "region", "country", "city", "do_not_contact", "attended"})


def _row_reader(entity: str, mapping: dict[int, str]) -> Callable[[list[str]], dict[str, Any]]:
    """`_row_values(entity, mapping, cells)` with the mapping's work done once."""
    quoted = _UNQUOTE
    blank = object()

    def cell_value(name: str, cell: str) -> Any:
        text = cell.strip()
        if not text:
            return blank
        if text[0] == "'" and text.startswith(quoted):  # a safe export's apostrophe
            text = text[1:]
        return _value(name, text) if name in _CACHED else text

    # Vocabulary columns repeat the same few cells: each cell's value is kept by column.
    columns: list[tuple[int, str, dict[str, Any] | None]] = [
        (index, name, {} if name in _CACHED else None) for index, name in mapping.items()
    ]

    def read(cells: list[str]) -> dict[str, Any]:
        values: dict[str, Any] = {}
        size = len(cells)
        for index, name, seen in columns:
            if index < size:
                cell = cells[index]
                if seen is None:
                    text = cell.strip()
                    if text:
                        if text[0] == "'" and text.startswith(quoted):
                            text = text[1:]
                        values[name] = text
                    continue
                found = seen.get(cell, blank)
                if found is blank:
                    found = cell_value(name, cell)
                    if len(seen) < 4096:
                        seen[cell] = found
                if found is not blank:
                    values[name] = found
        if entity == "contacts":
            full = values.pop("full_name", "")
            if full and not values.get("first_name") and not values.get("last_name"):
                first, _, last = full.rpartition(" ")
                values["first_name"], values["last_name"] = (first, last) if first else ("", last)
        if "tags" in values:  # Google: "* myContacts ::: Friends"
            names = values["tags"].replace(":::", ",")
            values["tags"] = ", ".join(
                t.strip() for t in names.split(",") if not t.strip().startswith("*")
            )
        return values

    return read


def _problems(
    line: int, plan_mapping: dict[int, str], headers: list[str], issues: Iterable[Issue]
) -> list[Problem]:
    columns = {f: headers[i] for i, f in plan_mapping.items()}
    aliases = {"organization_id": "organization", "event_id": "event", "contact_id": "contact"}
    found = []
    for issue in issues:
        name = aliases.get(issue.field, issue.field)
        column = columns.get(name) or columns.get(issue.field, "")
        if not column and name == "contact":
            column = columns.get("contact_email") or columns.get("contact_uid", "")
        if not column and name == "last_name":
            column = columns.get("first_name", "")
        found.append(
            Problem(line, column, name, issue.code, issue.message, issue.params.get("value", ""))
        )
    return found


def _compact(value: Any) -> Any:
    if isinstance(value, str):
        return value.strip()
    return value


def _same(field_name: str, old: Any, new: Any) -> bool:
    if field_name == "region":
        return v.region_code(str(old or "")) == v.region_code(str(new or ""))
    if field_name == "tags":
        return {fold(t) for t in old or []} >= {fold(t) for t in new or []}
    return bool(_compact(old) == _compact(new))


def _blank(value: Any) -> bool:
    return value is None or value == "" or value == [] or value is False


class _Planner:
    """Plans one entity's rows; the subclasses know their keys and references."""

    spec: records.EntitySpec[Any]
    entity: str

    def __init__(self, session: Session, source: Source, options: ImportOptions) -> None:
        self.session = session
        self.source = source
        self.options = options
        self.mapping = resolve_mapping(self.entity, source.headers, options.mapping)
        self.plan = Plan(self.entity, source, options, self.mapping, [])
        # The fields a row may set: the record's own and the extra ones (tags).
        self.allowed = frozenset((*self.spec.fields, *self.spec.extra_fields))
        # The keys of each row `run` kept (None: to be asked again), by index in plan.rows.
        self.row_keys: list[list[tuple[str, Any]] | None] = []

    # keys of a row (within the file and against the database), best first
    def keys(self, values: dict[str, Any]) -> list[tuple[str, Any]]:
        raise NotImplementedError

    def lookup(self, key: tuple[str, Any]) -> int | None:
        raise NotImplementedError

    def prepare(self, values: dict[str, str], issues: list[Issue]) -> dict[str, Any]:
        """Turn the row's text into the entity's field values (references resolved)."""
        return dict(values)

    def label(self, values: dict[str, Any]) -> str:
        return ""

    def current(self, record_ids: list[int]) -> dict[int, dict[str, Any]]:
        fields = self.spec.fields
        model = self.spec.model
        found: dict[int, dict[str, Any]] = {}
        for start in range(0, len(record_ids), 5000):
            chunk = record_ids[start : start + 5000]
            query = sa.select(model.id, *(getattr(model, f) for f in fields)).where(
                model.id.in_(chunk)
            )
            for row in self.session.execute(query):
                found[row[0]] = dict(zip(fields, row[1:], strict=True))
        if "tags" in self.spec.extra_fields:
            kind = KIND[self.entity]
            table, column = tags.LINKS[kind]
            from crm.db.models import Tag

            for start in range(0, len(record_ids), 5000):
                chunk = record_ids[start : start + 5000]
                query = (
                    sa.select(table.c[column], Tag.name)
                    .join(Tag, Tag.id == table.c.tag_id)
                    .where(table.c[column].in_(chunk))
                )
                for record_id, name in self.session.execute(query):
                    found[record_id].setdefault("tags", []).append(name)
        return found

    def run(
        self, progress: Callable[[int], None] | None, cancelled: Callable[[], bool] | None
    ) -> Plan:
        headers = self.source.headers
        fields_present = set(self.mapping.values())
        if not self.required_present(fields_present):
            raise DeskError(self.missing_message(fields_present))
        groups: dict[tuple[str, Any], int] = {}  # key -> index of the first row in plan.rows
        prepared: list[dict[str, Any]] = []
        row_keys = self.row_keys
        rows = self.plan.rows
        read_row = _row_reader(self.entity, self.mapping)
        for count, (line, cells) in enumerate(self.source.records, start=1):
            if cancelled is not None and count % 2000 == 0 and cancelled():
                raise ImportCancelled()
            if progress is not None and count % 2000 == 0:
                progress(count)
            values = read_row(cells)
            if not values:
                continue
            issues: list[Issue] = []
            data = self.prepare(values, issues)
            row = RowPlan(line, "created", self.label(data))
            if issues:
                row.problems = _problems(line, self.mapping, headers, issues)
                row.action = "invalid"
                rows.append(row)
                prepared.append(data)
                row_keys.append(None)
                continue
            keys = self.keys(data)
            first = next((groups[k] for k in keys if k in groups), None)
            if first is not None and rows[first].action != "invalid":
                row.action, row.merged_into = "merged", rows[first].line
                base = prepared[first]
                for name, value in data.items():
                    if _blank(base.get(name)) and not _blank(value):
                        base[name] = value
                        row_keys[first] = None  # its keys may have changed: asked again
                rows.append(row)
                prepared.append({})
                row_keys.append(None)
                continue
            for k in keys:
                groups.setdefault(k, len(rows))
            rows.append(row)
            prepared.append(data)
            row_keys.append(keys)
        self.decide(prepared)
        return self.plan

    def required_present(self, fields_present: set[str]) -> bool:
        return True

    def missing_message(self, fields_present: set[str]) -> str:
        return "the file has no column this import recognizes"

    def decide(self, prepared: list[dict[str, Any]]) -> None:
        """Clean each kept row and match it against the database."""
        rows = self.plan.rows
        matches: dict[int, int] = {}
        for index, (row, data) in enumerate(zip(rows, prepared, strict=True)):
            if row.action != "created":
                continue
            keys = self.row_keys[index] if index < len(self.row_keys) else None
            for key in self.keys(data) if keys is None else keys:
                found = self.lookup(key)
                if found is not None:
                    matches[index] = found
                    break
        current = self.current(sorted(set(matches.values())))
        for index, (row, data) in enumerate(zip(rows, prepared, strict=True)):
            if row.action != "created":
                continue
            record_id = matches.get(index)
            if record_id is None:
                self.clean_new(row, data)
                continue
            row.record_id = record_id
            before = current.get(record_id, {})
            if self.options.on_duplicate == "skip":
                row.action, row.detail = "skipped", "already recorded"
                continue
            wanted = {
                k: val for k, val in data.items()
                if (k in self.spec.fields or k in self.spec.extra_fields)
                and val is not None and val != "" and val != []
            }  # fmt: skip
            if self.options.on_duplicate == "fill":
                wanted = {k: val for k, val in wanted.items() if _blank(before.get(k))}
            try:
                merged = {**before, **wanted}
                if "tags" in wanted:
                    merged["tags"] = list(before.get("tags", [])) + split_tags(wanted["tags"])
                attrs = self.spec.clean(self.session, merged)
            except ValidationFailed as exc:
                row.action = "invalid"
                row.problems = _problems(row.line, self.mapping, self.source.headers, exc.issues)
                continue
            changes = {
                k: attrs[k] for k in wanted
                if k in attrs and not _same(k, before.get(k), attrs[k])
            }  # fmt: skip
            if changes:
                row.action, row.changes, row.values = "updated", changes, attrs
                row.detail = ", ".join(sorted(changes))
            else:
                row.action, row.detail = "unchanged", "same as recorded"

    def clean_new(self, row: RowPlan, data: dict[str, Any]) -> None:
        allowed = self.allowed
        values = {k: val for k, val in data.items() if k in allowed}
        try:
            row.values = self.spec.clean(self.session, values)
        except ValidationFailed as exc:
            row.action = "invalid"
            row.problems = _problems(row.line, self.mapping, self.source.headers, exc.issues)
            return
        if data.get("uid") and self.uid_free(data["uid"]):
            row.values["uid"] = data["uid"]

    def uid_free(self, uid: str) -> bool:
        return False


def _load_map(session: Session, query: Any) -> dict[Any, int]:
    found: dict[Any, int] = {}
    for key, record_id in session.connection().execute(query):
        if key not in ("", None):
            found.setdefault(key, record_id)
    return found


class _Organizations(_Planner):
    spec = organizations.service
    entity = "organizations"

    def __init__(self, session: Session, source: Source, options: ImportOptions) -> None:
        super().__init__(session, source, options)
        o = Organization
        live = o.deleted_at.is_(None)
        self.by_uid = _load_map(session, sa.select(o.uid, o.id).where(live))
        self.all_uids = set(session.connection().scalars(sa.select(o.uid)))
        self.by_domain = _load_map(session, sa.select(o.website_domain, o.id).where(live))
        self.by_name = _load_map(session, sa.select(o.name_folded, o.id).where(live))

    def required_present(self, fields_present: set[str]) -> bool:
        return "name" in fields_present

    def missing_message(self, fields_present: set[str]) -> str:
        return "the file has no organization name column (e.g. name, Nom, Company, Entreprise); use --map 'Header=name'"

    def prepare(self, values: dict[str, str], issues: list[Issue]) -> dict[str, Any]:
        data: dict[str, Any] = dict(values)
        if not data.get("name"):
            issues.append(Issue("name", "required", "name: an organization name is required"))
        return data

    def keys(self, values: dict[str, Any]) -> list[tuple[str, Any]]:
        found: list[tuple[str, Any]] = []
        if values.get("uid"):
            found.append(("uid", values["uid"]))
        domain = v.website_domain(values.get("website", ""))
        if domain:
            found.append(("domain", domain))
        if values.get("name"):
            found.append(("name", _fold(values["name"])))
        return found

    def lookup(self, key: tuple[str, Any]) -> int | None:
        kind, value = key
        table = {"uid": self.by_uid, "domain": self.by_domain, "name": self.by_name}[kind]
        return table.get(value)

    def label(self, values: dict[str, Any]) -> str:
        return str(values.get("name", ""))

    def uid_free(self, uid: str) -> bool:
        return uid not in self.all_uids


class _Contacts(_Planner):
    spec = contacts.service
    entity = "contacts"

    def __init__(self, session: Session, source: Source, options: ImportOptions) -> None:
        super().__init__(session, source, options)
        c, o = Contact, Organization
        live = c.deleted_at.is_(None)
        self.by_uid = _load_map(session, sa.select(c.uid, c.id).where(live))
        self.all_uids = set(session.connection().scalars(sa.select(c.uid)))
        self.by_email = _load_map(session, sa.select(c.email_lower, c.id).where(live))
        self.by_name: dict[tuple[str, int | None], int] = {}
        for name, org_id, record_id in session.execute(
            sa.select(c.name_folded, c.organization_id, c.id).where(live)
        ):
            self.by_name.setdefault((name, org_id), record_id)
        org_live = o.deleted_at.is_(None)
        self.org_by_uid = _load_map(session, sa.select(o.uid, o.id).where(org_live))
        self.org_by_name = _load_map(session, sa.select(o.name_folded, o.id).where(org_live))
        self.org_territory: dict[int, Any] = {}
        self.new_orgs: dict[str, str] = {}

    def required_present(self, fields_present: set[str]) -> bool:
        return bool({"first_name", "last_name", "full_name", "email"} & fields_present)

    def missing_message(self, fields_present: set[str]) -> str:
        return "the file has no name or email column (e.g. first_name, Prénom, Given Name, Courriel); use --map 'Header=field'"

    def prepare(self, values: dict[str, str], issues: list[Issue]) -> dict[str, Any]:
        data: dict[str, Any] = dict(values)
        org_uid = data.pop("organization_uid", "")
        org_name = data.pop("organization", "")
        org_id = self.org_by_uid.get(org_uid) if org_uid else None
        if org_id is None and org_name:
            key = _fold(org_name)
            org_id = self.org_by_name.get(key)
            if org_id is None:
                self.new_orgs.setdefault(key, org_name)
                data["_new_org"] = key
        if org_id is not None:
            data["organization_id"] = org_id
        if "consent_date" in data:
            day, code = csv_headers.parse_day(data["consent_date"])
            if code == "date.ambiguous":
                text = data["consent_date"]
                issues.append(
                    Issue(
                        "consent_date",
                        code,
                        f"consent_date: '{text}' could be day/month or month/day; write it as YYYY-MM-DD",
                        {"value": text},
                    )
                )
            elif code:
                text = data["consent_date"]
                issues.append(
                    Issue(
                        "consent_date",
                        code,
                        f"consent_date: '{text}' is not a date",
                        {"value": text},
                    )
                )
            data["consent_date"] = day
        if not data.get("first_name") and not data.get("last_name"):
            issues.append(
                Issue("last_name", "required", "last_name: a first or last name is required")
            )
        return data

    def keys(self, values: dict[str, Any]) -> list[tuple[str, Any]]:
        found: list[tuple[str, Any]] = []
        if values.get("uid"):
            found.append(("uid", values["uid"]))
        email = str(values.get("email") or "").strip().lower()
        if email:
            found.append(("email", email))
        name = _fold(f"{values.get('first_name', '')} {values.get('last_name', '')}")
        if name:
            org: Any = values.get("organization_id")
            if org is None and values.get("_new_org"):
                org = ("new", values["_new_org"])
            found.append(("name", (name, org)))
        return found

    def lookup(self, key: tuple[str, Any]) -> int | None:
        kind, value = key
        if kind == "uid":
            return self.by_uid.get(value)
        if kind == "email":
            return self.by_email.get(value)
        name, org = value
        if isinstance(org, tuple):  # an organization the import creates: no recorded contact there
            return None
        return self.by_name.get((name, org))

    def label(self, values: dict[str, Any]) -> str:
        name = f"{values.get('first_name', '')} {values.get('last_name', '')}".strip()
        return name or str(values.get("email", ""))

    def clean_new(self, row: RowPlan, data: dict[str, Any]) -> None:
        new_org = data.pop("_new_org", None)
        super().clean_new(row, data)
        if new_org and row.action == "created":
            row.new_organization = new_org
            self.plan.new_organizations[new_org] = self.new_orgs[new_org]

    def decide(self, prepared: list[dict[str, Any]]) -> None:
        super().decide(prepared)
        for row, data in zip(self.plan.rows, prepared, strict=True):
            if row.action in ("updated",) and data.get("_new_org"):
                row.new_organization = data["_new_org"]
                self.plan.new_organizations[data["_new_org"]] = self.new_orgs[data["_new_org"]]

    def uid_free(self, uid: str) -> bool:
        return uid not in self.all_uids


class _Participants(_Planner):
    spec = events.participants
    entity = "participants"

    def __init__(self, session: Session, source: Source, options: ImportOptions) -> None:
        super().__init__(session, source, options)
        e, c, o = Event, Contact, Organization
        self.event_by_uid = _load_map(session, sa.select(e.uid, e.id).where(e.deleted_at.is_(None)))
        self.event_by_name = _load_map(
            session, sa.select(sa.func.lower(e.name), e.id).where(e.deleted_at.is_(None))
        )
        self.event_by_fold = {fold(k): i for k, i in self.event_by_name.items()}
        live = c.deleted_at.is_(None)
        self.contact_by_uid = _load_map(session, sa.select(c.uid, c.id).where(live))
        self.contact_by_email = _load_map(session, sa.select(c.email_lower, c.id).where(live))
        self.contact_by_name = _load_map(session, sa.select(c.name_folded, c.id).where(live))
        self.org_by_uid = _load_map(session, sa.select(o.uid, o.id).where(o.deleted_at.is_(None)))
        self.org_by_name = _load_map(
            session, sa.select(o.name_folded, o.id).where(o.deleted_at.is_(None))
        )
        p = EventParticipant
        self.existing: dict[tuple[int, int | None, int | None], int] = {}
        for pid, event_id, contact_id, org_id in session.execute(
            sa.select(p.id, p.event_id, p.contact_id, p.organization_id).where(
                p.deleted_at.is_(None)
            )
        ):
            self.existing.setdefault((event_id, contact_id, org_id), pid)
        self.by_uid = _load_map(session, sa.select(p.uid, p.id).where(p.deleted_at.is_(None)))
        self.all_uids = set(session.connection().scalars(sa.select(p.uid)))

    def required_present(self, fields_present: set[str]) -> bool:
        return bool({"event", "event_uid"} & fields_present) and bool(
            {"contact", "contact_email", "contact_uid", "organization", "organization_uid"}
            & fields_present
        )

    def missing_message(self, fields_present: set[str]) -> str:
        return "a participants file needs an event column and a contact (email, name) or organization column"

    def prepare(self, values: dict[str, str], issues: list[Issue]) -> dict[str, Any]:
        data: dict[str, Any] = {"uid": values.get("uid", ""), "role": values.get("role", "")}
        if "attended" in values:
            data["attended"] = values["attended"]
        event_id = (
            self.event_by_uid.get(values.get("event_uid", "")) if values.get("event_uid") else None
        )
        if event_id is None and values.get("event"):
            event_id = self.event_by_fold.get(fold(values["event"]))
        if event_id is None:
            shown = values.get("event") or values.get("event_uid", "")
            issues.append(
                Issue("event", "reference.missing", f"event: no event '{shown}' is recorded")
            )
        contact_id = None
        if values.get("contact_uid"):
            contact_id = self.contact_by_uid.get(values["contact_uid"])
        if contact_id is None and values.get("contact_email"):
            contact_id = self.contact_by_email.get(values["contact_email"].lower())
        if contact_id is None and values.get("contact"):
            contact_id = self.contact_by_name.get(fold(values["contact"]))
        named = values.get("contact_uid") or values.get("contact_email") or values.get("contact")
        if contact_id is None and named:
            issues.append(
                Issue(
                    "contact",
                    "reference.missing",
                    f"contact: no contact '{named}' is recorded (import the contacts first)",
                )
            )
        org_id = None
        if values.get("organization_uid"):
            org_id = self.org_by_uid.get(values["organization_uid"])
        if org_id is None and values.get("organization"):
            org_id = self.org_by_name.get(fold(values["organization"]))
            if org_id is None:
                issues.append(
                    Issue(
                        "organization",
                        "reference.missing",
                        f"organization: no organization '{values['organization']}' is recorded",
                    )
                )
        if not named and org_id is None and not issues:
            issues.append(
                Issue(
                    "contact", "required", "contact: a participant is a contact or an organization"
                )
            )
        data.update(event_id=event_id, contact_id=contact_id, organization_id=org_id)
        data["_label"] = " · ".join(
            x for x in (named or values.get("organization", ""), values.get("event", "")) if x
        )
        return data

    def keys(self, values: dict[str, Any]) -> list[tuple[str, Any]]:
        found: list[tuple[str, Any]] = []
        if values.get("uid"):
            found.append(("uid", values["uid"]))
        found.append(
            (
                "triple",
                (values.get("event_id"), values.get("contact_id"), values.get("organization_id")),
            )
        )
        return found

    def lookup(self, key: tuple[str, Any]) -> int | None:
        kind, value = key
        return self.by_uid.get(value) if kind == "uid" else self.existing.get(value)

    def label(self, values: dict[str, Any]) -> str:
        return str(values.get("_label", ""))

    def uid_free(self, uid: str) -> bool:
        return uid not in self.all_uids


PLANNERS: dict[str, type[_Planner]] = {
    "organizations": _Organizations,
    "contacts": _Contacts,
    "participants": _Participants,
}


def plan(
    session: Session,
    entity: str,
    source: Source,
    options: ImportOptions = ImportOptions(),
    *,
    progress: Callable[[int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> Plan:
    """Validate every row and decide what would happen to it; writes nothing."""
    if entity not in PLANNERS:
        raise DeskError(f"cannot import '{entity}' (one of {', '.join(ENTITIES)})")
    if options.on_duplicate not in ON_DUPLICATE:
        raise DeskError(f"--on-duplicate takes {', '.join(ON_DUPLICATE)}")
    with bulk.no_gc():
        return PLANNERS[entity](session, source, options).run(progress, cancelled)


# --- writing ---------------------------------------------------------------------------------


def _plain(value: Any) -> Any:
    return audit.plain(value)


# One encoder for every trail entry: `json.dumps(..., ensure_ascii=False, default=_plain)` would
# build an equal one per call (same output).
_JSON = json.JSONEncoder(ensure_ascii=False, default=_plain).encode
_JSON_STR = json.JSONEncoder(ensure_ascii=False, default=str).encode


class _Fragments(dict[tuple[str, type, Any], str]):
    """(field, type, value) -> '"field": [null, <value as JSON>]', a created record's piece of
    its trail entry (`_JSON` of {field: [None, value]} without the braces): cities, languages,
    organizations repeat on every line. The type is in the key so that 1 and True differ."""

    def __missing__(self, key: tuple[str, type, Any]) -> str:
        name, _, value = key
        fragment = self[key] = f"{_JSON(name)}: [null, {_JSON(value)}]"
        return fragment


AUDIT_COLUMNS = ("at", "user_id", "action", "entity", "record_id", "record_uid", "changes")
ITEM_COLUMNS = ("batch_id", "entity", "record_id", "action", "before", "version_after")


def _audit_rows(
    actor_id: int | None, action: str, kind: str, items: Iterable[tuple[int, str, dict[str, Any]]]
) -> list[dict[str, Any]]:
    return [
        {
            "user_id": actor_id, "action": action, "entity": kind, "record_id": record_id,
            "record_uid": uid, "changes": _JSON(changes),
        }
        for record_id, uid, changes in items
    ]  # fmt: skip


def bulk_insert(session: Session, table: sa.Table, rows: list[dict[str, Any]]) -> None:
    """`INSERT` of many rows with the same keys through the driver's executemany
    (see `bulk.insert_rows`)."""
    if not rows:
        return
    keys = list(rows[0])
    get = itemgetter(*keys)
    values = [get(row) for row in rows] if len(keys) > 1 else [(row[keys[0]],) for row in rows]
    bulk.insert_rows(session, table, keys, values)


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
    names = {fold(n): n for _, names_ in pairs for n in names_}
    if not names:
        return
    ids = dict(zip(names, tags.ensure(session, list(names.values())), strict=True))
    table, column = tags.LINKS[kind]
    links = {
        (record_id, ids[fold(n)]) for record_id, names_ in pairs for n in names_ if fold(n) in ids
    }
    existing: set[Any] = set()
    record_ids = sorted({r for r, _ in links})
    for start in range(0, len(record_ids), 5000):
        chunk = record_ids[start : start + 5000]
        existing.update(
            session.execute(
                sa.select(table.c[column], table.c.tag_id).where(table.c[column].in_(chunk))
            ).all()
        )
    new = [{column: r, "tag_id": t} for r, t in sorted(links - existing)]
    if new:
        session.execute(sa.insert(table), new)


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
        for start in range(0, len(listed), 5000):
            chunk = listed[start : start + 5000]
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
        org_rows = []
        for name in the_plan.new_organizations.values():
            attrs = organizations.clean(session, {"name": name})
            org_rows.append(attrs)
        created_orgs = _insert(session, Organization, org_rows)
        known_orgs: dict[int, Any] = {}
        for (org_id, uid), attrs in zip(created_orgs, org_rows, strict=True):
            org_ids[attrs["name_folded"]] = org_id
            org_names[org_id] = attrs["name"]
            known_orgs[org_id] = SimpleNamespace(id=org_id, **attrs)
            items.append((batch.id, "organization", org_id, "created", "", 1))
            org_changes = _JSON({"name": [None, attrs["name"]], **note})
            audit_rows.append((actor_id, "create", "organization", org_id, uid, org_changes))
        new_org_ids = [i for i, _ in created_orgs]
        indexing.index_known(session, "organization", new_org_ids, known_orgs, tagged=())

    if cancelled is not None and cancelled():
        raise ImportCancelled()
    creating = [row for row in the_plan.rows if row.action == "created"]
    new_rows: list[dict[str, Any]] = []
    tag_lists: list[list[str]] = []
    for row in creating:
        attrs = dict(row.values)
        tag_lists.append(attrs.pop("tags", []) or [])
        if row.new_organization:
            attrs["organization_id"] = org_ids[
                _fold(the_plan.new_organizations[row.new_organization])
            ]
        new_rows.append(attrs)
    created = _insert(session, model, new_rows)
    fields = frozenset(spec.fields)
    nothing = _NOTHING
    fragments = _Fragments()
    note_fragment = [f'"import": {_JSON(note["import"])}']
    known: dict[int, dict[str, Any]] = {}
    for row, (record_id, uid), attrs in zip(creating, created, new_rows, strict=True):
        row.record_id = record_id
        items.append((batch.id, kind, record_id, "created", "", 1))
        # Blank values are left out of the trail: a new record's blank field says nothing.
        # The text is `_JSON({k: [None, value]..., **note})`, put together from pieces.
        parts = [
            fragments[k, val.__class__, val]
            for k, val in attrs.items()
            if k in fields and val not in nothing
        ]
        audit_rows.append(
            (actor_id, "create", kind, record_id, uid, "{" + ", ".join(parts + note_fragment) + "}")
        )
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
            changes["organization_id"] = org_ids[
                _fold(the_plan.new_organizations[row.new_organization])
            ]
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
        audit_rows.append((actor_id, "update", kind, obj.id, obj.uid, _JSON({**diff, **note})))
        items.append((batch.id, kind, obj.id, "updated", _JSON_STR(before), version + 1))
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
    options: ImportOptions = ImportOptions(),
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


def write_rejects(path: str | Path, the_plan: Plan) -> int:
    """Write the invalid rows, as they were, plus a `reason` column; returns how many."""
    by_line = {row.line: row for row in the_plan.rows if row.action == "invalid"}
    if not by_line:
        return 0
    with Path(path).open("w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle, delimiter=the_plan.source.delimiter, lineterminator="\r\n")
        writer.writerow([*the_plan.source.headers, "reason"])
        for line, cells in the_plan.source.records:
            row = by_line.get(line)
            if row is not None:
                reason = "; ".join(str(p) for p in row.problems)
                padded = cells + [""] * (len(the_plan.source.headers) - len(cells))
                writer.writerow([*padded, reason])
    return len(by_line)


# --- undo ------------------------------------------------------------------------------------


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
        raise DeskError("there is no import to undo")
    if info.undone:
        raise DeskError(f"the last import ({info.file_name}) was already undone")
    item = ImportBatchItem
    rows = session.execute(
        sa.select(item.entity, item.record_id, item.action, item.before, item.version_after)
        .where(item.batch_id == info.id).order_by(item.id)
    ).all()  # fmt: skip
    from crm.db.models import RECORD_MODELS

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
        for start in range(0, len(ids), 5000):
            chunk = ids[start : start + 5000]
            session.execute(
                sa.update(table).where(table.c.id.in_(chunk))
                .values(deleted_at=now, deleted_by_id=actor_id, version=table.c.version + 1)
            )  # fmt: skip
    if audit_rows:
        session.execute(
            sa.insert(AUDIT),
            [
                {"user_id": actor_id, "action": action, "entity": entity, "record_id": rid,
                 "record_uid": uid, "changes": json.dumps(changes, ensure_ascii=False, default=str)}
                for entity, action, rid, uid, changes in audit_rows
            ],
        )  # fmt: skip
    from crm.db import search

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
    return BatchInfo(
        info.id, info.uid, info.at, info.entity, info.file_name, info.created, info.updated, True
    )


def _restore_value(column: sa.Column[Any], value: Any) -> Any:
    if value is None:
        return None
    kind = column.type
    if isinstance(kind, sa.Date) and isinstance(value, str):
        from datetime import date

        return date.fromisoformat(value)
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


_ = (contact_tags, organization_tags)  # the tag link tables, reached through tags.LINKS
