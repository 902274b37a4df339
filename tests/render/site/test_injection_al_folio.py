"""Injection suite, al-folio: papers.bib and cv.yml with hostile strings, read the way the theme reads them
(jekyll-scholar parses the BibTeX and its latex filter decodes the fields) and printed the way its Liquid
prints them — raw: `{{ entry.title }}`, `href="{{ entry.pdf }}"`, `href="https://doi.org/{{ entry.doi }}"`,
the entry's source in the BibTeX box, the CV's values. The page must hold only the template's own markup."""

from __future__ import annotations

import dataclasses
import html
from html.parser import HTMLParser

import bibtexparser
import yaml

from profilebot.model.profile import Award, Profile
from profilebot.render.site import al_folio
from tests.render.readers import latex_decode
from tests.render.site.injections import INJECTIONS, injected

# bib.liquid's printing, reduced to the fields a profile controls; every {{ }} is raw, as in the theme.
ENTRY = ('<div class="abbr"><abbr>{abbr}</abbr></div><div class="title">{title}</div>'
         '<div class="author">{author}</div><div class="periodical"><em>{venue}</em></div>'
         '<a href="{pdf}">PDF</a><a href="https://doi.org/{doi}">DOI</a><div class="award">{award}</div>'
         '<div class="abstract hidden"><p>{abstract}</p></div><div class="bibtex hidden"><pre>{bibtex}</pre></div>')
TEMPLATE_TAGS = ["div", "abbr", "div", "div", "div", "em", "a", "a", "div", "div", "p", "div", "pre"]


class Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[str] = []
        self.attributes: list[tuple[str, str | None]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        self.attributes.extend(attrs)

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def hostile_profile(profile: Profile) -> Profile:
    profile = injected(profile)
    first = profile.publications[0]
    authors = (dataclasses.replace(first.authors[0], name=INJECTIONS[4], given="<b>Ada</b>", family=INJECTIONS[7]),
               *first.authors[1:])
    first = dataclasses.replace(first, authors=authors, links={"pdf": 'https://x.org/a.pdf" onmouseover="pwned=1'})
    award = Award(id="evil-award", title=INJECTIONS[4], awarder=INJECTIONS[0], publication=first.id)
    return dataclasses.replace(profile, publications=(first, *profile.publications[1:]),
                               awards=(*profile.awards, award))


def printed(entry) -> str:
    fields = {f.key: f.value for f in entry.fields}
    decoded = {key: latex_decode(value) for key, value in fields.items()}
    return ENTRY.format(abbr=decoded.get("abbr", ""), title=decoded.get("title", ""), author=decoded.get("author", ""),
                        venue=decoded.get("booktitle") or decoded.get("journal", ""), pdf=fields.get("pdf", ""),
                        doi=fields.get("doi", ""), award=decoded.get("award", ""),
                        abstract=decoded.get("abstract", ""), bibtex=entry.raw)


def test_papers_bib_printed_raw_holds_only_the_templates_markup(default_profile: Profile) -> None:
    profile = hostile_profile(default_profile)
    files = {a.path: a.data.decode() for a in al_folio.render(profile, {})}
    library = bibtexparser.parse_string(files[al_folio.BIBLIOGRAPHY])
    assert library.failed_blocks == [] and len(library.entries) == len(INJECTIONS)
    titles = set()
    for entry in library.entries:
        page = Tags()
        page.feed(printed(entry))
        assert page.tags == TEMPLATE_TAGS, page.tags
        assert {name for name, _ in page.attributes} <= {"class", "href"}, page.attributes
        hrefs = [value for name, value in page.attributes if name == "href"]
        assert all(not value or value.startswith(("https://", "http://")) and '"' not in value for value in hrefs)
        titles.add(html.unescape(latex_decode(entry.fields_dict["title"].value)))
    assert titles == {" ".join(t.split()) for t in INJECTIONS}  # a reader sees each title as typed (one line)
    print(f"al-folio papers.bib injection suite: {len(library.entries)} entries, {len(library.entries)} passed")


def test_cv_yml_values_printed_raw_are_text(default_profile: Profile) -> None:
    profile = hostile_profile(default_profile)
    profile = dataclasses.replace(profile, interests=INJECTIONS, person=dataclasses.replace(
        profile.person, headline=INJECTIONS[4]))
    cv = yaml.safe_load({a.path: a.data.decode() for a in al_folio.render(profile, {})}[al_folio.CV])
    strings: list[str] = []
    stack: list = [cv]
    while stack:
        item = stack.pop()
        if isinstance(item, str):
            strings.append(item)
        elif isinstance(item, list):
            stack.extend(item)
        elif isinstance(item, dict):
            stack.extend(value for key, value in item.items() if key != "type")
    shown = set()
    for value in strings:
        page = Tags()
        page.feed(f"<td>{value}</td>")
        assert page.tags == ["td"] and page.attributes == [], value
        shown.add(html.unescape(value))
    assert set(INJECTIONS) <= shown
