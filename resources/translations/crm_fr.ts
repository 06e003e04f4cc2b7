<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR">
<context>
    <name></name>
    <message>
        <source>Draft an email</source>
        <translation>Rédiger un courriel</translation>
    </message>
    <message>
        <source>Consent request to the Québec party</source>
        <translation>Demande d’accord à la partie québécoise</translation>
    </message>
    <message>
        <source>Consent request to the Massachusetts party</source>
        <translation>Demande d’accord à la partie du Massachusetts</translation>
    </message>
    <message>
        <source>Introduction email to both</source>
        <translation>Courriel de mise en relation aux deux</translation>
    </message>
    <message>
        <source>Recipient&apos;s language</source>
        <translation>Langue du destinataire</translation>
    </message>
    <message>
        <source>French</source>
        <translation>Français</translation>
    </message>
    <message>
        <source>English</source>
        <translation>Anglais</translation>
    </message>
    <message>
        <source>Draft</source>
        <translation>Brouillon</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Langue</translation>
    </message>
    <message>
        <source>To</source>
        <translation>À</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>Sujet</translation>
    </message>
    <message>
        <source>Nothing is sent by the desk: open the draft in your mail program or copy it.</source>
        <translation>Le bureau n’envoie rien : ouvrez le brouillon dans votre logiciel de courriel ou copiez-le.</translation>
    </message>
    <message>
        <source>Open in mail program</source>
        <translation>Ouvrir dans le logiciel de courriel</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Copier</translation>
    </message>
    <message>
        <source>Edit the template…</source>
        <translation>Modifier le modèle…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
    <message>
        <source>No mail program</source>
        <translation>Aucun logiciel de courriel</translation>
    </message>
    <message>
        <source>No mail program answered; the draft was copied instead.</source>
        <translation>Aucun logiciel de courriel n’a répondu ; le brouillon a été copié à la place.</translation>
    </message>
    <message>
        <source>Email template (%1)</source>
        <translation>Modèle de courriel (%1)</translation>
    </message>
    <message>
        <source>First line: Subject: …; then a blank line and the body. Placeholders: %1</source>
        <translation>Première ligne : Subject: … ; puis une ligne vide et le corps. Champs à remplacer : %1</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Enregistrer</translation>
    </message>
    <message>
        <source>Restore the default</source>
        <translation>Rétablir le modèle d’origine</translation>
    </message>
    <message>
        <source>Complete the follow-up</source>
        <translation>Terminer le suivi</translation>
    </message>
    <message>
        <source>&amp;Outcome:</source>
        <translation>&amp;Résultat :</translation>
    </message>
    <message>
        <source>What came of it? (added to its notes)</source>
        <translation>Qu’en est-il ressorti ? (ajouté à ses notes)</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Follow up: %1</source>
        <translation>Suivi : %1</translation>
    </message>
    <message>
        <source>Cannot complete the follow-up</source>
        <translation>Impossible de terminer le suivi</translation>
    </message>
    <message>
        <source>“%1” is not open: there is nothing to complete.</source>
        <translation>« %1 » n’est pas ouvert : il n’y a rien à terminer.</translation>
    </message>
    <message>
        <source>Both parties are on the same side of the border (%1).</source>
        <translation>Les deux parties sont du même côté de la frontière (%1).</translation>
    </message>
    <message>
        <source>The same pair is already in introduction %1.</source>
        <translation>La même paire figure déjà dans la mise en relation %1.</translation>
    </message>
    <message>
        <source>Both parties have not said yes yet (double opt-in).</source>
        <translation>Les deux parties n’ont pas encore dit oui (double consentement).</translation>
    </message>
    <message>
        <source>Check both answers</source>
        <translation>Vérifier les deux réponses</translation>
    </message>
    <message>
        <source>Send the introduction email</source>
        <translation>Envoyer le courriel de mise en relation</translation>
    </message>
    <message>
        <source>Check in with both parties</source>
        <translation>Prendre des nouvelles des deux parties</translation>
    </message>
    <message>
        <source>Ask about the outcome</source>
        <translation>Demander le résultat</translation>
    </message>
    <message>
        <source>Move the introduction</source>
        <translation>Déplacer la mise en relation</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>Inconnu</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Oui</translation>
    </message>
    <message>
        <source>No</source>
        <translation>Non</translation>
    </message>
    <message>
        <source>One-to-one meeting → introduction</source>
        <translation>Rencontre individuelle → mise en relation</translation>
    </message>
    <message>
        <source>A one-to-one meeting held at &lt;b&gt;%1&lt;/b&gt; becomes an introduction at the stage “Meeting held”, linked to the event.</source>
        <translation>Une rencontre individuelle tenue à &lt;b&gt;%1&lt;/b&gt; devient une mise en relation à l’étape « Rencontre tenue », liée à l’événement.</translation>
    </message>
    <message>
        <source>Québec participant</source>
        <translation>Participant québécois</translation>
    </message>
    <message>
        <source>Massachusetts participant</source>
        <translation>Participant du Massachusetts</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>Create the introduction</source>
        <translation>Créer la mise en relation</translation>
    </message>
    <message>
        <source>This event needs at least one Québec participant and one Massachusetts participant.</source>
        <translation>Cet événement doit compter au moins un participant québécois et un participant du Massachusetts.</translation>
    </message>
    <message>
        <source>Please confirm</source>
        <translation>Veuillez confirmer</translation>
    </message>
    <message>
        <source>Create anyway</source>
        <translation>Créer quand même</translation>
    </message>
    <message>
        <source>Cannot create the introduction</source>
        <translation>Impossible de créer la mise en relation</translation>
    </message>
    <message>
        <source>Delegation roster</source>
        <translation>Liste de la délégation</translation>
    </message>
    <message>
        <source>Participant</source>
        <translation>Participant</translation>
    </message>
    <message>
        <source>Organization</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Rôle</translation>
    </message>
    <message>
        <source>Attended</source>
        <translation>Présence</translation>
    </message>
    <message>
        <source>Save as text…</source>
        <translation>Enregistrer en texte…</translation>
    </message>
    <message>
        <source>Save as PDF…</source>
        <translation>Enregistrer en PDF…</translation>
    </message>
    <message>
        <source>✓ attended · ✗ did not attend</source>
        <translation>✓ présent · ✗ absent</translation>
    </message>
    <message>
        <source>Save the roster as text</source>
        <translation>Enregistrer la liste en texte</translation>
    </message>
    <message>
        <source>Text files (*.txt)</source>
        <translation>Fichiers texte (*.txt)</translation>
    </message>
    <message>
        <source>Add a &amp;next step (a follow-up)</source>
        <translation>Ajouter une étape suiva&amp;nte (un suivi)</translation>
    </message>
    <message>
        <source>Cannot save</source>
        <translation>Enregistrement impossible</translation>
    </message>
    <message>
        <source>Save the roster as PDF</source>
        <translation>Enregistrer la liste en PDF</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>Fichiers PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Résultat</translation>
    </message>
    <message>
        <source>Note for the history</source>
        <translation>Note pour l’historique</translation>
    </message>
    <message>
        <source>Suggested follow-ups</source>
        <translation>Suivis suggérés</translation>
    </message>
    <message>
        <source>Move anyway</source>
        <translation>Déplacer quand même</translation>
    </message>
    <message>
        <source>Move</source>
        <translation>Déplacer</translation>
    </message>
    <message>
        <source>Changed by someone else</source>
        <translation>Modifiée par quelqu’un d’autre</translation>
    </message>
    <message>
        <source>Someone else changed this introduction meanwhile; look again and retry.</source>
        <translation>Quelqu’un d’autre a modifié cette mise en relation entre-temps ; vérifiez et réessayez.</translation>
    </message>
    <message>
        <source>Cannot move</source>
        <translation>Déplacement impossible</translation>
    </message>
    <message>
        <source>History</source>
        <translation>Historique</translation>
    </message>
    <message>
        <source>Draft an email…</source>
        <translation>Rédiger un courriel…</translation>
    </message>
    <message>
        <source>Undo of the previous move</source>
        <translation>Annulation du déplacement précédent</translation>
    </message>
    <message>
        <source>Save anyway</source>
        <translation>Enregistrer quand même</translation>
    </message>
    <message numerus="yes">
        <source>%n follow-up(s) overdue</source>
        <translation>
            <numerusform>%n suivi en retard</numerusform>
            <numerusform>%n suivis en retard</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n due today</source>
        <translation>
            <numerusform>%n à faire aujourd’hui</numerusform>
            <numerusform>%n à faire aujourd’hui</numerusform>
        </translation>
    </message>
    <message>
        <source>Show my follow-ups</source>
        <translation>Voir mes suivis</translation>
    </message>
    <message>
        <source>Follow-up due</source>
        <translation>Suivi à faire</translation>
    </message>
    <message>
        <source>Introduction board</source>
        <translation>Tableau par étape</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>Responsable</translation>
    </message>
    <message>
        <source>Purpose</source>
        <translation>Objet</translation>
    </message>
    <message>
        <source>Stalled after (days)</source>
        <translation>Au point mort après (jours)</translation>
    </message>
    <message>
        <source>All</source>
        <translation>Tous</translation>
    </message>
    <message>
        <source>closed on %1</source>
        <translation>terminée le %1</translation>
    </message>
    <message numerus="yes">
        <source>%n day(s) in stage</source>
        <translation>
            <numerusform>%n jour à cette étape</numerusform>
            <numerusform>%n jours à cette étape</numerusform>
        </translation>
    </message>
    <message>
        <source>A follow-up is overdue</source>
        <translation>Un suivi est en retard</translation>
    </message>
    <message>
        <source>No introduction matches these filters</source>
        <translation>Aucune mise en relation ne correspond à ces filtres</translation>
    </message>
    <message>
        <source>Choose another owner or purpose, or show them all.</source>
        <translation>Choisissez un autre responsable ou un autre objet, ou affichez-les toutes.</translation>
    </message>
    <message>
        <source>Show all introductions</source>
        <translation>Afficher toutes les mises en relation</translation>
    </message>
    <message>
        <source>New introduction</source>
        <translation>Nouvelle mise en relation</translation>
    </message>
    <message>
        <source>Load the demo data</source>
        <translation>Charger les données de démonstration</translation>
    </message>
    <message>
        <source>No introductions on the board yet</source>
        <translation>Aucune mise en relation au tableau pour l’instant</translation>
    </message>
    <message>
        <source>Each introduction is a card in the column of its stage, from Proposed to Closed; move it with the mouse or Ctrl+Right / Ctrl+Left. Start the first one, or load the demo data.</source>
        <translation>Chaque mise en relation est une carte dans la colonne de son étape, de Proposée à Terminée ; déplacez-la à la souris ou avec Ctrl+Droite / Ctrl+Gauche. Commencez la première, ou chargez les données de démonstration.</translation>
    </message>
    <message numerus="yes">
        <source>%n more…</source>
        <translation>
            <numerusform>%n de plus…</numerusform>
            <numerusform>%n de plus…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Stalled: %n introduction(s) without a stage change for %1 days</source>
        <translation>
            <numerusform>Au point mort : %n mise en relation sans changement d’étape depuis %1 jours</numerusform>
            <numerusform>Au point mort : %n mises en relation sans changement d’étape depuis %1 jours</numerusform>
        </translation>
    </message>
    <message>
        <source>Dashboard</source>
        <translation>Tableau de bord</translation>
    </message>
    <message>
        <source>Organizations in Québec</source>
        <translation>Organisations au Québec</translation>
    </message>
    <message>
        <source>Organizations in Massachusetts</source>
        <translation>Organisations au Massachusetts</translation>
    </message>
    <message>
        <source>Contacts</source>
        <translation>Contacts</translation>
    </message>
    <message>
        <source>Open follow-ups</source>
        <translation>Suivis ouverts</translation>
    </message>
    <message>
        <source>Overdue follow-ups</source>
        <translation>Suivis en retard</translation>
    </message>
    <message>
        <source>Upcoming events</source>
        <translation>Événements à venir</translation>
    </message>
    <message>
        <source>Show them in their list</source>
        <translation>Les afficher dans leur liste</translation>
    </message>
    <message>
        <source>Introductions by stage</source>
        <translation>Mises en relation par étape</translation>
    </message>
    <message>
        <source>Introductions per month, by direction</source>
        <translation>Mises en relation par mois, selon le sens</translation>
    </message>
    <message>
        <source>Outcomes of closed introductions</source>
        <translation>Résultats des mises en relation fermées</translation>
    </message>
    <message>
        <source>Overdue follow-ups per staff user</source>
        <translation>Suivis en retard par membre du personnel</translation>
    </message>
    <message>
        <source>Most connected organizations</source>
        <translation>Organisations les plus reliées</translation>
    </message>
    <message>
        <source>Nothing yet</source>
        <translation>Rien pour l’instant</translation>
    </message>
    <message>
        <source>Import a CSV file…</source>
        <translation>Importer un fichier CSV…</translation>
    </message>
    <message>
        <source>New organization</source>
        <translation>Nouvelle organisation</translation>
    </message>
    <message>
        <source>Welcome to the cooperation desk</source>
        <translation>Bienvenue au bureau de coopération</translation>
    </message>
    <message>
        <source>The dashboard sums up the cooperation between BIOQuébec and MassBio once the desk holds organizations, people and introductions. Try it with the demo data, import your contacts, or add your first organization.</source>
        <translation>Le tableau de bord résume la coopération entre BIOQuébec et MassBio dès que le bureau contient des organisations, des personnes et des mises en relation. Essayez-le avec les données de démonstration, importez vos contacts ou ajoutez votre première organisation.</translation>
    </message>
    <message>
        <source>QC → MA</source>
        <translation>QC → MA</translation>
    </message>
    <message>
        <source>MA → QC</source>
        <translation>MA → QC</translation>
    </message>
    <message>
        <source>Nobody</source>
        <translation>Personne</translation>
    </message>
    <message>
        <source>Snooze until</source>
        <translation>Reporter au</translation>
    </message>
    <message>
        <source>Export follow-ups</source>
        <translation>Exporter les suivis</translation>
    </message>
    <message>
        <source>iCalendar files (*.ics)</source>
        <translation>Fichiers iCalendar (*.ics)</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>En retard</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>Aujourd’hui</translation>
    </message>
    <message>
        <source>This week</source>
        <translation>Cette semaine</translation>
    </message>
    <message>
        <source>Later</source>
        <translation>Plus tard</translation>
    </message>
    <message>
        <source>My follow-ups — %1</source>
        <translation>Mes suivis — %1</translation>
    </message>
    <message>
        <source>Complete</source>
        <translation>Terminer</translation>
    </message>
    <message>
        <source>Snooze</source>
        <translation>Reporter</translation>
    </message>
    <message>
        <source>Reassign</source>
        <translation>Réassigner</translation>
    </message>
    <message>
        <source>New follow-up…</source>
        <translation>Nouveau suivi…</translation>
    </message>
    <message>
        <source>Export to calendar (.ics)…</source>
        <translation>Exporter vers un calendrier (.ics)…</translation>
    </message>
    <message>
        <source>Follow-up</source>
        <translation>Suivi</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>Échéance</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>Priorité</translation>
    </message>
    <message>
        <source>For</source>
        <translation>Pour</translation>
    </message>
    <message>
        <source>1 day</source>
        <translation>1 jour</translation>
    </message>
    <message>
        <source>1 week</source>
        <translation>1 semaine</translation>
    </message>
    <message>
        <source>Pick a date…</source>
        <translation>Choisir une date…</translation>
    </message>
    <message>
        <source>Nothing to follow up</source>
        <translation>Aucun suivi à faire</translation>
    </message>
    <message>
        <source>Your open follow-ups appear here, grouped by when they fall due: overdue, today, this week, later. Add one for your next call or email.</source>
        <translation>Vos suivis ouverts s’affichent ici, groupés selon leur échéance : en retard, aujourd’hui, cette semaine, plus tard. Ajoutez-en un pour votre prochain appel ou courriel.</translation>
    </message>
    <message>
        <source>Cannot change the follow-up</source>
        <translation>Impossible de modifier le suivi</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Ouvrir</translation>
    </message>
    <message>
        <source>Open the linked record</source>
        <translation>Ouvrir la fiche liée</translation>
    </message>
    <message numerus="yes">
        <source>%n follow-up(s) written to %1.</source>
        <translation>
            <numerusform>%n suivi écrit dans %1.</numerusform>
            <numerusform>%n suivis écrits dans %1.</numerusform>
        </translation>
    </message>
    <message>
        <source>Participants (%1)</source>
        <translation>Participants (%1)</translation>
    </message>
    <message>
        <source>Side</source>
        <translation>Côté</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>Contact</translation>
    </message>
    <message>
        <source>Type a name to add…</source>
        <translation>Tapez un nom pour l’ajouter…</translation>
    </message>
    <message>
        <source>Role (speaker, delegate…)</source>
        <translation>Rôle (conférencier, délégué…)</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Ajouter</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Retirer</translation>
    </message>
    <message>
        <source>Move the selected participants to the trash</source>
        <translation>Mettre les participants choisis à la corbeille</translation>
    </message>
    <message>
        <source>One-to-one meeting → introduction…</source>
        <translation>Rencontre individuelle → mise en relation…</translation>
    </message>
    <message>
        <source>Delegation roster…</source>
        <translation>Liste de la délégation…</translation>
    </message>
    <message>
        <source>Someone else changed this participant meanwhile; the list shows their version now.</source>
        <translation>Quelqu’un d’autre a modifié ce participant entre-temps; la liste montre maintenant sa version.</translation>
    </message>
    <message>
        <source>This participant is no longer there.</source>
        <translation>Ce participant n’est plus là.</translation>
    </message>
    <message>
        <source>Cannot change the participant</source>
        <translation>Impossible de modifier le participant</translation>
    </message>
    <message>
        <source>Already a participant</source>
        <translation>Déjà participant</translation>
    </message>
    <message>
        <source>This participant is already on the list of this event. Add it again?</source>
        <translation>Ce participant figure déjà sur la liste de cet événement. L’ajouter de nouveau?</translation>
    </message>
    <message>
        <source>Add anyway</source>
        <translation>Ajouter quand même</translation>
    </message>
    <message>
        <source>Cannot add the participant</source>
        <translation>Impossible d’ajouter le participant</translation>
    </message>
    <message>
        <source>Add a participant</source>
        <translation>Ajouter un participant</translation>
    </message>
    <message>
        <source>Type a name and pick a contact or an organization from the list.</source>
        <translation>Tapez un nom et choisissez un contact ou une organisation dans la liste.</translation>
    </message>
    <message>
        <source>Cannot remove the participant</source>
        <translation>Impossible de retirer le participant</translation>
    </message>
    <message>
        <source>Moved “%1” to the trash</source>
        <translation>« %1 » mis à la corbeille</translation>
    </message>
    <message numerus="yes">
        <source>Moved %n record(s) to the trash</source>
        <translation>
            <numerusform>%n fiche mise à la corbeille</numerusform>
            <numerusform>%n fiches mises à la corbeille</numerusform>
        </translation>
    </message>
    <message>
        <source>Restored “%1” from the trash</source>
        <translation>« %1 » restauré depuis la corbeille</translation>
    </message>
    <message numerus="yes">
        <source>Restored %n record(s) from the trash</source>
        <translation>
            <numerusform>%n fiche restaurée depuis la corbeille</numerusform>
            <numerusform>%n fiches restaurées depuis la corbeille</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Deleted %n record(s) permanently: this cannot be undone.</source>
        <translation>
            <numerusform>%n fiche supprimée définitivement : cela ne peut pas être annulé.</numerusform>
            <numerusform>%n fiches supprimées définitivement : cela ne peut pas être annulé.</numerusform>
        </translation>
    </message>
    <message>
        <source>Completed “%1”</source>
        <translation>« %1 » terminé</translation>
    </message>
    <message numerus="yes">
        <source>Completed %n follow-up(s)</source>
        <translation>
            <numerusform>%n suivi terminé</numerusform>
            <numerusform>%n suivis terminés</numerusform>
        </translation>
    </message>
    <message>
        <source>Snoozed “%1” to %2</source>
        <translation>« %1 » reporté au %2</translation>
    </message>
    <message numerus="yes">
        <source>Snoozed %n follow-up(s) to %2</source>
        <translation>
            <numerusform>%n suivi reporté au %2</numerusform>
            <numerusform>%n suivis reportés au %2</numerusform>
        </translation>
    </message>
    <message>
        <source>Moved “%1” to %2</source>
        <translation>« %1 » déplacé à l’étape %2</translation>
    </message>
    <message>
        <source>Merged “%1” into “%2”</source>
        <translation>« %1 » fusionné dans « %2 »</translation>
    </message>
    <message>
        <source>Changed “%1”</source>
        <translation>« %1 » modifié</translation>
    </message>
    <message numerus="yes">
        <source>Changed %n record(s) at once</source>
        <translation>
            <numerusform>%n fiche modifiée d’un coup</numerusform>
            <numerusform>%n fiches modifiées d’un coup</numerusform>
        </translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Take back the last action (%1)</source>
        <translation>Annuler la dernière action (%1)</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Annuler</translation>
    </message>
    <message>
        <source>Not undone: a record changed since (%1).</source>
        <translation>Rien n’a été annulé : une fiche a changé depuis (%1).</translation>
    </message>
    <message>
        <source>Cannot undo</source>
        <translation>Impossible d’annuler</translation>
    </message>
    <message>
        <source>“%1” cannot be undone: the record was changed since, by you or someone else. Nothing was undone.</source>
        <translation>« %1 » ne peut pas être annulé : la fiche a été modifiée depuis, par vous ou par quelqu’un d’autre. Rien n’a été annulé.</translation>
    </message>
    <message>
        <source>Undone: %1</source>
        <translation>Annulé : %1</translation>
    </message>
    <message>
        <source>Cannot start an introduction</source>
        <translation>Impossible de commencer une mise en relation</translation>
    </message>
    <message>
        <source>Log a call</source>
        <translation>Consigner un appel</translation>
    </message>
    <message>
        <source>Log an email</source>
        <translation>Consigner un courriel</translation>
    </message>
    <message>
        <source>Log a meeting</source>
        <translation>Consigner une rencontre</translation>
    </message>
    <message>
        <source>Add a note</source>
        <translation>Ajouter une note</translation>
    </message>
    <message>
        <source>Log an interaction</source>
        <translation>Consigner un échange</translation>
    </message>
    <message>
        <source>Log it</source>
        <translation>Consigner</translation>
    </message>
    <message>
        <source>What was it about?</source>
        <translation>De quoi a-t-il été question ?</translation>
    </message>
    <message>
        <source>Follow up</source>
        <translation>Suivi</translation>
    </message>
    <message>
        <source>Cannot log it</source>
        <translation>Impossible de le consigner</translation>
    </message>
    <message>
        <source>Logged: %1 “%2”</source>
        <translation>Consigné : %1 « %2 »</translation>
    </message>
    <message>
        <source>Logged: %1</source>
        <translation>Consigné : %1</translation>
    </message>
    <message>
        <source>and its next step</source>
        <translation>et son étape suivante</translation>
    </message>
    <message>
        <source>Calls, emails, meetings and notes</source>
        <translation>Appels, courriels, rencontres et notes</translation>
    </message>
    <message>
        <source>Stage changes</source>
        <translation>Changements d’étape</translation>
    </message>
    <message>
        <source>Follow-ups</source>
        <translation>Suivis</translation>
    </message>
    <message>
        <source>Events</source>
        <translation>Événements</translation>
    </message>
    <message>
        <source>Imports</source>
        <translation>Importations</translation>
    </message>
    <message>
        <source>Partner exports</source>
        <translation>Exportations aux partenaires</translation>
    </message>
    <message>
        <source>Edits</source>
        <translation>Modifications</translation>
    </message>
    <message>
        <source>with %1</source>
        <translation>avec %1</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>Étape</translation>
    </message>
    <message>
        <source>Follow-up done: %1</source>
        <translation>Suivi terminé : %1</translation>
    </message>
    <message>
        <source>Follow-up created: %1 (due %2)</source>
        <translation>Suivi créé : %1 (échéance %2)</translation>
    </message>
    <message>
        <source>%1 registered</source>
        <translation>%1 inscrit(e)</translation>
    </message>
    <message>
        <source>Will take part in %1</source>
        <translation>Participera à %1</translation>
    </message>
    <message>
        <source>Took part in %1</source>
        <translation>A participé à %1</translation>
    </message>
    <message>
        <source>Participants imported from %1</source>
        <translation>Participants importés de %1</translation>
    </message>
    <message>
        <source>Updated by the import of %1</source>
        <translation>Mis à jour par l’importation de %1</translation>
    </message>
    <message>
        <source>Created by the import of %1</source>
        <translation>Créé par l’importation de %1</translation>
    </message>
    <message>
        <source>(undone since)</source>
        <translation>(annulée depuis)</translation>
    </message>
    <message>
        <source>Included in the partner file %1</source>
        <translation>Inclus dans le fichier partenaire %1</translation>
    </message>
    <message>
        <source>for %1</source>
        <translation>pour %1</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Créé</translation>
    </message>
    <message>
        <source>Changed</source>
        <translation>Modifié</translation>
    </message>
    <message>
        <source>Moved to the trash</source>
        <translation>Mis à la corbeille</translation>
    </message>
    <message>
        <source>Restored from the trash</source>
        <translation>Restauré de la corbeille</translation>
    </message>
    <message>
        <source>Nothing has happened here yet: log a call, an email, a meeting or a note.</source>
        <translation>Rien ne s’est encore passé ici : consignez un appel, un courriel, une rencontre ou une note.</translation>
    </message>
    <message>
        <source>Nothing of this kind yet.</source>
        <translation>Rien de ce genre pour l’instant.</translation>
    </message>
    <message>
        <source>&amp;Show:</source>
        <translation>&amp;Afficher :</translation>
    </message>
    <message>
        <source>Everything</source>
        <translation>Tout</translation>
    </message>
    <message>
        <source>Cannot open the view</source>
        <translation>Impossible d’ouvrir la vue</translation>
    </message>
    <message>
        <source>Save view</source>
        <translation>Enregistrer la vue</translation>
    </message>
    <message>
        <source>Name of the view (it appears under the list in the sidebar):</source>
        <translation>Nom de la vue (elle paraît sous la liste, dans la barre latérale) :</translation>
    </message>
    <message>
        <source>You already have a view named “%1” for this list. Replace it with what the list shows now?</source>
        <translation>Vous avez déjà une vue nommée « %1 » pour cette liste. La remplacer par ce que la liste affiche maintenant ?</translation>
    </message>
    <message>
        <source>Replace</source>
        <translation>Remplacer</translation>
    </message>
    <message>
        <source>Cannot save the view</source>
        <translation>Impossible d’enregistrer la vue</translation>
    </message>
    <message>
        <source>Rename view</source>
        <translation>Renommer la vue</translation>
    </message>
    <message>
        <source>New name of the view:</source>
        <translation>Nouveau nom de la vue :</translation>
    </message>
    <message>
        <source>Cannot rename the view</source>
        <translation>Impossible de renommer la vue</translation>
    </message>
    <message>
        <source>Delete view</source>
        <translation>Supprimer la vue</translation>
    </message>
    <message>
        <source>Delete the saved view “%1”? The records it shows are not touched.</source>
        <translation>Supprimer la vue enregistrée « %1 » ? Les fiches qu’elle affiche ne sont pas touchées.</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Supprimer</translation>
    </message>
    <message>
        <source>Cannot delete the view</source>
        <translation>Impossible de supprimer la vue</translation>
    </message>
    <message numerus="yes">
        <source>%n day(s)</source>
        <translation>
            <numerusform>%n jour</numerusform>
            <numerusform>%n jours</numerusform>
        </translation>
    </message>
    <message>
        <source>Saved view: %1</source>
        <translation>Vue enregistrée : %1</translation>
    </message>
    <message>
        <source>Rename…</source>
        <translation>Renommer…</translation>
    </message>
    <message numerus="yes">
        <source>%n open follow-up(s)</source>
        <translation>
            <numerusform>%n suivi ouvert</numerusform>
            <numerusform>%n suivis ouverts</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n overdue</source>
        <translation>
            <numerusform>%n en retard</numerusform>
            <numerusform>%n en retard</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>About</name>
    <message>
        <source>About the cooperation desk</source>
        <translation>À propos du bureau de coopération</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Cooperation desk&lt;/h3&gt;&lt;p&gt;The shared CRM of the BIOQuébec–MassBio cooperation: organizations, contacts, introductions, follow-ups and events on both sides of the border.&lt;/p&gt;&lt;p&gt;Version %1&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Bureau de coopération&lt;/h3&gt;&lt;p&gt;Le CRM partagé de la coopération BIOQuébec–MassBio : organisations, contacts, mises en relation, suivis et événements des deux côtés de la frontière.&lt;/p&gt;&lt;p&gt;Version %1&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>App</name>
    <message>
        <source>Cooperation desk</source>
        <translation>Bureau de coopération</translation>
    </message>
    <message>
        <source>Demo data</source>
        <translation>Données de démonstration</translation>
    </message>
    <message>
        <source>The demo data is not available in this version.</source>
        <translation>Les données de démonstration ne sont pas offertes dans cette version.</translation>
    </message>
    <message>
        <source>Cannot start</source>
        <translation>Démarrage impossible</translation>
    </message>
    <message>
        <source>There is no staff user named “%1” in %2.

