"""DBLP person records (`https://dblp.org/pid/{pid}.xml`, or the person's `.bib`) → Candidates.

DBLP is how computer scientists check their record. Its quirks, handled here: titles end with a period;
homonyms carry a number (`Wei Wang 0001`), kept nowhere a reader sees it; arXiv versions are
`<article publtype="informal">` in CoRR (preprints, matched to their paper as versions); DOIs and other
links sit in `<ee>`; a record counts as the person's only when one of its authors has the person's pid.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ElementTree
from pathlib import Path
from typing import Any

from profilebot.errors import UsageError
from profilebot.importers.candidate import Candidate, citation_key
from profilebot.importers.source import Imported, Request
from profilebot.model.identifiers import bare_doi, normalize_arxiv
from profilebot.model.matching import Work

MAX_BYTES = 20 * 1024 * 1024  # the most prolific DBLP persons' files are a few megabytes
_TYPES = {"inproceedings": "conference-paper", "article": "journal-article", "incollection": "book-chapter",
          "book": "book", "phdthesis": "dissertation-thesis", "mastersthesis": "dissertation-thesis",
          "data": "data-set"}
_HOMONYM = re.compile(r"\s+\d{4}$")
_ARXIV_DOI = re.compile(r"10\.48550/arxiv\.(\S+)", re.IGNORECASE)


def display_name(name: str) -> str:
    """'Wei Wang 0001' → 'Wei Wang': DBLP's homonym number is for telling people apart, not for printing."""
    return _HOMONYM.sub("", " ".join((name or "").split()))


def parse_person(text: str, source: str) -> tuple[str, str, list[Work]]:
    """(person name, pid, works) from a DBLP person XML; a Work per record, `extra["mine"]` when the person's
    pid is among its authors."""
    if len(text) > MAX_BYTES:
        raise UsageError(f"{source}: {len(text)} characters is more than a DBLP person file holds.")
    if re.search(r"<!(?:DOCTYPE|ENTITY)", text[:4096]):
        # Person files never declare entities; a file that does is not DBLP's (and entities can explode).
        raise UsageError(f"{source}: declares a DOCTYPE or entities, which a DBLP person file never does.",
                         "Download the person's file from https://dblp.org/pid/<pid>.xml.")
    try:
        root = ElementTree.fromstring(text)
    except ElementTree.ParseError as error:
        line, column = getattr(error, "position", (1, 0))
        raise UsageError(f"{source}:{line}:{column + 1}: not well-formed XML ({error.msg if hasattr(error, 'msg') else error}).",
                         "Download the person's file from https://dblp.org/pid/<pid>.xml.") from None
    if root.tag != "dblpperson":
        raise UsageError(f"{source}: the root element is <{root.tag}>; a DBLP person file's is <dblpperson>.",
                         "Download the person's file from https://dblp.org/pid/<pid>.xml.")
    pid = root.get("pid") or ""
    works = []
    for record_holder in root.findall("r"):
        for record in record_holder:
            if record.tag in _TYPES:
                works.append(_work(record, pid))
    return display_name(root.get("name") or ""), pid, works


def _work(record: ElementTree.Element, pid: str) -> Work:
    authors = [(display_name(a.text or ""), a.get("pid") or "") for a in record.findall("author")]
    informal = record.get("publtype") == "informal" or (record.findtext("journal") or "") == "CoRR"
    doi, arxiv, url = _links(record)
    year_text = (record.findtext("year") or "").strip()
    venue = record.findtext("booktitle") or record.findtext("journal") or record.findtext("school") or None
    names = [name for name, _ in authors]
    return Work(key=record.get("key") or "", title=_title(record), year=int(year_text) if year_text.isdigit() else None,
                first_author=names[0] if names else "", type="preprint" if informal else _TYPES[record.tag],
                doi=doi, arxiv=arxiv, venue=None if informal else venue, preprint=informal, source="DBLP",
                extra={"authors": names, "mine": any(p == pid for _, p in authors) if pid else True, "url": url,
                       "pages": record.findtext("pages"), "mdate": record.get("mdate")})


