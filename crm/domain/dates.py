"""Dates and times as people type them into the desk's fields, and working-day arithmetic.

Plain Python (no Qt): the date field of the window only calls these rules.

A typed date is read this way:

- ISO `YYYY-MM-DD` (also `YYYY/MM/DD`, `YYYY.MM.DD` or `YYYYMMDD`) always: year first is
  never ambiguous.
- Day, month and year with a slash, in the order of the desk's language: French writes the
  day first (`01/12/2026` is 1 December), English the month first (`12/01/2026` is
  December 1). That is the form the field's hint shows, so it is the user's promise; a
  part above 12 still reads the only way it can (`12/31/2026` in French is December 31).
- Any other day/month form (`03.04.2026`, `03-04-2026`, or a slash when no order is given)
  is read only when it cannot be misread: one part above 12, or both parts equal. Otherwise
  it is *ambiguous*: flagged with both readings, never guessed.
- Anything else is invalid and flagged, never blanked. Years run from 1900 to 2199 so that
  a slip (`0226-12-01`) is not taken for the third century.

A typed time: `14:00`, `14h`, `14 h 30`, `9.15`, `1430`, `2 pm`, `2:30 p.m.`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, time, timedelta
from typing import Literal

__all__ = [
    "FOLLOW_UP_WORKING_DAYS",
    "ORDER_BY_LANGUAGE",
    "DateReading",
    "Order",
    "add_working_days",
    "follow_up_due",
    "format_time",
    "parse_date",
    "parse_time",
]

Order = Literal["dmy", "mdy"]
ORDER_BY_LANGUAGE: dict[str, Order] = {"fr": "dmy", "en": "mdy"}

MIN_YEAR, MAX_YEAR = 1900, 2199

_YEAR_FIRST = re.compile(r"(\d{4})([-/.])(\d{1,2})\2(\d{1,2})")
_COMPACT = re.compile(r"(\d{4})(\d{2})(\d{2})")
_DAY_MONTH = re.compile(r"(\d{1,2})\s*([-/.])\s*(\d{1,2})\s*\2\s*(\d{4})")
_TIME = re.compile(
    r"(?P<h>\d{1,2})(?:\s*[:hH.]\s*(?P<m>\d{2})?|(?P<m2>\d{2}))?"
    r"\s*(?P<ampm>[aApP]\.?\s*[mM]\.?)?"
)


@dataclass(frozen=True)
class DateReading:
    """What a typed date says: `value` (None when empty or not read) and `code`: "" (fine or
    empty), "date.invalid" or "date.ambiguous"; an ambiguous one carries both `readings`."""

    value: date | None
    code: str = ""
    readings: tuple[date, ...] = ()

    @property
    def ok(self) -> bool:
        return not self.code


def _day(year: int, month: int, day: int) -> date | None:
    if not MIN_YEAR <= year <= MAX_YEAR:
        return None
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _read(found: date | None) -> DateReading:
    return DateReading(found) if found else DateReading(None, "date.invalid")


def parse_date(text: str, order: Order | None = None) -> DateReading:
    """Read `text` typed by a person whose language writes day/month in `order`."""
    text = text.strip()
    if not text:
        return DateReading(None)
    match = _YEAR_FIRST.fullmatch(text) or _COMPACT.fullmatch(text)
    if match:
        numbers = [g for g in match.groups() if g.isdigit()]
        return _read(_day(int(numbers[0]), int(numbers[1]), int(numbers[2])))
    match = _DAY_MONTH.fullmatch(text)
    if not match:
        return DateReading(None, "date.invalid")
    first, sep, second, year = int(match[1]), match[2], int(match[3]), int(match[4])
    day_first = _day(year, second, first)
    month_first = _day(year, first, second)
    if sep == "/" and order is not None:
        # The language's own form; a part above 12 still tells the other order apart.
        preferred, other = (day_first, month_first) if order == "dmy" else (month_first, day_first)
        return _read(preferred or other)
    if day_first and month_first and day_first != month_first:
        return DateReading(None, "date.ambiguous", (day_first, month_first))
    return _read(day_first or month_first)


def parse_time(text: str) -> tuple[time | None, str]:
    """(time, "") or (None, "") when empty or (None, "time.invalid")."""
    text = text.strip()
    if not text:
        return None, ""
    match = _TIME.fullmatch(text)
    if not match:
        return None, "time.invalid"
    hour = int(match["h"])
    minute = int(match["m"] or match["m2"] or 0)
    if match["ampm"]:
        if not 1 <= hour <= 12:
            return None, "time.invalid"
        hour = hour % 12 + (12 if match["ampm"][0] in "pP" else 0)
    if hour > 23 or minute > 59:
        return None, "time.invalid"
    return time(hour, minute), ""


def format_time(value: time) -> str:
    """How the desk writes a time of day (both languages, CSV too): `14:00`."""
    return f"{value.hour:02d}:{value.minute:02d}"


# A new follow-up is due this many working days from today, unless the user says otherwise.
FOLLOW_UP_WORKING_DAYS = 3


def follow_up_due(today: date) -> date:
    """The due date a new follow-up starts from (the window and the services alike)."""
    return add_working_days(today, FOLLOW_UP_WORKING_DAYS)


def add_working_days(start: date, days: int) -> date:
    """The day `days` working days (Monday to Friday) after `start`; holidays are not known."""
    current = start
    left = days
    while left > 0:
        current += timedelta(days=1)
        if current.weekday() < 5:
            left -= 1
    return current
