"""Waiting for the windows' writes: they run off the GUI thread (`crm.ui.operations`)."""

from __future__ import annotations

from typing import Any


def settle(qtbot: Any, runner: Any) -> None:
    """Wait until every task of `runner` (a `TaskRunner`, or a page or window holding one as
    `tasks`) is back and its callbacks ran on the GUI thread."""
    tasks = getattr(runner, "tasks", runner)
    qtbot.waitUntil(lambda: not tasks.running, timeout=20_000)
