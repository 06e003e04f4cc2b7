"""Demonstration data: the 2017 BIOQuébec–MassBio cooperation, and synthetic data at scale.

`load_demo` writes a small, hand-written, bilingual data set through the real services, so
that validation, the audit trail, the stage history and the search index all apply exactly
as when staff type the records. People and companies are fictional except the two public
figures quoted in the 2017 announcement and the public bodies it names; fictional companies
use `.example` web and mail domains so that no demo address can reach a real mailbox.

`load_scale` adds tens of thousands of synthetic records for benchmarks and for trying the
desk at the size DESIGN.md budgets for. It writes with bulk Core inserts (the per-record
services would take minutes) but produces only rows the services would accept: the same
normalized phone and postal-code forms, folded names, lowercased emails, both parties on
every introduction, a stage-history row per introduction. It is deterministic for a seed.
"""

from __future__ import annotations

import json
import random
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass
from datetime import date, datetime, time, timedelta
from functools import lru_cache
from pathlib import Path
from typing import Any, cast

import sqlalchemy as sa
from sqlalchemy.orm import Session

from crm.db.base import new_uid, utcnow
from crm.db.models import (
    Contact,
    Event,
    FollowUp,
    Introduction,
    Organization,
    StaffUser,
    StageChange,
    contact_tags,
    organization_tags,
)
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
from crm.domain.errors import coded
from crm.domain.text import fold
from crm.services import (
    audit,
    contacts,
    events,
    followups,
    indexing,
    interactions,
    introductions,
    organizations,
    tags,
    users,
)

__all__ = ["DemoSummary", "load_demo", "load_scale"]

Progress = Callable[[int, int], None]
CHUNK = 5000


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


def holds_records(session: Session) -> bool:
    """Whether anyone has put data here (trashed records count): the demo offer is then moot."""
    return any(
        session.scalar(sa.select(model.id).limit(1)) is not None
        for model in (Organization, Contact, Introduction, Event)
    )


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
        sa.update(_table(Introduction)).where(_table(Introduction).c.id == intro_id).values(values)
    )
    obj = session.get(Introduction, intro_id)
    if obj is not None:
        session.expire(obj)


# ------------------------------------------------------------------------------ at scale

# (city, region code, area codes, postal code prefixes (Canadian FSAs or ZIP codes), weight)
QC_CITIES: tuple[tuple[str, tuple[str, ...], tuple[str, ...], int], ...] = (
    ("Montréal", ("514", "438"), ("H2X", "H3A", "H3T", "H2T", "H1W", "H4P", "H3B", "H2L"), 40),
    ("Laval", ("450", "579"), ("H7V", "H7L", "H7N", "H7T"), 12),
    ("Québec", ("418", "581"), ("G1V", "G1K", "G1R", "G2E"), 15),
    ("Sherbrooke", ("819", "873"), ("J1H", "J1K", "J1E"), 7),
    ("Saint-Jérôme", ("450", "579"), ("J7Y", "J7Z"), 4),
    ("Trois-Rivières", ("819", "873"), ("G9A", "G8Y", "G8T"), 5),
    ("Longueuil", ("450", "579"), ("J4K", "J4H"), 6),
    ("Gatineau", ("819", "873"), ("J8T", "J9H"), 4),
    ("Lévis", ("418", "581"), ("G6V", "G6W"), 3),
    ("Saint-Hyacinthe", ("450", "579"), ("J2S",), 2),
    ("Rimouski", ("418", "581"), ("G5L",), 2),
)  # fmt: skip
MA_CITIES: tuple[tuple[str, tuple[str, ...], tuple[str, ...], int], ...] = (
    ("Boston", ("617", "857"), ("02108", "02110", "02115", "02116", "02210", "02215"), 30),
    ("Cambridge", ("617", "857"), ("02138", "02139", "02141", "02142"), 30),
    ("Worcester", ("508", "774"), ("01605", "01608", "01609"), 8),
    ("Waltham", ("781", "339"), ("02451", "02453"), 10),
    ("Lexington", ("781", "339"), ("02421",), 6),
    ("Woburn", ("781", "339"), ("01801",), 3),
    ("Framingham", ("508", "774"), ("01701",), 3),
    ("Bedford", ("781", "339"), ("01730",), 3),
    ("Watertown", ("617", "857"), ("02472",), 5),
    ("Somerville", ("617", "857"), ("02143", "02145"), 4),
    ("Marlborough", ("508", "774"), ("01752",), 2),
)  # fmt: skip
# Letters allowed in the 2nd and 3rd letter positions of a Canadian postal code.
CA_LETTERS = "ABCEGHJKLMNPRSTVWXYZ"

