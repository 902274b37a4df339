"""Context escaping the site adapters share: which links may be printed, slugs, JSON inside HTML."""

from __future__ import annotations

import json
import posixpath
import re
import unicodedata
from typing import Any
from urllib.parse import urlsplit

ALLOWED_SCHEMES = ("http", "https", "mailto")
# A profile may say "unknown" where a CV lost a value; a page should show nothing rather than that word.
UNKNOWN = "unknown"
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")


def known(text: str | None) -> str | None:
    return None if text is None or text.strip().lower() == UNKNOWN or not text.strip() else text


def safe_url(value: str | None) -> str | None:
    """The link itself when it is http(s), mailto or relative; None for anything else (javascript:, data:, //host).

    Protocol-relative `//host/x` is refused too: it would make the page load from a third party.
    """
    if not value:
        return None
    text = value.strip()
    if not text or _CONTROL.search(text) or text.startswith("//") or "\\" in text:
        return None
    try:
        parts = urlsplit(text)
    except ValueError:
        return None
    if parts.scheme:
        if parts.scheme.lower() not in ALLOWED_SCHEMES:
            return None
        if parts.scheme.lower() != "mailto" and not parts.netloc:
            return None
    return text


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


def json_for_html(data: Any) -> str:
    """JSON to place inside <script type="application/ld+json">: '<', '>' and '&' escaped so '</script>' cannot end it."""
    text = json.dumps(data, ensure_ascii=False, indent=2, sort_keys=False)
    return text.replace("&", "\\u0026").replace("<", "\\u003c").replace(">", "\\u003e")
