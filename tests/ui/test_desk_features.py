"""Remembered list state, the list context menu, related records, French labels, paging."""

from __future__ import annotations

import random

import pytest
import sqlalchemy as sa
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMenu

from crm.db.models import Contact, FollowUp, Organization
from crm.domain.text import fold
from crm.services import listing, lists, organizations, related, tags
from crm.ui import labels
from crm.ui.dialogs.records import FollowUpEditor, OrganizationEditor
from crm.ui.models.table import ListModel
from crm.ui.pages.records import ContactsPage, IntroductionsPage, OrganizationsPage
from tests.ui.writes import settle_editor


def org_id(desk, name: str) -> int:
    with desk.db.read() as s:
        return int(s.scalar(sa.select(Organization.id).where(Organization.name == name)))


def test_sort_and_filters_are_remembered_per_list(qtbot, desk):
    page = ContactsPage(desk)
    qtbot.addWidget(page)
    page.activate()
    page.table.sortByColumn(1, Qt.SortOrder.DescendingOrder)  # organization, descending
    combo = page.filter_combos["language"]
    combo.setCurrentIndex(combo.findData("en"))
    assert page.model.rowCount() == 2

    again = ContactsPage(desk)
    qtbot.addWidget(again)
    assert again.filter_combos["language"].currentData() == "en"
    header = again.table.horizontalHeader()
    assert (header.sortIndicatorSection(), header.sortIndicatorOrder()) == (
        1,
        Qt.SortOrder.DescendingOrder,
    )
    again.activate()
    assert again.model.query.sort == "organization" and again.model.query.descending
    assert again.model.rowCount() == 2
    # another list keeps its own choices
    orgs = OrganizationsPage(desk)
    qtbot.addWidget(orgs)
    assert orgs.filter_combos["territory"].currentData() is None


def test_tag_filter_for_organizations_and_contacts(qtbot, desk):
    with desk.db.write() as s:
        tags.set_tags(s, "organization", org_id(desk, "Boston CRO"), ["Mission Boston"])
        eric = s.scalar(sa.select(Contact.id).where(Contact.first_name == "Éric"))
        tags.set_tags(s, "contact", eric, ["Oncologie"])
    page = OrganizationsPage(desk)
    qtbot.addWidget(page)
    page.activate()
    combo = page.filter_combos["tag"]
    combo.setCurrentIndex(combo.findData("Mission Boston"))
    assert [page.model.index(r, 0).data() for r in range(page.model.rowCount())] == ["Boston CRO"]
    people = ContactsPage(desk)
    qtbot.addWidget(people)
    people.activate()
    combo = people.filter_combos["tag"]
    assert [combo.itemData(i) for i in range(1, combo.count())] == ["Oncologie"]
    combo.setCurrentIndex(1)
    assert people.model.rowCount() == 1


def menu_action(page, name: str):
    menu = QMenu(page)
    page.fill_context_menu(menu)
    found = [a for a in menu.actions() if a.objectName() == name]
    assert found, [a.text() for a in menu.actions()]
    return found[0]


def test_context_menu_new_followup_links_the_record(qtbot, desk):
    from crm.ui.i18n import Languages
    from crm.ui.main_window import MainWindow

    window = MainWindow(desk, Languages(), remember_geometry=False)
    qtbot.addWidget(window)
    page = window.show_page("organizations")
    row = next(
        r for r in range(page.model.rowCount()) if page.model.index(r, 0).data() == "Boston CRO"
    )
    page.table.selectRow(row)
    menu_action(page, "organizationNewFollowUpAction").trigger()
    editor = window.findChildren(FollowUpEditor)[-1]
    assert editor.widgets["organization_id"].value() == org_id(desk, "Boston CRO")
    assert editor.widgets["organization_id"].text() == "Boston CRO"
    editor.widgets["title"].setText("Send the deck")
    editor.set_widget_value("due_date", __import__("datetime").date(2030, 1, 2))
    assert editor.save() is True
    settle_editor(qtbot, editor)
    with desk.db.read() as s:
        saved = s.scalars(sa.select(FollowUp).where(FollowUp.title == "Send the deck")).one()
        assert saved.organization_id == org_id(desk, "Boston CRO")
    # "Edit" opens the editor of the selected record
    edited = []
    page.editRequested.connect(lambda kind, rid: edited.append((kind, rid)))
    menu_action(page, "organizationEditAction").trigger()
    assert edited == [("organization", org_id(desk, "Boston CRO"))]
    window.close()


