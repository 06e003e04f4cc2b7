"""The services' errors in the user's language: the one place that turns a `DeskError` into text.

The services raise English sentences for the CLI and the logs, with structured data beside them
(`Issue.code`/`params`, `DuplicateWarning.duplicates`, `StaleRecord` fields, a CSV import's
`Problem`s). The windows never show that English: `error_text(exc)` builds the message from the
structured data, `issue_text(issue)` translates one field problem by its stable code.

Other errors carry a `code` and `params` (opening a database, reading a CSV file, the demo
data, undoing an import); `coded_text` says them in the user's language. Anything unknown
keeps the service's text, so nothing is ever hidden.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication

from crm.domain.errors import (
    DeskError,
    DuplicateWarning,
    Issue,
    NotFound,
    StaleRecord,
    ValidationFailed,
)


def issue_text(issue: Issue) -> str:
    """The issue in the user's language (by its stable code), the service's text otherwise."""
    texts = {
        "required": QCoreApplication.translate("Issues", "A value is required."),
        "email.invalid": QCoreApplication.translate("Issues", "This is not a valid email address."),
        "phone.invalid": QCoreApplication.translate("Issues", "This is not a valid phone number."),
        "postal_code.invalid": QCoreApplication.translate("Issues", "This is not a valid postal code or ZIP code."),
        "website.invalid": QCoreApplication.translate("Issues", "This is not a valid website address."),
        "choice.invalid": QCoreApplication.translate("Issues", "Choose one of the proposed values."),
        "too_long": QCoreApplication.translate("Issues", "This text is too long."),
        "integer.invalid": QCoreApplication.translate("Issues", "Enter a whole number."),
        "integer.range": QCoreApplication.translate("Issues", "This number is too small."),
        "date.invalid": QCoreApplication.translate("Issues", "Enter a date (YYYY-MM-DD)."),
        "time.invalid": QCoreApplication.translate("Issues", "Enter a time (HH:MM)."),
        "date.order": QCoreApplication.translate("Issues", "The end comes before the start."),
        "reference.invalid": QCoreApplication.translate("Issues", "Choose a record from the list."),
        "reference.missing": QCoreApplication.translate("Issues", "This record no longer exists."),
        "party.required": QCoreApplication.translate("Issues", "This side needs a contact or an organization."),
        "link.required": QCoreApplication.translate("Issues", "Link it to an organization, contact, introduction or event."),
        "boolean.invalid": QCoreApplication.translate("Issues", "Answer yes or no."),
        "name.invalid": QCoreApplication.translate("Issues", "One word, without spaces."),
        "date.ambiguous": QCoreApplication.translate("Issues", "Day and month could be swapped: write the date as YYYY-MM-DD."),
        "zip.leading_zero_lost": QCoreApplication.translate("Issues", "This ZIP code lost its leading zero (a spreadsheet does that)."),
    }
    return texts.get(issue.code, issue.message)


def field_label(field: str) -> str:
    """A field's name for people (the list headers, else the CSV labels in French)."""
    from crm.ui import labels

    if field in labels.HEADERS:
        return labels.header(field)
    return labels.csv_column(field)


def kind_label(kind: str) -> str:
    from crm.ui import labels

    return labels.enum_label("EntityKind", kind.lower().replace(" ", "_"))


def validation_text(exc: ValidationFailed) -> str:
    lines = []
    for issue in exc.issues:
        text = issue_text(issue)
        if text is issue.message or not issue.field:
            lines.append(text)
        else:
            lines.append(f"{field_label(issue.field)} : {text}" if _french() else
                         f"{field_label(issue.field)}: {text}")  # fmt: skip
    return "\n".join(lines) or QCoreApplication.translate("Errors", "The values are not valid.")


def duplicate_text(exc: DuplicateWarning) -> str:
    names = "\n".join(f"• {label}" for _kind, _id, label in exc.duplicates)
    return QCoreApplication.translate("Errors", "This record looks like one already in the desk:\n%1").replace("%1", names)


