"""orcid-import.bib: the works that belong on ORCID as BibTeX shaped for ORCID's "Import BibTeX" dialog.

ORCID's importer (orcid-angular work-bibtex-modal) maps entry types, reads `doi`, `pmid`,
`eprint`+`eprinttype = {arxiv}`, `isbn`, `issn` and `url` as identifiers, a numeric `year` and a
`jan`…`dec` month, and splits `author` on "and". So: one entry per work, only the entry types ORCID
maps (conference → @inproceedings → conference-paper, article → @article → journal-article, book →
@book, chapter → @incollection → book-chapter, thesis → @phdthesis, report → @techreport; preprints,
unpublished work, patents and other types → @misc or @unpublished, which ORCID files as "other": ORCID
types such as preprint and patent cannot be set from BibTeX), explicit identifiers, authors as
`Family, Given and …`, month as a bare macro without a day. Text stays UTF-8 (only LaTeX specials are
escaped): ORCID decodes LaTeX in titles and journals but not in author names. ORCID's naive "and"
split mangles names containing the letters "and" (e.g. "Alexander"); BibTeX offers no way around it.
The same works are in orcid-works.json/xml (citations.orcid_works), each carrying its entry from here
as its citation.
"""

from __future__ import annotations

from profilebot.model.dates import MONTH_ABBREVIATIONS
from profilebot.model.profile import Profile
from profilebot.render import bibtex, citations
from profilebot.render.citations import Work
from profilebot.render.escaping import bibtex_text, bibtex_verbatim

NAME = "orcid_import"
DEFAULT_PATH = "orcid-import.bib"
MEDIA_TYPE = "application/x-bibtex"
WORKS = "orcid"  # which works the file carries: citations.orcid_works (papers on ORCID, patents)

_TYPES = {
    citations.CONFERENCE: "inproceedings", citations.ARTICLE: "article", citations.BOOK: "book",
    citations.CHAPTER: "incollection", citations.THESIS: "phdthesis", citations.REPORT: "techreport",
    citations.UNPUBLISHED: "unpublished", citations.PREPRINT: "misc", citations.PATENT: "misc",
    citations.OTHER: "misc",
}


def render(profile: Profile) -> str:
    return "\n".join(entries(profile).values())


@citations.memo_by_profile
def entries(profile: Profile) -> dict[str, str]:
    """Each ORCID work's entry by its key: this file and the `citation` of each work in orcid-works.json/.xml."""
    return {work.key: entry_text(work, profile) for work in citations.orcid_works(profile)}


def entry_text(work: Work, profile: Profile) -> str:
    kind = _TYPES[work.kind]
    pub = work.publication
    fields: list[tuple[str, str | bibtex.Raw]] = [
        ("title", bibtex_text(work.title, latex_accents=False)),
        ("author", bibtex.authors(work, latex_accents=False)),
    ]
    if work.venue and kind in bibtex.VENUE_FIELD:
        fields.append((bibtex.VENUE_FIELD[kind], bibtex_text(work.venue, latex_accents=False)))
    if pub is not None:
        for name, value in (("volume", pub.volume), ("number", pub.issue)):
            if value:
                fields.append((name, bibtex_text(value, latex_accents=False)))
        if page_range := bibtex.pages(pub.pages):
            fields.append(("pages", page_range))
    if work.date is not None:
        fields.append(("year", str(work.date.year)))
        if work.date.month is not None:
            fields.append(("month", (MONTH_ABBREVIATIONS[work.date.month - 1],)))
    if work.publisher and kind != "unpublished":
        fields.append(("publisher", bibtex_text(work.publisher, latex_accents=False)))
    if note := citations.notes(work, profile):
        fields.append(("note", bibtex_text("; ".join(note), latex_accents=False)))
    if work.doi:
        fields.append(("doi", bibtex_verbatim(work.doi)))
    if pub is not None and pub.pmid:
        fields.append(("pmid", bibtex_verbatim(pub.pmid)))
    if work.arxiv:
        fields += [("eprint", work.arxiv), ("eprinttype", "arxiv")]
    if pub is not None and pub.isbn:
        fields.append(("isbn", bibtex_verbatim(pub.isbn)))
    if pub is not None and pub.issn:
        fields.append(("issn", bibtex_verbatim(pub.issn)))
    if work.url:
        fields.append(("url", bibtex_verbatim(work.url)))
    return bibtex.entry(kind, work.key, fields)
