"""The services' errors in the user's language: the one place that turns a `DeskError` into text.

The services raise English sentences for the CLI and the logs, with structured data beside them
(`Issue.code`/`params`, `DuplicateWarning.duplicates`, `StaleRecord` fields, a CSV import's
`Problem`s). The windows never show that English: `error_text(exc)` builds the message from the
structured data, `issue_text(issue)` translates one field problem by its stable code.

Other errors carry a `code` and `params` (opening a database, reading a CSV file, the demo
data, undoing an import); `coded_text` says them in the user's language from the English
template the service used (crm.domain.messages). Anything unknown keeps the service's text,
so nothing is ever hidden.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from crm.domain import messages
from crm.domain.errors import (
    DeskError,
    DuplicateWarning,
    Issue,
    NotFound,
    StaleRecord,
    ValidationFailed,
)
from crm.ui import labels


def issue_text(issue: Issue) -> str:
    """The issue in the user's language (by its stable code), the service's text otherwise."""
    texts = {
        "required": QCoreApplication.translate("Issues", "A value is required."),
        "email.invalid": QCoreApplication.translate("Issues", "This is not a valid email address."),
        "phone.invalid": QCoreApplication.translate("Issues", "This is not a valid phone number."),
        "postal_code.invalid": QCoreApplication.translate(
            "Issues", "This is not a valid postal code or ZIP code."
        ),
        "website.invalid": QCoreApplication.translate(
            "Issues", "This is not a valid website address."
        ),
        "choice.invalid": QCoreApplication.translate(
            "Issues", "Choose one of the proposed values."
        ),
        "too_long": QCoreApplication.translate("Issues", "This text is too long."),
        "integer.invalid": QCoreApplication.translate("Issues", "Enter a whole number."),
        "integer.range": QCoreApplication.translate("Issues", "This number is too small."),
        "date.invalid": QCoreApplication.translate("Issues", "Enter a date (YYYY-MM-DD)."),
        "time.invalid": QCoreApplication.translate("Issues", "Enter a time (HH:MM)."),
        "date.order": QCoreApplication.translate("Issues", "The end comes before the start."),
        "reference.invalid": QCoreApplication.translate("Issues", "Choose a record from the list."),
        "reference.missing": QCoreApplication.translate("Issues", "This record no longer exists."),
        "party.required": QCoreApplication.translate(
            "Issues", "This side needs a contact or an organization."
        ),
        "link.required": QCoreApplication.translate(
            "Issues", "Link it to an organization, contact, introduction or event."
        ),
        "boolean.invalid": QCoreApplication.translate("Issues", "Answer yes or no."),
        "name.invalid": QCoreApplication.translate("Issues", "One word, without spaces."),
        "date.ambiguous": QCoreApplication.translate(
            "Issues", "Day and month could be swapped: write the date as YYYY-MM-DD."
        ),
        "uid.invalid": QCoreApplication.translate(
            "Issues",
            "This is not a desk identifier (a UUID such as 1b4e28ba-2fa1-41d2-883f-0016d3cca427).",
        ),
        "zip.leading_zero_lost": QCoreApplication.translate(
            "Issues", "This ZIP code lost its leading zero (a spreadsheet does that)."
        ),
    }
    if issue.code in _PARTY_TEXTS and "party" in issue.params:
        return _party_text(issue)
    return texts.get(issue.code, issue.message)


_PARTY_TEXTS = ("party.wrong_side", "introducer.is_party")


def _party_text(issue: Issue) -> str:
    """An introduction's party on the wrong side, or an introducer who is a party (named)."""
    if issue.code == "introducer.is_party":
        text = QCoreApplication.translate(
            "Issues", "“%1” is a party of this introduction: the introducer is someone else."
        )
    elif issue.params.get("side") == "MA":
        text = QCoreApplication.translate(
            "Issues",
            "“%1” is not in Massachusetts (territory: %2): the Massachusetts party must be in Massachusetts.",
        )
    else:
        text = QCoreApplication.translate(
            "Issues", "“%1” is not in Québec (territory: %2): the Québec party must be in Québec."
        )
    where = labels.enum_label("Territory", issue.params.get("territory", ""))
    return text.replace("%2", where).replace("%1", issue.params["party"])  # fmt: skip


def field_label(field: str) -> str:
    """A field's name for people (the list headers, else the CSV labels in French)."""
    if field in labels.HEADERS:
        return labels.header(field)
    return labels.csv_column(field)


def kind_label(kind: str) -> str:
    return labels.enum_label("EntityKind", kind.lower().replace(" ", "_"))


def validation_text(exc: ValidationFailed) -> str:
    lines = []
    for issue in exc.issues:
        text = issue_text(issue)
        if text is issue.message or not issue.field:
            lines.append(text)
        else:
            lines.append(f"{field_label(issue.field)} : {text}" if labels.is_french() else
                         f"{field_label(issue.field)}: {text}")  # fmt: skip
    return "\n".join(lines) or QCoreApplication.translate("Errors", "The values are not valid.")


def duplicate_text(exc: DuplicateWarning) -> str:
    names = "\n".join(f"• {label}" for _kind, _id, label in exc.duplicates)
    return QCoreApplication.translate(
        "Errors", "This record looks like one already in the desk:\n%1"
    ).replace("%1", names)


def stale_text(exc: StaleRecord) -> str:
    return QCoreApplication.translate(
        "Errors",
        "Someone else changed this %1 after you opened it. Reload it and make your change again.",
    ).replace("%1", kind_label(exc.entity).lower())


def not_found_text(exc: NotFound) -> str:
    if exc.entity == "staff user" and isinstance(exc.record_id, str):
        return QCoreApplication.translate("Errors", "There is no staff user named “%1”.").replace(
            "%1", exc.record_id
        )
    return QCoreApplication.translate(
        "Errors", "This %1 no longer exists; someone may have deleted it."
    ).replace("%1", kind_label(exc.entity).lower())


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
        lines.append(f"  {where} : {text}" if labels.is_french() else f"  {where}: {text}")
    if len(problems) > 50:
        lines.append(
            "  "
            + QCoreApplication.translate("Errors", "… and %1 more").replace(
                "%1", str(len(problems) - 50)
            )
        )
    return "\n".join(lines)


def coded_text(exc: DeskError) -> str | None:
    """The user-language sentence of an error that carries a known code, or None.

    The English template is crm.domain.messages' (the one the service's `str()` fills);
    crm_fr.ts holds its French under the context "Errors".
    """
    known = messages.ERRORS.get(exc.code)
    if known is None:
        return None
    template, names = known
    return messages.fill(QCoreApplication.translate("Errors", template), names, exc.params)


def error_text(exc: BaseException) -> str:
    """Any error the windows show, in the user's language (the service's text when unknown)."""
    from crm.services import csv_import

    if isinstance(exc, ValidationFailed):
        text = validation_text(exc)
        return f"{exc.record} : {text}" if exc.record and labels.is_french() else (
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
    from crm.db.failures import storage_failure

    failure = storage_failure(exc, QCoreApplication.translate("Errors", "The database"))
    if failure is not None:  # a driver error that bypassed Database.read/write
        return coded_text(failure) or failure.message
    return str(exc) or exc.__class__.__name__
