"""The record lists: organizations, contacts, introductions, follow-ups and events.

Each names the record kinds its rows show (`shows`): a write that changed none of them
leaves the list as it is.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QMenu

from crm.domain.enums import FollowUpStatus
from crm.services import lists
from crm.ui import settings
from crm.ui.models.table import ListModel
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

    def empty_texts(self) -> tuple[str, str, list[tuple[str, str]]]:
        return (
            self.tr("No organizations yet"),
            self.tr("The companies, CROs, universities, hospitals, investors and foundations on both sides of the border: add the first one, import a spreadsheet, or try the desk with the demo data."),
            [("new", self.tr("New organization")), ("import", self.tr("Import a CSV file…")),
             ("demo", self.tr("Load the demo data"))],
        )  # fmt: skip


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

    def empty_texts(self) -> tuple[str, str, list[tuple[str, str]]]:
        return (
            self.tr("No contacts yet"),
            self.tr("The people you work with in Québec and Massachusetts, with their language and their consent to be shared with partners. Add one, import your address book (Excel, Outlook, Google), or load the demo data."),
            [("new", self.tr("New contact")), ("import", self.tr("Import a CSV file…")),
             ("demo", self.tr("Load the demo data"))],
        )  # fmt: skip


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

    def empty_texts(self) -> tuple[str, str, list[tuple[str, str]]]:
        return (
            self.tr("No introductions yet"),
            self.tr("An introduction brings a Québec party and a Massachusetts party together, from the proposal to the outcome, with both consents. Start the first one, or load the demo data."),
            [("new", self.tr("New introduction")), ("demo", self.tr("Load the demo data"))],
        )  # fmt: skip


def overdue(model: ListModel, row: int) -> str | None:
    """An open follow-up past its due date stands out ("alert": red and bold)."""
    due = model.value(row, "due_date")
    late = model.value(row, "status") == FollowUpStatus.OPEN and isinstance(due, date)
    return "alert" if late and due < date.today() else None


class FollowUpsPage(ListPage):
    """Overdue rows stand out; done and cancelled follow-ups are hidden unless "Show done"
    is ticked or the Status filter asks for them."""

    spec = lists.FOLLOWUPS
    shows = frozenset(("followup", "organization", "contact", "introduction", "event"))
    filter_defs = (
        FilterDef("status", QT_TRANSLATE_NOOP("Filters", "Status"), "enum:FollowUpStatus"),
        FilterDef("assignee_id", QT_TRANSLATE_NOOP("Filters", "Assignee"), "staff"),
        FilterDef("due", QT_TRANSLATE_NOOP("Filters", "Due"), "due", True),
    )

    def add_filter_widgets(self, bar: QHBoxLayout) -> None:
        self.model.emphasis = overdue
        self.show_done = QCheckBox(self, objectName="followupShowDone")
        self.show_done.toggled.connect(lambda _on: self.apply_filters())
        bar.addWidget(self.show_done)

    def page_title(self) -> str:
        return self.tr("Follow-ups")

    def empty_texts(self) -> tuple[str, str, list[tuple[str, str]]]:
        return (
            self.tr("No open follow-ups"),
            self.tr("Follow-ups are the next steps that keep introductions alive: who does what, by when. Done ones are hidden; tick “Show done” to see them."),
            [("new", self.tr("New follow-up"))],
        )  # fmt: skip

    def has_filters(self) -> bool:
        # Hiding the done ones is how the list starts, not a filter the user chose.
        query = self.model.query
        filters = dict(query.filters)
        if not self.show_done.isChecked() and self.filter_combos["status"].currentData() is None:
            filters.pop("status", None)
        return bool(query.text.strip()) or any(v not in (None, "") for v in filters.values())

    def retranslate(self) -> None:
        self.show_done.setText(self.tr("Show done"))
        self.show_done.setToolTip(self.tr("Also list the follow-ups done or cancelled"))
        super().retranslate()

    def filters(self) -> dict[str, Any]:
        chosen = super().filters()
        if not self.show_done.isChecked() and "status" not in chosen:
            chosen["status"] = FollowUpStatus.OPEN.value
        return chosen

    def filter_choices(self) -> dict[str, Any]:
        return {**super().filter_choices(), "show_done": self.show_done.isChecked() or None}

    def _restore_filters(self) -> None:
        super()._restore_filters()
        self._set_show_done(bool(settings.LIST_FILTERS.get(kind=self.kind).get("show_done")))

    def _set_show_done(self, on: bool) -> None:
        self.show_done.blockSignals(True)
        self.show_done.setChecked(on)
        self.show_done.blockSignals(False)

    def show_filtered(self, filters: dict[str, Any]) -> None:
        filters = dict(filters)
        self._set_show_done(bool(filters.pop("show_done", False)))
        super().show_filtered(filters)


class EventsPage(ListPage):
    spec = lists.EVENTS
    shows = frozenset(("event", "contact"))
    filter_defs = (FilterDef("kind", QT_TRANSLATE_NOOP("Filters", "Kind"), "enum:EventKind"),)

    def page_title(self) -> str:
        return self.tr("Events")

    def empty_texts(self) -> tuple[str, str, list[tuple[str, str]]]:
        return (
            self.tr("No events yet"),
            self.tr("Missions to Boston, delegations to Québec, conferences and joint activities, with their participants. Add the first one, or load the demo data."),
            [("new", self.tr("New event")), ("demo", self.tr("Load the demo data"))],
        )  # fmt: skip
