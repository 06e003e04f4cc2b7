"""The main window's pages: their names in sidebar order (`PAGES`), icons, classes, and
`PageSet`, which builds each page the first time it is asked for. Used by
`crm.ui.main_window.MainWindow`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

from crm.ui.pages.base import DeskPage
from crm.ui.pages.board import BoardPage
from crm.ui.pages.dashboard import DashboardPage
from crm.ui.pages.my_followups import MyFollowUpsPage
from crm.ui.pages.records import (
    ContactsPage,
    EventsPage,
    FollowUpsPage,
    IntroductionsPage,
    OrganizationsPage,
)
from crm.ui.pages.trash import TrashPage

PAGES = ("dashboard", "organizations", "contacts", "introductions", "board", "followups", "myfollowups",
         "events", "trash")  # fmt: skip
PAGE_ICONS = {"dashboard": "dashboard", "organizations": "organization", "contacts": "contact",
              "introductions": "introduction", "followups": "followup", "events": "event", "trash": "trash"}  # fmt: skip
PAGE_ICONS.update(board="introduction", myfollowups="followup")
# Each page's class; built as `cls(ctx, tasks, window)` when the page is first shown.
PAGE_CLASSES: dict[str, type[DeskPage]] = {
    "dashboard": DashboardPage,
    "organizations": OrganizationsPage,
    "contacts": ContactsPage,
    "introductions": IntroductionsPage,
    "followups": FollowUpsPage,
    "events": EventsPage,
    "trash": TrashPage,
    "board": BoardPage,
    "myfollowups": MyFollowUpsPage,
}


class PageSet:
    """The main window's pages by name, each built (and its module imported) on first access.

    `pages[name]` builds the page if needed; `built(name)` tells whether it exists;
    `values()`/`items()` give the pages built so far (a page not built yet has nothing to
    refresh or save).
    """

    def __init__(self, build: Callable[[str], DeskPage]) -> None:
        self._build = build
        self._pages: dict[str, DeskPage] = {}

    def __getitem__(self, name: str) -> DeskPage:
        page = self._pages.get(name)
        if page is None:
            if name not in PAGE_CLASSES:
                raise KeyError(name)
            page = self._pages[name] = self._build(name)
        return page

    def __contains__(self, name: object) -> bool:
        return name in PAGE_CLASSES

    def __iter__(self) -> Iterator[str]:
        return iter(PAGES)

    def __len__(self) -> int:
        return len(PAGES)

    def built(self, name: str) -> bool:
        return name in self._pages

    def get(self, name: str, default: DeskPage | None = None) -> DeskPage | None:
        return self._pages.get(name, default)

    def values(self) -> list[DeskPage]:
        return list(self._pages.values())

    def items(self) -> list[tuple[str, DeskPage]]:
        return list(self._pages.items())
