"""The PDF CV's font fallback list: the one place that says which shipped font sets which script.

A theme names only its own text face (Linux Libertine O, Inter). Typst sets every character in the first
family of `(theme font, *FALLBACK_FAMILIES)` that has a glyph for it, so a name in Arabic, Devanagari or
Ethiopic gets the Noto face for its script instead of a box. Every file here ships in typst_assets/fonts
(SOURCES.md says where each comes from) and the compiler sees no other font, so which face sets a
character never depends on what the machine has installed: two builds anywhere give the same bytes.
"""

from __future__ import annotations

from dataclasses import dataclass


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