Create this staff user now? Every change you make will be recorded under this name.</source>
        <translation>Il n’y a pas d’utilisateur nommé « %1 » dans %2.

Créer cet utilisateur maintenant ? Chacune de vos modifications sera enregistrée sous ce nom.</translation>
    </message>
    <message>
        <source>Unknown staff user</source>
        <translation>Utilisateur inconnu</translation>
    </message>
    <message>
        <source>Create the staff user</source>
        <translation>Créer l’utilisateur</translation>
    </message>
    <message>
        <source>Cannot create the staff user</source>
        <translation>Impossible de créer l’utilisateur</translation>
    </message>
    <message>
        <source>Cannot open the database</source>
        <translation>Impossible d’ouvrir la base de données</translation>
    </message>
</context>
<context>
    <name>BulkEditDialog</name>
    <message>
        <source>Add a tag</source>
        <translation>Ajouter une étiquette</translation>
    </message>
    <message>
        <source>Remove a tag</source>
        <translation>Retirer une étiquette</translation>
    </message>
    <message>
        <source>Set the territory</source>
        <translation>Choisir le territoire</translation>
    </message>
    <message>
        <source>Set the membership</source>
        <translation>Choisir l’adhésion</translation>
    </message>
    <message>
        <source>Set the preferred language</source>
        <translation>Choisir la langue préférée</translation>
    </message>
    <message>
        <source>Record a consent answer (sharing with partners)</source>
        <translation>Noter une réponse de consentement (partage avec les partenaires)</translation>
    </message>
    <message>
        <source>Set the owner</source>
        <translation>Choisir le responsable</translation>
    </message>
    <message>
        <source>Set the assignee</source>
        <translation>Choisir la personne assignée</translation>
    </message>
    <message>
        <source>Edit selected records</source>
        <translation>Modifier les fiches choisies</translation>
    </message>
    <message numerus="yes">
        <source>One change for the %n selected record(s). Records that already have it are left as they are; Undo takes the whole change back.</source>
        <translation>
            <numerusform>Une modification pour la fiche choisie (%n). Une fiche qui l’a déjà reste telle quelle ; Annuler reprend toute la modification.</numerusform>
            <numerusform>Une modification pour les %n fiches choisies. Celles qui l’ont déjà restent telles quelles ; Annuler reprend toute la modification.</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Change:</source>
        <translation>&amp;Modifier :</translation>
    </message>
    <message>
        <source>&amp;Value:</source>
        <translation>&amp;Valeur :</translation>
    </message>
    <message>
        <source>&amp;Apply</source>
        <translation>&amp;Appliquer</translation>
    </message>
    <message>
        <source>A tag, e.g. Mission Boston 2026</source>
        <translation>Une étiquette, p. ex. Mission Boston 2026</translation>
    </message>
    <message>
        <source>email, phone, form…</source>
        <translation>courriel, téléphone, formulaire…</translation>
    </message>
    <message>
        <source>Answer:</source>
        <translation>Réponse :</translation>
    </message>
    <message>
        <source>Answered on:</source>
        <translation>Répondu le :</translation>
    </message>
    <message>
        <source>Answered by:</source>
        <translation>Répondu par :</translation>
    </message>
    <message>
        <source>Type the tag.</source>
        <translation>Tapez l’étiquette.</translation>
    </message>
    <message>
        <source>Choose the answer.</source>
        <translation>Choisissez la réponse.</translation>
    </message>
    <message>
        <source>Cannot change the selected records</source>
        <translation>Impossible de modifier les fiches choisies</translation>
    </message>
</context>
<context>
    <name>ChangedElsewhere</name>
    <message>
        <source>someone</source>
        <translation>quelqu’un</translation>
    </message>
    <message>
        <source>%1 saved this record at %2, after you opened it. What you typed is kept; saving will ask before writing over their change.</source>
        <translation>%1 a enregistré cette fiche à %2, après que vous l’avez ouverte. Ce que vous avez saisi est conservé ; l’enregistrement demandera confirmation avant de remplacer sa modification.</translation>
    </message>
</context>
<context>
    <name>ContactEditor</name>
    <message>
        <source>New contact</source>
        <translation>Nouveau contact</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>Contact</translation>
    </message>
</context>
<context>
    <name>ContactsPage</name>
    <message>
        <source>Contacts</source>
        <translation>Contacts</translation>
    </message>
    <message>
        <source>No contacts yet</source>
        <translation>Aucun contact pour l’instant</translation>
    </message>
    <message>
        <source>The people you work with in Québec and Massachusetts, with their language and their consent to be shared with partners. Add one, import your address book (Excel, Outlook, Google), or load the demo data.</source>
        <translation>Les personnes avec qui vous travaillez au Québec et au Massachusetts, avec leur langue et leur consentement au partage avec les partenaires. Ajoutez-en une, importez votre carnet d’adresses (Excel, Outlook, Google) ou chargez les données de démonstration.</translation>
    </message>
    <message>
        <source>New contact</source>
        <translation>Nouveau contact</translation>
    </message>
    <message>
        <source>Import a CSV file…</source>
        <translation>Importer un fichier CSV…</translation>
    </message>
    <message>
        <source>Load the demo data</source>
        <translation>Charger les données de démonstration</translation>
    </message>
