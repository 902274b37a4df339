"""publications.ris: every publication and patent as RIS, laid out like Google Scholar's RefMan export.

Layout (Scholar's): `TAG  - value` lines, tags T1/A1/JO/Y1 (not TI/AU/T2/PY), each record closed by
`ER  - ` with its trailing space, a blank line between records. Values are one line
(escaping.tagged_value): RIS has no escape for a line break.

Mapping (citations kind → TY): conference → CONF, article → JOUR, preprint → JOUR (as Scholar does;
JO "arXiv preprint arXiv:<id>" when there is one), unpublished → UNPB, book → BOOK, chapter → CHAP,
thesis → THES, report → RPRT, patent → PAT, other → GEN. JO carries the journal or proceedings name.
Notes (N1, one per line): status ("Under review"), "Workshop paper", the patent number as
"US Patent 11,928,446", the profile's note, awards given to the paper. A patent's raw number is in M1
and its assignee in PB. Y1 is the year as Scholar writes it; DA adds `YYYY/MM/DD` when the month is
known. Not carried: co-first-author marks, abstracts, keywords, a truncated list's "et al." (RIS has no mark for it).
"""

from __future__ import annotations

from profilebot.model.profile import Profile
from profilebot.render import citations, tagged
from profilebot.render.citations import Work

NAME = "ris"
DEFAULT_PATH = "publications.ris"
MEDIA_TYPE = "application/x-research-info-systems"
WORKS = "all"  # which works the file carries: every publication and patent

_TYPES = {
    citations.CONFERENCE: "CONF", citations.ARTICLE: "JOUR", citations.PREPRINT: "JOUR",
    citations.UNPUBLISHED: "UNPB", citations.BOOK: "BOOK", citations.CHAPTER: "CHAP", citations.THESIS: "THES",
    citations.REPORT: "RPRT", citations.PATENT: "PAT", citations.OTHER: "GEN",
}


@citations.memo_by_profile  # the exports and the site's publications.ris are one text
def render(profile: Profile) -> str:
    return "\n".join(tagged.text(record(work, profile), "{tag}  - {value}", "ER  - \n")
                     for work in citations.works(profile))


def record(work: Work, profile: Profile) -> tagged.Record:
    pub = work.publication
    start, end = tagged.page_range(pub.pages if pub else None)
    date = work.date
    fields: tagged.Record = [("TY", _TYPES[work.kind]), ("T1", work.title)]
    fields += [("A1", author.family_given()) for author in work.authors]
    fields += [
        ("JO", citations.cited_venue(work)),
        ("VL", pub.volume or "" if pub else ""),
        ("IS", pub.issue or "" if pub else ""),
        ("SP", start),
        ("EP", end),
        ("SN", tagged.standard_number(work) if pub is not None else ""),
        ("Y1", str(date.year) if date else ""),
        ("DA", "/".join(f"{p:02d}" if i else str(p) for i, p in enumerate((date.year, date.month, date.day))
                        if p is not None) if date and date.month else ""),
        ("PB", work.publisher or ""),
        ("M1", work.patent.number if work.patent else ""),
    ]
    fields += [("N1", note) for note in citations.notes(work, profile)]
    fields += [("DO", work.doi or ""), ("UR", work.url or "")]
    return fields
