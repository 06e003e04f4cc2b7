"""The File menu's care of the database: back up, restore, check, open a team database.

`back_up`, `restore` and `check_database` take the main window (its context, task runner
and `records_changed`) and run `crm.services.maintenance` (its `backup`, `restore` and
`health` modules) off the GUI thread with a progress dialog; their results and errors go
through `crm.ui.messages`. The file choosers are the module functions `ask_save_path` and
`ask_open_path`, which tests replace.

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

from crm.services.maintenance import backup, copies, damage, health
from crm.services.maintenance import restore as restoring
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
    """Ask where, then copy the database there off the GUI thread; None when cancelled.

    An existing file the user chose to replace is replaced only once the new copy is whole
    and checked: a damaged database never takes the place of a good backup.
    """
    db = window.ctx.db
    copies.backup_folder(db)
    default = copies.default_backup_path(db)
    chosen = ask_save_path(
        window, QCoreApplication.translate("Maintenance", "Back up the database"), str(default)
    )
    if not chosen:
        return None
    target = Path(chosen)
    if target.suffix == "":
        target = target.with_suffix(".db")
    actor = window.ctx.user_id

    def work(task: Task) -> Path:
        task.progress(0, 0)
        if task.cancelled:
            raise Cancelled()
        # The file dialog already asked whether to replace an existing file.
        return backup.backup(db, target, actor_id=actor, replace=True)

    def done(made: Path) -> None:
        window.statusBar().showMessage(
            QCoreApplication.translate("Maintenance", "Backup saved: %1").replace("%1", str(made)),
            8000,
        )
        messages.info(
            window,
            QCoreApplication.translate("Maintenance", "Backup made"),
            QCoreApplication.translate(
                "Maintenance",
                "The database was copied to:\n%1\n\nThe backup is recorded in the export log.",
            ).replace("%1", str(made)),
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


def _user_name(db: Any, user_id: int) -> str | None:
    from crm.services import users

    try:
        with db.read() as session:
            return users.service.get(session, user_id, include_deleted=True).name
    except Exception:  # a damaged or foreign file: the restore records the login name
        return None


def restore(window: Any) -> Task | None:
    """Ask for a backup, confirm, then replace the database's content with it."""
    db = window.ctx.db
    folder = copies.backup_folder(db)
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
    user_id = window.ctx.user_id

    def done(restored: restoring.Restored) -> None:
        window.records_changed()
        if restored.safety is None:
            kept = ""
        elif restored.moved_aside:
            kept = QCoreApplication.translate(
                "Maintenance",
                "The database as it was before could not be read; it was moved, as it was, to:\n%1",
            ).replace("%1", str(restored.safety))
        else:
            kept = QCoreApplication.translate(
                "Maintenance", "The database as it was before is kept in:\n%1"
            ).replace("%1", str(restored.safety))
        messages.info(
            window,
            QCoreApplication.translate("Maintenance", "Database restored"),
            QCoreApplication.translate(
                "Maintenance",
                "The backup %1 was checked and restored; the restore is recorded in the audit "
                "trail.",
            ).replace("%1", source.name)
            + ("\n" + kept if kept else ""),
        )

    def failed(exc: BaseException) -> None:
        window.records_changed()  # whatever happened, show what the database holds now
        messages.error(
            window, QCoreApplication.translate("Maintenance", "Cannot restore"), _refusal_text(exc)
        )

    # A restore replaces the content in one step: it cannot stop half way, so no Cancel.
    tasks: TaskRunner = window.tasks
    return tasks.run_long(
        lambda task: restoring.restore(db, source, user=_user_name(db, user_id)),
        done,
        failed,
        label=QCoreApplication.translate("Maintenance", "Restoring the backup…"),
        parent=window,
    )


def difference_text(kind: str, type_: str, name: str) -> str:
    """One schema object that is not as the desk makes it, in the user's language."""
    types = {
        "table": QCoreApplication.translate("Maintenance", "table"),
        "index": QCoreApplication.translate("Maintenance", "index"),
        "trigger": QCoreApplication.translate("Maintenance", "trigger"),
        "view": QCoreApplication.translate("Maintenance", "view"),
    }
    texts = {
        "unknown": QCoreApplication.translate("Maintenance", "%1 “%2”, not made by the desk"),
        "missing": QCoreApplication.translate("Maintenance", "%1 “%2” is missing"),
        "changed": QCoreApplication.translate("Maintenance", "%1 “%2” differs from the desk’s"),
    }
    template = texts.get(kind, "%1 “%2”")
    return "• " + template.replace("%1", types.get(type_, type_)).replace("%2", name)


