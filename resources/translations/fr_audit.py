"""French found missing by the French audit of the whole window: the services' errors said in
the user's language (crm/ui/errors.py), the database check, the import mapping (merged by
update.py)."""

FR = {
    # errors from the services, by their structured data
    "The values are not valid.": "Les valeurs ne sont pas valides.",
    "This record looks like one already in the desk:\n%1":
        "Cette fiche ressemble à une fiche déjà enregistrée :\n%1",
    "Someone else changed this %1 after you opened it. Reload it and make your change again.":
        "Quelqu’un d’autre a modifié cette fiche (%1) après que vous l’avez ouverte. "
        "Rechargez-la et refaites votre modification.",
    "This %1 no longer exists; someone may have deleted it.":
        "Cette fiche (%1) n’existe plus ; quelqu’un l’a peut-être supprimée.",
    "There is no staff user named “%1”.": "Il n’y a pas de membre du personnel nommé « %1 ».",
    "line %1": "ligne %1",
    ", column “%1”": ", colonne « %1 »",
    "… and %1 more": "… et %1 de plus",
    "Day and month could be swapped: write the date as YYYY-MM-DD.":
        "Le jour et le mois pourraient être inversés : écrivez la date sous la forme AAAA-MM-JJ.",
    "This ZIP code lost its leading zero (a spreadsheet does that).":
        "Ce code ZIP a perdu son zéro initial (un tableur fait cela).",
    # errors the services raise as sentences only
    "The demo data is already loaded in this database.":
        "Les données de démonstration sont déjà chargées dans cette base de données.",
    "%1 is not a cooperation desk database (it is not an SQLite file). Choose another file, or a new name to create an empty database.":
        "%1 n’est pas une base de données du bureau de coopération (ce n’est pas un fichier "
        "SQLite). Choisissez un autre fichier, ou un nouveau nom pour créer une base vide.",
    "%1 is a folder, not a database file.": "%1 est un dossier, pas un fichier de base de données.",
    "The folder %1 does not exist.": "Le dossier %1 n’existe pas.",
    "%1 was written by a newer version of the cooperation desk. Update the program to open it.":
        "%1 a été écrite par une version plus récente du bureau de coopération. Mettez le "
        "programme à jour pour l’ouvrir.",
    "%1 is locked by another program or another desk window; try again in a moment.":
        "%1 est verrouillée par un autre programme ou une autre fenêtre du bureau ; réessayez "
        "dans un moment.",
    "The disk holding %1 is full or failing; free some space and try again.":
        "Le disque qui contient %1 est plein ou défaillant ; libérez de l’espace et réessayez.",
    "%1 is damaged or is not a desk database; restore it from a backup.":
        "%1 est endommagée ou n’est pas une base du bureau ; restaurez-la depuis une sauvegarde.",
    "%1 cannot be written (read-only file or folder).":
        "Impossible d’écrire dans %1 (fichier ou dossier en lecture seule).",
    "Cannot reach the team database %1.\n\nDetails: %2":
        "Impossible de joindre la base d’équipe %1.\n\nDétails : %2",
    "This database holds other tables but no desk schema: it was made by another program. Choose another file or an empty database.":
        "Cette base de données contient d’autres tables mais pas le schéma du bureau : elle a "
        "été créée par un autre programme. Choisissez un autre fichier ou une base vide.",
    "Cannot read %1 (%2).": "Impossible de lire %1 (%2).",
    "%1 is empty: it has no header line.": "%1 est vide : il n’a pas de ligne d’en-têtes.",
    "%1, line %2: this is not a readable CSV file.":
        "%1, ligne %2 : ce n’est pas un fichier CSV lisible.",
    "The last import (%1) was already undone.": "La dernière importation (%1) a déjà été annulée.",
    "There is no file %1.": "Le fichier %1 n’existe pas.",
    # database check
    "• %1: %2": "• %1 : %2",
}

PLURALS = {
    "%n invalid row(s): nothing was imported.": (
        "%n ligne invalide : rien n’a été importé.",
        "%n lignes invalides : rien n’a été importé.",
    ),
}

PLURALS_EN = {
    "%n invalid row(s): nothing was imported.": (
        "%n invalid row: nothing was imported.",
        "%n invalid rows: nothing was imported.",
    ),
}
