"""The File menu's care of the database: back up, restore, check, open a team database.

`back_up`, `restore` and `check_database` take the main window (its context, task runner
and `records_changed`) and run `crm.services.maintenance` off the GUI thread with a
progress dialog; their results and errors go through `crm.ui.messages`. The file choosers
are the module functions `ask_save_path` and `ask_open_path`, which tests replace.

`TeamDatabaseDialog` asks for a PostgreSQL URL and tries it off the GUI thread before
accepting. Signals: `TeamDatabaseDialog.chosen(str url)` once the server answered.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from crm.services import maintenance
from crm.ui import labels, messages
from crm.ui.errors import error_text
from crm.ui.tasks import Cancelled, Task, TaskRunner


def ask_save_path(parent: QWidget | None, title: str, default: str) -> str:
    path, _ = QFileDialog.getSaveFileName(
        parent,
        title,
        default,
        QCoreApplication.translate("Maintenance", "Desk databases (*.db);;All files (*)"),
    )
    return path


def ask_open_path(parent: QWidget | None, title: str, folder: str) -> str:
    path, _ = QFileDialog.getOpenFileName(
        parent,
        title,
        folder,
        QCoreApplication.translate("Maintenance", "Desk databases (*.db);;All files (*)"),
    )
    return path


def back_up(window: Any) -> Task | None:
    """Ask where, then copy the database there off the GUI thread; None when cancelled."""
    db = window.ctx.db
    default = maintenance.default_backup_path(db)
    default.parent.mkdir(parents=True, exist_ok=True)
    chosen = ask_save_path(
        window, QCoreApplication.translate("Maintenance", "Back up the database"), str(default)
    )
    if not chosen:
        return None
    target = Path(chosen)
    if target.suffix == "":
        target = target.with_suffix(".db")
    if target.exists():
        # The file dialog already asked to replace it; the service never overwrites.
        try:
            target.unlink()
        except OSError as exc:
            messages.error(
                window, QCoreApplication.translate("Maintenance", "Cannot back up"), error_text(exc)
            )
            return None

    def work(task: Task) -> Path:
        task.progress(0, 0)
        made = maintenance.backup(db, target)
        if task.cancelled:  # the copy is one SQLite step: drop it once done
            made.unlink(missing_ok=True)
            raise Cancelled()
        return made

    def done(made: Path) -> None:
        window.statusBar().showMessage(
            QCoreApplication.translate("Maintenance", "Backup saved: %1").replace("%1", str(made)),
            8000,
        )
        messages.info(
            window,
            QCoreApplication.translate("Maintenance", "Backup made"),
            QCoreApplication.translate("Maintenance", "The database was copied to:\n%1").replace(
                "%1", str(made)
            ),
        )

    tasks: TaskRunner = window.tasks
    return tasks.run_long(
        work,
        done,
        lambda exc: messages.error(
            window, QCoreApplication.translate("Maintenance", "Cannot back up"), error_text(exc)
        ),
        label=QCoreApplication.translate("Maintenance", "Backing up the database…"),
        parent=window,
        on_cancelled=lambda: window.statusBar().showMessage(
            QCoreApplication.translate("Maintenance", "Backup cancelled"), 5000
        ),
    )


def restore(window: Any) -> Task | None:
    """Ask for a backup, confirm, then replace the database's content with it."""
    db = window.ctx.db
    folder = maintenance.backup_dir(db)
    chosen = ask_open_path(
        window, QCoreApplication.translate("Maintenance", "Restore from a backup"), str(folder)
    )
    if not chosen:
        return None
    source = Path(chosen)
    question = (
        QCoreApplication.translate(
            "Maintenance",
            "Replace everything in %1 with the content of the backup %2?\n\n"
            "A safety copy of the database as it is now is made first, in %3, so this can "
            "be undone by restoring that copy.",
        )
        .replace("%1", db.display_name)
        .replace("%2", source.name)
        .replace("%3", str(folder))
    )
    if not messages.confirm(
        window,
        QCoreApplication.translate("Maintenance", "Restore from a backup"),
        question,
        ok_text=QCoreApplication.translate("Maintenance", "Restore"),
    ):
        return None

    def done(safety: Path) -> None:
        window.records_changed()
        messages.info(
            window,
            QCoreApplication.translate("Maintenance", "Database restored"),
            QCoreApplication.translate(
                "Maintenance",
                "The backup %1 was restored.\nThe database as it was before is kept in:\n%2",
            )
            .replace("%1", source.name)
            .replace("%2", str(safety)),
        )

    def failed(exc: BaseException) -> None:
        window.records_changed()  # whatever happened, show what the database holds now
        messages.error(
            window, QCoreApplication.translate("Maintenance", "Cannot restore"), error_text(exc)
        )

    # A restore replaces the file in one step: it cannot stop half way, so no Cancel.
    tasks: TaskRunner = window.tasks
    return tasks.run_long(
        lambda task: maintenance.restore(db, source),
        done,
        failed,
        label=QCoreApplication.translate("Maintenance", "Restoring the backup…"),
        parent=window,
    )


