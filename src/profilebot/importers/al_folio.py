"""An al-folio site's own data besides its papers.bib: `_data/cv.yml` (education, positions, awards) and
`_data/coauthors.yml` (co-authors' pages: an ORCID iD goes onto the matching author of each paper).

al-folio's cv.yml is a list of sections `{title, type: map|time_table|list|nested_list, contents}`; which
section is which is read from its title (Education, Experience/Work/Employment, Honors/Awards). The values
are HTML (`<a href>`, `<span>`): the profile gets their text. Entries al-folio ships as its sample (Albert
Einstein's) are not imported, even when a site kept a few of them beside its own. The files themselves stay
the person's: the site target never replaces a cv.yml or coauthors.yml the bot did not write.
"""

from __future__ import annotations

import html
import re
from pathlib import Path
from typing import Any

import yaml

from profilebot.errors import UsageError
from profilebot.importers.candidate import Candidate, slug
from profilebot.importers.json_input import listed
from profilebot.importers.source import Imported, Request

# al-folio's sample CV (its _data/cv.yml and assets/json/resume.json as the template ships them).
SAMPLE_NAME = "Albert Einstein"
_SAMPLE_PLACES = {"University of Zurich, Zurich, Switzerland", "Institute for Advanced Study, Princeton University",
                  "Eidgenössische Technische Hochschule, Zurich, Switzerland",
                  "California Institute of Technology, Pasadena, California, US",
                  "Kaiser Wilhelm Institute for Physics, Berlin, Germany.",
                  "Karl-Ferdinand University, Prague, Czechoslovakia"}
_SAMPLE_AWARDS = {"Nobel Prize in Physics", "Matteucci Medal", "Max Planck Medal"}
_EDUCATION = re.compile(r"(?i)\b(education|degrees?|academic background)\b")
_POSITIONS = re.compile(r"(?i)\b(experience|work|employment|positions?|appointments?|career)\b")
_AWARDS = re.compile(r"(?i)\b(awards?|honou?rs?|prizes?|fellowships?|grants?)\b")
_YEAR = re.compile(r"\b(1[89]\d\d|20\d\d)\b")
_ONGOING = re.compile(r"(?i)\b(present|now|current|today|ongoing)\b")
_TAG = re.compile(r"<[^>]*>")


def cv_candidates(text: str, source: str) -> list[Candidate]:
    """Education, positions and awards of an al-folio `_data/cv.yml`."""
    try:
        sections = yaml.safe_load(text)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        where = f"{source}:{mark.line + 1}:{mark.column + 1}" if mark else source
        raise UsageError(f"{where}: not valid YAML ({getattr(error, 'problem', None) or error}).",
                         "al-folio's _data/cv.yml is a list of sections: - title: …, type: …, contents: [...].") \
            from None
    if sections is None:
        return []
    if not isinstance(sections, list):
        raise UsageError(f"{source}: expected a list of sections (- title: Education, type: time_table, "
                         "contents: …).", "Check that the file is al-folio's _data/cv.yml.")
    found: list[Candidate] = []
    for index, section in enumerate(sections):
        if not isinstance(section, dict) or not isinstance(section.get("contents"), list):
            continue
        title = text_of(section.get("title"))
        where = f"{source}: {title or f'section {index + 1}'}"
        rows = [row for row in section["contents"] if isinstance(row, dict)]
        if _AWARDS.search(title):
            found += [c for row in rows for c in _awards(row, where)]
        elif _EDUCATION.search(title):
            found += [c for row in rows if (c := _education(row, where)) is not None]
        elif _POSITIONS.search(title):
            found += [c for row in rows if (c := _position(row, where)) is not None]
    return found


def text_of(value: Any) -> str:
    """The text a value shows on the page: tags dropped, entities read, spaces collapsed."""
    if value is None or isinstance(value, (list, dict)):
        return ""
    return " ".join(html.unescape(_TAG.sub("", str(value))).split())


def _years(value: Any) -> tuple[int | None, int | str | None]:
    """`2018 - 2023` → (2018, 2023); `2024 - Present` → (2024, 'present'); `2019` → (None, 2019)."""
    text = text_of(value)
    years = [int(y) for y in _YEAR.findall(text)]
    if _ONGOING.search(text):
        return (years[0] if years else None), "present"
    if len(years) >= 2:
        return years[0], years[-1]
    return None, (years[0] if years else None)


