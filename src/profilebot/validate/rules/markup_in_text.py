"""Profile fields are plain text: HTML tags and Markdown links or images in them are shown literally.

Site themes run some fields through Markdown (academicpages: `title | markdownify`) and print others raw
into HTML (al-folio: `{{ entry.title }}`), so a pasted `[slides](javascript:…)`, `![](https://tracker/…)`
or `<img onerror=…>` would become a live link, a remote image or a script. profilebot escapes every output,
so the text appears exactly as typed instead — which is rarely what was meant: put links in `url` or
`links`, and write titles and notes as plain text. Importers bring such text in from Scholar or ORCID
records now and then; this rule makes sure it is seen.

PASS:
    person:
      name: Ada Lovelace
    publications:
      - id: notes
        type: journal-article
        status: published
        title: Notes on the Analytical Engine (x < y, a & b)
        authors: [Ada Lovelace]
        date: 1843
        links: {pdf: files/notes.pdf}

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
        note: "Slides: [here](javascript:alert(document.cookie))"
"""

from __future__ import annotations

import re
from typing import Iterator

from profilebot.model.profile import Profile
from profilebot.findings import Path, format_path
from profilebot.validate.rules._fields import profile_strings

CODE = "PB406"
NAME = "markup-in-text"
SEVERITY = "warning"
FIXABLE = False  # what the person meant (a link? emphasis?) is theirs to say
MESSAGE = "{field} holds {what} ({excerpt!r}): fields are plain text, so every output shows it literally."
HINT = "Write plain text; put a link in the entry's `url` or `links` (e.g. links: {slides: https://…})."
# Kinds of markup, in the order they are named when one value holds several.
_MARKUP = (
    ("a Markdown image", re.compile(r"!\[[^\]\n]*\]\s*[(\[]")),
    ("a Markdown link", re.compile(r"\[[^\]\n]*\]\s*(?:\([^)\n]*\)|\[[^\]\n]*\])|^\s*\[[^\]\n]+\]:\s*\S", re.M)),
    ("an autolink", re.compile(r"<[a-z][a-z0-9+.\-]{1,31}:[^\s<>]*>", re.I)),
    ("an HTML tag", re.compile(r"</?[a-z][a-z0-9]*(?:\s[^<>]*)?/?>|<!--", re.I)),
    ("a Markdown attribute list", re.compile(r"\{:[^}\n]*\}")),
)
# Fields that hold addresses or identifiers, checked by the URL and identifier rules instead.
_NOT_TEXT = {"url", "website", "photo", "slides", "links", "doi", "arxiv", "isbn", "issn", "pmid", "orcid", "email",
             "id", "phone", "profiles"}


def check(profile: Profile) -> Iterator[tuple[Path, dict[str, str]]]:
    for path, value in profile_strings(profile):
        if path[-1] in ("given", "family"):
            continue  # an author's name parts: the whole name is checked, once
        if "<" not in value and "[" not in value and "{:" not in value:
            continue  # the common case, decided without a regex
        if any(part in _NOT_TEXT for part in path if isinstance(part, str)):
            continue
        for what, pattern in _MARKUP:
            match = pattern.search(value)
            if match:
                excerpt = match.group(0).strip()
                yield path, {"field": format_path(path), "what": what,
                             "excerpt": excerpt if len(excerpt) <= 40 else excerpt[:39] + "…"}
                break
