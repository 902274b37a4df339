"""The PDF CV's font fallback list: the one place that says which shipped font sets which script.

A theme names only its own text face (Linux Libertine O, Inter). Typst sets every character in the first
family of `(theme font, *FALLBACK_FAMILIES)` that has a glyph for it, so a name in Arabic, Devanagari or
Ethiopic gets the Noto face for its script instead of a box. Every file here ships in typst_assets/fonts
(SOURCES.md says where each comes from) and the compiler sees no other font, so which face sets a
character never depends on what the machine has installed: two builds anywhere give the same bytes.
"""

from __future__ import annotations

import bisect
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources


@dataclass(frozen=True)
class Fallback:
    family: str              # the family name Typst matches (the font's own name table)
    files: tuple[str, ...]   # in typst_assets/fonts: regular first, then bold where the script has one
    scripts: str             # what it is there for (documentation and the tests' samples)


# Order matters only where two faces cover one character: the script faces have no Latin, so a Latin
# letter or digit always comes from the theme; Droid Sans Fallback (CJK) comes after the script faces
# because it also has a few of their characters in a poorer design.
FALLBACKS: tuple[Fallback, ...] = (
    Fallback("Noto Sans Arabic", ("NotoSansArabic-Regular.ttf", "NotoSansArabic-Bold.ttf"),
             "Arabic, Persian, Urdu"),
    Fallback("Noto Sans Devanagari", ("NotoSansDevanagari-Regular.ttf", "NotoSansDevanagari-Bold.ttf"),
             "Devanagari (Hindi, Marathi, Nepali, Sanskrit)"),
    Fallback("Noto Sans Bengali", ("NotoSansBengali-Regular.ttf", "NotoSansBengali-Bold.ttf"),
             "Bengali, Assamese"),
    Fallback("Noto Sans Thai", ("NotoSansThai-Regular.ttf", "NotoSansThai-Bold.ttf"), "Thai"),
    Fallback("Noto Sans Tamil", ("NotoSansTamil-Regular.ttf", "NotoSansTamil-Bold.ttf"), "Tamil"),
    Fallback("Noto Sans Armenian", ("NotoSansArmenian-Regular.ttf", "NotoSansArmenian-Bold.ttf"), "Armenian"),
    Fallback("Noto Sans Georgian", ("NotoSansGeorgian-Regular.ttf", "NotoSansGeorgian-Bold.ttf"), "Georgian"),
    Fallback("Noto Sans Ethiopic", ("NotoSansEthiopic-Regular.ttf", "NotoSansEthiopic-Bold.ttf"),
             "Ethiopic (Amharic, Tigrinya)"),
    Fallback("Noto Sans Hebrew", ("NotoSansHebrew-Regular.ttf", "NotoSansHebrew-Bold.ttf"),
             "Hebrew (Linux Libertine has it, Inter does not)"),
    Fallback("Noto Sans Gujarati", ("NotoSansGujarati-Regular.ttf", "NotoSansGujarati-Bold.ttf"), "Gujarati"),
    Fallback("Noto Sans Gurmukhi", ("NotoSansGurmukhi-Regular.ttf", "NotoSansGurmukhi-Bold.ttf"),
             "Gurmukhi (Punjabi)"),
    Fallback("Noto Sans Oriya", ("NotoSansOriya-Regular.ttf", "NotoSansOriya-Bold.ttf"), "Odia"),
    Fallback("Noto Sans Telugu", ("NotoSansTelugu-Regular.ttf", "NotoSansTelugu-Bold.ttf"), "Telugu"),
    Fallback("Noto Sans Kannada", ("NotoSansKannada-Regular.ttf", "NotoSansKannada-Bold.ttf"), "Kannada"),
    Fallback("Noto Sans Malayalam", ("NotoSansMalayalam-Regular.ttf", "NotoSansMalayalam-Bold.ttf"),
             "Malayalam"),
    Fallback("Noto Sans Sinhala", ("NotoSansSinhala-Regular.ttf", "NotoSansSinhala-Bold.ttf"), "Sinhala"),
    Fallback("Noto Sans Khmer", ("NotoSansKhmer-Regular.ttf", "NotoSansKhmer-Bold.ttf"), "Khmer"),
    Fallback("Noto Sans Lao", ("NotoSansLao-Regular.ttf", "NotoSansLao-Bold.ttf"), "Lao"),
    Fallback("Noto Sans Myanmar", ("NotoSansMyanmar-Regular.ttf", "NotoSansMyanmar-Bold.ttf"),
             "Myanmar (Burmese)"),
    # Mathematical symbols in titles (∀, ∈, ℝ, ℓ, ⊆): Inter has few of them. It has Latin letters too, but the
    # theme's face comes first, so it sets only what the theme lacks.
    Fallback("Noto Sans Math", ("NotoSansMath-Regular.ttf",), "mathematical symbols"),
    Fallback("Droid Sans Fallback", ("DroidSansFallback.ttf",), "Chinese, Japanese, Korean"),
    # Last: a symbol that a text face has (©, ™, ★) stays text; only what no text face has is a colour picture.
    Fallback("Noto Color Emoji", ("NotoColorEmoji.ttf",), "emoji"),
)

FALLBACK_FAMILIES: tuple[str, ...] = tuple(f.family for f in FALLBACKS)

# Every character some shipped face has a glyph for, as ranges of code points: written from the fonts' character
# maps by `pytest tests/render --update-golden` (tests/render/test_cv_scripts.py keeps it true), so checking a
# profile reads one small file instead of parsing 40 fonts.
COVERAGE = "coverage.txt"


@lru_cache(maxsize=1)
def covered() -> tuple[tuple[int, ...], tuple[int, ...]]:
    """The code points the PDF CV can print, as the sorted first and last code points of ranges (bisected: ~600
    ranges read in a millisecond, where a set of their 43,000 code points takes 20). Typst looks in every shipped
    face, not only those of the list."""
    text = resources.files("profilebot.render").joinpath("typst_assets", "fonts", COVERAGE).read_text("ascii")
    firsts: list[int] = []
    lasts: list[int] = []
    for line in text.splitlines():
        if line and not line.startswith("#"):
            first, _, last = line.partition("-")
            firsts.append(int(first, 16))
            lasts.append(int(last or first, 16))
    return tuple(firsts), tuple(lasts)


def has_glyph(code: int) -> bool:
    firsts, lasts = covered()
    at = bisect.bisect_right(firsts, code) - 1
    return at >= 0 and code <= lasts[at]


def _drawn(char: str) -> bool:
    """Whether a character is drawn with a glyph: spaces, controls and format characters (joiners, marks of
    direction) and variation selectors are not."""
    code = ord(char)
    return (unicodedata.category(char) not in ("Cc", "Cf", "Zs", "Zl", "Zp")
            and not 0xFE00 <= code <= 0xFE0F and not 0xE0100 <= code <= 0xE01EF)


def missing(text: str) -> str:
    """The characters of `text` that no shipped face has (each once, in order): the PDF prints them as boxes."""
    if text.isascii():
        return ""
    return "".join(dict.fromkeys(c for c in text if not has_glyph(ord(c)) and _drawn(c)))
