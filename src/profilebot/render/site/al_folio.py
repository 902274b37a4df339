"""al-folio adapter: _bibliography/papers.bib with al-folio's keys, _data/cv.yml and _data/coauthors.yml.

Owned paths: exactly `_bibliography/papers.bib`, `_data/cv.yml` and `_data/coauthors.yml`; `_config.yml`,
`_pages/`, `_data/socials.yml`, `assets/` and the rest stay the owner's.
Note for owners: al-folio shows `assets/json/resume.json` instead of `_data/cv.yml` when that file exists
(the template ships a sample one) — delete it to show this CV. al-folio's custom BibTeX keys written here
must be listed in `_config.yml` `filtered_bibtex_keywords` (the upstream list already has them).
"""

from __future__ import annotations

import dataclasses
import re
import unicodedata
from typing import Any, Mapping

import yaml

from profilebot.model.profile import Author, Profile, Publication
from profilebot.render.artifact import Artifact
from profilebot.render.escaping import bibtex_text, bibtex_verbatim
from profilebot.render.site import papers
from profilebot.render.site.safety import known, safe_url

NAME = "al-folio"
BIBLIOGRAPHY = "_bibliography/papers.bib"
CV = "_data/cv.yml"
COAUTHORS = "_data/coauthors.yml"
OWNED_PATHS = (BIBLIOGRAPHY, CV, COAUTHORS)
# profile link key → al-folio's BibTeX key (each value is a URL or a file name under assets/pdf/).
LINK_KEYS = (("pdf", "pdf"), ("code", "code"), ("slides", "slides"), ("poster", "poster"), ("video", "video"),
             ("supplement", "supp"), ("project", "website"), ("html", "html"))

VERBATIM_KEYS = {field for _, field in LINK_KEYS} | {"arxiv"}


def render(profile: Profile, options: Mapping[str, Any]) -> list[Artifact]:
    return sorted([
        Artifact.text(BIBLIOGRAPHY, bibliography(profile), "application/x-bibtex"),
        Artifact.text(CV, _yaml(_printed_as_text(cv_sections(profile))), "application/yaml"),
        Artifact.text(COAUTHORS, _yaml(coauthors(profile)), "application/yaml"),
    ], key=lambda a: a.path)


# --- _bibliography/papers.bib -------------------------------------------------------------------------------

def bibliography(profile: Profile) -> str:
    """Each paper as the BibTeX exporter writes it, plus al-folio's display keys inside the same entry."""
    from profilebot.render import bibtex

    entries = []
    esc = _for_raw_html
    # The exporter adds a paper's awards to its note: those are printed raw too.
    awarded = dataclasses.replace(profile, awards=tuple(dataclasses.replace(
        a, title=esc(a.title), awarder=a.awarder and esc(a.awarder), note=a.note and esc(a.note))
        for a in profile.awards))
    for paper in profile.publications:
        shown = _printed_safely(paper)
        entry = bibtex.render(dataclasses.replace(awarded, publications=(shown,), patents=())).strip()
        entries.append(_with_fields(entry, [(key, value if key in VERBATIM_KEYS else _for_raw_html(value))
                                            for key, value in al_folio_fields(profile, paper)]))
    return "\n\n".join(entries) + "\n" if entries else ""


def al_folio_fields(profile: Profile, paper: Publication) -> list[tuple[str, str]]:
    fields: list[tuple[str, str]] = []
    if paper.venue and paper.venue.short:
        fields.append(("abbr", paper.venue.short))
    if paper.selected:
        fields.append(("selected", "true"))
    fields.append(("bibtex_show", "true"))
    for key, field in LINK_KEYS:
        url = safe_url(paper.links.get(key))
        if url:
            fields.append((field, url))
    if paper.arxiv:
        fields.append(("arxiv", paper.arxiv))
    awards = profile.awards_for(paper.id)
    if awards:
        fields.append(("award", "; ".join(a.title + (f" ({a.awarder})" if a.awarder else "") for a in awards)))
        fields.append(("award_name", awards[0].title if len(awards) == 1 else f"{len(awards)} awards"))
    if paper.abstract:
        fields.append(("abstract", paper.abstract))
    return fields


