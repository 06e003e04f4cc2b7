"""The row generators of the scaled demo (`demo_scale.load_scale`): one per table
(organizations, contacts, tags, introductions and their stage history, follow-ups), each
returning plain rows for a bulk Core insert, such as the services would accept: the same
normalized phone and postal-code forms, folded names, lowercased emails, both parties on every
introduction.

Every draw comes from the batch's one seeded generator, in a fixed order (the creation dates
of introductions from a second one): moving a draw changes what a seed gives, and
tests/services/test_demo_scale_pin.py says so. The words they draw are in `demo_words`.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from functools import lru_cache
from typing import Any, NamedTuple, TypeVar

from crm.db.tables import new_uid
from crm.domain import validation as v
from crm.domain.enums import (
    Consent,
    FollowUpStatus,
    IntroductionOutcome,
    IntroductionStage,
    Language,
    Membership,
    OrganizationKind,
    Priority,
    Territory,
)
from crm.domain.text import fold
from crm.services.demo_words import (
    AREAS,
    CA_LETTERS,
    EN_FIRST,
    EN_LAST,
    EN_TITLES,
    FOLLOWUP_TITLES_EN,
    FOLLOWUP_TITLES_FR,
    FR_FIRST,
    FR_LAST,
    FR_TITLES,
    INTRO_NOTES,
    KIND_WEIGHTS,
    LOSS_OUTCOMES,
    MA_CITIES,
    MA_DESCRIPTORS,
    MA_ROOTS,
    MA_SUFFIXES,
    OTHER_PURPOSES,
    PURPOSE_BY_KIND,
    QC_CITIES,
    QC_PREFIXES,
    QC_QUALIFIERS,
    QC_ROOTS,
    STAGE_WEIGHTS,
    WIN_OUTCOMES,
)

Row = dict[str, Any]
T = TypeVar("T")
STAGES = tuple(IntroductionStage)
CLOSED = IntroductionStage.CLOSED
_KINDS, _KIND_WEIGHTS = list(KIND_WEIGHTS), list(KIND_WEIGHTS.values())
_CITY_WEIGHTS = {"QC": [c[3] for c in QC_CITIES], "MA": [c[3] for c in MA_CITIES]}
_LINKS = ("organization_id", "contact_id", "introduction_id", "event_id")


# ------------------------------------------------------------------------------ helpers


@lru_cache(maxsize=1 << 14)
def _fold(text: str) -> str:
    # First and last names come from short lists: their folds repeat by thousands.
    return fold(text)


def _slug(name: str) -> str:
    return _fold(name).replace(" ", "-")


def _record(now: datetime) -> Row:
    """The columns every record carries, as the ORM defaults would fill them."""
    return {"uid": new_uid(), "created_at": now, "updated_at": now, "deleted_at": None,
            "deleted_by_id": None, "version": 1}  # fmt: skip


def _sometimes(rng: random.Random, share: float, make: Callable[[], T], otherwise: T) -> T:
    """`make()` for about `share` of the calls, else `otherwise` (the draw comes first)."""
    return make() if rng.random() < share else otherwise


def _postal_code(rng: random.Random, side: str, prefixes: tuple[str, ...]) -> str:
    prefix = rng.choice(prefixes)
    if side == "MA":
        return prefix
    return f"{prefix} {rng.randrange(10)}{rng.choice(CA_LETTERS)}{rng.randrange(10)}"


def _phone(rng: random.Random, areas: tuple[str, ...]) -> str:
    # 555-0100 to 555-0199 are the numbers North America keeps for fiction.
    return f"+1 {rng.choice(areas)}-555-{rng.randrange(100, 200):04d}"


def _place(side: str) -> Row:
    return {"region": side, "country": "Canada" if side == "QC" else "United States",
            "territory": Territory(side)}  # fmt: skip


@dataclass
class Batch:
    """What every generator of one load draws from."""

    rng: random.Random
    dates: random.Random  # introductions' creation dates: their own draws (see `_times`)
    now: datetime
    today: date
    offset: int  # contacts before this load: numbers emails and web domains apart
    staff_ids: list[int | None]
    event_ids: list[int]
    tag_ids: list[int]


@dataclass
class Org:
    id: int
    name: str
    side: str
    kind: OrganizationKind
    city: str
    areas: tuple[str, ...]
    domain: str


class Person(NamedTuple):
    id: int
    side: str
    org: Org | None
    name: str
    do_not_contact: bool
    language: Language


# ------------------------------------------------------------------------ organizations


def _organization_name(rng: random.Random, side: str, kind: OrganizationKind) -> tuple[int, str]:
    """(city index, name before numbering) of a new organization on one side."""
    city_index = rng.choices(range(len(_CITY_WEIGHTS[side])), _CITY_WEIGHTS[side])[0]
    if side == "QC":
        qualifier = rng.choice(QC_QUALIFIERS)
        return city_index, f"{rng.choice(QC_PREFIXES[kind])} {rng.choice(QC_ROOTS)}{qualifier}"
    descriptor = rng.choice(MA_DESCRIPTORS)
    return city_index, f"{rng.choice(MA_ROOTS)}{descriptor} {rng.choice(MA_SUFFIXES[kind])}"


def _membership(rng: random.Random, side: str) -> Membership:
    member = Membership.BIOQUEBEC if side == "QC" else Membership.MASSBIO
    membership = _sometimes(rng, 0.6, lambda: member, Membership.NONE)
    return _sometimes(rng, 0.03, lambda: Membership.BOTH, membership)


def _organization_row(
    batch: Batch, i: int, seen: dict[str, int]
) -> tuple[Row, tuple[str, OrganizationKind, int]]:
    """One organization's row, and its (side, kind, city index)."""
    rng = batch.rng
    # The first two guarantee both sides exist even for a tiny load.
    side = ("QC", "MA")[i] if i < 2 else _sometimes(rng, 0.55, lambda: "QC", "MA")
    kind = rng.choices(_KINDS, _KIND_WEIGHTS)[0]
    city_index, base = _organization_name(rng, side, kind)
    city, areas, prefixes, _ = (QC_CITIES if side == "QC" else MA_CITIES)[city_index]
    membership = _membership(rng, side)
    # Names repeat once the combinations run out: number them, as registries do.
    seen[base] = seen.get(base, 0) + 1
    name = base if seen[base] == 1 else f"{base} {seen[base]}"
    domain = f"{_slug(name)}{'' if batch.offset == 0 else f'-{batch.offset}'}.example"
    therapeutic = "; ".join(rng.sample(AREAS, rng.randint(0, 2)))
    street = "rue" if side == "QC" else "Main Street"
    row = {
        **_record(batch.now), **_place(side),
        "name": name, "name_folded": fold(name), "kind": kind, "membership": membership,
        "website": f"https://www.{domain}", "website_domain": v.website_domain(domain),
        "phone": _sometimes(rng, 0.8, lambda: _phone(rng, areas), ""),
        "address": _sometimes(rng, 0.5, lambda: f"{rng.randint(10, 9999)} {street}", ""),
        "city": city, "postal_code": _postal_code(rng, side, prefixes),
        "therapeutic_areas": therapeutic,
        "employees": rng.choice((None, rng.randint(2, 40), rng.randint(40, 900))),
        "notes": "",
    }  # fmt: skip
    return row, (side, kind, city_index)


