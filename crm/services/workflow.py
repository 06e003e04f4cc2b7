"""The introduction workflow: stage rules, warnings, suggested follow-ups, the board, stalls.

Double opt-in, the practice of good brokers: Proposed → Asked (each party's consent recorded
with its date and channel) → Both agreed → Introduced → Meeting held → Closed with an
outcome. Every move goes through `move`, which refuses to proceed silently past a warning:

- `same_side`: both parties are on the same side of the border (by the territory of the
  parties' organizations, else of the contacts);
- `already_introduced`: another live introduction joins the same Québec and Massachusetts
  organizations, or the same two contacts;
- `consent_missing`: moving to Introduced (or later) without both consents = yes.

`warnings_for` lists them; `move` raises `WorkflowWarnings` unless called with
`accept_warnings=True` (after the user confirmed). The editor and the board both call it,
so both follow the same rules and write the same history.

`suggestions` gives the follow-ups worth offering after a move; `add_followups` creates the
ones the user kept. `board` and `stalled` read the board's columns and the stalled queue as
plain rows, capped per column so 50k introductions never load at once.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import Session

from crm.db.base import utcnow
from crm.db.models import Contact, FollowUp, Introduction, Organization, StaffUser, StageChange
from crm.domain.enums import (
    Consent,
    FollowUpStatus,
    IntroductionOutcome,
    IntroductionStage,
    Priority,
    Territory,
)
from crm.domain.errors import DeskError
from crm.services import audit, followups, introductions, listing, lists, records
from crm.services.fields import staff_name

STAGES: tuple[IntroductionStage, ...] = tuple(IntroductionStage)
DEFAULT_STALLED_DAYS = 30
CARDS_PER_COLUMN = 50


def stage_index(stage: IntroductionStage | str) -> int:
    return STAGES.index(IntroductionStage(stage))


# --- warnings --------------------------------------------------------------------------------


@dataclass(frozen=True)
class WorkflowWarning:
    """One reason to think twice: `code` is stable (the UI translates it), `params` fill it."""

    code: str
    message: str
    params: dict[str, str] = field(default_factory=dict)


class WorkflowWarnings(DeskError):
    """Raised by `move` when warnings were not accepted; `warnings` lists them."""

    def __init__(self, warnings: Sequence[WorkflowWarning]) -> None:
        super().__init__("; ".join(w.message for w in warnings))
        self.warnings = list(warnings)


def party_territory(session: Session, contact_id: int | None, organization_id: int | None) -> Territory:
    """Where a party stands: its organization's territory (the one named, else the contact's
    employer), else the contact's own territory; OTHER when nothing says."""
    contact = session.get(Contact, contact_id) if contact_id else None
    org_id = organization_id or (contact.organization_id if contact else None)
    org = session.get(Organization, org_id) if org_id else None
    if org is not None and org.territory != Territory.OTHER:
        return Territory(org.territory)
    if contact is not None:
        return Territory(contact.territory)
    return Territory.OTHER


def same_pair(session: Session, values: dict[str, Any], exclude_id: int | None) -> list[int]:
    """Live introductions joining the same QC and MA organizations, or the same two contacts."""
    pairs = []
    if values.get("qc_organization_id") and values.get("ma_organization_id"):
        pairs.append(
            sa.and_(
                Introduction.qc_organization_id == values["qc_organization_id"],
                Introduction.ma_organization_id == values["ma_organization_id"],
            )
        )
    if values.get("qc_contact_id") and values.get("ma_contact_id"):
        pairs.append(
            sa.and_(
                Introduction.qc_contact_id == values["qc_contact_id"],
                Introduction.ma_contact_id == values["ma_contact_id"],
            )
        )
    if not pairs:
        return []
    query = sa.select(Introduction.id).where(Introduction.deleted_at.is_(None), sa.or_(*pairs))
    if exclude_id is not None:
        query = query.where(Introduction.id != exclude_id)
    return list(session.scalars(query.order_by(Introduction.id)))


