"""The vocabulary of the scaled demo (`demo_scale`): cities with their area codes and postal
code prefixes, first and last names, job titles, the parts company names are made of, tags,
follow-up titles and the weights the draws use. Plain data, no code: changing any of it
changes what a seed gives (tests/services/test_demo_scale_pin.py will say so).
"""

from __future__ import annotations

from crm.domain.enums import (
    IntroductionOutcome,
    IntroductionPurpose,
    OrganizationKind,
)

# (city, region code, area codes, postal code prefixes (Canadian FSAs or ZIP codes), weight)
QC_CITIES: tuple[tuple[str, tuple[str, ...], tuple[str, ...], int], ...] = (
    ("Montréal", ("514", "438"), ("H2X", "H3A", "H3T", "H2T", "H1W", "H4P", "H3B", "H2L"), 40),
    ("Laval", ("450", "579"), ("H7V", "H7L", "H7N", "H7T"), 12),
    ("Québec", ("418", "581"), ("G1V", "G1K", "G1R", "G2E"), 15),
    ("Sherbrooke", ("819", "873"), ("J1H", "J1K", "J1E"), 7),
    ("Saint-Jérôme", ("450", "579"), ("J7Y", "J7Z"), 4),
    ("Trois-Rivières", ("819", "873"), ("G9A", "G8Y", "G8T"), 5),
    ("Longueuil", ("450", "579"), ("J4K", "J4H"), 6),
    ("Gatineau", ("819", "873"), ("J8T", "J9H"), 4),
    ("Lévis", ("418", "581"), ("G6V", "G6W"), 3),
    ("Saint-Hyacinthe", ("450", "579"), ("J2S",), 2),
    ("Rimouski", ("418", "581"), ("G5L",), 2),
)  # fmt: skip
MA_CITIES: tuple[tuple[str, tuple[str, ...], tuple[str, ...], int], ...] = (
    ("Boston", ("617", "857"), ("02108", "02110", "02115", "02116", "02210", "02215"), 30),
    ("Cambridge", ("617", "857"), ("02138", "02139", "02141", "02142"), 30),
    ("Worcester", ("508", "774"), ("01605", "01608", "01609"), 8),
    ("Waltham", ("781", "339"), ("02451", "02453"), 10),
    ("Lexington", ("781", "339"), ("02421",), 6),
    ("Woburn", ("781", "339"), ("01801",), 3),
    ("Framingham", ("508", "774"), ("01701",), 3),
    ("Bedford", ("781", "339"), ("01730",), 3),
    ("Watertown", ("617", "857"), ("02472",), 5),
    ("Somerville", ("617", "857"), ("02143", "02145"), 4),
    ("Marlborough", ("508", "774"), ("01752",), 2),
)  # fmt: skip
# Letters allowed in the 2nd and 3rd letter positions of a Canadian postal code.
CA_LETTERS = "ABCEGHJKLMNPRSTVWXYZ"

