"""Person names as printed in author lists: splitting into given/family, matching variants, printing.

One stored form, many printed forms. Importers store an author as "Family, Given" (the form that keeps a
compound family such as "Calero Valdez" or "van Beethoven" unambiguous); hand-written profiles may use
any form ("H. Huang"). Outputs print a name the way people write it (`display`): "André Calero Valdez",
or "A. Calero Valdez" with the initials style; only BibTeX, RIS and their kin print "Family, Given".

Matching (`same_person`) compares word sequences rather than split family names, because sources split
compound names differently: Scholar writes the same person as "Calero Valdez, André", "Valdez, André
Calero" and "Calero-Valdez, Andre".
"""

from __future__ import annotations

import functools
import re
import unicodedata

# Lower-case particles belong to the family name: "Ludwig van Beethoven" → family "van Beethoven".
# The functions below are pure and memoised: every renderer asks about the same author names.
_PARTICLES = {"van", "von", "der", "den", "de", "del", "della", "di", "da", "du", "la", "le", "dos", "das", "ter",
              "ten", "zu", "vom", "af", "al", "el", "bin", "ibn"}
PARTICLES = frozenset(_PARTICLES)  # what starts a family name ("van der Schaar"), for readers of citations
# Generational suffixes stay with the family name when printed and are ignored when matching.
_SUFFIXES = {"jr", "jr.", "sr", "sr.", "ii", "iii", "iv", "v"}
_LETTERS = str.maketrans({"ß": "ss", "ø": "o", "Ø": "o", "æ": "ae", "Æ": "ae", "œ": "oe", "ł": "l", "Ł": "l",
                          "đ": "d", "ı": "i"})
_WORD_BREAK = re.compile(r"[\s.\-\u2010\u2011\u2013]+")
# Invisible inside a name: zero-width space, word joiner and invisible operators, soft hyphen, Mongolian vowel
# separator, a byte-order mark; a zero-width (non-)joiner next to a Latin letter, where no script needs it
# (Persian and the Indic scripts spell with U+200C/U+200D). PB409 flags them; importers take them out.
INVISIBLE_IN_NAME = re.compile("[\u00ad\u180e\u200b\u2060-\u2064\ufeff]|(?<=[A-Za-z])[\u200c\u200d]"
                               "|[\u200c\u200d](?=[A-Za-z])")
FULL, INITIALS = "full", "initials"
STYLES = (FULL, INITIALS)


def _is_suffix(word: str) -> bool:
    return word.lower().strip(",") in _SUFFIXES


@functools.lru_cache(maxsize=1 << 16)
def split_name(name: str) -> tuple[str, str]:
    """(given, family). "Family, Given" is taken as written; otherwise the last word (with particles) is the family.

    A generational suffix stays with the family: "John Moore III", "Moore, III, John" (BibTeX's
    "Last, Jr, First") and "John Moore, Jr." all give ("John", "Moore III"/"Moore Jr.").
    """
    text = " ".join((name or "").split())
    if "," in text:
        parts = [part.strip() for part in text.split(",")]
        if len(parts) == 2 and _is_suffix(parts[1]) and " " in parts[0]:  # "John Moore, Jr." (not "Bhatnagar, SR")
            given, family = split_name(parts[0])
            return given, f"{family} {parts[1]}".strip()
        if len(parts) >= 3 and _is_suffix(parts[1]):  # "Moore, III, John"
            return ", ".join(parts[2:]), f"{parts[0]} {parts[1]}"
        if len(parts) == 3 and _is_suffix(parts[2]):  # Scholar's "Moore, B, III"
            return parts[1], f"{parts[0]} {parts[2]}"
        return ", ".join(parts[1:]).strip(), parts[0]
    words = text.split(" ")
    suffix = ""
    if len(words) > 2 and _is_suffix(words[-1]):
        suffix, words = " " + words[-1], words[:-1]
    if len(words) == 1:
        return "", words[0] + suffix
    cut = len(words) - 1
    while cut > 1 and words[cut - 1].lower() in _PARTICLES:
        cut -= 1
    return " ".join(words[:cut]), " ".join(words[cut:]) + suffix


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


@functools.lru_cache(maxsize=1 << 16)
def words(text: str) -> tuple[str, ...]:
    """The folded words of a name part, for matching: 'Calero-Valdez' → ('calero', 'valdez'); CJK kept whole;
    generational suffixes dropped ('Moore III' → ('moore',))."""
    folded = fold_keep_spaces((text or "").translate(_LETTERS))
    found = (re.sub(r"[\W_]+", "", word) for word in _WORD_BREAK.split(folded))
    return tuple(word for word in found if word and word not in {"jr", "sr", "ii", "iii", "iv"})