def _with_fields(entry: str, fields: list[tuple[str, str]]) -> str:
    """Insert `key = {value}` lines before the entry's closing brace, skipping keys the exporter already wrote."""
    if not entry.endswith("}"):
        raise ValueError(f"unexpected BibTeX entry shape: {entry[-40:]!r}")
    present = {m.group(1).lower() for m in re.finditer(r"^\s*([A-Za-z_]+)\s*=", entry, re.MULTILINE)}
    body = entry[:-1].rstrip()
    lines = [f"  {key}={{{_escaped(key, value)}}}" for key, value in fields if key not in present]
    if not lines:
        return entry
    if not body.endswith(",") and not body.endswith("{") and "=" in body:
        body += ","
    return body + "\n" + ",\n".join(lines) + "\n}"


# al-folio prints BibTeX fields into its pages raw — `{{ entry.title }}`, the author names, the venue, the
# abstract, the award — after jekyll-scholar's latex filter decoded them, and shows the entry's own source raw
# in its BibTeX box. So markup characters go into every prose field as HTML entities (`{\&}lt;` decodes to
# `&lt;`, which the browser shows as `<`): a title can say "<script>" and never be one. Identifiers and links
# stay as typed (the DOI is validated strictly; bibtex_verbatim percent-encodes a quote in a link).
_HTML_SPECIALS = {"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;"}
_PROSE_FIELDS = ("title", "pages", "volume", "issue", "publisher", "note", "abstract")


def _for_raw_html(text: str) -> str:
    return "".join(_HTML_SPECIALS.get(c, c) for c in text)


def _printed_safely(paper: Publication) -> Publication:
    esc = _for_raw_html
    changes: dict[str, Any] = {name: esc(value) for name in _PROSE_FIELDS if (value := getattr(paper, name))}
    changes["authors"] = tuple(dataclasses.replace(a, name=esc(a.name), given=esc(a.given), family=esc(a.family))
                               for a in paper.authors)
    changes["keywords"] = tuple(esc(k) for k in paper.keywords)
    if paper.venue:
        changes["venue"] = dataclasses.replace(paper.venue, **{
            name: esc(value) for name in ("name", "short", "publisher", "location") if (value := getattr(
                paper.venue, name))})
    return dataclasses.replace(paper, **changes)


def _printed_as_text(data: Any) -> Any:
    """cv.yml's strings as al-folio's CV templates print them (raw, some through markdownify): text only."""
    from profilebot.render.site.front_matter import for_markdownify

    if isinstance(data, str):
        return for_markdownify(data)
    if isinstance(data, list):
        return [_printed_as_text(item) for item in data]
    if isinstance(data, dict):
        return {key: _printed_as_text(value) if key not in ("type",) else value for key, value in data.items()}
    return data


def _escaped(key: str, value: str) -> str:
    # Links and identifiers are read as typed by jekyll-scholar; prose gets BibTeX's escaping.
    return bibtex_verbatim(value) if key in VERBATIM_KEYS else bibtex_text(value)


# --- _data/cv.yml -------------------------------------------------------------------------------------------