</context>
<context>
    <name>DateField</name>
    <message>
        <source>YYYY-MM-DD or DD/MM/YYYY</source>
        <translation>AAAA-MM-JJ ou JJ/MM/AAAA</translation>
    </message>
    <message>
        <source>YYYY-MM-DD or MM/DD/YYYY</source>
        <translation>AAAA-MM-JJ ou MM/JJ/AAAA</translation>
    </message>
    <message>
        <source>A date is required here.</source>
        <translation>Une date est requise ici.</translation>
    </message>
    <message>
        <source>“%1” could be %2 or %3: type it as %4 or %5.</source>
        <translation>« %1 » peut être %2 ou %3 : tapez-la %4 ou %5.</translation>
    </message>
    <message>
        <source>“%1” is not a date: type it as %2.</source>
        <translation>« %1 » n’est pas une date : tapez-la %2.</translation>
    </message>
    <message>
        <source>Pick on a calendar (Alt+Down)</source>
        <translation>Choisir sur un calendrier (Alt+Bas)</translation>
    </message>
    <message>
        <source>Calendar</source>
        <translation>Calendrier</translation>
    </message>
</context>
<context>
    <name>Duplicates</name>
    <message>
        <source>same email</source>
        <translation>même courriel</translation>
    </message>
    <message>
        <source>same name in the same organization</source>
        <translation>même nom dans la même organisation</translation>
    </message>
    <message>
        <source>similar name in the same organization</source>
        <translation>nom semblable dans la même organisation</translation>
    </message>
    <message>
        <source>same name</source>
        <translation>même nom</translation>
    </message>
    <message>
        <source>similar name (Inc., Ltée, LLC, St-, Ste-…)</source>
        <translation>nom semblable (Inc., Ltée, LLC, St-, Ste-…)</translation>
    </message>
    <message>
        <source>same web domain</source>
        <translation>même domaine web</translation>
    </message>
</context>
<context>
    <name>DuplicatesDialog</name>
    <message>
        <source>Likely duplicates</source>
        <translation>Doublons probables</translation>
    </message>
    <message>
        <source>&amp;Look among:</source>
        <translation>&amp;Chercher parmi :</translation>
    </message>
    <message>
        <source>Contacts</source>
        <translation>Contacts</translation>
    </message>
    <message>
        <source>Organizations</source>
        <translation>Organisations</translation>
    </message>
    <message>
        <source>&amp;Compare and merge…</source>
        <translation>&amp;Comparer et fusionner…</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>Fiche</translation>
    </message>
    <message>
        <source>Looks like</source>
        <translation>Ressemble à</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>Pourquoi</translation>
    </message>
    <message>
        <source>Looking…</source>
        <translation>Recherche…</translation>
    </message>
    <message>
        <source>Cannot look for duplicates</source>
        <translation>Impossible de chercher les doublons</translation>
    </message>
    <message numerus="yes">
        <source>%n likely pair(s)</source>
        <translation>
            <numerusform>%n paire probable</numerusform>
            <numerusform>%n paires probables</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <source>The values are not valid.</source>
        <translation>Les valeurs ne sont pas valides.</translation>
    </message>
    <message>
        <source>This record looks like one already in the desk:
%1</source>
        <translation>Cette fiche ressemble à une fiche déjà enregistrée :
%1</translation>
    </message>
    <message>
        <source>Someone else changed this %1 after you opened it. Reload it and make your change again.</source>
        <translation>Quelqu’un d’autre a modifié cette fiche (%1) après que vous l’avez ouverte. Rechargez-la et refaites votre modification.</translation>
    </message>
    <message>
        <source>There is no staff user named “%1”.</source>
        <translation>Il n’y a pas de membre du personnel nommé « %1 ».</translation>
    </message>
    <message>
        <source>This %1 no longer exists; someone may have deleted it.</source>
        <translation>Cette fiche (%1) n’existe plus ; quelqu’un l’a peut-être supprimée.</translation>
    </message>
    <message numerus="yes">
        <source>%n invalid row(s): nothing was imported.</source>
        <translation>
            <numerusform>%n ligne invalide : rien n’a été importé.</numerusform>
            <numerusform>%n lignes invalides : rien n’a été importé.</numerusform>
        </translation>
    </message>
    <message>
        <source>line %1</source>
        <translation>ligne %1</translation>
    </message>
    <message>
        <source>, column “%1”</source>
        <translation>, colonne « %1 »</translation>
    </message>
    <message>
        <source>… and %1 more</source>
        <translation>… et %1 de plus</translation>
    </message>
    <message>
        <source>The database</source>
        <translation>La base de données</translation>
    </message>
    <message>
        <source>The demo data is already loaded in this database.</source>
        <translation>Les données de démonstration sont déjà chargées dans cette base de données.</translation>
    </message>
    <message>
        <source>%1 is not a cooperation desk database (it is not an SQLite file). Choose another file, or a new name to create an empty database.</source>
        <translation>%1 n’est pas une base de données du bureau de coopération (ce n’est pas un fichier SQLite). Choisissez un autre fichier, ou un nouveau nom pour créer une base vide.</translation>
    </message>
    <message>
        <source>%1 is a folder, not a database file.</source>
        <translation>%1 est un dossier, pas un fichier de base de données.</translation>
    </message>
    <message>
        <source>The folder %1 does not exist.</source>
        <translation>Le dossier %1 n’existe pas.</translation>
    </message>
    <message>
        <source>%1 is locked by another program or another desk window; try again in a moment.</source>
        <translation>%1 est verrouillée par un autre programme ou une autre fenêtre du bureau ; réessayez dans un moment.</translation>
    </message>
    <message>
        <source>The disk holding %1 is full or failing; free some space and try again.</source>
        <translation>Le disque qui contient %1 est plein ou défaillant ; libérez de l’espace et réessayez.</translation>
    </message>
    <message>
        <source>%1 is damaged or is not a desk database; restore it from a backup.</source>
        <translation>%1 est endommagée ou n’est pas une base du bureau ; restaurez-la depuis une sauvegarde.</translation>
    </message>
    <message>
        <source>%1 cannot be written (read-only file or folder).</source>
        <translation>Impossible d’écrire dans %1 (fichier ou dossier en lecture seule).</translation>
    </message>
    <message>
        <source>Cannot reach the team database %1.

Details: %2</source>
        <translation>Impossible de joindre la base d’équipe %1.

Détails : %2</translation>
    </message>
    <message>
        <source>This database holds other tables but no desk schema: it was made by another program. Choose another file or an empty database.</source>
        <translation>Cette base de données contient d’autres tables mais pas le schéma du bureau : elle a été créée par un autre programme. Choisissez un autre fichier ou une base vide.</translation>
    </message>
    <message>
        <source>%1 is damaged: it is read-only until repaired, and nothing was written.

The check says: %2

Restore a backup (File › Restore from a backup) or repair it (File › Check the database).</source>
        <translation>%1 est endommagée : elle est en lecture seule jusqu’à sa réparation, et rien n’a été enregistré.

La vérification indique : %2

Restaurez une sauvegarde (Fichier › Restaurer une sauvegarde) ou réparez-la (Fichier › Vérifier la base de données).</translation>
    </message>
    <message>
        <source>%1 is damaged: it is read-only until repaired.

The check says: %2

Restore a backup (File › Restore from a backup) or repair it (File › Check the database).</source>
        <translation>%1 est endommagée : elle est en lecture seule jusqu’à sa réparation.

La vérification indique : %2

Restaurez une sauvegarde (Fichier › Restaurer une sauvegarde) ou réparez-la (Fichier › Vérifier la base de données).</translation>
    </message>
    <message>
        <source>%1 is damaged, so no backup was written: a damaged copy could take the place of a good backup.

The check says: %2

Restore a good backup or repair the database (File › Check the database).</source>
        <translation>%1 est endommagée : aucune sauvegarde n’a donc été écrite, car une copie endommagée pourrait prendre la place d’une bonne sauvegarde.

La vérification indique : %2

Restaurez une bonne sauvegarde ou réparez la base (Fichier › Vérifier la base de données).</translation>
    </message>
    <message>
        <source>%1 already exists; nothing was written. Choose another name for the backup.</source>
        <translation>%1 existe déjà ; rien n’a été écrit. Choisissez un autre nom pour la sauvegarde.</translation>
    </message>
    <message>
        <source>%1 was not restored: it does not exist or is not a file. Nothing was changed in %2.</source>
        <translation>%1 n’a pas été restaurée : elle n’existe pas ou n’est pas un fichier. Rien n’a été modifié dans %2.</translation>
    </message>
    <message>
        <source>%1 was not restored: it is not a desk backup (not an SQLite file). Nothing was changed in %2.</source>
        <translation>%1 n’a pas été restaurée : ce n’est pas une sauvegarde du bureau (ce n’est pas un fichier SQLite). Rien n’a été modifié dans %2.</translation>
    </message>
    <message>
        <source>%1 was not restored: it holds no desk schema. Nothing was changed in %2.</source>
        <translation>%1 n’a pas été restaurée : elle ne contient pas le schéma du bureau. Rien n’a été modifié dans %2.</translation>
    </message>
    <message>
        <source>%1 was not restored: it was written by a newer version of the desk (schema %3); update the program to restore it. Nothing was changed in %2.</source>
        <translation>%1 n’a pas été restaurée : elle a été écrite par une version plus récente du bureau (schéma %3) ; mettez le programme à jour pour la restaurer. Rien n’a été modifié dans %2.</translation>
    </message>
    <message>
        <source>%1 was not restored: it is damaged (%3). Nothing was changed in %2.</source>
        <translation>%1 n’a pas été restaurée : elle est endommagée (%3). Rien n’a été modifié dans %2.</translation>
    </message>
    <message>
        <source>%1 was not restored: it holds database objects the desk does not make, or has rewritten them, which could change data behind its back:
%3

Nothing was changed in %2.</source>
        <translation>%1 n’a pas été restaurée : elle contient des objets de base de données que le bureau ne crée pas, ou en a réécrit, qui pourraient modifier les données à son insu :
%3