def warnings_for(
    session: Session,
    values: dict[str, Any],
    stage: IntroductionStage | str,
    *,
    exclude_id: int | None = None,
    outcome: IntroductionOutcome | str | None = None,
) -> list[WorkflowWarning]:
    """The warnings for an introduction with these party and consent `values` at `stage`.

    Consents are checked from Introduced on; closing is checked only with a win (declining
    or finding no fit before the introduction is the double opt-in working).
    """
    found: list[WorkflowWarning] = []
    qc = party_territory(session, values.get("qc_contact_id"), values.get("qc_organization_id"))
    ma = party_territory(session, values.get("ma_contact_id"), values.get("ma_organization_id"))
    if qc == ma and qc != Territory.OTHER:
        found.append(
            WorkflowWarning(
                "same_side",
                f"both parties are on the same side of the border ({qc.value})",
                {"territory": qc.value},
            )
        )
    others = same_pair(session, values, exclude_id)
    if others:
        ids = ", ".join(f"#{i}" for i in others)
        found.append(
            WorkflowWarning(
                "already_introduced",
                f"the same pair is already in introduction {ids}",
                {"ids": ids},
            )
        )
    reached = stage_index(stage) >= stage_index(IntroductionStage.INTRODUCED)
    if IntroductionStage(stage) == IntroductionStage.CLOSED:
        reached = outcome is not None and IntroductionOutcome(outcome).is_win
    if reached and not (
        str(values.get("qc_consent")) == Consent.YES and str(values.get("ma_consent")) == Consent.YES
    ):
        found.append(
            WorkflowWarning(
                "consent_missing",
                "introduced without both parties' consent (double opt-in)",
            )
        )
    return found


def _values_of(intro: Introduction) -> dict[str, Any]:
    return {name: getattr(intro, name) for name in introductions.FIELDS}


def check_move(
    session: Session,
    record_id: int,
    to_stage: IntroductionStage | str,
    outcome: IntroductionOutcome | str | None = None,
) -> list[WorkflowWarning]:
    """The warnings a move of this introduction to `to_stage` would raise.

    Moving backwards or within the early stages repeats no pair/side warning the user
    already accepted to reach the current stage: only a move forward is checked.
    """
    intro = introductions.service.get(session, record_id)
    if stage_index(to_stage) <= stage_index(intro.stage):
        return []
    return warnings_for(session, _values_of(intro), to_stage, exclude_id=record_id, outcome=outcome)


def move(
    session: Session,
    actor_id: int | None,
    record_id: int,
    to_stage: IntroductionStage | str,
    *,
    outcome: IntroductionOutcome | str | None = None,
    note: str = "",
    expected_version: int | None = None,
    accept_warnings: bool = False,
) -> Introduction:
    """Move through the rules: raises `WorkflowWarnings` unless `accept_warnings`.

    Closing needs an outcome (`ValidationFailed` from `introductions.move`). The history
    records who, when, from, to and the note; a note says when warnings were overridden.
    """
    to_stage = IntroductionStage(to_stage)
    found = check_move(session, record_id, to_stage, outcome)
    if found and not accept_warnings:
        raise WorkflowWarnings(found)
    if found:
        overridden = "warnings accepted: " + ", ".join(w.code for w in found)
        note = f"{note.strip()}\n{overridden}".strip()
    return introductions.move(
        session, actor_id, record_id, to_stage,
        outcome=IntroductionOutcome(outcome) if outcome else None,
        note=note, expected_version=expected_version,
    )  # fmt: skip


# --- taking a move back ----------------------------------------------------------------------

UNDO_NOTE = "undo of the previous move"


@dataclass(frozen=True)
class StageState:
    """Where an introduction stood before a move: what `undo_move` puts back."""

    stage: str
    outcome: str | None
    stage_changed_at: datetime
    closed_at: datetime | None


