"""publications.enw: every publication and patent in EndNote's tagged format, as Google Scholar exports it.

Layout: `%X value` lines, `%A` repeated per author (`Family, Given`), records separated by a blank line,
no trailer. Values are one line (escaping.tagged_value): the format has no escape for a line break.

Mapping (citations kind → %0): conference → Conference Proceedings (%B proceedings), article →
Journal Article (%J), preprint → Journal Article (%J "arXiv preprint arXiv:<id>" or the venue),
unpublished → Unpublished Work, book → Book, chapter → Book Section (%B), thesis → Thesis,
report → Report, patent → Patent (number in %@, EndNote's slot for it; assignee in %I), other → Generic.
%P pages with one hyphen, %D year, %8 the full date when known, %R DOI, %U URL. Notes (%Z, one per
line): status ("Under review"), "Workshop paper", "US Patent 11,928,446", the profile's note, awards
given to the paper. Not carried: co-first-author marks, abstracts, keywords, a truncated list's "et al."
(no tag for it).
"""

from __future__ import annotations

from profilebot.model.profile import Profile
from profilebot.render import citations, tagged
from profilebot.render.citations import Work

NAME = "endnote"
DEFAULT_PATH = "publications.enw"
MEDIA_TYPE = "application/x-endnote-refer"
WORKS = "all"  # which works the file carries: every publication and patent

_TYPES = {
    citations.CONFERENCE: "Conference Proceedings", citations.ARTICLE: "Journal Article",
    citations.PREPRINT: "Journal Article", citations.UNPUBLISHED: "Unpublished Work", citations.BOOK: "Book",
    citations.CHAPTER: "Book Section", citations.THESIS: "Thesis", citations.REPORT: "Report",
    citations.PATENT: "Patent", citations.OTHER: "Generic",
}
# Proceedings and chapters name their container as a book (%B); everything else as a journal (%J).
_BOOK_CONTAINER = {citations.CONFERENCE, citations.CHAPTER}


def render(profile: Profile) -> str:
    return "\n".join(tagged.text(record(work, profile), "{tag} {value}") for work in citations.works(profile))


def record(work: Work, profile: Profile) -> tagged.Record:
    pub = work.publication
    start, end = tagged.page_range(pub.pages if pub else None)
    fields: tagged.Record = [("%0", _TYPES[work.kind]), ("%T", work.title)]
    fields += [("%A", author.family_given()) for author in work.authors]
    fields += [
        ("%B" if work.kind in _BOOK_CONTAINER else "%J", citations.cited_venue(work)),
        ("%V", pub.volume or "" if pub else ""),
        ("%N", pub.issue or "" if pub else ""),
        ("%P", "-".join(p for p in (start, end) if p)),
        ("%@", tagged.standard_number(work)),
        ("%D", str(work.date.year) if work.date else ""),
        ("%8", work.date.iso() if work.date and work.date.month else ""),
        ("%I", work.publisher or ""),
    ]
    fields += [("%Z", note) for note in citations.notes(work, profile)]
    fields += [("%R", work.doi or ""), ("%U", work.url or "")]
    return fields
