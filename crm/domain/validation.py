"""Value rules for what staff type or import: emails, phones, postal codes, websites, regions.

Each `normalize_*` returns the canonical form of a value, "" for a blank one (whether a field
is required is decided by the caller, see `require`), or raises `ValidationFailed` with one
`Issue` whose code the UI translates.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import NoReturn
from urllib.parse import urlsplit

from crm.domain.enums import Territory
from crm.domain.errors import Issue, ValidationFailed
from crm.domain.text import fold

__all__ = [
    "CANADIAN_REGIONS",
    "US_REGIONS",
    "Phone",
    "normalize_email",
    "normalize_phone",
    "normalize_postal_code",
    "normalize_website",
    "parse_phone",
    "region_code",
    "require",
    "territory_from_region",
    "website_domain",
]


def _fail(field: str, code: str, message: str, **params: str) -> NoReturn:
    raise ValidationFailed([Issue(field, code, f"{field}: {message}", params)])


def require(value: str | None, field: str) -> str:
    """Return `value` trimmed, or raise code "required" when it is blank."""
    text = (value or "").strip()
    if not text:
        _fail(field, "required", "a value is required")
    return text


# ---------------------------------------------------------------------------------- domains


def _valid_host(host: str) -> bool:
    """Whether `host` (lowercase) is a dotted DNS name with a 2+ letter top-level label."""
    labels = host.split(".")
    if len(labels) < 2 or len(host) > 253:
        return False
    for label in labels:
        # isalnum accepts accented letters, so internationalized names such as
        # "université.ca" pass without a punycode round trip.
        if not label or len(label) > 63 or label[0] == "-" or label[-1] == "-":
            return False
        # Letters, digits and hyphens only (the label is not all hyphens: it starts otherwise).
        if not label.replace("-", "").isalnum():
            return False
    tld = labels[-1]
    # Punycode top-level labels ("xn--p1ai") hold digits and hyphens yet are real.
    return tld.startswith("xn--") or (len(tld) >= 2 and tld.isalpha())


# ----------------------------------------------------------------------------------- email


def normalize_email(value: str | None, field: str = "email") -> str:
    """Return the address trimmed with its domain lowercased; the local part stays as typed."""
    text = (value or "").strip()
    if not text:
        return ""
    local, at, domain = text.partition("@")
    # Some mail servers treat the local part case-sensitively, so only the domain is lowered.
    domain = domain.lower()
    if (
        not at
        or not local
        or "@" in domain
        or any(c.isspace() or c in '<>()[],;:"' for c in local)
        or not _valid_host(domain)
    ):
        _fail(field, "email.invalid", f"'{text}' is not a valid email address", value=text)
    return f"{local}@{domain}"


# ----------------------------------------------------------------------------------- phone


@dataclass(frozen=True)
class Phone:
    """A parsed phone number: `display` for people, `digits` for matching and dialing."""

    display: str
    digits: str


# The extension is cut off first so its digits never count toward the number's length.
_EXTENSION = re.compile(r"[\s,;]*(?:ext\.?|extension|x|poste|p\.|#)\s*(\d{1,6})\s*$", re.IGNORECASE)
_PHONE_CHARS = re.compile(r"[\d\s.()/+-]+")


def parse_phone(value: str | None, field: str = "phone") -> Phone | None:
    """Parse a North American or "+"-prefixed international number; None when blank."""
    text = " ".join((value or "").split())
    if not text:
        return None

    def invalid() -> NoReturn:
        _fail(field, "phone.invalid", f"'{text}' is not a valid phone number", value=text)

    main, ext = text, ""
    match = _EXTENSION.search(text)
    if match:
        main, ext = text[: match.start()].strip(), match.group(1)
    # "+" is allowed only in front; letters (other than the extension words) are refused.
    if not _PHONE_CHARS.fullmatch(main) or "+" in main[1:]:
        invalid()
    digits = re.sub(r"\D", "", main)
    ext_display, ext_digits = (f" ext. {ext}", f"x{ext}") if ext else ("", "")

    if main.startswith("+") and not digits.startswith("1"):
        if not 7 <= len(digits) <= 15:
            invalid()
        return Phone(main + ext_display, f"+{digits}{ext_digits}")

    if len(digits) == 11 and digits[0] == "1":
        digits = digits[1:]
    # North American area codes and exchanges never start with 0 or 1.
    if len(digits) != 10 or digits[0] in "01" or digits[3] in "01":
        invalid()
    display = f"+1 {digits[:3]}-{digits[3:6]}-{digits[6:]}"
    return Phone(display + ext_display, f"1{digits}{ext_digits}")


def normalize_phone(value: str | None, field: str = "phone") -> str:
    """Return the phone's display form, or "" when blank."""
    phone = parse_phone(value, field)
    return phone.display if phone else ""


# ------------------------------------------------------------------------------ regions