FR_FIRST = (
    "Élise", "François", "Hélène", "Zoë", "Geneviève", "Benoît", "Chloé", "Stéphane", "Josée",
    "André", "Amélie", "Mélanie", "Frédéric", "Gaëlle", "Jérôme", "Noémie", "Léa", "Théo",
    "Maxime", "Marie-Ève", "Jean-François", "Isabelle", "Louis", "Émile", "Sébastien", "Julie",
    "Nathalie", "Sylvie", "Éric", "Pierre-Luc", "Anaïs", "Raphaël", "Béatrice", "Hugo", "Mathis",
    "Rosalie", "Camille", "Étienne", "Valérie", "Ève", "Joël", "Marc-André", "Annick", "Félix",
)  # fmt: skip
FR_LAST = (
    "Tremblay", "Gagnon", "Roy", "Côté", "Bouchard", "Gauthier", "Morin", "Lavoie", "Fortin",
    "Gagné", "Ouellet", "Pelletier", "Bélanger", "Lévesque", "Bergeron", "Leblanc", "Paquette",
    "Girard", "Simard", "Boucher", "Caron", "Beaulieu", "Cloutier", "Dubé", "Poirier", "Fournier",
    "Lapointe", "Leclerc", "Lefebvre", "Poulin", "Thibault", "St-Pierre", "Nadeau", "Martin",
    "Landry", "Lachance", "Bédard", "Grenier", "Ménard", "Thériault", "Desjardins", "Béland",
    "Hébert", "Lépine", "Brisson", "Boisvert", "Vézina", "Plante", "Séguin", "D'Amours",
)  # fmt: skip
EN_FIRST = (
    "Jack", "Emily", "Michael", "Sarah", "David", "Priya", "Thomas", "James", "Rachel", "Laura",
    "Daniel", "Hannah", "Kevin", "Brian", "Patricia", "Olivia", "Ethan", "Sophia", "Noah",
    "Grace", "Liam", "Ava", "Benjamin", "Chloe", "Ryan", "Megan", "Aisha", "Wei", "Carlos",
    "Fatima", "Sean", "Maureen", "Nicholas", "Erin", "Rajesh", "Mei", "Zoë", "Owen", "Claire",
)  # fmt: skip
EN_LAST = (
    "Sullivan", "O'Brien", "Murphy", "Kelly", "Walsh", "Fitzgerald", "Chen", "Goldberg", "Kim",
    "Raman", "Martínez", "Weiss", "Lee", "Doyle", "O'Connor", "Smith", "Johnson", "Brown",
    "Davis", "Miller", "Wilson", "Anderson", "Taylor", "Moore", "Jackson", "White", "Harris",
    "Clark", "Lewis", "Nguyen", "Patel", "Cohen", "Ryan", "McCarthy", "Gallagher", "Shapiro",
    "Rossi", "Silva", "Park", "Wang", "Cronin", "Byrne", "Flynn", "Hughes", "Khan",
)  # fmt: skip
FR_TITLES = (
    "Président-directeur général", "Directrice scientifique", "Vice-président, développement "
    "des affaires", "Directrice des opérations", "Chef de la direction financière",
    "Chargée de projets", "Directeur, affaires réglementaires", "Gestionnaire de laboratoire",
    "Chercheuse principale", "Directeur des partenariats", "Associée", "Conseiller",
)  # fmt: skip
EN_TITLES = (
    "CEO", "Chief Scientific Officer", "VP, Business Development", "Director, Operations",
    "CFO", "Program Manager", "Head of Regulatory Affairs", "Principal Scientist",
    "Director, Alliance Management", "Partner", "Principal", "Senior Scientist",
)  # fmt: skip
QC_PREFIXES: dict[OrganizationKind, tuple[str, ...]] = {
    OrganizationKind.BIOTECH: ("Thérapeutiques", "Biotechnologies", "Génomique", "Immuno",
                               "Biologiques", "Neuro", "Oncologie", "Peptides", "Vaccins"),
    OrganizationKind.CRO: ("Recherche clinique", "Essais cliniques", "BioCRO", "Pharmacologie"),
    OrganizationKind.CDMO: ("Biofabrication", "Pharmakon", "Procédés biologiques"),
    OrganizationKind.MEDTECH: ("Diagnostics", "Dispositifs médicaux", "Imagerie", "Biocapteurs"),
    OrganizationKind.PHARMA: ("Pharma", "Laboratoires"),
    OrganizationKind.ACADEMIC: ("Institut de recherche", "Centre universitaire", "Laboratoire"),
    OrganizationKind.INVESTOR: ("Fonds", "Capital", "Investissements"),
    OrganizationKind.FOUNDATION: ("Fondation",),
    OrganizationKind.SERVICE_PROVIDER: ("Conseils réglementaires", "Services", "Propriété "
                                        "intellectuelle"),
}  # fmt: skip
QC_ROOTS = (
    "Saint-Laurent", "Boréal", "Érable", "Cœur-Vaillant", "Mont-Royal", "Outaouais", "Fleuve",
    "Laurentides", "Hochelaga", "Montmorency", "Chaudière", "Mauricie", "Estrie", "Richelieu",
    "Beauce", "Gaspésie", "Charlevoix", "Lanaudière", "Saguenay", "Matapédia", "Yamaska",
    "Maisonneuve", "Frontenac", "Champlain", "Cartier", "Iberville", "Verchères", "Péribonka",
)  # fmt: skip
QC_QUALIFIERS = ("", " Santé", " Bio", " Innovations", " Médical", " Labs", " inc.", " Québec")
MA_ROOTS = (
    "Kendall", "Fenway", "Back Bay", "Charles", "Mystic", "Longwood", "Beacon", "Harbor",
    "Minuteman", "Bay State", "Commonwealth", "Quincy", "Nashoba", "Wachusett", "Berkshire",
    "Cape Ann", "Neponset", "Seaport", "Tremont", "Concord", "Walden", "Merrimack", "Blue Hills",
    "Quabbin", "Plymouth", "Nantucket", "Assabet", "Sudbury",
)  # fmt: skip
MA_DESCRIPTORS = ("", " Bio", " Life", " Precision", " Cell", " Gene", " Molecular", " Clinical")
MA_SUFFIXES: dict[OrganizationKind, tuple[str, ...]] = {
    OrganizationKind.BIOTECH: ("Therapeutics", "Biosciences", "Oncology", "Genomics",
                               "Biologics", "Immunotherapies", "Medicines"),
    OrganizationKind.CRO: ("Clinical Research", "CRO Partners", "Research Services"),
    OrganizationKind.CDMO: ("Biomanufacturing", "Bioprocessing"),
    OrganizationKind.MEDTECH: ("Diagnostics", "Devices", "Imaging"),
    OrganizationKind.PHARMA: ("Pharma", "Pharmaceuticals"),
    OrganizationKind.ACADEMIC: ("Institute", "Research Center"),
    OrganizationKind.INVESTOR: ("Ventures", "Capital", "Life Science Partners"),
    OrganizationKind.FOUNDATION: ("Foundation", "Disease Foundation"),
    OrganizationKind.SERVICE_PROVIDER: ("Regulatory Consulting", "IP Law", "Advisors"),
}  # fmt: skip
KIND_WEIGHTS = {
    OrganizationKind.BIOTECH: 45, OrganizationKind.CRO: 14, OrganizationKind.CDMO: 4,
    OrganizationKind.MEDTECH: 9, OrganizationKind.PHARMA: 4, OrganizationKind.ACADEMIC: 5,
    OrganizationKind.INVESTOR: 9, OrganizationKind.FOUNDATION: 3,
    OrganizationKind.SERVICE_PROVIDER: 7,
}  # fmt: skip
AREAS = (
    "oncologie", "neurosciences", "maladies rares", "immunologie", "cardiologie",
    "thérapie cellulaire", "thérapie génique", "anti-infectieux", "diagnostic", "vaccins",
    "oncology", "rare diseases", "gene therapy", "immunology", "neuroscience", "ophthalmology",
)  # fmt: skip
SCALE_TAGS = (
    "oncologie", "CRO", "investisseur", "maladies rares", "thérapie cellulaire",
    "Mission Boston 2016", "BIO 2018", "IA en santé", "Entente 2017", "prospect",
)  # fmt: skip
FOLLOWUP_TITLES_FR = (
    "Relancer {name}", "Appeler {name}", "Envoyer l'entente de confidentialité à {name}",
    "Obtenir le consentement de {name}", "Planifier une rencontre avec {name}",
    "Envoyer le compte rendu à {name}",
)  # fmt: skip
FOLLOWUP_TITLES_EN = (
    "Follow up with {name}", "Call {name}", "Send the NDA to {name}", "Get consent from {name}",
    "Schedule a meeting with {name}", "Send meeting notes to {name}",
)  # fmt: skip
INTRO_NOTES = (
    "", "", "", "Rencontre suggérée lors d'un événement.", "Intérêt mutuel confirmé.",
    "Met at a MassBio event.", "Looking for a partner in Québec.",
    "Cherche un partenaire à Boston.", "Needs CRO capacity in 2019.",
)  # fmt: skip
STAGE_WEIGHTS = (15, 15, 12, 18, 15, 25)
WIN_OUTCOMES = tuple(outcome for outcome in IntroductionOutcome if outcome.is_win)
LOSS_OUTCOMES = tuple(outcome for outcome in IntroductionOutcome if not outcome.is_win)
PURPOSE_BY_KIND = {
    OrganizationKind.INVESTOR: IntroductionPurpose.INVESTMENT,
    OrganizationKind.CRO: IntroductionPurpose.CRO_SERVICES,
    OrganizationKind.CDMO: IntroductionPurpose.CRO_SERVICES,
    OrganizationKind.ACADEMIC: IntroductionPurpose.RD_COLLABORATION,
}
OTHER_PURPOSES = (
    IntroductionPurpose.PARTNERSHIP, IntroductionPurpose.LICENSING,
    IntroductionPurpose.RD_COLLABORATION, IntroductionPurpose.MARKET_ENTRY,
    IntroductionPurpose.TALENT, IntroductionPurpose.OTHER,
)  # fmt: skip
