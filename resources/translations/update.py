"""Refresh the French translation: extract the strings (pyside6-lupdate), fill in the French
below, compile the .qm (pyside6-lrelease). Run: .venv/bin/python resources/translations/update.py
French for newer areas lives beside this file in fr_<area>.py files (dicts FR, PLURALS).

New strings without a French entry here stay "unfinished" and make the UI test fail.
"""

from __future__ import annotations

import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
BIN = Path(sys.executable).parent

FR = {
    # About, application
    "About the cooperation desk": "À propos du bureau de coopération",
    "<h3>Cooperation desk</h3><p>The shared CRM of the BIOQuébec–MassBio cooperation: organizations, contacts, introductions, follow-ups and events on both sides of the border.</p><p>Version %1</p>":
        "<h3>Bureau de coopération</h3><p>Le CRM partagé de la coopération BIOQuébec–MassBio : "
        "organisations, contacts, mises en relation, suivis et événements des deux côtés de la "
        "frontière.</p><p>Version %1</p>",
    "Cooperation desk": "Bureau de coopération",
    "Demo data": "Données de démonstration",
    "The demo data is not available in this version.": "Les données de démonstration ne sont pas offertes dans cette version.",
    "Cannot start": "Démarrage impossible",
    "Cannot open the database": "Impossible d’ouvrir la base de données",
    # record kinds and titles
    "New contact": "Nouveau contact",
    "Contact": "Contact",
    "Contacts": "Contacts",
    "Dashboard": "Tableau de bord",
    "Organizations and contacts": "Organisations et contacts",
    "Introductions by stage": "Mises en relation par étape",
    "Work": "Travail",
    "Organizations in Québec": "Organisations au Québec",
    "Organizations in Massachusetts": "Organisations au Massachusetts",
    "Organizations elsewhere": "Organisations ailleurs",
    "Open follow-ups": "Suivis ouverts",
    "Overdue follow-ups": "Suivis en retard",
    "Upcoming events": "Événements à venir",
    "New event": "Nouvel événement",
    "Event": "Événement",
    "Events": "Événements",
    "New follow-up": "Nouveau suivi",
    "Follow-up": "Suivi",
    "Follow-ups": "Suivis",
    "New introduction": "Nouvelle mise en relation",
    "Introduction": "Mise en relation",
    "Introductions": "Mises en relation",
    "New organization": "Nouvelle organisation",
    "Organization": "Organisation",
    "Organizations": "Organisations",
    "Trash": "Corbeille",
    # fields, headers, filters
    "Name": "Nom",
    "Kind": "Type",
    "Territory": "Territoire",
    "Membership": "Adhésion",
    "Website": "Site Web",
    "Phone": "Téléphone",
    "Address": "Adresse",
    "City": "Ville",
    "Province or state": "Province ou État",
    "Postal code": "Code postal",
    "Country": "Pays",
    "Therapeutic areas": "Domaines thérapeutiques",
    "Employees": "Effectif",
    "Tags": "Étiquettes",
    "Notes": "Notes",
    "First name": "Prénom",
    "Last name": "Nom de famille",
    "Job title": "Fonction",
    "Email": "Courriel",
    "Mobile": "Cellulaire",
    "Preferred language": "Langue préférée",
    "Share with partners": "Partager avec les partenaires",
    "Consent date": "Date du consentement",
    "Consent source": "Source du consentement",
    "Do not contact": "Ne pas contacter",
    "Starts on": "Début",
    "Ends on": "Fin",
    "Description": "Description",
    "Title": "Titre",
    "Due date": "Échéance",
    "Assignee": "Attribué à",
    "Priority": "Priorité",
    "Status": "Statut",
    "Québec organization": "Organisation du Québec",
    "Québec contact": "Contact du Québec",
    "Massachusetts organization": "Organisation du Massachusetts",
    "Massachusetts contact": "Contact du Massachusetts",
    "Purpose": "Objet",
    "Owner": "Responsable",
    "Stage": "Étape",
    "Outcome (when closed)": "Résultat (une fois conclue)",
    "Language": "Langue",
    "Due": "Échéance",
    "Region": "Région",
    "Québec party": "Côté Québec",
    "Massachusetts party": "Côté Massachusetts",
    "Stage since": "Depuis le",
    "Linked to": "Lié à",
    "Starts": "Début",
    "Ends": "Fin",
    "Participants": "Participants",
    "Record": "Fiche",
    "Deleted on": "Supprimée le",
    "Deleted by": "Supprimée par",
    # first start
    "Welcome to the cooperation desk": "Bienvenue au bureau de coopération",
    "This database is new. Load the demo data to try the desk with sample organizations, contacts and introductions, or start with an empty database.":
        "Cette base de données est nouvelle. Chargez les données de démonstration pour essayer le "
        "bureau avec des organisations, des contacts et des mises en relation d’exemple, ou "
        "commencez avec une base vide.",
    "Load the demo data": "Charger les données de démonstration",
    "Start empty": "Commencer avec une base vide",
    # vocabularies
    "Québec": "Québec",
    "Massachusetts": "Massachusetts",
    "Elsewhere": "Ailleurs",
    "BIOQuébec": "BIOQuébec",
    "MassBio": "MassBio",
    "Both": "Les deux",
    "Not a member": "Non-membre",
    "Biotech": "Biotech",
    "Pharma": "Pharmaceutique",
    "Medtech": "Technologies médicales",
    "CRO": "CRO",
    "CDMO": "CDMO",
    "Academic": "Établissement universitaire",
    "Hospital": "Hôpital",
    "Investor": "Investisseur",
    "Foundation": "Fondation",
    "Government": "Gouvernement",
    "Association": "Association",
    "Service provider": "Fournisseur de services",
    "Other": "Autre",
    "French": "Français",
    "English": "Anglais",
    "Yes": "Oui",
    "No": "Non",
    "Unknown": "Inconnu",
    "Partnership": "Partenariat",
    "CRO services": "Services de CRO",
    "Investment": "Investissement",
    "Licensing": "Octroi de licence",
    "R&D collaboration": "Collaboration en R-D",
    "Market entry": "Entrée sur le marché",
    "Talent": "Talents",
    "Proposed": "Proposée",
    "Asked": "Demandée",
    "Both agreed": "Acceptée des deux côtés",
    "Introduced": "Présentée",
    "Meeting held": "Rencontre tenue",
    "Closed": "Conclue",
    "CRO contract": "Contrat de CRO",
    "Other win": "Autre succès",
    "Declined": "Refusée",
    "No fit": "Sans adéquation",
    "Stalled": "Au point mort",
    "Open": "Ouvrir",
    "Done": "Fait",
    "Cancelled": "Annulé",
    "Low": "Basse",
    "Normal": "Normale",
    "High": "Haute",
    "Mission": "Mission",
    "Delegation": "Délégation",
    "Conference": "Congrès",
    "Joint activity": "Activité conjointe",
    "Webinar": "Webinaire",
    "Meeting": "Rencontre",
    "Interaction": "Interaction",
    "Participant": "Participant",
    "Staff user": "Membre du personnel",
    # lists
    "Filter this list…": "Filtrer cette liste…",
    "New": "Ajouter",
    "Move to trash": "Mettre à la corbeille",
    "All": "Tous",
    "Overdue": "En retard",
    "Today": "Aujourd’hui",
    "Next 7 days": "7 prochains jours",
    "Next 30 days": "30 prochains jours",
    "Cannot move to the trash": "Impossible de mettre à la corbeille",
    "New…": "Ajouter…",
    "Edit": "Modifier",
    "New follow-up…": "Nouveau suivi…",
    "Tag": "Étiquette",
    # related records, interactions
    "Related records": "Fiches liées",
    "Date": "Date",
    "State": "État",
    "Interactions": "Interactions",
    "Call": "Appel",
    "Note": "Note",
    "Subject": "Sujet",
    "New interaction": "Nouvelle interaction",
    # main window
    "Cooperation desk — BIOQuébec · MassBio": "Bureau de coopération — BIOQuébec · MassBio",
    "&New database…": "&Nouvelle base de données…",
    "&Open database…": "&Ouvrir une base de données…",
    "&Preferences…": "&Préférences…",
    "&Quit": "&Quitter",
    "&Find…": "&Rechercher…",
    "&Move to trash": "&Mettre à la corbeille",
    "&Refresh": "&Actualiser",
    "New &organization…": "Nouvelle &organisation…",
    "New &contact…": "Nouveau &contact…",
    "New &introduction…": "Nouvelle &mise en relation…",
    "New &follow-up…": "Nouveau &suivi…",
    "New &event…": "Nouvel &événement…",
    "&About the cooperation desk": "À &propos du bureau de coopération",
    "&File": "&Fichier",
    "&Edit": "&Édition",
    "&View": "&Affichage",
    "&Records": "F&iches",
    "&Help": "&Aide",
    "Toolbar": "Barre d’outils",
    "Database: %1": "Base de données : %1",
    "Staff user: %1": "Membre du personnel : %1",
    "New database": "Nouvelle base de données",
    "Desk databases (*.db);;All files (*)": "Bases de données du bureau (*.db);;Tous les fichiers (*)",
    "Open database": "Ouvrir une base de données",
    # messages, editors
    "OK": "OK",
    "Cancel": "Annuler",
    "Preferences": "Préférences",
    "&Language:": "&Langue :",
    "Save": "Enregistrer",
    "This record looks like one already in the desk:\n%1\n\nSave it anyway?":
        "Cette fiche ressemble à une fiche déjà enregistrée :\n%1\n\nL’enregistrer quand même ?",
    "Possible duplicate": "Doublon possible",
    "Save anyway": "Enregistrer quand même",
    "Record gone": "Fiche disparue",
    "Someone else deleted this record meanwhile; it is in the trash.":
        "Quelqu’un d’autre a supprimé cette fiche entre-temps ; elle est dans la corbeille.",
    "Cannot save": "Enregistrement impossible",
    "Changed by someone else": "Modifiée par quelqu’un d’autre",
    "Someone else saved this record after you opened it. Reload it to see their version (your changes here are lost), or save your values over theirs.":
        "Quelqu’un d’autre a enregistré cette fiche après que vous l’avez ouverte. Rechargez-la pour "
        "voir sa version (vos modifications ici seront perdues), ou enregistrez vos valeurs par-dessus "
        "les siennes.",
    "Reload": "Recharger",
    "Save mine over theirs": "Garder mes valeurs",
    "Unsaved changes": "Modifications non enregistrées",
    "Save your changes to this record?": "Enregistrer vos modifications de cette fiche ?",
    "Discard": "Ne pas enregistrer",
    "Search everything (Ctrl+K)": "Tout rechercher (Ctrl+K)",
    "No match": "Aucun résultat",
    "Restore": "Restaurer",
    "Delete permanently…": "Supprimer définitivement…",
    "Cannot restore": "Restauration impossible",
    "Delete permanently": "Supprimer définitivement",
    "Cannot delete permanently": "Suppression définitive impossible",
    # validation issues
    "A value is required.": "Une valeur est requise.",
    "This is not a valid email address.": "Ce n’est pas une adresse courriel valide.",
    "This is not a valid phone number.": "Ce n’est pas un numéro de téléphone valide.",
    "This is not a valid postal code or ZIP code.": "Ce n’est pas un code postal ou un code ZIP valide.",
    "This is not a valid website address.": "Ce n’est pas une adresse de site Web valide.",
    "Choose one of the proposed values.": "Choisissez l’une des valeurs proposées.",
    "This text is too long.": "Ce texte est trop long.",
    "Enter a whole number.": "Entrez un nombre entier.",
    "This number is too small.": "Ce nombre est trop petit.",
    "Enter a date (YYYY-MM-DD).": "Entrez une date (AAAA-MM-JJ).",
    "Enter a time (HH:MM).": "Entrez une heure (HH:MM).",
    "The end comes before the start.": "La fin précède le début.",
    "Choose a record from the list.": "Choisissez une fiche dans la liste.",
    "This record no longer exists.": "Cette fiche n’existe plus.",
    "This side needs a contact or an organization.": "Ce côté a besoin d’un contact ou d’une organisation.",
    "Link it to an organization, contact, introduction or event.":
        "Liez-le à une organisation, un contact, une mise en relation ou un événement.",
    "Answer yes or no.": "Répondez oui ou non.",
    "One word, without spaces.": "Un seul mot, sans espace.",
}