def _title(record: ElementTree.Element) -> str:
    """The title's text with inline markup (<i>, <sub>) flattened; DBLP's closing period dropped."""
    element = record.find("title")
    text = " ".join("".join(element.itertext()).split()) if element is not None else ""
    return text[:-1] if text.endswith(".") and not text.endswith("..") else text


def _links(record: ElementTree.Element) -> tuple[str | None, str | None, str | None]:
    doi = arxiv = url = None
    for element in record.findall("ee"):
        link = (element.text or "").strip()
        arxiv_doi = _ARXIV_DOI.search(link)
        if arxiv_doi:
            arxiv = arxiv or normalize_arxiv(arxiv_doi.group(1))
        elif "doi.org/" in link:
            doi = doi or bare_doi(link)  # stored as written; compared folded (normalize_doi)
        elif "arxiv.org/" in link:
            arxiv = arxiv or normalize_arxiv(link)
        elif link.startswith("http"):
            url = url or link
    return doi, arxiv, url


def candidates(works: list[Work], source: str) -> list[Candidate]:
    """Candidates for the works of the person (records without the person's pid are left out)."""
    return [candidate(work, source) for work in works if work.extra.get("mine")]


def candidate(work: Work, source: str) -> Candidate:
    authors = list(work.extra.get("authors") or [])
    entry: dict[str, Any] = {"type": work.type or "other", "status": "preprint" if work.preprint else "published",
                             "title": work.title, "authors": authors or ["(unknown)"]}
    if work.venue:
        entry["venue"] = {"name": work.venue}
    if work.year:
        entry["date"] = work.year
    for name, value in (("doi", work.doi), ("arxiv", work.arxiv), ("url", work.extra.get("url")),
                        ("pages", work.extra.get("pages"))):
        if value:
            entry[name] = str(value).replace("--", "-") if name == "pages" else value
    return Candidate("publications", entry, f"DBLP {source}: {work.key}", work,
                     citation_key(entry["authors"][0], work.year, work.title))


def clean_bibtex_candidates(found: list[Candidate]) -> list[Candidate]:
    """DBLP's BibTeX through the BibTeX importer, with homonym numbers taken out of author names and DBLP's
    wrapped field values (continuation lines indented by 18 spaces) joined into one line."""
    return [Candidate(item.section, _one_line(item.entry), item.origin, item.work, item.id_hint) for item in found]


def _one_line(value: Any, key: str = "") -> Any:
    if isinstance(value, dict):
        return {k: _one_line(v, k) for k, v in value.items()}
    if isinstance(value, list):
        return [display_name(v) if key == "authors" and isinstance(v, str) else _one_line(v) for v in value]
    return " ".join(value.split()) if isinstance(value, str) else value


# --- `profilebot import dblp` (the importer interface, importers/source.py) ----------------------------------------

NAME = "dblp"
VALUE = "a DBLP person id such as 123/4567 (or its saved .xml or .bib file)"
EXAMPLE = "123/4567"  # a VALUE, for the commands `init` suggests


def imported(request: Request) -> Imported:
    """A DBLP person's records: the .xml from dblp.org by pid, or a saved .xml or .bib file."""
    from profilebot.importers import bibtex
    from profilebot.clients import dblp as dblp_site

    path = Path(request.value)
    if request.files.is_file(path):
        request.say(f"reading {path}")
        text, source = request.files.text(path), str(path)
        if not text.lstrip().startswith("<"):  # DBLP's BibTeX export
            return Imported(clean_bibtex_candidates(bibtex.candidates(text, source)))
    else:
        request.say(f"reading DBLP person {request.value}")
        source, text = dblp_site.person_xml(request.value, request.environ, request.policy, request.tally)
    _name, _pid, works = parse_person(text, source)
    request.matching(len(works), "record", "records")
    return Imported(candidates(works, source))
