"""The field catalogue and the record-kind registry: every copy is a selection of them."""

from __future__ import annotations

import pytest

from crm.domain import csv_headers
from crm.domain import fields as catalogue
from crm.domain.enums import EntityKind
from crm.services import export_columns, kinds, links, lists

KINDS = ("text", "multiline", "int", "bool", "date", "time", "datetime", "staff", "computed")
PICKED = ("organization", "contact", "introduction", "event")


@pytest.mark.parametrize("entity", list(catalogue.CATALOGUE.values()), ids=str)
def test_each_field_is_declared_once_with_a_known_kind(entity):
    names = [field.name for field in entity.fields]
    assert len(names) == len(set(names))
    for field in entity.fields:
        assert field.kind in KINDS + PICKED or field.kind.startswith("enum:"), field
        # What a file carries has a French header; what a person edits, an English label.
        assert bool(field.fr) == (field.export or field.imported), field
    assert set(entity.default_export) <= set(entity.columns)
    # Free text may name people without consent: never in a partner file unless asked.
    assert not [f.name for f in entity.select(*entity.default_export) if f.free_text]


def test_notes_and_titles_are_the_free_text_of_partner_files():
    assert {
        "organizations": {"notes"}, "contacts": {"notes"}, "introductions": {"title", "notes"},
        "followups": {"title", "notes"}, "participants": set(),
    } == csv_headers.FREE_TEXT  # fmt: skip


@pytest.mark.parametrize("file", list(csv_headers.COLUMNS))
def test_the_export_writes_exactly_the_catalogue_columns(file):
    source = export_columns._source(file, "sqlite")
    assert csv_headers.COLUMNS[file] == catalogue.FILES[file].columns
    assert set(source.columns) == set(catalogue.FILES[file].columns)
    assert {csv_headers.label(c, "fr") for c in source.columns} <= set(
        csv_headers.FR_LABELS.values()
    )


def test_list_columns_are_catalogue_fields():
    for kind, record in kinds.KINDS.items():
        if record.list is None:
            continue
        entity = catalogue.CATALOGUE[kind]
        for column in record.list.columns:
            assert entity.field(column.key)
    assert {str(kind): kinds.KINDS[kind].list for kind in kinds.EDITED[:5]} == lists.LISTS


def test_every_record_kind_is_registered_once():
    assert set(kinds.KINDS) == set(EntityKind)
    for kind, record in kinds.KINDS.items():
        assert record.kind is kind and record.service.model is record.model
        assert kinds.service_of(str(kind)) is record.service
    # A follow-up links a record by the fields the services check.
    assert tuple(kinds.FOLLOWUP_LINKS.values()) == links.LINK_FIELDS
    assert {kinds.KINDS[k].export for k in kinds.EDITED} - {None} == set(csv_headers.COLUMNS)
