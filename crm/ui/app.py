"""Starting the desktop application: `run` is what `crm gui` calls.

It creates the QApplication, picks the language, resolves the acting staff user (offering
to create a `--user` that does not exist yet), offers the demo data on first start, and
shows the main window, or, in screenshot mode, opens one page, waits until its data is on
screen, saves a PNG of the window and returns. Screenshot mode never asks anything: it
fails with a clear message instead.
"""

from __future__ import annotations

import gc
import os
import sys
import time
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEventLoop
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication

from crm.db.database import Database
from crm.domain.errors import DeskError, NotFound
from crm.services import users
from crm.ui import messages, operations
from crm.ui.context import DeskContext
from crm.ui.errors import error_text
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
    if os.environ.get("CRM_THEME") == "dark":  # to check (and document) the dark look
        app.setStyle("Fusion")
        app.setPalette(dark_palette())
    sheet = style_sheet()
    if sheet:
        app.setStyleSheet(sheet)
    return app


def dark_palette() -> QPalette:
    """A dark palette like the desktops' dark themes (for `CRM_THEME=dark` and the tests)."""
    palette = QPalette()
    roles = {
        QPalette.ColorRole.Window: "#2b2d30",
        QPalette.ColorRole.WindowText: "#e6e6e6",
        QPalette.ColorRole.Base: "#1e1f22",
        QPalette.ColorRole.AlternateBase: "#26282b",
        QPalette.ColorRole.ToolTipBase: "#3c3f41",
        QPalette.ColorRole.ToolTipText: "#e6e6e6",
        QPalette.ColorRole.PlaceholderText: "#8c8c8c",
        QPalette.ColorRole.Text: "#e6e6e6",
        QPalette.ColorRole.Button: "#3c3f41",
        QPalette.ColorRole.ButtonText: "#e6e6e6",
        QPalette.ColorRole.BrightText: "#ff6b6b",
        QPalette.ColorRole.Highlight: "#2f65ca",
        QPalette.ColorRole.HighlightedText: "#ffffff",
        QPalette.ColorRole.Link: "#7aa7ff",
        QPalette.ColorRole.Mid: "#4a4d50",
        QPalette.ColorRole.Dark: "#1a1b1d",
        QPalette.ColorRole.Light: "#505356",
    }
    for role, colour in roles.items():
        palette.setColor(role, QColor(colour))
    for role in (QPalette.ColorRole.Text, QPalette.ColorRole.WindowText, QPalette.ColorRole.ButtonText):
        palette.setColor(QPalette.ColorGroup.Disabled, role, QColor("#7a7a7a"))
    return palette


def ask_first_start() -> int:
    """Demo data or empty? `FirstStartDialog.DEMO` or `.EMPTY` (tests replace this)."""
    from crm.ui.dialogs.misc import FirstStartDialog

    return FirstStartDialog().exec()


def offer_demo(ctx: DeskContext, tasks: TaskRunner) -> bool:
    """On a new database, offer the demo data; True when it is being loaded (off the GUI
    thread, through `crm.ui.operations`: the pages read it once it is there)."""
    from crm.ui.dialogs.misc import FirstStartDialog

    if ask_first_start() != FirstStartDialog.DEMO:
        return False
    try:
        from crm.services.demo import load_demo
    except ImportError:
        messages.error(None, QCoreApplication.translate("App", "Demo data"),
                       QCoreApplication.translate("App", "The demo data is not available in this version."))  # fmt: skip
        return False
    # A refusal (e.g. the demo data is already there) is said under this title.
    operations.write(None, ctx, tasks, load_demo, kinds=operations.KINDS,
                     error_title=QCoreApplication.translate("App", "Demo data"))  # fmt: skip
    return True


