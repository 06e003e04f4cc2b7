"""Demonstration data: the 2017 BIOQuébec–MassBio cooperation.

`load_demo` writes a small, hand-written, bilingual data set through the real services, so
that validation, the audit trail, the stage history and the search index all apply exactly
as when staff type the records. People and companies are fictional except the two public
figures quoted in the 2017 announcement and the public bodies it names; fictional companies
use `.example` web and mail domains so that no demo address can reach a real mailbox.

The synthetic data at scale (`crm demo --scale N`) is `demo_scale.load_scale`; its
vocabulary is `demo_words`. `DemoSummary` counts what either load wrote.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass
from datetime import date, datetime, time, timedelta
from functools import lru_cache
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import Session

from crm.db.base import table_of
from crm.db.models import (
    Event,
    Introduction,
    Organization,
    StageChange,
)
from crm.db.tables import utcnow
from crm.domain.enums import (
    Consent,
    IntroductionOutcome,
    IntroductionStage,
)
from crm.domain.errors import coded
from crm.domain.text import fold
from crm.services import (
    contacts,
    events,
    followups,
    interactions,
    introductions,
    organizations,
    users,
)

__all__ = ["DemoSummary", "load_demo"]


@dataclass
class DemoSummary:
    """How many records of each kind a load wrote."""

    staff_users: int = 0
    organizations: int = 0
    contacts: int = 0
    events: int = 0
    participants: int = 0
    introductions: int = 0
    stage_changes: int = 0
    followups: int = 0
    interactions: int = 0
    search_entries: int = 0

    def as_dict(self) -> dict[str, int]:
        return asdict(self)

    def __str__(self) -> str:
        # The search entries mirror the records: the counts people care about are the others.
        counts = {
            k.replace("_", " "): n for k, n in self.as_dict().items() if n and k != "search_entries"
        }
        return ", ".join(f"{n:,} {kind}" for kind, n in counts.items())


# ------------------------------------------------------------------------------ the demo

QC_PLACE = {"region": "QC", "country": "Canada", "territory": "QC"}
MA_PLACE = {"region": "MA", "country": "United States", "territory": "MA"}
# The hand-written data set: organizations, people, events, introductions, follow-ups and
# interactions, keyed by short names so the records can point at one another.
DEMO_FILE = Path(__file__).resolve().parents[2] / "resources" / "demo" / "cooperation.json"

STAGES = tuple(IntroductionStage)
CLOSED = IntroductionStage.CLOSED


@dataclass(frozen=True)
class DemoIntro:
    qc: tuple[str | None, str | None]  # (contact key, organization key)
    ma: tuple[str | None, str | None]
    purpose: str
    owner: str
    stage: IntroductionStage
    outcome: IntroductionOutcome | None = None
    title: str = ""
    event: str | None = None
    introducer: str | None = None
    notes: str = ""
    # Stages visited before the last one; None: every stage in order.
    path: tuple[IntroductionStage, ...] | None = None
    # Dates (see `_schedule`): created N days ago (else at its event), the last move N days
    # ago (open ones) or N days after creation (closed ones), who answered first.
    created_days_ago: int | None = None
    days_in_stage: int | None = None
    closed_after: int | None = None
    asked_first: str | None = None


Stage = IntroductionStage
Outcome = IntroductionOutcome


@dataclass(frozen=True)
class DemoSet:
    staff: list[dict[str, Any]]
    organizations: dict[str, tuple[str, dict[str, Any]]]  # key -> (side, service values)
    contacts: dict[str, tuple[str | None, dict[str, Any]]]  # key -> (organization key, values)
    events: dict[str, dict[str, Any]]
    participants: list[tuple[str, str | None, str | None, str, bool | None]]
    introductions: list[DemoIntro]
    followups: list[tuple[int, str, str, str, str, str, Any]]  # due in N days, title...
    interactions: list[tuple[int, str, str, str, str, str, Any]]  # N days ago, kind...


@lru_cache(maxsize=1)
def demo_set() -> DemoSet:
    with DEMO_FILE.open(encoding="utf-8") as handle:
        raw = json.load(handle)

    def intro(item: dict[str, Any]) -> DemoIntro:
        path = item.get("path")
        return DemoIntro(
            **{
                **item,
                "qc": tuple(item["qc"]),
                "ma": tuple(item["ma"]),
                "stage": Stage(item["stage"]),
                "outcome": Outcome(item["outcome"]) if item.get("outcome") else None,
                "path": tuple(Stage(p) for p in path) if path else None,
            }
        )

    return DemoSet(
        staff=raw["staff"],
        organizations={k: (side, values) for k, (side, values) in raw["organizations"].items()},
        contacts={k: (org, values) for k, (org, values) in raw["contacts"].items()},
        events=raw["events"],
        participants=[tuple(p) for p in raw["participants"]],
        introductions=[intro(item) for item in raw["introductions"]],
        followups=[tuple(f) for f in raw["followups"]],
        interactions=[tuple(i) for i in raw["interactions"]],
    )


def _place(side: str) -> dict[str, str]:
    return dict(QC_PLACE if side == "QC" else MA_PLACE)


def _path(intro: DemoIntro) -> list[IntroductionStage]:
    """The stages an introduction moves through after creation (it starts as proposed)."""
    if intro.path is not None:
        return [*intro.path[1:], intro.stage]
    return list(STAGES[1 : STAGES.index(intro.stage) + 1])


def _first_side(intro: DemoIntro) -> str:
    """The side asked first: as written, else the owner's association (MassBio staff ask
    their member first)."""
    if intro.asked_first in ("qc", "ma"):
        return intro.asked_first
    return "ma" if intro.owner == "jsullivan" else "qc"


def _consents(intro: DemoIntro, times: list[datetime]) -> dict[str, Any]:
    """Consents that fit the stage: double opt-in means both sides said yes before the intro.

    The answers come after the request (the move to Asked) and before the next move; the
    side asked first answers first, which is what the dashboard reads as the direction.
    """
    reached = STAGES.index(intro.stage)
    if intro.outcome == IntroductionOutcome.DECLINED:
        qc, ma = Consent.YES, Consent.NO
    elif reached >= STAGES.index(IntroductionStage.BOTH_AGREED):
        qc, ma = Consent.YES, Consent.YES
    elif intro.stage == IntroductionStage.ASKED:
        first_qc = _first_side(intro) == "qc"
        qc, ma = (Consent.YES, Consent.UNKNOWN) if first_qc else (Consent.UNKNOWN, Consent.YES)
    else:
        qc, ma = Consent.UNKNOWN, Consent.UNKNOWN
    moves = _path(intro)
    at = moves.index(IntroductionStage.ASKED) + 1 if IntroductionStage.ASKED in moves else 0
    asked = times[at]
    until = times[at + 1] if at + 1 < len(times) else utcnow()
    first = min(asked + (until - asked) / 3, asked + timedelta(days=2))
    second = min(asked + (until - asked) * 2 / 3, asked + timedelta(days=5))
    days = {"qc": first.date(), "ma": second.date()}
    if _first_side(intro) == "ma":
        days = {"qc": second.date(), "ma": first.date()}
    values: dict[str, Any] = {"qc_consent": qc, "ma_consent": ma}
    if qc != Consent.UNKNOWN:
        values.update(qc_consent_at=days["qc"], qc_consent_channel="courriel")
    if ma != Consent.UNKNOWN:
        values.update(ma_consent_at=days["ma"], ma_consent_channel="email")
    return values


def _schedule(intro: DemoIntro, event_day: date | None, now: datetime, n: int) -> list[datetime]:
    """When the `n`-th demo introduction was created, then when each of its moves happened.

    Created at its event (when the event is past and no age is written), else N days ago;
    the moves follow every few weeks, the last one `days_in_stage` days ago (open) or
    `closed_after` days after creation (closed). Strictly increasing, never in the future.
    """
    hour = timedelta(hours=14, minutes=7 * n)
    if intro.created_days_ago is None and event_day is not None and event_day <= now.date():
        start = datetime.combine(event_day + timedelta(days=1), time(), tzinfo=now.tzinfo) + hour
    else:
        ago = intro.created_days_ago if intro.created_days_ago is not None else 30 + 17 * n
        start = datetime.combine(now.date() - timedelta(days=ago), time(), tzinfo=now.tzinfo) + hour
    start = min(start, now - timedelta(hours=len(_path(intro)) + 1))
    moves = len(_path(intro))
    if not moves:
        return [start]
    if intro.stage == CLOSED:
        last = start + timedelta(days=intro.closed_after or 21 * moves)
    else:
        last = datetime.combine(now.date() - timedelta(days=intro.days_in_stage or 0), time(),
                                tzinfo=now.tzinfo) + hour  # fmt: skip
    last = min(max(last, start + timedelta(hours=moves)), now - timedelta(minutes=1))
    step = min((last - start) / moves, timedelta(days=21))
    times = [start + step * k for k in range(moves)]
    return [*times, last]


def load_demo(session: Session, actor_id: int | None) -> DemoSummary:
    """Write the cooperation demo through the services; refuse when it is already there."""
    exists = session.scalar(
        sa.select(Organization.id).where(
            Organization.name_folded == fold("BIOQuébec"), Organization.deleted_at.is_(None)
        )
    )
    if exists is not None:
        raise coded("demo.already_loaded")
    summary = DemoSummary()
    staff = _load_staff(session, actor_id, summary)
    orgs = {
        key: organizations.service.create(session, actor_id, {**values, **_place(side)}).id
        for key, (side, values) in demo_set().organizations.items()
    }
    summary.organizations = len(orgs)
    people = _load_contacts(session, actor_id, orgs)
    summary.contacts = len(people)
    happenings = _load_events(session, actor_id, orgs, people, summary)
    intro_ids = _load_introductions(session, actor_id, staff, orgs, people, happenings, summary)

    def link(kind: str, key: Any) -> dict[str, int | None]:
        if kind == "introduction":
            return {"introduction_id": intro_ids[key]}
        ids = {"event": happenings, "organization": orgs, "contact": people}[kind]
        return {f"{kind}_id": ids[key]}

    today = date.today()
    for days, title, assignee, status, priority, kind, key in demo_set().followups:
        values = {"title": title, "due_date": today + timedelta(days=days), "status": status,
                  "assignee_id": staff[assignee], "priority": priority,
                  **link(kind, key)}  # fmt: skip
        followups.service.create(session, actor_id, values)
        summary.followups += 1
    now = utcnow()
    for days_ago, kind, subject, notes, user, link_kind, key in demo_set().interactions:
        values = {"kind": kind, "occurred_at": now - timedelta(days=days_ago, hours=3),
                  "subject": subject, "notes": notes, "user_id": staff[user],
                  **link(link_kind, key)}  # fmt: skip
        interactions.service.create(session, actor_id, values)
        summary.interactions += 1
    return summary


def staff_values(name: str) -> dict[str, Any] | None:
    """The demo's own staff user called `name` (any case), or None."""
    for values in demo_set().staff:
        if values["name"].lower() == name.lower():
            return dict(values)
    return None


