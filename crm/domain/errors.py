"""The errors the services raise on purpose, as opposed to bugs.

Everything here derives from `DeskError`, so the UI and the CLI can catch one type, show its
English `message` (or translate it from the structured fields) and let anything else surface
as a crash report.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable

from crm.domain import messages

__all__ = [
    "DatabaseOpenError",
    "DeskError",
    "DuplicateWarning",
    "Issue",
    "NotFound",
    "StaleRecord",
    "StorageFailure",
    "ValidationFailed",
    "coded",
]


class DeskError(Exception):
    """Base of every error raised on purpose; `message` is a readable English sentence.

    `code` (e.g. "demo.already_loaded") and `params` (the values the sentence names) let the
    window say it in the user's language, and the CLI tell errors apart, without parsing the
    English. Raise a coded error with `coded()`: its English comes from crm.domain.messages.
    """

    def __init__(
        self, message: str, *, code: str = "", params: dict[str, str] | None = None
    ) -> None:
        super().__init__(message)
        self.message = message
        self.code = code
        self.params: dict[str, str] = dict(params or {})

    def __str__(self) -> str:
        return self.message


def coded(code: str, **params: object) -> DeskError:
    """The error `code` of crm.domain.messages.ERRORS; its message is the English template
    filled with `params` (every value kept as text, for the window's translation)."""
    texts = {name: str(value) for name, value in params.items()}
    return DeskError(messages.english(code, texts), code=code, params=texts)


@dataclasses.dataclass(frozen=True)
class Issue:
    """One problem with one field value.

    `code` is stable (e.g. "email.invalid", "zip.leading_zero_lost") so the UI can translate
    it with `params`; `message` is the English fallback and names the field and the value.
    """

    field: str
    code: str
    message: str
    # Excluded from hashing because dicts are unhashable; equality still compares them.
    params: dict[str, str] = dataclasses.field(default_factory=dict, hash=False)

    def __str__(self) -> str:
        return self.message


class ValidationFailed(DeskError):
    """Input that breaks the value rules; `record` says which record or line, when known."""

    def __init__(self, issues: Iterable[Issue], record: str | None = None) -> None:
        self.issues: list[Issue] = list(issues)
        self.record = record
        text = "; ".join(issue.message for issue in self.issues) or "invalid input"
        super().__init__(f"{record}: {text}" if record else text)

    @property
    def codes(self) -> list[str]:
        """The issue codes in order, handy for callers and tests that branch on them."""
        return [issue.code for issue in self.issues]

    def for_record(self, record: str) -> ValidationFailed:
        """Return the same issues attached to `record`, e.g. when an importer knows the line."""
        return ValidationFailed(self.issues, record)


class NotFound(DeskError):
    """A record that does not exist, or no longer does (deleted meanwhile by someone else)."""

    def __init__(self, entity: str, record_id: int | str, message: str | None = None) -> None:
        self.entity = entity
        self.record_id = record_id
        super().__init__(message or f"{entity} {record_id} was not found; it may have been deleted")


class StaleRecord(DeskError):
    """An edit made over an old copy: someone else saved the record first."""

    def __init__(
        self, entity: str, record_id: int | str, expected_version: int, actual_version: int | None
    ) -> None:
        """`actual_version` is None when the clash shows only at save time, unread."""
        self.entity = entity
        self.record_id = record_id
        self.expected_version = expected_version
        self.actual_version = actual_version
        now = "" if actual_version is None else f"version {actual_version}, "
        super().__init__(
            f"{entity} {record_id} was changed by someone else ({now}"
            f"you edited version {expected_version}); reload it and make your change again"
        )


class DuplicateWarning(DeskError):
    """A record that looks like existing ones; the caller may confirm and save anyway."""

    def __init__(self, duplicates: Iterable[tuple[str, int, str]], reason: str) -> None:
        self.duplicates: list[tuple[str, int, str]] = list(duplicates)
        self.reason = reason
        found = ", ".join(
            f"{kind} {record_id} '{label}'" for kind, record_id, label in self.duplicates
        )
        super().__init__(f"possible duplicate ({reason}): {found}")


class DatabaseOpenError(DeskError):
    """A database that cannot be opened: not a database, damaged, newer schema, unreachable.

    `reason` is a short stable word ("not_a_database", "damaged", "newer_schema",
    "unreachable", "locked", ...) so callers can pick a remedy without parsing the message.
    The code is `database.<reason>`; the message is that code's English template in
    crm.domain.messages filled with `where` (= `location`), `detail` and any other `params`.
    """

    def __init__(
        self, reason: str, *, location: str = "", detail: str = "", **params: object
    ) -> None:
        self.location = location
        self.reason = reason
        texts = {"where": location, "detail": detail}
        texts.update((name, str(value)) for name, value in params.items())
        code = f"database.{reason}"
        super().__init__(messages.english(code, texts), code=code, params=texts)


class StorageFailure(DeskError):
    """The machine refused, not the data: the database or a file is locked, the disk is full,
    a file or folder is read-only, the database is damaged, or the team server went away.

    `reason` is one of "locked", "disk_full", "read_only", "damaged", "unreachable" (the code
    is `storage.<reason>`); `where` names the database or file. The message says what was not
    written and what to do; the window translates it by code.
    """

    def __init__(self, message: str, *, reason: str, where: str = "", detail: str = "") -> None:
        self.reason = reason
        self.where = where
        super().__init__(
            message, code=f"storage.{reason}", params={"where": where, "detail": detail}
        )
