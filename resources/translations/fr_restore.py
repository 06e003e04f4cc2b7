"""French for backups, restores, the database check and its repair, and the errors of a
damaged database (crm/ui/dialogs/maintenance.py, crm/ui/errors.py). Merged by update.py."""

FR: dict[str, str] = {
    # File › Back up
    "The database was copied to:\n%1\n\nThe backup is recorded in the export log.":
        "La base de données a été copiée dans :\n%1\n\nLa sauvegarde est inscrite au journal "
        "des exportations.",
    # File › Restore
    "The database as it was before could not be read; it was moved, as it was, to:\n%1":
        "La base de données d’avant ne pouvait pas être lue ; elle a été déplacée, telle "
        "quelle, dans :\n%1",
    "The database as it was before is kept in:\n%1":
        "La base de données telle qu’elle était avant est conservée dans :\n%1",
    "The backup %1 was checked and restored; the restore is recorded in the audit trail.":
        "La sauvegarde %1 a été vérifiée et restaurée ; la restauration est inscrite au "
        "journal des modifications.",
    # File › Check the database, and its repair
    "It is damaged: it stays read-only until repaired or restored.\n\n":
        "Elle est endommagée : elle reste en lecture seule jusqu’à sa réparation ou sa "
        "restauration.\n\n",
    "%1 has problems:\n%2\n\n%3Repair it now? Objects the desk did not make are removed and its own re-created; a damaged file is rebuilt from what can be read (the damaged one is kept in the backups folder); the search index is rebuilt. Otherwise, restore a backup.":
        "%1 présente des problèmes :\n%2\n\n%3La réparer maintenant ? Les objets que le bureau "
        "n’a pas créés sont supprimés et les siens recréés ; un fichier endommagé est "
        "reconstruit à partir de ce qui peut être lu (le fichier endommagé est conservé dans le "
        "dossier des sauvegardes) ; l’index de recherche est reconstruit. Sinon, restaurez une "
        "sauvegarde.",
    "Repair": "Réparer",
    "Database repaired": "Base de données réparée",
    "The damaged file is kept in:\n%1\n\n": "Le fichier endommagé est conservé dans :\n%1\n\n",
    "%1 still has problems:\n%2\n\nRestore a backup.":
        "%1 présente encore des problèmes :\n%2\n\nRestaurez une sauvegarde.",
    "Cannot repair": "Réparation impossible",
    "Repairing the database…": "Réparation de la base de données…",
    # errors (crm/ui/errors.py)
    "%1 is damaged: it is read-only until repaired, and nothing was written.\n\nThe check says: %2\n\nRestore a backup (File › Restore from a backup) or repair it (File › Check the database).":
        "%1 est endommagée : elle est en lecture seule jusqu’à sa réparation, et rien n’a été "
        "enregistré.\n\nLa vérification indique : %2\n\nRestaurez une sauvegarde (Fichier › "
        "Restaurer une sauvegarde) ou réparez-la (Fichier › Vérifier la base de données).",
    "%1 is damaged, so no backup was written: a damaged copy could take the place of a good backup.\n\nThe check says: %2\n\nRestore a good backup or repair the database (File › Check the database).":
        "%1 est endommagée : aucune sauvegarde n’a donc été écrite, car une copie endommagée "
        "pourrait prendre la place d’une bonne sauvegarde.\n\nLa vérification indique : %2\n\n"
        "Restaurez une bonne sauvegarde ou réparez la base (Fichier › Vérifier la base de "
        "données).",
    "%1 already exists; nothing was written. Choose another name for the backup.":
        "%1 existe déjà ; rien n’a été écrit. Choisissez un autre nom pour la sauvegarde.",
    "%1 was not restored: it does not exist or is not a file. Nothing was changed in %2.":
        "%1 n’a pas été restaurée : elle n’existe pas ou n’est pas un fichier. Rien n’a été "
        "modifié dans %2.",
    "%1 was not restored: it is not a desk backup (not an SQLite file). Nothing was changed in %2.":
        "%1 n’a pas été restaurée : ce n’est pas une sauvegarde du bureau (ce n’est pas un "
        "fichier SQLite). Rien n’a été modifié dans %2.",
    "%1 was not restored: it holds no desk schema. Nothing was changed in %2.":
        "%1 n’a pas été restaurée : elle ne contient pas le schéma du bureau. Rien n’a été "
        "modifié dans %2.",
    "%1 was not restored: it was written by a newer version of the desk (schema %3); update the program to restore it. Nothing was changed in %2.":
        "%1 n’a pas été restaurée : elle a été écrite par une version plus récente du bureau "
        "(schéma %3) ; mettez le programme à jour pour la restaurer. Rien n’a été modifié dans "
        "%2.",
    "%1 was not restored: it is damaged (%3). Nothing was changed in %2.":
        "%1 n’a pas été restaurée : elle est endommagée (%3). Rien n’a été modifié dans %2.",
    "%1 was not restored: it holds database objects the desk does not make, or has rewritten them, which could change data behind its back:\n%3\n\nNothing was changed in %2.":
        "%1 n’a pas été restaurée : elle contient des objets de base de données que le bureau "
        "ne crée pas, ou en a réécrit, qui pourraient modifier les données à son insu :\n%3\n\n"
        "Rien n’a été modifié dans %2.",
    "%1 cannot be repaired: SQLite cannot read all of it back (%2). Nothing was changed; restore a backup (File › Restore from a backup).":
        "%1 ne peut pas être réparée : SQLite ne peut pas en relire la totalité (%2). Rien n’a "
        "été modifié ; restaurez une sauvegarde (Fichier › Restaurer une sauvegarde).",
}

PLURALS: dict[str, tuple[str, str]] = {}

FR.update({
    # schema objects that are not as the desk makes them
    "table": "table",
    "index": "index",
    "trigger": "déclencheur",
    "view": "vue",
    "%1 “%2”, not made by the desk": "%1 « %2 » — objet inconnu du bureau",
    "%1 “%2” is missing": "%1 « %2 » — objet manquant",
    "%1 “%2” differs from the desk’s": "%1 « %2 » — objet différent de celui du bureau",
})

FR["Damaged database"] = "Base de données endommagée"
FR["%1 is damaged: it is read-only until repaired.\n\nThe check says: %2\n\nRestore a backup (File › Restore from a backup) or repair it (File › Check the database)."] = (
    "%1 est endommagée : elle est en lecture seule jusqu’à sa réparation.\n\nLa vérification "
    "indique : %2\n\nRestaurez une sauvegarde (Fichier › Restaurer une sauvegarde) ou "
    "réparez-la (Fichier › Vérifier la base de données)."
)