def _education(row: dict[str, Any], where: str) -> Candidate | None:
    degree, institution = text_of(row.get("title")), text_of(row.get("institution"))
    if not degree or not institution or institution in _SAMPLE_PLACES:
        return None
    entry: dict[str, Any] = {"degree": degree, "institution": institution}
    start, end = _years(row.get("year"))
    if start is not None:
        entry["start"] = start
    if end is not None:
        entry["end"] = end
    notes = [text_of(d) for d in _lines(row.get("description")) if text_of(d)]
    if notes:
        entry["note"] = "; ".join(notes)
    return Candidate("education", entry, where, None, slug(institution, degree))


def _lines(value: Any) -> list[Any]:
    """A cv.yml list of lines (`description:`, `items:`); one line written without the list is that line, never
    its characters one by one."""
    return [value] if isinstance(value, str) else listed(value)


def _position(row: dict[str, Any], where: str) -> Candidate | None:
    title, organization = text_of(row.get("title")), text_of(row.get("institution"))
    if not title or not organization or organization in _SAMPLE_PLACES:
        return None
    start, end = _years(row.get("year"))
    period: dict[str, Any] = {"start": start if start is not None else (end if isinstance(end, int) else "unknown")}
    period["end"] = end if end is not None else "unknown"
    entry: dict[str, Any] = {"kind": "other", "title": title, "organization": organization, "periods": [period]}
    highlights = [text_of(d) for d in _lines(row.get("description")) if text_of(d)]
    if highlights:
        entry["highlights"] = highlights
    return Candidate("positions", entry, where, None, slug(organization, title))


def _awards(row: dict[str, Any], where: str) -> list[Candidate]:
    """al-folio's awards rows: `{year, items: [...]}` (its sample's shape) or `{title, year}` like a time_table."""
    _, year = _years(row.get("year"))
    titles = [text_of(item) for item in _lines(row.get("items")) if text_of(item)] if "items" in row else \
        [t for t in (text_of(row.get("title")),) if t]
    found = []
    for title in titles:
        if title in _SAMPLE_AWARDS:
            continue
        entry: dict[str, Any] = {"title": title}
        if isinstance(year, int):
            entry["date"] = year
        if text_of(row.get("institution")):
            entry["awarder"] = text_of(row.get("institution"))
        found.append(Candidate("awards", entry, where, None, slug(title, str(year or ""))))
    return found


def site_address(config_text: str) -> str | None:
    """The site's own address from its `_config.yml`: `url` + `baseurl` (https only; None when unset)."""
    try:
        config = yaml.safe_load(config_text)
    except yaml.YAMLError:
        return None
    if not isinstance(config, dict):
        return None
    url, base = str(config.get("url") or "").strip().rstrip("/"), str(config.get("baseurl") or "").strip().strip("/")
    if not re.fullmatch(r"https?://[^\s/]+", url):
        return None
    return url + ("/" + base if base else "")


def is_sample_resume(text: str, source: str) -> bool:
    """Is this assets/json/resume.json al-folio's own sample (Albert Einstein's), which a site keeps by default?"""
    from profilebot.importers import jsonresume

    basics = jsonresume.parse(text, source).get("basics")
    return isinstance(basics, dict) and text_of(basics.get("name")) == SAMPLE_NAME


# --- _data/coauthors.yml ------------------------------------------------------------------------------------

_ORCID_URL = re.compile(r"orcid\.org/(\d{4}-\d{4}-\d{4}-\d{3}[\dX])")


def coauthor_orcids(text: str, source: str) -> dict[str, list[tuple[frozenset[str], str]]]:
    """`family: [{firstname: [...], url: https://orcid.org/…}]` → family (as al-folio looks it up: lower-case,
    accents removed) → [(first names, ORCID iD)]; entries whose page is not an ORCID record have no field
    in the profile (the file itself stays the person's)."""
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError:
        raise UsageError(f"{source}: not valid YAML.", "al-folio's _data/coauthors.yml maps a family name to "
                         "[{firstname: [...], url: ...}].") from None
    table: dict[str, list[tuple[frozenset[str], str]]] = {}
    for family, people in (data or {}).items() if isinstance(data, dict) else ():
        for person in people if isinstance(people, list) else ():
            if not isinstance(person, dict):
                continue
            found = _ORCID_URL.search(str(person.get("url") or ""))
            names = person.get("firstname") or []
            if found:
                table.setdefault(str(family).lower(), []).append(
                    (frozenset(str(n) for n in (names if isinstance(names, list) else [names])), found.group(1)))
    return table


