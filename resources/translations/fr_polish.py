"""French for the desk's care and polish: background lists, the File menu's backup, restore,
check and team database, start-up questions, keyboard shortcuts (merged by update.py)."""

FR = {
    # start-up
    "There is no staff user named “%1” in %2.\n\nCreate this staff user now? Every change you make will be recorded under this name.":
        "Il n’y a pas d’utilisateur nommé « %1 » dans %2.\n\nCréer cet utilisateur maintenant ? "
        "Chacune de vos modifications sera enregistrée sous ce nom.",
    "Unknown staff user": "Utilisateur inconnu",
    "Create the staff user": "Créer l’utilisateur",
    "Cannot create the staff user": "Impossible de créer l’utilisateur",
    # lists in the background
    "Loading…": "Chargement…",
    "Cannot read the list": "Impossible de lire la liste",
    "Working…": "Traitement en cours…",
    "Cancelling…": "Annulation…",
    # menus
    "Open &team database…": "Ouvrir une &base d’équipe…",
    "&Back up…": "&Sauvegarder…",
    "Re&store from a backup…": "Resta&urer une sauvegarde…",
    "&Check the database": "&Vérifier la base de données",
    "Filter the &list": "&Filtrer la liste",
    "&New record on this page…": "&Nouvelle fiche sur cette page…",
    "&Keyboard shortcuts": "Raccourcis &clavier",
    # backup, restore, check
    "Back up the database": "Sauvegarder la base de données",
    "Cannot back up": "Sauvegarde impossible",
    "Backup saved: %1": "Sauvegarde enregistrée : %1",
    "Backup made": "Sauvegarde faite",
    "The database was copied to:\n%1": "La base de données a été copiée dans :\n%1",
    "Backing up the database…": "Sauvegarde de la base de données…",
    "Backup cancelled": "Sauvegarde annulée",
    "Restore from a backup": "Restaurer une sauvegarde",
    "Replace everything in %1 with the content of the backup %2?\n\nA safety copy of the database as it is now is made first, in %3, so this can be undone by restoring that copy.":
        "Remplacer tout le contenu de %1 par celui de la sauvegarde %2 ?\n\nUne copie de "
        "sécurité de la base telle qu’elle est maintenant est d’abord faite dans %3 : on peut "
        "revenir en arrière en restaurant cette copie.",
    "Database restored": "Base de données restaurée",
    "The backup %1 was restored.\nThe database as it was before is kept in:\n%2":
        "La sauvegarde %1 a été restaurée.\nLa base telle qu’elle était avant est conservée dans :\n%2",
    "Restoring the backup…": "Restauration de la sauvegarde…",
    "Database check": "Vérification de la base de données",
    "%1 is in good health.\n\nRecords:\n%2": "%1 est en bon état.\n\nFiches :\n%2",
    "%1 has problems:\n%2\n\nRestore a backup, or run: crm check --repair":
        "%1 présente des problèmes :\n%2\n\nRestaurez une sauvegarde, ou lancez : crm check --repair",
    "Checking the database…": "Vérification de la base de données…",
    # team database
    "Open a team database": "Ouvrir une base d’équipe",
    "A team database lives on a PostgreSQL server shared by the staff. Enter its address, for example postgresql://mtremblay@crm.bioquebec.local/desk":
        "Une base d’équipe se trouve sur un serveur PostgreSQL partagé par le personnel. "
        "Entrez son adresse, par exemple postgresql://mtremblay@crm.bioquebec.local/desk",
    "Connect": "Se connecter",
    "Enter an address that begins with postgresql://": "Entrez une adresse qui commence par postgresql://",
    "Connecting…": "Connexion…",
    "Cannot open this team database:\n%1": "Impossible d’ouvrir cette base d’équipe :\n%1",
    # keyboard shortcuts
    "Open the selected record": "Ouvrir la fiche sélectionnée",
    "Save the record (in an editor)": "Enregistrer la fiche (dans un éditeur)",
    "Keyboard shortcuts": "Raccourcis clavier",
    "Keys": "Touches",
    "Action": "Action",
}
