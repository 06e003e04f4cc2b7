"""An event's delegation roster: its live participants by side (Québec, Massachusetts,
elsewhere), as rows for the window and as plain text to print or paste.

A participant's side is `introductions.party_territory`, the rule the introduction warnings use.
"""

from __future__ import annotations

from dataclasses import dataclass

import sqlalchemy as sa
from sqlalchemy.orm import Session

from crm.db.models import Contact, Event, EventParticipant, Organization
from crm.domain.enums import Territory
from crm.services.introductions import party_territory


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
