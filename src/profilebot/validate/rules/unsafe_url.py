"""Links must be web addresses: https (or http), never javascript:, data:, file: or a bare domain.

Every link in the profile becomes an `href` on the website. A `javascript:` or `data:` link runs code
in a visitor's browser (the classic stored-XSS hole of generated sites), `file:` points into your own
disk, and a URL or website without a scheme ("hanxian97.github.io") becomes a broken link relative to
the current page. Schemes are read as a browser reads them, ignoring spaces, tabs and case. Paths
inside the site (files/paper.pdf) are fine for a photo, slides and a work's links.

PASS:
    person:
      name: Ada Lovelace
      website: https://ada.example.org
    publications:
      - id: notes
        type: journal-article
        status: published
        title: Notes on the Analytical Engine
        authors: [Ada Lovelace]
        date: 1843
        links: {pdf: files/notes.pdf, code: "https://github.com/ada/engine"}

FAIL:
    person:
      name: Ada Lovelace
      website: https://ada.example.org
    publications:
      - id: notes
        type: journal-article
        status: published
        title: Notes on the Analytical Engine
        authors: [Ada Lovelace]
        date: 1843
        links: {pdf: "javascript:alert(document.cookie)"}
"""

from __future__ import annotations

from typing import Any, Iterator

from profilebot.model.profile import Profile
from profilebot.findings import Path, format_path
from profilebot.validate.rules._urls import link_fields, scheme

CODE = "PB401"
NAME = "unsafe-url"
SEVERITY = "error"
FIXABLE = False  # `check --fix` has no mechanical fix for this
MESSAGE = "{field} is {url!r}: {problem}."
HINT = "Write the full web address, starting with https:// (e.g. https://example.org/paper.pdf)."
WEB = ("https", "http")


def problem(value: str, absolute: bool) -> str | None:
    found = scheme(value)
    if found in WEB:
        return None
    if found in ("javascript", "vbscript", "data"):
        return f"a '{found}:' link runs code in the visitor's browser"
    if found is not None:
        return f"'{found}:' is not a web address"
    if absolute:
        return "it has no https:// in front, so a browser reads it as a path on the current site"
    return None


def check(profile: Profile) -> Iterator[tuple[Path, dict[str, Any]]]:
    for path, value, absolute in link_fields(profile):
        found = problem(value, absolute)
        if found:
            yield path, {"field": format_path(path), "url": value, "problem": found}