Rien n’a été modifié dans %2.</translation>
    </message>
    <message>
        <source>No contact has the uid or email %1 (trashed contacts included). Check it: `crm search` finds people by name.</source>
        <translation>Aucun contact n’a l’identifiant ou le courriel %1 (corbeille comprise). Vérifiez-le : `crm search` trouve les personnes par leur nom.</translation>
    </message>
    <message>
        <source>Several contacts have the email %1; name one by its uid: %2.</source>
        <translation>Plusieurs contacts ont le courriel %1 ; désignez-en un par son identifiant : %2.</translation>
    </message>
    <message>
        <source>The privacy report could not be written to %1 (%2); nothing was left there. Choose another folder.</source>
        <translation>Le rapport de confidentialité n’a pas pu être écrit dans %1 (%2) ; rien n’y a été laissé. Choisissez un autre dossier.</translation>
    </message>
    <message>
        <source>%1 cannot be repaired: SQLite cannot read all of it back (%2). Nothing was changed; restore a backup (File › Restore from a backup).</source>
        <translation>%1 ne peut pas être réparée : SQLite ne peut pas en relire la totalité (%2). Rien n’a été modifié ; restaurez une sauvegarde (Fichier › Restaurer une sauvegarde).</translation>
    </message>
    <message>
        <source>Cannot read %1 (%2).</source>
        <translation>Impossible de lire %1 (%2).</translation>
    </message>
    <message>
        <source>%1 is neither in Québec nor in Massachusetts: give it its territory (QC or MA) before introducing it.</source>
        <translation>%1 n’est ni au Québec ni au Massachusetts : indiquez son territoire (QC ou MA) avant de le mettre en relation.</translation>
    </message>
    <message>
        <source>%1 was written by a newer version of the cooperation desk (schema %2, this program knows up to %3). Update the program to open it.</source>
        <translation>%1 a été écrite par une version plus récente du bureau de coopération (schéma %2, ce programme connaît jusqu’au %3). Mettez le programme à jour pour l’ouvrir.</translation>
    </message>
    <message>
        <source>%1 is empty: it has no header line.</source>
        <translation>%1 est vide : il n’a pas de ligne d’en-têtes.</translation>
    </message>
    <message>
        <source>%1, line %2: this is not a readable CSV file.</source>
        <translation>%1, ligne %2 : ce n’est pas un fichier CSV lisible.</translation>
    </message>
    <message>
        <source>%1, line %2: the text is not valid %3 (the file is cut short, or mixes encodings). Save the whole file again as CSV UTF-8.</source>
        <translation>%1, ligne %2 : le texte n’est pas du %3 valide (le fichier est tronqué ou mélange des encodages). Enregistrez de nouveau tout le fichier en CSV UTF-8.</translation>
    </message>
    <message>
        <source>%1 is not a CSV text file (it holds binary data: a spreadsheet, an image, an archive?). Save it from the spreadsheet as CSV and import that file.</source>
        <translation>%1 n’est pas un fichier texte CSV (il contient des données binaires : un classeur, une image, une archive ?). Enregistrez-le en CSV depuis le tableur et importez ce fichier.</translation>
    </message>
    <message>
        <source>%1, line %2: a quote opened on this line is never closed.</source>
        <translation>%1, ligne %2 : un guillemet ouvert sur cette ligne n’est jamais refermé.</translation>
    </message>
    <message>
        <source>%1, line %2: a quote inside a cell is not doubled, or a quoted cell goes on after its closing quote.</source>
        <translation>%1, ligne %2 : un guillemet dans une cellule n’est pas doublé, ou une cellule entre guillemets continue après son guillemet fermant.</translation>
    </message>
    <message>
        <source>%1, line %2: a cell is longer than 128 KB.</source>
        <translation>%1, ligne %2 : une cellule dépasse 128 Ko.</translation>
    </message>
    <message>
        <source>%1: the column “%2” appears twice in the header line; rename or remove one of them.</source>
        <translation>%1 : la colonne « %2 » figure deux fois dans la ligne d’en-tête ; renommez ou supprimez l’une des deux.</translation>
    </message>
    <message>
        <source>%1, line %2 has %3 cells but the header line names %4 columns (a delimiter or a quote out of place?).</source>
        <translation>%1, la ligne %2 compte %3 cellules alors que la ligne d’en-tête nomme %4 colonnes (un séparateur ou un guillemet mal placé ?).</translation>
    </message>
    <message>
        <source>Cannot read %1 as an Excel workbook (%2). Save it again from the spreadsheet as .xlsx, or as CSV.</source>
        <translation>Impossible de lire %1 comme classeur Excel (%2). Enregistrez-le de nouveau depuis le tableur en .xlsx, ou en CSV.</translation>
    </message>
    <message>
        <source>%1, line %2: this card cannot be read (%3).</source>
        <translation>%1, ligne %2 : cette fiche vCard est illisible (%3).</translation>
    </message>
    <message>
        <source>%1 holds vCards, which are people: import it as contacts.</source>
        <translation>%1 contient des vCards, qui sont des personnes : importez-le comme contacts.</translation>
    </message>
    <message>
        <source>%1 holds no vCard (no BEGIN:VCARD line).</source>
        <translation>%1 ne contient aucune vCard (pas de ligne BEGIN:VCARD).</translation>
    </message>
    <message>
        <source>%1 is too large to import: the limit is %2 MB and %3 records. Split it into smaller files.</source>
        <translation>%1 est trop volumineux pour être importé : la limite est de %2 Mo et %3 enregistrements. Scindez-le en fichiers plus petits.</translation>
    </message>
    <message>
        <source>A vCard file holds people: only contacts can be exported as vCards, not %1.</source>
        <translation>Un fichier vCard contient des personnes : seuls les contacts peuvent être exportés en vCards, pas %1.</translation>
    </message>
    <message>
        <source>This list has no filter “%1” (its filters: %2).</source>
        <translation>Cette liste n’a pas de filtre « %1 » (ses filtres : %2).</translation>
    </message>
    <message>
        <source>The filter “%1” does not take “%2” (it takes %3).</source>
        <translation>Le filtre « %1 » n’accepte pas « %2 » (il accepte %3).</translation>
    </message>
    <message>
        <source>There is no import to undo.</source>
        <translation>Il n’y a aucune importation à annuler.</translation>
    </message>
    <message>
        <source>The last import (%1) was already undone.</source>
        <translation>La dernière importation (%1) a déjà été annulée.</translation>
    </message>
    <message>
        <source>%1 said no to this introduction: no email is drafted to a party who declined.</source>
        <translation>%1 a dit non à cette mise en relation : aucun courriel n’est rédigé pour une partie qui a refusé.</translation>
    </message>
    <message>
        <source>%1 cannot be opened (%2): check that it and its folder exist and that you may read and write them (a database in use needs a writable folder and disk).</source>
        <translation>Impossible d’ouvrir %1 (%2) : vérifiez que le fichier et son dossier existent et que vous pouvez les lire et y écrire (une base de données en usage a besoin d’un dossier et d’un disque accessibles en écriture).</translation>
    </message>
    <message>
        <source>%1 could not be opened: %2</source>
        <translation>Impossible d’ouvrir %1 : %2</translation>
    </message>
    <message>
        <source>There is no database at %1. Check the path (--db); a new database is made only by commands that write (crm gui, crm demo, crm import).</source>
        <translation>Il n’y a pas de base de données à l’emplacement %1. Vérifiez le chemin (--db) ; une nouvelle base de données n’est créée que par les commandes qui écrivent (crm gui, crm demo, crm import).</translation>
    </message>
    <message>
        <source>There is no desk database in %1 (the file is empty). Check the path (--db); a new database is made only by commands that write (crm gui, crm demo, crm import).</source>
        <translation>Il n’y a pas de base de données du bureau dans %1 (le fichier est vide). Vérifiez le chemin (--db) ; une nouvelle base de données n’est créée que par les commandes qui écrivent (crm gui, crm demo, crm import).</translation>
    </message>
    <message>
        <source>%1 needs an upgrade of its schema (%2 to %3); a command that writes (or the window) upgrades it, after a backup.</source>
        <translation>%1 doit être mise à niveau de son schéma (%2 vers %3) ; une commande qui écrit (ou la fenêtre) la met à niveau, après une sauvegarde.</translation>
    </message>
    <message>
        <source>%1 cannot be opened: check that it and its folder exist and that you may read and write them.</source>
        <translation>Impossible d’ouvrir %1 : vérifiez que le fichier et son dossier existent et que vous pouvez les lire et y écrire.</translation>
    </message>
    <message>
        <source>“%1” cannot be merged with itself: choose two different records.</source>
        <translation>« %1 » ne peut pas être fusionné avec lui-même : choisissez deux fiches différentes.</translation>
    </message>
    <message>
        <source>“%1” is in the trash: restore it before merging it. Nothing was merged.</source>
        <translation>« %1 » est dans la corbeille : restaurez-le avant de le fusionner. Rien n’a été fusionné.</translation>
    </message>
    <message>
        <source>“%1” (%2) and “%3” (%4) cannot be merged: only two contacts or two organizations can. Nothing was merged.</source>
        <translation>« %1 » (%2) et « %3 » (%4) ne peuvent pas être fusionnés : seuls deux contacts ou deux organisations le peuvent. Rien n’a été fusionné.</translation>
    </message>
    <message>
        <source>“%1” and “%2” are not %3 (they are %4). Nothing was merged.</source>
        <translation>« %1 » et « %2 » ne sont pas des %3 (ce sont des %4). Rien n’a été fusionné.</translation>
    </message>
    <message>
        <source>There is no record with the uid %1 (check it: `crm search` finds records).</source>
        <translation>Aucune fiche n’a l’identifiant %1 (vérifiez-le : `crm search` trouve les fiches).</translation>
    </message>
    <message>
        <source>%1 cannot be set on %2 at once.</source>
        <translation>%1 ne peut pas être modifié sur plusieurs fiches « %2 » d’un coup.</translation>
    </message>
    <message>
        <source>“%1” is not a value of %2; nothing was changed.</source>
        <translation>« %1 » n’est pas une valeur de %2 ; rien n’a été modifié.</translation>
    </message>
    <message>
        <source>There is no active staff user %1; nothing was changed.</source>
        <translation>Aucun membre du personnel actif %1 ; rien n’a été modifié.</translation>
    </message>
    <message>
        <source>%1 has read-only access to this database: nothing was changed. An admin can give them more (crm users role %1 staff).</source>
        <translation>%1 n’a qu’un accès en lecture à cette base de données : rien n’a été modifié. Un administrateur peut lui en donner davantage (crm users role %1 staff).</translation>
    </message>
    <message>
        <source>Only an admin can erase records for good, and %1 is not an admin of this database. Nothing was erased.</source>
        <translation>Seul un administrateur peut effacer des fiches définitivement, et %1 n’est pas administrateur de cette base de données. Rien n’a été effacé.</translation>
    </message>
    <message>
        <source>Only an admin can make the desk forget a person, and %1 is not an admin of this database. Nothing was destroyed.</source>
        <translation>Seul un administrateur peut faire oublier une personne au bureau, et %1 n’est pas administrateur de cette base de données. Rien n’a été détruit.</translation>
    </message>
    <message>
        <source>Only an admin can restore a backup, and %1 is not an admin of this database. Nothing was changed.</source>
        <translation>Seul un administrateur peut restaurer une sauvegarde, et %1 n’est pas administrateur de cette base de données. Rien n’a été modifié.</translation>
    </message>
    <message>
        <source>Only an admin can add staff users or change their roles, and %1 is not an admin of this database. Nothing was changed.</source>
        <translation>Seul un administrateur peut ajouter des membres du personnel ou changer leur rôle, et %1 n’est pas administrateur de cette base de données. Rien n’a été modifié.</translation>
    </message>
    <message>
        <source>Only an admin can export people who did not consent to sharing, and %1 is not an admin of this database. Nothing was exported.</source>
        <translation>Seul un administrateur peut exporter des personnes qui n’ont pas consenti au partage, et %1 n’est pas administrateur de cette base de données. Rien n’a été exporté.</translation>
    </message>
    <message>
        <source>Only an admin can do this, and %1 is not an admin of this database. Nothing was changed.</source>
        <translation>Seul un administrateur peut faire cela, et %1 n’est pas administrateur de cette base de données. Rien n’a été modifié.</translation>
    </message>
    <message>
        <source>%1 is the last admin of this database: make another staff user an admin first. Nothing was changed.</source>
        <translation>%1 est le dernier administrateur de cette base de données : nommez d’abord un autre membre du personnel administrateur. Rien n’a été modifié.</translation>
    </message>
    <message>
        <source>“%1” is not a role: choose admin, staff or read-only.</source>
        <translation>« %1 » n’est pas un rôle : choisissez admin, staff ou read-only.</translation>
    </message>
    <message>
        <source>On the team database %1 you act as your database login, %2: “%3” cannot be chosen (remove --user or CRM_USER, or connect as %3).</source>
        <translation>Sur la base de l’équipe %1, vous agissez sous votre identifiant de connexion, %2 : « %3 » ne peut pas être choisi (retirez --user ou CRM_USER, ou connectez-vous en tant que %3).</translation>
    </message>
    <message>
        <source>The staff user of your database login, %1, was removed from %2 (in the trash or inactive): ask an admin to bring it back.</source>
        <translation>Le membre du personnel de votre identifiant de connexion, %1, a été retiré de %2 (à la corbeille ou inactif) : demandez à un administrateur de le rétablir.</translation>
    </message>
    <message>
        <source>There is already a staff user named %1.</source>
        <translation>Il y a déjà un membre du personnel nommé %1.</translation>
    </message>
    <message>
        <source>A saved view needs a name.</source>
        <translation>Une vue enregistrée doit avoir un nom.</translation>
    </message>
    <message>
        <source>You already have a view named “%1” for this list; choose another name.</source>
        <translation>Vous avez déjà une vue nommée « %1 » pour cette liste ; choisissez un autre nom.</translation>
    </message>
    <message>
        <source>There is no list named “%1” to save a view of.</source>
        <translation>Il n’y a pas de liste nommée « %1 » dont enregistrer une vue.</translation>
    </message>
    <message>
        <source>The %1 list has no column “%2”.</source>
        <translation>La liste %1 n’a pas de colonne « %2 ».</translation>
    </message>
    <message>
        <source>This saved view no longer exists (deleted meanwhile).</source>
        <translation>Cette vue enregistrée n’existe plus (supprimée entre-temps).</translation>
    </message>
    <message>
        <source>%1 is busy: another program, desk window or command is writing to it. Nothing was saved; try again in a moment.</source>
        <translation>La base de données %1 est occupée : un autre programme, une autre fenêtre du bureau ou une commande y écrit. Rien n’a été enregistré ; réessayez dans un instant.</translation>
    </message>
    <message>
        <source>The disk holding %1 is full. Nothing was saved; free some space and try again.</source>
        <translation>Le disque qui contient %1 est plein. Rien n’a été enregistré ; libérez de l’espace et réessayez.</translation>
    </message>
    <message>
        <source>%1 cannot be written: the file, its folder or the disk is read-only. Nothing was saved.</source>
        <translation>Impossible d’écrire dans %1 : le fichier, son dossier ou le disque est en lecture seule. Rien n’a été enregistré.</translation>
    </message>
    <message>
        <source>%1 is damaged. Nothing was saved. See what is wrong with File ▸ Check the database, then go back to a good backup with File ▸ Restore from a backup.</source>
        <translation>La base de données %1 est endommagée. Rien n’a été enregistré. Voyez ce qui ne va pas avec Fichier ▸ Vérifier la base de données, puis revenez à une bonne sauvegarde avec Fichier ▸ Restaurer une sauvegarde.</translation>
    </message>
    <message>
        <source>Lost the connection to the team database %1. Nothing more was saved; check the network and try again.</source>
        <translation>La connexion à la base d’équipe %1 a été perdue. Rien de plus n’a été enregistré ; vérifiez le réseau et réessayez.</translation>
    </message>
    <message>
        <source>The disk failed while writing %1. Nothing was saved; check the disk, then check the database.</source>
        <translation>Le disque a échoué pendant l’écriture de %1. Rien n’a été enregistré ; vérifiez le disque, puis vérifiez la base de données.</translation>
    </message>
</context>
<context>
    <name>EventEditor</name>
    <message>
        <source>New event</source>
        <translation>Nouvel événement</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>Événement</translation>
    </message>
</context>
<context>
    <name>EventsPage</name>
    <message>
        <source>Events</source>
        <translation>Événements</translation>
    </message>
    <message>
        <source>No events yet</source>
        <translation>Aucun événement pour l’instant</translation>
    </message>
    <message>
        <source>Missions to Boston, delegations to Québec, conferences and joint activities, with their participants. Add the first one, or load the demo data.</source>
        <translation>Missions à Boston, délégations au Québec, congrès et activités conjointes, avec leurs participants. Ajoutez le premier, ou chargez les données de démonstration.</translation>
    </message>
    <message>
        <source>New event</source>
        <translation>Nouvel événement</translation>
    </message>
    <message>
        <source>Load the demo data</source>
        <translation>Charger les données de démonstration</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <source>organizations</source>
        <translation>organisations</translation>
    </message>
    <message>
        <source>contacts</source>
        <translation>contacts</translation>
    </message>
    <message>
        <source>introductions</source>
        <translation>mises en relation</translation>
    </message>
    <message>
        <source>follow-ups</source>
        <translation>suivis</translation>
    </message>
    <message>
        <source>event participants</source>
        <translation>participants aux événements</translation>
    </message>
    <message>
        <source>&amp;Profile:</source>
        <translation>&amp;Profil :</translation>
    </message>
    <message>
        <source>Save as profile:</source>
        <translation>Enregistrer comme profil :</translation>
    </message>
    <message>
        <source>&amp;Recipient:</source>
        <translation>&amp;Destinataire :</translation>
    </message>
    <message>
        <source>Rows:</source>
        <translation>Lignes :</translation>
    </message>
    <message>
        <source>Columns:</source>
        <translation>Colonnes :</translation>
    </message>
    <message>
        <source>&amp;Headers:</source>
        <translation>&amp;En-têtes :</translation>
    </message>
    <message>
        <source>&amp;Delimiter:</source>
        <translation>&amp;Séparateur :</translation>
    </message>
    <message>
        <source>&amp;Encoding:</source>
        <translation>&amp;Encodage :</translation>
    </message>
    <message>
        <source>&amp;File:</source>
        <translation>&amp;Fichier :</translation>
    </message>
    <message>
        <source>e.g. MassBio members</source>
        <translation>p. ex. Membres MassBio</translation>
    </message>
    <message>
        <source>e.g. MassBio</source>
        <translation>p. ex. MassBio</translation>
    </message>
    <message>
        <source>Save profile</source>
        <translation>Enregistrer le profil</translation>
    </message>
    <message>
        <source>All rows of the list&apos;s current filter</source>
        <translation>Toutes les lignes du filtre actuel de la liste</translation>
    </message>
    <message numerus="yes">
        <source>Only the %n selected row(s)</source>
        <translation>
            <numerusform>Seulement la ligne sélectionnée</numerusform>
            <numerusform>Seulement les %n lignes sélectionnées</numerusform>
        </translation>
    </message>
    <message>
        <source>English field names (uid, first_name…)</source>
        <translation>Noms de champs anglais (uid, first_name…)</translation>
    </message>
    <message>
        <source>Export %1</source>
        <translation>Exporter les %1</translation>
    </message>
    <message>
        <source>F&amp;ormat:</source>
        <translation>F&amp;ormat :</translation>
    </message>
    <message>
        <source>CSV (comma-separated values)</source>
        <translation>CSV (valeurs séparées par des virgules)</translation>
    </message>
    <message>
        <source>Excel workbook (.xlsx)</source>
        <translation>Classeur Excel (.xlsx)</translation>
    </message>
    <message>
        <source>vCards (.vcf), for phones and mail programs</source>
        <translation>vCards (.vcf), pour les téléphones et les logiciels de courriel</translation>
    </message>
    <message>
        <source>French labels (Identifiant, Prénom…)</source>
        <translation>Libellés français (Identifiant, Prénom…)</translation>
    </message>
    <message>
        <source>Comma ( , )</source>
        <translation>Virgule ( , )</translation>
    </message>
    <message>
        <source>Semicolon ( ; ), French Excel</source>
        <translation>Point-virgule ( ; ), Excel en français</translation>
    </message>
    <message>
        <source>Tab</source>
        <translation>Tabulation</translation>
    </message>
    <message>
        <source>UTF-8 with BOM (Excel shows accents)</source>
        <translation>UTF-8 avec BOM (Excel affiche les accents)</translation>
    </message>
    <message>
        <source>UTF-8 without BOM</source>
        <translation>UTF-8 sans BOM</translation>
    </message>
    <message>
        <source>Include people without partner-sharing consent or marked do-not-contact (logged)</source>
        <translation>Inclure les personnes sans consentement au partage ou à ne pas contacter (journalisé)</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Parcourir…</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Exporter</translation>
    </message>
    <message>
        <source>All rows of the profile&apos;s filter</source>
        <translation>Toutes les lignes du filtre du profil</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(aucun)</translation>
    </message>
    <message>
        <source>⚠ Free text (%1) may name people who gave no partner-sharing consent. Read the file before it leaves.</source>
        <translation>⚠ Le texte libre (%1) peut nommer des personnes qui n’ont pas consenti au partage avec les partenaires. Relisez le fichier avant qu’il parte.</translation>
    </message>
    <message>
        <source>Give the profile a name.</source>
        <translation>Donnez un nom au profil.</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>Fichiers CSV (*.csv)</translation>
    </message>
    <message>
        <source>Excel workbooks (*.xlsx)</source>
        <translation>Classeurs Excel (*.xlsx)</translation>
    </message>
    <message>
        <source>vCard files (*.vcf)</source>
        <translation>Fichiers vCard (*.vcf)</translation>
    </message>
    <message>
        <source>Export to</source>
        <translation>Exporter vers</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>Choose the file to write.</source>
        <translation>Choisissez le fichier à écrire.</translation>
    </message>
    <message>
        <source>Choose at least one column.</source>
        <translation>Choisissez au moins une colonne.</translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation>Exportation…</translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) written to %1.</source>
        <translation>
            <numerusform>%n ligne écrite dans %1.</numerusform>
            <numerusform>%n lignes écrites dans %1.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n person(s) left out without partner-sharing consent.</source>
        <translation>
            <numerusform>%n personne laissée de côté faute de consentement au partage.</numerusform>
            <numerusform>%n personnes laissées de côté faute de consentement au partage.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) with a person withheld (left blank) for want of partner-sharing consent.</source>
        <translation>
            <numerusform>%n ligne avec une personne masquée (laissée vide) faute de consentement au partage.</numerusform>
            <numerusform>%n lignes avec une personne masquée (laissée vide) faute de consentement au partage.</numerusform>
        </translation>
    </message>
    <message>
        <source>Export done</source>
        <translation>Exportation terminée</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>Échec de l’exportation</translation>
    </message>
