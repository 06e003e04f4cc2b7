"""The search index: the same accent-, case- and apostrophe-insensitive prefix matches on
SQLite FTS5 and PostgreSQL, ranking, kinds, and the index kept in step with the records."""

from __future__ import annotations

import pytest

from crm.db import search
from crm.db.search import SearchDocument
from crm.services import contacts, events, organizations


@pytest.fixture
def records(db, actor):
    """A few records whose names hold the hard cases."""
    names = {}
    with db.write() as session:
        for key, values in {
            "montreal": {
                "name": "Biotech de Montréal",
                "city": "Montréal",
                "therapeutic_areas": "oncology",
            },
            "quebec": {"name": "QUÉBEC Thérapeutique", "city": "Québec", "region": "QC"},
            "jerome": {"name": "Clinique Saint-Jérôme", "city": "Saint-Jérôme"},
            "coeur": {"name": "Cœur Vital", "notes": "cardiologie"},
            "boston": {"name": "Boston Therapeutics", "city": "Boston", "region": "MA"},
        }.items():
            names[key] = organizations.service.create(session, actor, values).id
        names["obrien"] = contacts.service.create(
            session, actor, {"first_name": "Sean", "last_name": "O'Brien", "city": "Boston"}
        ).id
        names["event"] = events.service.create(
            session, actor, {"name": "Mission Montréal–Boston"}
        ).id
    return names


def _ids(db, text, **kwargs):
    with db.read() as session:
        return [(h.kind, h.record_id) for h in search.search(session, text, **kwargs)]


def _orgs(db, text):
    return sorted(rid for kind, rid in _ids(db, text) if kind == "organization")


# The same vectors on both databases: what is typed, and the record it must find alone.
VECTORS = [
    ("Montréal", "montreal"),
    ("montreal", "montreal"),
    ("MONTREAL", "montreal"),
    ("Québec", "quebec"),
    ("QUEBEC", "quebec"),
    ("quebec", "quebec"),
    ("Saint-Jérôme", "jerome"),
    ("jerome", "jerome"),
    ("JÉRÔME", "jerome"),
    ("Cœur", "coeur"),
    ("coeur", "coeur"),
    ("COEUR", "coeur"),
]


def test_accent_and_case_insensitive(db, records):
    found = {query: _orgs(db, query) for query, _ in VECTORS}
    assert found == {query: [records[key]] for query, key in VECTORS}


def test_apostrophes(db, records):
    queries = ["O'Brien", "o'brien", "obrien", "O’Brien", "OBRIEN", "obri"]
    found = {query: _ids(db, query) for query in queries}
    assert found == {query: [("contact", records["obrien"])] for query in queries}


def test_prefixes_while_typing(db, records):
    assert _orgs(db, "montr") == [records["montreal"]]
    assert _orgs(db, "therap") == sorted([records["quebec"], records["boston"]])
    assert _orgs(db, "v") == [records["coeur"]]  # one letter still narrows
    assert _ids(db, "ontreal") == []  # prefixes, not substrings


def test_a_letter_typed_after_a_word_narrows_too(db, records):
    # On PostgreSQL the one letter is checked on the rows the longer word finds.
    assert _orgs(db, "therapeutique q") == [records["quebec"]]
    assert _orgs(db, "therap b") == [records["boston"]]
    assert _orgs(db, "therap x") == []
    assert _orgs(db, "c v") == [records["coeur"]]  # letters only: the index as before


def test_every_word_must_match(db, records):
    assert _ids(db, "biotech montr") == [("organization", records["montreal"])]
    assert _ids(db, "montr biotech") == [("organization", records["montreal"])]
    assert _ids(db, "biotech boston") == []
    assert sorted(_ids(db, "mission boston")) == [("event", records["event"])]


def test_body_words_match_too(db, records):
    assert _ids(db, "cardio") == [("organization", records["coeur"])]
    assert _ids(db, "oncolog") == [("organization", records["montreal"])]


def test_title_matches_rank_before_body_matches(db, actor):
    with db.write() as session:
        body = organizations.service.create(
            session, actor, {"name": "Alpha Labs", "notes": "partner of Zénith"}
        ).id
        title = organizations.service.create(session, actor, {"name": "Zénith Bio"}).id
    assert [rid for _, rid in _ids(db, "zenith")] == [title, body]
    with db.read() as session:
        hits = search.search(session, "zenith")
    assert hits[0].title == "Zénith Bio"  # titles come back as typed, not folded


def test_kinds_filter(db, records):
    everything = _ids(db, "boston")
    assert {k for k, _ in everything} == {"organization", "contact", "event"}
    assert _ids(db, "boston", kinds=["contact"]) == [("contact", records["obrien"])]
    assert {k for k, _ in _ids(db, "boston", kinds=["event", "organization"])} == {
        "event",
        "organization",
    }


def test_limit(db, actor):
    with db.write() as session:
        for i in range(5):
            organizations.service.create(session, actor, {"name": f"Genome {i}"})
    assert len(_ids(db, "genome", limit=3)) == 3


def test_empty_query_finds_nothing(db, records):
    for query in ["", "   ", "'", "-–,;!", None]:
        assert _ids(db, query) == [], query


def test_query_syntax_characters_are_plain_text(db, records):
    # Neither FTS5 nor to_tsquery may choke on what a person types.
    for query in ['"', "a*", "(x", "and or not", "NEAR(", "x:y", "a & b | !c", "col:montr"]:
        _ids(db, query)
    assert _ids(db, "biotech*  (montr") == [("organization", records["montreal"])]
    assert _ids(db, "title_folded:montr") == []  # no column filters: both words must match


def test_deleted_records_disappear_and_come_back(db, actor, records):
    org_id = records["coeur"]
    with db.write() as session:
        organizations.service.delete(session, actor, org_id)
    assert _ids(db, "coeur") == []
    with db.write() as session:
        organizations.service.restore(session, actor, org_id)
    assert _ids(db, "coeur") == [("organization", org_id)]


def test_renamed_records_are_reindexed(db, actor, records):
    org_id = records["boston"]
    with db.write() as session:
        organizations.service.update(session, actor, org_id, {"name": "Cambridge Gène"})
    assert _ids(db, "boston therap") == []
    assert _ids(db, "cambridge gene") == [("organization", org_id)]
    with db.read() as session:
        assert [h.title for h in search.search(session, "boston", kinds=["organization"])] == [
            "Cambridge Gène"
        ]


def test_put_replaces_and_remove_deletes(db):
    with db.write() as session:
        search.put(session, [SearchDocument("organization", 7, "Première", "", "corps")])
        search.put(session, [SearchDocument("organization", 7, "Seconde", "sous-titre", "autre")])
    assert _ids(db, "premiere") == [] and _ids(db, "corps") == []
    with db.read() as session:
        [hit] = search.search(session, "seconde")
    assert (hit.kind, hit.record_id, hit.title, hit.subtitle) == (
        "organization",
        7,
        "Seconde",
        "sous-titre",
    )
    with db.write() as session:
        search.remove(session, "organization", [7])
    assert _ids(db, "seconde") == []


def test_clear(db, records):
    with db.write() as session:
        search.clear(session)
    assert _ids(db, "boston") == []
