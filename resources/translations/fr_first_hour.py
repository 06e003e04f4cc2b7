"""French for the first hour: theme preference, pickers that create what was typed, the
introducer, email drafts refused, labels people read (merged by update.py)."""

FR = {
    # the main window's title (the platform adds " — Bureau de coopération")
    "BIOQuébec · MassBio": "BIOQuébec · MassBio",
    # preferences
    "&Theme:": "&Thème :",
    "Like the system (light or dark)": "Comme le système (clair ou sombre)",
    "Light": "Clair",
    "Dark": "Sombre",
    # pickers
    "Create organization “%1”": "Créer l’organisation « %1 »",
    "Create contact “%1”": "Créer le contact « %1 »",
    "Cannot create “%1”": "Impossible de créer « %1 »",
    # import preview
    "already recorded": "fiche déjà enregistrée",
    "same as recorded": "identique à la fiche enregistrée",
    # email drafts
    "%1 said no to this introduction: no email is drafted to a party who declined.": "%1 a dit non à cette mise en relation : aucun courriel n’est rédigé pour une partie "
    "qui a refusé.",
    # introductions: sides and introducer
    "Introducer": "Intermédiaire",
    "“%1” is a party of this introduction: the introducer is someone else.": "« %1 » est une partie de cette mise en relation : l’intermédiaire est quelqu’un d’autre.",
    "“%1” is not in Massachusetts (territory: %2): the Massachusetts party must be in Massachusetts.": "« %1 » n’est pas au Massachusetts (territoire : %2) : la partie du Massachusetts doit "
    "être au Massachusetts.",
    "“%1” is not in Québec (territory: %2): the Québec party must be in Québec.": "« %1 » n’est pas au Québec (territoire : %2) : la partie du Québec doit être au Québec.",
}

# A closed introduction may have been declined: the stage itself claims no success.
FR_IN = {
    ("Labels", "Closed"): "Terminée",
    ("Labels", "Concluded"): "Conclue",
}

PLURALS = {
    "%n record(s) created": ("%n fiche créée", "%n fiches créées"),
    "%n updated": ("%n mise à jour", "%n mises à jour"),
    "%n left as it was": ("%n laissée telle quelle", "%n laissées telles quelles"),
}

PLURALS_EN = {
    "%n record(s) created": ("%n record created", "%n records created"),
    "%n updated": ("%n updated", "%n updated"),
    "%n left as it was": ("%n left as it was", "%n left as they were"),
}