</context>
<context>
    <name>ExportLogDialog</name>
    <message>
        <source>Export log</source>
        <translation>Journal des exportations</translation>
    </message>
    <message>
        <source>Every CSV file written for a partner, newest first. The SHA-256 identifies the exact file that was sent.</source>
        <translation>Chaque fichier CSV écrit pour un partenaire, du plus récent au plus ancien. Le SHA-256 identifie exactement le fichier envoyé.</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Quand</translation>
    </message>
    <message>
        <source>Staff user</source>
        <translation>Membre du personnel</translation>
    </message>
    <message>
        <source>Records</source>
        <translation>Fiches</translation>
    </message>
    <message>
        <source>Rows</source>
        <translation>Lignes</translation>
    </message>
    <message>
        <source>Profile</source>
        <translation>Profil</translation>
    </message>
    <message>
        <source>Recipient</source>
        <translation>Destinataire</translation>
    </message>
    <message>
        <source>Filter</source>
        <translation>Filtre</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Fichier</translation>
    </message>
    <message>
        <source>SHA-256</source>
        <translation>SHA-256</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Identifier (uid)</source>
        <translation>Identifiant (uid)</translation>
    </message>
    <message>
        <source>organizations</source>
        <translation>organisations</translation>
    </message>
    <message>
        <source>contacts</source>
        <translation>contacts</translation>
    </message>
    <message>
        <source>introductions</source>
        <translation>mises en relation</translation>
    </message>
    <message>
        <source>follow-ups</source>
        <translation>suivis</translation>
    </message>
    <message>
        <source>event participants</source>
        <translation>participants aux événements</translation>
    </message>
    <message>
        <source>backup</source>
        <translation>sauvegarde</translation>
    </message>
    <message>
        <source>Columns: %1</source>
        <translation>Colonnes : %1</translation>
    </message>
    <message>
        <source>Headers: French labels</source>
        <translation>En-têtes : libellés français</translation>
    </message>
    <message>
        <source>Headers: field names</source>
        <translation>En-têtes : noms de champs</translation>
    </message>
    <message>
        <source>tab</source>
        <translation>tabulation</translation>
    </message>
    <message>
        <source>Delimiter: %1</source>
        <translation>Séparateur : %1</translation>
    </message>
    <message>
        <source>Encoding: %1</source>
        <translation>Encodage : %1</translation>
    </message>
    <message>
        <source>People without partner-sharing consent included</source>
        <translation>Personnes sans consentement au partage incluses</translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) with a person withheld for want of consent</source>
        <translation>
            <numerusform>%n ligne avec une personne masquée faute de consentement</numerusform>
            <numerusform>%n lignes avec une personne masquée faute de consentement</numerusform>
        </translation>
    </message>
    <message>
        <source>Free text: %1</source>
        <translation>Texte libre : %1</translation>
    </message>
    <message>
        <source>Select an entry to see the records its file named.</source>
        <translation>Choisissez une entrée pour voir les fiches que son fichier nommait.</translation>
    </message>
    <message numerus="yes">
        <source>%n record(s) named by this file.</source>
        <translation>
            <numerusform>%n fiche nommée par ce fichier.</numerusform>
            <numerusform>%n fiches nommées par ce fichier.</numerusform>
        </translation>
    </message>
    <message>
        <source>The records of this file were not logged (an older entry).</source>
        <translation>Les fiches de ce fichier n’ont pas été journalisées (une entrée plus ancienne).</translation>
    </message>
    <message>
        <source>(no longer in the desk)</source>
        <translation>(n’est plus dans le bureau)</translation>
    </message>
    <message numerus="yes">
        <source>%n selected</source>
        <translation>
            <numerusform>%n sélectionnée</numerusform>
            <numerusform>%n sélectionnées</numerusform>
        </translation>
    </message>
    <message>
        <source>including people without consent</source>
        <translation>y compris les personnes sans consentement</translation>
    </message>
    <message numerus="yes">
        <source>%n left out without consent</source>
        <translation>
            <numerusform>%n laissée de côté sans consentement</numerusform>
            <numerusform>%n laissées de côté sans consentement</numerusform>
        </translation>
    </message>
    <message>
        <source>whole list</source>
        <translation>liste entière</translation>
    </message>
    <message>
        <source>No file has left the desk yet</source>
        <translation>Aucun fichier n’a encore quitté le bureau</translation>
    </message>
    <message>
        <source>Each CSV file exported for a partner is recorded here: who, when, which records, for whom, and its SHA-256. Backups are listed too.</source>
        <translation>Chaque fichier CSV exporté pour un partenaire est consigné ici : qui, quand, quelles fiches, pour qui, et son SHA-256. Les sauvegardes y figurent aussi.</translation>
    </message>
    <message>
        <source>Export a list…</source>
        <translation>Exporter une liste…</translation>
    </message>
</context>
<context>
    <name>Fields</name>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Territory</source>
        <translation>Territoire</translation>
    </message>
    <message>
        <source>Membership</source>
        <translation>Adhésion</translation>
    </message>
    <message>
        <source>Website</source>
        <translation>Site Web</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Téléphone</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Adresse</translation>
    </message>
    <message>
        <source>City</source>
        <translation>Ville</translation>
    </message>
    <message>
        <source>Province or state</source>
        <translation>Province ou État</translation>
    </message>
    <message>
        <source>Postal code</source>
        <translation>Code postal</translation>
    </message>
    <message>
        <source>Country</source>
        <translation>Pays</translation>
    </message>
    <message>
        <source>Therapeutic areas</source>
        <translation>Domaines thérapeutiques</translation>
    </message>
    <message>
        <source>Employees</source>
        <translation>Effectif</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>Étiquettes</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notes</translation>
    </message>
    <message>
        <source>First name</source>
        <translation>Prénom</translation>
    </message>
    <message>
        <source>Last name</source>
        <translation>Nom de famille</translation>
    </message>
    <message>
        <source>Job title</source>
        <translation>Fonction</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Quand</translation>
    </message>
    <message>
        <source>Organization</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>Courriel</translation>
    </message>
    <message>
        <source>Mobile</source>
        <translation>Cellulaire</translation>
    </message>
    <message>
        <source>Preferred language</source>
        <translation>Langue préférée</translation>
    </message>
    <message>
        <source>Share with partners</source>
        <translation>Partager avec les partenaires</translation>
    </message>
    <message>
        <source>Consent date</source>
        <translation>Date du consentement</translation>
    </message>
    <message>
        <source>Consent source</source>
        <translation>Source du consentement</translation>
    </message>
    <message>
        <source>Do not contact</source>
        <translation>Ne pas contacter</translation>
    </message>
    <message>
        <source>Starts on</source>
        <translation>Début</translation>
    </message>
    <message>
        <source>Ends on</source>
        <translation>Fin</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Description</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Titre</translation>
    </message>
    <message>
        <source>Due date</source>
        <translation>Échéance</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Heure</translation>
    </message>
    <message>
        <source>Assignee</source>
        <translation>Attribué à</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>Priorité</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Statut</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>Contact</translation>
    </message>
    <message>
        <source>Introduction</source>
        <translation>Mise en relation</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>Événement</translation>
    </message>
    <message>
        <source>Québec organization</source>
        <translation>Organisation du Québec</translation>
    </message>
    <message>
        <source>Québec contact</source>
        <translation>Contact du Québec</translation>
    </message>
    <message>
        <source>Massachusetts organization</source>
        <translation>Organisation du Massachusetts</translation>
    </message>
    <message>
        <source>Massachusetts contact</source>
        <translation>Contact du Massachusetts</translation>
    </message>
    <message>
        <source>Introducer</source>
        <translation>Intermédiaire</translation>
    </message>
    <message>
        <source>Purpose</source>
        <translation>Objet</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>Responsable</translation>
    </message>
    <message>
        <source>Québec party agrees</source>
        <translation>Accord de la partie québécoise</translation>
    </message>
    <message>
        <source>Québec answer on</source>
        <translation>Réponse québécoise le</translation>
    </message>
    <message>
        <source>Québec answer by (email, phone…)</source>
        <translation>Réponse québécoise par (courriel, téléphone…)</translation>
    </message>
    <message>
        <source>Massachusetts party agrees</source>
        <translation>Accord de la partie du Massachusetts</translation>
    </message>
    <message>
        <source>Massachusetts answer on</source>
        <translation>Réponse du Massachusetts le</translation>
    </message>
    <message>
        <source>Massachusetts answer by (email, phone…)</source>
        <translation>Réponse du Massachusetts par (courriel, téléphone…)</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>Étape</translation>
    </message>
    <message>
        <source>Outcome (when closed)</source>
        <translation>Résultat (une fois conclue)</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>Sujet</translation>
    </message>
</context>
<context>
    <name>Filters</name>
    <message>
        <source>Territory</source>
        <translation>Territoire</translation>
    </message>
    <message>
        <source>Tag</source>
        <translation>Étiquette</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Membership</source>
        <translation>Adhésion</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Langue</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>Étape</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>Responsable</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Résultat</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Statut</translation>
    </message>
    <message>
        <source>Assignee</source>
        <translation>Attribué à</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>Échéance</translation>
    </message>
</context>
<context>
    <name>FirstStartDialog</name>
    <message>
        <source>Welcome to the cooperation desk</source>
        <translation>Bienvenue au bureau de coopération</translation>
    </message>
    <message>
        <source>This database is new. Load the demo data to try the desk with sample organizations, contacts and introductions, or start with an empty database.</source>
        <translation>Cette base de données est nouvelle. Chargez les données de démonstration pour essayer le bureau avec des organisations, des contacts et des mises en relation d’exemple, ou commencez avec une base vide.</translation>
    </message>
    <message>
        <source>Load the demo data</source>
        <translation>Charger les données de démonstration</translation>
    </message>
    <message>
        <source>Start empty</source>
        <translation>Commencer avec une base vide</translation>
    </message>
</context>
<context>
    <name>FollowUpEditor</name>
    <message>
        <source>New follow-up</source>
        <translation>Nouveau suivi</translation>
    </message>
    <message>
        <source>Follow-up</source>
        <translation>Suivi</translation>
    </message>
</context>
<context>
    <name>FollowUpsPage</name>
    <message>
        <source>Follow-ups</source>
        <translation>Suivis</translation>
    </message>
    <message>
        <source>No open follow-ups</source>
        <translation>Aucun suivi ouvert</translation>
    </message>
    <message>
        <source>Follow-ups are the next steps that keep introductions alive: who does what, by when. Done ones are hidden; tick “Show done” to see them.</source>
        <translation>Les suivis sont les prochaines étapes qui font vivre les mises en relation : qui fait quoi, pour quand. Ceux qui sont faits sont masqués ; cochez « Afficher les faits » pour les voir.</translation>
    </message>
    <message>
        <source>New follow-up</source>
        <translation>Nouveau suivi</translation>
    </message>
    <message>
        <source>Show done</source>
        <translation>Afficher les faits</translation>
    </message>
    <message>
        <source>Also list the follow-ups done or cancelled</source>
        <translation>Lister aussi les suivis faits ou annulés</translation>
    </message>
</context>
<context>
    <name>Headers</name>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Territory</source>
        <translation>Territoire</translation>
    </message>
    <message>
        <source>Membership</source>
        <translation>Adhésion</translation>
    </message>
    <message>
        <source>City</source>
        <translation>Ville</translation>
    </message>
    <message>
        <source>Region</source>
        <translation>Région</translation>
    </message>
    <message>
        <source>Website</source>
        <translation>Site Web</translation>
    </message>
    <message>
        <source>Organization</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Titre</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>Courriel</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Langue</translation>
    </message>
    <message>
        <source>Québec party</source>
        <translation>Côté Québec</translation>
    </message>
    <message>
        <source>Massachusetts party</source>
        <translation>Côté Massachusetts</translation>
    </message>
    <message>
        <source>Purpose</source>
        <translation>Objet</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>Étape</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>Responsable</translation>
    </message>
    <message>
        <source>Stage since</source>
        <translation>Depuis le</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>Échéance</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Heure</translation>
    </message>
    <message>
        <source>Assignee</source>
        <translation>Attribué à</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>Priorité</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Statut</translation>
    </message>
    <message>
        <source>Linked to</source>
        <translation>Lié à</translation>
    </message>
    <message>
        <source>Starts</source>
        <translation>Début</translation>
    </message>
    <message>
        <source>Ends</source>
        <translation>Fin</translation>
    </message>
    <message>
        <source>Participants</source>
        <translation>Participants</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>Fiche</translation>
    </message>
    <message>
        <source>Deleted on</source>
        <translation>Supprimée le</translation>
    </message>
    <message>
        <source>Deleted by</source>
        <translation>Supprimée par</translation>
    </message>
</context>
<context>
    <name>Identity</name>
    <message>
        <source>Act as %1</source>
        <translation>Agir en tant que %1</translation>
    </message>
    <message>
        <source>The demo data is loaded. Its introductions and follow-ups belong to the demo&apos;s staff: act as one of them to see the desk as they do (their follow-ups, their board), or stay %1. File › Switch staff user changes it later.</source>
        <translation>Les données de démonstration sont chargées. Leurs mises en relation et leurs suivis appartiennent au personnel de la démo : agissez en tant que l’un d’eux pour voir le bureau comme lui (ses suivis, son tableau), ou restez %1. Fichier › Changer de membre du personnel le modifie plus tard.</translation>
    </message>
    <message>
        <source>Who are you in the demo?</source>
        <translation>Qui êtes-vous dans la démo ?</translation>
    </message>
</context>
<context>
    <name>ImportWizard</name>
    <message>
        <source>Import a file</source>
        <translation>Importer un fichier</translation>
    </message>
    <message>
        <source>Contacts</source>
        <translation>Contacts</translation>
    </message>
    <message>
        <source>Organizations</source>
        <translation>Organisations</translation>
    </message>
    <message>
        <source>Event participants</source>
        <translation>Participants aux événements</translation>
    </message>
    <message>
        <source>Introductions (a partner&apos;s file back)</source>
        <translation>Mises en relation (fichier d’un partenaire en retour)</translation>
    </message>
    <message>
        <source>Follow-ups (a partner&apos;s file back)</source>
        <translation>Suivis (fichier d’un partenaire en retour)</translation>
    </message>
    <message>
        <source>Leave the recorded one as it is</source>
        <translation>Laisser la fiche enregistrée telle quelle</translation>
    </message>
    <message>
        <source>Update it with the file&apos;s values</source>
        <translation>La mettre à jour avec les valeurs du fichier</translation>
    </message>
    <message>
        <source>Only fill its blank fields</source>
        <translation>Remplir seulement ses champs vides</translation>
    </message>
    <message>
        <source>Detected</source>
        <translation>Détecté</translation>
    </message>
    <message>
        <source>Comma</source>
        <translation>Virgule</translation>
    </message>
    <message>
        <source>Semicolon</source>
        <translation>Point-virgule</translation>
    </message>
    <message>
        <source>Tab</source>
        <translation>Tabulation</translation>
    </message>
    <message>
        <source>&amp;Import:</source>
        <translation>&amp;Importer :</translation>
    </message>
    <message>
        <source>&amp;File:</source>
        <translation>&amp;Fichier :</translation>
    </message>
    <message>
        <source>&amp;Duplicates:</source>
        <translation>&amp;Doublons :</translation>
    </message>
    <message>
        <source>Import the valid rows and leave out the invalid ones</source>
        <translation>Importer les lignes valides et laisser de côté les lignes invalides</translation>
    </message>
    <message>
        <source>Move the stages despite their warnings (noted in each history)</source>
        <translation>Changer les étapes malgré leurs avertissements (noté dans chaque historique)</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Parcourir…</translation>
    </message>
    <message>
        <source>Delimiter:</source>
        <translation>Séparateur :</translation>
    </message>
    <message>
        <source>Column in the file</source>
        <translation>Colonne du fichier</translation>
    </message>
    <message>
        <source>First value</source>
        <translation>Première valeur</translation>
    </message>
    <message>
        <source>Read as</source>
        <translation>Lue comme</translation>
    </message>
    <message>
        <source>Line</source>
        <translation>Ligne</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Action</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>Fiche</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Détails</translation>
    </message>
    <message>
        <source>Column</source>
        <translation>Colonne</translation>
    </message>
    <message>
        <source>Value in the file</source>
        <translation>Valeur dans le fichier</translation>
    </message>
    <message>
        <source>Means</source>
        <translation>Signifie</translation>
    </message>
    <message>
        <source>&lt; &amp;Back</source>
        <translation>&lt; &amp;Précédent</translation>
    </message>
    <message>
        <source>&amp;Next &gt;</source>
        <translation>&amp;Suivant &gt;</translation>
    </message>
    <message>
        <source>&amp;Import</source>
        <translation>&amp;Importer</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
    <message>
        <source>create</source>
        <translation>créer</translation>
    </message>
    <message>
        <source>update</source>
        <translation>mettre à jour</translation>
    </message>
    <message>
        <source>unchanged</source>
        <translation>inchangée</translation>
    </message>
    <message>
        <source>skip</source>
        <translation>ignorer</translation>
    </message>
    <message>
        <source>merge</source>
        <translation>fusionner</translation>
    </message>
    <message>
        <source>invalid</source>
        <translation>invalide</translation>
    </message>
    <message>
        <source>conflict</source>
        <translation>conflit</translation>
    </message>
    <message>
        <source>inferred: %1</source>
        <translation>déduit : %1</translation>
    </message>
    <message>
        <source>already recorded</source>
        <translation>fiche déjà enregistrée</translation>
    </message>
    <message>
        <source>same as recorded</source>
        <translation>identique à la fiche enregistrée</translation>
    </message>
    <message>
        <source>Changed here since the export: left as it is (the file changes %1).</source>
        <translation>Modifiée ici depuis l’exportation : laissée telle quelle (le fichier change %1).</translation>
    </message>
    <message>
        <source>new: found by name</source>
        <translation>nouvelle : trouvée par les noms</translation>
    </message>
    <message>
        <source>Day and month could be swapped: write the date as YYYY-MM-DD.</source>
        <translation>Le jour et le mois pourraient être inversés : écrivez la date sous la forme AAAA-MM-JJ.</translation>
    </message>
    <message>
        <source>This ZIP code lost its leading zero (a spreadsheet does that).</source>
        <translation>Ce code ZIP a perdu son zéro initial (un tableur fait cela).</translation>
    </message>
    <message>
        <source>This could be %1: choose what it means above.</source>
        <translation>Cela peut être %1 : choisissez ce que cela signifie ci-dessus.</translation>
    </message>
    <message>
        <source>Both parties are on the same side of the border.</source>
        <translation>Les deux parties sont du même côté de la frontière.</translation>
    </message>
    <message>
        <source>The same pair is already in another introduction.</source>
        <translation>La même paire est déjà dans une autre mise en relation.</translation>
    </message>
    <message>
        <source>Introduced without both parties&apos; consent (double opt-in).</source>
        <translation>Présentée sans l’accord des deux parties (double consentement).</translation>
    </message>
    <message>
        <source>Not recorded here, and its parties are not found by name.</source>
        <translation>Absente ici, et ses parties ne sont pas trouvées par leur nom.</translation>
    </message>
    <message>
        <source> or </source>
        <translation> ou </translation>
    </message>
    <message>
        <source>CSV files, Excel workbooks, vCards (*.csv *.txt *.xlsx *.vcf);;All files (*)</source>
        <translation>Fichiers CSV, classeurs Excel, vCards (*.csv *.txt *.xlsx *.vcf);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Importer</translation>
    </message>
    <message>
        <source>Choose the file to import.</source>
        <translation>Choisissez le fichier à importer.</translation>
    </message>
    <message>
        <source>Cannot read the file</source>
        <translation>Impossible de lire le fichier</translation>
    </message>
    <message>
        <source>There is no file %1.</source>
        <translation>Le fichier %1 n’existe pas.</translation>
    </message>
    <message numerus="yes">
        <source>Excel workbook (first sheet) · %n record(s)</source>
        <translation>
            <numerusform>Classeur Excel (première feuille) · %n enregistrement</numerusform>
            <numerusform>Classeur Excel (première feuille) · %n enregistrements</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>vCards · %n card(s)</source>
        <translation>
            <numerusform>vCards · %n fiche</numerusform>
            <numerusform>vCards · %n fiches</numerusform>
        </translation>
    </message>
    <message>
        <source>comma</source>
        <translation>virgule</translation>
    </message>
    <message>
        <source>semicolon</source>
        <translation>point-virgule</translation>
    </message>
    <message>
        <source>tab</source>
        <translation>tabulation</translation>
    </message>
    <message numerus="yes">
        <source>Encoding: %1 · delimiter: %2 · %n record(s)</source>
        <translation>
            <numerusform>Encodage : %1 · séparateur : %2 · %n fiche</numerusform>
            <numerusform>Encodage : %1 · séparateur : %2 · %n fiches</numerusform>
        </translation>
    </message>
    <message>
        <source>(ignored)</source>
        <translation>(ignorée)</translation>
    </message>
    <message>
        <source>Checking every row…</source>
        <translation>Vérification de chaque ligne…</translation>
    </message>
    <message>
        <source>Checking the file…</source>
        <translation>Vérification du fichier…</translation>
    </message>
    <message>
        <source>(choose)</source>
        <translation>(choisir)</translation>
    </message>
    <message>
        <source>%1 to create, %2 to update, %3 unchanged, %4 to skip, %5 merged, %6 invalid.</source>
        <translation>%1 à créer, %2 à mettre à jour, %3 inchangées, %4 à ignorer, %5 fusionnées, %6 invalides.</translation>
    </message>
    <message numerus="yes">
        <source>%n conflict(s): changed here since the export, left as they are.</source>
        <translation>
            <numerusform>%n conflit : modifiée ici depuis l’exportation, laissée telle quelle.</numerusform>
            <numerusform>%n conflits : modifiées ici depuis l’exportation, laissées telles quelles.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n new organization(s).</source>
        <translation>
            <numerusform>%n nouvelle organisation.</numerusform>
            <numerusform>%n nouvelles organisations.</numerusform>
        </translation>
    </message>
    <message>
        <source>The invalid rows will be left out.</source>
        <translation>Les lignes invalides seront laissées de côté.</translation>
    </message>
    <message>
        <source>Nothing will be imported while rows are invalid: fix the file, or choose to leave the invalid rows out.</source>
        <translation>Rien ne sera importé tant que des lignes sont invalides : corrigez le fichier, ou choisissez de laisser de côté les lignes invalides.</translation>
    </message>
    <message>
        <source>same as line %1</source>
        <translation>même fiche que la ligne %1</translation>
    </message>
    <message>
        <source>Importing…</source>
        <translation>Importation…</translation>
    </message>
    <message numerus="yes">
        <source>%n record(s) created</source>
        <translation>
            <numerusform>%n fiche créée</numerusform>
            <numerusform>%n fiches créées</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n updated</source>
        <translation>
            <numerusform>%n mise à jour</numerusform>
            <numerusform>%n mises à jour</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n left as it was</source>
        <translation>
            <numerusform>%n laissée telle quelle</numerusform>
            <numerusform>%n laissées telles quelles</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n invalid row(s) left out.</source>
        <translation>
            <numerusform>%n ligne invalide laissée de côté.</numerusform>
            <numerusform>%n lignes invalides laissées de côté.</numerusform>
        </translation>
    </message>
    <message>
        <source>File &gt; Undo last import takes it back.</source>
        <translation>Fichier &gt; Annuler la dernière importation la défait.</translation>
    </message>
    <message>
        <source>Import done</source>
        <translation>Importation terminée</translation>
    </message>
    <message>
        <source>Cancelled: nothing was written.</source>
        <translation>Annulé : rien n’a été écrit.</translation>
    </message>
    <message>
        <source>Nothing was imported</source>
        <translation>Rien n’a été importé</translation>
    </message>
    <message>
        <source>Import failed</source>
        <translation>Échec de l’importation</translation>
    </message>
    <message>
        <source>Undo last import</source>
        <translation>Annuler la dernière importation</translation>
    </message>
    <message>
        <source>There is no import to undo.</source>
        <translation>Il n’y a aucune importation à annuler.</translation>
    </message>
    <message>
        <source>Undo the import of %1? Its %2 new record(s) go to the trash and its %3 updated record(s) get their previous values back.</source>
        <translation>Annuler l’importation de %1 ? Ses %2 nouvelles fiches vont à la corbeille et ses %3 fiches mises à jour retrouvent leurs valeurs précédentes.</translation>
    </message>