def _refusal_text(exc: BaseException) -> str:
    """The error, with a foreign schema's objects listed in the user's language."""
    text = error_text(exc)
    objects = getattr(exc, "params", {}).get("objects", "")
    if getattr(exc, "code", "") == "restore.foreign_schema" and objects:
        listed = "\n".join(difference_text(*item.split(":", 2)) for item in objects.split(";"))
        text = text.replace(exc.params.get("problems", ""), listed)  # type: ignore[attr-defined]
    return text


def _problem_lines(report: health.Health) -> str:
    schema_lines = {f"schema: {d}" for d in report.schema}
    lines = [f"• {p}" for p in report.problems if p not in schema_lines]
    lines += [difference_text(d.kind, d.type, d.name) for d in report.schema]
    return "\n".join(lines[:25])


def _counts(report: health.Health) -> str:
    return "\n".join(
        QCoreApplication.translate("Maintenance", "• %1: %2")
        .replace("%1", labels.enum_label("EntityKind", kind).lower())
        .replace("%2", str(count))
        for kind, count in report.counts.items()
    )


def check_database(window: Any) -> Task:
    """Check the file, its schema, the references and the search index; tell what was found
    and offer to repair it."""
    db = window.ctx.db

    def done(report: health.Health) -> None:
        if report.healthy:
            messages.info(
                window,
                QCoreApplication.translate("Maintenance", "Database check"),
                QCoreApplication.translate("Maintenance", "%1 is in good health.\n\nRecords:\n%2")
                .replace("%1", db.display_name)
                .replace("%2", _counts(report)),
            )
            return
        problems = _problem_lines(report)
        damaged = (
            QCoreApplication.translate(
                "Maintenance", "It is damaged: it stays read-only until repaired or restored.\n\n"
            )
            if report.damaged
            else ""
        )
        text = (
            QCoreApplication.translate(
                "Maintenance",
                "%1 has problems:\n%2\n\n%3Repair it now? Objects the desk did not make are "
                "removed and its own re-created; a damaged file is rebuilt from what can be read "
                "(the damaged one is kept in the backups folder); the search index is rebuilt. "
                "Otherwise, restore a backup.",
            )
            .replace("%1", db.display_name)
            .replace("%2", problems)
            .replace("%3", damaged)
        )
        if messages.confirm(
            window,
            QCoreApplication.translate("Maintenance", "Database check"),
            text,
            ok_text=QCoreApplication.translate("Maintenance", "Repair"),
        ):
            repair(window)

    return window.tasks.run_long(  # type: ignore[no-any-return]
        lambda task: health.health(db),
        done,
        lambda exc: messages.error(
            window, QCoreApplication.translate("Maintenance", "Database check"), error_text(exc)
        ),
        label=QCoreApplication.translate("Maintenance", "Checking the database…"),
        parent=window,
    )


def repair(window: Any) -> Task:
    """Repair off the GUI thread, then check again and say what the database is now."""
    db = window.ctx.db

    def work(task: Task) -> tuple[health.Repair, health.Health]:
        return health.repair(db), health.health(db)

    def done(result: tuple[health.Repair, health.Health]) -> None:
        made, report = result
        window.records_changed()
        kept = (
            QCoreApplication.translate(
                "Maintenance", "The damaged file is kept in:\n%1\n\n"
            ).replace("%1", str(made.rebuilt.safety))
            if made.rebuilt is not None and made.rebuilt.safety is not None
            else ""
        )
        if report.healthy:
            messages.info(
                window,
                QCoreApplication.translate("Maintenance", "Database repaired"),
                kept
                + QCoreApplication.translate("Maintenance", "%1 is in good health.\n\nRecords:\n%2")
                .replace("%1", db.display_name)
                .replace("%2", _counts(report)),
            )
        else:
            messages.error(
                window,
                QCoreApplication.translate("Maintenance", "Database check"),
                kept
                + QCoreApplication.translate(
                    "Maintenance", "%1 still has problems:\n%2\n\nRestore a backup."
                )
                .replace("%1", db.display_name)
                .replace("%2", _problem_lines(report)),
            )

    return window.tasks.run_long(  # type: ignore[no-any-return]
        work,
        done,
        lambda exc: messages.error(
            window, QCoreApplication.translate("Maintenance", "Cannot repair"), error_text(exc)
        ),
        label=QCoreApplication.translate("Maintenance", "Repairing the database…"),
        parent=window,
    )


def check_on_open(window: Any) -> Task | None:
    """Check a file quickly off the GUI thread once its window shows: a damaged one is
    read-only from then on, and the person is told why and what to do."""
    db = window.ctx.db
    if db.path is None:
        return None

    def done(problems: list[str]) -> None:
        if problems:
            messages.error(
                window,
                QCoreApplication.translate("Maintenance", "Damaged database"),
                error_text(damage.damaged_error(db.display_name, problems, doing="open")),
            )

    # A file that cannot even be read for the check is told by the first page that reads it.
    return window.tasks.run(lambda: damage.guard(db), done, lambda exc: None)  # type: ignore[no-any-return]


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
