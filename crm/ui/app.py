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
import shutil
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QCoreApplication,
    QEventLoop,
    QMessageLogContext,
    QTimer,
    QtMsgType,
    qInstallMessageHandler,
)
from PySide6.QtWidgets import QApplication

from crm.db.database import Database
from crm.domain.errors import DeskError, NotFound
from crm.services import staff
from crm.ui import identity, messages, operations, settings, theme
from crm.ui.context import DeskContext
from crm.ui.errors import error_text
from crm.ui.i18n import Languages, choose_language
from crm.ui.main_window import PAGES, MainWindow
from crm.ui.resources import icon, style_sheet
from crm.ui.tasks import TaskRunner

if TYPE_CHECKING:
    from crm.db.models import StaffUser

APP_NAME = "Cooperation Desk"
ORGANIZATION = "BIOQuebec-MassBio"
SCREENSHOT_TIMEOUT_S = 30.0
FILE_CHECK_AFTER_MS = 1000


def display_problem() -> str | None:
    """Why the window cannot open here (one sentence), or None when a display seems to exist.

    Checked before anything is created: without it, Qt's xcb plugin aborts with a message
    that blames a library, after the database file was made.
    """
    if sys.platform in ("win32", "darwin") or os.environ.get("QT_QPA_PLATFORM"):
        return None
    if os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"):
        return None
    return no_display_sentence()


def no_display_sentence() -> str:
    return (
        "crm: no display found, so the window cannot open; run it in a desktop session "
        f"(or set DISPLAY), or use the command line: {command_name()} --help"
    )


def command_name() -> str:
    """How this person can type the `crm` command: `crm` when on the PATH, else its path."""
    script = Path(sys.executable).with_name("crm")
    if not script.exists() or shutil.which("crm") == str(script):
        return "crm"
    try:
        return str(script.relative_to(Path.cwd()))
    except ValueError:
        return str(script)


class _PlatformWatch:
    """Qt's messages while the QApplication is created: a platform plugin that cannot start
    ends the process with our sentence instead of Qt's abort; the rest is shown after."""

    def __init__(self) -> None:
        self.held: list[str] = []

    def __call__(self, kind: QtMsgType, context: QMessageLogContext, text: str) -> None:
        if kind == QtMsgType.QtFatalMsg:
            if any("could not connect to display" in line for line in self.held):
                print(no_display_sentence(), file=sys.stderr, flush=True)
            else:  # a display, but no plugin to reach it: Qt's own lines say which
                print("\n".join(self.held), file=sys.stderr)
                print(f"crm: the window cannot start: Qt could not load a window system plugin "
                      f"(see above); the command line works: {command_name()} --help",
                      file=sys.stderr, flush=True)  # fmt: skip
            os._exit(1)
        self.held.append(f"{context.category}: {text}" if context.category else text)


def application() -> QApplication:
    app = QApplication.instance()
    if app is None:
        watch = _PlatformWatch()
        previous = qInstallMessageHandler(watch)
        try:
            app = QApplication(sys.argv[:1])
        finally:
            qInstallMessageHandler(previous)
        for line in watch.held:
            print(line, file=sys.stderr)
    assert isinstance(app, QApplication)
    app.setApplicationName(APP_NAME)
    app.setOrganizationName(ORGANIZATION)
    app.setOrganizationDomain("bioquebec-massbio.org")
    app.setApplicationDisplayName(QCoreApplication.translate("App", "Cooperation desk"))
    app.setWindowIcon(icon("app"))
    theme.apply(app)
    sheet = style_sheet()
    if sheet:
        app.setStyleSheet(sheet)
    return app


def ask_first_start() -> int:
    """Demo data or empty? `FirstStartDialog.DEMO` or `.EMPTY` (tests replace this)."""
    from crm.ui.dialogs.misc import FirstStartDialog

    return FirstStartDialog().exec()


def first_start_pending(ctx: DeskContext) -> bool:
    """Offer demo-or-empty on a personal (SQLite) database that holds no records, until the
    user has answered for this file (closing the question is not an answer)."""
    if not ctx.db.is_sqlite or ctx.db.url in _chosen():
        return False
    from crm.services.first_start import holds_records

    with ctx.db.read() as session:
        return not holds_records(session)


def _chosen() -> list[str]:
    return settings.FIRST_START_CHOSEN.get()


def offer_demo(
    ctx: DeskContext, tasks: TaskRunner, on_loaded: Callable[[], object] | None = None
) -> bool:
    """Offer the demo data; True when it is being loaded (off the GUI thread, through
    `crm.ui.operations`: the pages read it once it is there), then `on_loaded()`. An answer
    is remembered per database."""
    from crm.ui.dialogs.misc import FirstStartDialog

    answer = ask_first_start()
    if answer in (FirstStartDialog.DEMO, FirstStartDialog.EMPTY):
        settings.FIRST_START_CHOSEN.set([*_chosen(), ctx.db.url])
    if answer != FirstStartDialog.DEMO:
        return False
    try:
        from crm.services.demo import load_demo
    except ImportError:
        messages.error(None, QCoreApplication.translate("App", "Demo data"),
                       QCoreApplication.translate("App", "The demo data is not available in this version."))  # fmt: skip
        return False
    # A refusal (e.g. the demo data is already there) is said under this title.
    operations.write(None, ctx, tasks, load_demo, kinds=operations.KINDS,
                     error_title=QCoreApplication.translate("App", "Demo data"),
                     on_done=lambda _summary: on_loaded() if on_loaded else None)  # fmt: skip
    return True