</context>
<context>
    <name>InteractionEditor</name>
    <message>
        <source>New interaction</source>
        <translation>Nouvelle interaction</translation>
    </message>
    <message>
        <source>Interaction</source>
        <translation>Interaction</translation>
    </message>
</context>
<context>
    <name>IntroductionEditor</name>
    <message>
        <source>New introduction</source>
        <translation>Nouvelle mise en relation</translation>
    </message>
    <message>
        <source>Introduction</source>
        <translation>Mise en relation</translation>
    </message>
</context>
<context>
    <name>IntroductionsPage</name>
    <message>
        <source>Introductions</source>
        <translation>Mises en relation</translation>
    </message>
    <message>
        <source>No introductions yet</source>
        <translation>Aucune mise en relation pour l’instant</translation>
    </message>
    <message>
        <source>An introduction brings a Québec party and a Massachusetts party together, from the proposal to the outcome, with both consents. Start the first one, or load the demo data.</source>
        <translation>Une mise en relation réunit une partie du Québec et une partie du Massachusetts, de la proposition au résultat, avec les deux consentements. Commencez la première, ou chargez les données de démonstration.</translation>
    </message>
    <message>
        <source>New introduction</source>
        <translation>Nouvelle mise en relation</translation>
    </message>
    <message>
        <source>Load the demo data</source>
        <translation>Charger les données de démonstration</translation>
    </message>
</context>
<context>
    <name>Issues</name>
    <message>
        <source>A value is required.</source>
        <translation>Une valeur est requise.</translation>
    </message>
    <message>
        <source>This is not a valid email address.</source>
        <translation>Ce n’est pas une adresse courriel valide.</translation>
    </message>
    <message>
        <source>This is not a valid phone number.</source>
        <translation>Ce n’est pas un numéro de téléphone valide.</translation>
    </message>
    <message>
        <source>This is not a valid postal code or ZIP code.</source>
        <translation>Ce n’est pas un code postal ou un code ZIP valide.</translation>
    </message>
    <message>
        <source>This is not a valid website address.</source>
        <translation>Ce n’est pas une adresse de site Web valide.</translation>
    </message>
    <message>
        <source>Choose one of the proposed values.</source>
        <translation>Choisissez l’une des valeurs proposées.</translation>
    </message>
    <message>
        <source>This text is too long.</source>
        <translation>Ce texte est trop long.</translation>
    </message>
    <message>
        <source>Enter a whole number.</source>
        <translation>Entrez un nombre entier.</translation>
    </message>
    <message>
        <source>This number is too small.</source>
        <translation>Ce nombre est trop petit.</translation>
    </message>
    <message>
        <source>Enter a date (YYYY-MM-DD).</source>
        <translation>Entrez une date (AAAA-MM-JJ).</translation>
    </message>
    <message>
        <source>Enter a time (HH:MM).</source>
        <translation>Entrez une heure (HH:MM).</translation>
    </message>
    <message>
        <source>The end comes before the start.</source>
        <translation>La fin précède le début.</translation>
    </message>
    <message>
        <source>Choose a record from the list.</source>
        <translation>Choisissez une fiche dans la liste.</translation>
    </message>
    <message>
        <source>This record no longer exists.</source>
        <translation>Cette fiche n’existe plus.</translation>
    </message>
    <message>
        <source>This side needs a contact or an organization.</source>
        <translation>Ce côté a besoin d’un contact ou d’une organisation.</translation>
    </message>
    <message>
        <source>Link it to an organization, contact, introduction or event.</source>
        <translation>Liez-le à une organisation, un contact, une mise en relation ou un événement.</translation>
    </message>
    <message>
        <source>Answer yes or no.</source>
        <translation>Répondez oui ou non.</translation>
    </message>
    <message>
        <source>One word, without spaces.</source>
        <translation>Un seul mot, sans espace.</translation>
    </message>
    <message>
        <source>Day and month could be swapped: write the date as YYYY-MM-DD.</source>
        <translation>Le jour et le mois pourraient être inversés : écrivez la date sous la forme AAAA-MM-JJ.</translation>
    </message>
    <message>
        <source>This is not a desk identifier (a UUID such as 1b4e28ba-2fa1-41d2-883f-0016d3cca427).</source>
        <translation>Ce n’est pas un identifiant du bureau (un UUID comme 1b4e28ba-2fa1-41d2-883f-0016d3cca427).</translation>
    </message>
    <message>
        <source>This ZIP code lost its leading zero (a spreadsheet does that).</source>
        <translation>Ce code ZIP a perdu son zéro initial (un tableur fait cela).</translation>
    </message>
    <message>
        <source>“%1” is a party of this introduction: the introducer is someone else.</source>
        <translation>« %1 » est une partie de cette mise en relation : l’intermédiaire est quelqu’un d’autre.</translation>
    </message>
    <message>
        <source>“%1” is not in Massachusetts (territory: %2): the Massachusetts party must be in Massachusetts.</source>
        <translation>« %1 » n’est pas au Massachusetts (territoire : %2) : la partie du Massachusetts doit être au Massachusetts.</translation>
    </message>
    <message>
        <source>“%1” is not in Québec (territory: %2): the Québec party must be in Québec.</source>
        <translation>« %1 » n’est pas au Québec (territoire : %2) : la partie du Québec doit être au Québec.</translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <source>Québec</source>
        <translation>Québec</translation>
    </message>
    <message>
        <source>Massachusetts</source>
        <translation>Massachusetts</translation>
    </message>
    <message>
        <source>Elsewhere</source>
        <translation>Ailleurs</translation>
    </message>
    <message>
        <source>BIOQuébec</source>
        <translation>BIOQuébec</translation>
    </message>
    <message>
        <source>MassBio</source>
        <translation>MassBio</translation>
    </message>
    <message>
        <source>Both</source>
        <translation>Les deux</translation>
    </message>
    <message>
        <source>Not a member</source>
        <translation>Non-membre</translation>
    </message>
    <message>
        <source>Biotech</source>
        <translation>Biotech</translation>
    </message>
    <message>
        <source>Pharma</source>
        <translation>Pharmaceutique</translation>
    </message>
    <message>
        <source>Medtech</source>
        <translation>Technologies médicales</translation>
    </message>
    <message>
        <source>CRO</source>
        <translation>CRO</translation>
    </message>
    <message>
        <source>CDMO</source>
        <translation>CDMO</translation>
    </message>
    <message>
        <source>Academic</source>
        <translation>Établissement universitaire</translation>
    </message>
    <message>
        <source>Hospital</source>
        <translation>Hôpital</translation>
    </message>
    <message>
        <source>Investor</source>
        <translation>Investisseur</translation>
    </message>
    <message>
        <source>Foundation</source>
        <translation>Fondation</translation>
    </message>
    <message>
        <source>Government</source>
        <translation>Gouvernement</translation>
    </message>
    <message>
        <source>Association</source>
        <translation>Association</translation>
    </message>
    <message>
        <source>Service provider</source>
        <translation>Fournisseur de services</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Autre</translation>
    </message>
    <message>
        <source>French</source>
        <translation>Français</translation>
    </message>
    <message>
        <source>English</source>
        <translation>Anglais</translation>
    </message>
    <message>
        <source>Admin</source>
        <translation>Administrateur</translation>
    </message>
    <message>
        <source>Staff</source>
        <translation>Personnel</translation>
    </message>
    <message>
        <source>Read-only</source>
        <translation>Lecture seule</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Oui</translation>
    </message>
    <message>
        <source>No</source>
        <translation>Non</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>Inconnu</translation>
    </message>
    <message>
        <source>Partnership</source>
        <translation>Partenariat</translation>
    </message>
    <message>
        <source>CRO services</source>
        <translation>Services de CRO</translation>
    </message>
    <message>
        <source>Investment</source>
        <translation>Investissement</translation>
    </message>
    <message>
        <source>Licensing</source>
        <translation>Octroi de licence</translation>
    </message>
    <message>
        <source>R&amp;D collaboration</source>
        <translation>Collaboration en R-D</translation>
    </message>
    <message>
        <source>Market entry</source>
        <translation>Entrée sur le marché</translation>
    </message>
    <message>
        <source>Talent</source>
        <translation>Talents</translation>
    </message>
    <message>
        <source>Proposed</source>
        <translation>Proposée</translation>
    </message>
    <message>
        <source>Asked</source>
        <translation>Demandée</translation>
    </message>
    <message>
        <source>Both agreed</source>
        <translation>Acceptée des deux côtés</translation>
    </message>
    <message>
        <source>Introduced</source>
        <translation>Présentée</translation>
    </message>
    <message>
        <source>Meeting held</source>
        <translation>Rencontre tenue</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>Terminée</translation>
    </message>
    <message>
        <source>Concluded</source>
        <translation>Conclue</translation>
    </message>
    <message>
        <source>CRO contract</source>
        <translation>Contrat de CRO</translation>
    </message>
    <message>
        <source>Other win</source>
        <translation>Autre succès</translation>
    </message>
    <message>
        <source>Declined</source>
        <translation>Refusée</translation>
    </message>
    <message>
        <source>No fit</source>
        <translation>Sans adéquation</translation>
    </message>
    <message>
        <source>Stalled</source>
        <translation>Au point mort</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Ouvert</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Fait</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Annulé</translation>
    </message>
    <message>
        <source>Low</source>
        <translation>Basse</translation>
    </message>
    <message>
        <source>Normal</source>
        <translation>Normale</translation>
    </message>
    <message>
        <source>High</source>
        <translation>Haute</translation>
    </message>
    <message>
        <source>Mission</source>
        <translation>Mission</translation>
    </message>
    <message>
        <source>Delegation</source>
        <translation>Délégation</translation>
    </message>
    <message>
        <source>Conference</source>
        <translation>Congrès</translation>
    </message>
    <message>
        <source>Joint activity</source>
        <translation>Activité conjointe</translation>
    </message>
    <message>
        <source>Webinar</source>
        <translation>Webinaire</translation>
    </message>
    <message>
        <source>Meeting</source>
        <translation>Rencontre</translation>
    </message>
    <message>
        <source>Call</source>
        <translation>Appel</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>Courriel</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>Organization</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>Contact</translation>
    </message>
    <message>
        <source>Introduction</source>
        <translation>Mise en relation</translation>
    </message>
    <message>
        <source>Follow-up</source>
        <translation>Suivi</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>Événement</translation>
    </message>
    <message>
        <source>Interaction</source>
        <translation>Interaction</translation>
    </message>
    <message>
        <source>Participant</source>
        <translation>Participant</translation>
    </message>
    <message>
        <source>Staff user</source>
        <translation>Membre du personnel</translation>
    </message>
    <message>
        <source>en</source>
        <comment>language code of this translation</comment>
        <translation>fr</translation>
    </message>
</context>
<context>
    <name>ListModel</name>
    <message>
        <source>(destroyed)</source>
        <translation>(détruit)</translation>
    </message>
