"""al-folio adapter: _bibliography/papers.bib with al-folio's keys, _data/cv.yml and _data/coauthors.yml.

Owned paths: exactly `_bibliography/papers.bib`, `_data/cv.yml`, `_data/coauthors.yml` and `assets/pdf/cv.pdf`
(the PDF CV; al-folio's CV page shows its PDF button with `cv_pdf: /assets/pdf/cv.pdf` in `_pages/cv.md`);
`_config.yml`, `_pages/`, `_data/socials.yml`, the rest of `assets/` and the rest stay the owner's.
papers.bib is edited in place (reads(); render/site/al_folio_bibliography.py): the person's entries keep every
byte the profile does not hold. cv.yml, coauthors.yml and cv.pdf are made whole: the site target writes them
only where the bot wrote them before or nothing is there, never over a file the person wrote (site-core's
rule, diff/adoption.py), so a hand-made CV page, co-author list or PDF stays.
Note for owners: al-folio shows `assets/json/resume.json` instead of `_data/cv.yml` when that file exists
(the template ships a sample one) — delete it to show this CV. al-folio's custom BibTeX keys written here
must be listed in `_config.yml` `filtered_bibtex_keywords` (the upstream list already has them).
"""

from __future__ import annotations

import dataclasses
import re
import unicodedata
from typing import Any, Collection, Mapping

import yaml

from profilebot.importers.bibtex import AL_FOLIO_PDF_FOLDER, AL_FOLIO_PDF_KEYS
from profilebot.model.profile import Author, Profile, Publication
from profilebot.render import cv_view
from profilebot.render.artifact import Artifact
from profilebot.render.escaping import bibtex_text, bibtex_verbatim
from profilebot.render.site import papers
from profilebot.render.site.safety import safe_url
from profilebot.render.site.front_matter import for_markdownify

NAME = "al-folio"
SUMMARY = "the BibTeX and CV data of the al-folio Jekyll theme"  # site.template's choice (schemas/generate.py)
BIBLIOGRAPHY = "_bibliography/papers.bib"
CV = "_data/cv.yml"
COAUTHORS = "_data/coauthors.yml"
# al-folio's citation data (its bin/update_scholar_citations.py writes Scholar's there): written, and so
# owned, only when citations.yaml has counts, so a site fed by al-folio's own script keeps its file.
CITATIONS = "_data/citations.yml"
# al-folio serves PDFs from assets/pdf/; the CV page links it with `cv_pdf: /assets/pdf/cv.pdf` in _pages/cv.md.
CV_PDF = "assets/pdf/cv.pdf"
OWNED_PATHS = (BIBLIOGRAPHY, CV, COAUTHORS, CV_PDF)
# Outputs the profile's entries do not need (path → the site setting that adds them anyway): a site the person
# brought gets them only with that setting (diff/site_files.py; ARCHITECTURE.md, "Site adapters").
EXTRAS = {CV: "cv_data", COAUTHORS: "coauthors_data", CV_PDF: "cv_pdf"}
# profile link key → al-folio's BibTeX key (each value is a URL or a file name under assets/pdf/).
LINK_KEYS = (("pdf", "pdf"), ("code", "code"), ("slides", "slides"), ("poster", "poster"), ("video", "video"),
             ("supplement", "supp"), ("project", "website"), ("html", "html"))

# The fields a BibTeX entry names its venue in (importers/bibtex.venue_fields says which one a type reads).
VENUE_FIELDS = ("journal", "booktitle", "school", "institution", "howpublished")
VERBATIM_KEYS = {field for _, field in LINK_KEYS} | {"arxiv", "preview", "altmetric", "dimensions", "google_scholar_id"}


def reads(profile: Profile, options: Mapping[str, Any], present: Collection[str]) -> dict[str, bool]:
    """The site's papers.bib, edited in place by render() (True: read even when the bot wrote it last, since
    it holds the person's own entries and whatever they added by hand since). cv.yml and coauthors.yml are
    not read: they are made whole, and the site target keeps a hand-written one (a file the bot did not
    write is never replaced)."""
    return {BIBLIOGRAPHY: True} if BIBLIOGRAPHY in present else {}


def render(profile: Profile, options: Mapping[str, Any], existing: Mapping[str, bytes] = {}) -> list[Artifact]:
    """`existing`: the site's own papers.bib (reads()), edited in place; without it the file is made anew.
    `site.allow_removals` (profilebot.yaml; diff/site_files.py) lets an entry the profile no longer holds go."""
    artifacts = [
        Artifact(BIBLIOGRAPHY, _bibliography_bytes(profile, existing.get(BIBLIOGRAPHY),
                                                   bool(options.get("allow_removals"))),
                 "application/x-bibtex"),
        Artifact.text(CV, _yaml(_printed_as_text(cv_sections(profile))), "application/yaml"),
        Artifact.text(COAUTHORS, _yaml(coauthors(profile)), "application/yaml"),
    ]
    citations = options.get("citations")
    if citations:
        artifacts.append(Artifact.text(CITATIONS, _yaml(citation_data(profile, citations)), "application/yaml"))
    return sorted(artifacts, key=lambda a: a.path)


