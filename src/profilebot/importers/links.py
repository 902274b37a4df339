"""The edge every importer's entries pass: links and DOIs checked against the one grammar (model.urls,
model.identifiers) before they reach a profile, and control characters (a BEL or an ESC in a title, a NUL
from a broken export: invisible, and no profile may hold one, PB003) taken out of every text. What fails is
left out and named (never its text: it may be markup), so neither `import` nor `sync --target profile`
brings in a value that `check` refuses (PB401, PB202, PB003) or that a page would read as markup."""

from __future__ import annotations

import dataclasses
import re
import unicodedata
from typing import Any

from profilebot.importers.candidate import Candidate
from profilebot.load.yaml_document import CONTROL_CHARACTER
from profilebot.model import urls
from profilebot.model.identifiers import is_doi
from profilebot.model.names import INVISIBLE_IN_NAME

# The entry keys that hold people's names (lists of "Family, Given" strings, or {name: …} mappings).
_NAME_LISTS = ("authors", "inventors", "advisors")
# What no profile text holds: control characters (PB003), and what is no character at all — a lone surrogate
# (JSON's "\ud800", which no UTF-8 file can hold) and the noncharacters U+FFFE and U+FFFF (XML refuses them).
_NOT_TEXT = re.compile(f"{CONTROL_CHARACTER.pattern}|[\ud800-\udfff\ufffe\uffff]")

# Fields holding a link, and whether it must be a full web address (a `url`) or may be a site path.
_LINK_FIELDS = (("url", True), ("website", True), ("slides", False))


def checked(candidate: Candidate) -> Candidate:
    """The candidate without the links and DOIs no profile may hold; `left_out` says which and why."""
    entry, notes = checked_entry(candidate.entry)
    companions = []
    for section, companion in candidate.companions:
        kept, more = checked_entry(companion)
        companions.append((section, kept))
        notes += [f"its {section[:-1]}'s {note}" for note in more]
    if not notes and entry == candidate.entry and companions == list(candidate.companions):
        return candidate
    return dataclasses.replace(candidate, entry=entry, companions=tuple(companions),
                               left_out=candidate.left_out + tuple(notes))


def checked_entry(entry: dict[str, Any]) -> tuple[dict[str, Any], list[str]]:
    """(entry without control characters, bad links and DOIs; one note per value left out)."""
    kept, notes = without_controls(entry)
    for name, absolute in _LINK_FIELDS:
        if isinstance(kept.get(name), str):
            _link(kept, name, absolute, name, notes)
    if isinstance(kept.get("links"), dict):
        links = dict(kept["links"])
        for key in list(links):
            _link(links, key, False, f"{key} link", notes)
        kept["links"] = links
        if not links:
            del kept["links"]
    if isinstance(kept.get("venue"), dict) and isinstance(kept["venue"].get("url"), str):
        venue = dict(kept["venue"])
        _link(venue, "url", True, "venue url", notes)
        kept["venue"] = venue
    if isinstance(kept.get("doi"), str):
        doi = trimmed(kept["doi"])
        if is_doi(doi):
            kept["doi"] = doi
        else:
            del kept["doi"]
            notes.append("doi (it is not a DOI: 10.<registrant>/<suffix>)")
    return kept, notes


def without_controls(fields: dict[str, Any]) -> tuple[dict[str, Any], list[str]]:
    """`fields` with every control character (and lone surrogate or noncharacter) taken out of its texts, nested
    ones too, and one note per field that held any, naming the characters (never the text); and people's names
    (authors, inventors, advisors) without the invisible characters PB409 refuses in a name."""
    notes: list[str] = []

    def clean(value: Any, label: str, name: bool = False) -> Any:
        if isinstance(value, str):
            found = sorted(set(_NOT_TEXT.findall(value)))
            if found:
                notes.append(f"{label}'s control character{'s' * (len(found) > 1)} "
                             f"{', '.join(f'U+{ord(c):04X}' for c in found)} (invisible; no output can carry "
                             f"{'them' if len(found) > 1 else 'it'})")
                value = _NOT_TEXT.sub("", value)
            # An invisible character inside a name (a zero-width space from a web page) would stop the whole
            # import at PB409; the name without it is the name as it displays.
            return INVISIBLE_IN_NAME.sub("", value) if name else value
        if isinstance(value, dict):
            return {key: clean(item, f"{label} {key}" if label else str(key), name or key in _NAME_LISTS)
                    for key, item in value.items()}
        if isinstance(value, list):
            return [clean(item, label, name) for item in value]
        return value

    return clean(fields, ""), notes


def trimmed(value: str) -> str:
    """`value` without the spaces and invisible characters (a byte-order mark, a zero-width space) that copies
    from web pages and files carry at either end."""
    start, end = 0, len(value)
    while start < end and _invisible(value[start]):
        start += 1
    while end > start and _invisible(value[end - 1]):
        end -= 1
    return value[start:end]


def _invisible(char: str) -> bool:
    return char.isspace() or unicodedata.category(char) == "Cf"


def _link(holder: dict[str, Any], key: str, absolute: bool, label: str, notes: list[str]) -> None:
    value = trimmed(holder[key])
    found = urls.problem(value, absolute) if value else "it is empty"
    if found:
        del holder[key]
        notes.append(f"{label} ({found})")
    else:
        holder[key] = value