</context>
<context>
    <name>ListPage</name>
    <message>
        <source>Filter this list…</source>
        <translation>Filtrer cette liste…</translation>
    </message>
    <message>
        <source>New</source>
        <translation>Ajouter</translation>
    </message>
    <message>
        <source>Save view…</source>
        <translation>Enregistrer la vue…</translation>
    </message>
    <message>
        <source>Save these filters, columns and sort under a name in the sidebar</source>
        <translation>Enregistrer ces filtres, ces colonnes et ce tri sous un nom, dans la barre latérale</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Ouvrir</translation>
    </message>
    <message>
        <source>Edit</source>
        <translation>Modifier</translation>
    </message>
    <message>
        <source>New follow-up…</source>
        <translation>Nouveau suivi…</translation>
    </message>
    <message>
        <source>Edit selected…</source>
        <translation>Modifier la sélection…</translation>
    </message>
    <message>
        <source>Move to trash</source>
        <translation>Mettre à la corbeille</translation>
    </message>
    <message>
        <source>Nothing here yet</source>
        <translation>Rien ici pour l’instant</translation>
    </message>
    <message>
        <source>No record matches these filters</source>
        <translation>Aucune fiche ne correspond à ces filtres</translation>
    </message>
    <message>
        <source>Change the filters above, or clear them to see the whole list.</source>
        <translation>Changez les filtres ci-dessus, ou effacez-les pour voir toute la liste.</translation>
    </message>
    <message>
        <source>Clear the filters</source>
        <translation>Effacer les filtres</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>Exporter…</translation>
    </message>
    <message>
        <source>All</source>
        <comment>feminine</comment>
        <translation>Toutes</translation>
    </message>
    <message>
        <source>All</source>
        <translation>Tous</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>En retard</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>Aujourd’hui</translation>
    </message>
    <message>
        <source>Next 7 days</source>
        <translation>7 prochains jours</translation>
    </message>
    <message>
        <source>Next 30 days</source>
        <translation>30 prochains jours</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Chargement…</translation>
    </message>
    <message>
        <source>Cannot read the list</source>
        <translation>Impossible de lire la liste</translation>
    </message>
    <message numerus="yes">
        <source>%n record(s)</source>
        <translation>
            <numerusform>%n fiche</numerusform>
            <numerusform>%n fiches</numerusform>
        </translation>
    </message>
    <message>
        <source>Cannot move to the trash</source>
        <translation>Impossible de mettre à la corbeille</translation>
    </message>
    <message>
        <source>New…</source>
        <translation>Ajouter…</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Dashboard</source>
        <translation>Tableau de bord</translation>
    </message>
    <message>
        <source>Organizations</source>
        <translation>Organisations</translation>
    </message>
    <message>
        <source>Contacts</source>
        <translation>Contacts</translation>
    </message>
    <message>
        <source>Introductions</source>
        <translation>Mises en relation</translation>
    </message>
    <message>
        <source>Follow-ups</source>
        <translation>Suivis</translation>
    </message>
    <message>
        <source>Events</source>
        <translation>Événements</translation>
    </message>
    <message>
        <source>Trash</source>
        <translation>Corbeille</translation>
    </message>
    <message>
        <source>Introduction board</source>
        <translation>Tableau par étape</translation>
    </message>
    <message>
        <source>My follow-ups</source>
        <translation>Mes suivis</translation>
    </message>
    <message>
        <source>BIOQuébec · MassBio</source>
        <translation>BIOQuébec · MassBio</translation>
    </message>
    <message>
        <source>Staff user: %1 (%2)</source>
        <translation>Membre du personnel : %1 (%2)</translation>
    </message>
    <message>
        <source>Your database login: on the team database you act as it.</source>
        <translation>Votre identifiant de connexion : sur la base de l’équipe, vous agissez sous cet identifiant.</translation>
    </message>
    <message>
        <source>File › Switch staff user changes it.</source>
        <translation>Fichier › Changer de membre du personnel le modifie.</translation>
    </message>
    <message>
        <source>Demo data</source>
        <translation>Données de démonstration</translation>
    </message>
    <message>
        <source>Select an organization, a contact, an introduction, an event or a follow-up first.</source>
        <translation>Sélectionnez d’abord une organisation, un contact, une mise en relation, un événement ou un suivi.</translation>
    </message>
    <message>
        <source>Select a follow-up first.</source>
        <translation>Sélectionnez d’abord un suivi.</translation>
    </message>
    <message>
        <source>Select a contact or an organization first.</source>
        <translation>Sélectionnez d’abord un contact ou une organisation.</translation>
    </message>
    <message>
        <source>Connection to the database lost: reconnecting…</source>
        <translation>Connexion à la base de données perdue : reconnexion…</translation>
    </message>
    <message>
        <source>Reconnected: the pages are up to date.</source>
        <translation>Reconnecté : les pages sont à jour.</translation>
    </message>
    <message>
        <source>&amp;New database…</source>
        <translation>&amp;Nouvelle base de données…</translation>
    </message>
    <message>
        <source>&amp;Open database…</source>
        <translation>&amp;Ouvrir une base de données…</translation>
    </message>
    <message>
        <source>Open &amp;team database…</source>
        <translation>Ouvrir une &amp;base d’équipe…</translation>
    </message>
    <message>
        <source>&amp;Back up…</source>
        <translation>&amp;Sauvegarder…</translation>
    </message>
    <message>
        <source>Re&amp;store from a backup…</source>
        <translation>Resta&amp;urer une sauvegarde…</translation>
    </message>
    <message>
        <source>&amp;Check the database</source>
        <translation>&amp;Vérifier la base de données</translation>
    </message>
    <message>
        <source>Filter the &amp;list</source>
        <translation>&amp;Filtrer la liste</translation>
    </message>
    <message>
        <source>&amp;New record on this page…</source>
        <translation>&amp;Nouvelle fiche sur cette page…</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>Raccourcis &amp;clavier</translation>
    </message>
    <message>
        <source>&amp;Preferences…</source>
        <translation>&amp;Préférences…</translation>
    </message>
    <message>
        <source>S&amp;witch staff user…</source>
        <translation>Changer de &amp;membre du personnel…</translation>
    </message>
    <message>
        <source>Staff &amp;users and roles…</source>
        <translation>Personnel et &amp;rôles…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Quitter</translation>
    </message>
    <message>
        <source>&amp;Find…</source>
        <translation>&amp;Rechercher…</translation>
    </message>
    <message>
        <source>&amp;Move to trash</source>
        <translation>&amp;Mettre à la corbeille</translation>
    </message>
    <message>
        <source>&amp;Edit selected records…</source>
        <translation>Modifier les fiches &amp;choisies…</translation>
    </message>
    <message>
        <source>Find &amp;duplicates and merge…</source>
        <translation>Trouver les &amp;doublons et fusionner…</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;Actualiser</translation>
    </message>
    <message>
        <source>New &amp;organization…</source>
        <translation>Nouvelle &amp;organisation…</translation>
    </message>
    <message>
        <source>New &amp;contact…</source>
        <translation>Nouveau &amp;contact…</translation>
    </message>
    <message>
        <source>New &amp;introduction…</source>
        <translation>Nouvelle &amp;mise en relation…</translation>
    </message>
    <message>
        <source>New &amp;follow-up…</source>
        <translation>Nouveau &amp;suivi…</translation>
    </message>
    <message>
        <source>New &amp;event…</source>
        <translation>Nouvel &amp;événement…</translation>
    </message>
    <message>
        <source>&amp;Back</source>
        <translation>&amp;Retour</translation>
    </message>
    <message>
        <source>&amp;Save the record</source>
        <translation>&amp;Enregistrer la fiche</translation>
    </message>
    <message>
        <source>&amp;Move the introduction to a stage…</source>
        <translation>&amp;Changer l’étape de la mise en relation…</translation>
    </message>
    <message>
        <source>&amp;Draft the introduction email…</source>
        <translation>&amp;Rédiger le courriel de mise en relation…</translation>
    </message>
    <message>
        <source>&amp;About the cooperation desk</source>
        <translation>À &amp;propos du bureau de coopération</translation>
    </message>
    <message>
        <source>E&amp;xport my follow-ups to a calendar (.ics)…</source>
        <translation>E&amp;xporter mes suivis vers un calendrier (.ics)…</translation>
    </message>
    <message>
        <source>&amp;Import a file (CSV, Excel, vCard)…</source>
        <translation>&amp;Importer un fichier (CSV, Excel, vCard)…</translation>
    </message>
    <message>
        <source>E&amp;xport this list…</source>
        <translation>E&amp;xporter cette liste…</translation>
    </message>
    <message>
        <source>&amp;Log a call…</source>
        <translation>Consigner un &amp;appel…</translation>
    </message>
    <message>
        <source>Log an e&amp;mail…</source>
        <translation>Consigner un co&amp;urriel…</translation>
    </message>
    <message>
        <source>Log a mee&amp;ting…</source>
        <translation>Consigner une &amp;rencontre…</translation>
    </message>
    <message>
        <source>&amp;Add a note…</source>
        <translation>Ajouter une no&amp;te…</translation>
    </message>
    <message>
        <source>Com&amp;plete the follow-up…</source>
        <translation>Terminer le su&amp;ivi…</translation>
    </message>
    <message>
        <source>Intro&amp;duce to…</source>
        <translation>Mettre en relation a&amp;vec…</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Fichier</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Édition</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Affichage</translation>
    </message>
    <message>
        <source>&amp;Records</source>
        <translation>F&amp;iches</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Aide</translation>
    </message>
    <message>
        <source>Toolbar</source>
        <translation>Barre d’outils</translation>
    </message>
    <message>
        <source>Database: %1</source>
        <translation>Base de données : %1</translation>
    </message>
    <message>
        <source>New database</source>
        <translation>Nouvelle base de données</translation>
    </message>
    <message>
        <source>Desk databases (*.db);;All files (*)</source>
        <translation>Bases de données du bureau (*.db);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>Open database</source>
        <translation>Ouvrir une base de données</translation>
    </message>
    <message>
        <source>&amp;Undo last import…</source>
        <translation>&amp;Annuler la dernière importation…</translation>
    </message>
    <message>
        <source>Export &amp;log</source>
        <translation>&amp;Journal des exportations</translation>
    </message>
</context>
<context>
    <name>Maintenance</name>
    <message>
        <source>Desk databases (*.db);;All files (*)</source>
        <translation>Bases de données du bureau (*.db);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>Back up the database</source>
        <translation>Sauvegarder la base de données</translation>
    </message>
    <message>
        <source>The database was copied to:
%1

The backup is recorded in the export log.</source>
        <translation>La base de données a été copiée dans :
%1

La sauvegarde est inscrite au journal des exportations.</translation>
    </message>
    <message>
        <source>Cannot back up</source>
        <translation>Sauvegarde impossible</translation>
    </message>
    <message>
        <source>Backup saved: %1</source>
        <translation>Sauvegarde enregistrée : %1</translation>
    </message>
    <message>
        <source>Backup made</source>
        <translation>Sauvegarde faite</translation>
    </message>
    <message>
        <source>Backing up the database…</source>
        <translation>Sauvegarde de la base de données…</translation>
    </message>
    <message>
        <source>Backup cancelled</source>
        <translation>Sauvegarde annulée</translation>
    </message>
    <message>
        <source>Restore from a backup</source>
        <translation>Restaurer une sauvegarde</translation>
    </message>
    <message>
        <source>Replace everything in %1 with the content of the backup %2?

A safety copy of the database as it is now is made first, in %3, so this can be undone by restoring that copy.</source>
        <translation>Remplacer tout le contenu de %1 par celui de la sauvegarde %2 ?

Une copie de sécurité de la base telle qu’elle est maintenant est d’abord faite dans %3 : on peut revenir en arrière en restaurant cette copie.</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>Restaurer</translation>
    </message>
    <message>
        <source>The database as it was before could not be read; it was moved, as it was, to:
%1</source>
        <translation>La base de données d’avant ne pouvait pas être lue ; elle a été déplacée, telle quelle, dans :
%1</translation>
    </message>
    <message>
        <source>The database as it was before is kept in:
%1</source>
        <translation>La base de données telle qu’elle était avant est conservée dans :
%1</translation>
    </message>
    <message>
        <source>Database restored</source>
        <translation>Base de données restaurée</translation>
    </message>
    <message>
        <source>The backup %1 was checked and restored; the restore is recorded in the audit trail.</source>
        <translation>La sauvegarde %1 a été vérifiée et restaurée ; la restauration est inscrite au journal des modifications.</translation>
    </message>
    <message>
        <source>It is damaged: it stays read-only until repaired or restored.

</source>
        <translation>Elle est endommagée : elle reste en lecture seule jusqu’à sa réparation ou sa restauration.

</translation>
    </message>
    <message>
        <source>%1 has problems:
%2

%3Repair it now? Objects the desk did not make are removed and its own re-created; a damaged file is rebuilt from what can be read (the damaged one is kept in the backups folder); the search index is rebuilt. Otherwise, restore a backup.</source>
        <translation>%1 présente des problèmes :
%2

%3La réparer maintenant ? Les objets que le bureau n’a pas créés sont supprimés et les siens recréés ; un fichier endommagé est reconstruit à partir de ce qui peut être lu (le fichier endommagé est conservé dans le dossier des sauvegardes) ; l’index de recherche est reconstruit. Sinon, restaurez une sauvegarde.</translation>
    </message>
    <message>
        <source>Repair</source>
        <translation>Réparer</translation>
    </message>
    <message>
        <source>Cannot restore</source>
        <translation>Restauration impossible</translation>
    </message>
    <message>
        <source>Restoring the backup…</source>
        <translation>Restauration de la sauvegarde…</translation>
    </message>
    <message>
        <source>table</source>
        <translation>table</translation>
    </message>
    <message>
        <source>index</source>
        <translation>index</translation>
    </message>
    <message>
        <source>trigger</source>
        <translation>déclencheur</translation>
    </message>
    <message>
        <source>view</source>
        <translation>vue</translation>
    </message>
    <message>
        <source>%1 “%2”, not made by the desk</source>
        <translation>%1 « %2 » — objet inconnu du bureau</translation>
    </message>
    <message>
        <source>%1 “%2” is missing</source>
        <translation>%1 « %2 » — objet manquant</translation>
    </message>
    <message>
        <source>%1 “%2” differs from the desk’s</source>
        <translation>%1 « %2 » — objet différent de celui du bureau</translation>
    </message>
    <message>
        <source>• %1: %2</source>
        <translation>• %1 : %2</translation>
    </message>
    <message>
        <source>Database check</source>
        <translation>Vérification de la base de données</translation>
    </message>
    <message>
        <source>%1 is in good health.

Records:
%2</source>
        <translation>%1 est en bon état.

Fiches :
%2</translation>
    </message>
    <message>
        <source>Checking the database…</source>
        <translation>Vérification de la base de données…</translation>
    </message>
    <message>
        <source>The damaged file is kept in:
%1

</source>
        <translation>Le fichier endommagé est conservé dans :
%1

</translation>
    </message>
    <message>
        <source>Database repaired</source>
        <translation>Base de données réparée</translation>
    </message>
    <message>
        <source>%1 still has problems:
%2

Restore a backup.</source>
        <translation>%1 présente encore des problèmes :
%2

Restaurez une sauvegarde.</translation>
    </message>
    <message>
        <source>Cannot repair</source>
        <translation>Réparation impossible</translation>
    </message>
    <message>
        <source>Repairing the database…</source>
        <translation>Réparation de la base de données…</translation>
    </message>
    <message>
        <source>Damaged database</source>
        <translation>Base de données endommagée</translation>
    </message>
    <message>
        <source>Open a team database</source>
        <translation>Ouvrir une base d’équipe</translation>
    </message>
    <message>
        <source>A team database lives on a PostgreSQL server shared by the staff. Enter its address, for example postgresql://mtremblay@crm.bioquebec.local/desk</source>
        <translation>Une base d’équipe se trouve sur un serveur PostgreSQL partagé par le personnel. Entrez son adresse, par exemple postgresql://mtremblay@crm.bioquebec.local/desk</translation>
    </message>
    <message>
        <source>Connect</source>
        <translation>Se connecter</translation>
    </message>
    <message>
        <source>Enter an address that begins with postgresql://</source>
        <translation>Entrez une adresse qui commence par postgresql://</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>Connexion…</translation>
    </message>
    <message>
        <source>Cannot open this team database:
%1</source>
        <translation>Impossible d’ouvrir cette base d’équipe :
%1</translation>
    </message>
</context>
<context>
    <name>MergeDialog</name>
    <message>
        <source>Merge two records</source>
        <translation>Fusionner deux fiches</translation>
    </message>
    <message>
        <source>Choose the record to keep and, for each field, the value it keeps. The other record&apos;s introductions, follow-ups, events, interactions and tags move to the kept one; the other goes to the trash, and restoring it undoes the merge.</source>
        <translation>Choisissez la fiche à garder et, pour chaque champ, la valeur qu’elle garde. Les mises en relation, suivis, événements, échanges et étiquettes de l’autre fiche passent à la fiche gardée ; l’autre va à la corbeille, et la restaurer annule la fusion.</translation>
    </message>
    <message>
        <source>Tags: both records&apos; tags are kept.</source>
        <translation>Étiquettes : celles des deux fiches sont gardées.</translation>
    </message>
    <message>
        <source>&amp;Merge</source>
        <translation>&amp;Fusionner</translation>
    </message>
    <message>
        <source>Keep this one</source>
        <translation>Garder celle-ci</translation>
    </message>
    <message>
        <source>Keep “%1”</source>
        <translation>Garder « %1 »</translation>
    </message>
    <message>
        <source>Cannot merge</source>
        <translation>Impossible de fusionner</translation>
    </message>
    <message>
        <source>(empty)</source>
        <translation>(vide)</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Oui</translation>
    </message>
    <message>
        <source>No</source>
        <translation>Non</translation>
    </message>
</context>
<context>
    <name>Messages</name>
    <message>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
</context>
<context>
    <name>OrganizationEditor</name>
    <message>
        <source>New organization</source>
        <translation>Nouvelle organisation</translation>
    </message>
    <message>
        <source>Organization</source>
        <translation>Organisation</translation>
    </message>
