"""Person names as printed in author lists: splitting into given/family and matching variants."""

from __future__ import annotations

import functools
import re
import unicodedata

# Lower-case particles belong to the family name: "Ludwig van Beethoven" → family "van Beethoven".
# The functions below are pure and memoised: every renderer asks about the same author names.
_PARTICLES = {"van", "von", "der", "den", "de", "del", "della", "di", "da", "du", "la", "le", "dos", "das", "ter",
              "ten"}


@functools.lru_cache(maxsize=1 << 16)
def split_name(name: str) -> tuple[str, str]:
    """(given, family). "Family, Given" is taken as written; otherwise the last word (with particles) is the family."""
    text = " ".join((name or "").split())
    if "," in text:
        family, _, given = text.partition(",")
        return given.strip(), family.strip()
    words = text.split(" ")
    if len(words) == 1:
        return "", words[0]
    cut = len(words) - 1
    while cut > 1 and words[cut - 1] in _PARTICLES:
        cut -= 1
    return " ".join(words[:cut]), " ".join(words[cut:])


@functools.lru_cache(maxsize=1 << 16)
def fold(text: str) -> str:
    """Lower-case, accents removed, punctuation dropped: 'Camacho-Rodríguez' → 'camachorodriguez'."""
    return re.sub(r"[^a-z0-9]", "", fold_keep_spaces(text))


@functools.lru_cache(maxsize=1 << 16)
def initials(given: str) -> str:
    """'Hanxian' → 'h'; 'Blaine H.M.' → 'bhm'; 'J.-P.' → 'jp'."""
    return "".join(part[0] for part in re.split(r"[\s.\-]+", fold_keep_spaces(given)) if part)


@functools.lru_cache(maxsize=1 << 16)
def fold_keep_spaces(text: str) -> str:
    """Lower-case, accents removed, everything else kept: 'Rodríguez, J.-P.' → 'rodriguez, j.-p.'."""
    decomposed = unicodedata.normalize("NFKD", text or "")
    return "".join(c for c in decomposed if not unicodedata.combining(c)).lower()


def same_person(a: tuple[str, str], b: tuple[str, str]) -> bool:
    """Family names equal (folded) and the first initials agree, so "H. Huang" matches "Hanxian Huang"."""
    (given_a, family_a), (given_b, family_b) = a, b
    if fold(family_a) != fold(family_b) or not fold(family_a):
        return False
    first_a, first_b = initials(given_a)[:1], initials(given_b)[:1]
    return not first_a or not first_b or first_a == first_b
