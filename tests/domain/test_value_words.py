"""Values that mean the same: what a choice cell written by people means, never guessed."""

from __future__ import annotations

import pytest

from crm.domain import value_words
from crm.domain.value_words import match


@pytest.mark.parametrize(
    ("field", "text", "meant"),
    [
        ("kind", "Academic Institution", "academic"),
        ("kind", "Université", "academic"),
        ("kind", "UNIVERSITE LAVAL", "academic"),
        ("kind", "Disease Foundation", "foundation"),
        ("kind", "Fondation", "foundation"),
        ("kind", "Venture Capital", "investor"),
        ("kind", "Investor", "investor"),
        ("kind", "Biotech", "biotech"),
        ("kind", "Medical Device Company", "medtech"),
        ("kind", "Contract Research Organization", "cro"),
        ("kind", "service_provider", "service_provider"),
        ("territory", "Massachusetts", "MA"),
        ("territory", "Québec", "QC"),
        ("territory", "Boston, MA", "MA"),
        ("territory", "Elsewhere", "OTHER"),
        ("stage", "Rencontre tenue", "meeting_held"),
        ("stage", "Meeting held", "meeting_held"),
        ("stage", "meeting_held", "meeting_held"),
        ("stage", "Demandée", "asked"),
        ("outcome", "Sans adéquation", "no_fit"),
        ("outcome", "Refusée", "declined"),
        ("status", "Fait", "done"),
        ("status", "Terminé", "done"),
        ("qc_consent", "Oui", "yes"),
        ("language", "Français", "fr"),
        ("membership", "Non-membre", "none"),
    ],
)
def test_a_value_is_read_in_english_and_french_words(field, text, meant):
    assert match(field, text).value == meant


def test_words_that_name_two_members_are_ambiguous_never_guessed():
    found = match("kind", "Biotech Investor")
    assert found.value is None
    assert found.ambiguous
    assert found.candidates == ("biotech", "investor")


def test_words_that_name_no_member_are_unknown():
    found = match("kind", "Widget maker")
    assert found.value is None and not found.ambiguous


def test_stages_are_read_as_whole_phrases_not_by_their_words():
    # "held" alone says nothing; only the phrase names a stage.
    assert match("stage", "held").value is None


def test_every_phrase_names_a_member_of_its_vocabulary():
    from crm.domain.labels import ENUMS

    for vocabulary, table in value_words.PHRASES.items():
        assert set(table) <= set(ENUMS[vocabulary]), vocabulary
    for vocabulary, table in value_words.WORDS.items():
        assert set(table) <= set(ENUMS[vocabulary]), vocabulary
