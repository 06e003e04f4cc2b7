"""Start-up's questions: which staff user (unknown names offered for creation, refused in
screenshot mode), and on an empty database whether to load the demo."""

from __future__ import annotations

import sqlalchemy as sa
from PySide6.QtCore import Qt

from crm.db.models import Organization
from crm.ui import app as desk_app
from tests.ui.writes import settle


def test_unknown_user_in_screenshot_mode_fails_clearly(qtbot, sqlite_db, tmp_path, answers, capsys):
    out = tmp_path / "x.png"
    assert desk_app.run(sqlite_db, "nobody", screenshot=out, page="contacts", lang="en") == 1
    assert not out.exists()
    assert answers.asked == []  # no modal in screenshot mode
    assert "There is no staff user 'nobody'" in capsys.readouterr().err


def test_unknown_user_is_offered_for_creation(qtbot, sqlite_db, answers):
    answers.confirm = [False]
    assert desk_app.resolve_user(sqlite_db, "lgagnon", interactive=True) is None
    assert answers.asked[-1][:2] == ("confirm", "Unknown staff user")
    assert "lgagnon" in answers.asked[-1][2]
    answers.confirm = [True]
    ctx = desk_app.resolve_user(sqlite_db, "lgagnon", interactive=True)
    assert ctx is not None and ctx.user_name == "lgagnon"
    # known now: no question the next time
    answers.asked.clear()
    assert desk_app.resolve_user(sqlite_db, "LGagnon", interactive=True).user_id == ctx.user_id
    assert answers.asked == []
    # a name the desk refuses is told, not raised
    answers.confirm = [True]
    assert desk_app.resolve_user(sqlite_db, "two words", interactive=True) is None
    assert answers.asked[-1][:2] == ("error", "Cannot create the staff user")


def test_first_start_loads_the_demo_or_stays_empty(qtbot, sqlite_db, monkeypatch, tasks):
    from crm.ui.dialogs.misc import FirstStartDialog

    ctx = desk_app.resolve_user(sqlite_db, None, interactive=False)
    monkeypatch.setattr(desk_app, "ask_first_start", lambda: FirstStartDialog.EMPTY)
    assert desk_app.offer_demo(ctx, tasks) is False
    with sqlite_db.read() as s:
        assert s.scalar(sa.select(sa.func.count(Organization.id))) == 0
    monkeypatch.setattr(desk_app, "ask_first_start", lambda: FirstStartDialog.DEMO)
    assert desk_app.offer_demo(ctx, tasks) is True
    settle(qtbot, tasks)
    with sqlite_db.read() as s:
        assert s.scalar(sa.select(sa.func.count(Organization.id))) > 10


def test_first_start_dialog_buttons(qtbot):
    from crm.ui.dialogs.misc import FirstStartDialog

    dialog = FirstStartDialog()
    qtbot.addWidget(dialog)
    dialog.findChild(type(dialog.findChildren(object)[0]), "firstStartDemo")
    dialog.open()
    qtbot.mouseClick(dialog.findChild(object, "firstStartDemo"), Qt.MouseButton.LeftButton)
    assert dialog.result() == FirstStartDialog.DEMO
