"""The main window's pages: their names in sidebar order (`PAGES`), icons, classes, and
`PageSet`, which builds each page the first time it is asked for. Used by
`crm.ui.main_window.MainWindow`.

A page's module is imported when the page is first built (`page_class`): each pulls in the
services it reads (the board its stages, the dashboard its counts...), which the first page
shown should not wait for.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterator

from crm.ui.pages.base import DeskPage

PAGES = ("dashboard", "organizations", "contacts", "introductions", "board", "followups", "myfollowups",
         "events", "trash")  # fmt: skip
PAGE_ICONS = {"dashboard": "dashboard", "organizations": "organization", "contacts": "contact",
              "introductions": "introduction", "followups": "followup", "events": "event", "trash": "trash"}  # fmt: skip
PAGE_ICONS.update(board="introduction", myfollowups="followup")
# Each page's class, as "module:Class"; built as `cls(ctx, tasks, window)` when first shown.
PAGE_CLASSES: dict[str, str] = {
    "dashboard": "crm.ui.pages.dashboard:DashboardPage",
    "organizations": "crm.ui.pages.records:OrganizationsPage",
    "contacts": "crm.ui.pages.records:ContactsPage",
    "introductions": "crm.ui.pages.records:IntroductionsPage",
    "followups": "crm.ui.pages.records:FollowUpsPage",
    "events": "crm.ui.pages.records:EventsPage",
    "trash": "crm.ui.pages.trash:TrashPage",
    "board": "crm.ui.pages.board:BoardPage",
    "myfollowups": "crm.ui.pages.my_followups:MyFollowUpsPage",
}


def page_class(name: str) -> type[DeskPage]:
    """The class of the page `name`, its module imported on the first call."""
    module, _, cls = PAGE_CLASSES[name].partition(":")
    found: type[DeskPage] = getattr(importlib.import_module(module), cls)
    return found


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
