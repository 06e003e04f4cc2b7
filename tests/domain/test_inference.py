"""What the desk infers from what was typed: territory, language, membership, due dates."""

from __future__ import annotations

from datetime import date

import pytest

from crm.domain import inference
from crm.domain.dates import follow_up_due
from crm.domain.enums import Language, Membership, Territory


@pytest.mark.parametrize(
    ("region", "country", "city", "expected"),
    [
        ("MA", "", "Boston", Territory.MA),
        ("MA", "", "", Territory.MA),
        ("Massachusetts", "", "", Territory.MA),
        ("QC", "", "", Territory.QC),
        ("Québec", "", "", Territory.QC),
        ("quebec", "Canada", "", Territory.QC),
        ("", "", "Boston", Territory.MA),
        ("", "", "Montréal", Territory.QC),
        ("", "", "MONTREAL", Territory.QC),
        ("", "", "Trois-Rivières", Territory.QC),
        ("", "Canada", "Montréal", Territory.QC),
        ("", "USA", "Boston", Territory.MA),
        ("", "", "Cambridge, MA", Territory.MA),
        ("", "", "Montréal (Québec)", Territory.QC),
        # What was typed wins over the city: the region, then a named country.
        ("MA", "", "Montréal", Territory.MA),
        ("ON", "", "Montréal", Territory.OTHER),
        ("", "France", "Montréal", Territory.OTHER),
        # A city named after a bigger place elsewhere, or a country that disagrees: nothing.
        ("", "", "Cambridge", None),
        ("", "", "Springfield", None),
        ("", "USA", "Montréal", None),
        ("", "", "", None),
        ("", "", "Boston, Lincolnshire", None),
    ],
)
def test_territory(region: str, country: str, city: str, expected: Territory | None) -> None:
    assert inference.territory(region, country, city) == expected


def test_region_of_city() -> None:
    assert inference.region_of_city("Boston") == "MA"
    assert inference.region_of_city("  montreal ") == "QC"
    assert inference.region_of_city("Lévis", "Canada") == "QC"
    assert inference.region_of_city("Toronto") is None
    assert inference.region_of_city("") is None


def test_language() -> None:
    assert inference.language(Territory.QC) == Language.FR
    assert inference.language(Territory.MA, Language.FR) == Language.EN
    assert inference.language(Territory.OTHER, Language.FR) == Language.FR
    assert inference.language(None) is None


@pytest.mark.parametrize(
    ("answer", "where", "expected"),
    [
        ("BIOQuébec", Territory.MA, Membership.BIOQUEBEC),
        ("Mass Bio", None, Membership.MASSBIO),
        ("les deux", None, Membership.BOTH),
        ("non", Territory.QC, Membership.NONE),
        ("oui", Territory.QC, Membership.BIOQUEBEC),
        ("Member", Territory.MA, Membership.MASSBIO),
        # "member" of an organization elsewhere does not say of which association.
        ("oui", Territory.OTHER, None),
        ("oui", None, None),
        ("", Territory.QC, None),
        ("perhaps", Territory.QC, None),
    ],
)
def test_membership(answer: str, where: Territory | None, expected: Membership | None) -> None:
    assert inference.membership(answer, where) == expected


@pytest.mark.parametrize(
    ("headers", "expected"),
    [
        (["Prénom", "Nom", "Courriel", "Ville"], Language.FR),
        (["prenom", "nom", "courriel", "ville"], Language.FR),
        (["First Name", "Last Name", "E-mail Address", "City"], Language.EN),
        (["first_name", "last_name", "email", "city"], Language.EN),
        (["Notes", "Contact"], None),
        ([], None),
    ],
)
def test_header_language(headers: list[str], expected: Language | None) -> None:
    assert inference.header_language(headers) == expected


@pytest.mark.parametrize(
    ("start", "expected"),
    [
        (date(2026, 12, 1), date(2026, 12, 4)),  # Tuesday -> Friday
        (date(2026, 12, 3), date(2026, 12, 8)),  # Thursday -> Tuesday, over the weekend
        (date(2026, 12, 5), date(2026, 12, 9)),  # Saturday -> Wednesday
    ],
)
def test_followup_due_in_three_working_days(start: date, expected: date) -> None:
    assert follow_up_due(start) == expected