FR_FIRST = (
    "Élise", "François", "Hélène", "Zoë", "Geneviève", "Benoît", "Chloé", "Stéphane", "Josée",
    "André", "Amélie", "Mélanie", "Frédéric", "Gaëlle", "Jérôme", "Noémie", "Léa", "Théo",
    "Maxime", "Marie-Ève", "Jean-François", "Isabelle", "Louis", "Émile", "Sébastien", "Julie",
    "Nathalie", "Sylvie", "Éric", "Pierre-Luc", "Anaïs", "Raphaël", "Béatrice", "Hugo", "Mathis",
    "Rosalie", "Camille", "Étienne", "Valérie", "Ève", "Joël", "Marc-André", "Annick", "Félix",
)  # fmt: skip
FR_LAST = (
    "Tremblay", "Gagnon", "Roy", "Côté", "Bouchard", "Gauthier", "Morin", "Lavoie", "Fortin",
    "Gagné", "Ouellet", "Pelletier", "Bélanger", "Lévesque", "Bergeron", "Leblanc", "Paquette",
    "Girard", "Simard", "Boucher", "Caron", "Beaulieu", "Cloutier", "Dubé", "Poirier", "Fournier",
    "Lapointe", "Leclerc", "Lefebvre", "Poulin", "Thibault", "St-Pierre", "Nadeau", "Martin",
    "Landry", "Lachance", "Bédard", "Grenier", "Ménard", "Thériault", "Desjardins", "Béland",
    "Hébert", "Lépine", "Brisson", "Boisvert", "Vézina", "Plante", "Séguin", "D'Amours",
)  # fmt: skip
EN_FIRST = (
    "Jack", "Emily", "Michael", "Sarah", "David", "Priya", "Thomas", "James", "Rachel", "Laura",
    "Daniel", "Hannah", "Kevin", "Brian", "Patricia", "Olivia", "Ethan", "Sophia", "Noah",
    "Grace", "Liam", "Ava", "Benjamin", "Chloe", "Ryan", "Megan", "Aisha", "Wei", "Carlos",
    "Fatima", "Sean", "Maureen", "Nicholas", "Erin", "Rajesh", "Mei", "Zoë", "Owen", "Claire",
)  # fmt: skip
EN_LAST = (
    "Sullivan", "O'Brien", "Murphy", "Kelly", "Walsh", "Fitzgerald", "Chen", "Goldberg", "Kim",
    "Raman", "Martínez", "Weiss", "Lee", "Doyle", "O'Connor", "Smith", "Johnson", "Brown",
    "Davis", "Miller", "Wilson", "Anderson", "Taylor", "Moore", "Jackson", "White", "Harris",
    "Clark", "Lewis", "Nguyen", "Patel", "Cohen", "Ryan", "McCarthy", "Gallagher", "Shapiro",
    "Rossi", "Silva", "Park", "Wang", "Cronin", "Byrne", "Flynn", "Hughes", "Khan",
)  # fmt: skip
FR_TITLES = (
    "Président-directeur général", "Directrice scientifique", "Vice-président, développement "
    "des affaires", "Directrice des opérations", "Chef de la direction financière",
    "Chargée de projets", "Directeur, affaires réglementaires", "Gestionnaire de laboratoire",
    "Chercheuse principale", "Directeur des partenariats", "Associée", "Conseiller",
)  # fmt: skip
EN_TITLES = (
    "CEO", "Chief Scientific Officer", "VP, Business Development", "Director, Operations",
    "CFO", "Program Manager", "Head of Regulatory Affairs", "Principal Scientist",
    "Director, Alliance Management", "Partner", "Principal", "Senior Scientist",
)  # fmt: skip
QC_PREFIXES: dict[OrganizationKind, tuple[str, ...]] = {
    OrganizationKind.BIOTECH: ("Thérapeutiques", "Biotechnologies", "Génomique", "Immuno",
                               "Biologiques", "Neuro", "Oncologie", "Peptides", "Vaccins"),
    OrganizationKind.CRO: ("Recherche clinique", "Essais cliniques", "BioCRO", "Pharmacologie"),
    OrganizationKind.CDMO: ("Biofabrication", "Pharmakon", "Procédés biologiques"),
    OrganizationKind.MEDTECH: ("Diagnostics", "Dispositifs médicaux", "Imagerie", "Biocapteurs"),
    OrganizationKind.PHARMA: ("Pharma", "Laboratoires"),
    OrganizationKind.ACADEMIC: ("Institut de recherche", "Centre universitaire", "Laboratoire"),
    OrganizationKind.INVESTOR: ("Fonds", "Capital", "Investissements"),
    OrganizationKind.FOUNDATION: ("Fondation",),
    OrganizationKind.SERVICE_PROVIDER: ("Conseils réglementaires", "Services", "Propriété "
                                        "intellectuelle"),
}  # fmt: skip
QC_ROOTS = (
    "Saint-Laurent", "Boréal", "Érable", "Cœur-Vaillant", "Mont-Royal", "Outaouais", "Fleuve",
    "Laurentides", "Hochelaga", "Montmorency", "Chaudière", "Mauricie", "Estrie", "Richelieu",
    "Beauce", "Gaspésie", "Charlevoix", "Lanaudière", "Saguenay", "Matapédia", "Yamaska",
    "Maisonneuve", "Frontenac", "Champlain", "Cartier", "Iberville", "Verchères", "Péribonka",
)  # fmt: skip
QC_QUALIFIERS = ("", " Santé", " Bio", " Innovations", " Médical", " Labs", " inc.", " Québec")
MA_ROOTS = (
    "Kendall", "Fenway", "Back Bay", "Charles", "Mystic", "Longwood", "Beacon", "Harbor",
    "Minuteman", "Bay State", "Commonwealth", "Quincy", "Nashoba", "Wachusett", "Berkshire",
    "Cape Ann", "Neponset", "Seaport", "Tremont", "Concord", "Walden", "Merrimack", "Blue Hills",
    "Quabbin", "Plymouth", "Nantucket", "Assabet", "Sudbury",
)  # fmt: skip
MA_DESCRIPTORS = ("", " Bio", " Life", " Precision", " Cell", " Gene", " Molecular", " Clinical")
MA_SUFFIXES: dict[OrganizationKind, tuple[str, ...]] = {
    OrganizationKind.BIOTECH: ("Therapeutics", "Biosciences", "Oncology", "Genomics",
                               "Biologics", "Immunotherapies", "Medicines"),
    OrganizationKind.CRO: ("Clinical Research", "CRO Partners", "Research Services"),
    OrganizationKind.CDMO: ("Biomanufacturing", "Bioprocessing"),
    OrganizationKind.MEDTECH: ("Diagnostics", "Devices", "Imaging"),
    OrganizationKind.PHARMA: ("Pharma", "Pharmaceuticals"),
    OrganizationKind.ACADEMIC: ("Institute", "Research Center"),
    OrganizationKind.INVESTOR: ("Ventures", "Capital", "Life Science Partners"),
    OrganizationKind.FOUNDATION: ("Foundation", "Disease Foundation"),
    OrganizationKind.SERVICE_PROVIDER: ("Regulatory Consulting", "IP Law", "Advisors"),
}  # fmt: skip
KIND_WEIGHTS = {
    OrganizationKind.BIOTECH: 45, OrganizationKind.CRO: 14, OrganizationKind.CDMO: 4,
    OrganizationKind.MEDTECH: 9, OrganizationKind.PHARMA: 4, OrganizationKind.ACADEMIC: 5,
    OrganizationKind.INVESTOR: 9, OrganizationKind.FOUNDATION: 3,
    OrganizationKind.SERVICE_PROVIDER: 7,
}  # fmt: skip
AREAS = (
    "oncologie", "neurosciences", "maladies rares", "immunologie", "cardiologie",
    "thérapie cellulaire", "thérapie génique", "anti-infectieux", "diagnostic", "vaccins",
    "oncology", "rare diseases", "gene therapy", "immunology", "neuroscience", "ophthalmology",
)  # fmt: skip
SCALE_TAGS = (
    "oncologie", "CRO", "investisseur", "maladies rares", "thérapie cellulaire",
    "Mission Boston 2016", "BIO 2018", "IA en santé", "Entente 2017", "prospect",
)  # fmt: skip
FOLLOWUP_TITLES_FR = (
    "Relancer {name}", "Appeler {name}", "Envoyer l'entente de confidentialité à {name}",
    "Obtenir le consentement de {name}", "Planifier une rencontre avec {name}",
    "Envoyer le compte rendu à {name}",
)  # fmt: skip
FOLLOWUP_TITLES_EN = (
    "Follow up with {name}", "Call {name}", "Send the NDA to {name}", "Get consent from {name}",
    "Schedule a meeting with {name}", "Send meeting notes to {name}",
)  # fmt: skip
INTRO_NOTES = (
    "", "", "", "Rencontre suggérée lors d'un événement.", "Intérêt mutuel confirmé.",
    "Met at a MassBio event.", "Looking for a partner in Québec.",
    "Cherche un partenaire à Boston.", "Needs CRO capacity in 2019.",
)  # fmt: skip
STAGE_WEIGHTS = (15, 15, 12, 18, 15, 25)
WIN_OUTCOMES = tuple(outcome for outcome in Outcome if outcome.is_win)
LOSS_OUTCOMES = tuple(outcome for outcome in Outcome if not outcome.is_win)
PURPOSE_BY_KIND = {
    OrganizationKind.INVESTOR: IntroductionPurpose.INVESTMENT,
    OrganizationKind.CRO: IntroductionPurpose.CRO_SERVICES,
    OrganizationKind.CDMO: IntroductionPurpose.CRO_SERVICES,
    OrganizationKind.ACADEMIC: IntroductionPurpose.RD_COLLABORATION,
}
OTHER_PURPOSES = (
    IntroductionPurpose.PARTNERSHIP, IntroductionPurpose.LICENSING,
    IntroductionPurpose.RD_COLLABORATION, IntroductionPurpose.MARKET_ENTRY,
    IntroductionPurpose.TALENT, IntroductionPurpose.OTHER,
)  # fmt: skip


