"""CSV words: the columns of each exchanged entity and their French labels (selected from the
field catalogue, `crm.domain.fields`), the header synonyms that files from Excel, Outlook,
Google Contacts and other CRMs use, dates. The words of the cells (values that mean the
same) are `crm.domain.value_words`'.

Plain Python (no SQLAlchemy, no Qt): the export writes the headers named here, the import
matches a file's headers against them case- and accent-insensitively.

Dates: ISO `YYYY-MM-DD` is always accepted; `dd/mm/yyyy` and `mm/dd/yyyy` are told apart only
when one part is above 12 (or both parts are equal); otherwise the date is *ambiguous* and
flagged, never guessed (`parse_day` returns the code "date.ambiguous").
"""

from __future__ import annotations

import re
from datetime import date

from crm.domain.fields import FILES, FR_HEADERS
from crm.domain.text import fold

__all__ = [
    "COLUMNS",
    "DEFAULT_COLUMNS",
    "FREE_TEXT",
    "FR_LABELS",
    "IMPORT_FIELDS",
    "SYNONYMS",
    "header_key",
    "label",
    "match_headers",
    "parse_day",
]

# Every column an export can write, per entity, in the order they are offered; the columns
# written when none are asked; what the import reads (besides `uid`, used to recognize this
# app's own files); the French headers. All selections from the field catalogue.
COLUMNS: dict[str, tuple[str, ...]] = {name: e.columns for name, e in FILES.items()}
DEFAULT_COLUMNS: dict[str, tuple[str, ...]] = {name: e.default_export for name, e in FILES.items()}
IMPORT_FIELDS: dict[str, tuple[str, ...]] = {
    name: e.import_fields for name, e in FILES.items() if e.import_fields
}
FR_LABELS: dict[str, str] = FR_HEADERS
# The columns of free text (notes, titles) per entity: they may name anyone, consent or not.
FREE_TEXT: dict[str, frozenset[str]] = {
    name: frozenset(f.name for f in e.fields if f.export and f.free_text)
    for name, e in FILES.items()
}


def label(field: str, lang: str) -> str:
    """The header of `field` in a file: the field name itself (en) or its French label (fr)."""
    return FR_LABELS.get(field, field) if lang == "fr" else field


# Header synonyms per import field, best first. Field names and French labels are added
# below. Outlook's "Title" is a courtesy title (Mr., Dr.): it ranks after "Job Title".
_SYNONYMS: dict[str, tuple[str, ...]] = {
    "uid": ("id", "uuid", "identifiant"),
    "full_name": ("name", "full name", "display name", "nom complet", "nom et prénom", "contact name"),
    "first_name": ("first name", "given name", "firstname", "prénom", "prenom"),
    "last_name": ("last name", "family name", "surname", "lastname", "nom de famille", "nom"),
    "email": (
        "email", "e-mail", "e-mail address", "email address", "e-mail 1 - value",
        "e-mail 1 value", "courriel", "adresse courriel", "adresse électronique",
        "adresse e-mail", "mail", "work email",
    ),
    "phone": (
        "phone", "business phone", "telephone", "téléphone", "phone 1 - value",
        "téléphone bureau", "work phone", "primary phone", "tel", "tél",
    ),
    "mobile": ("mobile", "mobile phone", "cell", "cellulaire", "portable", "cell phone", "phone 2 - value"),
    "title": (
        "job title", "organization 1 - title", "organization title", "position", "poste",
        "fonction", "titre", "title",
    ),
    "organization": (
        "organization", "organisation", "company", "entreprise", "société", "societe",
        "organization 1 - name", "organization name", "employer", "compagnie", "account name",
        "name of organization",
    ),
    "name": ("name", "organization", "organisation", "company", "entreprise", "nom", "raison sociale",
             "company name", "organization name", "nom de l'organisation", "member name"),
    "organization_uid": ("organization uid", "identifiant de l'organisation"),
    "city": ("city", "ville", "business city", "address 1 - city", "municipalité", "town"),
    "region": (
        "region", "province", "état", "etat", "state", "business state", "address 1 - region",
        "province ou état", "province/state", "state/province", "province / état",
    ),
    "postal_code": (
        "postal code", "code postal", "zip", "zip code", "business postal code",
        "address 1 - postal code", "postcode",
    ),
    "country": (
        "country", "pays", "country/region", "business country/region", "business country",
        "address 1 - country",
    ),
    "address": ("address", "adresse", "business street", "address 1 - street", "street", "rue"),
    "website": ("website", "web site", "site web", "site internet", "web page", "url", "website 1 - value"),
    "notes": ("notes", "note", "commentaires", "comments", "remarques"),
    "tags": ("tags", "étiquettes", "categories", "catégories", "group membership", "labels", "mots-clés"),
    "language": ("language", "langue", "preferred language", "langue de préférence"),
    "kind": ("kind", "type", "organization type", "type d'organisation", "secteur", "member type",
             "type de membre", "category", "catégorie", "company type", "type d'entreprise"),
    "membership": ("membership", "adhésion", "membre", "member of"),
    "territory": ("territory", "territoire"),
    "employees": ("employees", "employés", "nombre d'employés", "headcount"),
    "therapeutic_areas": ("therapeutic areas", "domaines thérapeutiques", "aires thérapeutiques"),
    "share_with_partners": ("share with partners", "consent", "consentement", "partage"),
    "consent_date": ("consent date", "date du consentement", "date de consentement"),
    "consent_source": ("consent source", "source du consentement"),
    "do_not_contact": ("do not contact", "ne pas contacter", "ne pas solliciter"),
    "event": ("event", "événement", "evenement", "event name", "activité"),
    "event_uid": ("event uid",),
    "contact": ("contact", "participant", "participant name", "nom du participant"),
    "contact_email": ("contact email", "courriel du contact", "email", "courriel", "e-mail"),
    "contact_uid": ("contact uid",),
    "role": ("role", "rôle"),
    "attended": ("attended", "présent", "present", "présence", "attendance"),
}  # fmt: skip


