"""What an import decides before writing anything: the options, each row's fate (`RowPlan`)
with its problems, the whole `Plan`, and the two ways an import stops (`ImportRefused`,
`ImportCancelled`)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from crm.domain.errors import DeskError
from crm.services.csv_import.files import Source

ENTITIES = ("organizations", "contacts", "participants", "introductions", "followups")
# The files that come back filled in (`returns`): introductions and follow-ups.
RETURNED = ("introductions", "followups")
ON_DUPLICATE = ("skip", "update", "fill")
KIND = {
    "organizations": "organization", "contacts": "contact", "participants": "participant",
    "introductions": "introduction", "followups": "followup",
}  # fmt: skip
ACTIONS = ("created", "updated", "unchanged", "skipped", "merged", "conflict", "invalid")


class ImportCancelled(DeskError):
    def __init__(self) -> None:
        super().__init__("the import was cancelled; nothing was written")


@dataclass(frozen=True)
class Problem:
    line: int
    column: str
    field: str
    code: str
    message: str
    value: str = ""  # the cell's text, when the problem is about it
    candidates: tuple[str, ...] = ()  # what an ambiguous cell could be (stored words)

    def __str__(self) -> str:
        where = f"line {self.line}" + (f", column '{self.column}'" if self.column else "")
        return f"{where}: {self.message}"


@dataclass
class RowPlan:
    """What happens to one record of the file."""

    line: int
    action: str  # one of ACTIONS
    label: str = ""
    problems: list[Problem] = field(default_factory=list)
    record_id: int | None = None  # the recorded one it matches (updated/unchanged/skipped)
    merged_into: int | None = None  # the line it was merged into
    values: dict[str, Any] = field(default_factory=dict)  # cleaned attributes to write
    changes: dict[str, Any] = field(default_factory=dict)  # for updates
    new_organization: str = ""  # a contact's organization to create, by name
    detail: str = ""
    # Values the file left blank and the import inferred (a territory from a city...).
    inferred: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class ImportOptions:
    on_duplicate: str = "skip"
    mapping: dict[str, str] = field(default_factory=dict)  # header -> field ("" ignores it)
    skip_invalid: bool = False
    # "field:text in the file" -> the value it means (`--map-value`)
    values: dict[str, str] = field(default_factory=dict)
    # A returned introductions file: the stage warnings the user accepts (their codes).
    accepted_warnings: tuple[str, ...] = ()


# The default of `plan` and `run` (frozen: one shared instance is safe).
DEFAULT_OPTIONS = ImportOptions()


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
    # A returned file's rows as `returns.apply` writes them (None: nothing to write).
    returned: list[Any] = field(default_factory=list)

    @property
    def problems(self) -> list[Problem]:
        return [p for row in self.rows for p in row.problems]

    @property
    def valid(self) -> bool:
        return not any(row.action == "invalid" for row in self.rows)

    def counts(self) -> dict[str, int]:
        found = dict.fromkeys(ACTIONS, 0)
        for row in self.rows:
            found[row.action] += 1
        found["organizations_created"] = len(self.new_organizations)
        return found

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
                    "inferred": {k: str(v) for k, v in r.inferred.items()},
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
