"""Every table model passes qtmodeltester; sorting and filtering change the SQL result."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from crm.services import lists
from crm.ui.models.table import IdRole, ListModel, SortRole


@pytest.mark.parametrize("name", [*lists.LISTS, "trash"])
def test_model_passes_modeltester(qtmodeltester, desk, name):
    spec = lists.TRASH if name == "trash" else lists.LISTS[name]
    model = ListModel(desk.db, spec)
    model.refresh()
    qtmodeltester.check(model)
    model.sort(0, Qt.SortOrder.DescendingOrder)
    qtmodeltester.check(model)


def names(model: ListModel) -> list[str]:
    return [model.index(r, 0).data() for r in range(model.rowCount())]


def test_contacts_sort_and_filter_in_sql(desk):
    model = ListModel(desk.db, lists.CONTACTS)
    model.refresh()
    assert model.rowCount() == 3
    # Sorted on the folded name: "Éric" sorts with the e's, not after "Z".
    assert names(model) == ["Anne Zimmer", "Éric Côté", "Zoé Abbott"]
    model.sort(0, Qt.SortOrder.DescendingOrder)
    assert names(model) == ["Zoé Abbott", "Éric Côté", "Anne Zimmer"]
    model.sort(1, Qt.SortOrder.AscendingOrder)  # by organization name, in SQL
    assert names(model)[1:] == ["Éric Côté", "Anne Zimmer"]
    model.set_filters({"language": "fr"})
    assert names(model) == ["Éric Côté"]
    assert model.index(0, 1).data() == "Biotech de Montréal"
    assert isinstance(model.index(0, 0).data(IdRole), int)
    model.set_filters({}, text="cote")
    assert names(model) == ["Éric Côté"]
    model.set_filters({"territory": "MA"}, text="")
    assert model.total == 2
    assert model.index(0, 5).data(SortRole) == "MA"


def test_large_list_reads_only_pages(desk):
    from crm.services import organizations

    with desk.db.write() as s:
        for i in range(450):
            organizations.service.create(
                s, desk.user_id, {"name": f"Org {i:04d}"}, allow_duplicate=True
            )
    model = ListModel(desk.db, lists.ORGANIZATIONS)
    model.refresh()
    assert model.rowCount() == 452
    assert model.index(451, 0).data() == "Org 0449"
    assert len(model._pages) == 2