def with_orcids(candidates: list[Candidate], table: dict[str, list[tuple[frozenset[str], str]]]) -> list[Candidate]:
    """Each paper's authors that coauthors.yml links to an ORCID record, with that iD."""
    if not table:
        return candidates
    from dataclasses import replace

    from profilebot.model.names import split_name
    from profilebot.model.profile import Author
    from profilebot.render.site.al_folio import coauthor_key

    out = []
    for candidate in candidates:
        authors = candidate.entry.get("authors") if candidate.section == "publications" else None
        if not authors:
            out.append(candidate)
            continue
        changed = []
        for author in authors:
            name = author["name"] if isinstance(author, dict) else author
            given, family = split_name(name)
            key = coauthor_key(Author(name, given, family))  # as the adapter writes coauthors.yml
            orcid = next((iD for names, iD in table.get(key, []) if given in names), None)
            if orcid:
                author = {**(author if isinstance(author, dict) else {"name": name}), "orcid": orcid}
            changed.append(author)
        out.append(replace(candidate, entry={**candidate.entry, "authors": changed}))
    return out


# --- `profilebot import al-folio` (the importer interface, importers/source.py) ------------------------------------

NAME = "al-folio"
TEMPLATE = "al-folio"  # the site template its origins name (schemas/generate.py)
VALUE = "an al-folio site"
EXAMPLE = "path/to/your.github.io"  # a VALUE, for the commands `init` suggests
BIBLIOGRAPHY = "_bibliography/papers.bib"
CV_FILES = ("assets/json/resume.json", "_data/cv.yml")  # al-folio shows resume.json when it exists
COAUTHORS = "_data/coauthors.yml"
CONFIG = "_config.yml"


def imported(request: Request) -> Imported:
    """The whole al-folio site: `_bibliography/papers.bib` (each entry with its origin, so the adapter edits it
    in place), the CV page's data (`assets/json/resume.json`, else `_data/cv.yml`; al-folio's own sample is
    skipped) and the ORCID iDs of `_data/coauthors.yml`; about the person, the basics of its own resume.json and
    its address (`url` + `baseurl` of _config.yml: the site its `/assets/pdf/…` links live on)."""
    from profilebot.importers import bibtex, jsonresume

    root, disk = Path(request.value), request.files
    request.say(f"reading {root}")
    if not disk.is_dir(root):
        raise UsageError(f"{root}: not a folder.", "Pass the al-folio site (the folder holding _bibliography/).")
    paths = [BIBLIOGRAPHY, *CV_FILES, COAUTHORS, CONFIG]
    texts = {p: disk.text(root / p) for p in paths if disk.is_file(root / p)}
    if BIBLIOGRAPHY not in texts and not any(p in texts for p in CV_FILES):
        raise UsageError(f"{root}: no {BIBLIOGRAPHY} or _data/cv.yml here.",
                         "Pass the al-folio site: the folder holding _bibliography/ and _data/.")
    owner = request.profile.person.name
    found: list[Candidate] = []
    person: dict[str, Any] = {}
    if BIBLIOGRAPHY in texts:
        bibtex.at_most(request, texts[BIBLIOGRAPHY], str(root / BIBLIOGRAPHY))
        found += bibtex.candidates(texts[BIBLIOGRAPHY], str(root / BIBLIOGRAPHY), owner, BIBLIOGRAPHY)
    resume = texts.get(CV_FILES[0])
    if resume is not None and not is_sample_resume(resume, str(root / CV_FILES[0])):
        # The papers come from papers.bib (richer); the CV page's work, education and awards from here.
        found += [c for c in jsonresume.candidates(resume, str(root / CV_FILES[0]), owner)
                  if c.section != "publications"]
        person = jsonresume.person_fields(resume, str(root / CV_FILES[0]))
    elif CV_FILES[1] in texts:
        found += cv_candidates(texts[CV_FILES[1]], str(root / CV_FILES[1]))
    if COAUTHORS in texts:
        found = with_orcids(found, coauthor_orcids(texts[COAUTHORS], str(root / COAUTHORS)))
    website = site_address(texts[CONFIG]) if CONFIG in texts and "website" not in person else None
    if website:
        person["website"] = website
    request.matching(len(found))
    return Imported(found, person=person)
