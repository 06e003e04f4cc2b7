"""The cached, piece-by-piece `fold` gives exactly what the plain whole-text fold gave."""

from __future__ import annotations

import random
import re
import unicodedata

import pytest

from crm.domain.text import _SPECIALS, fold

_APOSTROPHES = str.maketrans(dict.fromkeys("'’ʼ‘`´′", None))


def reference_fold(text: str | None) -> str:
    """`fold` as it was first written: the whole text at once, nothing cached."""
    if not text:
        return ""
    text = text.casefold().translate(_SPECIALS)
    text = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
    text = text.translate(_APOSTROPHES)
    text = re.sub(r"[\W_]", " ", text)
    return re.sub(r"\s+", " ", text).strip()


TRICKY = (
    " \t\n\r\x0b\x0c\x1c\x1d\x1e\x1f\x85\xa0\u2000\u2028\u3000.@_,;:()/-'’ʼ‘`´′＇"
    "\u0301\u0308\u0327\u0338\u20dd\u0345ŒœÆæßẞØøŁłĐđÐðÞþıİǅǄﬁﬀ½⒈①㍱ＡＢ１２ｰ"
    "ΣσςΐŉǰÉéèêëÀâäÎïÔöÙûüÇçÑñ"
)


@pytest.mark.parametrize("seed", range(5))
def test_fold_matches_the_reference_on_random_text(seed: int) -> None:
    rng = random.Random(seed)
    alphabet = TRICKY + "abcdefghijklmnopqrstuvwxyzABCXYZ0123456789 "
    for _ in range(4000):
        size = rng.randint(0, 16)
        if rng.random() < 0.2:
            text = "".join(chr(rng.randint(0x20, 0x2FFF)) for _ in range(size))
        else:
            text = "".join(rng.choice(alphabet) for _ in range(size))
        assert fold(text) == reference_fold(text), repr(text)


@pytest.mark.parametrize(
    "text",
    ["Montréal", "  Saint-Jérôme ", "Zoë O'Brien", "élise.gagnon.12@cœur-vaillant.example",
     "Cœur · CRO ↔ (Boston)", "a_b-c/d;e:f,g", "Œuvre ÆSIR straße", "x\u00a0y", "l'île", "",
     "O .'Brien", "a.\u0301b", "a⒈b", "İstanbul", "ΣΊΣΥΦΟΣ", None],
)  # fmt: skip
def test_fold_vectors_match_the_reference(text: str | None) -> None:
    assert fold(text) == reference_fold(text)


def test_fold_matches_the_reference_on_every_ascii_pair_and_single_character() -> None:
    ascii_chars = [chr(i) for i in range(128)]
    for a in ascii_chars:
        for b in ascii_chars:
            assert fold(f"{a}{b}X") == reference_fold(f"{a}{b}X"), repr(a + b)
    for code in range(0x3000):  # the first planes' letters, marks, symbols and spaces
        text = f"a{chr(code)}B.{chr(code)}"
        assert fold(text) == reference_fold(text), hex(code)
