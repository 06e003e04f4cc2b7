"""French for events: participants edited in the event editor, one-to-one meetings turned
into introductions, the delegation roster (merged by update.py)."""

FR = {
    # participants panel
    "Participants (%1)": "Participants (%1)",
    "Side": "Côté",
    "Role": "Rôle",
    "Attended": "Présence",
    "Type a name to add…": "Tapez un nom pour l’ajouter…",
    "Role (speaker, delegate…)": "Rôle (conférencier, délégué…)",
    "Add": "Ajouter",
    "Remove": "Retirer",
    "Move the selected participants to the trash": "Mettre les participants choisis à la corbeille",
    "One-to-one meeting → introduction…": "Rencontre individuelle → mise en relation…",
    "Delegation roster…": "Liste de la délégation…",
    "Someone else changed this participant meanwhile; the list shows their version now.": "Quelqu’un d’autre a modifié ce participant entre-temps; la liste montre maintenant sa version.",
    "This participant is no longer there.": "Ce participant n’est plus là.",
    "Cannot change the participant": "Impossible de modifier le participant",
    "Already a participant": "Déjà participant",
    "This participant is already on the list of this event. Add it again?": "Ce participant figure déjà sur la liste de cet événement. L’ajouter de nouveau?",
    "Add anyway": "Ajouter quand même",
    "Cannot add the participant": "Impossible d’ajouter le participant",
    "Add a participant": "Ajouter un participant",
    "Type a name and pick a contact or an organization from the list.": "Tapez un nom et choisissez un contact ou une organisation dans la liste.",
    "Cannot remove the participant": "Impossible de retirer le participant",
    # one-to-one meeting → introduction
    "One-to-one meeting → introduction": "Rencontre individuelle → mise en relation",
    "A one-to-one meeting held at <b>%1</b> becomes an introduction at the stage “Meeting held”, linked to the event.": "Une rencontre individuelle tenue à <b>%1</b> devient une mise en relation à l’étape "
    "« Rencontre tenue », liée à l’événement.",
    "Québec participant": "Participant québécois",
    "Massachusetts participant": "Participant du Massachusetts",
    "Create the introduction": "Créer la mise en relation",
    "This event needs at least one Québec participant and one Massachusetts participant.": "Cet événement doit compter au moins un participant québécois et un participant du "
    "Massachusetts.",
    "Create anyway": "Créer quand même",
    "Cannot create the introduction": "Impossible de créer la mise en relation",
    # the delegation roster
    "Delegation roster": "Liste de la délégation",
    "Save as text…": "Enregistrer en texte…",
    "Save as PDF…": "Enregistrer en PDF…",
    "✓ attended · ✗ did not attend": "✓ présent · ✗ absent",
    "Save the roster as text": "Enregistrer la liste en texte",
    "Text files (*.txt)": "Fichiers texte (*.txt)",
    "Save the roster as PDF": "Enregistrer la liste en PDF",
    "PDF files (*.pdf)": "Fichiers PDF (*.pdf)",
}