def resolve_user(db: Database, user_name: str | None, *, interactive: bool) -> DeskContext | None:
    """The session's context for the acting staff user, or None (the reason already told).

    On the team database it is the database login (a `--user` naming someone else is
    refused). On a personal file: `--user` for this session (a name the database does not
    know is offered for creation when `interactive`), else the staff user chosen last time
    on this database, else the window asks (`crm.ui.identity.ask`: pick or add yourself).
    Without questions (screenshot mode, automation) the login name's user is taken.
    """
    title = QCoreApplication.translate("App", "Cannot start")
    try:
        # Read first: starting the window takes the write lock only to add a user.
        who = None
        if db.is_sqlite and not user_name:
            who = identity.remembered_person(db)
            if who is None and interactive:
                who = identity.ask(db)
                if who is None:
                    print("No staff user was chosen.", file=sys.stderr)
                    return None
                identity.remember(db, who.name)
        if who is None:
            with db.read() as session:
                known = staff.acting(session, user_name)
                who = identity.person(known) if known is not None else None
        if who is None:
            from crm.services import users  # the mapped classes: only to add someone

            with db.write() as session:
                made = users.acting(session, user_name, create=True)
                assert made is not None
                who = identity.person(made)
        return identity.context(db, who)
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
    from crm.services import users

    try:
        with db.write() as session:
            who = identity.person(users.register(session, {"name": user_name}))
        return identity.context(db, who)
    except DeskError as exc:
        _tell(True, QCoreApplication.translate("App", "Cannot create the staff user"), exc)
        return None


def _tell(interactive: bool, title: str, exc: DeskError) -> None:
    """A box in the user's language; the service's own sentence on stderr (for logs)."""
    if interactive:
        messages.error(None, title, error_text(exc))
    print(str(exc), file=sys.stderr)


def tell_open_failure(exc: DeskError, lang: str | None = None) -> None:
    """`crm gui` could not open its database: say why in a window, not only on stderr (the
    desk is often started from a menu, where nobody reads stderr)."""
    screen = ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")
    if sys.platform.startswith("linux") and not any(os.environ.get(v) for v in screen):
        return  # no screen to show it on: stderr said it already
    app = application()
    Languages(app).apply(choose_language(lang))
    messages.error(
        None, QCoreApplication.translate("App", "Cannot open the database"), error_text(exc)
    )


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
    if screenshot is None and first_start_pending(ctx):
        # Once the demo is in, offer to act as one of its staff (the window is there by then),
        # after the pages have been told to show the demo's records.
        offer_demo(ctx, tasks, lambda: QTimer.singleShot(
            0, lambda: identity.offer_demo_staff(app.activeWindow(), ctx)))  # fmt: skip

    window = MainWindow(
        ctx, languages, tasks, remember_geometry=screenshot is None, live=screenshot is None
    )
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
    check_file_later(window)
    # What exists now lives as long as the window: keep it out of the garbage collector's
    # full passes, which would otherwise pause the GUI thread for 50-100 ms whenever a worker
    # thread reads a big list (measured at 100k contacts).
    gc.freeze()
    return app.exec()


def check_file_later(window: MainWindow) -> None:
    """Check the window's file (a damaged one is read-only until repaired), once its first
    page had its turn: on a file not checked since it last changed, SQLite's quick check
    reads all of it (a second at 100k contacts), which would compete with the first rows."""

    def check() -> None:
        from crm.ui.dialogs.maintenance import check_on_open

        check_on_open(window)

    QTimer.singleShot(FILE_CHECK_AFTER_MS, window, check)


def switch_database(window: MainWindow, where: str) -> MainWindow | None:
    """Open (or create) another database in a new main window; returns it, or None.

    `where` is a file path, or a database URL (`postgresql://user@host/crm`) for a team
    database. The acting staff user keeps their name when the other database knows it.
    """
    from crm.db.engine import normalize_url, sqlite_url
    from crm.db.migrate import open_database
    from crm.services import users

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
        who = identity.remembered_person(db) if db.is_sqlite else None
        nobody = False
        if who is None:
            with db.read() as session:
                if db.is_sqlite:
                    known = users.by_name(session, name) if name else None
                    if known is not None and (known.deleted_at is not None or not known.active):
                        known = None
                    nobody = not users.roster(session)
                else:
                    known, nobody = users.acting(session, None), False
                who = identity.person(known) if known is not None else None
        if who is None and db.is_sqlite and not nobody:
            who = identity.ask(db, window)  # a database with other people: which one are you?
            if who is None:
                db.close()
                return None
        if who is None:  # a new file (the same person goes on there), or a new login
            with db.write() as session:
                made: StaffUser | None
                if db.is_sqlite:
                    made = users.register(session, {"name": name or staff.login_name(),
                                                    "display_name": display_name})  # fmt: skip
                else:
                    made = users.acting(session, None, create=True)
                assert made is not None
                who = identity.person(made)
        identity.remember(db, who.name)
        ctx = identity.context(db, who)
    except DeskError as exc:
        db.close()
        messages.error(
            window, QCoreApplication.translate("App", "Cannot open the database"), error_text(exc)
        )
        return None
    fresh = MainWindow(ctx, window.languages, window.tasks)
    fresh.databaseRequested.connect(lambda p: switch_database(fresh, p))
    fresh.show()
    check_file_later(fresh)
    window.close()
    old = window.ctx.db
    window.deleteLater()
    if old is not db:
        old.close()
    return fresh
