"""A contact's privacy requests in the window: "Privacy report…" and "Forget this person…".

Both are added to the contacts list's context menu (`add_actions`). The report asks for a
folder and writes a new owner-only folder in it off the GUI thread, then says where. Forget
shows what will be destroyed (Cancel is the default), destroys through
`crm.ui.operations.write`, then says which backups still hold the person.

Forgetting is an admin's (the service refuses anyone else); the window says so before asking.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog, QMenu

from crm.ui import messages
from crm.ui.errors import error_text
from crm.ui.operations import KINDS
from crm.ui.tasks import Task

if TYPE_CHECKING:
    from crm.ui.pages.lists import ListPage


def add_actions(page: ListPage, menu: QMenu, contact_id: int | None) -> None:
    """The two actions, on the contact under the cursor (disabled without one)."""
    menu.addSeparator()
    report = menu.addAction(QCoreApplication.translate("Privacy", "Privacy report…"))
    report.setObjectName("contactPrivacyReportAction")
    report.setEnabled(contact_id is not None)
    forget_action = menu.addAction(QCoreApplication.translate("Privacy", "Forget this person…"))
    forget_action.setObjectName("contactForgetAction")
    forget_action.setEnabled(contact_id is not None)
    if contact_id is not None:
        report.triggered.connect(lambda: privacy_report(page, contact_id))
        forget_action.triggered.connect(lambda: forget(page, contact_id))


def ask_folder(parent: Any) -> str:
    """The folder the report goes in (a new folder is made inside it); "" when cancelled."""
    return QFileDialog.getExistingDirectory(
        parent, QCoreApplication.translate("Privacy", "Folder for the privacy report")
    )


def privacy_report(page: ListPage, contact_id: int) -> Task | None:
    """Write the person's report into a new folder of the chosen one, off the GUI thread."""
    from crm.domain.errors import coded
    from crm.services.privacy import report

    chosen = ask_folder(page)
    if not chosen:
        return None
    told: dict[str, str] = {}

    def work(session: Any, _actor: int) -> Path:
        found = report.gather(session, contact_id)
        folder = Path(chosen) / f"privacy-report-{date.today():%Y%m%d}-{found.uid[:8]}"
        try:
            report.write(found, folder)
        except OSError as exc:  # the folder chosen cannot take it: a sentence, not a bug
            raise coded("privacy.report_failed", folder=str(folder), reason=exc.strerror) from exc
        told["name"] = found.name
        return folder

    def done(folder: Path) -> None:
        messages.info(
            page,
            QCoreApplication.translate("Privacy", "Privacy report"),
            QCoreApplication.translate("Privacy", "The privacy report on %1 is in %2: person.html to read, person.json and CSV "
               "files to hand over. Only you can read them.")
            .replace("%1", told["name"]).replace("%2", str(folder)),
        )  # fmt: skip

    return page.write(
        work,
        kinds=(),
        error_title=QCoreApplication.translate("Privacy", "Cannot write the privacy report"),
        on_done=done,
    )


def forget(page: ListPage, contact_id: int) -> Task | None:
    """Ask (showing what goes), then destroy the person and say which backups hold them."""
    from crm.domain.enums import Role
    from crm.domain.errors import DeskError
    from crm.services.privacy import destroy, roles
    from crm.services.privacy import forget as forgetting

    try:
        with page.ctx.db.read() as session:
            roles.require(session, page.ctx.user_id, Role.ADMIN, "forget")
            plan = forgetting.plan(session, "contact", contact_id)
    except DeskError as exc:  # not an admin, gone meanwhile, or the database is away
        messages.error(
            page,
            QCoreApplication.translate("Privacy", "Cannot forget this person"),
            error_text(exc),
        )
        return None
    erased = sum(len(v) for v in plan.erased.values())
    kept = sum(len(v) for v in plan.kept.values())
    text = "\n\n".join(
        [
            QCoreApplication.translate("Privacy", "Forget %1 (%2)? This destroys, for good:").replace("%1", plan.label)
            .replace("%2", plan.uid),
            QCoreApplication.translate("Privacy", "• the contact, its search entry, its tags and the values of its history (who "
               "changed it and when stay);"),
            QCoreApplication.translate("Privacy", "• %n follow-up(s), interaction(s) or participation(s) that were about this person "
               "alone;", None, erased),
            QCoreApplication.translate("Privacy", "• the link from %n introduction(s) and other record(s), which stay, this party "
               "shown as destroyed;", None, kept),
            QCoreApplication.translate("Privacy", "• the name, email and phones wherever other records' text or import undo data "
               "spell them."),
            QCoreApplication.translate("Privacy", "Backups already made still hold this person: you will be told which."),
        ]
    )  # fmt: skip
    if not messages.confirm(
        page,
        QCoreApplication.translate("Privacy", "Forget this person"),
        text,
        ok_text=QCoreApplication.translate("Privacy", "Forget"),
    ):
        return None

    def done(result: destroy.Destroyed) -> None:
        page.apply_filters()  # a page re-reads its own writes itself (see DeskPage.refresh)
        held = destroy.backups_holding(page.ctx.db, result.created_at)
        said = QCoreApplication.translate("Privacy", "%1 was destroyed.").replace(
            "%1", result.label
        )
        if result.storage_cleaned is False:
            said += "\n\n" + QCoreApplication.translate(
                "Privacy",
                "Another program is reading the database: the space the person took is "
                "cleaned when the last program using it closes.",
            )
        if held:
            said += "\n\n" + QCoreApplication.translate(
                "Privacy",
                "%n backup(s) made since the record was created still hold this person; "
                "delete them or keep them out of restores:",
                None,
                len(held),
            )
            said += "\n" + "\n".join(str(p) for p in held)
        else:
            said += "\n\n" + QCoreApplication.translate(
                "Privacy", "No backup of the desk holds this person."
            )
        messages.info(page, QCoreApplication.translate("Privacy", "Forget this person"), said)

    return page.write(
        lambda session, actor: forgetting.forget(session, actor, contact_id),
        kinds=KINDS,
        error_title=QCoreApplication.translate("Privacy", "Cannot forget this person"),
        on_done=done,
    )