def stale_text(exc: StaleRecord) -> str:
    return QCoreApplication.translate(
        "Errors",
        "Someone else changed this %1 after you opened it. Reload it and make your change again."
    ).replace("%1", kind_label(exc.entity).lower())


def not_found_text(exc: NotFound) -> str:
    if exc.entity == "staff user" and isinstance(exc.record_id, str):
        return QCoreApplication.translate("Errors", "There is no staff user named “%1”.").replace(
            "%1", exc.record_id
        )
    return QCoreApplication.translate("Errors", "This %1 no longer exists; someone may have deleted it.").replace(
        "%1", kind_label(exc.entity).lower()
    )


def import_problems_text(plan: object) -> str:
    """An import refused for its invalid rows: the count, then each row's problems."""
    problems = list(getattr(plan, "problems", []))
    counts = plan.counts()  # type: ignore[attr-defined]
    lines = [
        QCoreApplication.translate(
            "Errors", "%n invalid row(s): nothing was imported.", "", counts["invalid"]
        )
    ]
    for p in problems[:50]:
        where = QCoreApplication.translate("Errors", "line %1").replace("%1", str(p.line))
        if p.column:
            where += QCoreApplication.translate("Errors", ", column “%1”").replace("%1", p.column)
        text = issue_text(Issue(p.field, p.code, p.message.split(": ", 1)[-1]))
        if p.value and text != p.message.split(": ", 1)[-1]:
            text += f" ({p.value})"
        lines.append(f"  {where} : {text}" if _french() else f"  {where}: {text}")
    if len(problems) > 50:
        lines.append("  " + QCoreApplication.translate("Errors", "… and %1 more").replace("%1", str(len(problems) - 50)))
    return "\n".join(lines)


def _french() -> bool:
    return QCoreApplication.translate("Errors", "en", "language code of this translation") == "fr"


