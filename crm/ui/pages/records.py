"""The record lists: organizations, contacts, introductions, follow-ups and events.

Each names the record kinds its rows show (`shows`): a write that changed none of them
leaves the list as it is.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtWidgets import QMenu

from crm.services import lists
from crm.ui.pages.list_filters import FilterDef
from crm.ui.pages.lists import ListPage

TERRITORY = FilterDef("territory", QT_TRANSLATE_NOOP("Filters", "Territory"), "enum:Territory")
TAG = FilterDef("tag", QT_TRANSLATE_NOOP("Filters", "Tag"), "tag", True)


class OrganizationsPage(ListPage):
    spec = lists.ORGANIZATIONS
    shows = frozenset(("organization", "tag"))
    filter_defs = (
        TERRITORY,
        FilterDef("kind", QT_TRANSLATE_NOOP("Filters", "Kind"), "enum:OrganizationKind"),
        FilterDef(
            "membership", QT_TRANSLATE_NOOP("Filters", "Membership"), "enum:Membership", True
        ),
        TAG,
    )

    def page_title(self) -> str:
        return self.tr("Organizations")


class ContactsPage(ListPage):
    spec = lists.CONTACTS
    shows = frozenset(("contact", "organization", "tag"))
    filter_defs = (
        TERRITORY,
        FilterDef("language", QT_TRANSLATE_NOOP("Filters", "Language"), "enum:Language", True),
        TAG,
    )

    def page_title(self) -> str:
        return self.tr("Contacts")

    def fill_context_menu(self, menu: QMenu) -> None:
        super().fill_context_menu(menu)
        from crm.ui.dialogs import privacy  # built when the menu first opens

        found = self._current_record() if self.selected_rows() else None
        privacy.add_actions(self, menu, found[1] if found else None)


class IntroductionsPage(ListPage):
    spec = lists.INTRODUCTIONS
    shows = frozenset(("introduction", "contact", "organization"))
    filter_defs = (
        FilterDef("stage", QT_TRANSLATE_NOOP("Filters", "Stage"), "enum:IntroductionStage", True),
        FilterDef("owner_id", QT_TRANSLATE_NOOP("Filters", "Owner"), "staff"),
        FilterDef("outcome", QT_TRANSLATE_NOOP("Filters", "Outcome"), "enum:IntroductionOutcome"),
    )

    def page_title(self) -> str:
        return self.tr("Introductions")


class FollowUpsPage(ListPage):
    spec = lists.FOLLOWUPS
    shows = frozenset(("followup", "organization", "contact", "introduction", "event"))
    filter_defs = (
        FilterDef("status", QT_TRANSLATE_NOOP("Filters", "Status"), "enum:FollowUpStatus"),
        FilterDef("assignee_id", QT_TRANSLATE_NOOP("Filters", "Assignee"), "staff"),
        FilterDef("due", QT_TRANSLATE_NOOP("Filters", "Due"), "due", True),
    )

    def page_title(self) -> str:
        return self.tr("Follow-ups")


class EventsPage(ListPage):
    spec = lists.EVENTS
    shows = frozenset(("event", "contact"))
    filter_defs = (FilterDef("kind", QT_TRANSLATE_NOOP("Filters", "Kind"), "enum:EventKind"),)

    def page_title(self) -> str:
        return self.tr("Events")
