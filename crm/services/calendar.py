"""Follow-ups as an iCalendar file (RFC 5545) that calendar programs accept.

Written with the `icalendar` library: one VEVENT per follow-up, and the VTIMEZONE blocks of
the zones used generated from the zone database (`add_missing_timezones`), so the rules are
the ones the system knows rather than a copy kept here.

- A follow-up with a time gets `DTSTART;TZID=America/Montreal:...` or
  `;TZID=America/New_York:...` and lasts 30 minutes. The zone is the assignee's side when the
  desk knows it (a MassBio address → Boston, a BIOQuébec address → Montréal), else the
  linked record's territory (organization, contact or its organization, event), else Montréal.
- A follow-up without a time is an all-day event: `DTSTART;VALUE=DATE` and the next day
  as `DTEND;VALUE=DATE`.

The UID is the follow-up's uid, so importing a newer file updates the same events.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any
from zoneinfo import ZoneInfo

import sqlalchemy as sa
from sqlalchemy.orm import Session

from crm.db.files import atomic_file
from crm.db.models import Contact, Event, FollowUp, Introduction, Organization, StaffUser
from crm.db.tables import utcnow
from crm.domain.enums import FollowUpStatus, Priority, Territory

if TYPE_CHECKING:
    import icalendar

MONTREAL = "America/Montreal"
BOSTON = "America/New_York"
ZONES = {Territory.QC: MONTREAL, Territory.MA: BOSTON}
DURATION = timedelta(minutes=30)
PRODID = "-//BIOQuebec-MassBio//Cooperation desk//EN"

_PRIORITY = {Priority.HIGH: 1, Priority.NORMAL: 5, Priority.LOW: 9}


def staff_territory(email: str) -> Territory:
    domain = email.rpartition("@")[2].lower()
    if "massbio" in domain:
        return Territory.MA
    if "bioquebec" in domain:
        return Territory.QC
    return Territory.OTHER


def _record_territory(session: Session, fu: FollowUp) -> Territory:
    if fu.organization_id:
        org = session.get(Organization, fu.organization_id)
        if org is not None and org.territory != Territory.OTHER:
            return Territory(org.territory)
    if fu.contact_id:
        person = session.get(Contact, fu.contact_id)
        if person is not None:
            if person.territory != Territory.OTHER:
                return Territory(person.territory)
            org = (
                session.get(Organization, person.organization_id)
                if person.organization_id
                else None
            )
            if org is not None:
                return Territory(org.territory)
    if fu.event_id:
        event = session.get(Event, fu.event_id)
        if event is not None:
            return Territory(event.territory)
    return Territory.OTHER


def zone_for(session: Session, fu: FollowUp, staff: dict[int, StaffUser]) -> str:
    user = staff.get(fu.assignee_id) if fu.assignee_id else None
    side = staff_territory(user.email) if user is not None else Territory.OTHER
    if side == Territory.OTHER:
        side = _record_territory(session, fu)
    return ZONES.get(side, MONTREAL)


def _linked_label(session: Session, fu: FollowUp) -> str:
    if fu.organization_id:
        org = session.get(Organization, fu.organization_id)
        return org.name if org else ""
    if fu.contact_id:
        person = session.get(Contact, fu.contact_id)
        return person.full_name if person else ""
    if fu.introduction_id:
        intro = session.get(Introduction, fu.introduction_id)
        if intro is not None:
            from crm.services.introductions import party_names

            qc, ma = party_names(session, intro)
            return intro.title or f"{qc} ↔ {ma}"
    if fu.event_id:
        event = session.get(Event, fu.event_id)
        return event.name if event else ""
    return ""


def _utc(moment: datetime) -> datetime:
    """A UTC moment (naive moments are taken as UTC, as the desk stores them)."""
    return moment.astimezone(UTC) if moment.tzinfo is not None else moment.replace(tzinfo=UTC)


def event_of(
    session: Session, fu: FollowUp, staff: dict[int, StaffUser], now: datetime
) -> icalendar.Event:
    import icalendar  # ~0.1 s to import: only when a calendar is written, not at start-up

    event = icalendar.Event()
    event.add("uid", f"{fu.uid}@cooperation-desk")
    event.add("dtstamp", _utc(now))
    if fu.due_time is not None:
        zone = ZoneInfo(zone_for(session, fu, staff))
        event.add("dtstart", datetime.combine(fu.due_date, fu.due_time, tzinfo=zone))
        event.add("duration", DURATION)
    else:
        event.add("dtstart", fu.due_date)
        event.add("dtend", fu.due_date + timedelta(days=1))
    event.add("summary", fu.title)
    linked = _linked_label(session, fu)
    description = "\n\n".join(p for p in (linked, fu.notes) if p)
    if description:
        event.add("description", description)
    event.add("priority", _PRIORITY.get(Priority(fu.priority), 5))
    event.add("status", "CANCELLED" if fu.status == FollowUpStatus.CANCELLED else "CONFIRMED")
    event.add("transp", "TRANSPARENT")
    return event


def calendar_text(
    session: Session, items: Iterable[FollowUp], *, now: datetime | None = None
) -> str:
    """The iCalendar text of these follow-ups."""
    import icalendar  # see event_of

    now = now or utcnow()
    staff = {u.id: u for u in session.scalars(sa.select(StaffUser))}
    calendar = icalendar.Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", "Cooperation desk follow-ups")
    for fu in items:
        calendar.add_component(event_of(session, fu, staff, now))
    calendar.add_missing_timezones()
    text: str = calendar.to_ical().decode("utf-8")
    return text


def followups_to_export(
    session: Session,
    *,
    assignee_id: int | None = None,
    include_closed: bool = False,
    since: date | None = None,
) -> list[FollowUp]:
    where: list[Any] = []
    if not include_closed:
        where.append(FollowUp.status == FollowUpStatus.OPEN)
    if assignee_id is not None:
        where.append(FollowUp.assignee_id == assignee_id)
    if since is not None:
        where.append(FollowUp.due_date >= since)
    query = (
        sa.select(FollowUp).where(FollowUp.deleted_at.is_(None), *where)
        .order_by(FollowUp.due_date, FollowUp.due_time, FollowUp.id)
    )  # fmt: skip
    return list(session.scalars(query))


def export(
    session: Session,
    path: str | Path,
    *,
    assignee_id: int | None = None,
    include_closed: bool = False,
    now: datetime | None = None,
) -> int:
    """Write the (open) follow-ups, of one assignee or of all, to `path`; returns how many."""
    items = followups_to_export(session, assignee_id=assignee_id, include_closed=include_closed)
    text = calendar_text(session, items, now=now)
    with atomic_file(Path(path)) as temporary:
        temporary.write_bytes(text.encode("utf-8"))
    return len(items)
