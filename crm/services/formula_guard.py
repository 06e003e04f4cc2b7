"""The formula-injection guard of the files the desk writes for spreadsheets (CSV).

A cell beginning with `=`, `+`, `-`, `@`, tab or carriage return gets a leading apostrophe,
so a spreadsheet shows it as text and runs nothing. The one exemption is a phone column
(`phone`, `mobile`) whose cell is only a phone number ("+1 514-555-0123", ASCII digits,
spaces, dots, parentheses, hyphens, an "ext. 123" suffix): such a cell calls no function and
reaches nothing, and partners need the "+" readable. The import removes the apostrophe
again, so an exported file re-imports unchanged.

`neutralize` guards one cell (the rejects file); `guard_page` a page of an export's rows,
the columns that can hold free text, at almost no cost per cell (a test checks that it
always agrees with `neutralize`, on generated text).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from operator import itemgetter
from typing import Any

__all__ = ["PHONE_COLUMNS", "TRIGGERS", "guard_page", "neutralize"]

TRIGGERS = ("=", "+", "-", "@", "\t", "\r")
PHONE_COLUMNS = frozenset({"phone", "mobile"})
# What a phone number is made of: ASCII digits and spacing only.
_PHONE = r"\+?[0-9 \t\n\r\f\v().-]+(?: ext\. [0-9]{1,6})?"
_PHONE_ONLY = re.compile(_PHONE)
# A page's cells joined (see guard_page): a cell that needs the apostrophe follows a
# separator and begins with a trigger (and is not a whole phone number).
_SEP = "\x1e"
_TRIGGER = "[" + re.escape("".join(TRIGGERS)) + "]"
_UNSAFE = re.compile(_SEP + _TRIGGER)
_UNSAFE_PHONE = re.compile(f"{_SEP}(?!{_PHONE}{_SEP}){_TRIGGER}")


def neutralize(text: str, column: str = "") -> str:
    """`text` made safe for a spreadsheet: a leading apostrophe before a formula trigger."""
    if text and text.startswith(TRIGGERS):
        if column in PHONE_COLUMNS and _PHONE_ONLY.fullmatch(text):
            return text
        return "'" + text
    return text


def guard_page(
    page: list[Sequence[Any]], columns: Sequence[int], names: Sequence[str]
) -> list[Sequence[Any]]:
    """`page` (rows of text or None) with `neutralize` applied to the cells of `columns`
    (their indexes; `names` gives each index's column name), rows copied only where a cell
    changes.

    Each column of the page is first searched at once, in C: its cells joined by a
    separator, one regular expression finds a cell that `neutralize` would change (one
    that begins with a trigger and, in a phone column, is not a phone number). On most
    pages of most columns there is none and no cell is looked at from Python; otherwise,
    or when a cell holds the separator itself, that column's cells are checked one by one.
    """
    for i in columns:
        name = names[i]
        present = list(filter(None, map(itemgetter(i), page)))
        joined = _SEP + _SEP.join(present) + _SEP
        unsafe = _UNSAFE_PHONE if name in PHONE_COLUMNS else _UNSAFE
        if joined.count(_SEP) == len(present) + 1 and not unsafe.search(joined):
            continue
        for k, row in enumerate(page):
            cell = row[i]
            if cell and (safe := neutralize(cell, name)) != cell:
                changed = list(row)
                changed[i] = safe
                page[k] = changed
    return page
