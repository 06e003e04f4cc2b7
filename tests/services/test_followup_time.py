"""A follow-up's time of day leaves the desk as it was typed: `HH:MM` in the CSV export (one of
the usual columns), a timed event in the .ics, an all-day event without a time."""

from __future__ import annotations

import csv
from datetime import date, datetime, time
from zoneinfo import ZoneInfo

import pytest

from crm.services import calendar, csv_export, followups
from crm.services.export_columns import ExportRequest

icalendar = pytest.importorskip("icalendar")


@pytest.fixture
def two(db, actor):
    with db.write() as s:
        call = followups.service.create(
            s, actor, {"title": "Call at two", "due_date": "2026-12-01", "due_time": "14:00"}
        ).id
        allday = followups.service.create(
            s, actor, {"title": "Any time", "due_date": "2026-12-02"}
        ).id
    return call, allday


def test_csv_export_carries_the_time_as_hh_mm(db, actor, two, tmp_path):
    path = tmp_path / "followups.csv"
    with db.write() as s:
        request = ExportRequest("followups", ("title", "due_date", "due_time"))
        csv_export.export(s, actor, request, path)
    with path.open(encoding="utf-8-sig", newline="") as handle:
        rows = {r["title"]: r for r in csv.DictReader(handle)}
    assert (rows["Call at two"]["due_date"], rows["Call at two"]["due_time"]) == (
        "2026-12-01",
        "14:00",
    )
    assert rows["Any time"]["due_time"] == ""


def test_ics_has_a_timed_event_and_an_all_day_one(db, two, tmp_path):
    path = tmp_path / "followups.ics"
    with db.read() as s:
        calendar.export(s, path, now=datetime(2026, 11, 30, tzinfo=ZoneInfo("UTC")))
    cal = icalendar.Calendar.from_ical(path.read_bytes())
    events = {str(e["SUMMARY"]): e for e in cal.walk("VEVENT")}
    start = events["Call at two"]["DTSTART"].dt
    assert start.replace(tzinfo=None) == datetime(2026, 12, 1, 14, 0)
    assert start.astimezone(ZoneInfo("America/Montreal")).time() == time(14, 0)
    assert start.utcoffset().total_seconds() == -5 * 3600  # EST in December
    allday = events["Any time"]["DTSTART"].dt
    assert allday == date(2026, 12, 2) and not isinstance(allday, datetime)
    assert (path.stat().st_mode & 0o777) == 0o600