# Errors that carry a code: the sentence in the user's language, with the params that fill
# %1 and %2.
_CODED: dict[str, tuple[Callable[[], str], tuple[str, ...]]] = {
    "demo.already_loaded": (
        lambda: QCoreApplication.translate("Errors", "The demo data is already loaded in this database."), ()),
    "database.not_a_database": (
        lambda: QCoreApplication.translate("Errors", "%1 is not a cooperation desk database (it is not an SQLite file). Choose another "
                "file, or a new name to create an empty database."), ("where",)),
    "database.is_folder": (
        lambda: QCoreApplication.translate("Errors", "%1 is a folder, not a database file."), ("where",)),
    "database.folder_missing": (
        lambda: QCoreApplication.translate("Errors", "The folder %1 does not exist."), ("where",)),
    "database.newer_schema": (
        lambda: QCoreApplication.translate("Errors", "%1 was written by a newer version of the cooperation desk. Update the program to open it."), ("where",)),
    "database.locked": (
        lambda: QCoreApplication.translate("Errors", "%1 is locked by another program or another desk window; try again in a moment."), ("where",)),
    "database.disk": (
        lambda: QCoreApplication.translate("Errors", "The disk holding %1 is full or failing; free some space and try again."), ("where",)),
    "database.damaged": (
        lambda: QCoreApplication.translate("Errors", "%1 is damaged or is not a desk database; restore it from a backup."), ("where",)),
    "database.read_only": (
        lambda: QCoreApplication.translate("Errors", "%1 cannot be written (read-only file or folder)."), ("where",)),
    "database.unreachable": (
        lambda: QCoreApplication.translate("Errors", "Cannot reach the team database %1.\n\nDetails: %2"), ("where", "detail")),
    "database.foreign": (
        lambda: QCoreApplication.translate("Errors", "This database holds other tables but no desk schema: it was made by another "
                "program. Choose another file or an empty database."), ()),
    # backups, restores and a damaged database (crm.services.maintenance)
    "database.damaged_read_only": (
        lambda: QCoreApplication.translate("Errors", "%1 is damaged: it is read-only until repaired, and nothing was written.\n\nThe check says: %2\n\nRestore a backup (File › Restore from a backup) or repair it (File › Check the database)."), ("where", "problems")),
    "database.damaged_found": (
        lambda: QCoreApplication.translate("Errors", "%1 is damaged: it is read-only until repaired.\n\nThe check says: %2\n\nRestore a backup (File › Restore from a backup) or repair it (File › Check the database)."), ("where", "problems")),
    "backup.damaged": (
        lambda: QCoreApplication.translate("Errors", "%1 is damaged, so no backup was written: a damaged copy could take the place of a good backup.\n\nThe check says: %2\n\nRestore a good backup or repair the database (File › Check the database)."), ("where", "problems")),
    "backup.exists": (
        lambda: QCoreApplication.translate("Errors", "%1 already exists; nothing was written. Choose another name for the backup."), ("file",)),
    "restore.missing": (
        lambda: QCoreApplication.translate("Errors", "%1 was not restored: it does not exist or is not a file. Nothing was changed in %2."), ("source", "where")),
    "restore.not_sqlite": (
        lambda: QCoreApplication.translate("Errors", "%1 was not restored: it is not a desk backup (not an SQLite file). Nothing was changed in %2."), ("source", "where")),
    "restore.not_desk": (
        lambda: QCoreApplication.translate("Errors", "%1 was not restored: it holds no desk schema. Nothing was changed in %2."), ("source", "where")),
    "restore.newer": (
        lambda: QCoreApplication.translate("Errors", "%1 was not restored: it was written by a newer version of the desk (schema %3); update the program to restore it. Nothing was changed in %2."), ("source", "where", "revision")),
    "restore.damaged": (
        lambda: QCoreApplication.translate("Errors", "%1 was not restored: it is damaged (%3). Nothing was changed in %2."), ("source", "where", "problems")),
    "restore.foreign_schema": (
        lambda: QCoreApplication.translate("Errors", "%1 was not restored: it holds database objects the desk does not make, or has rewritten them, which could change data behind its back:\n%3\n\nNothing was changed in %2."), ("source", "where", "problems")),
    "repair.impossible": (
        lambda: QCoreApplication.translate("Errors", "%1 cannot be repaired: SQLite cannot read all of it back (%2). Nothing was changed; restore a backup (File › Restore from a backup)."), ("where", "problems")),
    "csv.unreadable": (
        lambda: QCoreApplication.translate("Errors", "Cannot read %1 (%2)."), ("file", "detail")),
    "csv.empty": (
        lambda: QCoreApplication.translate("Errors", "%1 is empty: it has no header line."), ("file",)),
    "csv.not_csv": (
        lambda: QCoreApplication.translate("Errors", "%1, line %2: this is not a readable CSV file."), ("file", "line")),
    "import.nothing_to_undo": (
        lambda: QCoreApplication.translate("Errors", "There is no import to undo."), ()),
    "import.already_undone": (
        lambda: QCoreApplication.translate("Errors", "The last import (%1) was already undone."), ("file",)),
}  # fmt: skip


def coded_text(exc: DeskError) -> str | None:
    """The user-language sentence of an error that carries a known code, or None."""
    known = _CODED.get(exc.code)
    if known is None:
        return None
    template, keys = known
    text = template()
    for number, key in enumerate(keys, start=1):
        text = text.replace(f"%{number}", exc.params.get(key, ""))
    return text


def error_text(exc: BaseException) -> str:
    """Any error the windows show, in the user's language (the service's text when unknown)."""
    from crm.services import csv_import

    if isinstance(exc, ValidationFailed):
        text = validation_text(exc)
        return f"{exc.record} : {text}" if exc.record and _french() else (
            f"{exc.record}: {text}" if exc.record else text)  # fmt: skip
    if isinstance(exc, DuplicateWarning):
        return duplicate_text(exc)
    if isinstance(exc, StaleRecord):
        return stale_text(exc)
    if isinstance(exc, NotFound):
        return not_found_text(exc)
    refused = getattr(csv_import, "ImportRefused", None)
    if refused is not None and isinstance(exc, refused):
        return import_problems_text(exc.plan)
    if isinstance(exc, DeskError):
        return coded_text(exc) or exc.message
    return str(exc) or exc.__class__.__name__
