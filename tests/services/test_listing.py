"""The list engine without Qt, on SQLite and PostgreSQL: paging, sorting both ways, filters,
filter text, row positions, and the first page read through the sort index agreeing with the
sorted ids (every list of the catalogue, every column)."""

from __future__ import annotations

from datetime import date

import pytest
import sqlalchemy as sa

from crm.db.models import Organization
from crm.services import (
    contacts,
    events,
    followups,
    introductions,
    listing,
    lists,
    organizations,
    staff,
    users,
)
from crm.services.listing import ListQuery

CITIES = ("Montréal", "Boston", "Québec", "Cambridge", "Laval", "montreal", None)


@pytest.fixture
def desk(db, actor):
    """Some records of every kind, with ties and blanks in the sorted columns."""
    with db.write() as s:
        lea = users.service.create(s, None, {"name": "lea", "display_name": "Léa Roy"})
        orgs = []
        for n in range(14):
            orgs.append(
                organizations.service.create(
                    s,
                    actor,
                    {
                        "name": f"Org {n % 9} Thérapeutique" if n % 2 else f"Ærø {n} Bio",
                        "region": ("QC", "MA", "ON")[n % 3],
                        "kind": ("biotech", "cro")[n % 2],
                        "city": CITIES[n % len(CITIES)] or "",
                        "tags": "oncologie" if n % 4 == 0 else "",
                    },
                )
            )
        people = [
            contacts.service.create(
                s,
                actor,
                {
                    "first_name": ("Éric", "Anne", "zoé", "Marc")[n % 4],
                    "last_name": f"Côté{n % 5}",
                    "organization_id": orgs[n % len(orgs)].id if n % 3 else None,
                    "email": f"p{n}@x.ca",
                    "language": ("fr", "en")[n % 2],
                    # Each introduction's parties stand on their side (the side rule).
                    "region": "QC" if n == 0 else "MA",
                },
            )
            for n in range(11)
        ]
        bio = events.service.create(s, actor, {"name": "BIO Cœur", "starts_on": "2025-06-16"})
        events.participants.create(s, actor, {"event_id": bio.id, "contact_id": people[0].id})
        untitled = introductions.create(
            s,
            actor,
            {"qc_contact_id": people[0].id, "ma_organization_id": orgs[1].id, "owner_id": lea.id},
        )
        for n in range(1, 6):
            introductions.create(
                s,
                actor,
                {
                    "qc_organization_id": orgs[0].id,
                    "ma_contact_id": people[n].id,
                    "owner_id": actor,
                    "title": f"Intro {n % 3}",
                },
            )
        for n in range(8):
            followups.service.create(
                s,
                actor,
                {
                    "title": f"Call {n % 4}",
                    "due_date": f"2025-01-{10 + n % 3:02d}",
                    "assignee_id": (actor, lea.id, None)[n % 3],
                    ("introduction_id", "organization_id", "contact_id", "event_id")[n % 4]: (
                        untitled.id,
                        orgs[2].id,
                        people[3].id,
                        bio.id,
                    )[n % 4],
                },
            )
        for n in range(3):
            events.service.create(s, actor, {"name": f"Mission {n}", "starts_on": "2025-05-01"})
        organizations.service.delete(s, actor, orgs[-1].id)
    return {"untitled": untitled.id, "lea": lea.id, "orgs": [o.id for o in orgs]}


SPECS = [*lists.LISTS.values(), lists.TRASH]


def everything(s, spec, query):
    return listing.page(s, spec, query, limit=10_000)


@pytest.mark.parametrize("spec", SPECS, ids=lambda spec: spec.name)
def test_pages_join_into_the_whole_list_and_count_it(db, desk, spec):
    with db.read() as s:
        whole = everything(s, spec, ListQuery())
        assert len(whole) == listing.count(s, spec) > 0
        pieces = [
            row
            for start in range(0, len(whole), 3)
            for row in listing.page(s, spec, offset=start, limit=3)
        ]
        assert pieces == whole
        assert listing.size_hint(s, spec) >= len(whole)


@pytest.mark.parametrize("spec", SPECS, ids=lambda spec: spec.name)
def test_each_column_sorts_both_ways(db, desk, spec):
    with db.read() as s:
        for key in spec.keys:
            up = everything(s, spec, ListQuery(sort=key))
            down = everything(s, spec, ListQuery(sort=key, descending=True))
            assert down == up[::-1], key  # ties broken by id, the same way round
            column = spec.column(key)
            sort_values = [
                row[0]
                for row in s.execute(
                    sa.select(listing.statement(spec, ListQuery(sort=key)).subquery().c.id)
                )
            ]
            assert sort_values == [row[0] for row in up], key
            if column.sort is None and column.kind in ("date", "int", "datetime"):
                values = [row[1 + spec.keys.index(key)] for row in up]
                present = [v for v in values if v is not None]
                assert present == sorted(present), key