def cv_sections(profile: Profile) -> list[dict[str, Any]]:
    """al-folio's CV: a list of {title, type: map|time_table|list|nested_list, contents}."""
    person = profile.person
    general = [{"name": "Full Name", "value": person.name}]
    if person.headline:
        general.append({"name": "Position", "value": person.headline})
    for name, value in person.public_contacts().items():
        general.append({"name": name.capitalize(), "value": value})
    if person.website and safe_url(person.website):
        general.append({"name": "Website", "value": person.website})
    if location := known(person.location):
        general.append({"name": "Location", "value": location})
    sections: list[dict[str, Any]] = [{"title": "General Information", "type": "map", "contents": general}]
    if profile.interests:
        sections.append({"title": "Research Interests", "type": "list", "contents": list(profile.interests)})
    if profile.education:
        sections.append({"title": "Education", "type": "time_table", "contents": [
            _entry(f"{e.degree} in {e.field}" if e.field else e.degree,
                   ", ".join(p for p in (e.institution, known(e.location)) if p), _span(e.start, e.end),
                   [d for d in (e.department, f"GPA {e.gpa}" if e.gpa else None,
                                f"Thesis: {e.thesis}" if e.thesis else None,
                                "Advisors: " + ", ".join(e.advisors) if e.advisors else None, e.note) if d])
            for e in profile.education]})
    if profile.positions:
        projects = {pr.id: pr for pr in profile.projects}
        sections.append({"title": "Experience", "type": "time_table", "contents": [
            _entry(p.title, ", ".join(x for x in (p.organization, p.unit, known(p.location)) if x),
                   "; ".join(_span(period.start, period.end) for period in p.periods),
                   [*(["Supervisors: " + ", ".join(p.supervisors)] if p.supervisors else []), *p.highlights,
                    *(projects[i].name for i in p.projects if i in projects)])
            for p in profile.positions]})
    if profile.projects:
        sections.append({"title": "Projects", "type": "nested_list", "contents": [
            {"title": pr.name, "items": list(pr.highlights)} for pr in profile.projects]})
    if profile.awards:
        years = sorted({a.date.year for a in profile.awards if a.date}, reverse=True)
        rows = [{"year": str(y), "items": [_award(a) for a in profile.awards if a.date and a.date.year == y]}
                for y in years]
        undated = [_award(a) for a in profile.awards if not a.date]
        if undated:
            rows.append({"year": "", "items": undated})
        sections.append({"title": "Honors and Awards", "type": "time_table", "contents": rows})
    if profile.patents:
        sections.append({"title": "Patents", "type": "list", "contents": [
            f"{', '.join(i.name for i in pt.inventors)}. {pt.title}. {pt.number}"
            + (f" ({pt.status})" if pt.status else "") + (f", {pt.date.human()}" if pt.date else "") + "."
            for pt in profile.patents]})
    if profile.talks:
        sections.append({"title": "Talks", "type": "time_table", "contents": [
            _entry(t.title, t.event, t.date.human() if t.date else "",
                   [location] if (location := known(t.location)) else [])
            for t in profile.talks]})
    if profile.service:
        sections.append({"title": "Service", "type": "list",
                         "contents": [f"{s.role}, {s.organization}" for s in profile.service]})
    return sections


def _entry(title: str, institution: str, year: str, description: list[str]) -> dict[str, Any]:
    entry: dict[str, Any] = {"title": title, "institution": institution, "year": year}
    if description:
        entry["description"] = description
    return entry


def _span(start: Any, end: Any) -> str:
    first, last = (d.human() if d is not None and not d.unknown else "" for d in (start, end))
    if first and last:
        return f"{first} – {last}"
    # One end lost: keep the dash so "2019 –" still reads as a span, not a single year.
    return f"{first} –" if first and end is not None else (f"– {last}" if last else first)


def _award(award: Any) -> str:
    return ", ".join(x for x in (award.title, award.awarder, award.note) if x)


# --- _data/coauthors.yml ------------------------------------------------------------------------------------

def coauthors(profile: Profile) -> dict[str, list[dict[str, Any]]]:
    """Co-authors al-folio can link: those with a known page (their ORCID iD); the owner is left out.

    al-folio turns every entry into a link, so a co-author without a URL is better left unlisted.
    """
    people: dict[tuple[str, str], set[str]] = {}
    for paper in profile.publications:
        for author in paper.authors:
            if author.orcid and not papers.is_owner(profile.person, author):
                people.setdefault((coauthor_key(author), f"https://orcid.org/{author.orcid}"), set()).update(
                    _first_names(author))
    result: dict[str, list[dict[str, Any]]] = {}
    for (key, url), names in sorted(people.items()):
        result.setdefault(key, []).append({"firstname": sorted(names), "url": url})
    return result


def coauthor_key(author: Author) -> str:
    """The family name as al-folio looks it up: lower-cased, accents removed."""
    decomposed = unicodedata.normalize("NFKD", author.family)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).lower()


def _first_names(author: Author) -> set[str]:
    """The given name as written and its initials form ('Xin' and 'X.'), so either printing matches."""
    given = author.given.strip()
    if not given:
        return set()
    initials = " ".join(part[0] + "." for part in re.split(r"[\s.]+", given) if part)
    return {given, initials}


def _yaml(data: Any) -> str:
    return yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=10_000)
