"""The static site: pages, downloads, Scholar's citation_* tags, JSON-LD, escaping, owned paths, determinism."""

from __future__ import annotations

import dataclasses
import html
import json
import re
from html.parser import HTMLParser

import pytest

from profilebot.errors import ConfigError
from profilebot.model.profile import Profile
from profilebot.render import bibtex, citations, ris
from profilebot.render.site import static


class Page(HTMLParser):
    """Meta tags, JSON-LD blocks, links, element ids and the visible text of one HTML page."""

    def __init__(self, text: str) -> None:
        super().__init__()
        self.meta: list[tuple[str, str]] = []
        self.json_ld: list[object] = []
        self.hrefs: list[str] = []
        self.tags: list[str] = []
        self.text_parts: list[str] = []
        self._in_json = False
        self.feed(text)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        self.tags.append(tag)
        if tag == "meta" and values.get("name"):
            self.meta.append((values["name"] or "", values.get("content") or ""))
        if tag == "script":
            assert values.get("type") == "application/ld+json", "the site must not ship JavaScript"
            self._in_json = True
        for name in ("href", "src"):
            if values.get(name):
                self.hrefs.append(values[name] or "")

    def handle_endtag(self, tag: str) -> None:
        self._in_json = False if tag == "script" else self._in_json

    def handle_data(self, data: str) -> None:
        if self._in_json:
            self.json_ld.append(json.loads(data))
        else:
            self.text_parts.append(data)

    @property
    def text(self) -> str:
        return " ".join(" ".join(self.text_parts).split())

    def values(self, name: str) -> list[str]:
        return [content for key, content in self.meta if key == name]


@pytest.fixture
def site(default_profile: Profile) -> dict[str, str]:
    return {a.path: a.data.decode("utf-8") for a in static.render(default_profile, {})}


def test_every_page_and_download_is_written(site: dict[str, str], default_profile: Profile) -> None:
    expected = {".nojekyll", "index.html", "publications.html", "cv.html", "publications.bib", "publications.ris",
                "assets/profilebot.css"}
    expected |= {f"publications/{p.id}.{ext}" for p in default_profile.publications for ext in ("html", "bib")}
    assert set(site) == expected
    assert site["publications.bib"] == bibtex.render(default_profile)
    assert site["publications.ris"] == ris.render(default_profile)


def test_every_path_is_owned(default_profile: Profile) -> None:
    for artifact in static.render(default_profile, {}):
        assert any(artifact.path == owned or (owned.endswith("/") and artifact.path.startswith(owned))
                   for owned in static.OWNED_PATHS), artifact.path


def test_output_is_byte_identical_and_sorted(default_profile: Profile) -> None:
    first, second = static.render(default_profile, {}), static.render(default_profile, {})
    assert first == second
    assert [a.path for a in first] == sorted(a.path for a in first)


def test_paper_pages_carry_scholar_citation_tags(site: dict[str, str], default_profile: Profile) -> None:
    for paper in default_profile.publications:
        page = Page(site[f"publications/{paper.id}.html"])
        assert page.values("citation_title") == [paper.title]
        assert page.values("citation_author") == [f"{a.family}, {a.given}" for a in paper.authors]
        if paper.date:
            assert page.values("citation_publication_date") == [str(paper.year)]
            assert page.values("citation_conference_title") == [paper.venue.name]
        else:
            assert page.values("citation_publication_date") == []
        assert page.values("citation_pdf_url") == []  # the default profile links no PDFs
        (article,) = page.json_ld
        assert article["@type"] == "ScholarlyArticle" and article["headline"] == paper.title
        assert len(article["author"]) == len(paper.authors)
        assert bibtex.render(dataclasses.replace(default_profile, publications=(paper,), patents=())) == \
            site[f"publications/{paper.id}.bib"]
        assert f"@inproceedings{{{paper.id}," in html.unescape(site[f"publications/{paper.id}.html"]) or \
            paper.status != "published"


def test_citation_tags_for_a_journal_paper_with_pdf_doi_and_pages(default_profile: Profile) -> None:
    paper = dataclasses.replace(default_profile.publications[0], type="journal-article", doi="10.1145/3639285",
                                pages="770--778", volume="12", date=default_profile.publications[0].date.__class__(2024, 6, 3),
                                links={"pdf": "papers/chen.pdf"})
    meta = static.citation_meta(paper, "https://hanxian97.github.io/")
    assert ("citation_journal_title", paper.venue.name) in meta
    assert ("citation_publication_date", "2024/06/03") in meta
    assert ("citation_firstpage", "770") in meta and ("citation_lastpage", "778") in meta
    assert ("citation_doi", "10.1145/3639285") in meta
    assert ("citation_pdf_url", "https://hanxian97.github.io/papers/chen.pdf") in meta
    assert ("citation_pdf_url", "../papers/chen.pdf") in static.citation_meta(paper, None)


def test_home_page_has_person_json_ld_and_no_private_contact(site: dict[str, str], default_profile: Profile) -> None:
    page = Page(site["index.html"])
    (person,) = page.json_ld
    assert person["@type"] == "Person" and person["name"] == "Hanxian Huang"
    assert person["email"] == "mailto:hah008@ucsd.edu"
    assert "https://github.com/hanxian97" in person["sameAs"]
    assert "telephone" not in person
    for text in site.values():
        assert "214 0677" not in text  # the phone is private in the profile
    assert "https://github.com/hanxian97" in page.hrefs and "mailto:hah008@ucsd.edu" in page.hrefs
    assert "HH" in site["index.html"] and 'role="img"' in site["index.html"]  # monogram stands in for a photo
    assert "Research interests" in page.text and "ML4Sys" in page.text