# The same English word, a different French one by context.
FR_IN = {
    ("Labels", "Open"): "Ouvert",
    ("Labels", "Closed"): "Conclue",
    ("Labels", "Organization"): "Organisation",
    ("Headers", "Kind"): "Type",
    ("Labels", "Email"): "Courriel",
    ("Labels", "Meeting"): "Rencontre",
}

# The same English word, a different French one by disambiguation comment.
FR_DIS = {
    ("ListPage", "All", "feminine"): "Toutes",
}

PLURALS = {
    "%n record(s)": ("%n fiche", "%n fiches"),
    "Delete %n record(s) permanently? This cannot be undone: the records and their links are erased.": (
        "Supprimer définitivement %n fiche ? C’est irréversible : la fiche et ses liens sont effacés.",
        "Supprimer définitivement %n fiches ? C’est irréversible : les fiches et leurs liens sont effacés.",
    ),
}
PLURALS_EN = {
    "%n record(s)": ("%n record", "%n records"),
    "Delete %n record(s) permanently? This cannot be undone: the records and their links are erased.": (
        "Delete %n record permanently? This cannot be undone: the record and its links are erased.",
        "Delete %n records permanently? This cannot be undone: the records and their links are erased.",
    ),
}


def _load_area_files() -> None:
    """Each area of the window may keep its French in its own fr_<area>.py (FR, PLURALS dicts)."""
    import importlib.util

    for path in sorted(HERE.glob("fr_*.py")):
        spec = importlib.util.spec_from_file_location(path.stem, path)
        assert spec is not None and spec.loader is not None
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        FR.update(getattr(module, "FR", {}))
        PLURALS.update(getattr(module, "PLURALS", {}))
        PLURALS_EN.update(getattr(module, "PLURALS_EN", {}))


