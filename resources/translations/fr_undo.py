"""French for the status bar's last action and its Undo, and the undo of a stage move in the
history (crm/ui/undo.py, crm/ui/dialogs/stage_dialog.py). Merged by update.py."""

FR: dict[str, str] = {
    "Undo": "Annuler",
    "&Undo": "&Annuler",
    "Take back the last action (%1)": "Annuler la dernière action (%1)",
    "Moved “%1” to the trash": "« %1 » mis à la corbeille",
    "Restored “%1” from the trash": "« %1 » restauré depuis la corbeille",
    "Completed “%1”": "« %1 » terminé",
    "Snoozed “%1” to %2": "« %1 » reporté au %2",
    "Moved “%1” to %2": "« %1 » déplacé à l’étape %2",
    "Undone: %1": "Annulé : %1",
    "Not undone: a record changed since (%1).": "Rien n’a été annulé : une fiche a changé depuis (%1).",
    "Cannot undo": "Impossible d’annuler",
    "“%1” cannot be undone: the record was changed since, by you or someone else. Nothing was undone.":
        "« %1 » ne peut pas être annulé : la fiche a été modifiée depuis, par vous ou par "
        "quelqu’un d’autre. Rien n’a été annulé.",
    "Undo of the previous move": "Annulation du déplacement précédent",
    "Move the card to the next / previous stage (on the board)":
        "Déplacer la carte à l’étape suivante / précédente (dans le tableau par étape)",
}

PLURALS: dict[str, tuple[str, str]] = {
    "Moved %n record(s) to the trash": (
        "%n fiche mise à la corbeille", "%n fiches mises à la corbeille"),
    "Restored %n record(s) from the trash": (
        "%n fiche restaurée depuis la corbeille", "%n fiches restaurées depuis la corbeille"),
    "Deleted %n record(s) permanently: this cannot be undone.": (
        "%n fiche supprimée définitivement : cela ne peut pas être annulé.",
        "%n fiches supprimées définitivement : cela ne peut pas être annulé."),
    "Completed %n follow-up(s)": ("%n suivi terminé", "%n suivis terminés"),
    "Snoozed %n follow-up(s) to %2": ("%n suivi reporté au %2", "%n suivis reportés au %2"),
}

PLURALS_EN: dict[str, tuple[str, str]] = {
    "Moved %n record(s) to the trash": (
        "Moved %n record to the trash", "Moved %n records to the trash"),
    "Restored %n record(s) from the trash": (
        "Restored %n record from the trash", "Restored %n records from the trash"),
    "Deleted %n record(s) permanently: this cannot be undone.": (
        "Deleted %n record permanently: this cannot be undone.",
        "Deleted %n records permanently: this cannot be undone."),
    "Completed %n follow-up(s)": ("Completed %n follow-up", "Completed %n follow-ups"),
    "Snoozed %n follow-up(s) to %2": ("Snoozed %n follow-up to %2", "Snoozed %n follow-ups to %2"),
}
