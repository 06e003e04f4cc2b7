"""Text folding for accent- and case-insensitive search, duplicate matching and sorting.

`fold` is the single definition of "the same words" across the desk: the search index stores
folded text and every query is folded the same way, so "Montréal", "MONTREAL" and "montreal"
meet, and so do "Cœur" and "coeur" or "O'Brien" and "OBrien".
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

__all__ = ["fold", "fold_cached", "fold_words", "name_key", "sort_key"]

# Letters NFKD leaves whole because Unicode treats them as distinct letters, not as a base
# letter plus a mark; users type them without the mark and expect a match.
_SPECIALS = str.maketrans(
    {
        "œ": "oe",
        "æ": "ae",
        "ß": "ss",
        "ø": "o",
        "ł": "l",
        "đ": "d",
        "ð": "d",
        "þ": "th",
        "ı": "i",
    }
)

# Removed rather than spaced so that "O'Brien", "O’Brien" and "OBrien" fold alike; the
# acute accent and prime are included because people type them as apostrophes.
_APOSTROPHES = str.maketrans(dict.fromkeys("'’ʼ‘`´′", None))

_NON_ALNUM = re.compile(r"[\W_]")
_SPACES = re.compile(r"\s+")


def _fold_piece(text: str) -> str:
    # casefold before the special table so capitals (Œ, Ø, Ł...) need no entries of their own.
    text = text.casefold().translate(_SPECIALS)
    text = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
    # After NFKD: compatibility forms such as the full-width apostrophe have become plain ones.
    text = text.translate(_APOSTROPHES)
    text = _NON_ALNUM.sub(" ", text)
    return _SPACES.sub(" ", text).strip()


# Characters folding turns into a space whatever surrounds them (never apostrophes: it drops
# those). Each step of `_fold_piece` works character by character and the last one collapses
# spaces, so folding the pieces between these separators one by one and joining the non-empty
# results with one space gives the very same text as folding the whole. Words repeat by the
# thousand (names, cities, email domains), so each piece's fold is cached.
_SEPARATORS = re.compile(r"[\s.@_,;:()/-]+")
_fold_piece_cached = lru_cache(maxsize=1 << 17)(_fold_piece)
# What `_fold_piece` does to each ASCII character: casefold, NFKD and the specials leave it
# alone but for case; the apostrophes go; any other non-alphanumeric becomes a space.
_ASCII = str.maketrans(
    {
        chr(i): None if chr(i) in "'`" else (chr(i).lower() if chr(i).isalnum() else " ")
        for i in range(128)
    }
)


def fold(text: str | None) -> str:
    """Return `text` lowercased, without accents or punctuation, words separated by one space.

    >>> fold("  Saint-Jérôme ")
    'saint jerome'
    """
    if not text:
        return ""
    if text.isascii():  # the same steps, in one table: lower case, no apostrophes, no punctuation
        return " ".join(text.translate(_ASCII).split())
    return " ".join(filter(None, map(_fold_piece_cached, _SEPARATORS.split(text))))


# Whole texts that repeat by the thousand in an import (organization names, cities, a
# contact's "first last"): their fold kept too, not only their pieces'.
fold_cached = lru_cache(maxsize=1 << 16)(fold)


def fold_words(text: str | None) -> list[str]:
    """Return the folded words of `text`, e.g. for prefix matching while typing."""
    return fold(text).split()


def sort_key(text: str | None) -> tuple[str, str]:
    """Return a key that sorts names the French way: accents and case ignored first.

    "école" sorts before "Zèbre" and "Éric" next to "Eric" (not after "Z" as code points
    would put it); the original text breaks ties so the order is total and stable.
    """
    original = text or ""
    return fold(original), original


# Words that say the same name two ways: "St-Laurent" and "Saint-Laurent", "Ste-Foy" and
# "Sainte-Foy" (folding has already made the hyphens spaces and dropped the accents).
_SAINTS = {"st": "saint", "ste": "sainte"}
# Legal forms a name carries or not, at its end: "BioCell Inc." is "BioCell", and so is
# "BioCell Ltée", "BioCell LLC" or "BioCell L.L.C." (folded: "l l c").
_LEGAL_FORMS = (
    ("inc",), ("incorporated",), ("incorporee",), ("ltee",), ("limitee",), ("ltd",),
    ("limited",), ("llc",), ("l", "l", "c"), ("corp",), ("corporation",),
)  # fmt: skip


def name_key(text: str | None) -> str:
    """The folded name with saints spelled out and legal forms at its end dropped: two
    names with the same key are likely the same organization or person.

    >>> name_key("Pharma St-Laurent Ltée") == name_key("pharma saint laurent inc.")
    True
    """
    words = [_SAINTS.get(word, word) for word in fold(text).split()]
    trimmed = True
    while trimmed and len(words) > 1:
        trimmed = False
        for form in _LEGAL_FORMS:
            if len(words) > len(form) and tuple(words[-len(form) :]) == form:
                del words[-len(form) :]
                trimmed = True
                break
    return " ".join(words)