@lru_cache(maxsize=1 << 14)
def _fold(text: str) -> str:
    # First and last names come from short lists: their folds repeat by thousands.
    return fold(text)


def _slug(name: str) -> str:
    return _fold(name).replace(" ", "-")


def _insert(
    session: Session, table: sa.Table, rows: Sequence[dict[str, Any]], tick: Callable[[int], None]
) -> None:
    for start in range(0, len(rows), CHUNK):
        chunk = rows[start : start + CHUNK]
        session.execute(sa.insert(table), chunk)
        tick(len(chunk))


def _table(model: Any) -> sa.Table:
    return cast(sa.Table, model.__table__)


def _ids_by_uid(session: Session, model: Any, after_id: int) -> dict[str, int]:
    """Map the uids just written to their new ids (they hold no other natural key)."""
    query = sa.select(model.uid, model.id).where(model.id > after_id)
    return {uid: record_id for uid, record_id in session.execute(query)}


def _max_id(session: Session, model: Any) -> int:
    return int(session.scalar(sa.select(sa.func.coalesce(sa.func.max(model.id), 0))) or 0)


def _record(now: datetime) -> dict[str, Any]:
    """The columns every record carries, as the ORM defaults would fill them."""
    return {"uid": new_uid(), "created_at": now, "updated_at": now, "deleted_at": None,
            "deleted_by_id": None, "version": 1}  # fmt: skip


