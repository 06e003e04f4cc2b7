"""The window says an environmental failure in a message, in the user's language: Save while
another program holds the database's write lock, and the start of the window under that lock
(which only reads, so it opens)."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator

import pytest

from crm.ui import app
from crm.ui.dialogs.records import ContactEditor
from tests.ui.writes import settle_editor


@pytest.fixture
def locked(desk, monkeypatch) -> Iterator[sqlite3.Connection]:
    """Another program holds the write lock; the desk waits 50 ms for it, not 5 s."""
    monkeypatch.setenv("CRM_BUSY_TIMEOUT_MS", "50")
    desk.db.engine.dispose()  # new connections take the short wait
    other = sqlite3.connect(desk.db.path, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    yield other
    other.rollback()
    other.close()


def _save_under_lock(qtbot, desk, locked, answers) -> ContactEditor:
    editor = ContactEditor(desk)
    qtbot.addWidget(editor)
    editor.widgets["last_name"].setText("Gagnon")
    assert editor.save() is True  # the write starts off the GUI thread; the services refuse it
    settle_editor(qtbot, editor)
    assert editor.save_failure is not None and editor.result() == 0  # not accepted: kept open
    kind, _title, _text = answers.asked[-1]
    assert kind == "error"
    assert editor.widgets["last_name"].text() == "Gagnon"  # the typing is kept for a retry
    return editor


def test_save_while_the_database_is_locked_says_so_and_keeps_the_form(
    qtbot, desk, locked, answers, english
):
    editor = _save_under_lock(qtbot, desk, locked, answers)
    _kind, title, text = answers.asked[-1]
    assert title == "Cannot save"
    assert text.startswith(f"{desk.db.path} is busy: another program, desk window or command")
    assert "Nothing was saved; try again in a moment." in text
    locked.rollback()  # the other program is done: the same Save now works
    assert editor.save() is True
    settle_editor(qtbot, editor)


def test_the_locked_message_in_french(qtbot, desk, locked, answers, french):
    _save_under_lock(qtbot, desk, locked, answers)
    _kind, title, text = answers.asked[-1]
    assert title == "Enregistrement impossible"
    assert (
        "La base de données" in text
        and "est occupée" in text
        and "réessayez dans un instant" in text
    )


def test_the_window_starts_while_another_program_writes(qtbot, desk, locked, answers, english):
    """Starting only reads (the acting user exists): no wait, no message."""
    ctx = app.resolve_user(desk.db, "mtremblay", interactive=True)
    assert ctx is not None and ctx.user_id == desk.user_id
    assert answers.asked == []


def test_the_window_says_why_its_database_cannot_be_opened(qapp, tmp_path, answers, english):
    """Started from a menu, nobody reads stderr: a database that cannot be opened is a box."""
    from crm.cli import main
    from crm.db.migrate import HEAD

    newer = tmp_path / "newer.db"
    conn = sqlite3.connect(newer)
    conn.execute("CREATE TABLE alembic_version (version_num TEXT)")
    conn.execute("INSERT INTO alembic_version VALUES ('9999')")
    conn.commit()
    conn.close()
    assert main(["--db", str(newer), "gui", "--lang", "en"]) == 1
    kind, title, text = answers.asked[-1]
    assert (kind, title) == ("error", "Cannot open the database")
    assert (
        text
        == f"{newer} was written by a newer version of the cooperation desk (schema 9999, this program"
        f" knows up to {HEAD}). Update the program to open it."
    )