def _load_staff(session: Session, actor_id: int | None, summary: DemoSummary) -> dict[str, int]:
    """The three staff users, reusing any already there (the person loading may be one)."""
    staff: dict[str, int] = {}
    for values in demo_set().staff:
        user = users.by_name(session, values["name"])
        if user is None:
            user = users.service.create(session, actor_id, values)
            summary.staff_users += 1
        staff[values["name"]] = user.id
    return staff


def _load_contacts(session: Session, actor_id: int | None, orgs: dict[str, int]) -> dict[str, int]:
    people: dict[str, int] = {}
    for key, (org_key, values) in demo_set().contacts.items():
        side, org_values = demo_set().organizations[org_key] if org_key else ("QC", {})
        record: dict[str, Any] = {**_place(side), "city": org_values.get("city", ""), **values}
        if org_key:
            record["organization_id"] = orgs[org_key]
        if record.get("share_with_partners") in ("yes", "no"):
            record.setdefault("consent_date", date(2017, 6, 21))
            source = "formulaire BIO 2017" if side == "QC" else "BIO 2017 form"
            record.setdefault("consent_source", source)
        people[key] = contacts.service.create(session, actor_id, record).id
    return people


def _load_events(
    session: Session,
    actor_id: int | None,
    orgs: dict[str, int],
    people: dict[str, int],
    summary: DemoSummary,
) -> dict[str, int]:
    happenings: dict[str, int] = {}
    upcoming = date.today() + timedelta(days=9)
    for key, values in demo_set().events.items():
        if key == "webinar":  # always ahead, so the demo shows an upcoming event
            values = {**values, "starts_on": upcoming, "ends_on": upcoming}
        happenings[key] = events.service.create(session, actor_id, values).id
    summary.events = len(happenings)
    for event_key, contact_key, org_key, role, attended in demo_set().participants:
        values = {"event_id": happenings[event_key], "role": role, "attended": attended,
                  "contact_id": people[contact_key] if contact_key else None,
                  "organization_id": orgs[org_key] if org_key else None}  # fmt: skip
        events.participants.create(session, actor_id, values)
        summary.participants += 1
    return happenings


