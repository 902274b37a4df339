"""A word too long for a line breaks inside the page instead of being clipped at its edge (issue 21), and a word that
fits a line still wraps whole."""

from __future__ import annotations

import dataclasses
import io
import re
import shutil
import subprocess

import pypdf
import pytest

from profilebot.model.profile import Profile
from profilebot.render import cv_typst

pytestmark = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs pdftotext (Debian's poppler-utils)")

# A 200-character token with no break opportunity (an identifier pasted as a title), a German compound, a chemical
# name, an e-mail-like token, a run of digits joined by hyphens (no line may break before a digit) and Thai,
# written without spaces between words.
TOKEN = "".join(f"tok{i:03d}" for i in range(34))[:200]
COMPOUND = "Donaudampfschifffahrtselektrizitätenhauptbetriebswerkbauunterbeamtengesellschaft"
CHEMICAL = "Methylpropyldimethylaminopropylbenzenesulfonamidotetrahydrofurancarboxylatehydrochlorid"
ADDRESS = "first.middle.lastname.department.faculty@mail.research-institute.example.org"
DIGITS = "-".join(str(n) for n in range(1000, 1040))
THAI = "การเรียนรู้ของเครื่องสำหรับการประมวลผลภาษาธรรมชาติและการแปลภาษาด้วยเครื่องแบบประสาทเทียมขนาดใหญ่"
LONG = (TOKEN, COMPOUND, CHEMICAL, ADDRESS, DIGITS, THAI)
# Fits a line, even in the narrowest column: wraps as one word.
FITS = "Bundesausbildungsförderungsgesetz"
MARGINS = {"classic": 2.2, "modern": 1.8}  # themes/*.typ, cm
TOLERANCE = 1.5  # pt: a glyph's ink may stand out of its advance (an en dash's does by ~1pt)


def _profile(default_profile: Profile) -> Profile:
    person = dataclasses.replace(default_profile.person, name="Ann " + COMPOUND, headline=TOKEN,
                                 bio=f"See {TOKEN} and {CHEMICAL}, or write to {ADDRESS}.")
    first = default_profile.publications[0]
    paper = dataclasses.replace(first, title=f"On {CHEMICAL} and {TOKEN} ({DIGITS})",
                                venue=dataclasses.replace(first.venue, name=COMPOUND + TOKEN) if first.venue else None)
    position = dataclasses.replace(default_profile.positions[0], title=TOKEN,
                                   highlights=(f"{COMPOUND} {TOKEN}", THAI, f"Under the {FITS} ({FITS})"))
    award = dataclasses.replace(default_profile.awards[0], title=f"{CHEMICAL}{DIGITS}")
    return dataclasses.replace(default_profile, person=person, publications=(paper, *default_profile.publications[1:]),
                               positions=(position, *default_profile.positions[1:]),
                               awards=(award, *default_profile.awards[1:]))


def _words(pdf: bytes) -> tuple[float, list[tuple[float, float, str]]]:
    """Poppler's words with their left and right edge (pt), and the page width."""
    run = subprocess.run(["pdftotext", "-bbox", "-", "-"], input=pdf, capture_output=True, check=True, timeout=60)
    page = run.stdout.decode("utf-8")
    width = float(re.search(r'<page width="([\d.]+)"', page).group(1))
    words = [(float(left), float(right), word) for left, right, word in
             re.findall(r'<word xMin="([\d.]+)" yMin="[\d.]+" xMax="([\d.]+)" yMax="[\d.]+">([^<]*)</word>', page)]
    return width, words


@pytest.mark.parametrize("theme", cv_typst.THEMES)
def test_every_word_stays_inside_the_margins(default_profile: Profile, theme: str) -> None:
    pdf = next(a.data for a in cv_typst.render(_profile(default_profile), cv_typst.CvOptions(theme=theme))
               if a.path == cv_typst.PDF_PATH)
    width, words = _words(pdf)
    margin = MARGINS[theme] / 2.54 * 72
    outside = [(round(left), round(right), word[:24]) for left, right, word in words
               if left < margin - TOLERANCE or right > width - margin + TOLERANCE]
    assert not outside, outside
    # Broken where the line ends, each long word still reads whole: the break opportunities add no character.
    text = re.sub(r"\s+", "", "".join(page.extract_text() for page in pypdf.PdfReader(io.BytesIO(pdf)).pages))
    for word in (TOKEN, COMPOUND, CHEMICAL, ADDRESS, DIGITS):
        assert word in text, word
    assert "\u200b" not in text and "\u00ad" not in text
    # A word that fits a line is never broken.
    assert sum(word == FITS for _, _, word in words) >= 1


def test_a_positions_highlights_start_below_its_details(default_profile: Profile) -> None:
    """A position with a detail line (its supervisors) and highlights of its own: the first highlight was drawn over
    the detail line (found while testing long words)."""
    position = dataclasses.replace(default_profile.positions[0], highlights=("Plainhighlight here",))
    assert position.supervisors  # the detail line
    profile = dataclasses.replace(default_profile, positions=(position,))
    pdf = next(a.data for a in cv_typst.render(profile) if a.path == cv_typst.PDF_PATH)
    run = subprocess.run(["pdftotext", "-bbox", "-", "-"], input=pdf, capture_output=True, check=True, timeout=60)
    boxes = dict((word, (float(top), float(bottom))) for top, bottom, word in
                 re.findall(r'yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">([^<]*)</word>', run.stdout.decode()))
    assert boxes["Plainhighlight"][0] >= boxes["Supervisors:"][1] - TOLERANCE
