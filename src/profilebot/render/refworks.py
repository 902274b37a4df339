"""publications.rfw: every publication and patent in RefWorks Tagged Format (the target of Scholar's RefWorks link).

Layout: `TG value` (two-character tag, one space), `RT` first in each record, records separated by a
blank line. Values are one line (escaping.tagged_value).

Mapping (citations kind → RT): conference → Conference Proceedings (T2 = proceedings), article and
preprint → Journal Article (JF = journal, or "arXiv preprint arXiv:<id>"), unpublished → Unpublished
Material, book → Book, Whole, chapter → Book, Section (T2), thesis → Dissertation, report → Report,
patent → Patent (number in SN, assignee in PB), other → Generic. YR year, FD the full date when known,
SP/OP pages, DO DOI, UL URL, NO notes (one line each): status ("Under review"), "Workshop paper",
"US Patent 11,928,446", the profile's note, awards given to the paper. The short venue name goes to JO.
Not carried: co-first-author marks, abstracts, keywords, a truncated list's "et al." (no tag for it).
"""

from __future__ import annotations

from profilebot.model.profile import Profile
from profilebot.render import citations, tagged
from profilebot.render.citations import Work

NAME = "refworks"
DEFAULT_PATH = "publications.rfw"
MEDIA_TYPE = "application/x-refworks-tagged"
WORKS = "all"  # which works the file carries: every publication and patent

_TYPES = {
    citations.CONFERENCE: "Conference Proceedings", citations.ARTICLE: "Journal Article",
    citations.PREPRINT: "Journal Article", citations.UNPUBLISHED: "Unpublished Material",
    citations.BOOK: "Book, Whole", citations.CHAPTER: "Book, Section", citations.THESIS: "Dissertation",
    citations.REPORT: "Report", citations.PATENT: "Patent", citations.OTHER: "Generic",
}
_SECONDARY_TITLE = {citations.CONFERENCE, citations.CHAPTER}


def render(profile: Profile) -> str:
    return "\n".join(tagged.text(record(work, profile), "{tag} {value}") for work in citations.works(profile))


def record(work: Work, profile: Profile) -> tagged.Record:
    pub = work.publication
    start, end = tagged.page_range(pub.pages if pub else None)
    short = pub.venue.short if pub is not None and pub.venue is not None else None
    fields: tagged.Record = [("RT", _TYPES[work.kind]), ("SR", "Electronic(1)")]
    fields += [("A1", author.family_given()) for author in work.authors]
    fields += [
        ("T1", work.title),
        ("T2" if work.kind in _SECONDARY_TITLE else "JF", citations.cited_venue(work)),
        ("JO", short or ""),
        ("YR", str(work.date.year) if work.date else ""),
        ("FD", work.date.iso() if work.date and work.date.month else ""),
        ("VO", pub.volume or "" if pub else ""),
        ("IS", pub.issue or "" if pub else ""),
        ("SP", start),
        ("OP", end),
        ("SN", tagged.standard_number(work)),
        ("PB", work.publisher or ""),
        ("DO", work.doi or ""),
        ("UL", work.url or ""),
    ]
    fields += [("NO", note) for note in citations.notes(work, profile)]
    return fields
