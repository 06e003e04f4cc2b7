"""What a new record's territory, language and membership are inferred from, and when a
follow-up falls due.

The rule of the desk: a default is what the user would choose, never a claim about a person.
So these functions infer only from what was typed or imported (a province or state, a
country, a city whose name is unambiguous here, the language of a file's headers), answer
None when that says nothing, and never override what the user chose: the services apply
them only to fields left blank, and the window shows their answers as inferred.

Membership is a claim about an organization (it is on an association's roll or not): it is
never inferred from where the organization is, only from an answer that names it or says
"member" where the territory tells which association (a Québec "oui" is BIOQuébec).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from crm.domain import csv_headers
from crm.domain import validation as v
from crm.domain.enums import Language, Membership, Territory
from crm.domain.text import fold

__all__ = [
    "header_language",
    "language",
    "membership",
    "region_of_city",
    "territory",
]


def _key(text: str) -> str:
    """Compact fold: "Trois-Rivières" = "trois rivieres" = "TROIS-RIVIERES"."""
    return re.sub(r"[\s\-'’.]", "", fold(text))


# Cities whose name, for this desk's people, means one place. Names shared with a bigger
# place elsewhere (Cambridge, Worcester, Lexington, Springfield, London...) are left out:
# "Cambridge, MA" still works, from its state.
_QC_CITIES = (
    "Montréal", "Montreal", "Québec", "Quebec City", "Ville de Québec", "Laval", "Gatineau",
    "Longueuil", "Sherbrooke", "Saguenay", "Lévis", "Trois-Rivières", "Terrebonne", "Brossard",
    "Saint-Jean-sur-Richelieu", "Drummondville", "Saint-Hyacinthe", "Rimouski", "Granby",
    "Blainville", "Boucherville", "Mirabel", "Pointe-Claire", "Dorval", "Kirkland",
    "Vaudreuil-Dorion", "Repentigny", "Châteauguay", "Varennes", "Sainte-Foy", "Saint-Laurent",
    "Chicoutimi", "Rouyn-Noranda", "Val-d'Or", "Shawinigan", "Sept-Îles",
)  # fmt: skip
_MA_CITIES = (
    "Boston", "South Boston", "East Boston", "Waltham", "Framingham", "Woburn", "Needham",
    "Brookline", "Wellesley", "Natick", "Billerica", "Chestnut Hill", "Allston", "Jamaica Plain",
)  # fmt: skip
_CITY_REGION = {_key(name): "QC" for name in _QC_CITIES} | {_key(n): "MA" for n in _MA_CITIES}
_COUNTRY_OF = {"QC": "CA", "MA": "US"}
# "Cambridge, MA", "Montréal (Québec)", "Boston MA": a province or state written after the city.
_CITY_AND_REGION = re.compile(r"^(?P<city>.+?)[\s,(/]+(?P<region>[^,()/]+?)\)?$")


def _country_code(country: str) -> str:
    """ "CA", "US", "OTHER" (another country named) or "" (none named)."""
    if not country.strip():
        return ""
    found = v.territory_from_region("QC", country)
    if found == "QC":
        return "CA"
    return "US" if v.territory_from_region("MA", country) == "MA" else "OTHER"


def region_of_city(city: str | None, country: str | None = "") -> str | None:
    """The province or state ("QC", "MA") a city's name tells, or None.

    Only for cities whose name is unambiguous here, or a city written with its province or
    state ("Cambridge, MA"); a named country that disagrees (Montréal, France) wins.
    """
    text = (city or "").strip()
    if not text:
        return None
    code = _CITY_REGION.get(_key(text))
    if code is None:
        match = _CITY_AND_REGION.match(text)
        if match:
            written = v.region_code(match["region"])
            code = written if written in ("QC", "MA") else None
    if code is None:
        return None
    where = _country_code(country or "")
    return code if where in ("", _COUNTRY_OF[code]) else None


@lru_cache(maxsize=4096)  # imports ask for the same few places on every line
def territory(
    region: str | None, country: str | None = "", city: str | None = ""
) -> Territory | None:
    """QC, MA or OTHER from the province or state and the country (as typed, either
    language), else from the city when its name is unambiguous; None when nothing tells."""
    found = v.territory_from_region(region, country)
    if found is not None:
        return found
    code = region_of_city(city, country)
    return Territory(code) if code else None


def language(where: Territory | None, file_language: Language | None = None) -> Language | None:
    """The language a contact is presumably written to in: French in Québec, English in
    Massachusetts, else the language of the file they came from; None when nothing tells."""
    if where == Territory.QC:
        return Language.FR
    if where == Territory.MA:
        return Language.EN
    return file_language


# Words for "is a member" (the territory says of which association) and for the two
# associations by name, as people write them in a spreadsheet.
_YES = {"oui", "yes", "y", "o", "x", "1", "true", "vrai", "member", "membre", "membreactif"}
_NO = {"non", "no", "n", "0", "false", "faux", "aucune", "aucun", "none", "nonmembre"}
_NAMED = {
    "bioquebec": Membership.BIOQUEBEC,
    "membrebioquebec": Membership.BIOQUEBEC,
    "massbio": Membership.MASSBIO,
    "membremassbio": Membership.MASSBIO,
    "massbiomember": Membership.MASSBIO,
    "bioquebecmember": Membership.BIOQUEBEC,
    "both": Membership.BOTH,
    "lesdeux": Membership.BOTH,
    "bioquebecmassbio": Membership.BOTH,
    "massbiobioquebec": Membership.BOTH,
}


def membership(answer: str | None, where: Territory | None) -> Membership | None:
    """The membership an answer gives ("MassBio", "les deux", "non"; "oui" or "member" of a
    Québec organization is BIOQuébec, of a Massachusetts one MassBio), or None when the
    answer does not tell (a blank one, or "member" of an organization elsewhere)."""
    key = _key(answer or "").replace("&", "").replace("+", "").replace("/", "")
    if not key:
        return None
    for member in Membership:
        if key == member.value:
            return member
    if key in _NAMED:
        return _NAMED[key]
    if key in _NO:
        return Membership.NONE
    if key in _YES:
        return {Territory.QC: Membership.BIOQUEBEC, Territory.MA: Membership.MASSBIO}.get(
            where or Territory.OTHER
        )
    return None


def _header_words() -> tuple[frozenset[str], frozenset[str]]:
    """Compact header keys that are French only and English only."""
    french = {csv_headers.header_key(label) for label in csv_headers.FR_LABELS.values()}
    french |= {csv_headers.header_key(w) for w in _FRENCH_HEADERS}
    english = {
        csv_headers.header_key(name)
        for fields in csv_headers.IMPORT_FIELDS.values()
        for field in fields
        for name in (field, field.replace("_", " "))
    }
    english |= {csv_headers.header_key(w) for w in _ENGLISH_HEADERS}
    both = french & english
    return frozenset(french - both), frozenset(english - both)


_FRENCH_HEADERS = (
    "prenom", "nom", "courriel", "adresse courriel", "ville", "pays", "entreprise", "société",
    "poste", "fonction", "cellulaire", "portable", "langue", "municipalité", "rue", "adresse",
    "remarques", "commentaires", "étiquettes", "catégories", "état", "site internet",
    "raison sociale", "nom complet", "nom et prénom", "téléphone bureau", "membre",
)  # fmt: skip
_ENGLISH_HEADERS = (
    "first name", "last name", "given name", "family name", "surname", "full name", "company",
    "job title", "business phone", "mobile phone", "city", "state", "country", "zip",
    "zip code", "street", "web page", "comments", "member of", "e-mail address",
    "email address", "organization name", "phone",
)  # fmt: skip
_FRENCH_KEYS, _ENGLISH_KEYS = _header_words()


def header_language(headers: Iterable[str]) -> Language | None:
    """The language of a file's header row ("Prénom;Nom;Courriel;Ville" is French), or None
    when its headers are as much one as the other."""
    keys = [csv_headers.header_key(h) for h in headers]
    french = sum(k in _FRENCH_KEYS for k in keys)
    english = sum(k in _ENGLISH_KEYS for k in keys)
    if french > english:
        return Language.FR
    if english > french:
        return Language.EN
    return None
