"""Labels for people: column headers and the closed vocabularies, in the user's language.

The English source texts live in the Qt-free domain, marked for `pyside6-lupdate`: the
closed vocabularies in crm/domain/labels.py, the list headers in crm/domain/fields.py (the
field catalogue); `enum_label` and `header` translate them when asked (after a language
change too).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication

from crm.domain import labels as domain_labels
from crm.domain.fields import LIST_HEADERS

# The closed vocabularies' English labels, written once (crm/domain/labels.py), translated
# here in the "Labels" context.
ENUMS: dict[str, dict[str, str]] = domain_labels.ENUMS

# The list columns' English headers, by field name: the field catalogue's (translated in the
# "Headers" context, where crm/domain/fields.py marks them).
HEADERS: dict[str, str] = LIST_HEADERS

_cache: dict[tuple[str, str], str] = {}


def clear_cache() -> None:
    """Forget translated labels (call after the language changed)."""
    _cache.clear()


def enum_label(enum_name: str, value: Any) -> str:
    """The label of `value` (an enum member or its stored word) in the user's language."""
    key = (enum_name, str(value))
    label = _cache.get(key)
    if label is None:
        source = ENUMS.get(enum_name, {}).get(str(value))
        label = QCoreApplication.translate("Labels", source) if source else str(value)
        _cache[key] = label
    return label


def enum_choices(enum_name: str) -> list[tuple[str, str]]:
    """(stored word, label) pairs, in the enum's order."""
    return [(value, enum_label(enum_name, value)) for value in ENUMS[enum_name]]


def header(key: str) -> str:
    source = HEADERS.get(key)
    return QCoreApplication.translate("Headers", source) if source else key


def csv_column(key: str) -> str:
    """A CSV column (a field name such as `first_name`) in the window's language: the French
    labels of the CSV files in French, the list headers or the spelled-out name in English."""
    from crm.domain import csv_headers

    if is_french():
        return csv_headers.FR_LABELS.get(key, key)
    if key in HEADERS:
        return header(key)
    return key.replace("_", " ").capitalize().replace("Uid", "UID")


def is_french() -> bool:
    """Whether the interface speaks French now (its translation says so)."""
    return QCoreApplication.translate("Labels", "en", "language code of this translation") == "fr"


def labelled(label: str, text: str) -> str:
    """The label, a colon and the text; French puts a no-break space before the colon."""
    return f"{label}\u00a0: {text}" if is_french() else f"{label}: {text}"
