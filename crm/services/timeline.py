"""The timeline of one record: what happened to an organization, a contact, an introduction
or an event, newest first, as plain rows (no Qt).

`timeline(session, kind, record_id, kinds=..., limit=...)` reads each kind of entry with one
bounded query (at most `limit` rows each), merges them and keeps the newest `limit`:

- `interaction`: calls, emails, meetings and notes (`action` is the interaction kind);
- `stage`: an introduction's stage changes with their notes (`params`: from, to, outcome);
- `followup`: a follow-up created, and completed (`action` "created" / "completed");
- `event`: event participation (`params`: role; an event's timeline lists who registered);
- `import`: the CSV imports that created or changed the record (`import_batch_items`;
  `params` fields: what an update changed);
- `export`: the partner files that named it (`crm.services.export_log`);
- `edit`: who created, changed (which fields), trashed or restored it (the audit trail).

What belongs to whom:

- a contact: what is linked to the contact itself (its interactions, follow-ups, event
  participations) and the stage changes of the introductions it is a party to; what
  happens on those introductions otherwise stays on the introduction's own timeline;
- an organization: the same, for the organization and its people (as the Related panel);
- an introduction: its interactions, stage changes and follow-ups;
- an event: its interactions, follow-ups and participants.

Imports, exports and edits are always of the record itself. Trashed interactions and
follow-ups leave the timeline; the trail keeps them (`edit` of their own records).
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Collection, Iterable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import Session, aliased

from crm.db.models import (
    AuditEntry,
    Contact,
    Event,
    EventParticipant,
    FollowUp,
    ImportBatch,
    ImportBatchItem,
    Interaction,
    Introduction,
    Organization,
    StaffUser,
    StageChange,
)
from crm.domain.enums import FollowUpStatus
from crm.services import export_log
from crm.services.fields import party_name, person_name, staff_name

#: The kinds of entry, in the order a filter offers them.
ENTRY_KINDS = ("interaction", "stage", "followup", "event", "import", "export", "edit")
#: The record kinds that have a timeline.
RECORD_KINDS = ("organization", "contact", "introduction", "event")
#: Entries read per kind (and kept in all) unless the caller says otherwise.
DEFAULT_LIMIT = 200

# An introduction's audit entries for these fields are its stage changes (kind `stage`).
_STAGE_FIELDS = frozenset({"stage", "outcome", "stage_changed_at", "closed_at"})
# An audit entry written by a CSV import carries the batch's uid under this key (kind `import`).
_IMPORTED = '%"import": [%'


@dataclass(frozen=True)
class Entry:
    """One thing that happened, as plain values.

    `kind` is one of `ENTRY_KINDS`; `action` its own word (call, email...; created,
    completed; create, update, delete, restore; the stage moved to); `title` what it is
    about (a subject, a follow-up's title, an event's, a file's or a party's name); `note`
    its free text; `params` the rest (see the module); `record_kind`/`record_id` the record
    a double-click opens (None: nothing to open). `day_only`: `at` stands for a day (an
    event's date, placed at noon UTC, the same day in Québec and Boston).
    """

    kind: str
    at: datetime
    who: str
    action: str
    title: str
    note: str = ""
    params: dict[str, str] = field(default_factory=dict, hash=False)
    record_kind: str = ""
    record_id: int | None = None
    day_only: bool = False


def timeline(
    session: Session,
    kind: str,
    record_id: int,
    *,
    kinds: Collection[str] | None = None,
    limit: int = DEFAULT_LIMIT,
) -> list[Entry]:
    """The entries of the record `kind`/`record_id`, newest first, of `kinds` (all: None)."""
    if kind not in RECORD_KINDS:
        raise KeyError(f"no timeline for {kind!r}")
    unknown = set(kinds or ()) - set(ENTRY_KINDS)
    if unknown:
        raise KeyError(f"no timeline entries of kind {', '.join(sorted(unknown))}")
    scope = _Scope(kind, record_id)
    found: list[Entry] = []
    for name in ENTRY_KINDS:
        if kinds is None or name in kinds:
            found.extend(_READERS[name](session, scope, limit))
    found.sort(key=lambda e: e.at, reverse=True)
    return found[:limit]


# --- what belongs to the record ----------------------------------------------------------------


@dataclass(frozen=True)
class _Scope:
    kind: str
    id: int

    def contact_ids(self) -> sa.Select[Any]:
        return sa.select(Contact.id).where(
            Contact.organization_id == self.id, Contact.deleted_at.is_(None)
        )

    def linked(self, model: Any) -> Any:
        """The rows of `model` (an interaction, a follow-up, a participant) that are this
        record's: linked to it, or for an organization to one of its people too."""
        if self.kind == "organization":
            return sa.or_(
                model.organization_id == self.id, model.contact_id.in_(self.contact_ids())
            )
        return getattr(model, f"{self.kind}_id") == self.id

    def introductions(self) -> Any:
        """The introductions whose stage changes are this record's (None: none)."""
        if self.kind == "introduction":
            return Introduction.id == self.id
        if self.kind in ("contact", "organization"):
            return sa.or_(
                getattr(Introduction, f"qc_{self.kind}_id") == self.id,
                getattr(Introduction, f"ma_{self.kind}_id") == self.id,
            )
        return None


def _who() -> sa.ColumnElement[Any]:
    return sa.func.coalesce(staff_name(StaffUser), "")


def _word(value: Any) -> str:
    return "" if value is None else str(getattr(value, "value", value))


def _base_name(path: str) -> str:
    """A file's name without its folder (recorded on Windows or elsewhere)."""
    return re.split(r"[\\/]", path)[-1]


def _noon(day: date) -> datetime:
    return datetime.combine(day, time(12), tzinfo=UTC)


# --- one reader per kind of entry --------------------------------------------------------------


def _interactions(session: Session, scope: _Scope, limit: int) -> list[Entry]:
    I = Interaction  # noqa: E741
    who_with = aliased(Contact, name="who_with")
    query = (
        sa.select(I.id, I.occurred_at, _who(), I.kind, I.subject, I.notes,
                  sa.func.coalesce(person_name(who_with), ""))
        .outerjoin(StaffUser, StaffUser.id == I.user_id)
        .outerjoin(who_with, who_with.id == I.contact_id)
        .where(scope.linked(I), I.deleted_at.is_(None))
        .order_by(I.occurred_at.desc(), I.id.desc())
        .limit(limit)
    )  # fmt: skip
    return [
        Entry("interaction", at, who, _word(kind), subject, notes or "",
              {"with": person} if person else {}, "interaction", iid)
        for iid, at, who, kind, subject, notes, person in session.execute(query)
    ]  # fmt: skip


def _stages(session: Session, scope: _Scope, limit: int) -> list[Entry]:
    which = scope.introductions()
    if which is None:
        return []
    S = StageChange
    qc_org, ma_org = aliased(Organization, name="qc_org"), aliased(Organization, name="ma_org")
    qc_person, ma_person = aliased(Contact, name="qc_person"), aliased(Contact, name="ma_person")
    query = (
        sa.select(S.at, _who(), S.from_stage, S.to_stage, S.outcome, S.note, Introduction.id,
                  Introduction.title, party_name(qc_org, qc_person), party_name(ma_org, ma_person))
        .join(Introduction, Introduction.id == S.introduction_id)
        .outerjoin(StaffUser, StaffUser.id == S.user_id)
        .outerjoin(qc_org, qc_org.id == Introduction.qc_organization_id)
        .outerjoin(ma_org, ma_org.id == Introduction.ma_organization_id)
        .outerjoin(qc_person, qc_person.id == Introduction.qc_contact_id)
        .outerjoin(ma_person, ma_person.id == Introduction.ma_contact_id)
        .where(which, Introduction.deleted_at.is_(None))
        .order_by(S.at.desc(), S.id.desc())
        .limit(limit)
    )  # fmt: skip
    entries = []
    for at, who, before, after, outcome, note, intro_id, title, qc, ma in session.execute(query):
        params = {"from": _word(before), "to": _word(after), "outcome": _word(outcome)}
        name = title or f"{qc} ↔ {ma}"
        entries.append(
            Entry(
                "stage", at, who, _word(after), name, note or "", params, "introduction", intro_id
            )
        )
    return entries


def _followups(session: Session, scope: _Scope, limit: int) -> list[Entry]:
    F = FollowUp
    assignee = aliased(StaffUser, name="assignee")

    def by(action: Any, *since: Any) -> sa.ScalarSelect[Any]:
        """Who wrote the follow-up's first audit entry of `action` (after `since`)."""
        return (
            sa.select(staff_name(StaffUser))
            .select_from(AuditEntry)
            .join(StaffUser, StaffUser.id == AuditEntry.user_id)
            .where(AuditEntry.entity == "followup", AuditEntry.record_id == F.id,
                   AuditEntry.action == action, *since)
            .order_by(AuditEntry.id)
            .limit(1)
            .scalar_subquery()
        )  # fmt: skip

    latest = sa.func.coalesce(F.completed_at, F.created_at)
    query = (
        sa.select(F.id, F.title, F.created_at, F.completed_at, F.status, F.due_date, F.notes,
                  sa.func.coalesce(staff_name(assignee), ""), by("create"),
                  by("update", AuditEntry.at >= F.completed_at))
        .outerjoin(assignee, assignee.id == F.assignee_id)
        .where(scope.linked(F), F.deleted_at.is_(None))
        .order_by(latest.desc(), F.id.desc())
        .limit(limit)
    )  # fmt: skip
    entries = []
    for (
        fid,
        title,
        created,
        completed,
        status,
        due,
        notes,
        assigned,
        creator,
        closer,
    ) in session.execute(query):
        params = {"due": due.isoformat(), "assignee": assigned}
        entries.append(
            Entry("followup", created, creator or "", "created", title, "", params, "followup", fid)
        )
        if completed is not None and status == FollowUpStatus.DONE:
            entries.append(Entry("followup", completed, closer or assigned, "completed", title,
                                 notes or "", params, "followup", fid))  # fmt: skip
    return entries


def _events(session: Session, scope: _Scope, limit: int) -> list[Entry]:
    P = EventParticipant
    person = aliased(Contact, name="person")
    org = aliased(Organization, name="org")
    starts = Event.starts_on
    if scope.kind == "event":  # who registered, when
        query = (
            sa.select(P.created_at, sa.null(), P.role, P.attended, P.contact_id, P.organization_id,
                      party_name(org, person), sa.literal(""))
            .where(P.event_id == scope.id)
            .order_by(P.created_at.desc(), P.id.desc())
        )  # fmt: skip
    elif scope.kind == "introduction":
        return []
    else:  # the events the record took part in, placed at their date
        query = (
            sa.select(P.created_at, starts, P.role, P.attended, P.event_id, P.event_id,
                      Event.name, sa.func.coalesce(person_name(person), ""))
            .join(Event, Event.id == P.event_id)
            .where(scope.linked(P), Event.deleted_at.is_(None))
            .order_by(sa.func.coalesce(starts, sa.func.date(P.created_at)).desc(), P.id.desc())
        )  # fmt: skip
    query = (
        query.outerjoin(person, person.id == P.contact_id)
        .outerjoin(org, org.id == P.organization_id)
        .where(P.deleted_at.is_(None))
        .limit(limit)
    )
    entries = []
    for registered, day, role, attended, first, second, name, who_went in session.execute(query):
        params = {"role": role or "", "attended": "" if attended is None else str(bool(attended))}
        if who_went and scope.kind == "organization":  # which of its people took part
            params["person"] = who_went
        if scope.kind == "event":
            opens = ("contact", first) if first is not None else ("organization", second)
        else:
            opens = ("event", first)
        at = _noon(day) if day is not None else registered
        entries.append(Entry("event", at, "", "participant", name, "", params, *opens,
                             day_only=day is not None))  # fmt: skip
    return entries


def _imports(session: Session, scope: _Scope, limit: int) -> list[Entry]:
    B, T = ImportBatch, ImportBatchItem
    mine = sa.and_(T.entity == scope.kind, T.record_id == scope.id)
    if scope.kind == "event":  # an import of participants into this event changed it too
        registered = sa.select(EventParticipant.id).where(EventParticipant.event_id == scope.id)
        mine = sa.or_(mine, sa.and_(T.entity == "participant", T.record_id.in_(registered)))
    rows = sa.func.count(T.id)
    query = (
        sa.select(B.id, B.at, _who(), B.file_name, B.entity, T.action, rows, B.undone_at,
                  sa.func.max(T.before))
        .join(T, T.batch_id == B.id)
        .outerjoin(StaffUser, StaffUser.id == B.user_id)
        .where(mine)
        .group_by(B.id, B.at, StaffUser.display_name, StaffUser.name, B.file_name, B.entity,
                  T.action, B.undone_at)
        .order_by(B.at.desc(), B.id.desc())
        .limit(limit)
    )  # fmt: skip
    entries = []
    for _bid, at, who, file_name, entity, action, count, undone, before in session.execute(query):
        params = {"entity": entity, "rows": str(count), "undone": "yes" if undone else "",
                  "path": file_name}  # fmt: skip
        if action == "updated" and count == 1:  # what the import changed: its old values' keys
            params["fields"] = ",".join(_fields(before))
        entries.append(Entry("import", at, who, action, _base_name(file_name), "", params))
    return entries


def _exports(session: Session, scope: _Scope, limit: int) -> list[Entry]:
    """The partner files that named the record (the export log keeps the uids it wrote)."""
    model = _MODELS[scope.kind]
    uid = session.scalar(sa.select(model.uid).where(model.id == scope.id))
    if uid is None:
        return []
    return [
        Entry("export", f.at, f.user, "exported", _base_name(f.file_name), "",
              {"entity": f.entity, "recipient": f.recipient, "profile": f.profile,
               "without_consent": "yes" if f.included_without_consent else "",
               "path": f.file_name})
        for f in export_log.files_including(session, uid)[:limit]
    ]  # fmt: skip


def _edits(session: Session, scope: _Scope, limit: int) -> list[Entry]:
    A = AuditEntry
    query = (
        sa.select(A.at, _who(), A.action, A.changes)
        .outerjoin(StaffUser, StaffUser.id == A.user_id)
        .where(A.entity == scope.kind, A.record_id == scope.id, ~A.changes.like(_IMPORTED))
        .order_by(A.id.desc())
        .limit(limit)
    )
    entries = []
    for at, who, action, text in session.execute(query):
        changed = _fields(text)
        if scope.kind == "introduction" and action == "update":
            changed = [name for name in changed if name not in _STAGE_FIELDS]
            if not changed:
                continue  # a stage change: its own entry
        params = {"fields": ",".join(changed)} if action in ("create", "update") else {}
        entries.append(Entry("edit", at, who, action, "", "", params))
    return entries


def _fields(text: str) -> list[str]:
    try:
        found = json.loads(text) if text else {}
    except ValueError:
        return []
    return list(found) if isinstance(found, dict) else []


_MODELS: dict[str, Any] = {
    "organization": Organization,
    "contact": Contact,
    "introduction": Introduction,
    "event": Event,
}

_READERS: dict[str, Callable[[Session, _Scope, int], Iterable[Entry]]] = {
    "interaction": _interactions,
    "stage": _stages,
    "followup": _followups,
    "event": _events,
    "import": _imports,
    "export": _exports,
    "edit": _edits,
}
