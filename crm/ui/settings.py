"""Every setting the windows keep in `QSettings`, declared once with its default and type.

A `Key` reads back the type it declares (an INI file gives text back: "30", "true"), or its
default when the stored value is missing or unreadable, so no caller parses settings.
Keys with `{fields}` are families (one per list, one per dialog): `LIST_SORT.get(kind="contact")`.
The stored names are those earlier versions wrote: a user's layout survives an update.

Window and dialog geometry is saved one way: `save_geometry(widget, name)` when it closes,
`restore_geometry(widget, name)` when it is built (Anki's `saveGeom`/`restoreGeom`).

(Vorta's `store/settings.py` declares its settings the same way.)
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QByteArray, QSettings
from PySide6.QtWidgets import QWidget

from crm.domain.stage_rules import DEFAULT_STALLED_DAYS

T = TypeVar("T")


@dataclass(frozen=True)
class Key(Generic[T]):
    """One setting: its stored `name` (with `{fields}` for a family), default and type."""

    name: str
    default: T
    type: type

    def key(self, **fields: str) -> str:
        return self.name.format(**fields)

    def get(self, **fields: str) -> T:
        value = QSettings().value(self.key(**fields))
        if value is None:
            return self.default
        try:
            parsed: T = self._parse(value)
        except (TypeError, ValueError):
            return self.default
        return parsed

    def set(self, value: T, **fields: str) -> None:
        stored: Any = json.dumps(value) if self.type is dict else value
        QSettings().setValue(self.key(**fields), stored)

    def _parse(self, value: Any) -> Any:
        if self.type is bool:
            return str(value).lower() in ("true", "1")
        if self.type is int:
            return int(value)
        if self.type is str:
            return str(value)
        if self.type is list:  # an INI file gives a one-item list back as its item
            return [value] if isinstance(value, str) else list(value)
        if self.type is dict:
            found = json.loads(value) if value else {}
            if not isinstance(found, dict):
                raise ValueError("not a dict")
            return found
        if self.type is QByteArray:
            if not isinstance(value, QByteArray):
                raise TypeError("not a QByteArray")
            return value
        raise TypeError(self.type)


def _home() -> str:
    return str(Path.home())


#: The interface language ("fr", "en"; empty: the system's).
LANGUAGE: Key[str] = Key("language", "", str)
#: The theme: "system" (follow the system's light or dark), "light" or "dark".
THEME: Key[str] = Key("theme", "system", str)
#: The databases whose first-start question (demo or empty) was answered, by URL.
FIRST_START_CHOSEN: Key[list[str]] = Key("firstStart/chosen", [], list)
#: Who the user said they are, per database: {database URL: staff user name} (`--user` wins
#: for one session without changing it; a team database goes by the login, never stored).
IDENTITY: Key[dict[str, Any]] = Key("identity/by_database", {}, dict)
#: A window's or dialog's geometry (`save_geometry`/`restore_geometry`): `name` is "main",
#: "dialogs/<record kind>" or "dialogs/roster".
GEOMETRY: Key[QByteArray | None] = Key("{name}/geometry", None, QByteArray)
#: The board's stalled queue: open introductions without a stage change for this many days.
STALLED_DAYS: Key[int] = Key("board/stalled_days", DEFAULT_STALLED_DAYS, int)
#: The folder the delegation roster was last saved in.
ROSTER_FOLDER: Key[str] = Key("paths/roster", "", str)
# A record list's layout ("v2": the introductions list changed its column order; older
# layouts do not apply), per list kind.
LIST_HEADER: Key[QByteArray | None] = Key("lists/{kind}/v2/header", None, QByteArray)
LIST_FILTERS: Key[dict[str, Any]] = Key("lists/{kind}/v2/filters", {}, dict)
LIST_SORT: Key[str] = Key("lists/{kind}/v2/sort", "", str)
LIST_DESCENDING: Key[bool] = Key("lists/{kind}/v2/descending", False, bool)
#: Whether logging an interaction of this kind (call, email...) adds a next step: "on",
#: "off", or "" until the user chose (then calls, emails and meetings add one, notes not).
NEXT_STEP: Key[str] = Key("actions/{kind}/nextStep", "", str)


def roster_folder() -> str:
    return ROSTER_FOLDER.get() or _home()


def save_geometry(widget: QWidget, name: str) -> None:
    """Remember where and how big `widget` is, under `name` (see `GEOMETRY`)."""
    GEOMETRY.set(widget.saveGeometry(), name=name)


def restore_geometry(widget: QWidget, name: str) -> bool:
    """Put `widget` back where it was last closed; False when nothing was saved."""
    geometry = GEOMETRY.get(name=name)
    return geometry is not None and widget.restoreGeometry(geometry)