def _names(table: dict[str, tuple[str, ...]]) -> dict[str, str]:
    """Index codes and names by their compact fold, so "C.-B." and "cb" meet."""
    index: dict[str, str] = {}
    for code, names in table.items():
        for name in (code, *names):
            index[fold(name).replace(" ", "")] = code
    return index


CANADIAN_REGIONS: dict[str, tuple[str, ...]] = {
    "AB": ("Alberta", "Alta."),
    "BC": ("British Columbia", "Colombie-Britannique", "C.-B."),
    "MB": ("Manitoba", "Man."),
    "NB": ("New Brunswick", "Nouveau-Brunswick", "N.-B."),
    "NL": (
        "Newfoundland and Labrador",
        "Terre-Neuve-et-Labrador",
        "Newfoundland",
        "Terre-Neuve",
        "NF",
        "T.-N.-L.",
    ),
    "NS": ("Nova Scotia", "Nouvelle-Écosse"),
    "NT": ("Northwest Territories", "Territoires du Nord-Ouest", "T.N.-O."),
    "NU": ("Nunavut",),
    "ON": ("Ontario", "Ont."),
    "PE": ("Prince Edward Island", "Île-du-Prince-Édouard", "PEI", "Î.-P.-É."),
    "QC": ("Québec", "Province de Québec", "PQ", "Qué."),
    "SK": ("Saskatchewan", "Sask."),
    "YT": ("Yukon", "Yukon Territory"),
}

# fmt: off
US_REGIONS: dict[str, tuple[str, ...]] = {
    "AL": ("Alabama",), "AK": ("Alaska",), "AZ": ("Arizona",), "AR": ("Arkansas",),
    "CA": ("California", "Californie", "Calif."), "CO": ("Colorado",),
    "CT": ("Connecticut",), "DE": ("Delaware",), "DC": ("District of Columbia", "Washington DC"),
    "FL": ("Florida", "Floride"), "GA": ("Georgia", "Géorgie"), "HI": ("Hawaii", "Hawaï"),
    "ID": ("Idaho",), "IL": ("Illinois",), "IN": ("Indiana",), "IA": ("Iowa",),
    "KS": ("Kansas",), "KY": ("Kentucky",), "LA": ("Louisiana", "Louisiane"), "ME": ("Maine",),
    "MD": ("Maryland",), "MA": ("Massachusetts", "Mass."), "MI": ("Michigan",),
    "MN": ("Minnesota",), "MS": ("Mississippi",), "MO": ("Missouri",), "MT": ("Montana",),
    "NE": ("Nebraska",), "NV": ("Nevada",), "NH": ("New Hampshire",), "NJ": ("New Jersey",),
    "NM": ("New Mexico", "Nouveau-Mexique"), "NY": ("New York", "État de New York"),
    "NC": ("North Carolina", "Caroline du Nord"), "ND": ("North Dakota", "Dakota du Nord"),
    "OH": ("Ohio",), "OK": ("Oklahoma",), "OR": ("Oregon",),
    "PA": ("Pennsylvania", "Pennsylvanie"), "RI": ("Rhode Island",),
    "SC": ("South Carolina", "Caroline du Sud"), "SD": ("South Dakota", "Dakota du Sud"),
    "TN": ("Tennessee",), "TX": ("Texas",), "UT": ("Utah",), "VT": ("Vermont",),
    "VA": ("Virginia", "Virginie"), "WA": ("Washington", "Washington State"),
    "WV": ("West Virginia", "Virginie-Occidentale"), "WI": ("Wisconsin",), "WY": ("Wyoming",),
    "PR": ("Puerto Rico", "Porto Rico"), "GU": ("Guam",), "VI": ("U.S. Virgin Islands",),
    "AS": ("American Samoa",), "MP": ("Northern Mariana Islands",),
}
# fmt: on

_CANADIAN_INDEX = _names(CANADIAN_REGIONS)
_US_INDEX = _names(US_REGIONS)
# Country spellings; compact folds, so "U.S.A." and "États-Unis d'Amérique" are covered.
_CANADA = {"ca", "can", "canada"}
_USA = {
    "us",
    "usa",
    "america",
    "unitedstates",
    "unitedstatesofamerica",
    "etatsunis",
    "etatsunisdamerique",
}


def _key(text: str) -> str:
    return fold(text).replace(" ", "")


def _country(country: str, region: str) -> str:
    """Return "CA", "US", "OTHER" (a named foreign country) or "" (unknown)."""
    key = _key(country)
    if key in _CANADA:
        return "CA"
    if key in _USA:
        return "US"
    if key:
        return "OTHER"
    region_key = _key(region)
    if region_key in _CANADIAN_INDEX:
        return "CA"
    if region_key in _US_INDEX:
        return "US"
    return ""


