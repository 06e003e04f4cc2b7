"""Follow-ups to iCalendar: parsed back with the `icalendar` library at the right local times."""

from __future__ import annotations

from datetime import date, datetime, time
from zoneinfo import ZoneInfo

import pytest

from crm.services import calendar, contacts, followups, organizations, users

icalendar = pytest.importorskip("icalendar")


@pytest.fixture
def setup(db, actor):
    with db.write() as s:
        boston_staff = users.service.create(
            s,
            None,
            {
                "name": "jsullivan",
                "display_name": "Jack Sullivan",
                "email": "jsullivan@massbio.example",
            },
        ).id
        qc = organizations.service.create(s, actor, {"name": "Thérapies Laval", "region": "QC"}).id
        ma = organizations.service.create(s, actor, {"name": "Boston Cell", "region": "MA"}).id
        ava = contacts.service.create(
            s, actor, {"first_name": "Ava", "last_name": "Smith", "organization_id": ma}
        ).id
        summer = followups.service.create(
            s,
            actor,
            {
                "title": "Call Laval; bring notes, please",
                "due_date": "2025-07-03",
                "due_time": "10:30",
                "organization_id": qc,
                "assignee_id": actor,
                "notes": "line one\nline two",
            },
        ).id
        winter = followups.service.create(
            s,
            actor,
            {
                "title": "Call Ava",
                "due_date": "2025-01-15",
                "due_time": "09:00",
                "contact_id": ava,
                "assignee_id": actor,
            },
        ).id
        boston = followups.service.create(
            s,
            actor,
            {
                "title": "Réunion à Montréal",
                "due_date": "2025-03-10",
                "due_time": "14:00",
                "organization_id": qc,
                "assignee_id": boston_staff,
            },
        ).id
        allday = followups.service.create(
            s,
            actor,
            {"title": "Envoyer le résumé", "due_date": "2025-11-02", "organization_id": qc},
        ).id
        followups.service.create(
            s,
            actor,
            {
                "title": "Done already",
                "due_date": "2025-01-01",
                "status": "done",
                "organization_id": qc,
            },
        )
    return {
        "summer": summer,
        "winter": winter,
        "boston": boston,
        "allday": allday,
        "staff": boston_staff,
    }


def _events(path):
    cal = icalendar.Calendar.from_ical(path.read_bytes())
    return cal, {str(e["SUMMARY"]): e for e in cal.walk("VEVENT")}


def test_ics_parses_with_right_local_times(db, setup, tmp_path):
    path = tmp_path / "followups.ics"
    with db.read() as s:
        count = calendar.export(s, path, now=datetime(2025, 1, 1, 12, tzinfo=ZoneInfo("UTC")))
    assert count == 4  # the done one is left out
    raw = path.read_bytes()
    assert b"\r\n" in raw and all(len(line) <= 75 for line in raw.split(b"\r\n"))
    cal, events = _events(path)
    assert {str(z["TZID"]) for z in cal.walk("VTIMEZONE")} == {
        "America/Montreal",
        "America/New_York",
    }

    summer = events["Call Laval; bring notes, please"]["DTSTART"].dt
    assert summer.replace(tzinfo=None) == datetime(2025, 7, 3, 10, 30)
    assert summer.utcoffset().total_seconds() == -4 * 3600  # EDT in July
    assert summer.astimezone(ZoneInfo("UTC")).time() == time(14, 30)
    assert str(summer.tzinfo).endswith("Montreal") or "Montreal" in repr(summer.tzinfo)

    winter = events["Call Ava"]["DTSTART"].dt
    assert winter.utcoffset().total_seconds() == -5 * 3600  # EST in January
    assert winter.astimezone(ZoneInfo("UTC")).time() == time(14, 0)

    # Assigned to a MassBio staff member: Boston time, DST started on 2025-03-09.
    boston = events["Réunion à Montréal"]["DTSTART"].dt
    assert "New_York" in str(boston.tzinfo) or "New_York" in repr(boston.tzinfo)
    assert boston.astimezone(ZoneInfo("UTC")) == datetime(
        2025, 3, 10, 18, 0, tzinfo=ZoneInfo("UTC")
    )

    allday = events["Envoyer le résumé"]
    assert allday["DTSTART"].dt == date(2025, 11, 2) and allday["DTEND"].dt == date(2025, 11, 3)
    assert "line one\nline two" in str(events["Call Laval; bring notes, please"]["DESCRIPTION"])


def test_ics_of_one_assignee_only(db, setup, tmp_path):
    path = tmp_path / "mine.ics"
    with db.read() as s:
        assert calendar.export(s, path, assignee_id=setup["staff"]) == 1
    _cal, events = _events(path)
    assert list(events) == ["Réunion à Montréal"]


def test_long_accented_text_folds_without_splitting_a_character(db, actor, tmp_path):
    title = "Suivi de la mission à Boston " + "é" * 80
    with db.write() as s:
        followups.service.create(s, actor, {"title": title, "due_date": "2025-05-05"})
    path = tmp_path / "long.ics"
    with db.read() as s:
        assert calendar.export(s, path) == 1
    raw = path.read_bytes()
    assert all(len(line) <= 75 for line in raw.split(b"\r\n"))
    raw.decode("utf-8")  # no character cut in two at a fold
    _cal, events = _events(path)
    assert list(events) == [title]


def test_vtimezone_comes_from_the_zone_database(db, setup, tmp_path):
    """The zone blocks are generated, so they carry the current rules (DST since 2007)."""
    path = tmp_path / "zones.ics"
    with db.read() as s:
        calendar.export(s, path)
    cal, _events_by_title = _events(path)
    montreal = next(z for z in cal.walk("VTIMEZONE") if str(z["TZID"]) == "America/Montreal")
    offsets = {c["TZOFFSETTO"].to_ical() for c in montreal.subcomponents}
    offsets = {o.decode() if isinstance(o, bytes) else o for o in offsets}
    assert offsets == {"-0400", "-0500"}