def organization_rows(batch: Batch, count: int) -> list[tuple[Row, tuple[str, Any, int]]]:
    seen: dict[str, int] = {}
    return [_organization_row(batch, i, seen) for i in range(count)]


def tag_rows(batch: Batch, column: str, ids: Sequence[int], share: float) -> list[Row]:
    """One or two tags on about `share` of these records."""
    rng = batch.rng
    return [
        {column: record_id, "tag_id": tag_id}
        for record_id in ids if rng.random() < share
        for tag_id in rng.sample(batch.tag_ids, rng.randint(1, 2))
    ]  # fmt: skip


# ----------------------------------------------------------------------------- contacts


def _contact_place(
    rng: random.Random, side: str, org: Org | None
) -> tuple[str, tuple[str, ...], str]:
    """(city, area codes, mail domain): the organization's, or drawn for an independent."""
    if org is not None:
        return org.city, org.areas, org.domain
    city, areas, _, _ = rng.choice(QC_CITIES if side == "QC" else MA_CITIES)
    return city, areas, rng.choice(("courriel.example", "mail.example"))


def _consent_columns(batch: Batch, consent: Consent) -> Row:
    if consent == Consent.UNKNOWN:
        return {"share_with_partners": consent, "consent_date": None, "consent_source": ""}
    rng = batch.rng
    day = batch.today - timedelta(days=rng.randrange(1, 900))
    source = rng.choice(("formulaire d'adhésion", "event registration", "courriel",
                         "BIO 2018 sign-up"))  # fmt: skip
    return {"share_with_partners": consent, "consent_date": day, "consent_source": source}


