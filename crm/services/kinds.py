"""The record-kind registry: for each `EntityKind`, its model, service, list and CSV file.

One place answers "what is a follow-up, and where is everything about it": the mapped model,
the `EntitySpec` that creates, edits and trashes it, the list that shows it (`crm.services.
lists`), the CSV entity its list exports, and the field a follow-up links it by. The windows
add their own parts (icon, page) in `crm.ui.kinds`, keyed the same way.

`EntityKind` is a `StrEnum`, so `KINDS["contact"]` finds the contact kind too.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from crm.db.models import (
    Contact,
    Event,
    EventParticipant,
    FollowUp,
    Interaction,
    Introduction,
    Organization,
    StaffUser,
)
from crm.domain.enums import EntityKind
from crm.services import (
    contacts,
    events,
    followups,
    interactions,
    introductions,
    lists,
    organizations,
    users,
)
from crm.services.listing import ListSpec


@dataclass(frozen=True)
class RecordKind:
    kind: EntityKind
    model: type[Any]
    service: Any  # a records.EntitySpec of `model`
    list: ListSpec | None = None
    # The CSV file the kind's list exports (an events list exports its participants).
    export: str | None = None
    # The field of a follow-up (and an interaction) that links a record of this kind.
    link_field: str | None = None


KINDS: dict[str, RecordKind] = {
    k.kind: k
    for k in (
        RecordKind(
            EntityKind.ORGANIZATION,
            Organization,
            organizations.service,
            lists.ORGANIZATIONS,
            "organizations",
            "organization_id",
        ),
        RecordKind(
            EntityKind.CONTACT,
            Contact,
            contacts.service,
            lists.CONTACTS,
            "contacts",
            "contact_id",
        ),
        RecordKind(
            EntityKind.INTRODUCTION,
            Introduction,
            introductions.service,
            lists.INTRODUCTIONS,
            "introductions",
            "introduction_id",
        ),
        RecordKind(EntityKind.FOLLOWUP, FollowUp, followups.service, lists.FOLLOWUPS, "followups"),
        RecordKind(
            EntityKind.EVENT, Event, events.service, lists.EVENTS, "participants", "event_id"
        ),
        RecordKind(EntityKind.INTERACTION, Interaction, interactions.service),
        RecordKind(EntityKind.PARTICIPANT, EventParticipant, events.participants),
        RecordKind(EntityKind.STAFF_USER, StaffUser, users.service),
    )
}

# The kinds a window opens in an editor (and the trash restores): records a person keeps.
EDITED = (
    EntityKind.ORGANIZATION,
    EntityKind.CONTACT,
    EntityKind.INTRODUCTION,
    EntityKind.FOLLOWUP,
    EntityKind.EVENT,
    EntityKind.INTERACTION,
)

# A follow-up serves a record of one of these kinds, by this field.
FOLLOWUP_LINKS: dict[str, str] = {
    kind: record.link_field for kind, record in KINDS.items() if record.link_field is not None
}


def service_of(kind: str) -> Any:
    """The `EntitySpec` of a record kind (KeyError for a word that names none)."""
    return KINDS[EntityKind(kind)].service
