"""Introductions: a brokered meeting between a Québec party and a Massachusetts party.

Stages move only through `move`, which records each change (who, when, from, to, note) in
the stage history; the generic update edits everything else.
"""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import Session

from crm.db.base import Record
from crm.db.models import Contact, Event, Introduction, Organization, StaffUser, StageChange
from crm.db.tables import utcnow
from crm.domain.enums import (
    Consent,
    IntroductionOutcome,
    IntroductionPurpose,
    IntroductionStage,
    Territory,
)
from crm.domain.errors import Issue, NotFound, ValidationFailed, coded
from crm.services import audit, documents, records
from crm.services.cleaning import Cleaner

PARTY_FIELDS = ("qc_contact_id", "qc_organization_id", "ma_contact_id", "ma_organization_id")
FIELDS = (
    "title", *PARTY_FIELDS, "purpose", "introducer_contact_id", "owner_id", "event_id",
    "qc_consent", "qc_consent_at", "qc_consent_channel",
    "ma_consent", "ma_consent_at", "ma_consent_channel", "notes",
)  # fmt: skip
REFERENCES: dict[str, type[Record]] = {
    "qc_contact_id": Contact,
    "ma_contact_id": Contact,
    "introducer_contact_id": Contact,
    "qc_organization_id": Organization,
    "ma_organization_id": Organization,
    "owner_id": StaffUser,
    "event_id": Event,
}


def clean(session: Session, values: dict[str, Any]) -> dict[str, Any]:
    c = Cleaner(values)
    attrs: dict[str, Any] = {field: c.reference(field) for field in REFERENCES}
    for field, model in REFERENCES.items():
        record_id = attrs[field]
        if record_id is not None:
            obj = session.get(model, record_id)
            if obj is None or obj.deleted_at is not None:
                c.fail(
                    field,
                    "reference.missing",
                    f"{field}: no record {record_id}",
                    value=str(record_id),
                )
    for side, name in (("qc", "Québec"), ("ma", "Massachusetts")):
        if attrs[f"{side}_contact_id"] is None and attrs[f"{side}_organization_id"] is None:
            c.fail(
                f"{side}_organization_id",
                "party.required",
                f"the {name} party needs a contact or an organization",
            )
    if not c.issues:
        check_sides(session, c, attrs)
    attrs.update(
        title=c.text("title"),
        purpose=c.choice("purpose", IntroductionPurpose, IntroductionPurpose.PARTNERSHIP),
        qc_consent=c.choice("qc_consent", Consent, Consent.UNKNOWN),
        qc_consent_at=c.day("qc_consent_at"),
        qc_consent_channel=c.text("qc_consent_channel"),
        ma_consent=c.choice("ma_consent", Consent, Consent.UNKNOWN),
        ma_consent_at=c.day("ma_consent_at"),
        ma_consent_channel=c.text("ma_consent_channel"),
        notes=c.text("notes", max_length=100_000),
    )
    return c.done(attrs)


SIDES = {"qc": (Territory.QC, "Québec"), "ma": (Territory.MA, "Massachusetts")}


def party_territory(
    session: Session, contact_id: int | None, organization_id: int | None
) -> Territory:
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


def _party_name(session: Session, contact_id: int | None, organization_id: int | None) -> str:
    contact = session.get(Contact, contact_id) if contact_id else None
    org = session.get(Organization, organization_id) if organization_id else None
    return contact.full_name if contact is not None else org.name if org is not None else ""


def check_sides(session: Session, c: Cleaner, attrs: dict[str, Any]) -> None:
    """A cross-border introduction: the Québec party in Québec, the Massachusetts party in
    Massachusetts (swapped sides and a third place are refused, naming the party), and an
    introducer who is neither party's contact (a colleague of a party may introduce it: the
    dashboard reads the direction from the introducer's side)."""
    for side, (territory, place) in SIDES.items():
        contact_id, org_id = attrs[f"{side}_contact_id"], attrs[f"{side}_organization_id"]
        found = party_territory(session, contact_id, org_id)
        if found != territory:
            party = _party_name(session, contact_id, org_id)
            c.fail(
                f"{side}_organization_id" if org_id else f"{side}_contact_id", "party.wrong_side",
                f"{party} is not in {place} (territory {found.value}): the {place} party must be in {place}",
                party=party, side=territory.value, territory=found.value,
            )  # fmt: skip
    introducer_id = attrs["introducer_contact_id"]
    if introducer_id is not None and introducer_id in (
        attrs["qc_contact_id"],
        attrs["ma_contact_id"],
    ):
        introducer = session.get(Contact, introducer_id)
        name = introducer.full_name if introducer is not None else str(introducer_id)
        c.fail(
            "introducer_contact_id", "introducer.is_party",
            f"{name} is a party of this introduction: the introducer must be someone else",
            party=name,
        )  # fmt: skip


