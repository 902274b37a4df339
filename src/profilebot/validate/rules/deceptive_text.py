"""Text must read as it displays: no bidirectional overrides, no words mixing look-alike alphabets.

A right-to-left override (U+202E) or isolate (U+2066–U+2069) pasted into a name or title makes the text
display in another order than it is stored: "moc.elpmaxe" shows as "example.com", and a title can hide
what it says from a reviewer (the "Trojan Source" trick). A word spelled with letters from two alphabets
that look alike — a Cyrillic "а" inside a Latin name — displays like the real name but matches nothing:
not ORCID, not Scholar, not the owner's other papers. Both arrive by copy-paste or on purpose; neither
belongs in a profile. Words written wholly in one alphabet (Ελληνικά, Кириллица), Greek letters
standing alone (β-lactamase) and the notation of science (Δz, 5 μm, σx: a letter that looks like no Latin
one) are fine: only a letter that passes for one of another alphabet deceives.

PASS:
    person:
      name: Ada Lovelace
    publications:
      - id: notes
        type: journal-article
        status: published
        title: β-lactam rings of 5 μm (Δz, σx) in Кириллица and English
        authors: [Ada Lovelace]
        date: 1843

FAIL:
    person:
      name: Аda Lovelace
    publications:
      - id: notes
        type: journal-article
        status: published
        title: Notes on the Analytical Engine
        authors: [Ada Lovelace]
        date: 1843
"""

from __future__ import annotations

import re
import unicodedata
from typing import Iterator

from profilebot.model.profile import Profile
from profilebot.findings import Path, format_path
from profilebot.validate.rules._fields import strings

CODE = "PB409"
NAME = "deceptive-text"
SEVERITY = "error"
FIXABLE = False  # which letters were meant is the person's to say
MESSAGE = "{field} {problem}."
HINT = "Retype the text from the keyboard, or paste it as plain text; invisible direction marks are removed that way."
_BIDI = re.compile("[\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c]")
_WORD = re.compile(r"[^\W\d_]{2,}")
# The alphabets whose letters pass for Latin ones.
_LOOK_ALIKE = ("LATIN", "CYRILLIC", "GREEK", "ARMENIAN", "CHEROKEE")


def _script(letter: str) -> str:
    name = unicodedata.name(letter, "")
    return next((script for script in _LOOK_ALIKE if name.startswith(script)), "")


# Letters that pass for a letter of another of those alphabets (Unicode's confusables, the common ones): Latin
# letters that look Cyrillic or Greek, and Cyrillic, Greek, Armenian and Cherokee letters that look Latin.
_LATIN_LOOK_ALIKES = set("aceijopsxyABCEHIJKMOPSTXY")
_OTHER_LOOK_ALIKES = set("аеорсухіјѕԁһӏԛԝАВЕКМНОРСТХУЅІЈԚԜ" "ΑΒΕΖΗΙΚΜΝΟΡΤΥΧοιν" "օսհոզ" "ᎪᏴᏟᎠᎬᎻᏆᏦᎷᏒᏚᎢᏙᏔ")


def _passes_for_another(word: str) -> bool:
    """Does a word of two alphabets hold a letter disguised as the other alphabet's (Cyrillic а in 'Аda', Latin
    a in 'Кириллицa'), rather than letters no reader would mistake (Greek Δ beside Latin z)?"""
    latin = [c for c in word if _script(c) == "LATIN"]
    other = [c for c in word if _script(c) not in ("LATIN", "")]
    return any(c in _OTHER_LOOK_ALIKES for c in other) or (len(other) > len(latin)
                                                           and any(c in _LATIN_LOOK_ALIKES for c in latin))


def problem(text: str) -> str | None:
    bidi = _BIDI.search(text)
    if bidi:
        return f"holds the invisible direction mark U+{ord(bidi.group(0)):04X}, which changes how the text displays"
    if text.isascii():
        return None
    for word in _WORD.findall(text):
        scripts = {_script(c) for c in word} - {""}
        if len(scripts) > 1 and _passes_for_another(word):
            return f"spells the word {word!r} with letters from {' and '.join(sorted(s.title() for s in scripts))}"
    return None


def check(profile: Profile) -> Iterator[tuple[Path, dict[str, str]]]:
    for path, value in strings(profile):
        if path[-1] in ("given", "family"):
            continue  # an author's name parts: the whole name is checked, once
        found = problem(value)
        if found:
            yield path, {"field": format_path(path), "problem": found}