def sources() -> list[str]:
    # The field catalogue holds the editors' English labels (in the "Fields" context).
    found = [*(ROOT / "crm" / "ui").rglob("*.py"), ROOT / "crm" / "domain" / "fields.py"]
    return sorted(str(p.relative_to(ROOT)) for p in found)


def fill(ts: Path, lang: str) -> list[str]:
    tree = ET.parse(ts)
    missing = []
    for context in tree.getroot().iter("context"):
        name = context.findtext("name")
        for message in context.iter("message"):
            source = message.findtext("source") or ""
            translation = message.find("translation")
            assert translation is not None
            if message.get("numerus") == "yes":
                forms = (PLURALS if lang == "fr" else PLURALS_EN).get(source)
                if forms is None:
                    missing.append(f"{name}: {source}")
                    continue
                for child in list(translation):
                    translation.remove(child)
                for form in forms:
                    ET.SubElement(translation, "numerusform").text = form
                translation.attrib.pop("type", None)
                continue
            if lang != "fr":
                continue
            comment = message.findtext("comment") or ""
            text = FR_DIS.get((str(name), source, comment)) if comment else None
            if text is None:
                text = FR_IN.get((str(name), source), FR.get(source))
            if text is None:
                missing.append(f"{name}: {source}")
                continue
            translation.text = text
            translation.attrib.pop("type", None)
    tree.write(ts, encoding="utf-8", xml_declaration=True)
    return missing


def main() -> int:
    _load_area_files()
    files = sources()
    # English needs only its plural forms ("1 record", "2 records").
    for lang in ("fr", "en"):
        ts = HERE / f"crm_{lang}.ts"
        subprocess.run(
            [BIN / "pyside6-lupdate", *files, "-ts", str(ts), "-no-obsolete", "-locations", "none",
             *(["-pluralonly"] if lang == "en" else [])],
            cwd=ROOT, check=True, capture_output=True,
        )  # fmt: skip
        missing = fill(ts, lang)
        for line in missing:
            print(f"no {lang} translation: {line}", file=sys.stderr)
        subprocess.run([BIN / "pyside6-lrelease", str(ts)], check=True, capture_output=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
