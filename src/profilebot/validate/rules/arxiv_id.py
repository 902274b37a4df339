"""An arXiv identifier is stored bare: 2401.01234 (since 2007, optionally with a version) or hep-th/9901001.

The exports turn it into `eprint = {2401.01234}` (BibTeX), an ORCID "arxiv" external id and an
https://arxiv.org/abs/ link; a URL or an "arXiv:" prefix would end up doubled in each, and a malformed
number (a month 13, four digits after the dot in 2015 or later) points to no paper. The rule also
checks that YYMM is a real month and that the number has the length arXiv used in that month.

PASS:
    person:
      name: Ada Lovelace
    publications:
      - id: notes
        type: journal-article
        status: preprint
        title: Notes on the Analytical Engine
        authors: [Ada Lovelace]
        arxiv: 2401.01234v2

FAIL:
    person:
      name: Ada Lovelace
    publications:
      - id: notes
        type: journal-article
        status: preprint
        title: Notes on the Analytical Engine
        authors: [Ada Lovelace]
        arxiv: "2413.01234"
"""

from __future__ import annotations

import re
from typing import Any, Iterator

from profilebot.load.patch import Replace
from profilebot.model.identifiers import normalize_arxiv
from profilebot.model.profile import Profile
from profilebot.findings import Path

CODE = "PB203"
NAME = "arxiv-id"
SEVERITY = "error"
FIXABLE = True  # an "arXiv:" prefix or an arxiv.org URL is dropped
MESSAGE = "the arXiv identifier {arxiv!r} {problem}."
HINT = "Copy the identifier from the paper's arXiv page, e.g. 2401.01234 or hep-th/9901001, without 'arXiv:' or a URL."

_NEW = re.compile(r"(\d{2})(\d{2})\.(\d{4,5})(v[1-9]\d*)?")
_OLD = re.compile(r"[a-z]+(?:-[a-z]+)*(?:\.[A-Z]{2})?/(\d{2})(\d{2})\d{3}(v[1-9]\d*)?")


def problem(value: str) -> str | None:
    """Why `value` is not a bare, plausible arXiv identifier, or None when it is one."""
    new, old = _NEW.fullmatch(value), _OLD.fullmatch(value)
    if new:
        year, month, number = int(new.group(1)), int(new.group(2)), new.group(3)
        if not 1 <= month <= 12:
            return f"has no real month '{new.group(1)}{new.group(2)}' (YYMM)"
        if (year, month) < (7, 4):
            return "is dated before April 2007, when identifiers of this form began"
        if len(number) != (5 if year >= 15 else 4):
            return f"should have {5 if year >= 15 else 4} digits after the dot for 20{new.group(1)}"
        return None
    if old:
        month = int(old.group(2))
        return None if 1 <= month <= 12 else f"has no real month '{old.group(1)}{old.group(2)}'"
    inner = bare(value)
    if inner:
        return f"carries a prefix or URL; store it bare as '{inner}'"
    return "is not an arXiv identifier"


def bare(value: str) -> str | None:
    """The identifier inside a prefixed or URL form, or None when there is none (or it is already bare)."""
    inner = normalize_arxiv(value)
    return inner if inner and inner != value and not (_NEW.fullmatch(value) or _OLD.fullmatch(value)) else None


def check(profile: Profile) -> Iterator[tuple[Path, dict[str, Any]]]:
    for index, paper in enumerate(profile.publications):
        if paper.arxiv is not None:
            found = problem(paper.arxiv)
            if found:
                yield ("publications", index, "arxiv"), {"arxiv": paper.arxiv, "problem": found}


def fix(_profile: Profile, path: Path, arguments: dict[str, Any]) -> Replace | None:
    inner = bare(arguments["arxiv"])
    return Replace(path, inner) if inner else None
