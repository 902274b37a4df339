"""Ids and keys: letter suffixes (a, b, …, z, aa) that tell equal keys apart the way Google Scholar does, and the
one function that makes a valid id of any name a source gives (a file name, a BibTeX key)."""

from __future__ import annotations

import re
import unicodedata


def letter_suffix(n: int) -> str:
    """0 → a, 25 → z, 26 → aa: bijective base 26, so suffixes never run out."""
    text = ""
    n += 1
    while n:
        n, rest = divmod(n - 1, 26)
        text = chr(ord("a") + rest) + text
    return text


# The schema's id pattern ($defs/id in schema/profile.schema.json) and PB407's length limit: an id becomes a
# file name in site templates, and a file name has at most 255 bytes.
VALID_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]*$")
MAX_ID_LENGTH = 100
_NOT_IN_ID = re.compile(r"[^A-Za-z0-9._-]+")
_LETTERS = str.maketrans({"ß": "ss", "ø": "o", "Ø": "O", "æ": "ae", "Æ": "AE", "œ": "oe", "Œ": "OE", "ł": "l",
                          "Ł": "L", "đ": "d", "Đ": "D", "ı": "i", "þ": "th", "ð": "d"})


def id_from_name(name: str, limit: int = MAX_ID_LENGTH) -> str:
    """The valid id nearest to a name as written (a file name's stem, a BibTeX key); '' when nothing is left.

    THE one way a source's name becomes an id: invisible characters (a BOM, U+200B) go, accents are folded
    ('Relaçoes' → 'Relacoes'), every run of other characters (a space, ':', '/') becomes one '-', case is
    kept, and a name longer than `limit` is cut at a word break. A valid name comes back unchanged, so a
    BibTeX key or a dated page name stays the key of every output.
        '2022-10-12-partial homoscedasticity' → '2022-10-12-partial-homoscedasticity'
        '\\ufeffDENITRIFICATION-IN-RIPARIAN-ZONE' → 'DENITRIFICATION-IN-RIPARIAN-ZONE'
    """
    if VALID_ID.match(name or "") and len(name) <= limit:
        return name
    visible = "".join(c for c in (name or "") if unicodedata.category(c) != "Cf").translate(_LETTERS)
    decomposed = unicodedata.normalize("NFKD", visible)
    ascii_text = "".join(c for c in decomposed if not unicodedata.combining(c)).encode("ascii", "ignore").decode()
    text = _NOT_IN_ID.sub("-", ascii_text)
    text = re.sub(r"^[._-]+", "", text)
    if len(text) > limit:
        cut = text[: limit + 1]
        word_break = max(cut.rfind(mark) for mark in "-_.")
        text = cut[:word_break] if word_break > 0 else text[:limit]
    return text.rstrip("._-")
