"""French for the CSV refusals of a malformed file (crm/ui/errors.py) and the search box
(branch h7-csv). Merged by update.py."""

FR: dict[str, str] = {
    "%1, line %2: the text is not valid %3 (the file is cut short, or mixes encodings). Save the whole file again as CSV UTF-8.":
        "%1, ligne %2 : le texte n’est pas du %3 valide (le fichier est tronqué ou mélange des "
        "encodages). Enregistrez de nouveau tout le fichier en CSV UTF-8.",
    "%1 is not a CSV text file (it holds binary data: a spreadsheet, an image, an archive?). Save it from the spreadsheet as CSV and import that file.":
        "%1 n’est pas un fichier texte CSV (il contient des données binaires : un classeur, une "
        "image, une archive ?). Enregistrez-le en CSV depuis le tableur et importez ce fichier.",
    "%1, line %2: a quote opened on this line is never closed.":
        "%1, ligne %2 : un guillemet ouvert sur cette ligne n’est jamais refermé.",
    "%1, line %2: a quote inside a cell is not doubled, or a quoted cell goes on after its closing quote.":
        "%1, ligne %2 : un guillemet dans une cellule n’est pas doublé, ou une cellule entre "
        "guillemets continue après son guillemet fermant.",
    "%1, line %2: a cell is longer than 128 KB.": "%1, ligne %2 : une cellule dépasse 128 Ko.",
    "%1: the column “%2” appears twice in the header line; rename or remove one of them.":
        "%1 : la colonne « %2 » figure deux fois dans la ligne d’en-tête ; renommez ou "
        "supprimez l’une des deux.",
    "%1, line %2 has %3 cells but the header line names %4 columns (a delimiter or a quote out of place?).":
        "%1, la ligne %2 compte %3 cellules alors que la ligne d’en-tête nomme %4 colonnes (un "
        "séparateur ou un guillemet mal placé ?).",
    "%1 is too large to import: the limit is %2 MB and %3 records. Split it into smaller files.":
        "%1 est trop volumineux pour être importé : la limite est de %2 Mo et %3 "
        "enregistrements. Scindez-le en fichiers plus petits.",
    "This is not a desk identifier (a UUID such as 1b4e28ba-2fa1-41d2-883f-0016d3cca427).":
        "Ce n’est pas un identifiant du bureau (un UUID comme "
        "1b4e28ba-2fa1-41d2-883f-0016d3cca427).",
    "This list has no filter “%1” (its filters: %2).":
        "Cette liste n’a pas de filtre « %1 » (ses filtres : %2).",
    "The filter “%1” does not take “%2” (it takes %3).":
        "Le filtre « %1 » n’accepte pas « %2 » (il accepte %3).",
}

PLURALS: dict[str, tuple[str, str]] = {}