def citation_data(profile: Profile, citations: Any) -> dict[str, Any]:
    """al-folio's `_data/citations.yml` shape (metadata.last_updated, papers.KEY.{title, year, citations}) keyed
    by the BibTeX keys of papers.bib, each count with its `source` and `date` (never a bare number)."""
    from profilebot.render.citations import works

    papers_data: dict[str, Any] = {}
    for work in works(profile):
        cited = citations.of(work.item.id) if isinstance(work.item, Publication) else None
        if cited is not None:
            papers_data[work.key] = {"title": work.item.title, "year": work.item.year, "citations": cited.count,
                                     "source": cited.source, "date": cited.date}
    dates = [paper["date"] for paper in papers_data.values()]
    return {"metadata": {"last_updated": max(dates) if dates else None, "source": citations.provenance()},
            "papers": papers_data}


# --- _bibliography/papers.bib -------------------------------------------------------------------------------

def _bibliography_bytes(profile: Profile, existing: bytes | None, remove: bool) -> bytes:
    if existing is None:
        return bibliography(profile).encode("utf-8")
    from profilebot.render.site import al_folio_bibliography

    bom = b"\xef\xbb\xbf" if existing.startswith(b"\xef\xbb\xbf") else b""
    text = existing[len(bom):].decode("utf-8")
    edited = al_folio_bibliography.edited(text, BIBLIOGRAPHY, profile, lambda paper: fresh_entry(profile, paper),
                                          remove)
    return bom + edited.encode("utf-8")


def bibliography(profile: Profile) -> str:
    """Each paper as the BibTeX exporter writes it, plus al-folio's display keys inside the same entry."""
    entries = [fresh_entry(profile, paper) for paper in profile.publications]
    return "\n\n".join(entries) + "\n" if entries else ""


def fresh_entry(profile: Profile, paper: Publication) -> str:
    """One paper's entry made anew: the exporter's fields, al-folio's keys, then what the paper's al-folio
    origin kept (its own entry type, the fields profilebot has no field for, in their order)."""
    from profilebot.render import bibtex

    esc = _for_raw_html
    # The exporter adds a paper's awards to its note: those are printed raw too.
    awarded = dataclasses.replace(profile, awards=tuple(dataclasses.replace(
        a, title=esc(a.title), awarder=a.awarder and esc(a.awarder), note=a.note and esc(a.note))
        for a in profile.awards))
    shown = _printed_safely(paper)
    entry = bibtex.render(dataclasses.replace(awarded, publications=(shown,), patents=())).strip()
    # The exporter keys a lone paper by its id (citations.works keeps a valid id); al-folio needs that key.
    entry = _with_fields(entry, [(key, _for_page(key, value)) for key, value in al_folio_fields(profile, paper)])
    origin = paper.origin if paper.origin is not None and paper.origin.of(NAME) else None
    if origin is None:
        return entry
    if origin.key:  # the site's own key (`doi:10.1073/…`), which its pages may link to
        entry = entry[:entry.index("{") + 1] + origin.key + entry[entry.index(","):]
    if origin.entry_type:
        entry = _as_type(entry, origin.entry_type)
    return _with_raw_fields(entry, [(str(k), _kept_value(v)) for k, v in origin.fields.items()])


def _as_type(entry: str, entry_type: str) -> str:
    """The entry as the site's own type (`@articlebold`), its venue in the field that type reads it from."""
    from profilebot.importers import bibtex as reader
    from profilebot.importers.bibtex_source import entry_spans

    entry = "@" + entry_type + entry[entry.index("{"):]
    wanted = reader.venue_fields(entry_type)
    for field in entry_spans(entry)[0].fields if entry_spans(entry) else ():
        if field.name in VENUE_FIELDS and field.name not in wanted:
            return entry[:field.start] + wanted[0] + entry[field.start + len(field.name):]
    return entry


def _kept_value(value: Any) -> str:
    """An origin field as typed (LaTeX and all) when its braces balance; otherwise escaped, so a hand-edited
    value can never close the entry early."""
    text = value if isinstance(value, str) else ("true" if value is True else "false" if value is False
                                                  else str(value))
    depth = 0
    for char in text:
        depth += {"{": 1, "}": -1}.get(char, 0)
        if depth < 0:
            break
    return text if depth == 0 else bibtex_text(text)

