"""Context escaping the site adapters share: which links may be printed, slugs, JSON inside HTML."""

from __future__ import annotations

import posixpath
import re
import unicodedata
from functools import lru_cache
from typing import Any

from profilebot.model import urls
from urllib.parse import urlsplit

from profilebot.render.escaping import json_document

# A profile may say "unknown" where a CV lost a value; a page should show nothing rather than that word.
UNKNOWN = "unknown"


def known(text: str | None) -> str | None:
    return None if text is None or text.strip().lower() == UNKNOWN or not text.strip() else text


def safe_url(value: str | None) -> str | None:
    """The link as a page may print it (model.urls.written: http(s), mailto or a site path, percent-encoded
    where a character is no part of a web address); None for javascript:, data:, //host and the like."""
    return urls.written(value)


@lru_cache(maxsize=1 << 16)
def is_relative(url: str) -> bool:
    return not urlsplit(url).scheme and not url.startswith("/")


def local_path(value: str | None) -> str | None:
    """A relative file path (`images/me.jpg`) normalised with forward slashes; None for a URL or nothing."""
    if not value or not is_relative(value):
        return None
    return posixpath.normpath(value.replace("\\", "/"))


def slugify(text: str, limit: int = 60) -> str:
    """'SIBYL: Forecasting Time-Evolving…' → 'sibyl-forecasting-time-evolving'; ASCII only, for file names."""
    decomposed = unicodedata.normalize("NFKD", text)
    ascii_text = "".join(c for c in decomposed if not unicodedata.combining(c)).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")
    if len(slug) > limit:
        slug = slug[:limit].rsplit("-", 1)[0] or slug[:limit]
    return slug or "untitled"


def file_id(entry_id: str) -> str:
    """The name academicpages files an entry under: the id itself when it is letters, digits, '-' and '_' (an
    imported page keeps its file name and permalink: 2021-05-28-GI-number-1; ids differing only in case are
    refused by PB404), else its slug. Here, not in academicpages.py, so that check (PB407) and import name
    files without loading the whole adapter."""
    return entry_id if re.fullmatch(r"[A-Za-z0-9][A-Za-z0-9_-]*", entry_id) else slugify(entry_id)


def json_for_html(data: Any) -> str:
    """JSON to place inside <script type="application/ld+json">: '<', '>' and '&' escaped so '</script>' cannot end it."""
    text = json_document(data).removesuffix("\n")
    return text.replace("&", "\\u0026").replace("<", "\\u003c").replace(">", "\\u003e")
