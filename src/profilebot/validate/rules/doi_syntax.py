"""A DOI is stored bare, as 10.<registrant>/<suffix>, without a resolver URL or a "doi:" prefix.

Exports add the resolver themselves (BibTeX's `doi` field, CSL's `DOI`, ORCID's external id all take
the bare form), so "https://doi.org/10.1145/…" would come out as a broken double link, and a value
that is not a DOI at all would send ORCID and Scholar to nothing. When a bare DOI is hidden inside the
value the message gives it, ready to paste.

PASS:
    person:
      name: Ada Lovelace
    publications:
      - id: notes
        type: journal-article
        status: published
        title: Notes on the Analytical Engine
        authors: [Ada Lovelace]
        date: 1843
        doi: 10.1098/rsta.2015.0001

FAIL:
    person:
      name: Ada Lovelace
    publications:
      - id: notes
        type: journal-article
        status: published
        title: Notes on the Analytical Engine
        authors: [Ada Lovelace]
        date: 1843
        doi: https://doi.org/10.1098/rsta.2015.0001
"""

from __future__ import annotations

from typing import Any, Iterator

from profilebot.load.patch import Replace
from profilebot.model.identifiers import is_doi, normalize_doi
from profilebot.model.profile import Profile
from profilebot.findings import Path

CODE = "PB202"
NAME = "doi-syntax"
SEVERITY = "error"
FIXABLE = True  # a prefixed or URL-wrapped DOI is stored bare
MESSAGE = "the DOI {doi!r} {problem}."
HINT = "Store the bare DOI (10.<registrant>/<suffix>); profilebot adds https://doi.org/ where an output needs it."


def bare(value: str) -> str | None:
    """The bare DOI inside a prefixed or URL-wrapped one, as written (case kept), or None."""
    if is_doi(value):
        return None
    inner = normalize_doi(value)
    if inner is None:
        return None
    found = value[value.lower().find(inner[:8]):].strip().rstrip(".")
    return found if is_doi(found) else None


def problem(value: str) -> str | None:
    """Why `value` is not a bare DOI, or None when it is one."""
    if is_doi(value):
        return None
    found = bare(value)
    if found is not None:
        return f"carries a prefix; store it bare as '{found}'"
    if any(c.isspace() for c in value.strip()):
        return "contains a space"
    odd = sorted({c for c in value if c in "\"'\\`^{|}<>" or not " " < c < "\x7f"})
    if odd and value.startswith("10."):
        # A quote in a DOI ends the `href="https://doi.org/…"` a site prints it into: markup, not an identifier.
        return f"contains {', '.join(repr(c) for c in odd)}, which no DOI holds"
    return "is not a DOI (a DOI starts with '10.', a registrant number, and '/')"


def check(profile: Profile) -> Iterator[tuple[Path, dict[str, Any]]]:
    for index, paper in enumerate(profile.publications):
        if paper.doi is not None:
            found = problem(paper.doi)
            if found:
                yield ("publications", index, "doi"), {"doi": paper.doi, "problem": found}


def fix(_profile: Profile, path: Path, arguments: dict[str, Any]) -> Replace | None:
    found = bare(arguments["doi"])
    return Replace(path, found) if found else None