def stage_state(session: Session, record_id: int) -> StageState:
    intro = introductions.service.get(session, record_id)
    return StageState(
        str(_word(intro.stage)), _word(intro.outcome), intro.stage_changed_at, intro.closed_at
    )


def undo_move(
    session: Session,
    actor_id: int | None,
    record_id: int,
    before: StageState,
    *,
    expected_version: int,
    followups_made: Sequence[tuple[int, int]] = (),
) -> Introduction:
    """Take back a move (a misplaced drag, a wrong stage): the introduction gets its stage,
    outcome, closing date and days in stage from `before` back, and the follow-ups the move
    made (`followups_made`: (id, version)) go to the trash.

    Refused with `StaleRecord` when the introduction (at `expected_version`, what the move
    left) or one of those follow-ups changed since. The history stays a true account: it
    keeps the move and records the move back, noted `UNDO_NOTE`, as the audit trail does.
    """
    intro = introductions.service.get(session, record_id)
    records.check_version(introductions.service, intro, expected_version)
    current = (intro.stage, intro.outcome)
    intro.stage = IntroductionStage(before.stage)
    intro.outcome = IntroductionOutcome(before.outcome) if before.outcome else None
    intro.stage_changed_at = before.stage_changed_at
    intro.closed_at = before.closed_at
    records.flush_checked(session, introductions.service, intro, expected_version)
    session.add(
        StageChange(
            introduction_id=intro.id, from_stage=current[0], to_stage=intro.stage,
            outcome=intro.outcome, user_id=actor_id, note=UNDO_NOTE,
        )
    )  # fmt: skip
    audit.record(
        session, actor_id, "update", "introduction", intro.id, intro.uid,
        {"stage": [audit.plain(current[0]), audit.plain(intro.stage)],
         "outcome": [audit.plain(current[1]), audit.plain(intro.outcome)]},
    )  # fmt: skip
    records.reindex(session, introductions.service, intro)
    for followup_id, version in followups_made:
        followups.service.delete(session, actor_id, followup_id, expected_version=version)
    return intro


def record_consent(
    session: Session,
    actor_id: int | None,
    record_id: int,
    side: str,
    consent: Consent | str,
    *,
    at: date | None = None,
    channel: str = "",
    expected_version: int | None = None,
) -> Introduction:
    """Record one party's answer (`side` is qc or ma) with its date (today by default) and channel."""
    if side not in ("qc", "ma"):
        raise ValueError(f"side must be qc or ma, not {side!r}")
    consent = Consent(consent)
    when = at or (date.today() if consent != Consent.UNKNOWN else None)
    return introductions.service.update(
        session, actor_id, record_id,
        {f"{side}_consent": consent, f"{side}_consent_at": when, f"{side}_consent_channel": channel},
        expected_version=expected_version,
    )  # fmt: skip


# --- the timeline ----------------------------------------------------------------------------


@dataclass(frozen=True)
class TimelineEntry:
    at: datetime
    from_stage: str | None
    to_stage: str
    outcome: str | None
    user: str
    note: str


def timeline(session: Session, record_id: int) -> list[TimelineEntry]:
    """The stage history of an introduction as plain rows, oldest first."""
    who = sa.func.coalesce(staff_name(StaffUser), "")
    query = (
        sa.select(StageChange.at, StageChange.from_stage, StageChange.to_stage,
                  StageChange.outcome, who, StageChange.note)
        .outerjoin(StaffUser, StaffUser.id == StageChange.user_id)
        .where(StageChange.introduction_id == record_id)
        .order_by(StageChange.id)
    )  # fmt: skip
    return [
        TimelineEntry(at, _word(f), str(_word(t)), _word(o), name or "", note or "")
        for at, f, t, o, name, note in session.execute(query)
    ]


def _word(value: Any) -> str | None:
    return None if value is None else str(getattr(value, "value", value))


# --- suggested follow-ups --------------------------------------------------------------------