def header_key(text: str) -> str:
    """The compact fold headers are compared by: "E-mail Address" = "email address"."""
    return fold(text.replace("’", "'")).replace(" ", "")


def _synonyms() -> dict[str, dict[str, int]]:
    """Per entity: compact header -> rank by field."""
    table: dict[str, dict[str, int]] = {}
    for entity, fields in IMPORT_FIELDS.items():
        for field in fields:
            names = [field, field.replace("_", " "), FR_LABELS.get(field, field)]
            names += _SYNONYMS.get(field, ())
            ranks = table.setdefault(field + "@" + entity, {})
            for rank, name in enumerate(names):
                ranks.setdefault(header_key(name), rank)
    return table


SYNONYMS = _synonyms()


def match_headers(entity: str, headers: list[str]) -> dict[int, str]:
    """Column index -> field for the headers recognized; each field gets its best column.

    A header that is exactly a field name (this app's English export) or its French label
    wins; then the synonyms in their rank order. Unrecognized columns are left out.
    """
    fields = IMPORT_FIELDS[entity]
    keys = [header_key(h) for h in headers]
    best: dict[str, tuple[int, int]] = {}
    for index, key in enumerate(keys):
        if not key:
            continue
        if key == "title" and "jobtitle" in keys:  # Outlook: "Title" is Mr., Dr....
            continue
        for field in fields:
            rank = SYNONYMS[field + "@" + entity].get(key)
            if rank is None:
                continue
            if field not in best or rank < best[field][0]:
                best[field] = (rank, index)
    # One column feeds one field: on a clash the column stays with the field it ranks best for.
    by_column: dict[int, tuple[int, str]] = {}
    for field, (rank, index) in best.items():
        if index not in by_column or rank < by_column[index][0]:
            by_column[index] = (rank, field)
    mapping = {index: field for index, (_, field) in by_column.items()}
    # "Name" alone (Google, other CRMs) is a full name only when first/last names are absent.
    if entity == "contacts" and {"first_name", "last_name"} & set(mapping.values()):
        mapping = {i: f for i, f in mapping.items() if f != "full_name"}
    return dict(sorted(mapping.items()))


def field_for(entity: str, text: str) -> str | None:
    """The import field a user names in `--map Header=field` (a field name or a synonym)."""
    key = header_key(text)
    for field in IMPORT_FIELDS[entity]:
        if key == header_key(field) or key in SYNONYMS[field + "@" + entity]:
            return field
    return None


_ISO = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ].*)?")
_YMD = re.compile(r"(\d{4})[/.](\d{1,2})[/.](\d{1,2})")
_DMY = re.compile(r"(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})")


def parse_day(text: str) -> tuple[date | None, str]:
    """(date, "") or (None, code): code is "date.invalid" or "date.ambiguous".

    `dd/mm/yyyy` and `mm/dd/yyyy` read the same when both parts are 12 or less: such a
    date is ambiguous unless both parts are equal.
    """
    text = text.strip()
    if not text:
        return None, ""
    for pattern in (_ISO, _YMD):
        match = pattern.fullmatch(text)
        if match:
            try:
                return date(int(match[1]), int(match[2]), int(match[3])), ""
            except ValueError:
                return None, "date.invalid"
    match = _DMY.fullmatch(text)
    if not match:
        return None, "date.invalid"
    first, second, year = int(match[1]), int(match[2]), int(match[3])
    if first > 12 and second <= 12:
        day, month = first, second
    elif second > 12 and first <= 12:
        day, month = second, first
    elif first == second:
        day = month = first
    elif first <= 12 and second <= 12:
        return None, "date.ambiguous"
    else:
        return None, "date.invalid"
    try:
        return date(year, month, day), ""
    except ValueError:
        return None, "date.invalid"
