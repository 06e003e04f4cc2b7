"""English labels of the stored words people read in the command line's output.

The window translates the same words (`crm/ui/labels.py`; a test checks they agree); the
command line prints these: "Biotech · Montréal", not "biotech · Montréal".
"""

from __future__ import annotations

ENGLISH: dict[str, dict[str, str]] = {
    "OrganizationKind": {
        "biotech": "Biotech",
        "pharma": "Pharma",
        "medtech": "Medtech",
        "cro": "CRO",
        "cdmo": "CDMO",
        "academic": "Academic",
        "hospital": "Hospital",
        "investor": "Investor",
        "foundation": "Foundation",
        "government": "Government",
        "association": "Association",
        "service_provider": "Service provider",
        "other": "Other",
    },
    "IntroductionStage": {
        "proposed": "Proposed",
        "asked": "Asked",
        "both_agreed": "Both agreed",
        "introduced": "Introduced",
        "meeting_held": "Meeting held",
        "closed": "Closed",
    },
    "IntroductionPurpose": {
        "partnership": "Partnership",
        "cro_services": "CRO services",
        "investment": "Investment",
        "licensing": "Licensing",
        "rd_collaboration": "R&D collaboration",
        "market_entry": "Market entry",
        "talent": "Talent",
        "other": "Other",
    },
    "EventKind": {
        "mission": "Mission",
        "delegation": "Delegation",
        "conference": "Conference",
        "joint_activity": "Joint activity",
        "webinar": "Webinar",
        "meeting": "Meeting",
    },
    "InteractionKind": {
        "call": "Call",
        "email": "Email",
        "meeting": "Meeting",
        "note": "Note",
    },
    "FollowUpStatus": {
        "open": "Open",
        "done": "Done",
        "cancelled": "Cancelled",
    },
    "Priority": {
        "low": "Low",
        "normal": "Normal",
        "high": "High",
    },
    "EntityKind": {
        "organization": "Organization",
        "contact": "Contact",
        "introduction": "Introduction",
        "followup": "Follow-up",
        "event": "Event",
        "interaction": "Interaction",
        "participant": "Participant",
        "staff_user": "Staff user",
    },
}

# A search subtitle's words, by the enums of the kinds that put them there.
_WORDS = {
    value: label for name, values in ENGLISH.items() if name != "EntityKind"
    for value, label in values.items()
}  # fmt: skip


def kind_label(kind: str) -> str:
    return ENGLISH["EntityKind"].get(kind, kind)


def subtitle(text: str) -> str:
    """A search subtitle ("biotech · Montréal") with its stored words labelled."""
    return " · ".join(_WORDS.get(part, part) for part in text.split(" · "))
