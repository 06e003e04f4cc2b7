"""List filter boxes fold text as the global search does, on SQLite and PostgreSQL alike.

The oracle is `crm.domain.text.fold` itself: a list keeps a record when every folded word
typed occurs in the folded text of one of its filtered columns.
"""

from __future__ import annotations

from datetime import date

import pytest
import sqlalchemy as sa

from crm.db.folding import folded
from crm.domain.text import fold, fold_words
from crm.services import contacts, events, followups, introductions, listing, lists, organizations

NAMES = (
    "Mission québécoise à Boston",
    "MONTRÉAL BIO",
    "Cœur Thérapeutique",
    "ŒUVRE commune",
    "Straße der Biotech",
    "O'Brien & Fils",
    "l’Île-Bizard",
    "Ærø Pharma",
    "Crème brûlée 100%",
    "Saint-Jérôme",
    "Montre\u0301al décomposé",  # an accent typed as a combining mark
    "naïve façade",
    "Zoë Ångström",
    "Łódź Ça_va",
)
TYPED = (
    "québécoise", "QUEBECOISE", "quebecoise", "Québec", "quebec boston", "montreal",
    "MONTRÉAL", "coeur", "Cœur", "THERAPEUTIQUE", "oeuvre", "œuvre", "strasse", "Straße",
    "obrien", "O'Brien", "o’brien", "lile", "île bizard", "aero", "creme brulee", "jerome",
    "saintjerome", "naive facade", "angstrom", "zoe", "lodz", "ca va", "cava", "100%", "%",
    "_", "e_e", "brien fils", "brienfils", "xyz",
)  # fmt: skip


def _expected(typed: str) -> set[str]:
    words = fold_words(typed)
    return {name for name in NAMES if all(word in fold(name) for word in words)}


@pytest.fixture
def named_events(db, actor):
    with db.write() as session:
        for name in NAMES:
            events.service.create(session, actor, {"name": name, "city": ""})


@pytest.mark.parametrize("typed", TYPED)
def test_events_filter_folds_like_the_search(db, named_events, typed):
    with db.read() as session:
        rows = listing.page(session, lists.EVENTS, listing.ListQuery(text=typed), limit=100)
    assert {row[1] for row in rows} == _expected(typed)


def test_the_vectors_mean_something():
    assert _expected("québécoise") == _expected("QUEBECOISE") == {NAMES[0]}
    assert _expected("coeur") == {NAMES[2]} and _expected("strasse") == {NAMES[4]}
    assert _expected("montreal") == {NAMES[1], NAMES[10]}
    assert _expected("saintjerome") == set() and _expected("%") == set(NAMES)


def test_folded_is_fold_in_sql(db):
    """Each name folded by the database holds the same words as `fold` gives, in order."""
    with db.read() as session:
        for name in NAMES:
            in_sql = session.scalar(sa.select(folded(sa.literal(name))))
            assert fold(in_sql) == fold(name), name
        assert session.scalar(sa.select(folded(sa.null()))) is None


def test_every_list_filter_is_accent_and_case_insensitive(db, actor):
    with db.write() as session:
        qc = organizations.service.create(
            session, actor, {"name": "Biotech Lévis", "city": "Québec", "region": "QC"}
        )
        ma = organizations.service.create(session, actor, {"name": "Cambridge CRO", "region": "MA"})
        introductions.create(session, actor, {
            "qc_organization_id": qc.id, "ma_organization_id": ma.id,
            "title": "Délégation québécoise chez Cœur Bio"})  # fmt: skip
        followups.service.create(session, actor, {
            "title": "Relancer la délégation québécoise", "due_date": date(2026, 1, 5)})  # fmt: skip
        event = events.service.create(
            session, actor, {"name": "Salon BIO", "city": "Montréal", "starts_on": "2026-06-01"}
        )
        trashed = events.service.create(session, actor, {"name": "Forum Thérapies Œuvre"})
        events.service.delete(session, actor, trashed.id)
        followups.service.create(session, actor, {
            "title": "Préparer le salon", "due_date": date(2026, 1, 9),
            "event_id": event.id})  # fmt: skip

    def found(spec: listing.ListSpec, typed: str) -> int:
        with db.read() as session:
            return listing.count(session, spec, listing.ListQuery(text=typed))

    for typed in ("QUEBECOISE", "quebecoise", "québécoise", "Délégation"):
        assert found(lists.INTRODUCTIONS, typed) == 1, typed
        assert found(lists.FOLLOWUPS, typed) == 1, typed
    assert found(lists.INTRODUCTIONS, "coeur") == 1
    assert found(lists.ORGANIZATIONS, "QUEBEC") == 1  # its city
    assert found(lists.EVENTS, "montreal") == 1  # its city
    assert found(lists.FOLLOWUPS, "salon bio") == 1  # the event it serves
    assert found(lists.TRASH, "therapies oeuvre") == 1
    assert found(lists.EVENTS, "oeuvre") == 0  # in the trash


def test_a_followup_is_found_by_the_parties_its_linked_to_column_shows(db, actor):
    """The follow-ups list shows an introduction's parties ("Immuno-Québec ↔ Minuteman")
    in its linked-to column: typing a party finds it, whether the introduction has a title
    or not, and whether a side is an organization or a person."""
    with db.write() as session:
        qc = organizations.service.create(session, actor, {"name": "Immuno-Québec", "region": "QC"})
        ma = organizations.service.create(
            session, actor, {"name": "Minuteman Life Science Capital", "region": "MA"}
        )
        person = contacts.service.create(
            session, actor, {"first_name": "Hannah", "last_name": "Lée", "region": "MA"}
        )
        titled = introductions.create(session, actor, {
            "qc_organization_id": qc.id, "ma_organization_id": ma.id,
            "title": "Série B"})  # fmt: skip
        untitled = introductions.create(
            session, actor, {"qc_organization_id": qc.id, "ma_contact_id": person.id}
        )
        for intro in (titled, untitled):
            followups.service.create(session, actor, {
                "title": "Relancer", "due_date": date(2026, 1, 5),
                "introduction_id": intro.id})  # fmt: skip

    def found(typed: str) -> int:
        with db.read() as session:
            return listing.count(session, lists.FOLLOWUPS, listing.ListQuery(text=typed))

    assert found("minuteman") == 1
    assert found("immuno quebec") == 2
    assert found("hannah lee") == 1
    assert found("serie b") == 1  # the title still
