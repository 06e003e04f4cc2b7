"""An editor's related panel lists the records linked to it and reloads after one is saved."""

from __future__ import annotations

from datetime import date

import sqlalchemy as sa

from crm.db.models import Organization
from crm.ui.dialogs.records import ContactEditor, OrganizationEditor
from tests.ui.writes import settle_editor


def org_id(desk, name: str) -> int:
    with desk.db.read() as s:
        return int(s.scalar(sa.select(Organization.id).where(Organization.name == name)))


def test_related_panel_reloads_after_a_related_record_is_saved(qtbot, window, desk):
    editor = window.open_record("organization", org_id(desk, "Biotech de Montréal"))
    assert isinstance(editor, OrganizationEditor)
    items = editor.related.items("contact")
    assert [i.text(1) for i in items] == ["Éric Côté"]
    editor.related.tree.itemActivated.emit(items[0], 0)  # opens the contact's editor
    contact = window.findChildren(ContactEditor)[-1]
    contact.widgets["last_name"].setText("Côté-Roy")
    assert contact.save() is True
    settle_editor(qtbot, contact)
    assert [i.text(1) for i in editor.related.items("contact")] == ["Éric Côté-Roy"]
    # a follow-up created for the organization appears there too
    followup = window.new_followup_for("organization", editor.record_id)
    followup.widgets["title"].setText("Send the deck")
    followup.set_widget_value("due_date", date(2030, 1, 2))
    assert followup.save() is True
    settle_editor(qtbot, followup)
    assert "Send the deck" in [i.text(1) for i in editor.related.items("followup")]
    editor.close()
