"""The introduction stage workflow: rules, warnings, moves, their undo, suggested follow-ups.

Double opt-in, the practice of good brokers: Proposed → Asked (each party's consent recorded
with its date and channel) → Both agreed → Introduced → Meeting held → Closed with an
outcome. Every move goes through `move`, which refuses to proceed silently past a warning:

- `same_side`: both parties are on the same side of the border (by the territory of the
  parties' organizations, else of the contacts);
- `already_introduced`: another live introduction joins the same Québec and Massachusetts
  organizations, or the same two contacts;
- `consent_missing`: moving to Introduced (or later) without both consents = yes.

The use cases the window, the CLI and the tests share, one call each:

- `move_questions` reads what to ask before a move (warnings, suggested follow-ups);
- `move_with_followups` writes a move, the editor's other changes and the follow-ups the
  user kept in one transaction, re-checking the warnings there: any warning whose code is
  not in `accepted_warnings` refuses the move (`WorkflowWarnings`), so a warning the user
  never saw is never passed silently;
- `create_at_stage` creates an introduction at any stage, under the same rule;
- `undo_move` takes a move back; `timeline` reads the stage history.

The board is `crm.services.board`; one-to-one meetings at events, `crm.services.meetings`.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import Session

from crm.db.models import FollowUp, Introduction, StaffUser, StageChange
from crm.domain.enums import Consent, IntroductionOutcome, IntroductionStage, Priority, Territory
from crm.domain.errors import DeskError, NotFound
from crm.domain.stage_rules import Suggestion, stage_index, suggestions
from crm.services import audit, followups, introductions, records
from crm.services.fields import staff_name
from crm.services.introductions import party_territory

# The stable codes of every warning: what `--accept-warnings` on the command line accepts.
WARNING_CODES = frozenset({"same_side", "already_introduced", "consent_missing"})


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
        str(values.get("qc_consent")) == Consent.YES
        and str(values.get("ma_consent")) == Consent.YES
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
    *,
    values: dict[str, Any] | None = None,
) -> list[WorkflowWarning]:
    """The warnings a move of this introduction to `to_stage` would raise; `values` (the
    editor's unsaved party and consent values) are checked instead of the stored ones.

    Moving backwards or within the early stages repeats no pair/side warning the user
    already accepted to reach the current stage: only a move forward is checked.
    """
    intro = introductions.service.get(session, record_id)
    if stage_index(to_stage) <= stage_index(intro.stage):
        return []
    checked = _values_of(intro) if values is None else values
    return warnings_for(session, checked, to_stage, exclude_id=record_id, outcome=outcome)


def refuse_unaccepted(found: Sequence[WorkflowWarning], accepted: Collection[str]) -> None:
    """Raise `WorkflowWarnings` with the warnings whose code is not in `accepted`."""
    left = [w for w in found if w.code not in accepted]
    if left:
        raise WorkflowWarnings(left)


def move(
    session: Session,
    actor_id: int | None,
    record_id: int,
    to_stage: IntroductionStage | str,
    *,
    outcome: IntroductionOutcome | str | None = None,
    note: str = "",
    expected_version: int | None = None,
    accepted_warnings: Collection[str] = (),
) -> Introduction:
    """Move through the rules: raises `WorkflowWarnings` for any warning whose code is not
    in `accepted_warnings` (the ones the user confirmed; `WARNING_CODES` for all).

    Closing needs an outcome (`ValidationFailed` from `introductions.move`). The history
    records who, when, from, to and the note; a note says when warnings were overridden.
    """
    to_stage = IntroductionStage(to_stage)
    found = check_move(session, record_id, to_stage, outcome)
    refuse_unaccepted(found, accepted_warnings)
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
        str(word(intro.stage)), word(intro.outcome), intro.stage_changed_at, intro.closed_at
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
        TimelineEntry(at, word(f), str(word(t)), word(o), name or "", note or "")
        for at, f, t, o, name, note in session.execute(query)
    ]


def word(value: Any) -> str | None:
    """An enum column's plain value (None stays None)."""
    return None if value is None else str(getattr(value, "value", value))


# --- the follow-ups the user kept --------------------------------------------------------------------


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


# --- the use cases: one call each for the window, the CLI and the tests ------------------------

KeptFollowUp = tuple[str, date, int | None]
"""A follow-up the user kept after a move: (title, due date, assignee; None: the owner)."""


@dataclass(frozen=True)
class MoveQuestions:
    """What to ask before a move: the warnings to confirm, the follow-ups to offer, and who
    they go to unless the user says otherwise."""

    label: str
    from_stage: str
    warnings: list[WorkflowWarning]
    suggestions: list[Suggestion]
    assignee_id: int | None


def label_of(session: Session, intro: Introduction) -> str:
    """An introduction as staff name it: its title, else its two parties."""
    return intro.title or " ↔ ".join(introductions.party_names(session, intro))


def move_questions(
    session: Session,
    actor_id: int | None,
    record_id: int,
    to_stage: IntroductionStage | str,
    *,
    outcome: IntroductionOutcome | str | None = None,
    values: dict[str, Any] | None = None,
) -> MoveQuestions:
    """Read what a move of this introduction to `to_stage` needs the user to answer;
    `values` are the editor's unsaved party and consent values (see `check_move`)."""
    intro = introductions.service.get(session, record_id)
    found = check_move(session, record_id, to_stage, outcome, values=values)
    return MoveQuestions(
        label_of(session, intro), str(word(intro.stage)), found,
        suggestions(intro.stage, to_stage), intro.owner_id or actor_id,
    )  # fmt: skip


@dataclass(frozen=True)
class Moved:
    """A move as written: what the status bar needs to say it and `undo_move` to take it back."""

    record_id: int
    label: str
    to_stage: str
    before: StageState
    version: int
    followups_made: tuple[tuple[int, int], ...] = ()


def move_with_followups(
    session: Session,
    actor_id: int | None,
    record_id: int,
    to_stage: IntroductionStage | str,
    *,
    outcome: IntroductionOutcome | str | None = None,
    note: str = "",
    accepted_warnings: Collection[str] = (),
    followups: Sequence[KeptFollowUp] = (),
    expected_version: int | None = None,
    changes: dict[str, Any] | None = None,
) -> Moved:
    """Move an introduction and create the follow-ups the user kept, in the caller's one
    transaction (nothing is written when anything is refused).

    The warnings are checked here again, against what is stored now: any whose code is not
    in `accepted_warnings` refuses the move (`WorkflowWarnings`). `outcome` counts only when
    closing. `changes` are the introduction's other field edits (the editor's Save), written
    first at `expected_version`; the move then follows on the version they made.
    """
    # One state for the whole move: the row locked (on PostgreSQL a colleague's move of it
    # commits first, or waits for this one) and held (the session keeps only a weak reference:
    # dropped, the next read could load a newer row), so `before` is what this move moved
    # from. Else a colleague's same move, committed in between, made this one a silent no-op
    # reported as a move (found by the soak test).
    held = session.get(Introduction, record_id, with_for_update=True, populate_existing=True)
    before = stage_state(session, record_id)
    if changes:
        introductions.service.update(
            session, actor_id, record_id, changes, expected_version=expected_version
        )
        expected_version = None
    to_stage = IntroductionStage(to_stage)
    intro = move(
        session, actor_id, record_id, to_stage,
        outcome=outcome if to_stage == IntroductionStage.CLOSED else None, note=note,
        expected_version=expected_version, accepted_warnings=accepted_warnings,
    )  # fmt: skip
    made = add_followups(session, actor_id, record_id, followups) if followups else []
    del held  # held until here (see above)
    return Moved(
        record_id, label_of(session, intro), to_stage.value, before, intro.version,
        tuple((f.id, f.version) for f in made),
    )  # fmt: skip


def create_at_stage(
    session: Session,
    actor_id: int | None,
    values: dict[str, Any],
    stage: IntroductionStage | str = IntroductionStage.PROPOSED,
    *,
    outcome: IntroductionOutcome | str | None = None,
    accepted_warnings: Collection[str] = (),
) -> Introduction:
    """Create an introduction already at `stage` (one typed in after the fact): the warnings
    for its parties and consents at that stage refuse it unless accepted, as a move would;
    its history shows the creation, then the move."""
    stage = IntroductionStage(stage)
    outcome = outcome if stage == IntroductionStage.CLOSED else None
    refuse_unaccepted(warnings_for(session, values, stage, outcome=outcome), accepted_warnings)
    intro = introductions.create(session, actor_id, values)
    if stage != IntroductionStage.PROPOSED:
        # Its warnings were just checked, on the same values.
        intro = move(
            session, actor_id, intro.id, stage, outcome=outcome, accepted_warnings=WARNING_CODES
        )
    return intro


def find_introduction(session: Session, reference: str) -> int:
    """The id of the live introduction `reference` names: its uid (what leaves the machine)
    or its number (what `crm search` shows). `NotFound` otherwise."""
    text = reference.strip()
    where = Introduction.id == int(text) if text.isdigit() else Introduction.uid == text
    found = session.scalar(
        sa.select(Introduction.id).where(where, Introduction.deleted_at.is_(None))
    )
    if found is None:
        raise NotFound(
            "introduction", text, f"there is no introduction '{text}' (give its uid or its number)"
        )
    return int(found)
