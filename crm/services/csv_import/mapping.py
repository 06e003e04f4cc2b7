"""From the file's columns to the entity's fields and back: which column is which field
(`resolve_mapping`), a row's cells as field values (`row_reader`), and a cleaner's issues as
problems naming the file's line and column (`problems_of`)."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from functools import lru_cache
from typing import Any

from crm.domain import csv_headers, value_words
from crm.domain import validation as v
from crm.domain.enums import (
    Consent,
    FollowUpStatus,
    IntroductionOutcome,
    IntroductionPurpose,
    IntroductionStage,
    Language,
    Membership,
    OrganizationKind,
    Priority,
    Territory,
)
from crm.domain.errors import DeskError, Issue
from crm.domain.text import fold
from crm.services.csv_import.plans import Problem

# Written by a safe export before a cell that a spreadsheet would take for a formula: the
# apostrophe is not data.
_UNQUOTE = ("'=", "'+", "'-", "'@", "'\t", "'\r")


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
                f"--map: the file has no column '{header}' (columns: {', '.join(headers)})",
                code="import.bad_map",
                params={"header": header},
            )
        index = keys.index(key)
        if target.strip() in ("", "-"):
            mapping.pop(index, None)
            continue
        field_name = csv_headers.field_for(entity, target)
        if field_name is None:
            allowed = ", ".join(csv_headers.IMPORT_FIELDS[entity])
            raise DeskError(
                f"--map: '{target}' is not a {entity} field (one of {allowed})",
                code="import.bad_map",
                params={"header": header, "field": target},
            )
        mapping = {i: f for i, f in mapping.items() if f != field_name}
        mapping[index] = field_name
    return dict(sorted(mapping.items()))


# The closed vocabularies of each field: a cell naming a member (in any of the words
# `crm.domain.value_words` knows) is handed over as the member (the entity's cleaner then
# takes it as is), an ambiguous one as `Ambiguous` (the planner reports it), anything else as
# text (the cleaner reports it, or reads it: a membership "oui" needs the territory).
CHOICES: dict[str, type[Any]] = {
    "kind": OrganizationKind, "territory": Territory, "membership": Membership,
    "language": Language, "share_with_partners": Consent, "qc_consent": Consent,
    "ma_consent": Consent, "stage": IntroductionStage, "outcome": IntroductionOutcome,
    "purpose": IntroductionPurpose, "status": FollowUpStatus, "priority": Priority,
}  # fmt: skip


class Ambiguous(str):
    """A choice cell whose words name several members: never guessed, asked."""

    candidates: tuple[str, ...] = ()


def ambiguity(name: str, text: str, candidates: Sequence[str]) -> Issue:
    shown = " or ".join(candidates)
    return Issue(
        name, "value.ambiguous",
        f"{name}: '{text}' could be {shown}; say which with --map-value '{name}:{text}=VALUE'",
        {"value": text, "candidates": ", ".join(candidates)},
    )  # fmt: skip


def unclear(values: dict[str, Any], fields: Sequence[str]) -> list[Issue]:
    """The ambiguous choice cells of a row as issues (taken out of `values`)."""
    issues: list[Issue] = []
    for name in fields:
        cell = values.get(name)
        if cell.__class__ is Ambiguous:
            del values[name]
            issues.append(ambiguity(name, str(cell), cell.candidates))
    return issues


@lru_cache(maxsize=4096)
def _value(name: str, text: str) -> Any:
    """A cell's value for field `name`: vocabularies as members, their synonyms and words
    resolved (cached: the same words repeat on every line)."""
    enum = CHOICES.get(name)
    if enum is not None:
        found = value_words.match(name, text)
        if found.value is not None:
            return enum(found.value)
        if found.ambiguous:
            cell = Ambiguous(text)
            cell.candidates = found.candidates
            return cell
        return text
    if name == "region":
        return v.region_code(text)
    return text


def value_key(text: str) -> str:
    """How a `--map-value` text is compared with a cell: case, accents and spaces aside."""
    return fold(text).replace(" ", "")


def resolve_values(entity: str, overrides: dict[str, str]) -> dict[tuple[str, str], Any]:
    """The user's `field:text=value` choices as (field, compact text) -> member; a field
    without a vocabulary or a value that names no member (or several) is refused."""
    found: dict[tuple[str, str], Any] = {}
    for key, target in overrides.items():
        name, sep, text = key.partition(":")
        field_name = csv_headers.field_for(entity, name) if sep and text.strip() else None
        enum = CHOICES.get(field_name or "")
        if field_name is None or enum is None:
            choices = ", ".join(f for f in csv_headers.IMPORT_FIELDS[entity] if f in CHOICES)
            raise DeskError(
                f"--map-value takes 'field:value in the file=value', the field one of {choices}, not '{key}={target}'",
                code="import.bad_map", params={"header": key, "field": target},
            )  # fmt: skip
        meant = value_words.match(field_name, target)
        if meant.value is None:
            allowed = ", ".join(value_words.members(field_name))
            raise DeskError(
                f"--map-value: '{target}' is not a {field_name} (one of {allowed})",
                code="import.bad_map", params={"header": key, "field": target},
            )  # fmt: skip
        found[field_name, value_key(text)] = enum(meant.value)
    return found


# Fields whose few distinct cells repeat down the file: their values are kept by cell text.
_CACHED = frozenset({*CHOICES, "region", "country", "city", "do_not_contact", "attended"})


def row_reader(
    entity: str,
    mapping: dict[int, str],
    values: dict[tuple[str, str], Any] | None = None,
) -> Callable[[list[str]], dict[str, Any]]:
    """A function from a record's cells to its field values (blank cells left out, a safe
    export's apostrophe dropped, vocabularies as members, the user's `values` choices first,
    a contact's full name split, Google's group labels as tags), with the mapping's work done
    once."""
    quoted = _UNQUOTE
    blank = object()
    chosen = values or {}

    def cell_value(name: str, cell: str) -> Any:
        text = cell.strip()
        if not text:
            return blank
        if text[0] == "'" and text.startswith(quoted):  # a safe export's apostrophe
            text = text[1:]
        if chosen:
            mine = chosen.get((name, value_key(text)))
            if mine is not None:
                return mine
        return _value(name, text)

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
                if seen is None:  # `cell_value` inlined: this runs for every free-text cell
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


def problems_of(
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
        candidates = tuple(filter(None, issue.params.get("candidates", "").split(", ")))
        value = issue.params.get("value", "")
        found.append(Problem(line, column, name, issue.code, issue.message, value, candidates))
    return found
