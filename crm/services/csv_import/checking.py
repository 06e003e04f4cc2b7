"""Checking a file's rows, the part every entity shares (`Planner`): each row read and
prepared, repeated rows merged within the file, the others matched against the database and
cleaned with the entity's own rules, and its action decided."""

from __future__ import annotations

import re
import uuid
from collections.abc import Callable
from datetime import date
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import Session

from crm.db.models import Tag
from crm.domain import csv_headers
from crm.domain import validation as v
from crm.domain.errors import DeskError, Issue, ValidationFailed
from crm.domain.text import fold
from crm.services import records, tags
from crm.services.cleaning import split_tags
from crm.services.csv_import.common import in_chunks
from crm.services.csv_import.files import Source
from crm.services.csv_import.mapping import (
    CHOICES,
    problems_of,
    resolve_mapping,
    resolve_values,
    row_reader,
    unclear,
)
from crm.services.csv_import.plans import KIND, ImportCancelled, ImportOptions, Plan, RowPlan


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


# What territory and language are inferred from (see `crm.domain.inference`).
_INFERRED_FROM = frozenset({"region", "country", "city", "organization_id"})


def _blank(value: Any) -> bool:
    return value is None or value == "" or value == [] or value is False


class Planner:
    """Plans one entity's rows; the subclasses know their keys and references."""

    spec: records.EntitySpec[Any]
    entity: str
    # The fields `infer` answers for (None: unknown, asked for every new row): a row that
    # fills them all has nothing inferred to show, so `infer` is not run for it again.
    inferable: frozenset[str] | None = None
    # Whether `lookup` can find anything (False: an empty desk, no row to match).
    anything_recorded = True

    def __init__(self, session: Session, source: Source, options: ImportOptions) -> None:
        self.session = session
        self.source = source
        self.options = options
        self.mapping = resolve_mapping(self.entity, source.headers, options.mapping)
        self.chosen_values = resolve_values(self.entity, options.values)
        self.plan = Plan(self.entity, source, options, self.mapping, [])
        # The fields a row may set: the record's own and the extra ones (tags).
        self.allowed = frozenset((*self.spec.fields, *self.spec.extra_fields))
        # The keys of each row `run` kept (None: to be asked again), by index in plan.rows.
        self.row_keys: list[list[tuple[str, Any]] | None] = []
        model = self.spec.model
        self.by_uid = load_map(
            session, sa.select(model.uid, model.id).where(model.deleted_at.is_(None))
        )
        self.all_uids = set(session.connection().scalars(sa.select(model.uid)))
        self._defaults: dict[str, Any] | None = None  # the spec's start values, when needed

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

    def clean(self, values: dict[str, Any]) -> dict[str, Any]:
        """The entity's own rules over a row's values (a subclass may give them more)."""
        return self.spec.clean(self.session, values)

    def infer(self, values: dict[str, Any]) -> dict[str, Any]:
        return self.spec.infer(self.session, values) if self.spec.infer else {}

    def inferred_again(self, before: dict[str, Any], wanted: dict[str, Any]) -> list[str]:
        """The fields of a recorded row to infer again: the file changes what they are inferred
        from (a city, a province...), leaves them blank, and their recorded value is what the
        recorded values told (or the default, when nothing did), so it was not chosen."""
        infer = self.spec.infer
        if not _INFERRED_FROM & wanted.keys() or infer is None:
            return []
        # What the recorded values alone tell (not this file's language), none of them chosen.
        told = infer(self.session, {**before, **dict.fromkeys(infer(self.session, before))})
        if self._defaults is None:
            self._defaults = self.spec.start_values(None)
        return [
            k for k, value in told.items()
            if k not in wanted and before.get(k) == (self._defaults.get(k) if value is None else value)
        ]  # fmt: skip

    def current(self, record_ids: list[int]) -> dict[int, dict[str, Any]]:
        fields = self.spec.fields
        model = self.spec.model
        found: dict[int, dict[str, Any]] = {}
        for chunk in in_chunks(record_ids):
            query = sa.select(model.id, *(getattr(model, f) for f in fields)).where(
                model.id.in_(chunk)
            )
            for row in self.session.execute(query):
                found[row[0]] = dict(zip(fields, row[1:], strict=True))
        if "tags" in self.spec.extra_fields:
            kind = KIND[self.entity]
            table, column = tags.LINKS[kind]
            for chunk in in_chunks(record_ids):
                query = (
                    sa.select(table.c[column], Tag.name)
                    .join(Tag, Tag.id == table.c.tag_id)
                    .where(table.c[column].in_(chunk))
                )
                for record_id, name in self.session.execute(query):
                    found[record_id].setdefault("tags", []).append(name)
        return found

    @property
    def choice_fields(self) -> tuple[str, ...]:
        return tuple(f for f in self.mapping.values() if f in CHOICES)

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
        read_row = row_reader(self.entity, self.mapping, self.chosen_values)
        choice_fields = self.choice_fields
        for count, (line, cells) in enumerate(self.source.records, start=1):
            if cancelled is not None and count % 2000 == 0 and cancelled():
                raise ImportCancelled()
            if progress is not None and count % 2000 == 0:
                progress(count)
            values = read_row(cells)
            if not values:
                continue
            issues = unclear(values, choice_fields)
            data = self.prepare(values, issues)
            if data.get("uid"):
                data["uid"] = checked_uid(data["uid"], issues)
            row = RowPlan(line, "created", self.label(data))
            if issues:
                row.problems = problems_of(line, self.mapping, headers, issues)
                row.action = "invalid"
                rows.append(row)
                prepared.append(data)
                row_keys.append(None)
                continue
            keys = self.keys(data)
            first = None
            for k in keys:
                if k in groups:
                    first = groups[k]
                    break
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
        pairs = enumerate(zip(rows, prepared, strict=True)) if self.anything_recorded else ()
        for index, (row, data) in pairs:
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
                if k in self.allowed and val is not None and val != "" and val != []
            }  # fmt: skip
            if self.options.on_duplicate == "fill":
                wanted = {k: val for k, val in wanted.items() if _blank(before.get(k))}
            try:
                merged = {**before, **wanted}
                if "tags" in wanted:
                    merged["tags"] = list(before.get("tags", [])) + split_tags(wanted["tags"])
                again = self.inferred_again(before, wanted)
                merged.update(dict.fromkeys(again))
                attrs = self.clean(merged)
            except ValidationFailed as exc:
                row.action = "invalid"
                row.problems = problems_of(row.line, self.mapping, self.source.headers, exc.issues)
                continue
            changes = {
                k: attrs[k] for k in (*wanted, *again)
                if k in attrs and not _same(k, before.get(k), attrs[k])
            }  # fmt: skip
            row.inferred = {k: attrs[k] for k in again if k in changes}
            if changes:
                row.action, row.changes, row.values = "updated", changes, attrs
                row.detail = ", ".join(sorted(changes))
            else:
                row.action, row.detail = "unchanged", "same as recorded"

    def clean_new(self, row: RowPlan, data: dict[str, Any]) -> None:
        allowed = self.allowed
        values = {k: val for k, val in data.items() if k in allowed}
        try:
            row.values = self.clean(values)
        except ValidationFailed as exc:
            row.action = "invalid"
            row.problems = problems_of(row.line, self.mapping, self.source.headers, exc.issues)
            return
        # What the file left blank and the rules inferred, for the preview to say so.
        inferable = self.inferable
        if inferable is None or any(map(_blank, map(values.get, inferable))):
            row.inferred = {
                k: found for k, found in self.infer(values).items()
                if found is not None and _blank(values.get(k)) and row.values.get(k) == found
            }  # fmt: skip
        if data.get("uid") and self.uid_free(data["uid"]):
            row.values["uid"] = data["uid"]

    def uid_free(self, uid: str) -> bool:
        """Whether a file's uid can be kept: no record, live or in the trash, holds it."""
        return uid not in self.all_uids