def test_photo_option_is_used_with_alt_text(default_profile: Profile) -> None:
    home = next(a for a in static.render(default_profile, {"photo": "images/me.jpg", "repo": "x/y"})
                if a.path == "index.html").data.decode()
    assert '<img class="photo" src="images/me.jpg" alt="Photo of Hanxian Huang"' in home
    with pytest.raises(ConfigError, match="photo"):
        static.render(dataclasses.replace(default_profile, person=dataclasses.replace(
            default_profile.person, photo="javascript:alert(1)")), {})
    with pytest.raises(ConfigError, match="site.url"):
        static.render(default_profile, {"url": "hanxian97.github.io"})


def test_publications_page_groups_marks_and_links(site: dict[str, str], default_profile: Profile) -> None:
    text = site["publications.html"]
    page = Page(text)
    headings = re.findall(r'<h2 id="([^"]+)">', text)
    # By kind, as the CV groups them (cv_view.publication_groups): the default profile's papers are all
    # conference papers, one of them at a workshop, four still under review.
    assert headings == ["conference-papers", "workshop-papers", "preprints-and-work-under-review", "patents"]
    under_review = text[text.index('id="preprints-and-work-under-review"'):text.index('id="patents"')]
    for paper in default_profile.publications:
        assert (paper.status == "under-review") == (f'id="{paper.id}"' in under_review)
        assert f'href="publications/{paper.id}.bib"' in text
        assert f'href="publications/{paper.id}.html"' in text
    assert '<span class="badge venue">ISSTA</span>' in text
    assert "ACM SIGSOFT Distinguished Paper Award" in text
    assert text.count('<strong class="me">H. Huang</strong>') == len(default_profile.publications) + 2
    # zhang2018adaptive: W. Zhang and H. Huang are co-first authors.
    entry = text[text.index('id="zhang2018adaptive"'):text.index('id="he2018fpga"')]
    assert entry.count('title="equal contribution">*</abbr>') == 2
    assert "publications.bib" in page.hrefs and "publications.ris" in page.hrefs


def test_cv_page_lists_education_positions_projects_awards_patents(site: dict[str, str],
                                                                  default_profile: Profile) -> None:
    text = Page(site["cv.html"]).text
    for item in [*(e.institution for e in default_profile.education), *(p.organization for p in default_profile.positions),
                 *(p.name for p in default_profile.projects), *(a.title for a in default_profile.awards),
                 *(citations.patent_label(p) for p in default_profile.patents),
                 *(p.title for p in default_profile.publications)]:
        assert html.unescape(item) in text, item
    assert "Jun 2022 – Sep 2022 (full-time)" in text and "Oct 2022 – May 2023 (part-time)" in text
    assert "Achieved an average speedup of 13.41× over the SOTA BNNs under FHE evaluation." in text
    assert "unknown" not in text.replace("unknown_", "")  # "location: unknown" is not printed
    assert "Sep 2019 – Present" in text and "Dec 2024 (expected)" in text and "GPA: 4.00/4.00" in text
    assert "Email: hah008@ucsd.edu" in text and default_profile.person.phone.value not in text


def test_hostile_text_is_escaped_and_bad_links_dropped(hostile_profile: Profile) -> None:
    pages = {a.path: a.data.decode() for a in static.render(hostile_profile, {})}
    listing = pages["publications.html"]
    assert "<script>alert(1)</script>" not in listing and "<b>bold</b>" not in listing
    assert "HTML &lt;b&gt;bold&lt;/b&gt; &amp; &lt;script&gt;" in listing
    assert "javascript:" not in listing and "cdn.example.com" not in listing
    assert 'href="papers/first.pdf"' in listing
    first = pages[f"publications/{hostile_profile.publications[0].id}.html"]
    assert 'href="../papers/first.pdf"' in first
    assert Page(first).values("citation_title") == [hostile_profile.publications[0].title]


def test_stylesheet_makes_no_third_party_requests_and_supports_dark_mode(site: dict[str, str]) -> None:
    css = site["assets/profilebot.css"]
    assert "url(" not in css and "@import" not in css
    assert "prefers-color-scheme: dark" in css and ":focus-visible" in css
    for path, text in site.items():
        if path.endswith(".html"):
            page = Page(text)
            assert page.tags.count("main") == 1 and {"header", "nav", "footer"} <= set(page.tags), path
            assert text.startswith('<!DOCTYPE html>\n<html lang="en">')
            assert 'class="skip-link" href="#main"' in text


def _luminance(hex_colour: str) -> float:
    channels = [int(hex_colour[i:i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def _contrast(a: str, b: str) -> float:
    high, low = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


@pytest.mark.parametrize("theme", ["light", "dark"])
def test_text_colours_meet_wcag_aa_contrast_in_both_themes(site: dict[str, str], theme: str) -> None:
    css = site["assets/profilebot.css"]
    light, _, dark = css.partition("prefers-color-scheme: dark")
    colours = dict(re.findall(r"--([a-z-]+): (#[0-9a-f]{6});", light if theme == "light" else dark))
    pairs = [("text", "bg"), ("muted", "bg"), ("accent", "bg"), ("text", "surface"), ("muted", "surface"),
             ("accent", "surface"), ("badge-text", "badge-bg"), ("award-text", "award-bg"),
             ("status-text", "status-bg"), ("monogram-text", "monogram-bg")]
    for fg, bg in pairs:
        assert _contrast(colours[fg], colours[bg]) >= 4.5, (theme, fg, bg, _contrast(colours[fg], colours[bg]))
    assert _contrast(colours["focus"], colours["bg"]) >= 3  # non-text contrast for the focus ring