def region_code(region: str | None) -> str:
    """Return the two-letter code of a Canadian province or US state, else `region` trimmed."""
    text = (region or "").strip()
    key = _key(text)
    # No spelling names both a province and a state (a test checks), so the order is moot.
    return _CANADIAN_INDEX.get(key) or _US_INDEX.get(key) or text


def territory_from_region(region: str | None, country: str | None = "") -> Territory | None:
    """Return QC, MA or OTHER for where a record is, or None when that cannot be told.

    A named foreign country wins over the region ("MA" with country "Morocco" is OTHER); a
    known province or state other than Québec or Massachusetts is OTHER; a blank or unknown
    region with no foreign country named is None, since it may well be Québec.
    """
    region, country = (region or "").strip(), (country or "").strip()
    where = _country(country, region)
    if where == "OTHER":
        return Territory.OTHER
    code = region_code(region)
    if code == "QC" and where == "CA":
        return Territory.QC
    if code == "MA" and where == "US":
        return Territory.MA
    if code in CANADIAN_REGIONS or code in US_REGIONS:
        return Territory.OTHER
    return None


# --------------------------------------------------------------------------- postal codes

# D, F, I, O, Q and U are never used (they read like other characters); W and Z never lead.
_CA_POSTAL = re.compile(r"[ABCEGHJ-NPRSTVXY]\d[ABCEGHJ-NPRSTV-Z]\d[ABCEGHJ-NPRSTV-Z]\d")
_CA_SHAPE = re.compile(r"[A-Z]\d[A-Z]\d[A-Z]\d")
_ZIP = re.compile(r"(\d{5})(?:[\s-]?(\d{4}))?")
# What a spreadsheet leaves of a ZIP that started with zeros ("02139" -> "2139").
_ZIP_LOST_ZERO = re.compile(r"(\d{3,4})(?:-(\d{4}))?")


def normalize_postal_code(
    value: str | None, country: str | None = "", region: str | None = "", field: str = "postal_code"
) -> str:
    """Return a Canadian postal code as "A1A 1A1", a US ZIP as "02139" or "02139-4307".

    Which rule applies comes from `country`, else from `region`, else from the value's shape
    (six characters in the Canadian letter-digit pattern); other values are kept as typed.
    """
    text = (value or "").strip()
    if not text:
        return ""
    where = _country((country or "").strip(), (region or "").strip())
    compact = re.sub(r"[\s-]", "", text).upper()
    if where == "CA" or (not where and _CA_SHAPE.fullmatch(compact)):
        if not _CA_POSTAL.fullmatch(compact):
            message = f"'{text}' is not a valid Canadian postal code (A1A 1A1)"
            _fail(field, "postal_code.invalid", message, value=text)
        return f"{compact[:3]} {compact[3:]}"
    if where == "US":
        match = _ZIP.fullmatch(text)
        if match:
            return match.group(1) + (f"-{match.group(2)}" if match.group(2) else "")
        lost = _ZIP_LOST_ZERO.fullmatch(text)
        if lost:
            suggestion = lost.group(1).zfill(5) + (f"-{lost.group(2)}" if lost.group(2) else "")
            _fail(
                field,
                "zip.leading_zero_lost",
                f"'{text}' looks like a ZIP code that lost its leading zero"
                f" (a spreadsheet does that); did you mean '{suggestion}'?",
                value=text,
                suggestion=suggestion,
            )
        message = f"'{text}' is not a valid US ZIP code (02139 or 02139-4307)"
        _fail(field, "postal_code.invalid", message, value=text)
    return text


# -------------------------------------------------------------------------------- websites

_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*://")


def normalize_website(value: str | None, field: str = "website") -> str:
    """Return the address with a scheme ("https://" when none), its host lowercased."""
    text = (value or "").strip()
    if not text:
        return ""

    def invalid() -> NoReturn:
        _fail(field, "website.invalid", f"'{text}' is not a valid website address", value=text)

    url = text if _SCHEME.match(text) else f"https://{text}"
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError:
        invalid()
    host = parts.hostname or ""
    # Credentials in a website address are never legitimate here and hide the real host.
    if (
        parts.scheme.lower() not in ("http", "https")
        or any(c.isspace() for c in url)
        or "@" in parts.netloc
        or not _valid_host(host)
    ):
        invalid()
    netloc = host + (f":{port}" if port is not None else "")
    path = "" if parts.path == "/" and not parts.query and not parts.fragment else parts.path
    query = f"?{parts.query}" if parts.query else ""
    fragment = f"#{parts.fragment}" if parts.fragment else ""
    return f"{parts.scheme.lower()}://{netloc}{path}{query}{fragment}"


def website_domain(url: str | None) -> str:
    """Return the host of `url` without "www.", lowercased, for duplicate matching; never raises."""
    text = (url or "").strip()
    if not text:
        return ""
    try:
        host = urlsplit(text if _SCHEME.match(text) else f"https://{text}").hostname or ""
    except ValueError:
        return ""
    return host.removeprefix("www.")
