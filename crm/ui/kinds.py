"""The record kinds as the windows show them: per `EntityKind`, its icon and the page that
lists it, beside the services' registry (`crm.services.kinds`: model, service, list, CSV).

`SERVICES` is read from that registry on first use (it imports every record service and the
ORM models, which the window's first page does not need): `from crm.ui.kinds import
SERVICES` works as for any name.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from crm.domain.enums import EntityKind


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

ICONS: dict[str, str] = {kind: view.icon for kind, view in VIEWS.items()}
KIND_PAGE: dict[str, str] = {
    kind: view.page for kind, view in VIEWS.items() if view.page is not None
}

if TYPE_CHECKING:
    # The service of each kind a window edits, trashes and restores.
    SERVICES: dict[str, Any]


def __getattr__(name: str) -> Any:
    if name == "SERVICES":
        from crm.services.kinds import EDITED, KINDS

        services = {kind: KINDS[kind].service for kind in EDITED}
        globals()["SERVICES"] = services  # once: later lookups find it without this function
        return services
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