def al_folio_fields(profile: Profile, paper: Publication) -> list[tuple[str, str]]:
    fields: list[tuple[str, str]] = []
    if paper.venue and paper.venue.short:
        fields.append(("abbr", paper.venue.short))
    if paper.selected:
        fields.append(("selected", "true"))
    fields.append(("bibtex_show", "false" if paper.bibtex_show is False else "true"))
    for key, field in LINK_KEYS:
        url = safe_url(paper.links.get(key))
        if url:
            fields.append((field, _as_al_folio_link(field, url)))
    if paper.arxiv:
        fields.append(("arxiv", paper.arxiv))
    awards = profile.awards_for(paper.id)
    if awards:
        fields.append(("award", "; ".join(a.title + (f" ({a.awarder})" if a.awarder else "") for a in awards)))
        kept = paper.origin.fields.get("award_name") if paper.origin is not None and paper.origin.of(NAME) else None
        # al-folio's badge text: the site's own short name when it had one (origin), else the award's title.
        if not kept:
            fields.append(("award_name", awards[0].title if len(awards) == 1 else f"{len(awards)} awards"))
    if paper.abstract:
        fields.append(("abstract", paper.abstract))
    if paper.issn:  # Scholar-style BibTeX has no ISSN; al-folio bibliographies often do
        fields.append(("issn", paper.issn))
    if paper.preview:
        fields.append(("preview", paper.preview))
    for key in ("altmetric", "dimensions"):
        value = getattr(paper, key)
        if value:
            fields.append((key, "true" if value is True else str(value)))
    if paper.google_scholar_id:
        fields.append(("google_scholar_id", paper.google_scholar_id))
    kept = paper.origin.fields if paper.origin is not None and paper.origin.of(NAME) else {}
    if any(a.equal_contribution for a in paper.authors) and "annotation" not in kept:
        fields.append(("annotation", "* Equal contribution"))  # al-folio's legend for the `*` marks
    return fields


def _as_al_folio_link(field: str, url: str) -> str:
    """`/assets/pdf/x.pdf` (how the profile holds al-folio's `pdf={x.pdf}`) back to al-folio's bare file name:
    its bib.liquid prepends `/assets/pdf/` to a value without `://`."""
    if field in AL_FOLIO_PDF_KEYS and url.startswith(AL_FOLIO_PDF_FOLDER) and len(url) > len(AL_FOLIO_PDF_FOLDER):
        return url[len(AL_FOLIO_PDF_FOLDER):]
    return url


def _with_fields(entry: str, fields: list[tuple[str, str]], escape: bool = True) -> str:
    """Insert `key = {value}` lines before the entry's closing brace, skipping keys the entry already has;
    values are escaped for their key unless `escape` is False (an origin's values, kept as typed)."""
    if not entry.endswith("}"):
        raise ValueError(f"unexpected BibTeX entry shape: {entry[-40:]!r}")
    present = {m.group(1).lower() for m in re.finditer(r"^\s*([^\s=,{}]+)\s*=", entry, re.MULTILINE)}
    body = entry[:-1].rstrip()
    lines = [f"  {key}={{{_escaped(key, value) if escape else value}}}" for key, value in fields
             if key.lower() not in present]
    if not lines:
        return entry
    if not body.endswith(",") and not body.endswith("{") and "=" in body:
        body += ","
    return body + "\n" + ",\n".join(lines) + "\n}"


def _with_raw_fields(entry: str, fields: list[tuple[str, str]]) -> str:
    return _with_fields(entry, fields, escape=False)


# al-folio prints BibTeX fields into its pages raw — `{{ entry.title }}`, the author names, the venue, the
# abstract, the award — after jekyll-scholar's latex filter decoded them, and shows the entry's own source raw
# in its BibTeX box. So markup characters go into every prose field as HTML entities (`{\&}lt;` decodes to
# `&lt;`, which the browser shows as `<`): a title can say "<script>" and never be one. Identifiers and links
# stay as typed (the DOI is validated strictly; bibtex_verbatim percent-encodes a quote in a link).
_HTML_SPECIALS = {"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;"}
_PROSE_FIELDS = ("title", "pages", "volume", "issue", "publisher", "note", "abstract")


# bib.liquid runs these through kramdown (`entry.award | markdownify`): Markdown's own syntax goes in as entities too.
MARKDOWNIFIED_KEYS = ("award", "award_name")


def _for_page(key: str, value: str) -> str:
    if key in VERBATIM_KEYS:
        return value
    return for_markdownify(value) if key in MARKDOWNIFIED_KEYS else _for_raw_html(value)


def _for_raw_html(text: str) -> str:
    return "".join(_HTML_SPECIALS.get(c, c) for c in text)