def contact_row(batch: Batch, i: int, orgs: Sequence[Org]) -> tuple[Row, str, Org | None]:
    """One contact's row, with its side and organization."""
    rng = batch.rng
    org = _sometimes(rng, 0.9, lambda: rng.choice(orgs), None)
    side = org.side if org else rng.choice(("QC", "MA"))
    french = rng.random() < (0.85 if side == "QC" else 0.08)
    first = rng.choice(FR_FIRST if french else EN_FIRST)
    last = rng.choice(FR_LAST if french else EN_LAST)
    city, areas, domain = _contact_place(rng, side, org)
    language = Language.FR if french or (side == "QC" and rng.random() < 0.3) else Language.EN
    consent = rng.choices((Consent.YES, Consent.NO, Consent.UNKNOWN), (45, 15, 40))[0]
    email = f"{_slug(first)}.{_slug(last)}.{batch.offset + i + 1}@{domain}"
    row = {
        **_record(batch.now), **_place(side),
        "first_name": first, "last_name": last, "name_folded": _fold(f"{first} {last}"),
        "title": rng.choice(FR_TITLES if language == Language.FR else EN_TITLES),
        "organization_id": org.id if org else None,
        "email": email, "email_lower": email.lower(),
        "phone": _sometimes(rng, 0.7, lambda: _phone(rng, areas), ""),
        "mobile": _sometimes(rng, 0.3, lambda: _phone(rng, areas), ""),
        "language": language, "city": city,
        **_consent_columns(batch, consent),
        "do_not_contact": rng.random() < 0.02,
        "notes": "",
    }  # fmt: skip
    return row, side, org


# ------------------------------------------------------------------------ introductions


def _party(
    rng: random.Random, people: Sequence[Person], orgs: Sequence[Org]
) -> tuple[int | None, Org | None]:
    """One side of an introduction: mostly a person (and their organization), else a company."""
    if people and rng.random() < 0.9:
        person = rng.choice(people)
        return person.id, person.org
    return None, rng.choice(orgs)


def _stage(rng: random.Random) -> tuple[IntroductionStage, IntroductionOutcome | None]:
    stage = rng.choices(STAGES, STAGE_WEIGHTS)[0]
    if stage != CLOSED:
        return stage, None
    return stage, rng.choice(WIN_OUTCOMES if rng.random() < 0.45 else LOSS_OUTCOMES)


def _consents(
    stage: IntroductionStage, outcome: IntroductionOutcome | None
) -> tuple[Consent, Consent]:
    """(Québec side, Massachusetts side): what the stage says each party has answered."""
    if outcome == IntroductionOutcome.DECLINED:
        return Consent.YES, Consent.NO
    if STAGES.index(stage) >= STAGES.index(IntroductionStage.BOTH_AGREED):
        return Consent.YES, Consent.YES
    if stage == IntroductionStage.ASKED:
        return Consent.YES, Consent.UNKNOWN
    return Consent.UNKNOWN, Consent.UNKNOWN


def _times(batch: Batch) -> tuple[datetime, datetime, date]:
    """(last move, creation, day of the consents) of an introduction."""
    rng = batch.rng
    changed = batch.now - timedelta(days=rng.randrange(0, 240), minutes=rng.randrange(1440))
    # Created up to four months before its last move (its own generator, so the names
    # and stages of a seed stay what they were): a year of months on the dashboard.
    created = changed - timedelta(
        days=batch.dates.randrange(0, 120), minutes=batch.dates.randrange(1440)
    )
    consent_day = max(changed.date() - timedelta(days=rng.randrange(1, 30)), created.date())
    return changed, created, consent_day


def _purpose(rng: random.Random, ma_org: Org | None) -> Any:
    purpose = PURPOSE_BY_KIND.get(ma_org.kind if ma_org else OrganizationKind.OTHER)
    if purpose is None or rng.random() < 0.2:
        purpose = rng.choice(OTHER_PURPOSES)
    return purpose


def _consent_of(side: str, consent: Consent, day: date, channel: str) -> Row:
    known = consent != Consent.UNKNOWN
    return {f"{side}_consent": consent, f"{side}_consent_at": day if known else None,
            f"{side}_consent_channel": channel if known else ""}  # fmt: skip


