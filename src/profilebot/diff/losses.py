"""What a new version of a site file would take away: the content of the old one the new one no longer holds.

A page edited in place should keep everything the profile does not model; when it would not — a body, a
front-matter key, a link, a BibTeX entry or field, a value of a data file — diff says exactly what, and a sync
makes such a change only when `site.allow_removals` is set (diff/site_files.py holds the file back otherwise).

Read per format: a page with YAML front matter (keys, body), BibTeX (entries by key, their fields), YAML and
JSON data (every text value), and for any other text file the links (http(s) URLs) it holds. A value the
profile changed (a front-matter key or a BibTeX field still there with a new value) is an update, not a loss.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from typing import Any, Iterator

import yaml

BODY, KEY, LINK, ENTRY, FIELD, VALUE, FILE = "body", "key", "link", "entry", "field", "value", "file"
_LINK = re.compile(r"https?://[^\s\"'<>()\[\]{}`]+")
_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_SHOWN = 60  # characters of a lost value shown to a reader


@dataclass(frozen=True)
class Loss:
    """One thing the old file held and the new one does not: `kind` (body, key, link, entry, field, value,
    file) and `what` (the key, the URL, the BibTeX key, "KEY.field", a value's first characters)."""

    kind: str
    what: str

    def describe(self) -> str:
        if self.kind == BODY:
            return "the page body"
        if self.kind == FILE:
            return "the whole file"
        return f"{self.kind} {self.what}" if self.kind == LINK else f"{self.kind} `{self.what}`"


def lost(path: str, old: bytes, new: bytes | None) -> tuple[Loss, ...]:
    """What `old` holds that `new` (None: the file removed) does not, most telling first; () when nothing."""
    if new is None:
        return (Loss(FILE, path),)
    if old == new:
        return ()
    before, after = _text(old), _text(new)
    if before is None or after is None:
        return ()  # a binary file: replaced whole, nothing inside it to name
    lower = path.lower()
    if lower.endswith(".bib"):
        found = _bibtex(before, after)
    elif lower.endswith((".yml", ".yaml", ".json")):
        found = _data(before, after, lower.endswith(".json"))
    elif before.lstrip("\ufeff").startswith("---"):
        found = _page(before, after)
    else:
        found = _links(before, after)
    return tuple(dict.fromkeys(found))


def describe(losses: tuple[Loss, ...], limit: int = 6) -> str:
    """"the page body, key `codeurl`, link https://…" (the first `limit`, then how many more)."""
    shown = [loss.describe() for loss in losses[:limit]]
    more = len(losses) - limit
    return ", ".join(shown) + (f" and {more} more" if more > 0 else "")


HELD_HINT = "set site.allow_removals: true in profilebot.yaml to let a sync remove content the profile does not hold"


def held_note(path: str, losses: tuple[Loss, ...]) -> str:
    """What the run says about a file it did not write because the change would lose content."""
    return f"{path} would lose {describe(losses)}: left as it is ({HELD_HINT})"


def _text(data: bytes) -> str | None:
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return None


def _page(before: str, after: str) -> list[Loss]:
    """The body (when the new page does not hold it whole, with the links it loses) and every key removed.
    A key whose value the profile changed is an update, not a loss: its old link is not named."""
    old_data, old_body = _front_matter(before)
    new_data, new_body = _front_matter(after)
    found = []
    if old_body.strip() and old_body.strip() not in new_body:
        found += [Loss(BODY, ""), *_links(old_body, after)]
    return found + [Loss(KEY, str(key)) for key in old_data if key not in new_data]


def _links(before: str, after: str) -> list[Loss]:
    kept = set(_LINK.findall(after))
    return [Loss(LINK, url) for url in dict.fromkeys(_LINK.findall(before)) if url not in kept]


def _front_matter(text: str) -> tuple[dict[str, Any], str]:
    """(top-level keys, body) of a page with `---` front matter; ({}, text) when it has none that reads."""
    lines = text.lstrip("\ufeff").split("\n")
    end = next((i for i in range(1, len(lines)) if lines[i].rstrip("\r").strip() in ("---", "...")), None)
    if end is None:
        return {}, text
    try:
        data = yaml.load("\n".join(lines[1:end]), Loader=_Loader)
    except yaml.YAMLError:
        data = None
    return (data if isinstance(data, dict) else {}), "\n".join(lines[end + 1:])


def _bibtex(before: str, after: str) -> list[Loss]:
    old, new = _entries(before), _entries(after)
    found = [Loss(ENTRY, key) for key in old if key not in new]
    for key, fields in old.items():
        if key in new:
            found += [Loss(FIELD, f"{key}.{name}") for name in fields if name not in new[key]]
    return found


def _entries(text: str) -> dict[str, dict[str, str]]:
    """BibTeX key → field name → value (the BibTeX importer's reading); {} for a file it cannot read whole."""
    from profilebot.errors import UsageError
    from profilebot.importers import bibtex

    try:
        return {entry.key: entry.fields for entry in bibtex.parse(text, "papers.bib")}
    except UsageError:
        return {}


def _data(before: str, after: str, is_json: bool) -> list[Loss]:
    """Every text value of the old data file that the new one holds nowhere (an award note, a position)."""
    old, new = _load(before, is_json), _load(after, is_json)
    if old is None:
        return []
    kept = set(_values(new))
    return [Loss(VALUE, _short(value)) for value in dict.fromkeys(_values(old))
            if value not in kept and not _LINK.fullmatch(value)]


def _load(text: str, is_json: bool) -> Any:
    try:
        return json.loads(text) if is_json else yaml.load(text, Loader=_Loader)
    except (ValueError, yaml.YAMLError):
        return None


def _values(data: Any) -> Iterator[str]:
    if isinstance(data, dict):
        for value in data.values():
            yield from _values(value)
    elif isinstance(data, list):
        for item in data:
            yield from _values(item)
    elif isinstance(data, str) and data.strip():
        yield " ".join(data.split())


def _short(text: str) -> str:
    return text if len(text) <= _SHOWN else text[:_SHOWN - 1] + "…"


def entry_fields(path: str, data: bytes, key: str) -> dict[str, str] | None:
    """One entry's keys as text: a page's front matter (plus "body"), or the BibTeX entry `key` of a .bib
    file ({} when the file has no such entry); None for another format or bytes that are not text."""
    text = _text(data)
    if text is None:
        return None
    if path.lower().endswith(".bib"):
        return dict(_entries(text).get(key, {}))
    if not text.lstrip("\ufeff").startswith("---"):
        return None
    front, body = _front_matter(text)
    fields = {str(name): _plain(value) for name, value in front.items()}
    return fields | ({"body": " ".join(body.split())} if body.strip() else {})


def _plain(value: Any) -> str:
    if isinstance(value, (list, dict)):
        return json.dumps(value, ensure_ascii=False, sort_keys=True, default=str)
    return "" if value is None else str(value)
