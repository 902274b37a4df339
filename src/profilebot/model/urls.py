"""Web addresses: the one grammar every link in a profile must follow, and the one way a link is written out.

A link is an RFC 3986 URI (non-ASCII letters allowed, as in an IRI): unreserved and reserved characters
and `%XX` escapes, nothing else. A space, a quote, `<`, `>`, a backslash, a backtick, `{`, `|`, `}`, `^`
and control or invisible format characters are not part of any web address; a value holding one is
either a typing slip (a space pasted in) or markup aimed at the page that prints it
(`https://ok.example/<svg/onload=…>`, `…"autofocus onfocus="…`). `check` reports such a link as an
error (PB401), importers leave it out, and `written` percent-encodes what is left of it (and `'`) for every
output, so no page, however raw its template prints a link, can read one as markup.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from urllib.parse import urlsplit

WEB = ("https", "http")
ALLOWED_SCHEMES = ("http", "https", "mailto")
_SCHEME = re.compile(r"([a-z][a-z0-9+.\-]*):", re.IGNORECASE)
# Browsers drop ASCII tabs and newlines inside a URL and ignore leading spaces and control characters,
# so "java\tscript:" and " javascript:" run as scripts; the scheme is read the way a browser reads it.
_IGNORED = re.compile(r"[\x00-\x20\x7f]")
# RFC 3986's characters: unreserved, gen-delims, sub-delims and '%' (checked for its two hex digits).
_URI_CHARS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~:/?#[]@!$&'()*+,;=%")
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")
_PERCENT = re.compile(r"%(?![0-9A-Fa-f]{2})")
# RFC 3986's characters without the two `_encoded` may change ('%' not before two hex digits, and "'").
_PLAIN = re.compile(r"(?:[A-Za-z0-9\-._~:/?#\[\]@!$&()*+,;=]|%[0-9A-Fa-f]{2})*")
# A value of RFC 3986's characters only, every '%' before two hex digits: nothing in it for bad_characters.
_URI = re.compile(r"(?:[A-Za-z0-9\-._~:/?#\[\]@!$&'()*+,;=]|%[0-9A-Fa-f]{2})*")
# How each character no link may hold is named in a message (the rest by their code point).
_NAMES = {" ": "a space", '"': "a double quote", "<": "'<'", ">": "'>'", "\\": "a backslash", "`": "a backtick",
          "{": "'{'", "}": "'}'", "|": "'|'", "^": "'^'"}


def scheme(value: str) -> str | None:
    """The lower-case scheme as a browser would see it ('https', 'javascript'), or None for a relative link."""
    match = _SCHEME.match(_IGNORED.sub("", value))
    return match.group(1).lower() if match else None


def _outside(char: str) -> bool:
    """A character no web address holds: outside RFC 3986's set and not a visible non-ASCII character."""
    if char in _URI_CHARS:
        return False
    if ord(char) < 0x80:
        return True
    return unicodedata.category(char)[0] in "CZ"  # controls, format (zero-width, bidi), separators


def bad_characters(value: str) -> list[str]:
    """The characters of `value` that no web address holds, each once, in order; a '%' without two hex digits."""
    if _URI.fullmatch(value):  # nearly every link: decided without a walk over its characters
        return []
    found = [c for c in value if _outside(c)]
    if _PERCENT.search(value):
        found.append("%")
    return list(dict.fromkeys(found))


def describe(char: str) -> str:
    if char == "%":
        return "a '%' not followed by two hex digits"
    return _NAMES.get(char, f"U+{ord(char):04X}")


def problem(value: str, absolute: bool) -> str | None:
    """Why `value` is not a link a profile may hold, or None. `absolute`: it must be a full web address
    (a `url` or `website`); otherwise a path inside the site (files/paper.pdf) is fine too."""
    found = scheme(value)
    if found in ("javascript", "vbscript", "data"):
        return f"a '{found}:' link runs code in the visitor's browser"
    if found is not None and found not in WEB:
        return f"'{found}:' is not a web address"
    text = value.strip()
    if text.startswith("//"):
        return "it starts with '//', so the page would load it from whatever host follows"
    if found is None and absolute:
        return "it has no https:// in front, so a browser reads it as a path on the current site"
    bad = bad_characters(text)
    if found is None:
        # A file of the site may have a space in its name (al-folio's `pdf = {2020 Tan. NasN JBC.pdf}`):
        # the page links it as %20, which is what `written` does.
        bad = [c for c in bad if c != " "]
    if bad:
        named = ", ".join(describe(c) for c in bad[:3])
        advice = " (write a space as %20)" if " " in bad else ""
        return f"it contains {named}, which no web address holds{advice}"
    if found is not None and _host(text) is None:
        return f"it names no host after {found}://"
    return None


def _host(text: str) -> str | None:
    try:
        host = urlsplit(text).netloc.rpartition("@")[2]
    except ValueError:  # an unclosed IPv6 bracket
        return None
    return host if host and not host.startswith(":") else None


@lru_cache(maxsize=1 << 16)  # one build writes each paper's links into a dozen outputs
def written(value: str | None) -> str | None:
    """The link as every output writes it: http(s), mailto or a path inside the site, with every character
    no web address holds percent-encoded (UTF-8); None for anything else (javascript:, data:, //host, no
    host, a backslash path).

    Encoding rather than refusing keeps a link whose only fault is a pasted space working; a quote or
    `<` then reaches a page as `%22` or `%3C`, which no template can read as markup.
    """
    if not value:
        return None
    text = value.strip()
    if not text or text.startswith("//") or "\\" in text or _CONTROL.search(text):
        return None  # a tab or newline inside: browsers drop them, so a scheme could hide behind one
    found = scheme(text)
    if found is not None:
        if found not in ALLOWED_SCHEMES:
            return None
        if found != "mailto" and _host(text) is None:
            return None
    return _encoded(text)


def _encoded(text: str) -> str:
    if _PLAIN.fullmatch(text):  # nearly every link: nothing to encode, so no walk over its characters
        return text
    out = []
    for index, char in enumerate(text):
        if char == "%" and _PERCENT.match(text, index):
            out.append("%25")
        elif _outside(char) or char == "'":  # a quote of the sub-delims, yet it ends a '…' attribute
            out.append("".join(f"%{byte:02X}" for byte in char.encode("utf-8")))
        else:
            out.append(char)
    return "".join(out)