@pytest.mark.parametrize("spec", list(lists.LISTS.values()), ids=lambda spec: spec.name)
def test_first_rows_agree_with_the_sorted_ids(db, desk, spec):
    with db.read() as s:
        for key in spec.keys:
            for descending in (False, True):
                query = ListQuery(sort=key, descending=descending)
                ids = listing.ordered_ids(s, spec, query)
                first = listing.first_rows(s, spec, query, 4)
                assert [row[0] for row in first] == list(ids[:4]), (key, descending)
                assert first == listing.rows_by_id(s, spec, ids[:4])
                loaded = listing.load(s, spec, query, 4)
                assert (list(loaded.ids), loaded.count) == (list(ids), len(ids))
                assert loaded.first_page == first


def test_filters_select_rows_and_an_unknown_filter_is_refused(db, desk):
    spec = lists.ORGANIZATIONS
    with db.read() as s:
        every = everything(s, spec, ListQuery())
        territory = spec.keys.index("territory") + 1
        qc = everything(s, spec, ListQuery(filters={"territory": "QC"}))
        assert qc == [row for row in every if str(row[territory]) == "QC"] != []
        both = everything(s, spec, ListQuery(filters={"territory": "QC", "kind": "cro"}))
        kind = spec.keys.index("kind") + 1
        assert both == [row for row in qc if str(row[kind]) == "cro"]
        # An empty value means "any": the filter box left blank.
        assert everything(s, spec, ListQuery(filters={"territory": "", "kind": None})) == every
        tagged = everything(s, spec, ListQuery(filters={"tag": "ONCOLOGIE"}))
        assert {row[0] for row in tagged} == {desk["orgs"][n] for n in (0, 4, 8, 12)}
        with pytest.raises(KeyError):
            listing.count(s, spec, ListQuery(filters={"colour": "blue"}))
        # The trash holds the deleted organization, and only the trash.
        assert desk["orgs"][-1] not in {row[0] for row in every}
        trash = everything(s, lists.TRASH, ListQuery(filters={"kind": "organization"}))
        assert [row[0] for row in trash] == [desk["orgs"][-1]]


def test_filter_text_is_folded_and_every_word_must_match(db, desk):
    spec = lists.ORGANIZATIONS
    with db.read() as s:

        def names(text):
            return sorted(row[1] for row in everything(s, spec, ListQuery(text=text)))

        montreal = names("MONTREAL")  # Montréal and montreal alike, by city
        cities = {row[0]: row[5] for row in everything(s, spec, ListQuery())}
        assert len(montreal) == sum(
            1 for city in cities.values() if city and city.lower() in ("montréal", "montreal")
        )
        assert names("aero") == names("Ærø") != []
        assert names("thérapeutique org 3") == ["Org 3 Thérapeutique"]
        assert names("therapeutique xyz") == []
        assert names("bio 100%") == []  # a LIKE wildcard is typed text
        assert len(names("_")) == len(cities)  # nothing left once folded: every row


def test_row_position_is_where_the_record_sits(db, desk):
    spec = lists.CONTACTS
    with db.read() as s:
        for query in (
            ListQuery(sort="name"),
            ListQuery(sort="email", descending=True),
            ListQuery(filters={"language": "fr"}),
        ):
            ids = list(listing.ordered_ids(s, spec, query))
            for position, record_id in enumerate(ids):
                assert listing.row_position(s, spec, query, record_id) == position
        english = s.scalars(
            sa.select(
                listing.statement(spec, ListQuery(filters={"language": "en"})).subquery().c.id
            )
        ).first()
        assert listing.row_position(s, spec, ListQuery(filters={"language": "fr"}), english) is None


def test_rows_by_id_keep_the_order_asked_and_mark_purged_rows(db, desk, actor):
    spec = lists.ORGANIZATIONS
    gone = desk["orgs"][-1]
    with db.write() as s:
        s.execute(sa.delete(Organization).where(Organization.id == gone))
    with db.read() as s:
        asked = [desk["orgs"][3], gone, desk["orgs"][0]]
        rows = listing.rows_by_id(s, spec, asked)
        assert [None if row is None else row[0] for row in rows] == [asked[0], None, asked[2]]
        assert listing.rows_by_id(s, spec, []) == []


def test_a_follow_up_names_an_untitled_introduction_by_its_parties(db, desk):
    """The Follow-ups list and My follow-ups name the record alike, in one query per group."""
    spec = lists.FOLLOWUPS
    linked = spec.keys.index("linked_to") + 1
    statements = []

    def seen(*_args):
        statements.append(1)

    with db.read() as s:
        shown = {row[linked] for row in everything(s, spec, ListQuery())}
        sa.event.listen(db.engine, "before_cursor_execute", seen)
        try:
            groups = followups.followup_groups(s, None, date(2025, 1, 1))
        finally:
            sa.event.remove(db.engine, "before_cursor_execute", seen)
    parties = "Éric Côté0 ↔ Org 1 Thérapeutique"
    assert shown == {parties, "Ærø 2 Bio", "Marc Côté3", "BIO Cœur"}
    assert {row.linked_to for group in groups for row in group.rows} == shown
    # A count and a page per group, whatever the rows link to.
    assert len(statements) <= 2 * len(groups)


def test_a_staff_user_is_named_alike_in_lists_and_choices(db, desk):
    with db.read() as s:
        owners = {row[5] for row in everything(s, lists.INTRODUCTIONS, ListQuery())}
        choices = dict(staff.choices(s))
    assert owners == {"Marie Tremblay", "Léa Roy"} and choices[desk["lea"]] == "Léa Roy"
