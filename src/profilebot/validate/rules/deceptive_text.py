"""Text must read as it displays: no bidirectional overrides, no words mixing look-alike alphabets.

A right-to-left override (U+202E) or isolate (U+2066–U+2069) pasted into a name or title makes the text
display in another order than it is stored: "moc.elpmaxe" shows as "example.com", and a title can hide
what it says from a reviewer (the "Trojan Source" trick). A word spelled with letters from two alphabets
that look alike — a Cyrillic "а" inside a Latin name — displays like the real name but matches nothing:
not ORCID, not Scholar, not the owner's other papers. Both arrive by copy-paste or on purpose; neither
belongs in a profile. Words written wholly in one alphabet (Ελληνικά, Кириллица), Greek letters
standing alone (β-lactamase) and the notation of science (Δz, 5 μm, σx: a letter that looks like no Latin
one) are fine: only a letter that passes for one of another alphabet deceives. In a name, an invisible
character (a zero-width space, a word joiner, a soft hyphen, a byte-order mark pasted mid-name; a zero-width
joiner between Latin letters) does the same: "Ada​Lovelace" displays as "AdaLovelace" and matches no
other record of the person. (Scripts that join with U+200C/U+200D, as Persian and the Indic ones do, keep them.)

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

from profilebot.model.names import INVISIBLE_IN_NAME
from profilebot.model.profile import Profile
from profilebot.findings import Path, format_path
from profilebot.validate.rules._fields import profile_strings

CODE = "PB409"
NAME = "deceptive-text"
SEVERITY = "error"
FIXABLE = False  # which letters were meant is the person's to say
MESSAGE = "{field} {problem}."
HINT = "Retype the text from the keyboard: the invisible characters and direction marks a paste brings are not typed."
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


def problem(text: str, name: bool = False) -> str | None:
    """What makes `text` (a person's name when `name`) read otherwise than it displays, or None."""
    if text.isascii():  # every mark, invisible character and look-alike letter it looks for is outside ASCII
        return None
    bidi = _BIDI.search(text)
    if bidi:
        return f"holds the invisible direction mark U+{ord(bidi.group(0)):04X}, which changes how the text displays"
    invisible = INVISIBLE_IN_NAME.search(text) if name else None
    if invisible:
        char = invisible.group(0)
        what = unicodedata.name(char, "format character").lower()
        return (f"holds the invisible character U+{ord(char):04X} ({what}) "
                f"at character {invisible.start() + 1}, so the name matches no other record of it")
    for word in _WORD.findall(text):
        scripts = {_script(c) for c in word} - {""}
        if len(scripts) > 1 and _passes_for_another(word):
            return f"spells the word {word!r} with letters from {' and '.join(sorted(s.title() for s in scripts))}"
    return None


def check(profile: Profile) -> Iterator[tuple[Path, dict[str, str]]]:
    for path, value in profile_strings(profile):
        if value.isascii() or path[-1] in ("given", "family"):
            continue  # nothing to find in ASCII (see problem); an author's name parts: the whole name is checked
        found = problem(value, _is_name(path))
        if found:
            yield path, {"field": format_path(path), "problem": found}


def _is_name(path: Path) -> bool:
    """A person's name: the owner's (and its variants), an author's, an inventor's, an advisor's."""
    return (path == ("person", "name") or path[-2:-1] in (("name_variants",), ("advisors",))
            or (len(path) >= 3 and path[-1] == "name" and path[-3] in ("authors", "inventors")))