@dataclass(frozen=True)
class Suggestion:
    """A follow-up worth offering after a move: `code` names it for translation."""

    code: str
    title: str
    days: int

    def due(self, today: date) -> date:
        return today + timedelta(days=self.days)


SUGGESTIONS: dict[IntroductionStage, tuple[Suggestion, ...]] = {
    IntroductionStage.ASKED: (Suggestion("check_answers", "Check both answers", 5),),
    IntroductionStage.BOTH_AGREED: (Suggestion("send_introduction", "Send the introduction email", 2),),
    IntroductionStage.INTRODUCED: (Suggestion("check_in", "Check in with both parties", 14),),
    IntroductionStage.MEETING_HELD: (Suggestion("ask_outcome", "Ask about the outcome", 30),),
}


def suggestions(from_stage: IntroductionStage | str | None, to_stage: IntroductionStage | str) -> list[Suggestion]:
    """Follow-ups to offer when an introduction moves (forward) to `to_stage`."""
    to_stage = IntroductionStage(to_stage)
    if from_stage is not None and stage_index(to_stage) <= stage_index(from_stage):
        return []
    return list(SUGGESTIONS.get(to_stage, ()))


def add_followups(
    session: Session,
    actor_id: int | None,
    record_id: int,
    chosen: Iterable[tuple[str, date, int | None]],
) -> list[FollowUp]:
    """Create the follow-ups the user kept: (title, due date, assignee) linked to the introduction."""
    intro = introductions.service.get(session, record_id)
    made = []
    for title, due, assignee_id in chosen:
        made.append(
            followups.service.create(
                session, actor_id,
                {"title": title, "due_date": due, "assignee_id": assignee_id or intro.owner_id or actor_id,
                 "priority": Priority.NORMAL, "introduction_id": record_id},
            )
        )  # fmt: skip
    return made


# --- the board and the stalled queue ---------------------------------------------------------


@dataclass(frozen=True)
class Card:
    """One introduction on the board, as plain values."""

    id: int
    qc_party: str
    ma_party: str
    purpose: str
    stage: str
    owner: str
    stage_changed_at: datetime
    title: str

    def days_in_stage(self, now: datetime) -> int:
        changed = self.stage_changed_at
        if changed.tzinfo is None:
            changed = changed.replace(tzinfo=now.tzinfo)
        return max((now - changed).days, 0)


@dataclass(frozen=True)
class Column:
    stage: str
    total: int
    cards: list[Card]

    @property
    def more(self) -> int:
        return self.total - len(self.cards)


def _cards(rows: Iterable[tuple[Any, ...]]) -> list[Card]:
    return [
        Card(row[0], row[1] or "", row[2] or "", str(_word(row[3])), str(_word(row[4])),
             row[5] or "", row[6], row[7] or "")
        for row in rows
    ]  # fmt: skip


def board(
    session: Session,
    *,
    owner_id: int | None = None,
    purpose: str | None = None,
    per_column: int = CARDS_PER_COLUMN,
) -> list[Column]:
    """One column per stage: its count and its first `per_column` cards (longest waiting first)."""
    spec = lists.INTRODUCTIONS
    columns = []
    for stage in STAGES:
        filters = {"stage": stage.value, "owner_id": owner_id, "purpose": purpose}
        query = listing.ListQuery(filters=filters, sort="stage_changed_at",
                                  descending=stage == IntroductionStage.CLOSED)  # fmt: skip
        total = listing.count(session, spec, query)
        rows = listing.page(session, spec, query, limit=per_column) if total else []
        columns.append(Column(stage.value, total, _cards(rows)))
    return columns


def card(session: Session, record_id: int) -> Card | None:
    rows = listing.rows_by_id(session, lists.INTRODUCTIONS, [record_id])
    return _cards([rows[0]])[0] if rows and rows[0] is not None else None


def _stalled_where(days: int, now: datetime) -> list[sa.ColumnElement[bool]]:
    return [
        Introduction.deleted_at.is_(None),
        Introduction.stage != IntroductionStage.CLOSED,
        Introduction.stage_changed_at < now - timedelta(days=days),
    ]


