"""The list headers are a selection from the field catalogue, in English and in French."""

from __future__ import annotations

from crm.domain import fields
from crm.services.lists import LISTS, TRASH
from crm.ui import labels


def test_every_list_column_takes_its_header_from_the_field_catalogue():
    for spec in (*LISTS.values(), TRASH):
        for column in spec.columns:
            assert column.key in fields.LIST_HEADERS, (spec.name, column.key)
    # A field shown in a list declares its header beside its editor label.
    assert fields.FOLLOWUP.field("due_date").header == "Due"
    assert fields.FOLLOWUP.field("due_date").label == "Due date"
    assert fields.EVENT.field("starts_on").header == "Starts"
    assert labels.HEADERS is fields.LIST_HEADERS


def test_the_lists_show_the_short_header_in_both_languages(english):
    shown = {key: labels.header(key) for key in ("due_date", "starts_on", "region", "label")}
    assert shown == {
        "due_date": "Due",
        "starts_on": "Starts",
        "region": "Region",
        "label": "Record",
    }
    english.apply("fr")
    shown = {key: labels.header(key) for key in ("due_date", "starts_on", "region", "label")}
    assert shown == {
        "due_date": "Échéance",
        "starts_on": "Début",
        "region": "Région",
        "label": "Fiche",
    }
