"""Partner files that come back: the desk's own introductions or follow-ups export, changed by
a partner (in English or French, `,` or `;`, UTF-8 or Windows-1252: `files` reads them), read
row by row and applied with the same rules as the window.

Each row is found by its `uid` and compared with what is recorded:

- nothing the file carries differs: *unchanged*;
- something differs and the record is still at the `version` the export wrote: *updated*.
  An introduction's new stage is a move (`crm.services.stages.move`: its stage history entry,
  noted with the file's name; its warnings refuse the row unless accepted, as on the board),
  its outcome closes it, its notes and each party's answer (with its date and channel) are an
  edit; a follow-up's status (done, reopened), due date and time, and notes are an edit;
- something differs but the record changed here since the export (another version): a
  *conflict*, reported with what differs, never written over;
- a uid the desk does not know: *created* when the parties (the record a follow-up serves)
  are found by uid or by name, else *invalid*.

A blank cell leaves the recorded value as it is. All or nothing as for contacts: an invalid
row refuses the whole file (`ImportRefused`) unless `skip_invalid`; conflicts are left as
they are and the other rows are written. The import batch records each record's previous
values, so `undo_last` takes it back (a stage moved back gets its history entry).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection
from dataclasses import dataclass
from datetime import time
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import Session

from crm.db.models import Contact, Event, FollowUp, ImportBatch, Introduction, Organization
from crm.domain.dates import parse_time
from crm.domain.enums import IntroductionOutcome, IntroductionPurpose, IntroductionStage
from crm.domain.errors import DeskError, Issue, ValidationFailed
from crm.domain.text import fold
from crm.services import audit, followups, introductions, records, stages
from crm.services.csv_import.checking import checked_day, checked_uid, load_map
from crm.services.csv_import.common import AUDIT, ITEMS, take_turn, to_json_str
from crm.services.csv_import.files import Source
from crm.services.csv_import.mapping import (
    CHOICES,
    problems_of,
    resolve_mapping,
    resolve_values,
    row_reader,
    unclear,
)
from crm.services.csv_import.plans import ImportCancelled, ImportOptions, Plan, RowPlan

# What a returned file may change on a recorded row (the rest is the desk's own).
_INTRODUCTION_EDITS = (
    "notes", "qc_consent", "qc_consent_at", "qc_consent_channel",
    "ma_consent", "ma_consent_at", "ma_consent_channel",
)  # fmt: skip
_FOLLOWUP_EDITS = ("status", "due_date", "due_time", "notes")
_DATES = frozenset({"qc_consent_at", "ma_consent_at", "due_date"})


@dataclass
class _Row:
    """What `apply` needs of a planned row beyond its `RowPlan`."""

    edits: dict[str, Any]
    stage: IntroductionStage | None = None
    outcome: IntroductionOutcome | None = None
    version: int | None = None
    create: dict[str, Any] | None = None
    uid: str = ""


class _Returned:
    """Plans a returned file; the subclasses know their entity's fields and rules."""

    entity = ""
    kind = ""
    spec: records.EntitySpec[Any]
    edits: tuple[str, ...] = ()

    def __init__(self, session: Session, source: Source, options: ImportOptions) -> None:
        self.session = session
        self.source = source
        self.options = options
        self.mapping = resolve_mapping(self.entity, source.headers, options.mapping)
        self.chosen = resolve_values(self.entity, options.values)
        self.plan = Plan(self.entity, source, options, self.mapping, [])
        self.rows: list[_Row | None] = []
        model = self.spec.model
        self.live = load_map(
            session, sa.select(model.uid, model.id).where(model.deleted_at.is_(None))
        )
        self.trashed = set(
            session.scalars(sa.select(model.uid).where(model.deleted_at.is_not(None)))
        )

    def run(
        self, progress: Callable[[int], None] | None, cancelled: Callable[[], bool] | None
    ) -> Plan:
        fields = set(self.mapping.values())
        if "uid" not in fields:
            raise DeskError(
                f"{self.source.name or 'the file'}: no uid column (Identifiant): a returned "
                f"{self.entity} file is the desk's own export, matched by uid",
                code="import.no_uid",
            )
        read = row_reader(self.entity, self.mapping, self.chosen)
        choices = tuple(f for f in fields if f in CHOICES)
        seen: dict[str, int] = {}
        for count, (line, cells) in enumerate(self.source.records, start=1):
            if cancelled is not None and count % 200 == 0 and cancelled():
                raise ImportCancelled()
            if progress is not None and count % 200 == 0:
                progress(count)
            values = read(cells)
            if not values:
                continue
            issues = unclear(values, choices)
            row = RowPlan(line, "unchanged", self.label(values))
            extra: _Row | None = None
            uid = checked_uid(values["uid"], issues) if values.get("uid") else ""
            if not uid:
                issues.append(Issue("uid", "required", "uid: the row has no uid"))
            elif uid in seen:
                issues.append(Issue("uid", "uid.repeated", f"uid: the same as line {seen[uid]}"))
            else:
                seen[uid] = line
            if not issues:
                extra = self.plan_row(row, uid, values, issues)
            if issues:
                row.action, extra = "invalid", None
                row.problems = problems_of(line, self.mapping, self.source.headers, issues)
            self.plan.rows.append(row)
            self.rows.append(extra)
        return self.plan

    def plan_row(
        self, row: RowPlan, uid: str, values: dict[str, Any], issues: list[Issue]
    ) -> _Row | None:
        record_id = self.live.get(uid)
        if record_id is None:
            if uid in self.trashed:
                issues.append(Issue("uid", "uid.trashed",
                                    f"uid: this {self.kind} is in the trash; restore it first"))  # fmt: skip
                return None
            return self.plan_new(row, uid, values, issues)
        row.record_id = record_id
        obj = self.spec.get(self.session, record_id)
        before = records.current_values(self.spec, obj)
        edits = self.read_edits(values, issues)
        version = _version(values, issues)
        if issues:
            return None
        planned = _Row({k: v for k, v in edits.items() if before.get(k) != v}, version=version)
        self.plan_more(obj, planned, values, issues)
        if issues:
            return None
        changed = sorted(planned.edits) + (["stage"] if planned.stage is not None else [])
        if not changed:
            row.detail = "same as recorded"
            return planned
        row.changes = {k: planned.edits.get(k, planned.stage) for k in changed}
        if version is None or version != obj.version:
            row.action = "conflict"
            shown = "no version" if version is None else f"version {version}"
            row.detail = (
                f"changed here since the export ({shown} in the file, {obj.version} here); "
                f"left as it is: {', '.join(changed)}"
            )
            return None
        row.action, row.detail = "updated", ", ".join(changed)
        try:  # the entity's own rules over the record as it would be
            self.spec.clean(self.session, {**before, **planned.edits})
        except ValidationFailed as exc:
            issues.extend(exc.issues)
            return None
        return planned

    def read_edits(self, values: dict[str, Any], issues: list[Issue]) -> dict[str, Any]:
        edits: dict[str, Any] = {}
        for name in self.edits:
            value = values.get(name)
            if value is None:
                continue
            if name in _DATES:
                value = checked_day(name, str(value), issues)
            elif name == "due_time":
                value = _clock(value, issues)
            elif name in CHOICES and not isinstance(value, CHOICES[name]):
                allowed = ", ".join(m.value for m in CHOICES[name])
                issues.append(Issue(name, "choice.invalid",
                                    f"{name}: '{value}' is not one of {allowed}", {"value": str(value)}))  # fmt: skip
                continue
            if value is not None:
                edits[name] = value
        return edits

    def plan_more(
        self, obj: Any, planned: _Row, values: dict[str, Any], issues: list[Issue]
    ) -> None:
        """What else a row changes (an introduction's stage)."""

    def plan_new(
        self, row: RowPlan, uid: str, values: dict[str, Any], issues: list[Issue]
    ) -> _Row | None:
        raise NotImplementedError

    def label(self, values: dict[str, Any]) -> str:
        return str(values.get("title", ""))


