"""publications.bib: every publication and patent as BibTeX laid out the way Google Scholar exports it.

Layout (Scholar's): `@type{key,`, one `  name={value}` line per field, no spaces around `=`, single braces,
no trailing comma, `}` alone; fields in Scholar's order (title, author, journal|booktitle, volume, number,
pages, year, month, publisher|organization|school|institution, note), then what Scholar drops but a
reference manager wants (doi, eprint/archiveprefix, url). Keys are Scholar's (`huang2024fasor`), made
unique with a/b suffixes. Text is escaped by escaping.bibtex_text: LaTeX accents as Scholar writes them
(`Camacho-Rodr{\\'\\i}guez`), other non-ASCII as UTF-8.

Mapping (citations kind → entry type):
  conference → @inproceedings (booktitle, organization = publisher); workshop papers too, with
      note "Workshop paper" unless the venue's name already says workshop
  article → @article (journal, publisher)
  preprint → @article with journal "arXiv preprint arXiv:<id>" (Scholar's form), else the venue, else @misc
  unpublished (under review, in preparation) → @unpublished with note "Under review" / "In preparation";
      the venue it was submitted to is not carried (@unpublished has no venue field)
  book → @book; chapter → @incollection; thesis → @phdthesis (school); report → @techreport (institution)
  other types → @misc (howpublished = venue)
  patent → @misc, publisher {Google Patents}, note {US Patent 11,928,446}, month as `mar # "~12"`;
      the assignee and the kind code cannot be carried
Awards given to a paper are appended to its note ("ACM SIGSOFT Distinguished Paper Award").
Not carried: co-first-author marks, abstracts, keywords, links other than url.
"""

from __future__ import annotations

from profilebot.model.dates import MONTH_ABBREVIATIONS, PartialDate
from profilebot.model.profile import Profile
from profilebot.render import citations
from profilebot.render.citations import Work
from profilebot.render.escaping import bibtex_name, bibtex_text, bibtex_verbatim

NAME = "bibtex"
DEFAULT_PATH = "publications.bib"
MEDIA_TYPE = "application/x-bibtex"
WORKS = "all"  # which works the file carries: every publication and patent

# A field value written without braces: a month macro, possibly concatenated with a day string.
Raw = tuple[str]

_TYPES = {
    citations.CONFERENCE: "inproceedings",
    citations.ARTICLE: "article",
    citations.UNPUBLISHED: "unpublished",
    citations.BOOK: "book",
    citations.CHAPTER: "incollection",
    citations.THESIS: "phdthesis",
    citations.REPORT: "techreport",
    citations.PATENT: "misc",
    citations.OTHER: "misc",
}
# Where each entry type puts the venue and the publisher.
VENUE_FIELD = {"inproceedings": "booktitle", "article": "journal", "incollection": "booktitle",
                "phdthesis": "school", "techreport": "institution", "misc": "howpublished"}
_PUBLISHER_FIELD = {"inproceedings": "organization"}


def render(profile: Profile) -> str:
    return "\n".join(entries(profile).values())


@citations.memo_by_profile
def entries(profile: Profile) -> dict[str, str]:
    """Each work's entry by its profile id, keyed as in the whole file, so a one-paper .bib agrees with it."""
    return {work.item.id: entry_text(work, profile) for work in citations.works(profile)}


def entry(entry_type: str, key: str, fields: list[tuple[str, str | Raw]]) -> str:
    """One entry in Scholar's layout; str values are already escaped and go inside braces."""
    lines = [f"  {name}={value[0] if isinstance(value, tuple) else '{' + value + '}'}" for name, value in fields]
    return f"@{entry_type}{{{key},\n" + ",\n".join(lines) + "\n}\n"


def authors(work: Work, latex_accents: bool = True) -> str:
    """`Family, Given and …`, ending in BibTeX's own `and others` when the list is truncated (more_authors)."""
    names = [bibtex_name(a.family, a.given, latex_accents) for a in work.authors]
    return " and ".join(names + (["others"] if work.more_authors else []))


def month(date: PartialDate | None) -> Raw | None:
    """`jun`, or Scholar's `mar # "~12"` when the day is known: month macros, so any style can name them."""
    if date is None or date.month is None:
        return None
    name = MONTH_ABBREVIATIONS[date.month - 1]
    return (f'{name} # "~{date.day}"',) if date.day is not None else (name,)


def pages(text: str | None) -> str | None:
    """`770-778` → `770--778` (BibTeX's range dash)."""
    if not text:
        return None
    return "--".join(bibtex_text(part) for part in citations.PAGE_DASH.split(text.strip()))


def entry_type(work: Work) -> str:
    if work.kind == citations.PREPRINT:
        return "article" if work.arxiv or work.venue else "misc"
    return _TYPES[work.kind]


def entry_text(work: Work, profile: Profile) -> str:
    kind = entry_type(work)
    pub = work.publication
    fields: list[tuple[str, str | Raw]] = [("title", bibtex_text(work.title)), ("author", authors(work))]
    venue = citations.cited_venue(work)
    if venue and kind in VENUE_FIELD and work.kind != citations.PATENT:
        fields.append((VENUE_FIELD[kind], bibtex_text(venue)))
    if pub is not None:
        for name, value in (("volume", pub.volume), ("number", pub.issue)):
            if value:
                fields.append((name, bibtex_text(value)))
        if page_range := pages(pub.pages):
            fields.append(("pages", page_range))
    if work.date is not None:
        fields.append(("year", str(work.date.year)))
    if (month_value := month(work.date)) is not None:
        fields.append(("month", month_value))
    if work.patent is not None:
        fields.append(("publisher", "Google Patents"))
    elif work.publisher and kind != "unpublished":
        fields.append((_PUBLISHER_FIELD.get(kind, "publisher"), bibtex_text(work.publisher)))
    if note := citations.notes(work, profile):
        fields.append(("note", bibtex_text("; ".join(note))))
    if work.doi:
        fields.append(("doi", bibtex_verbatim(work.doi)))
    if work.arxiv:
        fields += [("eprint", work.arxiv), ("archiveprefix", "arXiv")]
    if work.url:
        fields.append(("url", bibtex_verbatim(work.url)))
    return entry(kind, work.key, fields)