def stalled(
    session: Session,
    days: int = DEFAULT_STALLED_DAYS,
    *,
    now: datetime | None = None,
    owner_id: int | None = None,
    purpose: str | None = None,
    limit: int = CARDS_PER_COLUMN,
) -> tuple[int, list[Card]]:
    """Open introductions with no stage change for `days` days: (count, the oldest `limit`)."""
    now = now or utcnow()
    spec = lists.INTRODUCTIONS
    where = _stalled_where(days, now)
    if owner_id is not None:
        where.append(Introduction.owner_id == owner_id)
    if purpose:
        where.append(Introduction.purpose == purpose)
    total = int(session.scalar(sa.select(sa.func.count(Introduction.id)).where(*where)) or 0)
    statement = listing.statement(spec, listing.ListQuery(sort="stage_changed_at")).where(*where)
    rows = session.execute(statement.limit(limit)).all()
    return total, _cards(rows)


# --- one-to-one meetings at events -----------------------------------------------------------


def meeting_values(
    session: Session,
    event_id: int,
    qc_contact_id: int | None,
    ma_contact_id: int | None,
    *,
    qc_organization_id: int | None = None,
    ma_organization_id: int | None = None,
    note: str = "",
    actor_id: int | None = None,
) -> dict[str, Any]:
    """The introduction a one-to-one meeting makes: each contact's employer stands for its
    side unless an organization is given; both parties agreed by coming to the meeting."""

    def org_of(contact_id: int | None, given: int | None) -> int | None:
        if given or not contact_id:
            return given
        contact = session.get(Contact, contact_id)
        return contact.organization_id if contact else None

    return {
        "qc_contact_id": qc_contact_id, "ma_contact_id": ma_contact_id,
        "qc_organization_id": org_of(qc_contact_id, qc_organization_id),
        "ma_organization_id": org_of(ma_contact_id, ma_organization_id),
        "event_id": event_id, "owner_id": actor_id, "notes": note,
        "qc_consent": Consent.YES, "ma_consent": Consent.YES,
        "qc_consent_channel": "event", "ma_consent_channel": "event",
        "qc_consent_at": date.today(), "ma_consent_at": date.today(),
    }  # fmt: skip


def meeting_warnings(
    session: Session,
    event_id: int,
    qc_contact_id: int | None,
    ma_contact_id: int | None,
    *,
    qc_organization_id: int | None = None,
    ma_organization_id: int | None = None,
) -> list[WorkflowWarning]:
    """The warnings `introduction_from_meeting` would raise for these parties (same side,
    same pair already introduced), for the UI to confirm first."""
    values = meeting_values(session, event_id, qc_contact_id, ma_contact_id,
                            qc_organization_id=qc_organization_id,
                            ma_organization_id=ma_organization_id)  # fmt: skip
    return warnings_for(session, values, IntroductionStage.MEETING_HELD)


def introduction_from_meeting(
    session: Session,
    actor_id: int | None,
    event_id: int,
    qc_contact_id: int | None,
    ma_contact_id: int | None,
    *,
    qc_organization_id: int | None = None,
    ma_organization_id: int | None = None,
    note: str = "",
    accept_warnings: bool = False,
) -> Introduction:
    """A one-to-one meeting held at an event becomes an introduction linked to the event,
    at the stage Meeting held (both parties met: they agreed by coming).

    Raises `WorkflowWarnings` (same side, same pair) unless `accept_warnings`, as `move` does.
    """
    values = meeting_values(session, event_id, qc_contact_id, ma_contact_id,
                            qc_organization_id=qc_organization_id,
                            ma_organization_id=ma_organization_id, note=note, actor_id=actor_id)  # fmt: skip
    found = warnings_for(session, values, IntroductionStage.MEETING_HELD)
    if found and not accept_warnings:
        raise WorkflowWarnings(found)
    history = "one-to-one meeting at the event"
    if found:
        history += "\nwarnings accepted: " + ", ".join(w.code for w in found)
    intro = introductions.create(session, actor_id, values)
    return introductions.move(session, actor_id, intro.id, IntroductionStage.MEETING_HELD, note=history)


