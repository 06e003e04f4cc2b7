"""File › Back up, Restore and Check in the window, against hostile and damaged databases,
with their messages in English and in French."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
import sqlalchemy as sa

from crm.db.models import Contact
from crm.domain.errors import DeskError
from crm.services import contacts
from crm.services.maintenance import backup, health, restore
from crm.ui.dialogs import maintenance as care

TRIGGER = (
    "CREATE TRIGGER consent_yes AFTER INSERT ON contacts BEGIN "
    "UPDATE contacts SET share_with_partners = 1 WHERE id = new.id; END"
)


@pytest.fixture
def window(qtbot, desk, tasks):
    from crm.ui.i18n import Languages
    from crm.ui.main_window import MainWindow

    languages = Languages()
    languages.apply("en")
    win = MainWindow(desk, languages, tasks, remember_geometry=False)
    qtbot.addWidget(win)
    win.show()
    yield win
    tasks.wait()


def sql(path: Path, statement: str) -> None:
    conn = sqlite3.connect(path)
    try:
        conn.execute(statement)
        conn.commit()
    finally:
        conn.close()


def damage_an_index(path: Path) -> None:
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    (page,) = conn.execute(
        "SELECT max(pageno) FROM dbstat WHERE name = 'ix_audit_log_at'"
    ).fetchone()
    size = conn.execute("PRAGMA page_size").fetchone()[0]
    conn.close()
    with path.open("r+b") as handle:
        handle.seek((page - 1) * size)
        handle.write(b"\x07" * size)


def live_contacts(db) -> int:
    with db.read() as s:
        return int(
            s.scalar(sa.select(sa.func.count(Contact.id)).where(Contact.deleted_at.is_(None)))
        )


def test_a_hostile_backup_is_refused_in_the_window(qtbot, window, desk, answers, tmp_path,
                                                  monkeypatch):  # fmt: skip
    crafted = backup.backup(desk.db, tmp_path / "crafted.db")
    sql(crafted, TRIGGER)
    with desk.db.write() as s:
        contacts.service.delete(s, desk.user_id, s.scalar(sa.select(Contact.id).limit(1)))
    monkeypatch.setattr(care, "ask_open_path", lambda *a: str(crafted))
    answers.confirm = [True]
    window.actions_["restore_backup"].trigger()
    qtbot.waitUntil(lambda: answers.asked[-1][0] == "error", timeout=10000)
    _kind, title, text = answers.asked[-1]
    assert title == "Cannot restore"
    assert "consent_yes" in text and "Nothing was changed" in text
    assert live_contacts(desk.db) == 2  # still the database as it was


def test_a_damaged_database_never_replaces_a_good_backup(qtbot, window, desk, answers,
                                                         tmp_path, monkeypatch):  # fmt: skip
    good = backup.backup(desk.db, tmp_path / "good.db")
    kept = good.read_bytes()
    desk.db.engine.dispose()
    damage_an_index(desk.db.path)
    # The person picks the existing backup and confirms "replace" in the file dialog.
    monkeypatch.setattr(care, "ask_save_path", lambda *a: str(good))
    window.actions_["backup"].trigger()
    qtbot.waitUntil(lambda: bool(answers.asked), timeout=10000)
    kind, title, text = answers.asked[-1]
    assert (kind, title) == ("error", "Cannot back up")
    assert "no backup was written" in text
    assert good.read_bytes() == kept
    # ...and now that it is known to be damaged, it refuses to write.
    with pytest.raises(DeskError, match="read-only until repaired"), desk.db.write() as s:
        contacts.service.delete(s, desk.user_id, 1)


def test_check_offers_to_repair_what_the_desk_did_not_make(qtbot, window, desk, answers):
    sql(desk.db.path, TRIGGER)
    answers.confirm = [True]
    window.actions_["check_database"].trigger()
    qtbot.waitUntil(lambda: bool(answers.asked) and answers.asked[-1][0] == "info", timeout=10000)
    (ask_kind, _title, question), *_ = answers.asked
    assert ask_kind == "confirm" and "consent_yes" in question and "Repair it now" in question
    kind, title, text = answers.asked[-1]
    assert (kind, title) == ("info", "Database repaired") and "good health" in text
    assert health.health(desk.db).healthy


def test_backup_and_restore_refusals_are_said_in_french(qtbot, desk, tmp_path):
    from crm.ui.errors import error_text
    from crm.ui.i18n import Languages

    raised: list[DeskError] = []

    def catch(action) -> None:
        with pytest.raises(DeskError) as info:
            action()
        raised.append(info.value)

    good = backup.backup(desk.db, tmp_path / "good.db")
    catch(lambda: backup.backup(desk.db, good))
    crafted = backup.backup(desk.db, tmp_path / "crafted.db")
    sql(crafted, TRIGGER)
    catch(lambda: restore.restore(desk.db, crafted, user="mtremblay"))
    catch(lambda: restore.restore(desk.db, tmp_path / "missing.db", user="mtremblay"))
    text = tmp_path / "notes.db"
    text.write_text("pas une base")
    catch(lambda: restore.restore(desk.db, text, user="mtremblay"))
    newer = backup.backup(desk.db, tmp_path / "newer.db")
    sql(newer, "UPDATE alembic_version SET version_num = '9999'")
    catch(lambda: restore.restore(desk.db, newer, user="mtremblay"))
    desk.db.engine.dispose()
    damage_an_index(desk.db.path)
    health.health(desk.db)
    catch(lambda: backup.backup(desk.db, tmp_path / "bad.db"))

    def write() -> None:
        with desk.db.write() as s:
            contacts.service.delete(s, desk.user_id, 1)

    catch(write)
    languages = Languages()
    try:
        languages.apply("fr")
        french = [error_text(exc) for exc in raised]
    finally:
        languages.apply("en")
    assert [t for t, exc in zip(french, raised, strict=True) if t == str(exc)] == []
    assert "n’a pas été restaurée" in french[1] and "consent_yes" in french[1]
    assert french[-1].startswith(str(desk.db.path)) and "lecture seule" in french[-1]


def test_a_damaged_file_is_found_when_its_window_opens(qtbot, window, desk, answers):
    desk.db.engine.dispose()
    damage_an_index(desk.db.path)
    task = care.check_on_open(window)
    assert task is not None
    qtbot.waitUntil(lambda: bool(answers.asked), timeout=10000)
    kind, title, text = answers.asked[-1]
    assert (kind, title) == ("error", "Damaged database")
    assert "read-only until repaired." in text and "File › Check the database" in text
    with pytest.raises(DeskError, match="read-only"), desk.db.write() as s:
        contacts.service.delete(s, desk.user_id, 1)


def test_the_file_is_checked_once_the_first_page_had_its_turn(qtbot, window, desk, answers):
    """`crm gui` starts the quick check a moment after the window shows (on a big file it
    reads for a second, beside the first rows), and a damaged file is still found."""
    from crm.ui import app as desk_app

    desk.db.engine.dispose()
    damage_an_index(desk.db.path)
    desk_app.check_file_later(window)
    qtbot.wait(100)  # the first rows come in this time; the check is not started yet
    assert not answers.asked
    qtbot.waitUntil(lambda: bool(answers.asked), timeout=10000)
    assert answers.asked[-1][:2] == ("error", "Damaged database")
