"""Links must be web addresses: https (or http), never javascript:, data:, file: or a bare domain, and
nothing but the characters a web address holds.

Every link in the profile becomes an `href` on the website. A `javascript:` or `data:` link runs code
in a visitor's browser (the classic stored-XSS hole of generated sites), `file:` points into your own
disk, and a URL or website without a scheme ("hanxian97.github.io") becomes a broken link relative to
the current page. Schemes are read as a browser reads them, ignoring spaces, tabs and case. A space,
a quote, `<`, `>`, a backslash, a backtick, `{ | } ^` or an invisible character is no part of any web
address (RFC 3986): it is a slip of the copy, or markup aimed at a page that prints the link raw
(`https://ok.example/<svg/onload=…>`); write a space as %20. Paths inside the site (files/paper.pdf)
are fine for a photo, slides and a work's links.

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
from profilebot.model.urls import problem
from profilebot.validate.rules._urls import link_fields

CODE = "PB401"
NAME = "unsafe-url"
SEVERITY = "error"
FIXABLE = False  # `check --fix` has no mechanical fix for this
MESSAGE = "{field} is {url!r}: {problem}."
HINT = "Write the full web address, starting with https:// (e.g. https://example.org/paper.pdf)."


def check(profile: Profile) -> Iterator[tuple[Path, dict[str, Any]]]:
    for path, value, absolute in link_fields(profile):
        found = problem(value, absolute)
        if found:
            yield path, {"field": format_path(path), "url": value, "problem": found}
