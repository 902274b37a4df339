"""An entry's earlier address (`redirect_from`) must be a page of its own, never the site's home page, another
page of the site or a file.

The site answers each `redirect_from` path by sending the visitor to the entry's page (jekyll-redirect-from).
`redirect_from: "/"` would take over the home page, `/about/` or `/cv/` another page, `/files/cv.pdf` a file,
and a path two entries both list would send one of them to the wrong paper. An earlier address of a paper or a
talk is a path of at least two parts, as the site's collections write them (`/publication/2021-05-28-GI-1`).

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
        redirect_from: [/publication/1843-notes]

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
        redirect_from: ["/"]
"""

from __future__ import annotations

from typing import Any, Iterator

from profilebot.findings import Path
from profilebot.model.profile import Profile

CODE = "PB410"
NAME = "redirect-takeover"
SEVERITY = "error"
FIXABLE = False  # only the person knows the page's real earlier address
MESSAGE = "redirect_from {path!r} of '{id}' {problem}."
HINT = "Keep only the entry's own earlier page addresses (e.g. /publication/2021-05-28-my-paper); remove the others."
# The folders academicpages, al-folio and Hugo keep files in. Real earlier page addresses may end in ".md"
# (Jieli12's academicpages permalinks do), so a suffix alone says nothing.
_FILE_FOLDERS = ("files", "assets", "images", "img", "static", "uploads")


def problem(path: str, taken: dict[str, str], entry_id: str) -> str | None:
    parts = [part for part in path.split("/") if part]
    if not parts or parts in (["index.html"], ["index.htm"]):
        return "is the site's home page, which every visitor would be sent away from"
    if len(parts) < 2:
        return "is a page of the site of its own (like /about/ or /cv/), which it would take over"
    if parts[0].lower() in _FILE_FOLDERS:
        return "is a file of the site, which it would take over"
    other = taken.get("/" + "/".join(parts).lower())
    if other is not None and other != entry_id:
        return f"is also an earlier address of '{other}', so one of the two would send visitors to the wrong page"
    return None


def check(profile: Profile) -> Iterator[tuple[Path, dict[str, Any]]]:
    taken: dict[str, str] = {}
    for section in ("publications", "talks"):
        for entry in getattr(profile, section):
            for path in entry.redirect_from:
                taken.setdefault("/" + "/".join(p for p in path.split("/") if p).lower(), entry.id)
    for section in ("publications", "talks"):
        for index, entry in enumerate(getattr(profile, section)):
            for number, path in enumerate(entry.redirect_from):
                found = problem(path, taken, entry.id)
                if found:
                    yield (section, index, "redirect_from", number), {"path": path, "id": entry.id, "problem": found}
