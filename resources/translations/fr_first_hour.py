"""French for the first hour: theme preference, pickers that create what was typed, the
introducer, email drafts refused, labels people read (merged by update.py)."""

FR = {
    # preferences
    "&Theme:": "&Thème :",
    "Like the system (light or dark)": "Comme le système (clair ou sombre)",
    "Light": "Clair",
    "Dark": "Sombre",
}

PLURALS: dict[str, tuple[str, str]] = {}
