"""Waiting for the windows' writes: they run off the GUI thread (`crm.ui.operations`)."""

from __future__ import annotations

from typing import Any


def settle(qtbot: Any, runner: Any) -> None:
    """Wait until every task of `runner` (a `TaskRunner`, or a page or window holding one as
    `tasks`) is back and its callbacks ran on the GUI thread."""
    tasks = getattr(runner, "tasks", runner)
    qtbot.waitUntil(lambda: not tasks.running, timeout=20_000)


def settle_editor(qtbot: Any, editor: Any) -> None:
    """Wait until an editor's Save is back (the editor closes once the record is written).

    A closed editor deletes itself when control returns to the event loop, which waiting
    does; a test that holds the editor (`qtbot.addWidget`, closed by pytest-qt afterwards)
    keeps it, as it did when Save wrote on the GUI thread."""
    from PySide6.QtCore import Qt

    editor.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, False)
    settle(qtbot, editor)