def check_database(window: Any) -> Task:
    """Check the file, the references and the search index; tell what was found."""
    db = window.ctx.db

    def done(report: maintenance.Health) -> None:
        counts = "\n".join(
            QCoreApplication.translate("Maintenance", "• %1: %2")
            .replace("%1", labels.enum_label("EntityKind", kind).lower())
            .replace("%2", str(count))
            for kind, count in report.counts.items()
        )
        if report.healthy:
            messages.info(
                window,
                QCoreApplication.translate("Maintenance", "Database check"),
                QCoreApplication.translate("Maintenance", "%1 is in good health.\n\nRecords:\n%2")
                .replace("%1", db.display_name)
                .replace("%2", counts),
            )
        else:
            problems = "\n".join(f"• {p}" for p in report.problems)
            messages.error(
                window,
                QCoreApplication.translate("Maintenance", "Database check"),
                QCoreApplication.translate(
                    "Maintenance",
                    "%1 has problems:\n%2\n\nRestore a backup, or run: crm check --repair",
                )
                .replace("%1", db.display_name)
                .replace("%2", problems),
            )

    return window.tasks.run_long(  # type: ignore[no-any-return]
        lambda task: maintenance.health(db),
        done,
        lambda exc: messages.error(
            window, QCoreApplication.translate("Maintenance", "Database check"), error_text(exc)
        ),
        label=QCoreApplication.translate("Maintenance", "Checking the database…"),
        parent=window,
    )


def probe(url: str) -> None:
    """Open the database at `url` (creating or upgrading its schema), then close it."""
    from crm.db.engine import normalize_url
    from crm.db.migrate import open_database

    db = open_database(normalize_url(url))
    db.close()


class TeamDatabaseDialog(QDialog):
    """Asks for a team database URL and tries it before accepting. Signals: `chosen(str)`."""

    chosen = Signal(str)
    SCHEMES = ("postgresql://", "postgres://", "postgresql+psycopg://")

    def __init__(self, tasks: TaskRunner, parent: QWidget | None = None, url: str = "") -> None:
        super().__init__(parent)
        self.setObjectName("teamDatabaseDialog")
        self.tasks = tasks
        self.url = ""
        self.intro = QLabel(self)
        self.intro.setWordWrap(True)
        self.edit = QLineEdit(url, self, objectName="teamUrl")
        self.edit.setPlaceholderText("postgresql://user@server/crm")
        self.edit.setMinimumWidth(420)
        self.error = QLabel(self, objectName="teamError")
        self.error.setWordWrap(True)
        self.error.setProperty("role", "error")
        self.error.hide()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.connect_button = QPushButton(self, objectName="teamConnect")
        self.connect_button.setDefault(True)
        self.buttons.addButton(self.connect_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.accepted.connect(self.try_connect)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.edit)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.retranslate()

    def retranslate(self) -> None:
        self.setWindowTitle(QCoreApplication.translate("Maintenance", "Open a team database"))
        self.intro.setText(
            QCoreApplication.translate(
                "Maintenance",
                "A team database lives on a PostgreSQL server shared by the staff. Enter its "
                "address, for example postgresql://mtremblay@crm.bioquebec.local/desk",
            )
        )
        self.connect_button.setText(QCoreApplication.translate("Maintenance", "Connect"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def show_error(self, text: str) -> None:
        self.error.setText(text)
        self.error.show()
        self.connect_button.setEnabled(True)
        self.edit.setEnabled(True)

    def try_connect(self) -> None:
        url = self.edit.text().strip()
        if not url.startswith(self.SCHEMES):
            self.show_error(
                QCoreApplication.translate(
                    "Maintenance", "Enter an address that begins with postgresql://"
                )
            )
            return
        self.error.setText(QCoreApplication.translate("Maintenance", "Connecting…"))
        self.error.show()
        self.connect_button.setEnabled(False)
        self.edit.setEnabled(False)
        self.tasks.run(lambda: probe(url), lambda _none: self._connected(url), self._failed)

    def _connected(self, url: str) -> None:
        self.url = url
        self.error.hide()
        self.accept()
        self.chosen.emit(url)

    def _failed(self, exc: BaseException) -> None:
        self.show_error(
            QCoreApplication.translate(
                "Maintenance", "Cannot open this team database:\n%1"
            ).replace("%1", error_text(exc) or exc.__class__.__name__)
        )
