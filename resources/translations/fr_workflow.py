"""French for the introduction workflow: board, my follow-ups, dashboard charts, stage
moves, email drafts, reminders (merged by update.py)."""

FR = {
    "closed on %1": "terminée le %1",
    # stage moves
    "Move the introduction": "Déplacer la mise en relation",
    "Please confirm": "Veuillez confirmer",
    "Both parties are on the same side of the border (%1).": "Les deux parties sont du même côté de la frontière (%1).",
    "The same pair is already in introduction %1.": "La même paire figure déjà dans la mise en relation %1.",
    "Both parties have not said yes yet (double opt-in).": "Les deux parties n’ont pas encore dit oui (double consentement).",
    "Check both answers": "Vérifier les deux réponses",
    "Send the introduction email": "Envoyer le courriel de mise en relation",
    "Check in with both parties": "Prendre des nouvelles des deux parties",
    "Ask about the outcome": "Demander le résultat",
    "Outcome": "Résultat",
    "Note for the history": "Note pour l’historique",
    "Suggested follow-ups": "Suivis suggérés",
    "Move anyway": "Déplacer quand même",
    "Move": "Déplacer",
    "Cannot move": "Déplacement impossible",
    "Someone else changed this introduction meanwhile; look again and retry.":
        "Quelqu’un d’autre a modifié cette mise en relation entre-temps ; vérifiez et réessayez.",
    "History": "Historique",
    "Draft an email…": "Rédiger un courriel…",
    "Save anyway": "Enregistrer quand même",
    # board
    "Introduction board": "Tableau par étape",
    "Stalled after (days)": "Au point mort après (jours)",
    # my follow-ups
    "My follow-ups": "Mes suivis",
    "My follow-ups — %1": "Mes suivis — %1",
    "Overdue": "En retard",
    "Today": "Aujourd’hui",
    "This week": "Cette semaine",
    "Later": "Plus tard",
    "Complete": "Terminer",
    "Snooze": "Reporter",
    "Snooze until": "Reporter au",
    "Reassign": "Réassigner",
    "1 day": "1 jour",
    "1 week": "1 semaine",
    "Pick a date…": "Choisir une date…",
    "Export to calendar (.ics)…": "Exporter vers un calendrier (.ics)…",
    "Export follow-ups": "Exporter les suivis",
    "iCalendar files (*.ics)": "Fichiers iCalendar (*.ics)",
    "Follow-up": "Suivi",
    "Due": "Échéance",
    "For": "Pour",
    "Open the linked record": "Ouvrir la fiche liée",
    "Cannot change the follow-up": "Impossible de modifier le suivi",
    "E&xport my follow-ups to a calendar (.ics)…": "E&xporter mes suivis vers un calendrier (.ics)…",
    # reminders
    "Show my follow-ups": "Voir mes suivis",
    "Follow-up due": "Suivi à faire",
    # dashboard
    "Introductions per month, by direction": "Mises en relation par mois, selon le sens",
    "Outcomes of closed introductions": "Résultats des mises en relation fermées",
    "Overdue follow-ups per staff user": "Suivis en retard par membre du personnel",
    "Most connected organizations": "Organisations les plus reliées",
    "QC → MA": "QC → MA",
    "MA → QC": "MA → QC",
    "Nobody": "Personne",
    "Nothing yet": "Rien pour l’instant",
    # email drafts
    "Draft an email": "Rédiger un courriel",
    "Consent request to the Québec party": "Demande d’accord à la partie québécoise",
    "Consent request to the Massachusetts party": "Demande d’accord à la partie du Massachusetts",
    "Introduction email to both": "Courriel de mise en relation aux deux",
    "Recipient's language": "Langue du destinataire",
    "Draft": "Brouillon",
    "To": "À",
    "Nothing is sent by the desk: open the draft in your mail program or copy it.":
        "Le bureau n’envoie rien : ouvrez le brouillon dans votre logiciel de courriel ou copiez-le.",
    "Open in mail program": "Ouvrir dans le logiciel de courriel",
    "Copy": "Copier",
    "Edit the template…": "Modifier le modèle…",
    "Close": "Fermer",
    "Cannot draft the email": "Impossible de rédiger le courriel",
    "No mail program": "Aucun logiciel de courriel",
    "No mail program answered; the draft was copied instead.":
        "Aucun logiciel de courriel n’a répondu ; le brouillon a été copié à la place.",
    "Email template (%1)": "Modèle de courriel (%1)",
    "First line: Subject: …; then a blank line and the body. Placeholders: %1":
        "Première ligne : Subject: … ; puis une ligne vide et le corps. Champs à remplacer : %1",
    "Restore the default": "Rétablir le modèle d’origine",
    # introduction editor: consents
    "Québec party agrees": "Accord de la partie québécoise",
    "Québec answer on": "Réponse québécoise le",
    "Québec answer by (email, phone…)": "Réponse québécoise par (courriel, téléphone…)",
    "Massachusetts party agrees": "Accord de la partie du Massachusetts",
    "Massachusetts answer on": "Réponse du Massachusetts le",
    "Massachusetts answer by (email, phone…)": "Réponse du Massachusetts par (courriel, téléphone…)",
}

PLURALS = {
    "%n day(s) in stage": ("%n jour à cette étape", "%n jours à cette étape"),
    "%n more…": ("%n de plus…", "%n de plus…"),
    "Stalled: %n introduction(s) without a stage change for %1 days": (
        "Au point mort : %n mise en relation sans changement d’étape depuis %1 jours",
        "Au point mort : %n mises en relation sans changement d’étape depuis %1 jours",
    ),
    "%n follow-up(s) written to %1.": ("%n suivi écrit dans %1.", "%n suivis écrits dans %1."),
    "%n follow-up(s) overdue": ("%n suivi en retard", "%n suivis en retard"),
    "%n due today": ("%n à faire aujourd’hui", "%n à faire aujourd’hui"),
}

PLURALS_EN = {
    "%n day(s) in stage": ("%n day in stage", "%n days in stage"),
    "%n more…": ("%n more…", "%n more…"),
    "Stalled: %n introduction(s) without a stage change for %1 days": (
        "Stalled: %n introduction without a stage change for %1 days",
        "Stalled: %n introductions without a stage change for %1 days",
    ),
    "%n follow-up(s) written to %1.": ("%n follow-up written to %1.", "%n follow-ups written to %1."),
    "%n follow-up(s) overdue": ("%n follow-up overdue", "%n follow-ups overdue"),
    "%n due today": ("%n due today", "%n due today"),
}