def _version(values: dict[str, Any], issues: list[Issue]) -> int | None:
    text = str(values.get("version", "")).strip()
    if not text:
        return None
    if not text.isdigit():
        issues.append(Issue("version", "integer.invalid",
                            f"version: '{text}' is not the number the export wrote", {"value": text}))  # fmt: skip
        return None
    return int(text)


def _clock(text: Any, issues: list[Issue]) -> time | None:
    found, code = parse_time(str(text))
    if code:
        issues.append(Issue("due_time", code, f"due_time: '{text}' is not a time (HH:MM)",
                            {"value": str(text)}))  # fmt: skip
    return found


class _Introductions(_Returned):
    entity = "introductions"
    kind = "introduction"
    spec = introductions.service
    edits = _INTRODUCTION_EDITS

    def __init__(self, session: Session, source: Source, options: ImportOptions) -> None:
        super().__init__(session, source, options)
        c, o = Contact, Organization
        self.org_by_uid = load_map(session, sa.select(o.uid, o.id).where(o.deleted_at.is_(None)))
        self.contact_by_uid = load_map(
            session, sa.select(c.uid, c.id).where(c.deleted_at.is_(None))
        )
        self.orgs: dict[str, list[int]] = {}
        for key, record_id in session.execute(
            sa.select(o.name_folded, o.id).where(o.deleted_at.is_(None))
        ):
            self.orgs.setdefault(key, []).append(record_id)
        self.contacts: dict[str, list[tuple[int, int | None]]] = {}
        for key, record_id, org_id in session.execute(
            sa.select(c.name_folded, c.id, c.organization_id).where(c.deleted_at.is_(None))
        ):
            self.contacts.setdefault(key, []).append((record_id, org_id))
        self.accepted: Collection[str] = options.accepted_warnings

    def label(self, values: dict[str, Any]) -> str:
        parties = [str(values.get(f"{side}_party") or "") for side in ("qc", "ma")]
        return str(values.get("title") or " ↔ ".join(p for p in parties if p))

    def _stage(self, values: dict[str, Any], issues: list[Issue]) -> tuple[Any, Any]:
        stage, outcome = values.get("stage"), values.get("outcome")
        for name, value, enum in (
            ("stage", stage, IntroductionStage),
            ("outcome", outcome, IntroductionOutcome),
        ):
            if value is not None and not isinstance(value, enum):
                allowed = ", ".join(m.value for m in enum)
                issues.append(Issue(name, "choice.invalid",
                                    f"{name}: '{value}' is not one of {allowed}", {"value": str(value)}))  # fmt: skip
        return stage, outcome

    def plan_more(
        self, obj: Any, planned: _Row, values: dict[str, Any], issues: list[Issue]
    ) -> None:
        stage, outcome = self._stage(values, issues)
        if issues or (stage is None and outcome is None):
            return
        stage = stage or obj.stage
        if stage != IntroductionStage.CLOSED:
            if outcome is not None and outcome != obj.outcome:
                issues.append(Issue("outcome", "outcome.not_closed",
                                    f"outcome: '{outcome.value}' goes with the closed stage, not {stage.value}"))  # fmt: skip
                return
            outcome = None
        elif outcome is None:
            outcome = obj.outcome
            if outcome is None:
                issues.append(Issue("outcome", "required",
                                    "outcome: closing an introduction needs an outcome"))  # fmt: skip
                return
        if stage == obj.stage and outcome == obj.outcome:
            return
        planned.stage, planned.outcome = stage, outcome
        # The warnings of the move, with the party answers the file gives.
        current = {name: getattr(obj, name) for name in introductions.FIELDS}
        found = stages.check_move(
            self.session, obj.id, stage, outcome, values={**current, **planned.edits}
        )
        self.refuse(found, issues)

    def refuse(self, found: list[stages.WorkflowWarning], issues: list[Issue]) -> None:
        for warning in found:
            if warning.code not in self.accepted:
                issues.append(Issue("stage", f"warning.{warning.code}",
                                    f"stage: {warning.message} (--accept-warnings to move it anyway)",
                                    dict(warning.params)))  # fmt: skip

    def _party(self, side: str, values: dict[str, Any]) -> tuple[int | None, int | None, str]:
        """(contact id, organization id, what was not found) of one side, by uid, else name."""
        org_id = self.org_by_uid.get(values.get(f"{side}_organization_uid") or "")
        contact_id = self.contact_by_uid.get(values.get(f"{side}_contact_uid") or "")
        org_name = str(values.get(f"{side}_organization") or "")
        person = str(values.get(f"{side}_contact") or "")
        party = str(values.get(f"{side}_party") or "")
        if not org_name and not person and party:
            # "Person (Organization)" as lists name a side, else one name: an organization or a person
            named = re.fullmatch(r"(.+?)\s*\((.+)\)", party)
            person, org_name = (named[1], named[2]) if named else ("", party)
        if org_id is None and org_name:
            found = self.orgs.get(fold(org_name), [])
            org_id = found[0] if len(found) == 1 else None
        if contact_id is None and person:
            found_people = self.contacts.get(fold(person), [])
            if org_id is not None:
                found_people = [p for p in found_people if p[1] == org_id] or found_people
            contact_id = found_people[0][0] if len(found_people) == 1 else None
        if org_id is None and contact_id is None and party and not person:
            # A side named by a person alone ("Marie Tremblay").
            found_people = self.contacts.get(fold(party), [])
            contact_id = found_people[0][0] if len(found_people) == 1 else None
        if org_id is None and contact_id is None:
            return None, None, org_name or person or party or "(no name)"
        return contact_id, org_id, ""

    def plan_new(
        self, row: RowPlan, uid: str, values: dict[str, Any], issues: list[Issue]
    ) -> _Row | None:
        attrs: dict[str, Any] = {}
        for side, place in (("qc", "Québec"), ("ma", "Massachusetts")):
            contact_id, org_id, missing = self._party(side, values)
            if missing:
                issues.append(Issue(f"{side}_party", "uid.unknown",
                                    f"uid: no {self.kind} {uid} is recorded, and the {place} party "
                                    f"'{missing}' is not found by name"))  # fmt: skip
            attrs[f"{side}_contact_id"], attrs[f"{side}_organization_id"] = contact_id, org_id
        edits = self.read_edits(values, issues)
        stage, outcome = self._stage(values, issues)
        purpose = values.get("purpose")
        if purpose is not None and not isinstance(purpose, IntroductionPurpose):
            issues.append(Issue("purpose", "choice.invalid", f"purpose: '{purpose}' is not a purpose",
                                {"value": str(purpose)}))  # fmt: skip
        if issues:
            return None
        attrs.update(edits, title=values.get("title", ""))
        if purpose is not None:
            attrs["purpose"] = purpose
        stage = stage or IntroductionStage.PROPOSED
        if stage == IntroductionStage.CLOSED and outcome is None:
            issues.append(
                Issue("outcome", "required", "outcome: closing an introduction needs an outcome")
            )
            return None
        try:
            introductions.clean(self.session, attrs)
        except ValidationFailed as exc:
            issues.extend(exc.issues)
            return None
        self.refuse(stages.warnings_for(self.session, attrs, stage, outcome=outcome), issues)
        if issues:
            return None
        row.action, row.detail = "created", "parties found by name"
        return _Row({}, stage, outcome if stage == IntroductionStage.CLOSED else None,
                    create=attrs, uid=uid)  # fmt: skip


