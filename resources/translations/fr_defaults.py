"""French for what new records start from: the inferred-value hints of the editors, the
editors' "New follow-up…" button and the import preview's inferred values (merged by
update.py)."""

FR = {
    "(inferred)": "(déduit)",
    "(nothing tells yet)": "(rien ne l’indique encore)",
    "Inferred from what is typed (province or state, country, city, organization); choose another value to set it yourself.": "Déduit de ce qui est saisi (province ou État, pays, ville, organisation) ; choisissez "
    "une autre valeur pour la fixer vous-même.",
    "Nothing typed tells it yet: it will be inferred from the province or state, the country or the city, or choose a value.": "Rien de ce qui est saisi ne l’indique encore : la valeur sera déduite de la province "
    "ou de l’État, du pays ou de la ville ; ou choisissez-en une.",
    "New follow-up…": "Nouveau suivi…",
    "inferred: %1": "déduit : %1",
    # the import preview's last column: problems, what was inferred, what matched
    "Details": "Détails",
}

PLURALS: dict[str, tuple[str, str]] = {}
