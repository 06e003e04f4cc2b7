"""The formula guard of a page of export rows (`guard_page`, one search per column of a page)
always agrees with the guard of one cell (`neutralize`): generated cells, with the
characters that matter (triggers, line breaks, phone characters, " ext. ") made likely."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from crm.services.formula_guard import guard_page, neutralize

PIECES = st.sampled_from(
    ["=", "+", "-", "@", "\t", "\r", "\n", "\r\n", " ", "1", "514", "(", ")", ".", " ext. ",
     "9", "é", "٣", "\u00a0", "a", "'", "|", "1234567", "\x1e"]
)  # fmt: skip
CELLS = st.none() | st.lists(PIECES, max_size=6).map("".join) | st.text(max_size=10)
NAMES = ("phone", "notes", "uid")
ROWS = st.lists(st.tuples(CELLS, CELLS, CELLS), max_size=30)


def expected(rows, columns):
    return [
        [
            neutralize(cell, NAMES[i]) if i in columns and cell else cell
            for i, cell in enumerate(row)
        ]
        for row in rows
    ]


@settings(max_examples=400, deadline=None)
@given(rows=ROWS, columns=st.sets(st.sampled_from([0, 1, 2])))
def test_a_page_is_guarded_as_each_cell_would_be(rows, columns):
    page = guard_page(list(rows), sorted(columns), NAMES)
    assert [list(row) for row in page] == expected(rows, columns)


def test_known_cells():
    rows = [
        ("+1 514-555-0123", "=1+1", "=kept"),
        ("+1 514-555-0123 ext. 12", "line\n=second", "x"),
        ("+cmd|' /C calc'!A0", "\tx", None),
        ("+1\nabc", "Montréal", "-5"),
        ("+٣٣", None, "@x"),
    ]
    page = guard_page(list(rows), [0, 1], NAMES)
    assert [tuple(row) for row in page] == [
        ("+1 514-555-0123", "'=1+1", "=kept"),  # a phone number stays readable
        ("+1 514-555-0123 ext. 12", "line\n=second", "x"),  # only a cell's start counts
        ("'+cmd|' /C calc'!A0", "'\tx", None),
        ("'+1\nabc", "Montréal", "-5"),
        ("'+٣٣", None, "@x"),  # only ASCII digits make a phone number
    ]
    untouched = [("a", "b", "c")]
    assert guard_page(untouched, [0, 1, 2], NAMES)[0] is untouched[0]  # no copy when clean
