"""One-to-one meetings at events: a meeting held between a Québec and a Massachusetts
participant becomes an introduction linked to the event, at the stage Meeting held.

`meeting_warnings` is what the window asks about first; `introduction_from_meeting` is the
one call that writes it, refusing (`WorkflowWarnings`) any warning not accepted.
"""

from __future__ import annotations

from collections.abc import Collection
from datetime import date
from typing import Any

from sqlalchemy.orm import Session

from crm.db.models import Contact, Introduction
from crm.domain.enums import Consent, IntroductionStage
from crm.services import introductions
from crm.services.stages import WorkflowWarning, refuse_unaccepted, warnings_for


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
    accepted_warnings: Collection[str] = (),
) -> Introduction:
    """A one-to-one meeting held at an event becomes an introduction linked to the event,
    at the stage Meeting held (both parties met: they agreed by coming).

    Raises `WorkflowWarnings` (same side, same pair) for any warning whose code is not in
    `accepted_warnings`, as `stages.move` does.
    """
    values = meeting_values(session, event_id, qc_contact_id, ma_contact_id,
                            qc_organization_id=qc_organization_id,
                            ma_organization_id=ma_organization_id, note=note, actor_id=actor_id)  # fmt: skip
    found = warnings_for(session, values, IntroductionStage.MEETING_HELD)
    refuse_unaccepted(found, accepted_warnings)
    history = "one-to-one meeting at the event"
    if found:
        history += "\nwarnings accepted: " + ", ".join(w.code for w in found)
    intro = introductions.create(session, actor_id, values)
    return introductions.move(
        session, actor_id, intro.id, IntroductionStage.MEETING_HELD, note=history
    )