class _FollowUps(_Returned):
    entity = "followups"
    kind = "followup"
    spec = followups.service
    edits = _FOLLOWUP_EDITS

    def __init__(self, session: Session, source: Source, options: ImportOptions) -> None:
        super().__init__(session, source, options)
        self.links: dict[str, tuple[str, int]] = {}  # uid -> (link field, id)
        self.names: dict[tuple[str, str], list[int]] = {}  # (kind, folded name) -> ids
        for field, model in (("organization_id", Organization), ("contact_id", Contact),
                             ("introduction_id", Introduction), ("event_id", Event)):  # fmt: skip
            live = model.deleted_at.is_(None)
            for uid, record_id in session.execute(sa.select(model.uid, model.id).where(live)):
                self.links[uid] = (field, record_id)
        for kind, query in (
            ("organization", sa.select(Organization.name_folded, Organization.id).where(Organization.deleted_at.is_(None))),
            ("contact", sa.select(Contact.name_folded, Contact.id).where(Contact.deleted_at.is_(None))),
            ("event", sa.select(Event.name, Event.id).where(Event.deleted_at.is_(None))),
            ("introduction", sa.select(Introduction.title, Introduction.id).where(Introduction.deleted_at.is_(None))),
        ):  # fmt: skip
            for name, record_id in session.execute(query):
                if name:
                    self.names.setdefault((kind, fold(name)), []).append(record_id)

    def plan_new(
        self, row: RowPlan, uid: str, values: dict[str, Any], issues: list[Issue]
    ) -> _Row | None:
        link = self.links.get(str(values.get("linked_uid") or ""))
        kind = fold(str(values.get("linked_kind") or "")).replace(" ", "")
        name = str(values.get("linked_to") or "")
        if link is None and name:
            kinds = [kind] if kind else ["organization", "contact", "introduction", "event"]
            found = [(k, i) for k in kinds for i in self.names.get((k, fold(name)), [])]
            if len(found) == 1:
                link = (f"{found[0][0]}_id", found[0][1])
        if link is None:
            shown = name or str(values.get("linked_uid") or "")
            issues.append(Issue("uid", "uid.unknown",
                                f"uid: no follow-up {uid} is recorded, and the record it serves "
                                f"('{shown}') is not found"))  # fmt: skip
            return None
        edits = self.read_edits(values, issues)
        if issues:
            return None
        attrs = {"title": values.get("title", ""), **edits, link[0]: link[1]}
        if values.get("priority") is not None:
            attrs["priority"] = values["priority"]
        try:
            followups.clean(self.session, {**followups.starts(None), **attrs})
        except ValidationFailed as exc:
            issues.extend(exc.issues)
            return None
        row.action, row.detail = "created", "linked record found"
        return _Row({}, create=attrs, uid=uid)