def test_introductions_followup_link(qtbot, desk):
    page = IntroductionsPage(desk)
    qtbot.addWidget(page)
    page.activate()
    asked = []
    page.followUpRequested.connect(lambda kind, rid: asked.append((kind, rid)))
    page.table.selectRow(0)
    menu_action(page, "introductionNewFollowUpAction").trigger()
    assert asked == [("introduction", page.model.record_id(0))]
    editor = FollowUpEditor(desk, None, initial={"introduction_id": asked[0][1]})
    qtbot.addWidget(editor)
    assert editor.widgets["introduction_id"].value() == asked[0][1]


def test_organization_shows_its_related_records(qtbot, desk):
    qc = org_id(desk, "Biotech de Montréal")
    with desk.db.read() as s:
        rows = related.related(s, "organization", qc)
    assert [(r.section, r.title) for r in rows if r.section == "contact"] == [
        ("contact", "Éric Côté")
    ]
    assert [r.title for r in rows if r.section == "introduction"] == [
        "Biotech de Montréal ↔ Boston CRO"
    ]
    editor = OrganizationEditor(desk, qc)
    qtbot.addWidget(editor)
    assert editor.related is not None
    items = editor.related.items("contact")
    assert [item.text(1) for item in items] == ["Éric Côté"]
    assert [item.text(1) for item in editor.related.items("introduction")] == [
        "Biotech de Montréal ↔ Boston CRO"
    ]
    opened = []
    editor.openRequested.connect(lambda kind, rid: opened.append((kind, rid)))
    editor.related.tree.itemActivated.emit(items[0], 0)
    assert opened and opened[0][0] == "contact"
    # a contact shows its introductions, follow-ups and interactions (no contacts section)
    with desk.db.read() as s:
        assert not [
            r for r in related.related(s, "contact", opened[0][1]) if r.section == "contact"
        ]


def test_french_stage_and_membership_labels(french):
    assert labels.enum_label("IntroductionStage", "closed") == "Terminée"
    assert labels.enum_label("IntroductionStage", "introduced") == "Présentée"
    assert [text for _v, text in labels.enum_choices("IntroductionStage")] == [
        "Proposée",
        "Demandée",
        "Acceptée des deux côtés",
        "Présentée",
        "Rencontre tenue",
        "Terminée",  # a declined one is closed too: it reads by its outcome in lists
    ]
    assert labels.enum_label("Membership", "none") == "Non-membre"
    assert labels.enum_label("InteractionKind", "email") == "Courriel"


def test_membership_none_in_english(qapp):
    assert labels.enum_label("Membership", "none") == "Not a member"


def test_introductions_lead_with_the_parties(qtbot, desk):
    page = IntroductionsPage(desk)
    qtbot.addWidget(page)
    page.activate()
    header = page.table.horizontalHeader()
    first = header.logicalIndex(0)
    assert page.spec.columns[first].key == "qc_party"
    assert page.model.index(0, first).data() == "Biotech de Montréal"
    for section in range(header.count()):
        text = page.model.headerData(section, Qt.Orientation.Horizontal)
        assert header.sectionSize(section) >= header.fontMetrics().horizontalAdvance(text)


@pytest.mark.parametrize(("sort", "descending"), [("name", True), ("organization", False)])
def test_paging_at_the_end_of_a_long_sorted_list(desk, sort, descending):
    rng = random.Random(7)
    with desk.db.write() as s:
        org_ids = [
            organizations.service.create(s, desk.user_id, {"name": f"Org {i}"}).id for i in range(5)
        ]
        s.execute(
            sa.insert(Contact),
            [
                {
                    "first_name": f"P{rng.randrange(300):03d}",
                    "last_name": "Dupont",
                    "name_folded": fold(f"P{i:03d} Dupont"),
                    "organization_id": rng.choice([*org_ids, None]),
                }
                for i in range(1997)
            ],
        )
    query = listing.ListQuery(sort=sort, descending=descending)
    model = ListModel(desk.db, lists.CONTACTS)
    model.set_query(query)
    assert model.rowCount() == 2000
    with desk.db.read() as s:
        expected = listing.page(s, lists.CONTACTS, query, offset=1700, limit=300)
    got = [
        (model.record_id(r), *(model.value(r, k) for k in lists.CONTACTS.keys))
        for r in range(1700, 2000)
    ]
    assert [row[0] for row in got] == [row[0] for row in expected]
    assert [row[1:3] for row in got] == [tuple(row[1:3]) for row in expected]
    assert len(model._pages) <= 3