def _postal_code(rng: random.Random, side: str, prefixes: tuple[str, ...]) -> str:
    prefix = rng.choice(prefixes)
    if side == "MA":
        return prefix
    return f"{prefix} {rng.randrange(10)}{rng.choice(CA_LETTERS)}{rng.randrange(10)}"


def _phone(rng: random.Random, areas: tuple[str, ...]) -> str:
    # 555-0100 to 555-0199 are the numbers North America keeps for fiction.
    return f"+1 {rng.choice(areas)}-555-{rng.randrange(100, 200):04d}"


@dataclass
class _Org:
    id: int
    name: str
    side: str
    kind: OrganizationKind
    city: str
    areas: tuple[str, ...]
    domain: str


def _organization_rows(
    rng: random.Random, count: int, now: datetime, offset: int
) -> tuple[list[dict[str, Any]], list[tuple[str, str, OrganizationKind, int]]]:
    """Rows of `count` organizations, and (uid, side, kind, city index) for each."""
    kinds, weights = list(KIND_WEIGHTS), list(KIND_WEIGHTS.values())
    qc_weights = [c[3] for c in QC_CITIES]
    ma_weights = [c[3] for c in MA_CITIES]
    seen: dict[str, int] = {}
    rows: list[dict[str, Any]] = []
    meta: list[tuple[str, str, OrganizationKind, int]] = []
    for i in range(count):
        # The first two guarantee both sides exist even for a tiny load.
        side = ("QC", "MA")[i] if i < 2 else ("QC" if rng.random() < 0.55 else "MA")
        kind = rng.choices(kinds, weights)[0]
        if side == "QC":
            city_index = rng.choices(range(len(QC_CITIES)), qc_weights)[0]
            city, areas, prefixes, _ = QC_CITIES[city_index]
            qualifier = rng.choice(QC_QUALIFIERS)
            base = f"{rng.choice(QC_PREFIXES[kind])} {rng.choice(QC_ROOTS)}{qualifier}"
            membership = Membership.BIOQUEBEC if rng.random() < 0.6 else Membership.NONE
        else:
            city_index = rng.choices(range(len(MA_CITIES)), ma_weights)[0]
            city, areas, prefixes, _ = MA_CITIES[city_index]
            descriptor = rng.choice(MA_DESCRIPTORS)
            base = f"{rng.choice(MA_ROOTS)}{descriptor} {rng.choice(MA_SUFFIXES[kind])}"
            membership = Membership.MASSBIO if rng.random() < 0.6 else Membership.NONE
        if rng.random() < 0.03:
            membership = Membership.BOTH
        # Names repeat once the combinations run out: number them, as registries do.
        seen[base] = seen.get(base, 0) + 1
        name = base if seen[base] == 1 else f"{base} {seen[base]}"
        domain = f"{_slug(name)}{'' if offset == 0 else f'-{offset}'}.example"
        therapeutic = "; ".join(rng.sample(AREAS, rng.randint(0, 2)))
        row = {
            **_record(now),
            "name": name, "name_folded": fold(name), "kind": kind,
            "territory": Territory(side), "membership": membership,
            "website": f"https://www.{domain}", "website_domain": v.website_domain(domain),
            "phone": _phone(rng, areas) if rng.random() < 0.8 else "",
            "address": f"{rng.randint(10, 9999)} {'rue' if side == 'QC' else 'Main Street'}"
            if rng.random() < 0.5 else "",
            "city": city, "region": side,
            "postal_code": _postal_code(rng, side, prefixes),
            "country": "Canada" if side == "QC" else "United States",
            "therapeutic_areas": therapeutic,
            "employees": rng.choice((None, rng.randint(2, 40), rng.randint(40, 900))),
            "notes": "",
        }  # fmt: skip
        rows.append(row)
        meta.append((row["uid"], side, kind, city_index))
    return rows, meta


