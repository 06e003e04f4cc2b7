"""`undo_last_import`: asks, then undoes the latest CSV import (its created records to the
trash, its updated ones given their previous values back) through `crm.ui.operations`."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from crm.services import csv_import
from crm.ui import messages, operations
from crm.ui.context import DeskContext
from crm.ui.tasks import TaskRunner


def undo_last_import(ctx: DeskContext, tasks: TaskRunner, parent: QWidget | None = None) -> bool:
    """Ask, then undo the latest import off the GUI thread (`crm.ui.operations`: every kind
    is announced changed when done); True when the user confirmed and the undo started."""
    title = QCoreApplication.translate("ImportWizard", "Undo last import")
    with ctx.db.read() as session:
        info = csv_import.last_batch(session)
    if info is None or info.undone:
        messages.info(
            parent, title, QCoreApplication.translate("ImportWizard", "There is no import to undo.")
        )
        return False
    text = (
        QCoreApplication.translate(
            "ImportWizard",
            "Undo the import of %1? Its %2 new record(s) go to the trash and its %3 updated "
            "record(s) get their previous values back.",
        )
        .replace("%1", Path(info.file_name).name or "?")
        .replace("%2", str(info.created))
        .replace("%3", str(info.updated))
    )
    if not messages.confirm(parent, title, text):
        return False
    operations.write(parent, ctx, tasks, csv_import.undo_last, kinds=operations.KINDS,
                     error_title=title)  # fmt: skip
    return True
