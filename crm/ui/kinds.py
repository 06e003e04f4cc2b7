"""The record kinds the windows show: their service, icon and list."""

from __future__ import annotations

from typing import Any

from crm.services import contacts, events, followups, interactions, introductions, organizations

SERVICES: dict[str, Any] = {
    "organization": organizations.service,
    "contact": contacts.service,
    "introduction": introductions.service,
    "followup": followups.service,
    "event": events.service,
    "interaction": interactions.service,
}

ICONS = {
    "organization": "organization",
    "contact": "contact",
    "introduction": "introduction",
    "followup": "followup",
    "event": "event",
    "interaction": "followup",
}
