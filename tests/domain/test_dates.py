"""Typed dates and times (crm.domain.dates): ISO always, the language's day/month order with a
slash, anything that could be read two ways flagged with both readings, never guessed."""

from __future__ import annotations

from datetime import date, time, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from crm.domain.dates import add_working_days, follow_up_due, format_time, parse_date, parse_time

DESK_DAYS = st.dates(min_value=date(1900, 1, 1), max_value=date(2199, 12, 31))


@pytest.mark.parametrize("order", ["dmy", "mdy", None])
def test_iso_is_read_in_every_language(order):
    for text in ("2026-12-01", " 2026-12-01 ", "2026/12/01", "2026.12.01", "20261201", "2026-12-1"):
        reading = parse_date(text, order)
        assert (reading.value, reading.code) == (date(2026, 12, 1), ""), text


def test_slash_form_follows_the_language():
    assert parse_date("01/12/2026", "dmy").value == date(2026, 12, 1)  # French: 1 December
    assert parse_date("12/01/2026", "mdy").value == date(2026, 12, 1)  # English: December 1
    assert parse_date("1/12/2026", "dmy").value == date(2026, 12, 1)


def test_slash_form_reads_the_only_possible_way_past_twelve():
    assert parse_date("12/31/2026", "dmy").value == date(2026, 12, 31)
    assert parse_date("31/12/2026", "mdy").value == date(2026, 12, 31)


def test_ambiguous_forms_are_flagged_with_both_readings():
    for text, order in (("03.04.2026", "dmy"), ("03-04-2026", "mdy"), ("03/04/2026", None)):
        reading = parse_date(text, order)
        assert reading.value is None and reading.code == "date.ambiguous", text
        assert set(reading.readings) == {date(2026, 4, 3), date(2026, 3, 4)}


def test_other_forms_read_when_they_cannot_be_misread():
    assert parse_date("25.12.2026", "mdy").value == date(2026, 12, 25)
    assert parse_date("05-05-2026", None).value == date(2026, 5, 5)


@pytest.mark.parametrize(
    "text",
    ["garbage", "2026-13-01", "2026-02-30", "31/02/2026", "13/13/2026", "0226-12-01",
     "12/01/26", "2026-12", "1 déc. 2026", "2026-12-01x", "99999999"],
)  # fmt: skip
def test_invalid_text_is_flagged_not_blanked(text):
    reading = parse_date(text, "dmy")
    assert (reading.value, reading.code) == (None, "date.invalid")


def test_empty_is_no_date_and_no_problem():
    assert parse_date("   ", "dmy") == parse_date("", None)
    assert parse_date("", "dmy").value is None and parse_date("", "dmy").ok


@given(DESK_DAYS)
def test_every_day_round_trips_through_iso_and_the_language_form(day):
    assert parse_date(day.isoformat(), "dmy").value == day
    assert parse_date(day.strftime("%d/%m/%Y"), "dmy").value == day
    assert parse_date(day.strftime("%m/%d/%Y"), "mdy").value == day


@given(DESK_DAYS, st.sampled_from([".", "-"]), st.sampled_from(["dmy", "mdy", None]))
def test_a_day_month_form_is_never_read_the_wrong_way(day, sep, order):
    text = day.strftime(f"%d{sep}%m{sep}%Y")
    reading = parse_date(text, order)
    if day.day <= 12 and day.day != day.month:
        assert reading.code == "date.ambiguous" and day in reading.readings
    else:
        assert reading.value == day


@given(st.text(max_size=20), st.sampled_from(["dmy", "mdy", None]))
def test_any_text_gives_a_date_or_a_code(text, order):
    reading = parse_date(text, order)
    assert (reading.value is None) == (reading.code != "" or not text.strip())
    assert reading.code in ("", "date.invalid", "date.ambiguous")


@pytest.mark.parametrize(
    ("text", "expected"),
    [("14:00", time(14)), ("14h", time(14)), ("14 h 30", time(14, 30)), ("9.15", time(9, 15)),
     ("1430", time(14, 30)), ("930", time(9, 30)), ("14", time(14)), ("2 pm", time(14)),
     ("2:30 p.m.", time(14, 30)), ("12 am", time(0)), ("12pm", time(12)), ("0:05", time(0, 5))],
)  # fmt: skip
def test_times_as_people_type_them(text, expected):
    assert parse_time(text) == (expected, "")


@pytest.mark.parametrize("text", ["25:00", "14:60", "13 pm", "noon", "14:0", "1:2:3"])
def test_bad_times_are_flagged(text):
    assert parse_time(text) == (None, "time.invalid")


@given(st.times())
def test_every_minute_round_trips(moment):
    minute = moment.replace(second=0, microsecond=0, tzinfo=None)
    assert parse_time(format_time(minute)) == (minute, "")


def test_three_working_days_skip_the_weekend():
    monday = date(2026, 11, 30)
    assert add_working_days(monday, 3) == date(2026, 12, 3)  # Thursday
    assert add_working_days(date(2026, 12, 4), 3) == date(2026, 12, 9)  # Friday -> Wednesday
    assert add_working_days(date(2026, 12, 5), 3) == date(2026, 12, 9)  # Saturday -> Wednesday
    assert follow_up_due(date(2026, 12, 2)) == date(2026, 12, 7)  # Wednesday -> Monday


@given(DESK_DAYS.filter(lambda d: d.year < 2199), st.integers(0, 30))
def test_working_days_land_on_a_weekday(start, days):
    end = add_working_days(start, days)
    weekdays = sum(1 for n in range(1, (end - start).days + 1)
                   if (start + timedelta(days=n)).weekday() < 5)  # fmt: skip
    assert weekdays == days
    assert days == 0 or end.weekday() < 5
