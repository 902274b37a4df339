"""The PDF CV read back with pypdf: content in order, no private value, metadata, fonts, links, bytes, offline."""

from __future__ import annotations

import dataclasses
import io
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pypdf
import pytest
from hypothesis import given, settings

from profilebot.model.profile import Profile
from profilebot.render import citations, cv_typst, cv_view, outputs
from profilebot.render.site import papers
from tests.render.test_properties import profiles

ROOT = Path(__file__).resolve().parents[2]
DOCS = ROOT / "docs"


def _pdf(profile: Profile, **options) -> bytes:
    artifacts = {a.path: a.data for a in cv_typst.render(profile, cv_typst.CvOptions(**options))}
    return artifacts[cv_typst.PDF_PATH]


def _text(pdf: bytes) -> str:
    return "\n".join(page.extract_text() for page in pypdf.PdfReader(io.BytesIO(pdf)).pages)


def _squash(text: str) -> str:
    """Whitespace removed: a title wraps at any space (and after a hyphen) on the page."""
    return re.sub(r"\s+", "", text)


@pytest.fixture(scope="module", params=cv_typst.THEMES)
def themed(request) -> tuple[str, Profile, bytes]:
    from tests.paths import DEFAULT_PROFILE
    from profilebot.validate.pipeline import check

    profile = check(DEFAULT_PROFILE.read_text("utf-8")).profile
    return request.param, profile, _pdf(profile, theme=request.param)


def test_every_work_award_degree_and_position_is_in_the_text_in_order(themed) -> None:
    _, profile, pdf = themed
    text = _squash(_text(pdf))
    cv = cv_view.build(profile)
    expected = [e.title for e in cv.section("education").entries]
    for position in cv.section("experience").entries:
        expected += [position.title, position.where[0]]
    expected += [e.title for key in ("publications", "patents") for e in cv.section(key).entries]
    expected += [a.title for a in profile.awards]
    at = 0
    for item in expected:
        found = text.find(_squash(item), at)
        assert found >= 0, f"{item!r} missing or out of order"
        at = found
    assert len(cv.section("publications").entries) == len(profile.publications)


def test_the_private_phone_is_never_printed_unless_asked_for_a_local_file(themed) -> None:
    theme, profile, pdf = themed
    phone = profile.person.phone.value
    assert not profile.person.phone.public
    digits = re.sub(r"\D", "", phone)
    assert digits not in re.sub(r"\D", "", _text(pdf))
    private = _pdf(profile, theme=theme, include_private=True)
    assert digits in re.sub(r"\D", "", _text(private))


def test_metadata_language_and_embedded_fonts(themed) -> None:
    theme, profile, pdf = themed
    reader = pypdf.PdfReader(io.BytesIO(pdf))
    meta = reader.metadata
    assert meta.title == "Hanxian Huang — Curriculum Vitae" and meta.author == "Hanxian Huang"
    assert "curriculum vitae" in meta["/Keywords"] and "ML4Sys" in meta["/Keywords"]
    assert reader.trailer["/Root"]["/Lang"] == "en"
    assert "/StructTreeRoot" in reader.trailer["/Root"]  # tagged PDF: a screen reader gets the structure
    # The newest dated work in the profile is from 2024: the PDF is dated from it, not from the clock.
    assert meta["/CreationDate"].startswith("D:2024")
    fonts = {}
    for page in reader.pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            descendant = font["/DescendantFonts"][0].get_object() if "/DescendantFonts" in font else font
            descriptor = descendant["/FontDescriptor"].get_object()
            fonts[str(font["/BaseFont"])] = any(k in descriptor for k in ("/FontFile", "/FontFile2", "/FontFile3"))
    assert fonts and all(fonts.values()), fonts  # every font embedded
    family = {"classic": "LinLibertine", "modern": "Inter"}[theme]
    assert any(family in name for name in fonts), fonts


def _link_targets(pdf: bytes) -> set[str]:
    targets = set()
    for page in pypdf.PdfReader(io.BytesIO(pdf)).pages:
        for annotation in page.get("/Annots") or []:
            action = annotation.get_object().get("/A")
            if action is not None and "/URI" in action:
                targets.add(str(action["/URI"]))
    return targets


def test_links_resolve_to_the_profiles_urls(themed) -> None:
    _, profile, pdf = themed
    person = profile.person
    expected = {f"mailto:{person.email.value}", person.website, "https://github.com/hanxian97"}
    expected |= {link.url for paper in profile.publications for link in papers.paper_links(paper)}
    assert expected <= _link_targets(pdf)