PLANNERS: dict[str, type[_Returned]] = {"introductions": _Introductions, "followups": _FollowUps}


def plan_returned(
    session: Session,
    source: Source,
    options: ImportOptions,
    entity: str,
    *,
    progress: Callable[[int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> Plan:
    """Read every row of a returned file and decide what it does; writes nothing."""
    take_turn(session)
    planner = PLANNERS[entity](session, source, options)
    the_plan = planner.run(progress, cancelled)
    the_plan.returned = planner.rows
    return the_plan


def apply_returned(session: Session, actor_id: int | None, the_plan: Plan) -> Plan:
    """Write a returned file's plan through the services, row by row, in the caller's
    transaction, with an import batch that `undo_last` takes back."""
    take_turn(session)
    entity = the_plan.entity
    kind = PLANNERS[entity].kind
    spec = PLANNERS[entity].spec
    counts = the_plan.counts()
    batch = ImportBatch(
        user_id=actor_id, entity=entity, file_name=the_plan.source.name, sha256=the_plan.source.sha256,
        created=counts["created"], updated=counts["updated"],
        skipped=counts["unchanged"] + counts["conflict"], rejected=counts["invalid"],
    )  # fmt: skip
    session.add(batch)
    session.flush()
    note = f"import of {Path(the_plan.source.name).name or 'a returned file'}"
    items: list[dict[str, Any]] = []
    for row, extra in zip(the_plan.rows, the_plan.returned, strict=True):
        if extra is None or row.action not in ("created", "updated"):
            continue
        if row.action == "created":
            assert extra.create is not None
            record_id = _create(session, actor_id, kind, extra)
            row.record_id = record_id
            before = ""
        else:
            assert row.record_id is not None
            record_id = row.record_id
            obj = spec.get(session, record_id)
            old = records.current_values(spec, obj)
            saved = {k: audit.plain(old[k]) for k in extra.edits}
            if "status" in extra.edits:  # a follow-up done: its completion goes with it
                saved["completed_at"] = audit.plain(old["completed_at"])
            if extra.stage is not None:
                saved.update(
                    stage=audit.plain(obj.stage), outcome=audit.plain(obj.outcome),
                    stage_changed_at=audit.plain(obj.stage_changed_at),
                    closed_at=audit.plain(obj.closed_at),
                )  # fmt: skip
            if extra.edits:
                spec.update(
                    session, actor_id, record_id, extra.edits, expected_version=extra.version
                )
            if extra.stage is not None:
                stages.move(
                    session, actor_id, record_id, extra.stage, outcome=extra.outcome, note=note,
                    accepted_warnings=stages.WARNING_CODES,  # checked when planned
                )  # fmt: skip
            before = to_json_str(saved)
        version = session.scalar(sa.select(spec.model.version).where(spec.model.id == record_id))
        items.append({"batch_id": batch.id, "entity": kind, "record_id": record_id,
                      "action": row.action, "before": before, "version_after": version})  # fmt: skip
    if items:
        session.execute(sa.insert(ITEMS), items)
    audit.record(
        session, actor_id, "import", "import_batch", batch.id, batch.uid,
        {"file": [None, the_plan.source.name], "counts": [None, counts]},
    )  # fmt: skip
    the_plan.batch_id = batch.id
    the_plan.written = True
    return the_plan


def _create(session: Session, actor_id: int | None, kind: str, extra: _Row) -> int:
    """A record the partner started: created through its service, keeping the partner's uid
    so that the next file they send matches it."""
    assert extra.create is not None
    if kind == "introduction":
        obj: Any = stages.create_at_stage(
            session, actor_id, extra.create, extra.stage or IntroductionStage.PROPOSED,
            outcome=extra.outcome, accepted_warnings=stages.WARNING_CODES,
        )  # fmt: skip
        model: Any = Introduction
    else:
        obj = followups.service.create(session, actor_id, extra.create)
        model = FollowUp
    if extra.uid:
        old = obj.uid
        session.flush()
        table = model.__table__
        session.execute(sa.update(table).where(table.c.id == obj.id).values(uid=extra.uid))
        session.execute(
            sa.update(AUDIT).where(AUDIT.c.record_uid == old).values(record_uid=extra.uid)
        )
        session.expire(obj)
    return int(obj.id)