def _load_introductions(
    session: Session,
    actor_id: int | None,
    staff: dict[str, int],
    orgs: dict[str, int],
    people: dict[str, int],
    happenings: dict[str, int],
    summary: DemoSummary,
) -> list[int]:
    """Create each introduction, then move it stage by stage so its history reads true."""
    now = utcnow()

    def ref(ids: dict[str, int], key: str | None) -> int | None:
        return ids[key] if key else None

    intro_ids: list[int] = []
    for n, intro in enumerate(demo_set().introductions):
        event = session.get(Event, happenings[intro.event]) if intro.event else None
        times = _schedule(intro, event.starts_on if event else None, now, n)
        values: dict[str, Any] = {
            "title": intro.title,
            "qc_contact_id": ref(people, intro.qc[0]),
            "qc_organization_id": ref(orgs, intro.qc[1]),
            "ma_contact_id": ref(people, intro.ma[0]),
            "ma_organization_id": ref(orgs, intro.ma[1]),
            "purpose": intro.purpose,
            "owner_id": staff[intro.owner],
            "event_id": ref(happenings, intro.event),
            "introducer_contact_id": ref(people, intro.introducer),
            "notes": intro.notes,
            **_consents(intro, times),
        }
        created = introductions.create(session, actor_id, values)
        summary.stage_changes += 1
        for stage in _path(intro):
            outcome = intro.outcome if stage == CLOSED else None
            introductions.move(session, actor_id, created.id, stage, outcome=outcome)
            summary.stage_changes += 1
        _backdate(session, created.id, times, closed=intro.stage == CLOSED)
        intro_ids.append(created.id)
    summary.introductions = len(intro_ids)
    return intro_ids


def _backdate(session: Session, intro_id: int, times: list[datetime], *, closed: bool) -> None:
    """Give a demo introduction and its history the dates of `_schedule`.

    A plain UPDATE: this is demo seeding, not a user's edit, so no audit entry and no new
    version; the history rows keep their order (by id) and get the times in that order.
    """
    changes = list(session.scalars(
        sa.select(StageChange.id).where(StageChange.introduction_id == intro_id).order_by(StageChange.id)
    ))  # fmt: skip
    for change_id, at in zip(changes, times, strict=True):
        session.execute(sa.update(StageChange).where(StageChange.id == change_id).values(at=at))
    values = {"created_at": times[0], "updated_at": times[-1], "stage_changed_at": times[-1],
              "closed_at": times[-1] if closed else None}  # fmt: skip
    session.execute(
        sa.update(table_of(Introduction))
        .where(table_of(Introduction).c.id == intro_id)
        .values(values)
    )
    obj = session.get(Introduction, intro_id)
    if obj is not None:
        session.expire(obj)
