"""publications.csl.json: every publication and patent as CSL-JSON items (Zotero, Pandoc, citeproc).

Items carry only CSL variables (the schema forbids any other key). Mapping (citations kind → type):
conference → paper-conference (container-title = proceedings, event-title = the short venue name),
article → article-journal, preprint → article (number "arXiv:<id>"), unpublished → manuscript with
`status` "Under review" / "In preparation", book → book, chapter → chapter, thesis → thesis,
report → report, patent → patent (number = patent number, authority = patent office, publisher =
assignee, status "granted"/"pending"/"filed"), other → document. `id` and `citation-key` are the
Scholar-style key of publications.bib, so a document can cite the same key from either file. `note`
carries the workshop mark, the profile's note and awards given to the paper. Not carried: co-first-
author marks (CSL names have no such flag), a truncated list's "et al." (Publication.more_authors: CSL has
no field for it; a processor adds "et al." only by its own style rules).
Each item's keys are sorted; the list keeps profile order.
"""

from __future__ import annotations

from typing import Any

from profilebot.model.identifiers import parse_patent_number
from profilebot.model.profile import Author, Profile
from profilebot.render import citations
from profilebot.render.citations import Work
from profilebot.render.escaping import json_document

NAME = "csl_json"
DEFAULT_PATH = "publications.csl.json"
MEDIA_TYPE = "application/vnd.citationstyles.csl+json"
WORKS = "all"  # which works the file carries: every publication and patent

_TYPES = {
    citations.CONFERENCE: "paper-conference", citations.ARTICLE: "article-journal", citations.PREPRINT: "article",
    citations.UNPUBLISHED: "manuscript", citations.BOOK: "book", citations.CHAPTER: "chapter",
    citations.THESIS: "thesis", citations.REPORT: "report", citations.PATENT: "patent", citations.OTHER: "document",
}


def render(profile: Profile) -> str:
    return json_document([item(work, profile) for work in citations.works(profile)], sort_keys=True)


def name(author: Author) -> dict[str, str]:
    if not author.family:
        return {"literal": author.name}
    return {"family": author.family, "given": author.given} if author.given else {"family": author.family}


def item(work: Work, profile: Profile) -> dict[str, Any]:
    data: dict[str, Any] = {
        "id": work.key,
        "citation-key": work.key,
        "type": _TYPES[work.kind],
        "title": work.title,
        "author": [name(a) for a in work.authors],
    }
    if work.date is not None:
        parts = [p for p in (work.date.year, work.date.month, work.date.day) if p is not None]
        data["issued"] = {"date-parts": [parts]}
    pub = work.publication
    if pub is not None:
        _publication_fields(data, work, pub)
    else:
        _patent_fields(data, work)
    notes = [n for n in citations.notes(work, profile) if n not in (work.status_label, _patent_note(work))]
    if notes:
        data["note"] = "; ".join(notes)
    if work.url:
        data["URL"] = work.url
    return data


def _publication_fields(data: dict[str, Any], work: Work, pub: Any) -> None:
    if work.venue:
        data["container-title"] = work.venue
    if pub.venue is not None and pub.venue.short:
        data["container-title-short"] = pub.venue.short
        if work.kind == citations.CONFERENCE:
            data["event-title"] = pub.venue.short
    if pub.venue is not None and pub.venue.location:
        data["event-place"] = pub.venue.location
    if work.status_label:
        data["status"] = work.status_label
    if work.doi:
        data["DOI"] = work.doi
    if work.arxiv:
        data["number"] = f"arXiv:{work.arxiv}"
    for key, value in (("ISBN", pub.isbn), ("ISSN", pub.issn), ("PMID", pub.pmid), ("page", pub.pages),
                       ("volume", pub.volume), ("issue", pub.issue), ("publisher", work.publisher),
                       ("abstract", pub.abstract)):
        if value:
            data[key] = value
    if pub.keywords:
        data["keyword"] = ", ".join(pub.keywords)


def _patent_fields(data: dict[str, Any], work: Work) -> None:
    patent = work.patent
    assert patent is not None
    data["number"] = patent.number
    parsed = parse_patent_number(patent.number)
    if parsed is not None:
        data["authority"] = parsed[0]
    if patent.assignee:
        data["publisher"] = patent.assignee
    if patent.status:
        data["status"] = patent.status


def _patent_note(work: Work) -> str | None:
    return citations.patent_label(work.patent) if work.patent is not None else None
