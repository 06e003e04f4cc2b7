"""A list page's filter combo boxes: `FilterDef` (what a combo filters on), the choices each
kind of combo offers, and the service filters the chosen values make. Used by `ListPage`
(crm.ui.pages.lists) and the pages that declare their filters.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QComboBox

from crm.services import staff, tags
from crm.ui import labels

if TYPE_CHECKING:
    from crm.ui.context import DeskContext


@dataclass(frozen=True)
class FilterDef:
    """A filter combo box: `source` is `enum:<Name>`, `staff`, `due` or `tag`.

    `feminine` picks the French "Toutes" over "Tous" for its "All" choice.
    """

    key: str
    label: str  # English source text in the "Filters" translation context
    source: str
    feminine: bool = False


DUE_CHOICES = ("overdue", "today", "week", "month")


def due_range(choice: str, today: date) -> dict[str, date]:
    if choice == "overdue":
        return {"due_to": today - timedelta(days=1)}
    if choice == "today":
        return {"due_from": today, "due_to": today}
    if choice == "week":
        return {"due_from": today, "due_to": today + timedelta(days=7)}
    if choice == "month":
        return {"due_from": today, "due_to": today + timedelta(days=30)}
    return {}


def fill_combo(combo: QComboBox, fdef: FilterDef, ctx: DeskContext, kind: str) -> None:
    """Fill a filter combo with "All" and its choices, keeping the current choice."""
    current = combo.currentData()
    combo.blockSignals(True)
    combo.clear()
    combo.addItem(
        QCoreApplication.translate("ListPage", "All", "feminine")
        if fdef.feminine
        else QCoreApplication.translate("ListPage", "All"),
        None,
    )
    if fdef.source.startswith("enum:"):
        for value, text in labels.enum_choices(fdef.source[5:]):
            combo.addItem(text, value)
    elif fdef.source == "staff":
        with ctx.db.read() as session:
            for user_id, name in staff.choices(session):
                combo.addItem(name, user_id)
    elif fdef.source == "due":
        texts = (
            QCoreApplication.translate("ListPage", "Overdue"),
            QCoreApplication.translate("ListPage", "Today"),
            QCoreApplication.translate("ListPage", "Next 7 days"),
            QCoreApplication.translate("ListPage", "Next 30 days"),
        )
        for value, text in zip(DUE_CHOICES, texts, strict=True):
            combo.addItem(text, value)
    elif fdef.source == "tag":
        with ctx.db.read() as session:
            for name in tags.choices(session, kind):
                combo.addItem(name, name)
        if current is not None and combo.findData(current) < 0:
            combo.addItem(str(current), current)  # a remembered tag no longer in use
    found = combo.findData(current)
    combo.setCurrentIndex(max(found, 0))
    combo.blockSignals(False)


def values(
    filter_defs: Iterable[FilterDef], combos: Mapping[str, QComboBox], today: date
) -> dict[str, Any]:
    """The service filters the combos choose (a due choice as a date range)."""
    chosen: dict[str, Any] = {}
    for fdef in filter_defs:
        value = combos[fdef.key].currentData()
        if value is None:
            continue
        if fdef.source == "due":
            chosen.update(due_range(value, today))
        else:
            chosen[fdef.key] = value
    return chosen


def restore(
    filter_defs: Iterable[FilterDef], combos: Mapping[str, QComboBox], chosen: Mapping[str, Any]
) -> None:
    """Choose the remembered values again (a tag no longer in use is offered all the same)."""
    sources = {f.key: f.source for f in filter_defs}
    for key, value in chosen.items():
        combo = combos.get(key)
        if combo is None:
            continue
        found = combo.findData(value)
        if found < 0 and sources.get(key) == "tag" and isinstance(value, str):
            combo.addItem(value, value)
            found = combo.count() - 1
        if found >= 0:
            combo.blockSignals(True)
            combo.setCurrentIndex(found)
            combo.blockSignals(False)