# --- the delegation roster -------------------------------------------------------------------


@dataclass(frozen=True)
class RosterRow:
    participant_id: int
    contact_id: int | None
    organization_id: int | None
    name: str
    organization: str
    role: str
    attended: bool | None
    side: str
    # The participant's version, for editing it with optimistic locking.
    version: int = 1


def roster(session: Session, event_id: int) -> list[RosterRow]:
    """An event's live participants with their side (QC, MA, OTHER), by side then name."""
    from crm.db.models import EventParticipant

    query = (
        sa.select(EventParticipant)
        .where(EventParticipant.event_id == event_id, EventParticipant.deleted_at.is_(None))
        .order_by(EventParticipant.id)
    )
    rows = []
    for p in session.scalars(query):
        person = session.get(Contact, p.contact_id) if p.contact_id else None
        org_id = p.organization_id or (person.organization_id if person else None)
        org = session.get(Organization, org_id) if org_id else None
        rows.append(
            RosterRow(
                p.id, p.contact_id, org_id, person.full_name if person else (org.name if org else ""),
                org.name if org and person else "", p.role, p.attended,
                party_territory(session, p.contact_id, org_id).value, p.version,
            )
        )  # fmt: skip
    order = {Territory.QC.value: 0, Territory.MA.value: 1, Territory.OTHER.value: 2}
    return sorted(rows, key=lambda r: (order[r.side], r.name.lower()))


def roster_text(session: Session, event_id: int, headings: dict[str, str] | None = None) -> str:
    """The roster as plain text to print or paste, one section per side."""
    from crm.db.models import Event

    event = session.get(Event, event_id)
    heads = headings or {"QC": "Québec", "MA": "Massachusetts", "OTHER": "Elsewhere"}
    title = event.name if event else f"event {event_id}"
    when = event.starts_on.isoformat() if event and event.starts_on else ""
    lines = [title + (f" — {when}" if when else ""), ""]
    rows = roster(session, event_id)
    for side in ("QC", "MA", "OTHER"):
        mine = [r for r in rows if r.side == side]
        if not mine:
            continue
        lines.append(f"{heads[side]} ({len(mine)})")
        for r in mine:
            detail = ", ".join(p for p in (r.organization, r.role) if p)
            mark = {True: "✓ ", False: "✗ ", None: "  "}[r.attended]
            lines.append(f"  {mark}{r.name}" + (f" — {detail}" if detail else ""))
        lines.append("")
    return "\n".join(lines).rstrip() + "\n"


# --- my follow-ups ---------------------------------------------------------------------------

FOLLOWUP_GROUPS = ("overdue", "today", "week", "later")


@dataclass(frozen=True)
class FollowUpRow:
    id: int
    title: str
    due_date: date
    due_time: Any
    priority: str
    linked_to: str
    kind: str  # the kind of the linked record (organization, contact, introduction, event) or ""
    linked_id: int | None


@dataclass(frozen=True)
class FollowUpGroup:
    name: str
    total: int
    rows: list[FollowUpRow]


