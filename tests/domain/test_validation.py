"""Value-rule vectors: what is accepted, how it is normalized, and how refusals are coded."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from crm.domain.enums import Territory
from crm.domain.errors import (
    DatabaseOpenError,
    DeskError,
    DuplicateWarning,
    Issue,
    NotFound,
    StaleRecord,
    ValidationFailed,
)
from crm.domain.text import fold
from crm.domain.validation import (
    CANADIAN_REGIONS,
    US_REGIONS,
    Phone,
    normalize_email,
    normalize_phone,
    normalize_postal_code,
    normalize_website,
    parse_phone,
    region_code,
    require,
    territory_from_region,
    website_domain,
)


def refusal(call: Callable[[], object]) -> Issue:
    """Run `call`, check it refuses with exactly one issue, and return that issue."""
    with pytest.raises(ValidationFailed) as caught:
        call()
    assert len(caught.value.issues) == 1
    return caught.value.issues[0]


# ------------------------------------------------------------------------------- errors


def test_validation_failed_message_names_record_and_issues() -> None:
    issues = [
        Issue("email", "email.invalid", "email: 'marie@' is not a valid email address"),
        Issue("phone", "phone.invalid", "phone: 'abc' is not a valid phone number"),
    ]
    error = ValidationFailed(issues, record="contact 'Marie Tremblay'")
    assert isinstance(error, DeskError)
    assert error.codes == ["email.invalid", "phone.invalid"]
    assert str(error) == error.message
    assert error.message.startswith("contact 'Marie Tremblay': ")
    assert "'marie@'" in error.message and "'abc'" in error.message
    again = ValidationFailed(issues).for_record("line 12")
    assert again.record == "line 12" and again.message.startswith("line 12: ")


def test_issue_is_hashable_and_compares_params() -> None:
    a = Issue("zip", "zip.leading_zero_lost", "m", {"suggestion": "02139"})
    assert a == Issue("zip", "zip.leading_zero_lost", "m", {"suggestion": "02139"})
    assert a != Issue("zip", "zip.leading_zero_lost", "m", {"suggestion": "02140"})
    assert len({a, a}) == 1
    assert Issue("f", "required", "m").params == {}


def test_other_errors_carry_their_facts() -> None:
    stale = StaleRecord("contact", 7, expected_version=3, actual_version=4)
    assert (stale.entity, stale.record_id, stale.expected_version, stale.actual_version) == (
        "contact",
        7,
        3,
        4,
    )
    assert "contact 7" in str(stale) and "4" in str(stale)
    missing = NotFound("organization", 12)
    assert (missing.entity, missing.record_id) == ("organization", 12)
    assert "organization 12" in str(missing)
    dup = DuplicateWarning([("organization", 3, "Acme Bio")], "same website domain")
    assert dup.duplicates == [("organization", 3, "Acme Bio")]
    assert "Acme Bio" in str(dup) and "same website domain" in str(dup)
    bad = DatabaseOpenError("not_a_database", location="/tmp/x.db")
    assert isinstance(bad, DeskError) and bad.reason == "not_a_database" and "x.db" in str(bad)


# -------------------------------------------------------------------------------- require


def test_require() -> None:
    assert require("  Marie ", "first_name") == "Marie"
    issue = refusal(lambda: require("   ", "first_name"))
    assert (issue.field, issue.code) == ("first_name", "required")
    assert "first_name" in issue.message
    assert refusal(lambda: require(None, "name")).code == "required"


# ---------------------------------------------------------------------------------- email


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("marie.tremblay@bioquebec.com", "marie.tremblay@bioquebec.com"),
        ("  Marie.Tremblay@BioQuebec.COM ", "Marie.Tremblay@bioquebec.com"),
        ("j.o'neil+crm@mail.massbio.org", "j.o'neil+crm@mail.massbio.org"),
        ("info@université-laval.ca", "info@université-laval.ca"),
        ("a@b.co", "a@b.co"),
        ("", ""),
        ("   ", ""),
    ],
)
def test_email_accepted(value: str, expected: str) -> None:
    assert normalize_email(value) == expected


@pytest.mark.parametrize(
    "value",
    [
        "marie@",
        "marie@@x.com",
        "marie tremblay@x.com",
        "marie@x",
        "a@b.c",
        "@x.com",
        "marie.x.com",
        "marie@-x.com",
        "marie@x..com",
        "marie@x.com.",
        "marie@x_y.com",
        "marie@x.c0m",
        "<marie@x.com>",
    ],
)
def test_email_refused(value: str) -> None:
    issue = refusal(lambda: normalize_email(value, field="contact_email"))
    assert issue.code == "email.invalid"
    assert issue.field == "contact_email"
    assert value in issue.message and "contact_email" in issue.message
    assert issue.params["value"] == value


# ---------------------------------------------------------------------------------- phone


@pytest.mark.parametrize(
    ("value", "display", "digits"),
    [
        ("514.555.0123", "+1 514-555-0123", "15145550123"),
        ("(617) 555-0199", "+1 617-555-0199", "16175550199"),
        ("+1 617 555 0199", "+1 617-555-0199", "16175550199"),
        ("1-800-555-0100", "+1 800-555-0100", "18005550100"),
        ("5145550123", "+1 514-555-0123", "15145550123"),
        ("+15145550123", "+1 514-555-0123", "15145550123"),
        ("514-555-0123 x123", "+1 514-555-0123 ext. 123", "15145550123x123"),
        ("514-555-0123x123", "+1 514-555-0123 ext. 123", "15145550123x123"),
        ("514-555-0123 ext 123", "+1 514-555-0123 ext. 123", "15145550123x123"),
        ("514-555-0123 ext. 123", "+1 514-555-0123 ext. 123", "15145550123x123"),
        ("514-555-0123, Ext. 123", "+1 514-555-0123 ext. 123", "15145550123x123"),
        ("514 555-0123 poste 123", "+1 514-555-0123 ext. 123", "15145550123x123"),
        ("514-555-0123 #123", "+1 514-555-0123 ext. 123", "15145550123x123"),
        ("+33 1 42 68 53 00", "+33 1 42 68 53 00", "+33142685300"),
        ("+33  1  42 68 53 00 ", "+33 1 42 68 53 00", "+33142685300"),
        ("+44 20 7946 0958 ext 5", "+44 20 7946 0958 ext. 5", "+442079460958x5"),
    ],
)
def test_phone_accepted(value: str, display: str, digits: str) -> None:
    assert parse_phone(value) == Phone(display, digits)
    assert normalize_phone(value) == display


def test_phone_blank() -> None:
    assert parse_phone("") is None
    assert parse_phone("   ") is None
    assert parse_phone(None) is None
    assert normalize_phone("  ") == ""


@pytest.mark.parametrize(
    "value",
    [
        "514-555-012",  # nine digits
        "514-555-01234",  # eleven digits, not starting with 1
        "2-514-555-0123",
        "+1 514 555 01234",
        "123-555-0123",  # area codes never start with 0 or 1
        "514-155-0123",  # nor do exchanges
        "1-800-FLOWERS",
        "call Marie",
        "514-555-0123 x",
        "+33 12",  # too short for an international number
        "+33 1234 5678 9012 3456",  # too long
        "514+555+0123",
        "x123",
    ],
)
def test_phone_refused(value: str) -> None:
    issue = refusal(lambda: parse_phone(value, field="mobile"))
    assert (issue.field, issue.code) == ("mobile", "phone.invalid")
    assert value.strip() in issue.message and "mobile" in issue.message
    assert refusal(lambda: normalize_phone(value)).field == "phone"


# ---------------------------------------------------------------------------- postal code


@pytest.mark.parametrize(
    ("value", "country", "region", "expected"),
    [
        ("h2x1y4", "Canada", "", "H2X 1Y4"),
        ("H2X-1Y4", "CA", "", "H2X 1Y4"),
        ("  h2x   1y4 ", "", "QC", "H2X 1Y4"),
        ("G1R 4P5", "", "Québec", "G1R 4P5"),
        ("m5v3l9", "", "Ontario", "M5V 3L9"),
        ("h2x1y4", "", "", "H2X 1Y4"),  # looks Canadian
        ("V6B 4Y8", "", "Colombie-Britannique", "V6B 4Y8"),
        ("02139", "US", "", "02139"),
        ("02139", "", "MA", "02139"),
        ("02139-4307", "United States", "", "02139-4307"),
        ("02139 4307", "USA", "", "02139-4307"),
        ("021394307", "", "Massachusetts", "02139-4307"),
        ("10001", "États-Unis", "", "10001"),
        ("75008", "France", "", "75008"),
        ("SW1A 1AA", "", "", "SW1A 1AA"),
        (" 2139 ", "", "", "2139"),  # no country known: kept as typed
        ("", "Canada", "QC", ""),
    ],
)
def test_postal_code_accepted(value: str, country: str, region: str, expected: str) -> None:
    assert normalize_postal_code(value, country, region) == expected


@pytest.mark.parametrize(
    ("value", "country", "region"),
    [
        ("D2X 1Y4", "Canada", ""),  # D is never used
        ("H2F 1Y4", "CA", ""),
        ("H2X 1I4", "CA", ""),
        ("H2X 1O4", "", "QC"),
        ("Q2X 1Y4", "", ""),
        ("U2X 1Y4", "", ""),
        ("W2X 1Y4", "", ""),  # W never leads
        ("Z2X 1Y4", "CA", ""),  # Z never leads
        ("H2X 1Y", "CA", ""),
        ("02139", "Canada", ""),
        ("ABCDE", "US", ""),
        ("21", "", "MA"),  # too short to be a ZIP that lost zeros
        ("02139-43", "US", ""),
    ],
)
def test_postal_code_refused(value: str, country: str, region: str) -> None:
    issue = refusal(lambda: normalize_postal_code(value, country, region))
    assert (issue.field, issue.code) == ("postal_code", "postal_code.invalid")
    assert value in issue.message


@pytest.mark.parametrize(
    ("value", "country", "region", "suggestion"),
    [
        ("2139", "US", "", "02139"),
        ("2139", "", "MA", "02139"),
        ("2139", "", "Massachusetts", "02139"),
        ("2139-4307", "USA", "", "02139-4307"),
        ("501", "United States", "", "00501"),
    ],
)
def test_zip_that_lost_its_leading_zero(
    value: str, country: str, region: str, suggestion: str
) -> None:
    issue = refusal(lambda: normalize_postal_code(value, country, region, field="zip"))
    assert (issue.field, issue.code) == ("zip", "zip.leading_zero_lost")
    assert issue.params["suggestion"] == suggestion
    assert value in issue.message and suggestion in issue.message


# ------------------------------------------------------------------------------- websites


@pytest.mark.parametrize(
    ("value", "expected", "domain"),
    [
        ("bioquebec.com", "https://bioquebec.com", "bioquebec.com"),
        ("www.MassBio.org/", "https://www.massbio.org", "massbio.org"),
        ("HTTP://WWW.MassBio.org/Members/", "http://www.massbio.org/Members/", "massbio.org"),
        ("https://example.com/a/b?x=1#top", "https://example.com/a/b?x=1#top", "example.com"),
        ("https://example.com:8443/", "https://example.com:8443", "example.com"),
        ("  université-laval.ca ", "https://université-laval.ca", "université-laval.ca"),
        ("news.bioquebec.com", "https://news.bioquebec.com", "news.bioquebec.com"),
        ("", "", ""),
    ],
)
def test_website_accepted(value: str, expected: str, domain: str) -> None:
    assert normalize_website(value) == expected
    assert website_domain(expected) == domain
    assert website_domain(value) == domain


@pytest.mark.parametrize(
    "value",
    [
        "ftp://example.com",
        "mailto:info@example.com",
        "example",
        "localhost:8080",
        "exa mple.com",
        "https://user:pw@example.com",
        "https://-bad.com",
        "https://example.c",
        "https://[::1",
        "https://example.com:99999",
    ],
)
def test_website_refused(value: str) -> None:
    issue = refusal(lambda: normalize_website(value))
    assert (issue.field, issue.code) == ("website", "website.invalid")
    assert value in issue.message


def test_website_domain_never_raises() -> None:
    assert website_domain("https://[::1") == ""
    assert website_domain(None) == ""
    assert website_domain("  ") == ""


# -------------------------------------------------------------------------------- regions


@pytest.mark.parametrize(
    ("region", "country", "expected"),
    [
        ("QC", "", Territory.QC),
        ("Québec", "", Territory.QC),
        ("Quebec", "", Territory.QC),
        ("québec", "", Territory.QC),
        ("QUÉBEC", "Canada", Territory.QC),
        ("PQ", "", Territory.QC),
        ("Qc", "CA", Territory.QC),
        ("MA", "", Territory.MA),
        ("Mass.", "", Territory.MA),
        ("Massachusetts", "", Territory.MA),
        ("massachusetts", "USA", Territory.MA),
        ("ON", "", Territory.OTHER),
        ("Nouvelle-Écosse", "", Territory.OTHER),
        ("California", "", Territory.OTHER),
        ("NY", "United States", Territory.OTHER),
        ("", "France", Territory.OTHER),
        ("Bavaria", "Germany", Territory.OTHER),
        ("MA", "Morocco", Territory.OTHER),  # the country wins over the region
        ("QC", "USA", Territory.OTHER),
        ("", "", None),
        ("  ", "", None),
        ("", "Canada", None),  # somewhere in Canada: may be Québec
        ("Atlantis", "", None),
    ],
)
def test_territory_from_region(region: str, country: str, expected: Territory | None) -> None:
    assert territory_from_region(region, country) is expected


@pytest.mark.parametrize(
    ("region", "code"),
    [
        ("QC", "QC"),
        ("qc", "QC"),
        ("Québec", "QC"),
        ("QUEBEC", "QC"),
        ("PQ", "QC"),
        ("Massachusetts", "MA"),
        ("Mass.", "MA"),
        ("Ontario", "ON"),
        ("British Columbia", "BC"),
        ("Colombie-Britannique", "BC"),
        ("Nouvelle-Écosse", "NS"),
        ("nouvelle ecosse", "NS"),
        ("Île-du-Prince-Édouard", "PE"),
        ("Prince Edward Island", "PE"),
        ("Terre-Neuve-et-Labrador", "NL"),
        ("Nouveau-Brunswick", "NB"),
        ("Territoires du Nord-Ouest", "NT"),
        ("Yukon", "YT"),
        ("Nunavut", "NU"),
        ("new york", "NY"),
        ("District of Columbia", "DC"),
        ("Caroline du Nord", "NC"),
        ("  Bavaria ", "Bavaria"),
        ("", ""),
    ],
)
def test_region_code(region: str, code: str) -> None:
    assert region_code(region) == code


def test_region_tables_are_complete_and_unambiguous() -> None:
    assert len(CANADIAN_REGIONS) == 13
    outside_states = {"DC", "PR", "GU", "VI", "AS", "MP"}
    assert len(set(US_REGIONS) - outside_states) == 50
    assert not set(CANADIAN_REGIONS) & set(US_REGIONS)
    canadian = {fold(n).replace(" ", "") for c, ns in CANADIAN_REGIONS.items() for n in (c, *ns)}
    american = {fold(n).replace(" ", "") for c, ns in US_REGIONS.items() for n in (c, *ns)}
    assert not canadian & american
    for code, names in {**CANADIAN_REGIONS, **US_REGIONS}.items():
        assert all(region_code(name) == code for name in (code, *names))


@pytest.mark.parametrize(
    "host",
    ["x.org", "a-b.ca", "a--b.ca", "-a.ca", "a-.ca", "---.ca", "a_b.ca", "a b.ca", "université.ca",
     "ß.de", "١٢٣.eg", "x.o", "x.xn--p1ai", "x..org", "x.org.", "x.123", "a+b.org", "ａｂ.jp"],
)  # fmt: skip
def test_valid_host_takes_letters_digits_and_inner_hyphens(host):
    """`_valid_host` checks each label with one str method; the same answers as the
    character-by-character rule it replaced."""
    from crm.domain.validation import _valid_host

    def by_character(text: str) -> bool:
        labels = text.split(".")
        if len(labels) < 2 or len(text) > 253:
            return False
        for label in labels:
            if not label or len(label) > 63 or label[0] == "-" or label[-1] == "-":
                return False
            if not all(c.isalnum() or c == "-" for c in label):
                return False
        tld = labels[-1]
        return tld.startswith("xn--") or (len(tld) >= 2 and tld.isalpha())

    assert _valid_host(host) == by_character(host)
