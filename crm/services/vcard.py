"""Contacts as vCards both ways, through the `vobject` library.

Written: vCard 3.0 (RFC 2426), the version Outlook, Apple, Google and phones all read, UTF-8,
CRLF, one card per contact: N and FN, ORG, TITLE, EMAIL, TEL (work and cell), a work ADR with
city, region and country, and the contact's uid as UID so a newer file updates the same
cards. The rows are the contacts export's (`crm.services.export_columns.select`), so the
consent rule of partner files applies to vCards as well.

Read: vCard 3.0 and 4.0 (what phones export), turned into the columns the contacts import
reads, so a .vcf file gets the same dry run, duplicate rules, all-or-nothing and undo as a CSV
file. Several emails: the preferred (or first) one is the email, the others go to the notes;
phones: the first cell number is the mobile, the first other number the phone, the rest go to
the notes. A card's line number is where its BEGIN:VCARD stands.
"""

from __future__ import annotations

import re
import uuid
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Any

from crm.domain.errors import coded

# The contacts export's columns a vCard carries (free-text notes stay out of partner files).
COLUMNS = (
    "uid", "first_name", "last_name", "email", "phone", "mobile", "title", "organization",
    "city", "region", "country",
)  # fmt: skip
# The import's columns for what a card holds.
HEADERS = (*COLUMNS, "notes")
_BEGIN = re.compile(r"^BEGIN:VCARD\s*$", re.IGNORECASE)
_END = re.compile(r"^END:VCARD\s*$", re.IGNORECASE)


def looks_like_vcard(text: str) -> bool:
    first = text.lstrip("\ufeff \t\r\n").partition("\n")[0]
    return bool(_BEGIN.match(first.strip()))


def write(
    path: Path,
    rows: Iterable[Sequence[Any]],
    columns: Sequence[str],
    *,
    tick: Callable[[int], None] = lambda _count: None,
) -> int:
    """Write one vCard 3.0 per row (rows carry `columns`, which hold `COLUMNS`); `tick` is
    told the count every 5,000 rows and at the end (progress, and a cancel raised there)."""
    import vobject

    where = {name: i for i, name in enumerate(columns)}
    count = 0
    with path.open("w", encoding="utf-8", newline="") as handle:
        for row in rows:
            values = {name: (row[i] or "") for name, i in where.items()}
            handle.write(_card(vobject, values).serialize())
            count += 1
            if count % 5000 == 0:
                tick(count)
    tick(count)
    return count


def _card(vobject: Any, values: dict[str, str]) -> Any:
    card = vobject.vCard()
    first, last = values.get("first_name", ""), values.get("last_name", "")
    card.add("n").value = vobject.vcard.Name(family=last, given=first)
    # FN is required; a person known only by an address still gets a shown name.
    card.add("fn").value = " ".join(p for p in (first, last) if p) or values.get("email", "")
    if values.get("organization"):
        card.add("org").value = [values["organization"]]
    if values.get("title"):
        card.add("title").value = values["title"]
    if values.get("email"):
        email = card.add("email")
        email.value = values["email"]
        email.type_param = "INTERNET"
    for column, kind in (("phone", "WORK"), ("mobile", "CELL")):
        if values.get(column):
            tel = card.add("tel")
            tel.value = values[column]
            tel.type_param = kind
    if any(values.get(c) for c in ("city", "region", "country")):
        adr = card.add("adr")
        adr.value = vobject.vcard.Address(
            city=values.get("city", ""),
            region=values.get("region", ""),
            country=values.get("country", ""),
        )
        adr.type_param = "WORK"
    if values.get("uid"):
        card.add("uid").value = values["uid"]
    return card


# --- reading ---------------------------------------------------------------------------------


