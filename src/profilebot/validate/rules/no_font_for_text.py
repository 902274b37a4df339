"""Text the PDF CV has no font for prints there as a box.

The PDF CV carries its own fonts and uses none of the machine's, so it comes out the same everywhere: Latin,
Greek and Cyrillic (the theme's face), Arabic and Persian, Hebrew, the Indic scripts, Sinhala, Thai, Lao,
Khmer, Burmese, Armenian, Georgian, Ethiopic, Chinese, Japanese and Korean, mathematical symbols and emoji
(`render/cv_fonts.py`). A character none of those fonts has (Tibetan, Syriac, Mongolian, Cherokee, an ancient
script, a private-use symbol) prints as an empty box in the PDF, while the website, which leaves fonts to the
reader's browser, may show it fine. Spaces, joiners and variation selectors need no font.

PASS:
    person:
      name: Ada Lovelace (艾达·洛夫莱斯, آدا لاولیس, एडा लवलेस) 🎓

FAIL:
    person:
      name: Tenzin Gyatso (བསྟན་འཛིན་རྒྱ་མཚོ)
"""

from __future__ import annotations

from typing import Any, Iterator

from profilebot.findings import Path, format_path
from profilebot.model.profile import Profile
from profilebot.render import cv_fonts
from profilebot.validate.rules._fields import profile_strings

CODE = "PB411"
NAME = "no-font-for-text"
SEVERITY = "warning"
FIXABLE = False  # only the person can say how the text should read in a script the fonts cover
MESSAGE = "{field} has {chars}, which no font of the PDF CV has: the PDF prints {them} as a box."
HINT = ("Keep the text, and add it in a script the CV's fonts cover as well (a transliteration, e.g. in "
        "name_variants or the headline), or leave that section out of the PDF (cv: sections).")
_SHOWN = 5  # characters quoted in one message


def check(profile: Profile) -> Iterator[tuple[Path, dict[str, Any]]]:
    seen: dict[str, str] = {}  # a co-author's name recurs on hundreds of papers: look at it once
    for path, value in profile_strings(profile):
        if value.isascii() or path[-1] in ("given", "family"):  # ASCII: every theme has it
            continue  # (an author's name split in two: its `name` is reported)
        missing = seen.get(value)
        if missing is None:
            missing = seen[value] = cv_fonts.missing(value)
        if missing:
            quoted = ", ".join(f"'{c}' (U+{ord(c):04X})" for c in missing[:_SHOWN])
            more = f" and {len(missing) - _SHOWN} more" if len(missing) > _SHOWN else ""
            yield path, {"field": format_path(path), "chars": quoted + more,
                         "them": "it" if len(missing) == 1 else "each"}