def party_names(session: Session, intro: Any) -> tuple[str, str]:
    """'Contact (Organization)' for each side."""
    names = []
    for side in ("qc", "ma"):
        contact_id, org_id = (
            getattr(intro, f"{side}_contact_id"),
            getattr(intro, f"{side}_organization_id"),
        )
        person = session.get(Contact, contact_id) if contact_id else None
        org = session.get(Organization, org_id) if org_id else None
        parts = [
            p
            for p in (
                person.full_name if person else "",
                f"({org.name})" if org and person else org.name if org else "",
            )
            if p
        ]
        names.append(" ".join(parts))
    return names[0], names[1]


def label(intro: Introduction) -> str:
    return intro.title or f"introduction {intro.id}"


def _create_history(session: Session, actor_id: int | None, intro: Introduction) -> None:
    session.add(
        StageChange(
            introduction_id=intro.id, from_stage=None, to_stage=intro.stage, user_id=actor_id
        )
    )


service = records.EntitySpec(
    "introduction", Introduction, FIELDS, clean, label, None, documents.of_introduction,
    shown_elsewhere=documents.SHOWN_ELSEWHERE["introduction"],
    starts=lambda actor_id: {"owner_id": actor_id},  # the acting user owns what they start
)  # fmt: skip


def create(session: Session, actor_id: int | None, values: dict[str, Any]) -> Introduction:
    intro = service.create(session, actor_id, values)
    _create_history(session, actor_id, intro)
    return intro


def move(
    session: Session,
    actor_id: int | None,
    record_id: int,
    to_stage: IntroductionStage,
    *,
    outcome: IntroductionOutcome | None = None,
    note: str = "",
    expected_version: int | None = None,
) -> Introduction:
    """Move an introduction to another stage; closing requires an outcome."""
    intro = service.get(session, record_id)
    records.check_version(service, intro, expected_version)
    to_stage = IntroductionStage(to_stage)
    if to_stage == IntroductionStage.CLOSED and outcome is None:
        raise ValidationFailed(
            [Issue("outcome", "required", "outcome: closing an introduction needs an outcome")],
            f"introduction '{label(intro)}'",
        )
    if to_stage == intro.stage and outcome == intro.outcome:
        return intro
    before = (intro.stage, intro.outcome)
    intro.stage = to_stage
    intro.outcome = (
        IntroductionOutcome(outcome) if to_stage == IntroductionStage.CLOSED and outcome else None
    )
    intro.stage_changed_at = utcnow()
    intro.closed_at = intro.stage_changed_at if to_stage == IntroductionStage.CLOSED else None
    records.flush_checked(session, service, intro, expected_version)
    session.add(
        StageChange(
            introduction_id=intro.id, from_stage=before[0], to_stage=to_stage,
            outcome=intro.outcome, user_id=actor_id, note=note.strip(),
        )
    )  # fmt: skip
    audit.record(
        session, actor_id, "update", "introduction", intro.id, intro.uid,
        {"stage": [before[0].value, to_stage.value], "outcome": [audit.plain(before[1]), audit.plain(intro.outcome)]},
    )  # fmt: skip
    records.reindex(session, service, intro)
    return intro


def history(session: Session, record_id: int) -> list[StageChange]:
    query = (
        sa.select(StageChange)
        .where(StageChange.introduction_id == record_id)
        .order_by(StageChange.id)
    )
    return list(session.scalars(query))


def starting_with(session: Session, kind: str, record_id: int) -> dict[str, Any]:
    """The values of a new introduction with this contact (and its organization) or this
    organization as a party, on its own side: Québec or Massachusetts by its territory
    (`party_territory`). A party from elsewhere is refused (`introduction.no_side`), naming it."""
    if kind not in ("contact", "organization"):
        raise KeyError(f"an introduction has no {kind} as a party")
    person = session.get(Contact, record_id) if kind == "contact" else None
    org = session.get(Organization, record_id) if kind == "organization" else None
    party = person or org
    if party is None or party.deleted_at is not None:
        raise NotFound(kind, record_id)
    contact_id = person.id if person is not None else None
    org_id = person.organization_id if person is not None else record_id
    territory = party_territory(session, contact_id, org_id)
    side = next((s for s, (t, _) in SIDES.items() if t == territory), None)
    if side is None:
        raise coded("introduction.no_side", party=_party_name(session, contact_id, org_id))
    values: dict[str, Any] = {f"{side}_organization_id": org_id}
    if contact_id is not None:
        values[f"{side}_contact_id"] = contact_id
    return values
