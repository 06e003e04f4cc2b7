"""The closed vocabularies of the desk.

Each enum's value is the snake_case word stored in the database and written in CSV files;
labels for people live in the UI's translations.
"""

from __future__ import annotations

from enum import StrEnum


class Territory(StrEnum):
    QC = "QC"
    MA = "MA"
    OTHER = "OTHER"


class Membership(StrEnum):
    BIOQUEBEC = "bioquebec"
    MASSBIO = "massbio"
    BOTH = "both"
    NONE = "none"


class OrganizationKind(StrEnum):
    BIOTECH = "biotech"
    PHARMA = "pharma"
    MEDTECH = "medtech"
    CRO = "cro"
    CDMO = "cdmo"
    ACADEMIC = "academic"
    HOSPITAL = "hospital"
    INVESTOR = "investor"
    FOUNDATION = "foundation"
    GOVERNMENT = "government"
    ASSOCIATION = "association"
    SERVICE_PROVIDER = "service_provider"
    OTHER = "other"


class Language(StrEnum):
    FR = "fr"
    EN = "en"


class Consent(StrEnum):
    YES = "yes"
    NO = "no"
    UNKNOWN = "unknown"


class IntroductionPurpose(StrEnum):
    PARTNERSHIP = "partnership"
    CRO_SERVICES = "cro_services"
    INVESTMENT = "investment"
    LICENSING = "licensing"
    RD_COLLABORATION = "rd_collaboration"
    MARKET_ENTRY = "market_entry"
    TALENT = "talent"
    OTHER = "other"


class IntroductionStage(StrEnum):
    """Double opt-in stages, in workflow order."""

    PROPOSED = "proposed"
    ASKED = "asked"
    BOTH_AGREED = "both_agreed"
    INTRODUCED = "introduced"
    MEETING_HELD = "meeting_held"
    CLOSED = "closed"


class IntroductionOutcome(StrEnum):
    PARTNERSHIP = "partnership"
    CRO_CONTRACT = "cro_contract"
    INVESTMENT = "investment"
    LICENSING = "licensing"
    OTHER_WIN = "other_win"
    DECLINED = "declined"
    NO_FIT = "no_fit"
    STALLED = "stalled"

    @property
    def is_win(self) -> bool:
        return self not in (
            IntroductionOutcome.DECLINED,
            IntroductionOutcome.NO_FIT,
            IntroductionOutcome.STALLED,
        )


class FollowUpStatus(StrEnum):
    OPEN = "open"
    DONE = "done"
    CANCELLED = "cancelled"


class Priority(StrEnum):
    LOW = "low"
    NORMAL = "normal"
    HIGH = "high"


class EventKind(StrEnum):
    MISSION = "mission"
    DELEGATION = "delegation"
    CONFERENCE = "conference"
    JOINT_ACTIVITY = "joint_activity"
    WEBINAR = "webinar"
    MEETING = "meeting"


class InteractionKind(StrEnum):
    CALL = "call"
    EMAIL = "email"
    MEETING = "meeting"
    NOTE = "note"


class Role(StrEnum):
    """What a staff user may do: everything, the daily work, or only look."""

    ADMIN = "admin"
    STAFF = "staff"
    READ_ONLY = "read-only"

    @property
    def rank(self) -> int:
        return {"read-only": 0, "staff": 1, "admin": 2}[self.value]


class EntityKind(StrEnum):
    """The record kinds that follow-ups, interactions, the audit trail and search point at."""

    ORGANIZATION = "organization"
    CONTACT = "contact"
    INTRODUCTION = "introduction"
    FOLLOWUP = "followup"
    EVENT = "event"
    INTERACTION = "interaction"
    PARTICIPANT = "participant"
    STAFF_USER = "staff_user"
