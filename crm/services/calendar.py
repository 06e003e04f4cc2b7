"""Follow-ups as an iCalendar file (RFC 5545) that calendar programs accept.

Written by hand, without a library: one VEVENT per follow-up, with the VTIMEZONE blocks of
the zones used, CRLF line ends, lines folded at 75 octets and text escaped.

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
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import Session

from crm.db.base import utcnow
from crm.db.files import atomic_file
from crm.db.models import Contact, Event, FollowUp, Introduction, Organization, StaffUser
from crm.domain.enums import FollowUpStatus, Priority, Territory

MONTREAL = "America/Montreal"
BOSTON = "America/New_York"
ZONES = {Territory.QC: MONTREAL, Territory.MA: BOSTON}
DURATION = "PT30M"
PRODID = "-//BIOQuebec-MassBio//Cooperation desk//EN"

# Eastern time, both sides of the border, since 2007: DST from the 2nd Sunday of March to
# the 1st Sunday of November, at 02:00 local time.
_VTIMEZONE = """BEGIN:VTIMEZONE
TZID:{tzid}
X-LIC-LOCATION:{tzid}
BEGIN:DAYLIGHT
TZOFFSETFROM:-0500
TZOFFSETTO:-0400
TZNAME:EDT
DTSTART:20070311T020000
RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=2SU
END:DAYLIGHT
BEGIN:STANDARD
TZOFFSETFROM:-0400
TZOFFSETTO:-0500
TZNAME:EST
DTSTART:20071104T020000
RRULE:FREQ=YEARLY;BYMONTH=11;BYDAY=1SU
END:STANDARD
END:VTIMEZONE"""

_PRIORITY = {Priority.HIGH: 1, Priority.NORMAL: 5, Priority.LOW: 9}


def escape(text: str) -> str:
    """TEXT value escaping (RFC 5545 §3.3.11)."""
    return (
        text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
        .replace("\r\n", "\n").replace("\n", "\\n")
    )  # fmt: skip


def fold(line: str) -> str:
    """Fold a content line at 75 octets, never inside a UTF-8 character (§3.1)."""
    out: list[str] = []
    current, size, limit = "", 0, 75
    for char in line:
        n = len(char.encode("utf-8"))
        if size + n > limit:
            out.append(current)
            current, size, limit = " ", 1, 75
        current += char
        size += n
    out.append(current)
    return "\r\n".join(out)


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


def _stamp(moment: datetime) -> str:
    """A UTC DATE-TIME (naive moments are taken as UTC, as the desk stores them)."""
    if moment.tzinfo is not None:
        moment = moment.astimezone(UTC)
    return moment.strftime("%Y%m%dT%H%M%SZ")


def event_lines(
    session: Session, fu: FollowUp, staff: dict[int, StaffUser], now: datetime
) -> list[str]:
    lines = ["BEGIN:VEVENT", f"UID:{fu.uid}@cooperation-desk", f"DTSTAMP:{_stamp(now)}"]
    if fu.due_time is not None:
        zone = zone_for(session, fu, staff)
        start = datetime.combine(fu.due_date, fu.due_time)
        lines += [f"DTSTART;TZID={zone}:{start:%Y%m%dT%H%M%S}", f"DURATION:{DURATION}"]
    else:
        end = fu.due_date + timedelta(days=1)
        lines += [f"DTSTART;VALUE=DATE:{fu.due_date:%Y%m%d}", f"DTEND;VALUE=DATE:{end:%Y%m%d}"]
    lines.append(f"SUMMARY:{escape(fu.title)}")
    linked = _linked_label(session, fu)
    description = "\n\n".join(p for p in (linked, fu.notes) if p)
    if description:
        lines.append(f"DESCRIPTION:{escape(description)}")
    lines.append(f"PRIORITY:{_PRIORITY.get(Priority(fu.priority), 5)}")
    lines.append(
        "STATUS:CANCELLED" if fu.status == FollowUpStatus.CANCELLED else "STATUS:CONFIRMED"
    )
    lines.append("TRANSP:TRANSPARENT")
    lines.append("END:VEVENT")
    return lines


def calendar_text(
    session: Session, items: Iterable[FollowUp], *, now: datetime | None = None
) -> str:
    """The iCalendar text of these follow-ups."""
    now = now or utcnow()
    staff = {u.id: u for u in session.scalars(sa.select(StaffUser))}
    events: list[str] = []
    zones: set[str] = set()
    for fu in items:
        lines = event_lines(session, fu, staff, now)
        zones.update(
            line.split("TZID=", 1)[1].split(":", 1)[0] for line in lines if "TZID=" in line
        )
        events += lines
    head = ["BEGIN:VCALENDAR", "VERSION:2.0", f"PRODID:{PRODID}", "CALSCALE:GREGORIAN",
            "METHOD:PUBLISH", "X-WR-CALNAME:Cooperation desk follow-ups"]  # fmt: skip
    for zone in sorted(zones):
        head += _VTIMEZONE.format(tzid=zone).split("\n")
    return "".join(fold(line) + "\r\n" for line in [*head, *events, "END:VCALENDAR"])


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
