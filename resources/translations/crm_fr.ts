<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="fr_FR">
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
        <source>Cannot open the database</source>
        <translation>Impossible d’ouvrir la base de données</translation>
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
</context>
<context>
    <name>DashboardPage</name>
    <message>
        <source>Dashboard</source>
        <translation>Tableau de bord</translation>
    </message>
    <message>
        <source>Organizations and contacts</source>
        <translation>Organisations et contacts</translation>
    </message>
    <message>
        <source>Introductions by stage</source>
        <translation>Mises en relation par étape</translation>
    </message>
    <message>
        <source>Work</source>
        <translation>Travail</translation>
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
        <source>Organizations elsewhere</source>
        <translation>Organisations ailleurs</translation>
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
        <source>Purpose</source>
        <translation>Objet</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>Responsable</translation>
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
        <source>Move to trash</source>
        <translation>Mettre à la corbeille</translation>
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
    <message numerus="yes">
        <source>%n record(s)</source>
        <translation>
            <numerusform>%n fiche</numerusform><numerusform>%n fiches</numerusform></translation>
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
        <source>Cooperation desk — BIOQuébec · MassBio</source>
        <translation>Bureau de coopération — BIOQuébec · MassBio</translation>
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
        <source>&amp;Preferences…</source>
        <translation>&amp;Préférences…</translation>
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
        <source>&amp;About the cooperation desk</source>
        <translation>À &amp;propos du bureau de coopération</translation>
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
        <source>Staff user: %1</source>
        <translation>Membre du personnel : %1</translation>
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
</context>
<context>
    <name>RecordEditor</name>
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
    <name>TrashPage</name>
    <message>
        <source>Trash</source>
        <translation>Corbeille</translation>
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
        <source>Cannot restore</source>
        <translation>Restauration impossible</translation>
    </message>
    <message numerus="yes">
        <source>Delete %n record(s) permanently? This cannot be undone: the records and their links are erased.</source>
        <translation>
            <numerusform>Supprimer définitivement %n fiche ? C’est irréversible : la fiche et ses liens sont effacés.</numerusform><numerusform>Supprimer définitivement %n fiches ? C’est irréversible : les fiches et leurs liens sont effacés.</numerusform></translation>
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
</TS>