"""The first hour: the demo offer until answered, the theme, pickers that create what was
typed, labels people read (issue 9, "the first hour")."""

from __future__ import annotations

from crm.services import organizations
from crm.ui import app as desk_app
from crm.ui.dialogs.misc import FirstStartDialog


def test_the_first_start_is_offered_until_the_user_has_chosen(qtbot, sqlite_db, monkeypatch):
    ctx = desk_app.resolve_user(sqlite_db, None, interactive=False)
    # The file exists already (a failed start made it): still offered.
    assert desk_app.first_start_pending(ctx)
    monkeypatch.setattr(desk_app, "ask_first_start", lambda: 0)  # closed without an answer
    assert desk_app.offer_demo(ctx) is False
    assert desk_app.first_start_pending(ctx)
    monkeypatch.setattr(desk_app, "ask_first_start", lambda: FirstStartDialog.EMPTY)
    assert desk_app.offer_demo(ctx) is False
    assert not desk_app.first_start_pending(ctx)  # "Start empty" is an answer


def test_a_database_with_records_is_not_offered_the_demo(qtbot, sqlite_db):
    ctx = desk_app.resolve_user(sqlite_db, None, interactive=False)
    with sqlite_db.write() as s:
        organizations.service.create(s, ctx.user_id, {"name": "Acme", "territory": "QC"})
    assert not desk_app.first_start_pending(ctx)
