"""English labels of the closed vocabularies (stored word -> label), written once.

The window translates them (`crm/ui/labels.py`, context "Labels"; `QT_TRANSLATE_NOOP` below
is only the mark pyside6-lupdate reads, as in crm/domain/messages.py, and keeps this module
Qt-free); the command line prints them as they are: "Biotech · Montréal", not
"biotech · Montréal".
"""

from __future__ import annotations


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # the name lupdate knows
    """Mark `text` for translation in `context`; returns it as it is."""
    return text


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
    "Role": {
        "admin": QT_TRANSLATE_NOOP("Labels", "Admin"),
        "staff": QT_TRANSLATE_NOOP("Labels", "Staff"),
        "read-only": QT_TRANSLATE_NOOP("Labels", "Read-only"),
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


# A search subtitle's words, by the enums of the kinds that put them there.
_SUBTITLE_ENUMS = (
    "OrganizationKind", "IntroductionStage", "IntroductionPurpose", "EventKind",
    "InteractionKind", "FollowUpStatus", "Priority",
)  # fmt: skip
_WORDS = {value: label for name in _SUBTITLE_ENUMS for value, label in ENUMS[name].items()}


def kind_label(kind: str) -> str:
    return ENUMS["EntityKind"].get(kind, kind)


def subtitle(text: str) -> str:
    """A search subtitle ("biotech · Montréal") with its stored words labelled."""
    return " · ".join(_WORDS.get(part, part) for part in text.split(" · "))
