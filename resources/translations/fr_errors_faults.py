"""French for the environmental failures (locked, disk full, read-only, damaged, server gone)
and the databases that are not there, as the window says them (crm/ui/errors.py). Merged by
update.py."""

FR: dict[str, str] = {
    "There is no database at %1.": "Il n’y a pas de base de données à l’emplacement %1.",
    "There is no desk database in %1 (the file is empty).": "Il n’y a pas de base de données du bureau dans %1 (le fichier est vide).",
    "%1 needs an upgrade of its schema; open it in the window to upgrade it (a backup is made first).": "%1 doit être mise à niveau ; ouvrez-la dans la fenêtre pour la mettre à niveau "
    "(une sauvegarde est faite d’abord).",
    "%1 is busy: another program, desk window or command is writing to it. Nothing was saved; try again in a moment.": "La base de données %1 est occupée : un autre programme, une autre fenêtre du bureau ou une commande y "
    "écrit. Rien n’a été enregistré ; réessayez dans un instant.",
    "The disk holding %1 is full. Nothing was saved; free some space and try again.": "Le disque qui contient %1 est plein. Rien n’a été enregistré ; libérez de l’espace et "
    "réessayez.",
    "%1 cannot be written: the file, its folder or the disk is read-only. Nothing was saved.": "Impossible d’écrire dans %1 : le fichier, son dossier ou le disque est en lecture "
    "seule. Rien n’a été enregistré.",
    "%1 is damaged. Nothing was saved. See what is wrong with File ▸ Check the database, then go back to a good backup with File ▸ Restore from a backup.": "La base de données %1 est endommagée. Rien n’a été enregistré. Voyez ce qui ne va pas avec Fichier ▸ "
    "Vérifier la base de données, puis revenez à une bonne sauvegarde avec Fichier ▸ "
    "Restaurer une sauvegarde.",
    "%1 cannot be opened: check that it and its folder exist and that you may read and write them.": "Impossible d’ouvrir %1 : vérifiez que le fichier et son dossier existent et que vous "
    "pouvez les lire et y écrire.",
    "Lost the connection to the team database %1. Nothing more was saved; check the network and try again.": "La connexion à la base d’équipe %1 a été perdue. Rien de plus n’a été enregistré ; "
    "vérifiez le réseau et réessayez.",
    "The disk failed while writing %1. Nothing was saved; check the disk, then check the database.": "Le disque a échoué pendant l’écriture de %1. Rien n’a été enregistré ; vérifiez le "
    "disque, puis vérifiez la base de données.",
    "The database": "La base de données",
}

PLURALS: dict[str, tuple[str, str]] = {}