def test_paper_links_are_clickable(default_profile: Profile) -> None:
    paper = dataclasses.replace(default_profile.publications[0], doi="10.1145/3639285", arxiv="2401.01234",
                                links={"code": "https://github.com/x/y"})
    profile = dataclasses.replace(default_profile, publications=(paper,))
    assert {"https://doi.org/10.1145/3639285", "https://arxiv.org/abs/2401.01234",
            "https://github.com/x/y"} <= _link_targets(_pdf(profile))


def test_two_builds_are_byte_identical_and_source_date_epoch_dates_the_pdf(default_profile: Profile) -> None:
    assert _pdf(default_profile) == _pdf(default_profile)
    dated = _pdf(default_profile, source_date_epoch=1_700_000_000)
    assert pypdf.PdfReader(io.BytesIO(dated)).metadata["/CreationDate"].startswith("D:20231114")


def test_sections_order_and_selection_make_a_short_resume(default_profile: Profile) -> None:
    chosen = dataclasses.replace(default_profile.publications[2], selected=True)
    profile = dataclasses.replace(default_profile, publications=(chosen, *default_profile.publications[3:]))
    text = _squash(_text(_pdf(profile, sections=("publications", "education"), include=("selected",),
                               paper="us-letter")))
    assert text.index("Publications") < text.index("Education") and "Experience" not in text
    assert _squash(chosen.title) in text and _squash(profile.publications[1].title) not in text
    page = pypdf.PdfReader(io.BytesIO(_pdf(profile, paper="us-letter"))).pages[0]
    assert (round(float(page.mediabox.width)), round(float(page.mediabox.height))) == (612, 792)


HOSTILE_TITLE = '#set page(paper: "a0") $x^2$ *bold* _it_ @ref <label> \\ back`s` [x](y) // not a comment'


def test_markup_in_profile_text_prints_literally(default_profile: Profile) -> None:
    person = dataclasses.replace(default_profile.person, name="黄瀚贤 #Huang", headline="שלום עולם $5 & <b>")
    paper = dataclasses.replace(default_profile.publications[0], title=HOSTILE_TITLE)
    profile = dataclasses.replace(default_profile, person=person, publications=(paper,))
    text = _squash(_text(_pdf(profile)))
    assert _squash(HOSTILE_TITLE) in text
    assert "黄瀚贤#Huang" in text and "$5&<b>" in text


@settings(max_examples=8, deadline=None, derandomize=True)  # the same cases every run: no flaky CI
@given(profiles())
def test_generated_hostile_profiles_compile_and_keep_every_markup_character(profile: Profile) -> None:
    text = _text(_pdf(profile))
    shown = [profile.person.name, *(w.title for w in citations.works(profile))]
    shown += [a.name for w in citations.works(profile) for a in w.authors]
    # "<" and ">" count together: in a right-to-left run (after U+202E) the bidi algorithm mirrors one into the other.
    for chars in ("#", "$", "_", "@", "\\", "<>"):
        assert sum(text.count(c) for c in chars) >= sum(s.count(c) for s in shown for c in chars), chars


def test_build_writes_the_cv_and_the_sites_copy_offline_with_no_network(tmp_path: Path) -> None:
    """A real check: the build runs in a network namespace with no interface up but loopback."""
    if shutil.which("unshare") is None or subprocess.run(["unshare", "-n", "true"], capture_output=True).returncode:
        pytest.skip("needs `unshare -n` (root or user namespaces) to take the network away")
    from tests.paths import DEFAULT_PROFILE

    env = {k: v for k, v in os.environ.items() if k != "SOURCE_DATE_EPOCH"}
    run = subprocess.run(["unshare", "-n", sys.executable, "-m", "profilebot", "build", str(DEFAULT_PROFILE),
                          "-o", str(tmp_path)], capture_output=True, text=True, env=env, timeout=120)
    assert run.returncode == 0, run.stderr
    pdf = (tmp_path / "cv.pdf").read_bytes()
    assert pdf.startswith(b"%PDF") and (tmp_path / "site" / "cv.pdf").read_bytes() == pdf
    assert "#render(cv, theme)" in (tmp_path / "cv.typ").read_text("utf-8")
    assert pdf == next(a.data for a in outputs.render_all(_default(), _settings(tmp_path)) if a.path == "cv.pdf")


def _default() -> Profile:
    from tests.paths import DEFAULT_PROFILE
    from profilebot.validate.pipeline import check

    return check(DEFAULT_PROFILE.read_text("utf-8")).profile


