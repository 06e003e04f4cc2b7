"""Starting the desktop application: `run` is what `crm gui` calls.

It creates the QApplication, picks the language, resolves the acting staff user, offers the
demo data on first start, and shows the main window, or, in screenshot mode, opens one
page, waits until its data is on screen, saves a PNG of the window and returns.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEventLoop
from PySide6.QtWidgets import QApplication

from crm.db.database import Database
from crm.domain.errors import DeskError
from crm.services import users
from crm.ui import messages
from crm.ui.context import DeskContext
from crm.ui.i18n import Languages, choose_language
from crm.ui.main_window import PAGES, MainWindow
from crm.ui.resources import icon, style_sheet
from crm.ui.tasks import TaskRunner

APP_NAME = "Cooperation Desk"
ORGANIZATION = "BIOQuebec-MassBio"
SCREENSHOT_TIMEOUT_S = 30.0


def application() -> QApplication:
    app = QApplication.instance()
    if app is None:
        app = QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setApplicationName(APP_NAME)
    app.setOrganizationName(ORGANIZATION)
    app.setOrganizationDomain("bioquebec-massbio.org")
    app.setApplicationDisplayName(QCoreApplication.translate("App", "Cooperation desk"))
    app.setWindowIcon(icon("app"))
    sheet = style_sheet()
    if sheet:
        app.setStyleSheet(sheet)
    return app


def offer_demo(ctx: DeskContext) -> None:
    from crm.ui.dialogs.misc import FirstStartDialog

    if FirstStartDialog().exec() != FirstStartDialog.DEMO:
        return
    try:
        from crm.services.demo import load_demo
    except ImportError:
        messages.error(None, QCoreApplication.translate("App", "Demo data"),
                       QCoreApplication.translate("App", "The demo data is not available in this version."))  # fmt: skip
        return
    with ctx.db.write() as session:
        load_demo(session, ctx.user_id)


def wait_until_loaded(app: QApplication, window: MainWindow, page: object, timeout: float) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)
        if page.is_loaded() and not window.tasks.running:  # type: ignore[attr-defined]
            for _ in range(5):  # let layouts and paints settle
                app.processEvents()
            return True
        time.sleep(0.01)
    return False


def run(
    db: Database,
    user_name: str | None,
    *,
    first_start: bool = False,
    screenshot: Path | None = None,
    page: str | None = None,
    lang: str | None = None,
) -> int:
    app = application()
    languages = Languages(app)
    languages.apply(choose_language(lang))
    try:
        with db.write() as session:
            user = users.resolve(session, user_name)
            ctx = DeskContext(db, user.id, user.display_name or user.name)
    except DeskError as exc:
        if screenshot is None:
            messages.error(None, QCoreApplication.translate("App", "Cannot start"), str(exc))
        print(exc, file=sys.stderr)
        return 1

    if first_start and screenshot is None:
        offer_demo(ctx)

    tasks = TaskRunner(app)
    window = MainWindow(ctx, languages, tasks, remember_geometry=screenshot is None)
    if screenshot is not None:
        name = page or "dashboard"
        if name not in PAGES:
            print(f"unknown page {name!r}: choose one of {', '.join(PAGES)}", file=sys.stderr)
            return 2
        window.resize(1280, 800)
        window.show()
        shown = window.show_page(name)
        if not wait_until_loaded(app, window, shown, SCREENSHOT_TIMEOUT_S):
            print("the page did not finish loading in time", file=sys.stderr)
            window.close()
            return 1
        Path(screenshot).parent.mkdir(parents=True, exist_ok=True)
        ok = window.grab().save(str(screenshot), "PNG")
        window.close()
        window.deleteLater()
        tasks.wait()
        return 0 if ok else 1

    window.databaseRequested.connect(lambda path: switch_database(window, path))
    window.show()
    return app.exec()


def switch_database(window: MainWindow, path: str) -> None:
    """Open (or create) another database file in a new main window."""
    from crm.db.engine import sqlite_url
    from crm.db.migrate import open_database

    try:
        db = open_database(sqlite_url(path))
        with db.write() as session:
            user = users.resolve(session, None)
            ctx = DeskContext(db, user.id, user.display_name or user.name)
    except DeskError as exc:
        messages.error(
            window, QCoreApplication.translate("App", "Cannot open the database"), str(exc)
        )
        return
    fresh = MainWindow(ctx, window.languages, window.tasks)
    fresh.databaseRequested.connect(lambda p: switch_database(fresh, p))
    fresh.show()
    window.close()
    old = window.ctx.db
    window.deleteLater()
    if old is not db:
        old.close()
