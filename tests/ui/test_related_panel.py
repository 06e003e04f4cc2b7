"""A record page's related records list the records linked to it and are read again after
one of them is saved."""

from __future__ import annotations

from datetime import date

import sqlalchemy as sa

from crm.db.models import Organization
from tests.ui.writes import settle, settle_editor


def org_id(desk, name: str) -> int:
    with desk.db.read() as s:
        return int(s.scalar(sa.select(Organization.id).where(Organization.name == name)))


def test_related_links_reload_after_a_related_record_is_saved(qtbot, window, desk):
    page = window.open_record("organization", org_id(desk, "Biotech de Montréal"))
    qtbot.waitUntil(page.is_loaded)
    links = page.links.links("contact")
    assert [title for _kind, _id, title in links] == ["Éric Côté"]
    page.links.bodies["contact"].linkActivated.emit(f"contact:{links[0][1]}")  # its page
    contact = window.record_page()
    assert contact is not page and contact.kind == "contact"
    contact.form.widgets["last_name"].setText("Côté-Roy")
    assert contact.save() is True
    settle(qtbot, contact.form)
    window.go_back()
    qtbot.waitUntil(
        lambda: page.is_loaded() and page.links.links("contact")[0][2] == "Éric Côté-Roy"
    )
    # a follow-up created for the organization appears there too
    followup = window.new_followup_for("organization", page.record_id)
    followup.widgets["title"].setText("Send the deck")
    followup.set_widget_value("due_date", date(2030, 1, 2))
    assert followup.save() is True
    settle_editor(qtbot, followup)
    qtbot.waitUntil(lambda: "Send the deck" in [t for _k, _i, t in page.links.links("followup")])
