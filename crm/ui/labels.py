"""Labels for people: column headers and the closed vocabularies, in the user's language.

The English source texts are marked with QT_TRANSLATE_NOOP so `pyside6-lupdate` extracts
them (the list headers in crm/domain/fields.py, the field catalogue); `enum_label` and
`header` translate them when asked (after a language change too).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from crm.domain.fields import LIST_HEADERS

ENUMS: dict[str, dict[str, str]] = {
    "Territory": {
        "QC": QT_TRANSLATE_NOOP("Labels", "Québec"),
        "MA": QT_TRANSLATE_NOOP("Labels", "Massachusetts"),
        "OTHER": QT_TRANSLATE_NOOP("Labels", "Elsewhere"),
    },
    "Membership": {
        "bioquebec": QT_TRANSLATE_NOOP("Labels", "BIOQuébec"),
        "massbio": QT_TRANSLATE_NOOP("Labels", "MassBio"),
        "both": QT_TRANSLATE_NOOP("Labels", "Both"),
        "none": QT_TRANSLATE_NOOP("Labels", "Not a member"),
    },
    "OrganizationKind": {
        "biotech": QT_TRANSLATE_NOOP("Labels", "Biotech"),
        "pharma": QT_TRANSLATE_NOOP("Labels", "Pharma"),
        "medtech": QT_TRANSLATE_NOOP("Labels", "Medtech"),
        "cro": QT_TRANSLATE_NOOP("Labels", "CRO"),
        "cdmo": QT_TRANSLATE_NOOP("Labels", "CDMO"),
        "academic": QT_TRANSLATE_NOOP("Labels", "Academic"),
        "hospital": QT_TRANSLATE_NOOP("Labels", "Hospital"),
        "investor": QT_TRANSLATE_NOOP("Labels", "Investor"),
        "foundation": QT_TRANSLATE_NOOP("Labels", "Foundation"),
        "government": QT_TRANSLATE_NOOP("Labels", "Government"),
        "association": QT_TRANSLATE_NOOP("Labels", "Association"),
        "service_provider": QT_TRANSLATE_NOOP("Labels", "Service provider"),
        "other": QT_TRANSLATE_NOOP("Labels", "Other"),
    },
    "Language": {
        "fr": QT_TRANSLATE_NOOP("Labels", "French"),
        "en": QT_TRANSLATE_NOOP("Labels", "English"),
    },
    "Consent": {
        "yes": QT_TRANSLATE_NOOP("Labels", "Yes"),
        "no": QT_TRANSLATE_NOOP("Labels", "No"),
        "unknown": QT_TRANSLATE_NOOP("Labels", "Unknown"),
    },
    "IntroductionPurpose": {
        "partnership": QT_TRANSLATE_NOOP("Labels", "Partnership"),
        "cro_services": QT_TRANSLATE_NOOP("Labels", "CRO services"),
        "investment": QT_TRANSLATE_NOOP("Labels", "Investment"),
        "licensing": QT_TRANSLATE_NOOP("Labels", "Licensing"),
        "rd_collaboration": QT_TRANSLATE_NOOP("Labels", "R&D collaboration"),
        "market_entry": QT_TRANSLATE_NOOP("Labels", "Market entry"),
        "talent": QT_TRANSLATE_NOOP("Labels", "Talent"),
        "other": QT_TRANSLATE_NOOP("Labels", "Other"),
    },
    "IntroductionStage": {
        "proposed": QT_TRANSLATE_NOOP("Labels", "Proposed"),
        "asked": QT_TRANSLATE_NOOP("Labels", "Asked"),
        "both_agreed": QT_TRANSLATE_NOOP("Labels", "Both agreed"),
        "introduced": QT_TRANSLATE_NOOP("Labels", "Introduced"),
        "meeting_held": QT_TRANSLATE_NOOP("Labels", "Meeting held"),
        "closed": QT_TRANSLATE_NOOP("Labels", "Closed"),
    },
    # The stage as a list shows it: a closed introduction by its outcome.
    "IntroductionStatus": {
        "proposed": QT_TRANSLATE_NOOP("Labels", "Proposed"),
        "asked": QT_TRANSLATE_NOOP("Labels", "Asked"),
        "both_agreed": QT_TRANSLATE_NOOP("Labels", "Both agreed"),
        "introduced": QT_TRANSLATE_NOOP("Labels", "Introduced"),
        "meeting_held": QT_TRANSLATE_NOOP("Labels", "Meeting held"),
        "closed": QT_TRANSLATE_NOOP("Labels", "Closed"),
        "partnership": QT_TRANSLATE_NOOP("Labels", "Concluded"),
        "cro_contract": QT_TRANSLATE_NOOP("Labels", "Concluded"),
        "investment": QT_TRANSLATE_NOOP("Labels", "Concluded"),
        "licensing": QT_TRANSLATE_NOOP("Labels", "Concluded"),
        "other_win": QT_TRANSLATE_NOOP("Labels", "Concluded"),
        "declined": QT_TRANSLATE_NOOP("Labels", "Declined"),
        "no_fit": QT_TRANSLATE_NOOP("Labels", "No fit"),
        "stalled": QT_TRANSLATE_NOOP("Labels", "Stalled"),
    },
    "IntroductionOutcome": {
        "partnership": QT_TRANSLATE_NOOP("Labels", "Partnership"),
        "cro_contract": QT_TRANSLATE_NOOP("Labels", "CRO contract"),
        "investment": QT_TRANSLATE_NOOP("Labels", "Investment"),
        "licensing": QT_TRANSLATE_NOOP("Labels", "Licensing"),
        "other_win": QT_TRANSLATE_NOOP("Labels", "Other win"),
        "declined": QT_TRANSLATE_NOOP("Labels", "Declined"),
        "no_fit": QT_TRANSLATE_NOOP("Labels", "No fit"),
        "stalled": QT_TRANSLATE_NOOP("Labels", "Stalled"),
    },
    "FollowUpStatus": {
        "open": QT_TRANSLATE_NOOP("Labels", "Open"),
        "done": QT_TRANSLATE_NOOP("Labels", "Done"),
        "cancelled": QT_TRANSLATE_NOOP("Labels", "Cancelled"),
    },
    "Priority": {
        "low": QT_TRANSLATE_NOOP("Labels", "Low"),
        "normal": QT_TRANSLATE_NOOP("Labels", "Normal"),
        "high": QT_TRANSLATE_NOOP("Labels", "High"),
    },
    "EventKind": {
        "mission": QT_TRANSLATE_NOOP("Labels", "Mission"),
        "delegation": QT_TRANSLATE_NOOP("Labels", "Delegation"),
        "conference": QT_TRANSLATE_NOOP("Labels", "Conference"),
        "joint_activity": QT_TRANSLATE_NOOP("Labels", "Joint activity"),
        "webinar": QT_TRANSLATE_NOOP("Labels", "Webinar"),
        "meeting": QT_TRANSLATE_NOOP("Labels", "Meeting"),
    },
    "InteractionKind": {
        "call": QT_TRANSLATE_NOOP("Labels", "Call"),
        "email": QT_TRANSLATE_NOOP("Labels", "Email"),
        "meeting": QT_TRANSLATE_NOOP("Labels", "Meeting"),
        "note": QT_TRANSLATE_NOOP("Labels", "Note"),
    },
    "EntityKind": {
        "organization": QT_TRANSLATE_NOOP("Labels", "Organization"),
        "contact": QT_TRANSLATE_NOOP("Labels", "Contact"),
        "introduction": QT_TRANSLATE_NOOP("Labels", "Introduction"),
        "followup": QT_TRANSLATE_NOOP("Labels", "Follow-up"),
        "event": QT_TRANSLATE_NOOP("Labels", "Event"),
        "interaction": QT_TRANSLATE_NOOP("Labels", "Interaction"),
        "participant": QT_TRANSLATE_NOOP("Labels", "Participant"),
        "staff_user": QT_TRANSLATE_NOOP("Labels", "Staff user"),
    },
}

# The list columns' English headers, by field name: the field catalogue's (translated in the
# "Headers" context, where crm/domain/fields.py marks them).
HEADERS: dict[str, str] = LIST_HEADERS

_cache: dict[tuple[str, str], str] = {}


def clear_cache() -> None:
    """Forget translated labels (call after the language changed)."""
    _cache.clear()


def enum_label(enum_name: str, value: Any) -> str:
    """The label of `value` (an enum member or its stored word) in the user's language."""
    key = (enum_name, str(value))
    label = _cache.get(key)
    if label is None:
        source = ENUMS.get(enum_name, {}).get(str(value))
        label = QCoreApplication.translate("Labels", source) if source else str(value)
        _cache[key] = label
    return label


def enum_choices(enum_name: str) -> list[tuple[str, str]]:
    """(stored word, label) pairs, in the enum's order."""
    return [(value, enum_label(enum_name, value)) for value in ENUMS[enum_name]]


def header(key: str) -> str:
    source = HEADERS.get(key)
    return QCoreApplication.translate("Headers", source) if source else key


def csv_column(key: str) -> str:
    """A CSV column (a field name such as `first_name`) in the window's language: the French
    labels of the CSV files in French, the list headers or the spelled-out name in English."""
    from crm.domain import csv_headers

    if QCoreApplication.translate("Labels", "en", "language code of this translation") == "fr":
        return csv_headers.FR_LABELS.get(key, key)
    if key in HEADERS:
        return header(key)
    return key.replace("_", " ").capitalize().replace("Uid", "UID")


def is_french() -> bool:
    """Whether the interface speaks French now (its translation says so)."""
    return QCoreApplication.translate("Labels", "en", "language code of this translation") == "fr"


def labelled(label: str, text: str) -> str:
    """The label, a colon and the text; French puts a no-break space before the colon."""
    return f"{label}\u00a0: {text}" if is_french() else f"{label}: {text}"
