"""`crm gui`: the window. The only module of the CLI that imports Qt (`crm.ui.app`), and only
inside its functions, so every other command starts without it.
"""

from __future__ import annotations

import argparse
import os
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from crm.db.database import Database
    from crm.domain.errors import DeskError


PAGES = (
    "dashboard",
    "organizations",
    "contacts",
    "introductions",
    "board",
    "followups",
    "myfollowups",
    "events",
)


def add_commands(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    gui = commands.add_parser("gui", help="open the window (the default)")
    gui.add_argument(
        "--screenshot", metavar="FILE", type=Path, help="save a PNG of the window and exit"
    )
    gui.add_argument("--page", choices=PAGES, default=None, help="page to open")
    gui.add_argument("--lang", choices=("fr", "en"), default=None, help="interface language")


def start_application() -> str | None:
    """Make the Qt application, unless there is no display: then the sentence that says so.
    Called before any file is made, so that without a display nothing is created."""
    from crm.ui.app import application, display_problem

    problem = display_problem()
    if problem:
        return problem
    application()
    return None


def tell_open_failure(exc: DeskError, lang: str | None) -> None:
    """The database could not be opened: say so in a window too (the user started one)."""
    from crm.ui.app import tell_open_failure as tell

    tell(exc, lang)


def cmd_gui(db: Database, args: argparse.Namespace) -> int:
    from crm.ui.app import run as run_window

    user = args.user or os.environ.get("CRM_USER")  # as every other command
    status: int = run_window(
        db,
        user,
        screenshot=args.screenshot,
        page=args.page,
        lang=args.lang,
    )
    return status
