"""Author names from the citation strings and author fields people write on their own pages.

Real academicpages pages write authors every which way (tests/importers/test_citation_authors.py holds
the real strings): HTML with the owner marked (`<b>`, `<strong>`, `<u>`), marks in `<sup>` (`*`, `#`,
`†`), entities (`&amp;`, `&quot;`, even `&amp;apos;`), APA ("Family, I., Family, I., & Family, I. (2021)."),
"Family, Given, Family, Given." pairs, "Family I." lists, "Given Family, Given Family. Title." lists, a
year after the names (", 2020."), a quoted title ('… Family, Given &quot;A Title&quot; Proceedings'),
"et al.". `names()` reads an author field, `from_citation()` the head of a citation; both return the
names in the one stored form ("Family, Given") and whether the list was cut short ("et al."), or None
when what is written cannot be read as names — the caller then reports an error rather than guess.

Pure: strings in, names out.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass

from profilebot.model.names import PARTICLES, stored_form

# Marks after a name that are not part of it: equal contribution, corresponding author, affiliations.
_MARKS = "*†‡§¶#✉📧^"
_SUP = re.compile(r"<sup\b[^>]*>.*?</sup>", re.I | re.S)
_TAG = re.compile(r"<[^>]+>")
_ITALIC = re.compile(r"<(i|em|cite)\b", re.I)
_YEAR_PAREN = re.compile(r"\(\s*(?:1[89]|20)\d\d[a-z]?\b[^)]*\)")
_YEAR_AFTER = re.compile(r",\s*(?:1[89]|20)\d\d[a-z]?\s*[.:]")
_QUOTE = re.compile(r"[\"“”«]")
_ET_AL = re.compile(r",?\s*\bet\s+al\b\.?", re.I)
_INITIALS = re.compile(r"^(?:[A-Z\u00c0-\u00de][a-z]?\.?(?:\s*-\s*|\s+)?)+$")
_FAMILY_INITIALS = re.compile(r"^(\S.*?)\s+((?:[A-Z\u00c0-\u00de]\.\s*-?\s*)+)$")  # "Gautheron L.", "Woodgate C.D."
_WORD = re.compile(r"^[^\W\d_][\w'’.\-\u2010]*$")
MAX_WORDS = 6


@dataclass(frozen=True)
class Names:
    names: tuple[str, ...]  # stored form, "Family, Given"
    truncated: bool = False  # the source ends with "et al." / "and others"


def plain(text: str, marks: bool = True) -> str:
    """HTML → text: tags removed (with `marks`, `<sup>` and what it holds: the marks after a name), entities
    decoded (twice-encoded ones too), BOMs and runs of white space gone."""
    text = _SUP.sub("", text or "") if marks else (text or "")
    text = _TAG.sub("", text)
    for _ in range(3):  # "&amp;apos;" is "&apos;" encoded once more
        decoded = html.unescape(text)
        if decoded == text:
            break
        text = decoded
    if "\\" in text:  # LaTeX accents a BibTeX export left in: "Cant\\"urk"
        text = _latex(text)
    text = re.sub(r"\.\s+-\s*(?=[A-Z])", ".-", text)  # BibTeX's "J.~-L. Starck" printed as "J. -L."
    return " ".join(text.replace("\ufeff", "").split())


def names(value: str) -> Names | None:
    """An author field: "A. Author, <b>B. Owner</b>, C. Author", "Family, Given and Family, Given",
    "Family I., Family I.", "Ann Author; Ben Author"."""
    text = _ET_AL.sub(" et al", plain(value))
    truncated = bool(re.search(r"\bet al$|\band others$", text.strip(" ,."), re.I))
    text = re.sub(r"\s*(?:\bet al|\band others)\s*$", "", text.strip(" ,"), flags=re.I)
    found = _split(text)
    return Names(found, truncated) if found else None


def from_citation(citation: str) -> Names | None:
    """The author list at the start of a citation string, or None when it cannot be told from the rest."""
    head = _head(citation or "")
    if head is None:
        return None
    text = _ET_AL.sub(" et al", head)
    truncated = bool(re.search(r"\bet al\b", text))
    text = text.split(" et al")[0] if truncated else text
    found = _split(text.strip(" ,;:"))
    return Names(found, truncated) if found else None


def _head(citation: str) -> str | None:
    """The part of a citation before its year, quoted or italic title, or the first full stop after a name."""
    italic = _ITALIC.search(citation)
    text = plain(citation[:italic.start()] if italic else citation)
    cuts = [m.start() for m in (_YEAR_PAREN.search(text), _YEAR_AFTER.search(text), _QUOTE.search(text)) if m]
    stop = _sentence_end(text)
    if stop is not None:
        cuts.append(stop)
    if not cuts:
        return None
    head = text[:min(cuts)].strip()
    return head or None


def _sentence_end(text: str) -> int | None:
    """The first ". " that ends a word of two or more letters ("Mayk. Towards"), not an initial ("W. Mongan")."""
    for match in re.finditer(r"\.(?:\s|$)", text):
        word = re.search(r"(\S+)$", text[:match.start()])
        if word and not _INITIALS.match(word.group(1) + ".") and len(word.group(1).strip("()")) > 1:
            return match.start()
    return None


def _split(text: str) -> tuple[str, ...]:
    """Names separated by commas, semicolons, "and", "&": each "Given Family", or "Family, Given" pairs."""
    text = re.sub(r"\s*(?:;|&|\band\b|\bund\b|\bet\b(?! al))\s*", ", ", text)
    parts = [p.strip(" ,").strip(_MARKS).strip() for p in text.split(",")]
    parts = [p for p in parts if p and p != "."]
    if not parts:
        return ()
    if len(parts) > 2 and _family(parts[0]) and len(parts[1].split()) <= 3 and not _pairs(parts) and all(
            len(p.split()) > 1 for p in parts[2:]):  # Chicago: "Paul, Ankita, Md. A.S. Tajin, Anup Das"
        found = [f"{parts[0]}, {parts[1]}"] + [_one(p) for p in parts[2:]]
    elif _pairs(parts):
        found = [f"{parts[i]}, {_initials(parts[i + 1])}" for i in range(0, len(parts), 2)]
    else:
        found = [_one(p) for p in parts]
    return tuple(found) if all(_readable(name) for name in found) else ()


def _one(part: str) -> str:
    """One name as written: "Gautheron L." (family, then initials) or "Given Family"."""
    match = _FAMILY_INITIALS.match(part)
    if match and "." not in match.group(1):
        return f"{match.group(1)}, {_initials(match.group(2))}"
    return stored_form(_full_stop_off(part))


def _full_stop_off(name: str) -> str:
    """'Zhanfeng Li.' (the sentence's full stop) → 'Zhanfeng Li'; an initial keeps its point ('Ada L.')."""
    last = name.rsplit(" ", 1)[-1]
    return name[:-1] if name.endswith(".") and len(last) > 2 and not last[:-1].isupper() else name


def _pairs(parts: list[str]) -> bool:
    """'Family, Given' pairs: an even count whose every second part is initials ("Loyola, J. M."), or only
    one-word family parts ("Magnini, Matteo, Ciatto, Giovanni", "Mongan, William M.": a list of full names
    where every other one is a single word is far rarer)."""
    if len(parts) % 2:
        return False
    seconds = parts[1::2]
    if all(_INITIALS.match(p + ("." if not p.endswith(".") else "")) for p in seconds):
        return True
    return all(_family(p) for p in parts[0::2])  # "Tajin, Md. A.S., Das, Anup", "De Vries-Bouwstra, Jeska K."


def _family(part: str) -> bool:
    """A family name on its own: one word, or words after a particle ("De Vries-Bouwstra", "van der Schaar")."""
    words = part.split()
    return len(words) == 1 or (len(words) <= 3 and words[0].lower() in PARTICLES)


def _initials(given: str) -> str:
    """'E.J.' → 'E. J.', 'B. C' → 'B. C.'; other given names ('J.-R.', 'Matteo') as written."""
    if re.fullmatch(r"(?:[A-Z\u00c0-\u00de]\.?\s*)+", given):
        return " ".join(f"{c}." for c in re.findall(r"[A-Z\u00c0-\u00de]", given))
    return given


def _readable(name: str) -> bool:
    """A name of one to six words of letters (hyphens, apostrophes, initials), no digits or punctuation."""
    words = name.replace(",", " ").split()
    return 0 < len(words) <= MAX_WORDS and all(_WORD.match(w) for w in words)


def _latex(text: str) -> str:
    from pylatexenc.latex2text import LatexNodes2Text

    try:
        return str(LatexNodes2Text().latex_to_text(text))
    except Exception:  # noqa: BLE001 - pylatexenc raises bare errors on odd input; the text is still useful
        return text