def followup_groups(
    session: Session, assignee_id: int | None, today: date, *, limit: int = 200
) -> list[FollowUpGroup]:
    """Open follow-ups of one staff user: overdue, today, this week (the next 7 days), later.

    Each group is counted in SQL and holds at most `limit` rows, soonest first.
    """
    from crm.db.models import FollowUp as F
    from crm.domain.enums import FollowUpStatus

    spec = lists.FOLLOWUPS
    ranges = {
        "overdue": (None, today - timedelta(days=1)),
        "today": (today, today),
        "week": (today + timedelta(days=1), today + timedelta(days=7)),
        "later": (today + timedelta(days=8), None),
    }
    groups = []
    for name in FOLLOWUP_GROUPS:
        start, end = ranges[name]
        where = [F.deleted_at.is_(None), F.status == FollowUpStatus.OPEN]
        if assignee_id is not None:
            where.append(F.assignee_id == assignee_id)
        if start is not None:
            where.append(F.due_date >= start)
        if end is not None:
            where.append(F.due_date <= end)
        total = int(session.scalar(sa.select(sa.func.count(F.id)).where(*where)) or 0)
        linked = next(c.expr for c in spec.columns if c.key == "linked_to")
        columns: list[Any] = [
            F.id, F.title, F.due_date, F.due_time, F.priority, linked,
            F.organization_id, F.contact_id, F.introduction_id, F.event_id,
        ]  # fmt: skip
        query = spec.joins(sa.select(*columns).select_from(F)).where(*where).order_by(F.due_date, F.due_time, F.id).limit(limit)  # fmt: skip
        rows = []
        for fid, title, due, at, priority, label, org, person, intro, event in session.execute(query):
            kind, link = next(
                ((k, v) for k, v in (("organization", org), ("contact", person),
                                     ("introduction", intro), ("event", event)) if v),
                ("", None),
            )  # fmt: skip
            rows.append(FollowUpRow(fid, title, due, at, str(_word(priority)), label or "", kind, link))
        groups.append(FollowUpGroup(name, total, rows))
    return groups


def snooze(
    session: Session, actor_id: int | None, followup_id: int, until: date, *, expected_version: int | None = None
) -> FollowUp:
    return followups.service.update(session, actor_id, followup_id, {"due_date": until},
                                    expected_version=expected_version)  # fmt: skip


def complete(
    session: Session, actor_id: int | None, followup_id: int, *, expected_version: int | None = None
) -> FollowUp:
    return followups.service.update(session, actor_id, followup_id, {"status": "done"},
                                    expected_version=expected_version)  # fmt: skip


def undo_complete(
    session: Session, actor_id: int | None, followup_id: int, previous_status: FollowUpStatus | str,
    *, expected_version: int,
) -> FollowUp:  # fmt: skip
    """Reopen a follow-up completed by mistake: its status before (open, cancelled) comes back
    and its completion date goes. Refused (`StaleRecord`) if it changed since `complete`."""
    return followups.service.update(session, actor_id, followup_id, {"status": previous_status},
                                    expected_version=expected_version)  # fmt: skip


def undo_snooze(
    session: Session,
    actor_id: int | None,
    followup_id: int,
    previous_due: date,
    *,
    expected_version: int,
) -> FollowUp:
    """Give a snoozed follow-up its due date back. Refused (`StaleRecord`) if it changed since."""
    return followups.service.update(session, actor_id, followup_id, {"due_date": previous_due},
                                    expected_version=expected_version)  # fmt: skip


def reassign(session: Session, actor_id: int | None, followup_id: int, assignee_id: int | None) -> FollowUp:
    return followups.service.update(session, actor_id, followup_id, {"assignee_id": assignee_id})


def due_now(session: Session, assignee_id: int | None, now_local: datetime) -> list[tuple[int, str]]:
    """Open follow-ups due by `now_local` (naive local time): dated before today, or today
    without a time, or today at a time already past. (id, title), soonest first."""
    from crm.db.models import FollowUp as F
    from crm.domain.enums import FollowUpStatus

    today = now_local.date()
    where = [F.deleted_at.is_(None), F.status == FollowUpStatus.OPEN, F.due_date <= today]
    if assignee_id is not None:
        where.append(F.assignee_id == assignee_id)
    query = sa.select(F.id, F.title, F.due_date, F.due_time).where(*where).order_by(F.due_date, F.id)
    return [
        (fid, title)
        for fid, title, due, at in session.execute(query)
        if due < today or at is None or at <= now_local.time()
    ]