def _printed_safely(paper: Publication) -> Publication:
    esc = _for_raw_html
    changes: dict[str, Any] = {name: esc(value) for name in _PROSE_FIELDS if (value := getattr(paper, name))}
    # al-folio marks co-first authors as its sites type them, `Xu*, Kai` (import reads the `*` back).
    changes["authors"] = tuple(dataclasses.replace(a, name=esc(a.name), given=esc(a.given), family=esc(a.family) + (
        "*" if a.equal_contribution else "")) for a in paper.authors)
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
    """al-folio's CV: the CV view (render/cv_view.py) as {title, type: map|time_table|list|nested_list, contents}.

    Publications are left out: al-folio lists them from papers.bib on its own page.
    """
    cv = cv_view.build(profile, [key for key in cv_view.SECTIONS if key != "publications"])
    sections: list[dict[str, Any]] = [{"title": "General Information", "type": "map", "contents": _general(cv)}]
    for section in cv.sections:
        sections.append({"title": section.title, **_AL_FOLIO_SECTIONS[section.key](section)})
    return sections


def _general(cv: cv_view.CV) -> list[dict[str, str]]:
    head = cv.header
    general = [{"name": "Full Name", "value": head.name}]
    if head.headline:
        general.append({"name": "Position", "value": head.headline})
    general += [{"name": c.label, "value": c.text} for c in head.contacts
                if c.kind in ("email", "phone") or (c.kind == "website" and c.url)]
    if head.location:
        general.append({"name": "Location", "value": head.location})
    return general


def _time_table(section: cv_view.Section) -> dict[str, Any]:
    return {"type": "time_table", "contents": [_entry(e) for e in section.entries]}


def _entry(e: cv_view.Entry) -> dict[str, Any]:
    description: list[Any] = [str(d) for d in e.details] + list(e.highlights)
    description += [{"title": c.title + (f" ({c.role})" if c.role else ""), "contents": list(c.highlights)}
                    for c in e.children]
    place = [*e.where, e.place, "remote" if e.remote else None]
    entry: dict[str, Any] = {"title": e.title, "institution": ", ".join(p for p in place if p),
                             "year": "; ".join(str(s) for s in e.when)}
    if description:
        entry["description"] = description
    return entry


def _list(section: cv_view.Section) -> dict[str, Any]:
    return {"type": "list", "contents": [_line(e) for e in section.entries]}


def _line(e: cv_view.Entry) -> str:
    if e.authors:  # a patent
        return f"{', '.join(n.text for n in e.authors)}. {e.title}. " + ". ".join(str(d) for d in e.details) + \
            (f", {e.when_text}" if e.when else "") + "."
    return ", ".join(x for x in (e.title, *e.where, e.when_text, *(str(d) for d in e.details)) if x)


def _nested_list(section: cv_view.Section) -> dict[str, Any]:
    return {"type": "nested_list", "contents": [{"title": e.title, "items": list(e.highlights)}
                                                for e in section.entries]}


def _awards(section: cv_view.Section) -> dict[str, Any]:
    """Awards grouped by year, newest first, as al-folio's sample CV shows them; undated ones last."""
    years = sorted({e.start.year for e in section.entries if e.start}, reverse=True)
    rows = [{"year": str(y), "items": [_award(e) for e in section.entries if e.start and e.start.year == y]}
            for y in years]
    undated = [_award(e) for e in section.entries if not e.start]
    if undated:
        rows.append({"year": "", "items": undated})
    return {"type": "time_table", "contents": rows}


def _award(e: cv_view.Entry) -> str:
    return ", ".join(x for x in (e.title, *e.where, *(str(d) for d in e.details)) if x) + \
        (f", for “{e.paper}”" if e.paper else "")


_AL_FOLIO_SECTIONS = {"interests": lambda s: {"type": "list", "contents": [e.title for e in s.entries]},
                      "education": _time_table, "experience": _time_table, "teaching": _time_table,
                      "projects": _nested_list, "patents": _list, "awards": _awards, "talks": _time_table,
                      "service": _list}


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
                    first_names(author))
    result: dict[str, list[dict[str, Any]]] = {}
    for (key, url), names in sorted(people.items()):
        result.setdefault(key, []).append({"firstname": sorted(names), "url": url})
    return result


def coauthor_key(author: Author) -> str:
    """The family name as al-folio looks it up: lower-cased, accents removed."""
    decomposed = unicodedata.normalize("NFKD", author.family)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).lower()


def first_names(author: Author) -> set[str]:
    """The given name as written and its initials form ('Xin' and 'X.'), so either printing matches."""
    given = author.given.strip()
    if not given:
        return set()
    initials = " ".join(part[0] + "." for part in re.split(r"[\s.]+", given) if part)
    return {given, initials}


def _yaml(data: Any) -> str:
    return yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=10_000)
