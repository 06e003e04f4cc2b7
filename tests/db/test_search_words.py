"""What a search sends to the database: each word once, the words beginning another left
out, at most 10 words from the first 100 characters (on SQLite and PostgreSQL), so a pasted
page of text costs what a few words cost and finds the same records."""

from __future__ import annotations

import pytest
import sqlalchemy as sa

from crm.db import search
from crm.services import organizations


@pytest.fixture
def orgs(db, actor):
    with db.write() as s:
        for name in ("Biotech de Montréal", "Boston Therapeutics", "Montréal Oncologie"):
            organizations.service.create(s, actor, {"name": name})


def sent_words(db, text):
    """The hits, and the word prefixes the search's statements carried to the database."""
    statements: list[str] = []

    def seen(_conn, _cursor, statement, parameters, _context, _many):
        statements.append(f"{statement} {parameters}")

    sa.event.listen(db.engine, "before_cursor_execute", seen)
    try:
        with db.read() as s:
            hits = sorted(h.title for h in search.search(s, text))
    finally:
        sa.event.remove(db.engine, "before_cursor_execute", seen)
    longest = max(s.count("*") for s in statements)
    return hits, longest


def test_repeated_words_are_sent_once(db, orgs):
    hits, prefixes = sent_words(db, "m " * 3000)
    assert prefixes == 1
    assert hits == ["Biotech de Montréal", "Montréal Oncologie"]


def test_a_word_beginning_another_adds_nothing(db, orgs):
    hits, prefixes = sent_words(db, "mon montr montreal MONTRÉAL")
    assert prefixes == 1 and hits == ["Biotech de Montréal", "Montréal Oncologie"]


def test_at_most_ten_words_from_the_first_hundred_characters(db, orgs):
    words = " ".join(f"w{i}x" for i in range(3000))
    hits, prefixes = sent_words(db, words)
    assert prefixes == 10 and hits == []
    assert search.query_words("a" * 500) == ["a" * 100]
    assert search.query_words("Montréal " + "z" * 200) == ["montreal", "z" * 91]
