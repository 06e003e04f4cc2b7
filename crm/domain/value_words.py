"""Values that mean the same: the words people write in the choice columns of a file (kind,
territory, membership, language, consent, stage, outcome, purpose, status, priority), in
English and French, and the stored word each one means. The one home of these tables: the
import reads a cell through `match`, the way `crm.domain.csv_headers` reads a header.

A cell is read in three steps, never guessed:

1. the whole cell, compared compactly (case, accents, spaces, hyphens and underscores left
   aside): the stored word ("meeting_held"), the enum's English label ("Meeting held"), or
   one of the phrases below ("Rencontre tenue", "Venture Capital");
2. for the vocabularies that have `WORDS`, the cell's words: "Academic Institution" holds
   "academic", "Disease Foundation" holds "foundation"; when its words name exactly one
   member, that member;
3. when they name several ("Biotech Investor": biotech or investor), the cell is ambiguous
   (`ValueMatch.candidates`); when they name none, it is unknown. Either way the import says
   so and the user says what it means (`--map-value 'kind:Biotech Investor=investor'`).

Plain Python: no SQLAlchemy, no Qt.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from crm.domain.labels import ENUMS
from crm.domain.text import fold

__all__ = ["VOCABULARIES", "ValueMatch", "match", "members"]

# The choice fields an import reads, by the vocabulary (enum name) their cells belong to.
VOCABULARIES: dict[str, str] = {
    "kind": "OrganizationKind", "territory": "Territory", "membership": "Membership",
    "language": "Language", "share_with_partners": "Consent", "qc_consent": "Consent",
    "ma_consent": "Consent", "stage": "IntroductionStage", "outcome": "IntroductionOutcome",
    "purpose": "IntroductionPurpose", "status": "FollowUpStatus", "priority": "Priority",
}  # fmt: skip

# Whole cells, beside the stored word and its English label (added by `_phrases`).
PHRASES: dict[str, dict[str, tuple[str, ...]]] = {
    "OrganizationKind": {
        "biotech": ("biotechnology", "biotechnologie", "biotechnologies", "biotech company",
                    "entreprise de biotechnologie", "biopharma", "biopharmaceutical"),
        "pharma": ("pharmaceutical", "pharmaceutique", "pharmaceuticals", "big pharma",
                   "pharmaceutical company", "société pharmaceutique"),
        "medtech": ("medical device", "medical devices", "dispositifs médicaux",
                    "technologies médicales", "medical technology", "techno médicale"),
        "cro": ("contract research organization", "contract research", "recherche contractuelle",
                "organisation de recherche contractuelle", "clinical research organization"),
        "cdmo": ("cmo", "contract manufacturing", "contract development and manufacturing",
                 "fabrication à façon", "fabrication sous contrat"),
        "academic": ("university", "université", "academic institution", "academia",
                     "établissement universitaire", "research institute", "institut de recherche",
                     "college", "collège", "cégep"),
        "hospital": ("hôpital", "hopital", "centre hospitalier", "health system", "medical center",
                     "academic medical center", "chu", "ciusss", "cisss"),
        "investor": ("investisseur", "venture capital", "vc", "capital de risque",
                     "capital-risque", "private equity", "fonds", "fund", "angel investor"),
        "foundation": ("fondation", "disease foundation", "patient foundation",
                       "patient advocacy", "charity", "organisme de bienfaisance"),
        "government": ("gouvernement", "governmental", "gouvernemental", "government agency",
                       "agence gouvernementale", "ministry", "ministère", "public sector"),
        "association": ("trade association", "industry association", "association sectorielle",
                        "chamber of commerce", "chambre de commerce", "cluster", "grappe"),
        "service_provider": ("fournisseur de services", "service providers", "professional services",
                             "services professionnels", "consulting", "services-conseils",
                             "law firm", "cabinet d'avocats"),
        "other": ("autre", "others", "autres"),
    },
    "Territory": {
        "QC": ("quebec", "province de québec", "pq"),
        "MA": ("mass", "commonwealth of massachusetts"),
        "OTHER": ("autre", "ailleurs", "elsewhere", "other"),
    },
    "Membership": {
        "none": ("aucune", "non", "non-membre", "not a member", "nonmember", "non member"),
        "both": ("les deux", "bioquebec and massbio", "bioquébec et massbio"),
    },
    "Language": {
        "fr": ("français", "french", "fra", "fre", "fr-ca", "francophone"),
        "en": ("anglais", "english", "eng", "en-us", "en-ca", "anglophone"),
    },
    "Consent": {
        "yes": ("oui", "o", "y", "true", "vrai", "1", "x", "d'accord", "accepte", "agreed"),
        "no": ("non", "n", "false", "faux", "0", "refuse", "refused", "declined"),
        "unknown": ("inconnu", "?", "pas de réponse", "no answer"),
    },
    "IntroductionStage": {
        "proposed": ("proposée", "proposé", "proposition", "suggested", "suggérée"),
        "asked": ("demandée", "demandé", "consent asked", "consentement demandé",
                  "awaiting answers", "en attente des réponses"),
        "both_agreed": ("acceptée des deux côtés", "both accepted", "accepted by both",
                        "les deux acceptent", "deux accords", "agreed"),
        "introduced": ("présentée", "présenté", "mise en relation faite", "connected",
                       "introduction sent"),
        "meeting_held": ("rencontre tenue", "réunion tenue", "met", "meeting done",
                         "rencontre faite"),
        "closed": ("terminée", "terminé", "fermée", "close", "clôturée", "concluded"),
    },
    "IntroductionOutcome": {
        "partnership": ("partenariat", "entente de partenariat", "partnership signed"),
        "cro_contract": ("contrat de cro", "contrat cro", "cro deal"),
        "investment": ("investissement", "financement", "funded", "investment made"),
        "licensing": ("octroi de licence", "licence", "license", "licensing deal"),
        "other_win": ("autre succès", "succès", "win", "success"),
        "declined": ("refusée", "refusé", "refused", "refus", "non merci", "no thanks"),
        "no_fit": ("sans adéquation", "not a fit", "pas d'adéquation", "pas de fit"),
        "stalled": ("au point mort", "en suspens", "stalled out", "abandoned", "abandonnée"),
    },
    "IntroductionPurpose": {
        "partnership": ("partenariat",),
        "cro_services": ("services de cro", "services cro"),
        "investment": ("investissement", "financement", "funding"),
        "licensing": ("octroi de licence", "licence", "license"),
        "rd_collaboration": ("collaboration en r-d", "r&d", "collaboration de recherche",
                             "research collaboration"),
        "market_entry": ("entrée sur le marché", "market access", "accès au marché"),
        "talent": ("talents", "recrutement", "hiring"),
        "other": ("autre",),
    },
    "FollowUpStatus": {
        "open": ("ouvert", "ouverte", "à faire", "to do", "todo", "pending", "en cours"),
        "done": ("fait", "faite", "terminé", "terminée", "complété", "complétée", "complete",
                 "completed", "fini", "finished", "réglé"),
        "cancelled": ("annulé", "annulée", "canceled", "abandonné", "abandonnée"),
    },
    "Priority": {
        "low": ("basse", "bas", "faible"),
        "normal": ("normale", "moyenne", "medium"),
        "high": ("haute", "élevée", "urgent", "urgente"),
    },
}  # fmt: skip

# Single words (or word groups) that name one member wherever they stand in a cell. Only
# for the vocabularies whose cells are descriptions ("Academic Institution", "Boston, MA").
WORDS: dict[str, dict[str, tuple[str, ...]]] = {
    "OrganizationKind": {
        "biotech": ("biotech", "biotechnology", "biotechnologie", "biotechnologies",
                    "therapeutics", "biopharma", "biopharmaceutical"),
        "pharma": ("pharma", "pharmaceutical", "pharmaceuticals", "pharmaceutique"),
        "medtech": ("medtech", "medical device", "medical devices", "dispositifs medicaux",
                    "dispositif medical", "technologies medicales"),
        "cro": ("cro", "contract research", "recherche contractuelle"),
        "cdmo": ("cdmo", "cmo", "contract manufacturing", "fabrication a facon"),
        "academic": ("academic", "academia", "university", "universite", "universitaire",
                     "college", "cegep", "faculty", "faculte", "school", "ecole"),
        "hospital": ("hospital", "hopital", "hospitalier", "clinic", "clinique"),
        "investor": ("investor", "investors", "investisseur", "investisseurs", "venture",
                     "capital", "equity", "fonds", "fund", "vc"),
        "foundation": ("foundation", "fondation", "charity", "bienfaisance"),
        "government": ("government", "gouvernement", "governmental", "gouvernemental",
                       "ministry", "ministere", "agency", "agence"),
        "association": ("association", "chamber of commerce", "chambre de commerce"),
        "service_provider": ("service provider", "fournisseur de services", "consulting",
                             "consultant", "consultants", "law firm", "avocats"),
    },
    "Territory": {
        "QC": ("quebec", "qc"),
        "MA": ("massachusetts", "ma"),
    },
}  # fmt: skip


@dataclass(frozen=True)
class ValueMatch:
    """What a cell means: `value` the stored word, or None with the `candidates` it could be
    (several: ambiguous; none: unknown)."""

    value: str | None
    candidates: tuple[str, ...] = ()

    @property
    def ambiguous(self) -> bool:
        return self.value is None and len(self.candidates) > 1


def _compact(text: str) -> str:
    return fold(text).replace(" ", "")


def _phrases() -> dict[str, dict[str, str]]:
    """Per vocabulary: compact phrase -> stored word (the word, its member name, its label,
    the phrases). A phrase naming two members of one vocabulary is a mistake in the table."""
    found: dict[str, dict[str, str]] = {}
    for vocabulary in set(VOCABULARIES.values()):
        table = found.setdefault(vocabulary, {})
        for stored, label in ENUMS[vocabulary].items():
            for text in (stored, label, *PHRASES.get(vocabulary, {}).get(stored, ())):
                key = _compact(text)
                if table.setdefault(key, stored) != stored:
                    raise ValueError(f"{vocabulary}: '{text}' names two values")
    return found


_PHRASES = _phrases()
_WORDS: dict[str, dict[tuple[str, ...], str]] = {
    vocabulary: {tuple(fold(w).split()): stored for stored, ws in words.items() for w in ws}
    for vocabulary, words in WORDS.items()
}


def members(field: str) -> tuple[str, ...]:
    """The stored words of a choice field, in their order ("" for a field with none)."""
    vocabulary = VOCABULARIES.get(field)
    return tuple(ENUMS[vocabulary]) if vocabulary else ()


@lru_cache(maxsize=4096)  # a column repeats a few values on every line
def match(field: str, text: str) -> ValueMatch:
    """What `text` in a cell of choice field `field` means (see the module's steps)."""
    vocabulary = VOCABULARIES.get(field)
    if vocabulary is None or not text.strip():
        return ValueMatch(None)
    found = _PHRASES[vocabulary].get(_compact(text))
    if found is not None:
        return ValueMatch(found)
    words = _WORDS.get(vocabulary)
    if not words:
        return ValueMatch(None)
    tokens = fold(text).split()
    hits: list[str] = []
    for size in (3, 2, 1):
        for start in range(len(tokens) - size + 1):
            stored = words.get(tuple(tokens[start : start + size]))
            if stored is not None and stored not in hits:
                hits.append(stored)
    if len(hits) == 1:
        return ValueMatch(hits[0])
    order = members(field)
    return ValueMatch(None, tuple(sorted(hits, key=order.index)))