</context>
<context>
    <name>OrganizationsPage</name>
    <message>
        <source>Organizations</source>
        <translation>Organisations</translation>
    </message>
    <message>
        <source>No organizations yet</source>
        <translation>Aucune organisation pour l’instant</translation>
    </message>
    <message>
        <source>The companies, CROs, universities, hospitals, investors and foundations on both sides of the border: add the first one, import a spreadsheet, or try the desk with the demo data.</source>
        <translation>Les entreprises, CRO, universités, hôpitaux, investisseurs et fondations des deux côtés de la frontière : ajoutez la première, importez un tableur, ou essayez le bureau avec les données de démonstration.</translation>
    </message>
    <message>
        <source>New organization</source>
        <translation>Nouvelle organisation</translation>
    </message>
    <message>
        <source>Import a CSV file…</source>
        <translation>Importer un fichier CSV…</translation>
    </message>
    <message>
        <source>Load the demo data</source>
        <translation>Charger les données de démonstration</translation>
    </message>
</context>
<context>
    <name>PreferencesDialog</name>
    <message>
        <source>Preferences</source>
        <translation>Préférences</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>&amp;Langue :</translation>
    </message>
    <message>
        <source>&amp;Theme:</source>
        <translation>&amp;Thème :</translation>
    </message>
    <message>
        <source>Like the system (light or dark)</source>
        <translation>Comme le système (clair ou sombre)</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>Clair</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>Sombre</translation>
    </message>
</context>
<context>
    <name>Privacy</name>
    <message>
        <source>Privacy report…</source>
        <translation>Rapport de confidentialité…</translation>
    </message>
    <message>
        <source>Forget this person…</source>
        <translation>Oublier cette personne…</translation>
    </message>
    <message>
        <source>Folder for the privacy report</source>
        <translation>Dossier du rapport de confidentialité</translation>
    </message>
    <message>
        <source>Privacy report</source>
        <translation>Rapport de confidentialité</translation>
    </message>
    <message>
        <source>The privacy report on %1 is in %2: person.html to read, person.json and CSV files to hand over. Only you can read them.</source>
        <translation>Le rapport de confidentialité sur %1 est dans %2 : person.html à lire, person.json et les fichiers CSV à remettre. Vous seul pouvez les lire.</translation>
    </message>
    <message>
        <source>Cannot write the privacy report</source>
        <translation>Impossible d’écrire le rapport de confidentialité</translation>
    </message>
    <message>
        <source>Cannot forget this person</source>
        <translation>Impossible d’oublier cette personne</translation>
    </message>
    <message>
        <source>Forget %1 (%2)? This destroys, for good:</source>
        <translation>Oublier %1 (%2) ? Cela détruit, définitivement :</translation>
    </message>
    <message>
        <source>• the contact, its search entry, its tags and the values of its history (who changed it and when stay);</source>
        <translation>• le contact, son entrée de recherche, ses étiquettes et les valeurs de son historique (qui l’a modifié et quand restent) ;</translation>
    </message>
    <message numerus="yes">
        <source>• %n follow-up(s), interaction(s) or participation(s) that were about this person alone;</source>
        <translation>
            <numerusform>• %n suivi, échange ou participation qui ne concernait que cette personne ;</numerusform>
            <numerusform>• %n suivis, échanges ou participations qui ne concernaient que cette personne ;</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>• the link from %n introduction(s) and other record(s), which stay, this party shown as destroyed;</source>
        <translation>
            <numerusform>• le lien depuis %n mise en relation ou autre fiche, qui reste, cette partie affichée comme détruite ;</numerusform>
            <numerusform>• le lien depuis %n mises en relation et autres fiches, qui restent, cette partie affichée comme détruite ;</numerusform>
        </translation>
    </message>
    <message>
        <source>• the name, email and phones wherever other records&apos; text or import undo data spell them.</source>
        <translation>• le nom, le courriel et les téléphones partout où le texte d’autres fiches ou les données d’annulation d’importation les écrivent.</translation>
    </message>
    <message>
        <source>Backups already made still hold this person: you will be told which.</source>
        <translation>Les sauvegardes déjà faites contiennent encore cette personne : on vous dira lesquelles.</translation>
    </message>
    <message>
        <source>Forget this person</source>
        <translation>Oublier cette personne</translation>
    </message>
    <message>
        <source>Forget</source>
        <translation>Oublier</translation>
    </message>
    <message>
        <source>%1 was destroyed.</source>
        <translation>%1 a été détruit(e).</translation>
    </message>
    <message>
        <source>Another program is reading the database: the space the person took is cleaned when the last program using it closes.</source>
        <translation>Un autre programme lit la base de données : la place qu’occupait la personne sera nettoyée quand le dernier programme qui l’utilise se fermera.</translation>
    </message>
    <message numerus="yes">
        <source>%n backup(s) made since the record was created still hold this person; delete them or keep them out of restores:</source>
        <translation>
            <numerusform>%n sauvegarde faite depuis la création de la fiche contient encore cette personne ; supprimez-la ou ne la restaurez pas :</numerusform>
            <numerusform>%n sauvegardes faites depuis la création de la fiche contiennent encore cette personne ; supprimez-les ou ne les restaurez pas :</numerusform>
        </translation>
    </message>
    <message>
        <source>No backup of the desk holds this person.</source>
        <translation>Aucune sauvegarde du bureau ne contient cette personne.</translation>
    </message>
</context>
<context>
    <name>RecordEditor</name>
    <message>
        <source>New follow-up…</source>
        <translation>Nouveau suivi…</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Enregistrer</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Move to trash</source>
        <translation>Mettre à la corbeille</translation>
    </message>
    <message>
        <source>(inferred)</source>
        <translation>(déduit)</translation>
    </message>
    <message>
        <source>Inferred from what is typed (province or state, country, city, organization); choose another value to set it yourself.</source>
        <translation>Déduit de ce qui est saisi (province ou État, pays, ville, organisation) ; choisissez une autre valeur pour la fixer vous-même.</translation>
    </message>
    <message>
        <source>(nothing tells yet)</source>
        <translation>(rien ne l’indique encore)</translation>
    </message>
    <message>
        <source>Nothing typed tells it yet: it will be inferred from the province or state, the country or the city, or choose a value.</source>
        <translation>Rien de ce qui est saisi ne l’indique encore : la valeur sera déduite de la province ou de l’État, du pays ou de la ville ; ou choisissez-en une.</translation>
    </message>
    <message>
        <source>This record looks like one already in the desk:
%1

Save it anyway?</source>
        <translation>Cette fiche ressemble à une fiche déjà enregistrée :
%1

L’enregistrer quand même ?</translation>
    </message>
    <message>
        <source>Possible duplicate</source>
        <translation>Doublon possible</translation>
    </message>
    <message>
        <source>Save anyway</source>
        <translation>Enregistrer quand même</translation>
    </message>
    <message>
        <source>Record gone</source>
        <translation>Fiche disparue</translation>
    </message>
    <message>
        <source>Someone else deleted this record meanwhile; it is in the trash.</source>
        <translation>Quelqu’un d’autre a supprimé cette fiche entre-temps ; elle est dans la corbeille.</translation>
    </message>
    <message>
        <source>Cannot save</source>
        <translation>Enregistrement impossible</translation>
    </message>
    <message>
        <source>Changed by someone else</source>
        <translation>Modifiée par quelqu’un d’autre</translation>
    </message>
    <message>
        <source>Someone else saved this record after you opened it. Reload it to see their version (your changes here are lost), or save your values over theirs.</source>
        <translation>Quelqu’un d’autre a enregistré cette fiche après que vous l’avez ouverte. Rechargez-la pour voir sa version (vos modifications ici seront perdues), ou enregistrez vos valeurs par-dessus les siennes.</translation>
    </message>
    <message>
        <source>Reload</source>
        <translation>Recharger</translation>
    </message>
    <message>
        <source>Save mine over theirs</source>
        <translation>Garder mes valeurs</translation>
    </message>
    <message>
        <source>Cannot move to the trash</source>
        <translation>Impossible de mettre à la corbeille</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>Modifications non enregistrées</translation>
    </message>
    <message>
        <source>Save your changes to this record?</source>
        <translation>Enregistrer vos modifications de cette fiche ?</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>Ne pas enregistrer</translation>
    </message>
</context>
<context>
    <name>RecordLinks</name>
    <message>
        <source>Show all (%1)</source>
        <translation>Tout afficher (%1)</translation>
    </message>
    <message>
        <source>None yet</source>
        <translation>Aucun pour l’instant</translation>
    </message>
</context>
<context>
    <name>RecordPage</name>
    <message>
        <source>Back</source>
        <translation>Retour</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Enregistrer</translation>
    </message>
    <message>
        <source>Revert</source>
        <translation>Rétablir</translation>
    </message>
    <message>
        <source>Undo your changes to the fields (Esc)</source>
        <translation>Annuler vos modifications des champs (Échap)</translation>
    </message>
    <message>
        <source>New follow-up…</source>
        <translation>Nouveau suivi…</translation>
    </message>
    <message>
        <source>Move to stage…</source>
        <translation>Changer d’étape…</translation>
    </message>
    <message>
        <source>Draft the email…</source>
        <translation>Rédiger le courriel…</translation>
    </message>
    <message>
        <source>Move to trash</source>
        <translation>Mettre à la corbeille</translation>
    </message>
    <message>
        <source>This record is in the trash: restore it from the Trash page to edit it.</source>
        <translation>Cette fiche est à la corbeille : restaurez-la depuis la page Corbeille pour la modifier.</translation>
    </message>
    <message>
        <source>Québec party</source>
        <translation>Partie québécoise</translation>
    </message>
    <message>
        <source>Massachusetts party</source>
        <translation>Partie du Massachusetts</translation>
    </message>
</context>
<context>
    <name>RecordPages</name>
    <message>
        <source>This record is in the trash or was erased: restore it to open it.</source>
        <translation>Cette fiche est à la corbeille ou a été effacée : restaurez-la pour l’ouvrir.</translation>
    </message>
</context>
<context>
    <name>RecordPicker</name>
    <message>
        <source>Create organization “%1”</source>
        <translation>Créer l’organisation « %1 »</translation>
    </message>
    <message>
        <source>Create contact “%1”</source>
        <translation>Créer le contact « %1 »</translation>
    </message>
    <message>
        <source>Cannot create “%1”</source>
        <translation>Impossible de créer « %1 »</translation>
    </message>
</context>
<context>
    <name>RelatedPanel</name>
    <message>
        <source>Contacts</source>
        <translation>Contacts</translation>
    </message>
    <message>
        <source>Introductions</source>
        <translation>Mises en relation</translation>
    </message>
    <message>
        <source>Follow-ups</source>
        <translation>Suivis</translation>
    </message>
    <message>
        <source>Events</source>
        <translation>Événements</translation>
    </message>
    <message>
        <source>Interactions</source>
        <translation>Interactions</translation>
    </message>
    <message>
        <source>Related records</source>
        <translation>Fiches liées</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>Fiche</translation>
    </message>
    <message>
        <source>State</source>
        <translation>État</translation>
    </message>
</context>
<context>
    <name>SearchBox</name>
    <message>
        <source>Search everything (Ctrl+K)</source>
        <translation>Tout rechercher (Ctrl+K)</translation>
    </message>
    <message>
        <source>No match</source>
        <translation>Aucun résultat</translation>
    </message>
</context>
<context>
    <name>Shortcuts</name>
    <message>
        <source>Open the selected record</source>
        <translation>Ouvrir la fiche sélectionnée</translation>
    </message>
    <message>
        <source>Undo the changes to a record page&apos;s fields, or go back</source>
        <translation>Annuler les modifications des champs d’une fiche, ou revenir en arrière</translation>
    </message>
    <message>
        <source>Move the card to the next / previous stage (on the board)</source>
        <translation>Déplacer la carte à l’étape suivante / précédente (dans le tableau par étape)</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Raccourcis clavier</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>Touches</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Action</translation>
    </message>
</context>
<context>
    <name>StaffUsersDialog</name>
    <message>
        <source>Staff users</source>
        <translation>Membres du personnel</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>Nom d’utilisateur</translation>
    </message>
    <message>
        <source>Full name</source>
        <translation>Nom complet</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Rôle</translation>
    </message>
    <message>
        <source>Add a staff user</source>
        <translation>Ajouter un membre du personnel</translation>
    </message>
    <message>
        <source>one word, e.g. mtremblay</source>
        <translation>un seul mot, p. ex. mtremblay</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Ajouter</translation>
    </message>
    <message>
        <source>As an admin you set each staff user&apos;s role. Admins may also erase records for good, restore backups, add staff users and export people without consent; read-only users can look but change nothing.</source>
        <translation>En tant qu’administrateur, vous fixez le rôle de chaque membre du personnel. Les administrateurs peuvent aussi effacer des fiches définitivement, restaurer des sauvegardes, ajouter des membres du personnel et exporter des personnes sans consentement ; les utilisateurs en lecture seule consultent sans rien modifier.</translation>
    </message>
    <message>
        <source>Only an admin changes roles and adds staff users. You are %1: %2.</source>
        <translation>Seul un administrateur change les rôles et ajoute des membres du personnel. Vous êtes %1 : %2.</translation>
    </message>
    <message>
        <source>Cannot change the role</source>
        <translation>Impossible de changer le rôle</translation>
    </message>
    <message>
        <source>Cannot add the staff user</source>
        <translation>Impossible d’ajouter le membre du personnel</translation>
    </message>
</context>
<context>
    <name>Tasks</name>
    <message>
        <source>Working…</source>
        <translation>Traitement en cours…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>Annulation…</translation>
    </message>
</context>
<context>
    <name>TimeField</name>
    <message>
        <source>“%1” is not a time of day: type it as 14:00.</source>
        <translation>« %1 » n’est pas une heure : tapez-la 14:00.</translation>
    </message>
    <message>
        <source>HH:MM (optional)</source>
        <translation>HH:MM (facultatif)</translation>
    </message>
</context>
<context>
    <name>TrashPage</name>
    <message>
        <source>Trash</source>
        <translation>Corbeille</translation>
    </message>
    <message>
        <source>The trash is empty</source>
        <translation>La corbeille est vide</translation>
    </message>
    <message>
        <source>Records you delete wait here, with who deleted them and when, until you restore them or delete them permanently.</source>
        <translation>Les fiches que vous supprimez attendent ici, avec qui les a supprimées et quand, jusqu’à ce que vous les restauriez ou les supprimiez définitivement.</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>Restaurer</translation>
    </message>
    <message>
        <source>Delete permanently…</source>
        <translation>Supprimer définitivement…</translation>
    </message>
    <message>
        <source>Only an admin can delete records permanently.</source>
        <translation>Seul un administrateur peut supprimer des fiches définitivement.</translation>
    </message>
    <message>
        <source>Cannot restore</source>
        <translation>Restauration impossible</translation>
    </message>
    <message numerus="yes">
        <source>Delete %n record(s) permanently? This cannot be undone: the records and their links are erased.</source>
        <translation>
            <numerusform>Supprimer définitivement %n fiche ? C’est irréversible : la fiche et ses liens sont effacés.</numerusform>
            <numerusform>Supprimer définitivement %n fiches ? C’est irréversible : les fiches et leurs liens sont effacés.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n backup(s) made since then still hold them; delete them or keep them out of restores:</source>
        <translation>
            <numerusform>%n sauvegarde faite depuis contient encore ces fiches ; supprimez-la ou ne la restaurez pas :</numerusform>
            <numerusform>%n sauvegardes faites depuis contiennent encore ces fiches ; supprimez-les ou ne les restaurez pas :</numerusform>
        </translation>
    </message>
    <message>
        <source>Delete permanently</source>
        <translation>Supprimer définitivement</translation>
    </message>
    <message>
        <source>Cannot delete permanently</source>
        <translation>Suppression définitive impossible</translation>
    </message>
</context>
<context>
    <name>WhoAmIDialog</name>
    <message>
        <source>Who are you?</source>
        <translation>Qui êtes-vous ?</translation>
    </message>
    <message>
        <source>Every change is recorded under a staff user. Which one are you on this database? The desk remembers it for this database; File › Switch staff user changes it.</source>
        <translation>Chaque modification est enregistrée au nom d’un membre du personnel. Lequel êtes-vous dans cette base de données ? Le bureau s’en souvient pour cette base ; Fichier › Changer de membre du personnel le modifie.</translation>
    </message>
    <message>
        <source>I am one of these staff users:</source>
        <translation>Je suis l’un de ces membres du personnel :</translation>
    </message>
    <message>
        <source>I am new here: add me</source>
        <translation>Je suis nouveau : m’ajouter</translation>
    </message>
    <message>
        <source>one word, e.g. mtremblay</source>
        <translation>un seul mot, p. ex. mtremblay</translation>
    </message>
    <message>
        <source>e.g. Marie Tremblay</source>
        <translation>p. ex. Marie Tremblay</translation>
    </message>
    <message>
        <source>User name:</source>
        <translation>Nom d’utilisateur :</translation>
    </message>
    <message>
        <source>Full name:</source>
        <translation>Nom complet :</translation>
    </message>
    <message>
        <source>The first staff user of a database is its admin; the next ones are staff.</source>
        <translation>Le premier membre du personnel d’une base de données en est l’administrateur ; les suivants sont du personnel.</translation>
    </message>
    <message>
        <source>You are the first staff user of this database: its admin.</source>
        <translation>Vous êtes le premier membre du personnel de cette base de données : son administrateur.</translation>
    </message>
</context>
</TS>