# The desk's own form of a uid, which `str(uuid.UUID(text))` gives back unchanged.
_CANONICAL_UID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")


def checked_uid(text: str, issues: list[Issue]) -> str:
    """A file's uid in the desk's own form (a UUID, lower case); anything else is an issue."""
    if _CANONICAL_UID.fullmatch(text):  # this desk's exports: nothing to parse
        return text
    try:
        return str(uuid.UUID(text.strip()))
    except ValueError:
        message = f"uid: '{text}' is not a desk identifier (a UUID)"
        issues.append(Issue("uid", "uid.invalid", message, {"value": text}))
        return text


def checked_day(name: str, text: str, issues: list[Issue]) -> date | None:
    """A file's date (ISO, or day and month told apart); an ambiguous or bad one is an issue."""
    day, code = csv_headers.parse_day(text)
    if code:
        message = (
            f"{name}: '{text}' could be day/month or month/day; write it as YYYY-MM-DD"
            if code == "date.ambiguous"
            else f"{name}: '{text}' is not a date"
        )
        issues.append(Issue(name, code, message, {"value": text}))
    return day


def load_map(session: Session, query: Any) -> dict[Any, int]:
    found: dict[Any, int] = {}
    for key, record_id in session.connection().execute(query):
        if key not in ("", None):
            found.setdefault(key, record_id)
    return found