def load_scale(
    session: Session,
    actor_id: int | None,
    n: int,
    seed: int = 0,
    progress: Progress | None = None,
) -> DemoSummary:
    """Add `n` synthetic contacts with n/5 organizations, n/2 introductions and n/2 follow-ups.

    The same seed gives the same names, places and stages in the same order; loading again
    adds a new batch (emails and web domains carry an offset so they stay unique).
    """
    if n < 1:
        raise ValueError("the number of contacts to add must be at least 1")
    rng = random.Random(seed)
    now = utcnow()
    today = date.today()
    n_orgs, n_intros, n_followups = max(2, n // 5), n // 2, n // 2
    # Indexing reads back what was written: count it as much as the writing.
    total = 2 * (n_orgs + n + n_intros + n_followups)
    done = 0

    def tick(count: int) -> None:
        nonlocal done
        done += count
        if progress is not None:
            progress(min(done, total), total)

    staff_ids: list[int | None] = list(
        session.scalars(
            sa.select(StaffUser.id)
            .where(StaffUser.deleted_at.is_(None), StaffUser.active.is_(True))
            .order_by(StaffUser.id)
        )
    ) or [actor_id]
    live_events = sa.select(Event.id).where(Event.deleted_at.is_(None)).order_by(Event.id)
    event_ids = list(session.scalars(live_events))
    tag_ids = tags.ensure(session, list(SCALE_TAGS))
    offset = _max_id(session, Contact)

    # Organizations.
    before = _max_id(session, Organization)
    org_rows, org_meta = _organization_rows(rng, n_orgs, now, offset)
    _insert(session, _table(Organization), org_rows, tick)
    org_ids = _ids_by_uid(session, Organization, before)
    orgs = [
        _Org(org_ids[uid], row["name"], side, kind, row["city"],
             (QC_CITIES if side == "QC" else MA_CITIES)[city][1], row["website_domain"])
        for (uid, side, kind, city), row in zip(org_meta, org_rows, strict=True)
    ]  # fmt: skip
    org_tag_rows = [
        {"organization_id": org.id, "tag_id": tag_id}
        for org in orgs if rng.random() < 0.3
        for tag_id in rng.sample(tag_ids, rng.randint(1, 2))
    ]  # fmt: skip
    _insert(session, organization_tags, org_tag_rows, lambda _: None)
    del org_rows

    # Contacts.
    before = _max_id(session, Contact)
    contact_rows: list[dict[str, Any]] = []
    contact_meta: list[tuple[str, str, _Org | None, str]] = []  # uid, side, org, full name
    for i in range(n):
        org = rng.choice(orgs) if rng.random() < 0.9 else None
        side = org.side if org else rng.choice(("QC", "MA"))
        french = rng.random() < (0.85 if side == "QC" else 0.08)
        first = rng.choice(FR_FIRST if french else EN_FIRST)
        last = rng.choice(FR_LAST if french else EN_LAST)
        cities = QC_CITIES if side == "QC" else MA_CITIES
        if org is not None:
            city, areas = org.city, org.areas
        else:
            city, areas, _, _ = rng.choice(cities)
        domain = org.domain if org else rng.choice(("courriel.example", "mail.example"))
        local = f"{_slug(first)}.{_slug(last)}.{offset + i + 1}"
        language = Language.FR if french or (side == "QC" and rng.random() < 0.3) else Language.EN
        consent = rng.choices((Consent.YES, Consent.NO, Consent.UNKNOWN), (45, 15, 40))[0]
        email = f"{local}@{domain}"
        row = {
            **_record(now),
            "first_name": first, "last_name": last, "name_folded": _fold(f"{first} {last}"),
            "title": rng.choice(FR_TITLES if language == Language.FR else EN_TITLES),
            "organization_id": org.id if org else None,
            "email": email, "email_lower": email.lower(),
            "phone": _phone(rng, areas) if rng.random() < 0.7 else "",
            "mobile": _phone(rng, areas) if rng.random() < 0.3 else "",
            "language": language, "city": city, "region": side,
            "country": "Canada" if side == "QC" else "United States",
            "territory": Territory(side), "share_with_partners": consent,
            "consent_date": today - timedelta(days=rng.randrange(1, 900))
            if consent != Consent.UNKNOWN else None,
            "consent_source": rng.choice(("formulaire d'adhésion", "event registration",
                                          "courriel", "BIO 2018 sign-up"))
            if consent != Consent.UNKNOWN else "",
            "do_not_contact": rng.random() < 0.02,
            "notes": "",
        }  # fmt: skip
        contact_rows.append(row)
        contact_meta.append((row["uid"], side, org, f"{first} {last}"))
    _insert(session, _table(Contact), contact_rows, tick)
    contact_ids = _ids_by_uid(session, Contact, before)
    people = [
        (contact_ids[uid], side, org, name, row["do_not_contact"], row["language"])
        for (uid, side, org, name), row in zip(contact_meta, contact_rows, strict=True)
    ]
    contact_tag_rows = [
        {"contact_id": person[0], "tag_id": tag_id}
        for person in people if rng.random() < 0.2
        for tag_id in rng.sample(tag_ids, rng.randint(1, 2))
    ]  # fmt: skip
    _insert(session, contact_tags, contact_tag_rows, lambda _: None)
    del contact_rows, contact_meta

    # Introductions, with one stage-history row each.
    reachable = [p for p in people if not p[4]]
    qc_people = [p for p in reachable if p[1] == "QC"] or [p for p in people if p[1] == "QC"]
    ma_people = [p for p in reachable if p[1] == "MA"] or [p for p in people if p[1] == "MA"]
    qc_orgs = [o for o in orgs if o.side == "QC"]
    ma_orgs = [o for o in orgs if o.side == "MA"]

    def party(side_people: list[Any], side_orgs: list[_Org]) -> tuple[int | None, _Org | None]:
        if side_people and rng.random() < 0.9:
            person = rng.choice(side_people)
            return person[0], person[2]
        return None, rng.choice(side_orgs)

    before = _max_id(session, Introduction)
    intro_rows: list[dict[str, Any]] = []
    dates = random.Random(f"{seed}:dates")
    for _ in range(n_intros):
        qc_contact, qc_org = party(qc_people, qc_orgs)
        ma_contact, ma_org = party(ma_people, ma_orgs)
        if qc_contact is None and qc_org is None:
            qc_org = rng.choice(qc_orgs)
        if ma_contact is None and ma_org is None:
            ma_org = rng.choice(ma_orgs)
        stage = rng.choices(STAGES, STAGE_WEIGHTS)[0]
        outcome = None
        if stage == CLOSED:
            outcome = rng.choice(WIN_OUTCOMES if rng.random() < 0.45 else LOSS_OUTCOMES)
        reached = STAGES.index(stage)
        if outcome == Outcome.DECLINED:
            qc_consent, ma_consent = Consent.YES, Consent.NO
        elif reached >= STAGES.index(Stage.BOTH_AGREED):
            qc_consent, ma_consent = Consent.YES, Consent.YES
        elif stage == Stage.ASKED:
            qc_consent, ma_consent = Consent.YES, Consent.UNKNOWN
        else:
            qc_consent, ma_consent = Consent.UNKNOWN, Consent.UNKNOWN
        changed = now - timedelta(days=rng.randrange(0, 240), minutes=rng.randrange(1440))
        # Created up to four months before its last move (its own generator, so the names
        # and stages of a seed stay what they were): a year of months on the dashboard.
        created = changed - timedelta(days=dates.randrange(0, 120), minutes=dates.randrange(1440))
        consent_day = max(changed.date() - timedelta(days=rng.randrange(1, 30)), created.date())
        purpose = PURPOSE_BY_KIND.get(ma_org.kind if ma_org else OrganizationKind.OTHER)
        if purpose is None or rng.random() < 0.2:
            purpose = rng.choice(OTHER_PURPOSES)
        intro_rows.append(
            {
                **_record(now), "created_at": created, "updated_at": changed,
                "title": "", "qc_contact_id": qc_contact,
                "qc_organization_id": qc_org.id if qc_org else None,
                "ma_contact_id": ma_contact, "ma_organization_id": ma_org.id if ma_org else None,
                "purpose": purpose, "owner_id": rng.choice(staff_ids),
                "introducer_contact_id": rng.choice(people)[0] if rng.random() < 0.1 else None,
                "event_id": rng.choice(event_ids) if event_ids and rng.random() < 0.1 else None,
                "stage": stage, "outcome": outcome,
                "qc_consent": qc_consent,
                "qc_consent_at": consent_day if qc_consent != Consent.UNKNOWN else None,
                "qc_consent_channel": "courriel" if qc_consent != Consent.UNKNOWN else "",
                "ma_consent": ma_consent,
                "ma_consent_at": consent_day if ma_consent != Consent.UNKNOWN else None,
                "ma_consent_channel": "email" if ma_consent != Consent.UNKNOWN else "",
                "stage_changed_at": changed,
                "closed_at": changed if stage == CLOSED else None,
                "notes": rng.choice(INTRO_NOTES),
            }
        )  # fmt: skip
    _insert(session, _table(Introduction), intro_rows, tick)
    intro_ids = _ids_by_uid(session, Introduction, before)
    history = [
        {"introduction_id": intro_ids[row["uid"]], "from_stage": None, "to_stage": row["stage"],
         "outcome": row["outcome"], "at": row["stage_changed_at"], "user_id": row["owner_id"],
         "note": ""}
        for row in intro_rows
    ]  # fmt: skip
    _insert(session, _table(StageChange), history, lambda _: None)
    intros = [(intro_ids[row["uid"]], row["qc_contact_id"]) for row in intro_rows]
    del intro_rows, history

    # Follow-ups, mostly on introductions.
    names = {person[0]: (person[3], person[5]) for person in people}
    followup_rows: list[dict[str, Any]] = []
    for _ in range(n_followups):
        links: dict[str, int | None] = dict.fromkeys(("organization_id", "contact_id",
                                                      "introduction_id", "event_id"))  # fmt: skip
        roll = rng.random()
        if intros and roll < 0.7:
            intro_id, qc_contact = rng.choice(intros)
            links["introduction_id"] = intro_id
            name, language = names.get(qc_contact or -1, ("", Language.FR))
        elif roll < 0.9:
            person = rng.choice(people)
            links["contact_id"] = person[0]
            name, language = person[3], person[5]
        else:
            org = rng.choice(orgs)
            links["organization_id"] = org.id
            name, language = org.name, Language.FR if org.side == "QC" else Language.EN
        templates = FOLLOWUP_TITLES_FR if language == Language.FR else FOLLOWUP_TITLES_EN
        title = rng.choice(templates).format(name=name or "la partie québécoise").strip()
        due = today + timedelta(days=rng.randint(-45, 90))
        if due < today:
            status = rng.choices(tuple(FollowUpStatus), (40, 50, 10))[0]
        else:
            status = rng.choices(tuple(FollowUpStatus), (92, 5, 3))[0]
        followup_rows.append(
            {
                **_record(now),
                "title": title, "due_date": due,
                "due_time": time(rng.randrange(8, 18), rng.choice((0, 30))) if rng.random() < 0.2
                else None,
                "assignee_id": rng.choice(staff_ids),
                "priority": rng.choices(tuple(Priority), (20, 60, 20))[0],
                "status": status,
                "completed_at": now if status == FollowUpStatus.DONE else None,
                "notes": "", **links,
            }
        )  # fmt: skip
    followups_after = _max_id(session, FollowUp)
    _insert(session, _table(FollowUp), followup_rows, tick)
    followup_range = (followups_after + 1, _max_id(session, FollowUp))
    del followup_rows

    audit.record(
        session, actor_id, "create", "demo", None,
        changes={"organizations": n_orgs, "contacts": n, "introductions": n_intros,
                 "followups": n_followups, "seed": seed},
    )  # fmt: skip

    summary = DemoSummary(
        organizations=n_orgs, contacts=n, introductions=n_intros, stage_changes=n_intros,
        followups=n_followups,
    )  # fmt: skip
    for kind, ids in (("organization", org_ids), ("contact", contact_ids),
                      ("introduction", intro_ids)):  # fmt: skip
        if ids:
            values = ids.values()
            summary.search_entries += indexing.index_range(
                session, kind, min(values), max(values), tick
            )
    if followup_range[0] <= followup_range[1]:
        summary.search_entries += indexing.index_range(session, "followup", *followup_range, tick)
    return summary