def introduction_row(
    batch: Batch, people: Sequence[Person], sides: dict[str, tuple[list[Person], list[Org]]]
) -> Row:
    rng = batch.rng
    qc_contact, qc_org = _party(rng, *sides["QC"])
    ma_contact, ma_org = _party(rng, *sides["MA"])
    stage, outcome = _stage(rng)
    qc_consent, ma_consent = _consents(stage, outcome)
    changed, created, consent_day = _times(batch)
    return {
        **_record(batch.now), "created_at": created, "updated_at": changed,
        "title": "", "qc_contact_id": qc_contact,
        "qc_organization_id": qc_org.id if qc_org else None,
        "ma_contact_id": ma_contact, "ma_organization_id": ma_org.id if ma_org else None,
        "purpose": _purpose(rng, ma_org), "owner_id": rng.choice(batch.staff_ids),
        "introducer_contact_id": _sometimes(rng, 0.1, lambda: rng.choice(people).id, None),
        "event_id": rng.choice(batch.event_ids)
        if batch.event_ids and rng.random() < 0.1 else None,
        "stage": stage, "outcome": outcome,
        **_consent_of("qc", qc_consent, consent_day, "courriel"),
        **_consent_of("ma", ma_consent, consent_day, "email"),
        "stage_changed_at": changed,
        "closed_at": changed if stage == CLOSED else None,
        "notes": rng.choice(INTRO_NOTES),
    }  # fmt: skip


def parties_by_side(
    people: Sequence[Person], orgs: Sequence[Org]
) -> dict[str, tuple[list[Person], list[Org]]]:
    """Per side, who an introduction may name (people who may be contacted, if any) and the
    organizations it may name instead."""
    reachable = [p for p in people if not p.do_not_contact]
    return {
        side: (
            [p for p in reachable if p.side == side] or [p for p in people if p.side == side],
            [o for o in orgs if o.side == side],
        )
        for side in ("QC", "MA")
    }


def history_rows(rows: Sequence[Row], ids: dict[str, int]) -> list[Row]:
    """The one stage-history row of each new introduction."""
    return [
        {"introduction_id": ids[row["uid"]], "from_stage": None, "to_stage": row["stage"],
         "outcome": row["outcome"], "at": row["stage_changed_at"], "user_id": row["owner_id"],
         "note": ""}
        for row in rows
    ]  # fmt: skip


# ---------------------------------------------------------------------------- follow-ups


def followup_subject(
    batch: Batch,
    intros: Sequence[tuple[int, int | None]],
    people: Sequence[Person],
    orgs: Sequence[Org],
    names: dict[int, tuple[str, Language]],
) -> tuple[Row, str, Language]:
    """What a follow-up is linked to (mostly an introduction), and the name and language of
    the party its title speaks of (`names`: by contact id)."""
    rng = batch.rng
    links: Row = dict.fromkeys(_LINKS)
    roll = rng.random()
    if intros and roll < 0.7:
        intro_id, qc_contact = rng.choice(intros)
        links["introduction_id"] = intro_id
        return links, *names.get(qc_contact or -1, ("", Language.FR))
    if roll < 0.9:
        person = rng.choice(people)
        links["contact_id"] = person.id
        return links, person.name, person.language
    org = rng.choice(orgs)
    links["organization_id"] = org.id
    return links, org.name, Language.FR if org.side == "QC" else Language.EN


def _status(rng: random.Random, due: date, today: date) -> FollowUpStatus:
    weights = (40, 50, 10) if due < today else (92, 5, 3)
    return rng.choices(tuple(FollowUpStatus), weights)[0]


def followup_row(batch: Batch, subject: tuple[Row, str, Language]) -> Row:
    rng = batch.rng
    links, name, language = subject
    templates = FOLLOWUP_TITLES_FR if language == Language.FR else FOLLOWUP_TITLES_EN
    title = rng.choice(templates).format(name=name or "la partie québécoise").strip()
    due = batch.today + timedelta(days=rng.randint(-45, 90))
    status = _status(rng, due, batch.today)
    return {
        **_record(batch.now),
        "title": title, "due_date": due,
        "due_time": _sometimes(
            rng, 0.2, lambda: time(rng.randrange(8, 18), rng.choice((0, 30))), None
        ),
        "assignee_id": rng.choice(batch.staff_ids),
        "priority": rng.choices(tuple(Priority), (20, 60, 20))[0],
        "status": status,
        "completed_at": batch.now if status == FollowUpStatus.DONE else None,
        "notes": "", **links,
    }  # fmt: skip
