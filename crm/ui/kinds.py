"""The record kinds as the windows show them: per `EntityKind`, its icon and the page that
lists it, beside the services' registry (`crm.services.kinds`: model, service, list, CSV)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from crm.domain.enums import EntityKind
from crm.services.kinds import EDITED, KINDS


@dataclass(frozen=True)
class KindView:
    icon: str  # an icon name of resources/icons
    page: str | None = None  # the page that lists the kind


VIEWS: dict[str, KindView] = {
    EntityKind.ORGANIZATION: KindView("organization", "organizations"),
    EntityKind.CONTACT: KindView("contact", "contacts"),
    EntityKind.INTRODUCTION: KindView("introduction", "introductions"),
    EntityKind.FOLLOWUP: KindView("followup", "followups"),
    EntityKind.EVENT: KindView("event", "events"),
    EntityKind.INTERACTION: KindView("followup"),
}

# The kinds a record page shows (`crm.ui.pages.record_page`); the others open in an editor.
PAGE_KINDS = ("organization", "contact", "introduction", "event")

# The service of each kind a window edits, trashes and restores.
SERVICES: dict[str, Any] = {kind: KINDS[kind].service for kind in EDITED}
ICONS: dict[str, str] = {kind: view.icon for kind, view in VIEWS.items()}
KIND_PAGE: dict[str, str] = {
    kind: view.page for kind, view in VIEWS.items() if view.page is not None
}