def _blocks(text: str, name: str) -> Iterable[tuple[int, str]]:
    """Each card's text with the line its BEGIN:VCARD is on."""
    lines = text.splitlines()
    start: int | None = None
    for number, line in enumerate(lines, start=1):
        if _BEGIN.match(line):
            if start is not None:
                raise coded("vcard.unreadable", file=name, line=start, detail="no END:VCARD")
            start = number
        elif _END.match(line):
            if start is None:
                raise coded("vcard.unreadable", file=name, line=number, detail="END without BEGIN")
            yield start, "\r\n".join(lines[start - 1 : number]) + "\r\n"
            start = None
    if start is not None:
        raise coded("vcard.unreadable", file=name, line=start, detail="no END:VCARD")


def _types(line: Any) -> set[str]:
    found: set[str] = set()
    for value in line.params.get("TYPE", []):
        found.update(t.strip().lower() for t in str(value).split(","))
    return found


def _text(value: Any) -> str:
    if isinstance(value, list):
        return " ".join(str(v) for v in value if v).strip()
    return str(value or "").strip()


def _uid(value: str) -> str:
    """The card's UID when it is one of ours (a UUID, bare or as urn:uuid:), else ""."""
    text = value.strip().removeprefix("urn:uuid:")
    try:
        return str(uuid.UUID(text))
    except ValueError:
        return ""  # a phone's own identifier means nothing to the desk


def _row(card: Any) -> list[str]:
    values = dict.fromkeys(HEADERS, "")
    contents = card.contents
    if "n" in contents:
        name = contents["n"][0].value
        if isinstance(name, str):  # a card whose N the library left as text
            family, _, rest = name.partition(";")
            name_given = rest.partition(";")[0]
        else:
            family, name_given = _text(name.family), _text(name.given)
        values["first_name"], values["last_name"] = name_given, family
    if not (values["first_name"] or values["last_name"]) and "fn" in contents:
        first, _, last = _text(contents["fn"][0].value).rpartition(" ")
        values["first_name"], values["last_name"] = (first, last) if first else (last, "")
    if "org" in contents:
        org = contents["org"][0].value
        values["organization"] = _text(org[0] if isinstance(org, list) and org else org)
    if "title" in contents:
        values["title"] = _text(contents["title"][0].value)
    notes: list[str] = []
    emails = contents.get("email", [])
    preferred = sorted(
        emails, key=lambda e: not ("pref" in _types(e) or "PREF" in e.params)
    )  # stable: the first preferred, else the first
    if preferred:
        values["email"] = _text(preferred[0].value)
        others = [_text(e.value) for e in preferred[1:] if _text(e.value)]
        if others:
            notes.append("Other emails: " + ", ".join(others))
    extra_phones: list[str] = []
    for tel in contents.get("tel", []):
        number = _text(tel.value).removeprefix("tel:")
        column = "mobile" if "cell" in _types(tel) else "phone"
        if number and not values[column]:
            values[column] = number
        elif number:
            extra_phones.append(number)
    if extra_phones:
        notes.append("Other phones: " + ", ".join(extra_phones))
    if "adr" in contents:
        adr = contents["adr"][0].value
        if not isinstance(adr, str):
            values["city"], values["region"] = _text(adr.city), _text(adr.region)
            values["country"] = _text(adr.country)
    if "uid" in contents:
        values["uid"] = _uid(_text(contents["uid"][0].value))
    if "note" in contents:
        notes.append(_text(contents["note"][0].value))
    values["notes"] = "\n".join(n for n in notes if n)
    return [values[h] for h in HEADERS]


def read(text: str, name: str) -> tuple[list[str], list[tuple[int, list[str]]]]:
    """The cards of a .vcf file as the contacts import's header and records."""
    import vobject

    records: list[tuple[int, list[str]]] = []
    for line, block in _blocks(text, name):
        try:
            card = vobject.readOne(block, ignoreUnreadable=True)
        except Exception as exc:  # vobject raises its own ParseError and ValueErrors
            raise coded("vcard.unreadable", file=name, line=line, detail=str(exc)) from exc
        records.append((line, _row(card)))
    if not records:
        raise coded("vcard.no_cards", file=name)
    return list(HEADERS), records
