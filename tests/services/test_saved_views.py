"""Saved views on both databases: save, list, open, rename, delete, per user and list."""

from __future__ import annotations

import pytest

from crm.domain.errors import DeskError
from crm.services import saved_views, users


def test_save_read_rename_delete(db, actor):
    with db.write() as s:
        view = saved_views.save(s, actor, "contact", "  Québec   francophones ",
                                filters={"territory": "QC", "language": "fr", "bad": [1]},
                                text="montr", columns=("name", "email"), sort="email",
                                descending=True)  # fmt: skip
    assert view.name == "Québec francophones"
    with db.read() as s:
        (back,) = saved_views.views(s, actor, "contact")
        assert back == view
        assert (back.filters, back.text, back.columns, back.sort, back.descending) == (
            {"language": "fr", "territory": "QC"},
            "montr",
            ("name", "email"),
            "email",
            True,
        )
        assert saved_views.views(s, actor, "organization") == []
    with db.write() as s:
        assert saved_views.rename(s, actor, view.id, "QC fr").name == "QC fr"
    with db.write() as s:
        saved_views.delete(s, actor, view.id)
    with db.read() as s:
        assert saved_views.views(s, actor) == []


def test_names_are_unique_per_user_and_list_and_checked(db, actor):
    with db.write() as s:
        other = users.service.create(s, None, {"name": "jsmith"}).id
        first = saved_views.save(s, actor, "contact", "Mine")
        saved_views.save(s, actor, "organization", "Mine")  # another list: allowed
        saved_views.save(s, other, "contact", "Mine")  # another user: allowed
        second = saved_views.save(s, actor, "contact", "Other")
    for call, code in (
        (lambda s: saved_views.save(s, actor, "contact", "MINE"), "view.name_taken"),
        (lambda s: saved_views.rename(s, actor, second.id, "mine"), "view.name_taken"),
        (lambda s: saved_views.save(s, actor, "contact", "  "), "view.name_required"),
        (lambda s: saved_views.save(s, actor, "nothing", "x"), "view.unknown_list"),
        (
            lambda s: saved_views.save(s, actor, "contact", "x", columns=("nope",)),
            "view.unknown_column",
        ),
        (lambda s: saved_views.rename(s, other, first.id, "theirs now"), "view.missing"),
    ):
        with pytest.raises(DeskError) as caught, db.write() as s:
            call(s)
        assert caught.value.code == code
    with db.write() as s:
        replaced = saved_views.save(s, actor, "contact", "mine", text="x", replace=True)
    assert (replaced.id, replaced.name, replaced.text) == (first.id, "mine", "x")
    with db.read() as s:
        assert [v.name for v in saved_views.views(s, actor)] == ["mine", "Other", "Mine"]
        assert [v.name for v in saved_views.views(s, other)] == ["Mine"]
