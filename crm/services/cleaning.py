"""Turning what a person typed (or a CSV cell held) into column values, gathering every issue.

A `Cleaner` runs each field's rule and collects the issues instead of stopping at the first,
so a form or an import line can show all of its problems at once.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime, time
from enum import StrEnum
from typing import Any, TypeVar

from crm.domain.errors import Issue, ValidationFailed
from crm.domain.text import fold

E = TypeVar("E", bound=StrEnum)
T = TypeVar("T")

TRUE_WORDS = {"1", "true", "yes", "y", "oui", "o", "vrai", "x"}
FALSE_WORDS = {"0", "false", "no", "n", "non", "faux", ""}


class Cleaner:
    def __init__(self, values: dict[str, Any]) -> None:
        self.values = values
        self.issues: list[Issue] = []

    def text(self, field: str, *, required: bool = False, max_length: int = 255) -> str:
        value = self.values.get(field)
        if value.__class__ is str:
            text = value.strip()
        else:
            text = "" if value is None else str(value).strip()
        if required and not text:
            self.fail(field, "required", f"{field}: a value is required")
        if len(text) > max_length:
            self.fail(field, "too_long", f"{field}: longer than {max_length} characters")
        return text

    def rule(self, field: str, check: Callable[[str], T], default: T) -> T:
        """Apply a domain rule (normalize_email...) to a text field, collecting its issue."""
        try:
            return check(self.text(field))
        except ValidationFailed as exc:
            self.issues.extend(exc.issues)
            return default

    def choice(self, field: str, enum: type[E], default: E | None = None) -> E:
        value = self.values.get(field)
        if isinstance(value, enum):
            return value
        text = fold("" if value is None else str(value)).replace(" ", "_")
        if not text and default is not None:
            return default
        for member in enum:
            if text in (member.value.lower(), member.name.lower()):
                return member
        allowed = ", ".join(m.value for m in enum)
        self.fail(
            field, "choice.invalid", f"{field}: '{value}' is not one of {allowed}", value=str(value)
        )
        return default if default is not None else next(iter(enum))

    def optional_choice(self, field: str, enum: type[E]) -> E | None:
        value = self.values.get(field)
        if value is None or (isinstance(value, str) and not value.strip()):
            return None
        return self.choice(field, enum)

    def boolean(self, field: str, default: bool = False) -> bool:
        value = self.values.get(field)
        if isinstance(value, bool) or value is None:
            return default if value is None else value
        text = fold(str(value))
        if text in TRUE_WORDS:
            return True
        if text in FALSE_WORDS:
            return False
        self.fail(
            field, "boolean.invalid", f"{field}: '{value}' is not yes or no", value=str(value)
        )
        return default

    def integer(self, field: str, *, minimum: int = 0) -> int | None:
        value = self.values.get(field)
        if value is None or value == "":
            return None
        try:
            number = int(str(value).replace(" ", "").replace("\u00a0", "").replace(",", ""))
        except ValueError:
            self.fail(
                field,
                "integer.invalid",
                f"{field}: '{value}' is not a whole number",
                value=str(value),
            )
            return None
        if number < minimum:
            self.fail(
                field, "integer.range", f"{field}: {number} is below {minimum}", value=str(value)
            )
        return number

    def day(self, field: str, *, required: bool = False) -> date | None:
        value = self.values.get(field)
        if isinstance(value, datetime):
            return value.date()
        if isinstance(value, date):
            return value
        text = "" if value is None else str(value).strip()
        if not text:
            if required:
                self.fail(field, "required", f"{field}: a date is required")
            return None
        try:
            return date.fromisoformat(text)
        except ValueError:
            self.fail(
                field, "date.invalid", f"{field}: '{text}' is not a date (YYYY-MM-DD)", value=text
            )
            return None

    def clock(self, field: str) -> time | None:
        value = self.values.get(field)
        if isinstance(value, time) or value is None:
            return value
        text = str(value).strip()
        if not text:
            return None
        try:
            return time.fromisoformat(text)
        except ValueError:
            self.fail(field, "time.invalid", f"{field}: '{text}' is not a time (HH:MM)", value=text)
            return None

    def moment(self, field: str) -> datetime | None:
        """An aware datetime, given as one or as ISO text with its offset; returned in UTC."""
        value = self.values.get(field)
        if value is None or value == "":
            return None
        if isinstance(value, datetime):
            moment = value
        else:
            try:
                moment = datetime.fromisoformat(str(value).strip())
            except ValueError:
                message = f"{field}: '{value}' is not a date and time (YYYY-MM-DDTHH:MM+00:00)"
                self.fail(field, "datetime.invalid", message, value=str(value))
                return None
        if moment.tzinfo is None:
            message = f"{field}: '{value}' has no time zone"
            self.fail(field, "datetime.naive", message, value=str(value))
            return None
        return moment.astimezone(UTC)

    def reference(self, field: str) -> int | None:
        value = self.values.get(field)
        if value is None or value == "":
            return None
        try:
            return int(value)
        except (TypeError, ValueError):
            self.fail(
                field,
                "reference.invalid",
                f"{field}: '{value}' is not a record id",
                value=str(value),
            )
            return None

    def fail(self, field: str, code: str, message: str, **params: str) -> None:
        self.issues.append(Issue(field, code, message, params))

    def done(self, attrs: dict[str, Any]) -> dict[str, Any]:
        if self.issues:
            raise ValidationFailed(self.issues)
        return attrs


def split_tags(value: Any) -> list[str]:
    """Tags arrive as a list or as one cell "oncology; Montréal, CRO"."""
    if value is None:
        return []
    items = (
        value if isinstance(value, list | tuple | set) else str(value).replace(";", ",").split(",")
    )
    seen: dict[str, str] = {}
    for item in items:
        name = str(item).strip()
        key = fold(name)
        # A tag that folds to nothing ("-", "?", "…", an emoji) cannot be matched or found:
        # dropped, as spreadsheets write "-" for none.
        if key and key not in seen:
            seen[key] = name[:64]
    return list(seen.values())
