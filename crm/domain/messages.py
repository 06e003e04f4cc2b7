"""The English of every coded error, written once: code -> (template, names of its params).

A service raises `coded(code, **params)` (crm.domain.errors): its `str()` is the template with
%1, %2, ... filled from the params in the order named here, which the CLI and the logs show.
The window says the same template in the user's language by code (crm/ui/errors.py) through
`QCoreApplication.translate("Errors", template)`. `QT_TRANSLATE_NOOP` below is only the mark
pyside6-lupdate reads to put each template into crm_fr.ts (resources/translations/update.py
reads this file); at run time it returns its text unchanged and keeps this module Qt-free.

To add an error: one entry here, `coded("area.what", name=value)` where it is raised, then
run update.py and translate the new template in crm_fr.ts.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

__all__ = ["ERRORS", "english", "fill"]


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # the name lupdate knows
    """Mark `text` for translation in `context`; returns it as it is."""
    return text


ERRORS: dict[str, tuple[str, tuple[str, ...]]] = {
    "demo.already_loaded": (
        QT_TRANSLATE_NOOP("Errors", "The demo data is already loaded in this database."), ()),
    "introduction.no_side": (
        QT_TRANSLATE_NOOP("Errors", "%1 is neither in Québec nor in Massachusetts: give it its territory (QC or MA) before introducing it."), ("party",)),
    # Opening a database (crm/db raises DatabaseOpenError with reason = the part after "database.").
    "database.not_a_database": (
        QT_TRANSLATE_NOOP("Errors", "%1 is not a cooperation desk database (it is not an SQLite file). Choose another "
                "file, or a new name to create an empty database."), ("where",)),
    "database.is_folder": (
        QT_TRANSLATE_NOOP("Errors", "%1 is a folder, not a database file."), ("where",)),
    "database.folder_missing": (
        QT_TRANSLATE_NOOP("Errors", "The folder %1 does not exist."), ("where",)),
    "database.newer_schema": (
        QT_TRANSLATE_NOOP("Errors", "%1 was written by a newer version of the cooperation desk (schema %2, this program knows up to %3). Update the program to open it."), ("where", "revision", "known")),
    "database.locked": (
        QT_TRANSLATE_NOOP("Errors", "%1 is locked by another program or another desk window; try again in a moment."), ("where",)),
    "database.disk": (
        QT_TRANSLATE_NOOP("Errors", "The disk holding %1 is full or failing; free some space and try again."), ("where",)),
    "database.damaged": (
        QT_TRANSLATE_NOOP("Errors", "%1 is damaged or is not a desk database; restore it from a backup."), ("where",)),
    "database.read_only": (
        QT_TRANSLATE_NOOP("Errors", "%1 cannot be written (read-only file or folder)."), ("where",)),
    "database.unreachable": (
        QT_TRANSLATE_NOOP("Errors", "Cannot reach the team database %1.\n\nDetails: %2"), ("where", "detail")),
    "database.foreign": (
        QT_TRANSLATE_NOOP("Errors", "This database holds other tables but no desk schema: it was made by another "
                "program. Choose another file or an empty database."), ()),
    # Reading a CSV file (crm.services.csv_import.files).
    "csv.unreadable": (
        QT_TRANSLATE_NOOP("Errors", "Cannot read %1 (%2)."), ("file", "detail")),
    "csv.empty": (
        QT_TRANSLATE_NOOP("Errors", "%1 is empty: it has no header line."), ("file",)),
    "csv.not_csv": (
        QT_TRANSLATE_NOOP("Errors", "%1, line %2: this is not a readable CSV file."), ("file", "line")),
    "csv.bad_encoding": (
        QT_TRANSLATE_NOOP("Errors", "%1, line %2: the text is not valid %3 (the file is cut short, or mixes "
                "encodings). Save the whole file again as CSV UTF-8."), ("file", "line", "encoding")),
    "csv.binary": (
        QT_TRANSLATE_NOOP("Errors", "%1 is not a CSV text file (it holds binary data: a spreadsheet, an image, an "
                "archive?). Save it from the spreadsheet as CSV and import that file."), ("file",)),
    "csv.unclosed_quote": (
        QT_TRANSLATE_NOOP("Errors", "%1, line %2: a quote opened on this line is never closed."), ("file", "line")),
    "csv.stray_quote": (
        QT_TRANSLATE_NOOP("Errors", "%1, line %2: a quote inside a cell is not doubled, or a quoted cell goes on "
                "after its closing quote."), ("file", "line")),
    "csv.cell_too_long": (
        QT_TRANSLATE_NOOP("Errors", "%1, line %2: a cell is longer than 128 KB."), ("file", "line")),
    "csv.duplicate_header": (
        QT_TRANSLATE_NOOP("Errors", "%1: the column “%2” appears twice in the header line; rename or remove one "
                "of them."), ("file", "header")),
    "csv.extra_cells": (
        QT_TRANSLATE_NOOP("Errors", "%1, line %2 has %3 cells but the header line names %4 columns (a delimiter "
                "or a quote out of place?)."), ("file", "line", "cells", "columns")),
    # Workbooks and vCards read by the import (crm.services.workbook, crm.services.vcard).
    "xlsx.unreadable": (
        QT_TRANSLATE_NOOP("Errors", "Cannot read %1 as an Excel workbook (%2). Save it again from "
                "the spreadsheet as .xlsx, or as CSV."), ("file", "detail")),
    "vcard.unreadable": (
        QT_TRANSLATE_NOOP("Errors", "%1, line %2: this card cannot be read (%3)."),
        ("file", "line", "detail")),
    "vcard.contacts_only": (
        QT_TRANSLATE_NOOP("Errors", "%1 holds vCards, which are people: import it as contacts."),
        ("file",)),
    "vcard.no_cards": (
        QT_TRANSLATE_NOOP("Errors", "%1 holds no vCard (no BEGIN:VCARD line)."), ("file",)),
    "csv.too_big": (
        QT_TRANSLATE_NOOP("Errors", "%1 is too large to import: the limit is %2 MB and %3 records. Split it into "
                "smaller files."), ("file", "megabytes", "records")),
    # Exporting a list with filters (crm.services.export_columns).
    "export.vcard_contacts_only": (
        QT_TRANSLATE_NOOP("Errors", "A vCard file holds people: only contacts can be exported as vCards, not %1."),
        ("entity",)),
    "export.unknown_filter": (
        QT_TRANSLATE_NOOP("Errors", "This list has no filter “%1” (its filters: %2)."), ("filter", "allowed")),
    "export.bad_filter_value": (
        QT_TRANSLATE_NOOP("Errors", "The filter “%1” does not take “%2” (it takes %3)."), ("filter", "value", "allowed")),
    # Undoing the last import (crm.services.csv_import.undo).
    "import.nothing_to_undo": (
        QT_TRANSLATE_NOOP("Errors", "There is no import to undo."), ()),
    "import.already_undone": (
        QT_TRANSLATE_NOOP("Errors", "The last import (%1) was already undone."), ("file",)),
    "email.declined": (
        QT_TRANSLATE_NOOP("Errors", "%1 said no to this introduction: no email is drafted to a party who declined."), ("party",)),
    "database.cannot_open": (
        QT_TRANSLATE_NOOP("Errors", "%1 cannot be opened (%2): check that it and its folder exist and that you may read and write them (a database in use needs a writable folder and disk)."), ("where", "detail")),
    "database.other": (
        QT_TRANSLATE_NOOP("Errors", "%1 could not be opened: %2"), ("where", "detail")),
    "database.missing": (
        QT_TRANSLATE_NOOP("Errors", "There is no database at %1. Check the path (--db); a new database is made only by commands that write (crm gui, crm demo, crm import)."), ("where",)),
    "database.empty": (
        QT_TRANSLATE_NOOP("Errors", "There is no desk database in %1 (the file is empty). Check the path (--db); a new database is made only by commands that write (crm gui, crm demo, crm import)."), ("where",)),
    "database.needs_upgrade": (
        QT_TRANSLATE_NOOP("Errors", "%1 needs an upgrade of its schema (%2 to %3); a command that writes (or the window) upgrades it, after a backup."), ("where", "revision", "known")),
    "storage.locked": (
        QT_TRANSLATE_NOOP("Errors", "%1 is busy: another program, desk window or command is writing to it. Nothing was saved; try again in a moment."), ("where",)),
    "storage.disk_full": (
        QT_TRANSLATE_NOOP("Errors", "The disk holding %1 is full. Nothing was saved; free some space and try again."), ("where",)),
    "storage.read_only": (
        QT_TRANSLATE_NOOP("Errors", "%1 cannot be written: the file, its folder or the disk is read-only. Nothing was saved."), ("where",)),
    "storage.damaged": (
        QT_TRANSLATE_NOOP("Errors", "%1 is damaged. Nothing was saved. See what is wrong with File ▸ Check the database, then go back to a good backup with File ▸ Restore from a backup."), ("where",)),
    "storage.cannot_open": (
        QT_TRANSLATE_NOOP("Errors", "%1 cannot be opened: check that it and its folder exist and that you may read and write them."), ("where",)),
    "storage.unreachable": (
        QT_TRANSLATE_NOOP("Errors", "Lost the connection to the team database %1. Nothing more was saved; check the network and try again."), ("where",)),
    "storage.io": (
        QT_TRANSLATE_NOOP("Errors", "The disk failed while writing %1. Nothing was saved; check the disk, then check the database."), ("where",)),
    "database.damaged_read_only": (
        QT_TRANSLATE_NOOP("Errors", "%1 is damaged: it is read-only until repaired, and nothing was written.\n\nThe check says: %2\n\nRestore a backup (File › Restore from a backup) or repair it (File › Check the database)."), ("where", "problems")),
    "database.damaged_found": (
        QT_TRANSLATE_NOOP("Errors", "%1 is damaged: it is read-only until repaired.\n\nThe check says: %2\n\nRestore a backup (File › Restore from a backup) or repair it (File › Check the database)."), ("where", "problems")),
    "backup.damaged": (
        QT_TRANSLATE_NOOP("Errors", "%1 is damaged, so no backup was written: a damaged copy could take the place of a good backup.\n\nThe check says: %2\n\nRestore a good backup or repair the database (File › Check the database)."), ("where", "problems")),
    "backup.exists": (
        QT_TRANSLATE_NOOP("Errors", "%1 already exists; nothing was written. Choose another name for the backup."), ("file",)),
    "restore.missing": (
        QT_TRANSLATE_NOOP("Errors", "%1 was not restored: it does not exist or is not a file. Nothing was changed in %2."), ("source", "where")),
    "restore.not_sqlite": (
        QT_TRANSLATE_NOOP("Errors", "%1 was not restored: it is not a desk backup (not an SQLite file). Nothing was changed in %2."), ("source", "where")),
    "restore.not_desk": (
        QT_TRANSLATE_NOOP("Errors", "%1 was not restored: it holds no desk schema. Nothing was changed in %2."), ("source", "where")),
    "restore.newer": (
        QT_TRANSLATE_NOOP("Errors", "%1 was not restored: it was written by a newer version of the desk (schema %3); update the program to restore it. Nothing was changed in %2."), ("source", "where", "revision")),
    "restore.damaged": (
        QT_TRANSLATE_NOOP("Errors", "%1 was not restored: it is damaged (%3). Nothing was changed in %2."), ("source", "where", "problems")),
    "restore.foreign_schema": (
        QT_TRANSLATE_NOOP("Errors", "%1 was not restored: it holds database objects the desk does not make, or has rewritten them, which could change data behind its back:\n%3\n\nNothing was changed in %2."), ("source", "where", "problems")),
    "privacy.unknown_person": (
        QT_TRANSLATE_NOOP("Errors", "No contact has the uid or email %1 (trashed contacts included). Check it: `crm search` finds people by name."), ("person",)),
    "privacy.ambiguous_person": (
        QT_TRANSLATE_NOOP("Errors", "Several contacts have the email %1; name one by its uid: %2."), ("person", "uids")),
    "privacy.report_failed": (
        QT_TRANSLATE_NOOP("Errors", "The privacy report could not be written to %1 (%2); nothing was left there. Choose another folder."), ("folder", "reason")),
    "repair.impossible": (
        QT_TRANSLATE_NOOP("Errors", "%1 cannot be repaired: SQLite cannot read all of it back (%2). Nothing was changed; restore a backup (File › Restore from a backup)."), ("where", "problems")),
    # Merging duplicates (crm.services.merge).
    "merge.same": (
        QT_TRANSLATE_NOOP("Errors", "“%1” cannot be merged with itself: choose two different records."), ("name",)),
    "merge.deleted": (
        QT_TRANSLATE_NOOP("Errors", "“%1” is in the trash: restore it before merging it. Nothing was merged."), ("name",)),
    "merge.kinds": (
        QT_TRANSLATE_NOOP("Errors", "“%1” (%2) and “%3” (%4) cannot be merged: only two contacts or two organizations can. Nothing was merged."), ("name", "kind", "other", "other_kind")),
    "merge.wrong_kind": (
        QT_TRANSLATE_NOOP("Errors", "“%1” and “%2” are not %3 (they are %4). Nothing was merged."), ("name", "other", "asked", "found")),
    "merge.unknown": (
        QT_TRANSLATE_NOOP("Errors", "There is no record with the uid %1 (check it: `crm search` finds records)."), ("uid",)),
    # Editing many records at once (crm.services.bulk_edit).
    "bulk.not_editable": (
        QT_TRANSLATE_NOOP("Errors", "%1 cannot be set on %2 at once."), ("field", "kind")),
    "bulk.bad_value": (
        QT_TRANSLATE_NOOP("Errors", "“%1” is not a value of %2; nothing was changed."), ("value", "field")),
    "bulk.no_user": (
        QT_TRANSLATE_NOOP("Errors", "There is no active staff user %1; nothing was changed."), ("user",)),
    # Roles (crm.services.privacy.roles): who may do what.
    "role.read_only": (
        QT_TRANSLATE_NOOP("Errors", "%1 has read-only access to this database: nothing was changed. An admin can give them more (crm users role %1 staff)."), ("user",)),
    "role.admin.purge": (
        QT_TRANSLATE_NOOP("Errors", "Only an admin can erase records for good, and %1 is not an admin of this database. Nothing was erased."), ("user",)),
    "role.admin.forget": (
        QT_TRANSLATE_NOOP("Errors", "Only an admin can make the desk forget a person, and %1 is not an admin of this database. Nothing was destroyed."), ("user",)),
    "role.admin.restore": (
        QT_TRANSLATE_NOOP("Errors", "Only an admin can restore a backup, and %1 is not an admin of this database. Nothing was changed."), ("user",)),
    "role.admin.users": (
        QT_TRANSLATE_NOOP("Errors", "Only an admin can add staff users or change their roles, and %1 is not an admin of this database. Nothing was changed."), ("user",)),
    "role.admin.export_consent": (
        QT_TRANSLATE_NOOP("Errors", "Only an admin can export people who did not consent to sharing, and %1 is not an admin of this database. Nothing was exported."), ("user",)),
    "role.admin": (
        QT_TRANSLATE_NOOP("Errors", "Only an admin can do this, and %1 is not an admin of this database. Nothing was changed."), ("user",)),
    "role.last_admin": (
        QT_TRANSLATE_NOOP("Errors", "%1 is the last admin of this database: make another staff user an admin first. Nothing was changed."), ("user",)),
    "role.unknown": (
        QT_TRANSLATE_NOOP("Errors", "“%1” is not a role: choose admin, staff or read-only."), ("role",)),
    "role.not_your_login": (
        QT_TRANSLATE_NOOP("Errors", "On the team database %1 you act as your database login, %2: “%3” cannot be chosen (remove --user or CRM_USER, or connect as %3)."), ("where", "login", "user")),
    "role.login_removed": (
        QT_TRANSLATE_NOOP("Errors", "The staff user of your database login, %1, was removed from %2 (in the trash or inactive): ask an admin to bring it back."), ("login", "where")),
    "users.exists": (
        QT_TRANSLATE_NOOP("Errors", "There is already a staff user named %1."), ("user",)),
    # Saved views of a list (crm.services.saved_views).
    "view.name_required": (
        QT_TRANSLATE_NOOP("Errors", "A saved view needs a name."), ()),
    "view.name_taken": (
        QT_TRANSLATE_NOOP("Errors", "You already have a view named “%1” for this list; choose another name."), ("name",)),
    "view.unknown_list": (
        QT_TRANSLATE_NOOP("Errors", "There is no list named “%1” to save a view of."), ("list",)),
    "view.unknown_column": (
        QT_TRANSLATE_NOOP("Errors", "The %1 list has no column “%2”."), ("list", "column")),
    "view.missing": (
        QT_TRANSLATE_NOOP("Errors", "This saved view no longer exists (deleted meanwhile)."), ()),
}  # fmt: skip


_PLACE = re.compile(r"%(\d+)")


def fill(template: str, names: tuple[str, ...], params: Mapping[str, object]) -> str:
    """`template` with %1, %2, ... replaced by the params named in `names`, in that order."""

    def value(match: re.Match[str]) -> str:
        number = int(match.group(1))
        if not 1 <= number <= len(names):
            return match.group(0)
        return str(params.get(names[number - 1], ""))

    # One pass, so that a value holding "%2" (a file name) is never replaced in its turn.
    return _PLACE.sub(value, template)


def english(code: str, params: Mapping[str, object]) -> str:
    """The English sentence of the error `code` with its params."""
    template, names = ERRORS[code]
    return fill(template, names, params)