def _settings(root: Path):
    from profilebot.config import Settings

    return Settings(root=root)


def _first_page_png(pdf: bytes, out: Path) -> bytes:
    source = out.with_suffix(".pdf")
    source.write_bytes(pdf)
    subprocess.run(["pdftoppm", "-png", "-r", "80", "-f", "1", "-l", "1", "-singlefile", str(source),
                    str(out.with_suffix(""))], check=True, timeout=60)
    return out.read_bytes()


@pytest.mark.skipif(shutil.which("pdftoppm") is None, reason="needs pdftoppm (Debian's poppler-utils)")
def test_first_page_pictures_in_docs_are_rendered_from_the_pdf(themed, tmp_path: Path, update_golden) -> None:
    theme, _, pdf = themed
    png = _first_page_png(pdf, tmp_path / f"cv-{theme}.png")
    assert png.startswith(b"\x89PNG\r\n\x1a\n")
    width, height = int.from_bytes(png[16:20], "big"), int.from_bytes(png[20:24], "big")
    assert abs(height / width - 297 / 210) < 0.01  # an A4 page
    picture = DOCS / f"cv-{theme}.png"
    if update_golden:
        picture.write_bytes(png)
    assert picture.exists(), f"no {picture.name}; run pytest tests/render --update-golden"
    assert f"docs/cv-{theme}.png" in (ROOT / "README.md").read_text("utf-8")


def test_every_section_the_profile_has_reaches_the_pdf_in_the_configured_order(default_profile: Profile) -> None:
    from profilebot.model.dates import DateValue, PartialDate
    from profilebot.model.profile import Period, Position, Service, Talk

    education = dataclasses.replace(default_profile.education[0], advisors=("Prof. Jishen Zhao",),
                                    thesis="Learning -- for Systems")
    teaching = Position("ta", "teaching", "Teaching Assistant", "UC San Diego",
                        (Period(DateValue.parse("2021-01"), DateValue.parse("2021-03")),), highlights=("CSE 120",))
    profile = dataclasses.replace(
        default_profile, education=(education,), positions=(*default_profile.positions, teaching),
        talks=(Talk("t1", "Neural WebAssembly", "PLDI SRC", date=PartialDate(2023, 6), slides="https://x.org/s.pdf"),),
        service=(Service("Reviewer", "ICML", date=DateValue.parse("2024")),))
    keys = ("education", "experience", "teaching", "publications", "patents", "awards", "talks", "service")
    pdf = _pdf(profile, sections=keys)
    text = _squash(_text(pdf))
    at = 0
    for item in ("Education", "Thesis:Learning–forSystems", "Advisors:Prof.JishenZhao", "Experience", "Teaching",
                 "TeachingAssistant", "CSE120", "Publications", "ConferencePapers",
                 "PreprintsandWorkunderReview", "Patents", "Awards", "Talks",
                 "NeuralWebAssembly", "Service", "Reviewer,ICML(2024)"):
        found = text.find(item, at)
        assert found >= 0, f"{item!r} missing or out of order"
        at = found
    assert "https://x.org/s.pdf" in _link_targets(pdf)


@pytest.mark.parametrize(("tag", "lang"), [("en-US", "en-US"), ("zh-Hans-CN", "zh-CN"), ("es-419", "es"), ("DE", "de"),
                                           ("sr-Latn", "sr")])
def test_every_bcp47_tag_the_settings_accept_compiles_with_its_language(default_profile: Profile, tag: str,
                                                                         lang: str) -> None:
    """site.lang is a BCP 47 tag (docs/configuration.md); Typst takes only ISO 639 + ISO 3166 alpha-2 (issue 21:
    `en-US` stopped build, diff and sync with an internal TypstError while check passed)."""
    reader = pypdf.PdfReader(io.BytesIO(_pdf(default_profile, lang=tag)))
    assert reader.trailer["/Root"]["/Lang"] == lang


def test_the_pdf_says_when_it_was_last_updated_from_its_own_date(default_profile: Profile) -> None:
    """Issue 21: "undated CVs are useless". The date is SOURCE_DATE_EPOCH, else the newest dated work (2024 in
    the default profile: a patent of March 2024), never the clock, so two builds stay byte-identical."""
    assert "Last updated December 2024" in _text(_pdf(default_profile, source_date_epoch=1733356800))
    assert "Last updated March 2024" in _text(_pdf(default_profile))
    assert _pdf(default_profile) == _pdf(default_profile)
