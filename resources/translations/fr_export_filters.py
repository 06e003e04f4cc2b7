"""French for the export dialog's starting point (issue 9): rows from a chosen profile's
filter. Merged by update.py."""

FR: dict[str, str] = {
    "All rows of the profile's filter": "Toutes les lignes du filtre du profil",
}

PLURALS: dict[str, tuple[str, str]] = {}