def resolve_user(db: Database, user_name: str | None, *, interactive: bool) -> DeskContext | None:
    """The session's context for the acting staff user, or None (the reason already told).

    A `--user` name the database does not know is offered for creation when `interactive`;
    otherwise (screenshot mode, automation) the start fails with a clear message.
    """
    title = QCoreApplication.translate("App", "Cannot start")
    try:
        with db.write() as session:
            user = users.resolve(session, user_name)
            return DeskContext(db, user.id, user.display_name or user.name)
    except NotFound as exc:
        if not interactive or not user_name:
            _tell(interactive, title, exc)
            return None
    except DeskError as exc:
        _tell(interactive, title, exc)
        return None
    question = QCoreApplication.translate(
        "App",
        "There is no staff user named “%1” in %2.\n\nCreate this staff user now? Every change "
        "you make will be recorded under this name.",
    )
    question = question.replace("%1", user_name).replace("%2", db.display_name)
    if not messages.confirm(
        None,
        QCoreApplication.translate("App", "Unknown staff user"),
        question,
        ok_text=QCoreApplication.translate("App", "Create the staff user"),
    ):
        print(f"There is no staff user '{user_name}'.", file=sys.stderr)
        return None
    try:
        with db.write() as session:
            user = users.service.create(session, None, {"name": user_name})
            return DeskContext(db, user.id, user.display_name or user.name)
    except DeskError as exc:
        _tell(True, QCoreApplication.translate("App", "Cannot create the staff user"), exc)
        return None


def _tell(interactive: bool, title: str, exc: DeskError) -> None:
    """A box in the user's language; the service's own sentence on stderr (for logs)."""
    if interactive:
        messages.error(None, title, error_text(exc))
    print(str(exc), file=sys.stderr)


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
    ctx = resolve_user(db, user_name, interactive=screenshot is None)
    if ctx is None:
        return 1

    tasks = TaskRunner(app)
    if first_start and screenshot is None:
        offer_demo(ctx, tasks)

    window = MainWindow(ctx, languages, tasks, remember_geometry=screenshot is None)
    if screenshot is not None:
        name = page or "dashboard"
        if name not in PAGES:
            print(f"unknown page {name!r}: choose one of {', '.join(PAGES)}", file=sys.stderr)
            return 2
        window.resize(1280, 800)
        window.show()
        shown = window.show_page(name)
        window.start_reminders()  # the banner belongs in the picture (a user sees it ~1 s later)
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
    # What exists now lives as long as the window: keep it out of the garbage collector's
    # full passes, which would otherwise pause the GUI thread for 50-100 ms whenever a worker
    # thread reads a big list (measured at 100k contacts).
    gc.freeze()
    return app.exec()


def switch_database(window: MainWindow, where: str) -> MainWindow | None:
    """Open (or create) another database in a new main window; returns it, or None.

    `where` is a file path, or a database URL (`postgresql://user@host/crm`) for a team
    database. The acting staff user keeps their name when the other database knows it.
    """
    from crm.db.engine import normalize_url, sqlite_url
    from crm.db.migrate import open_database

    url = normalize_url(where) if "://" in where else sqlite_url(where)
    try:
        db = open_database(url)
    except (DeskError, ValueError) as exc:
        messages.error(
            window, QCoreApplication.translate("App", "Cannot open the database"), error_text(exc)
        )
        return None
    except Exception as exc:  # a driver missing, a URL SQLAlchemy cannot parse
        messages.error(
            window,
            QCoreApplication.translate("App", "Cannot open the database"),
            f"{exc.__class__.__name__}: {exc}",
        )
        return None
    try:
        with window.ctx.db.read() as session:
            me = users.service.get(session, window.ctx.user_id, include_deleted=True)
            name, display_name = me.name, me.display_name
    except Exception:  # the old database is gone or unreachable: take the login name
        name, display_name = "", ""
    try:
        with db.write() as session:
            user = users.by_name(session, name) if name else None
            if user is None and name:  # a new file: the same person goes on working there
                user = users.service.create(
                    session, None, {"name": name, "display_name": display_name}
                )
            elif user is None or user.deleted_at is not None:
                user = users.resolve(session, None)
            ctx = DeskContext(db, user.id, user.display_name or user.name)
    except DeskError as exc:
        db.close()
        messages.error(
            window, QCoreApplication.translate("App", "Cannot open the database"), error_text(exc)
        )
        return None
    fresh = MainWindow(ctx, window.languages, window.tasks)
    fresh.databaseRequested.connect(lambda p: switch_database(fresh, p))
    fresh.show()
    window.close()
    old = window.ctx.db
    window.deleteLater()
    if old is not db:
        old.close()
    return fresh