def family_word(name: str) -> str:
    """The last word of the family name, folded: the one part every source writes the same way
    ('Calero Valdez, André', 'Valdez, André Calero', 'A. Calero-Valdez' → 'valdez')."""
    family = words(split_name(name)[1])
    return family[-1] if family else ""


@functools.lru_cache(maxsize=1 << 16)
def same_person(a: tuple[str, str], b: tuple[str, str], strict: bool = False) -> bool:
    """Is (given, family) `a` the same person as `b`?

    The family words of one must end the full name of the other, and the first given initials must agree
    when both are known: "H. Huang" is "Hanxian Huang", and "Calero Valdez, A." is "Valdez, André Calero".

    `strict` tells apart two people who share a family name and initials, as a lab of many members must: given
    names written out in both must be the same word ("Alice Smith" is not "Adam Smith"; "A. Smith" may be
    either; "Han-Xian" is "Hanxian"; Scholar's "Crowell, Sean MR" and "Crowell, S" are "Sean M. R. Crowell").
    """
    given_a, family_a = words(initials_apart(a[0]) if strict else a[0]), words(a[1])
    given_b, family_b = words(initials_apart(b[0]) if strict else b[0]), words(b[1])
    if not family_a or not family_b:
        return False
    return (_family_ends(family_a, given_b + family_b, given_a, strict)
            or _family_ends(family_b, given_a + family_a, given_b, strict))


def _family_ends(family: tuple[str, ...], full: tuple[str, ...], given: tuple[str, ...], strict: bool) -> bool:
    if len(full) < len(family) or full[len(full) - len(family):] != family:
        return False
    rest, given = _without_trailing_particles(full[:len(full) - len(family)]), _without_trailing_particles(given)
    if not strict:
        return not rest or not given or rest[0][0] == given[0][0]
    return not rest or not given or _first_given_agrees(rest, given)


def _first_given_agrees(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """The first given names of two people as `same_person(strict=True)` compares them: an initial meets any name
    with that letter; two written-out names must be one word, or one written as two ("Han-Xian" is "Hanxian",
    "Hanna" is not). Later given words are not compared: a compound family written without a comma ("André
    Calero Valdez") leaves its first part among them."""
    x, y = a[0], b[0]
    if len(x) == 1 or len(y) == 1:
        return x[0] == y[0]
    return x == y or (len(a) > 1 and a[0] + a[1] == y) or (len(b) > 1 and b[0] + b[1] == x)


def initials_apart(given: str) -> str:
    """'Sean MR' → 'Sean M R', 'TS' → 'T S': Scholar and PubMed write initials run together, in capitals."""
    return " ".join(" ".join(word) if word.isalpha() and word.isupper() and len(word) <= 3 else word
                    for word in given.split())


def _without_trailing_particles(words: tuple[str, ...]) -> tuple[str, ...]:
    """'M. de la' → ('m',): a particle BibTeX left after the given name belongs to the family."""
    end = len(words)
    while end > 1 and words[end - 1] in _PARTICLES:
        end -= 1
    return words[:end]


def stored_form(printed: str) -> str:
    """The one form importers store: "Family, Given" ("Calero Valdez, André"), a single name as it is."""
    given, family = split_name(printed)
    return f"{family}, {given}" if given else family


def display(name: str, given: str = "", family: str = "", style: str = FULL) -> str:
    """How an author is printed outside BibTeX and RIS: "André Calero Valdez", or "A. Calero Valdez" with
    the initials style. A name written without a comma ("H. Huang", "Plato", "王小明") is printed as written."""
    if not given and not family:
        given, family = split_name(name)
    if not given:
        return name if "," not in name else family
    if style == INITIALS:
        return f"{initialled(given)} {family}"
    if "," in name:
        return f"{given} {family}"
    return name


def initialled(given: str) -> str:
    """'André Calero' → 'A. C.'; 'Jean-Paul' → 'J.-P.'; 'H.M.' → 'H. M.'."""
    parts = []
    for word in given.replace(".", " ").split():
        pieces = [piece for piece in word.split("-") if piece]
        parts.append("-".join(f"{piece[0]}." for piece in pieces))
    return " ".join(parts)
