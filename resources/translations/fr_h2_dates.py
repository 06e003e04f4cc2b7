"""French for the desk's date and time fields (crm/ui/widgets/datefield.py) and the time of a
follow-up (merged by update.py)."""

FR = {
    "YYYY-MM-DD or DD/MM/YYYY": "AAAA-MM-JJ ou JJ/MM/AAAA",
    "YYYY-MM-DD or MM/DD/YYYY": "AAAA-MM-JJ ou MM/JJ/AAAA",
    "A date is required here.": "Une date est requise ici.",
    "“%1” could be %2 or %3: type it as %4 or %5.": "« %1 » peut être %2 ou %3 : tapez-la %4 ou %5.",
    "“%1” is not a date: type it as %2.": "« %1 » n’est pas une date : tapez-la %2.",
    "Pick on a calendar (Alt+Down)": "Choisir sur un calendrier (Alt+Bas)",
    "Calendar": "Calendrier",
    "“%1” is not a time of day: type it as 14:00.": "« %1 » n’est pas une heure : tapez-la 14:00.",
    "HH:MM (optional)": "HH:MM (facultatif)",
    "Time": "Heure",
}

PLURALS: dict[str, tuple[str, ...]] = {}
