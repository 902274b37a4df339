"""BibTeX as written: where each entry and each field value sits in the text, and `@string` macros expanded.

The importer (importers/bibtex.py) reads values through `expand`; the al-folio adapter
(render/site/al_folio.py) edits a person's papers.bib in place through `entry_spans` and `field_spans`,
so an entry's key, type, field order, spacing, braces or quotes and every byte around it stay as typed.
Pure text in, offsets out: no parser state is shared with bibtexparser, whose blocks carry no offsets.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# BibTeX's predefined month macros (jan … dec): left for the date reader, which knows `feb # "~13"`.
MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
_ENTRY_START = re.compile(r"@[ \t]*([A-Za-z_][\w-]*)[ \t]*([{(])")
_NAME = re.compile(r"[^\s=,{}()\"#%]+")


@dataclass(frozen=True)
class FieldSpan:
    """One `name = value` of an entry: offsets into the text the spans were taken from."""

    name: str          # lower-cased
    start: int         # the name's first character
    value_start: int   # the value's first character (its opening brace or quote, or a macro's first letter)
    value_end: int     # just after the value's last character
    raw: str           # the value as typed: `{…}`, `"…"`, `CVPR`, `2020` or `CVPR # " 2020"`


@dataclass(frozen=True)
class EntrySpan:
    """One `@type{key, …}` block: `start` at its `@`, `end` just after its closing brace."""

    type: str          # lower-cased
    key: str
    start: int
    end: int
    fields: tuple[FieldSpan, ...]
    closing: int       # the offset of the closing brace, where a new field goes before


def entry_count(text: str) -> int:
    """How many entries the text holds at most (`@type{` starts that are not @string, @comment or @preamble),
    counted by one scan with no parsing: what an import's size limit looks at before the parse costs anything."""
    return sum(1 for match in _ENTRY_START.finditer(text)
               if match.group(1).lower() not in ("string", "comment", "preamble"))


def entry_spans(text: str) -> list[EntrySpan]:
    """Every entry (not @string, @comment or @preamble) in file order; text outside entries is not looked at.

    A block that cannot be scanned (an unclosed brace) ends the scan: the importer has already refused
    such a file with its line, so the adapter never edits one."""
    spans: list[EntrySpan] = []
    position = 0
    while (match := _ENTRY_START.search(text, position)) is not None:
        kind, opener = match.group(1).lower(), match.group(2)
        end = _block_end(text, match.end() - 1, "}" if opener == "{" else ")")
        if end is None:
            break
        if kind not in ("string", "comment", "preamble"):
            body_start = match.end()
            comma = text.find(",", body_start, end - 1)
            key_end = comma if comma != -1 else end - 1
            key = text[body_start:key_end].strip()
            fields = field_spans(text, key_end + 1, end - 1) if comma != -1 else ()
            spans.append(EntrySpan(kind, key, match.start(), end, tuple(fields), end - 1))
        position = end
    return spans


def field_spans(text: str, start: int, stop: int) -> tuple[FieldSpan, ...]:
    """The `name = value` pairs between `start` and `stop` (an entry's body after its key)."""
    fields: list[FieldSpan] = []
    position = start
    while True:
        position = _skip(text, position, stop, " \t\r\n,")
        name = _NAME.match(text, position, stop)
        if name is None:
            return tuple(fields)
        equals = _skip(text, name.end(), stop, " \t\r\n")
        if equals >= stop or text[equals] != "=":
            return tuple(fields)
        value_start = _skip(text, equals + 1, stop, " \t\r\n")
        value_end = _value_end(text, value_start, stop)
        fields.append(FieldSpan(name.group(0).lower(), name.start(), value_start, value_end,
                                text[value_start:value_end]))
        position = value_end


def without_comments(text: str) -> str:
    """The text with each `@comment{…}` block blanked (its line breaks kept, so lines still count right):
    jekyll-scholar skips such a block whole, entries inside included, where bibtexparser reads into it."""
    kept, position = [], 0
    while (match := _ENTRY_START.search(text, position)) is not None:
        end = _block_end(text, match.end() - 1, "}" if match.group(2) == "{" else ")")
        if end is None:
            break
        if match.group(1).lower() == "comment":
            kept += [text[position:match.start()], "\n" * text.count("\n", match.start(), end)]
        else:
            kept.append(text[position:end])
        position = end
    return "".join(kept) + text[position:]


def string_macros(text: str) -> dict[str, str]:
    """`@string{CVPR = "IEEE Conference on …"}` → {'cvpr': 'IEEE Conference on …'} (macro names are
    case-insensitive in BibTeX); a macro may use an earlier one."""
    macros: dict[str, str] = {}
    position = 0
    while (match := _ENTRY_START.search(text, position)) is not None:
        end = _block_end(text, match.end() - 1, "}" if match.group(2) == "{" else ")")
        if end is None:
            break
        if match.group(1).lower() == "string":
            for field in field_spans(text, match.end(), end - 1):
                macros[field.name] = expand(field.raw, macros)
        position = end
    return macros


def expand(raw: str, macros: dict[str, str]) -> str:
    """A value as BibTeX reads it: the braces or quotes around each part removed, parts joined by `#`
    concatenated, numbers as written, macros replaced by their text (an unknown one stays as its name)."""
    parts = []
    for part in _parts(raw.strip()):
        if len(part) >= 2 and (part[0], part[-1]) in (("{", "}"), ('"', '"')):
            parts.append(part[1:-1])
        else:
            parts.append(macros.get(part.lower(), part))
    return "".join(parts)


def is_macro_value(raw: str) -> bool:
    """Is the value (or a part of it) a macro name, not a literal in braces, quotes or digits?"""
    return any(not (part[:1] in "{\"" or part.isdigit()) for part in _parts(raw.strip()))


def _parts(raw: str) -> list[str]:
    parts, position = [], 0
    while position < len(raw):
        position = _skip(raw, position, len(raw), " \t\r\n")
        if position >= len(raw):
            break
        end = _part_end(raw, position, len(raw))
        parts.append(raw[position:end])
        position = _skip(raw, end, len(raw), " \t\r\n")
        if position < len(raw) and raw[position] == "#":
            position += 1
        elif position < len(raw):
            parts.append(raw[position:])  # not BibTeX; kept as typed rather than lost
            break
    return parts


def _value_end(text: str, position: int, stop: int) -> int:
    """Just after a value: parts joined by `#`, up to (not including) the comma or the entry's end."""
    end = position
    while position < stop:
        end = _part_end(text, position, stop)
        after = _skip(text, end, stop, " \t\r\n")
        if after < stop and text[after] == "#":
            position = _skip(text, after + 1, stop, " \t\r\n")
            continue
        return end
    return end


def _part_end(text: str, position: int, stop: int) -> int:
    if position >= stop:
        return position
    if text[position] == "{":
        return _block_end(text, position, "}") or stop
    if text[position] == '"':
        depth, index = 0, position + 1
        while index < stop:
            char = text[index]
            if char == "{":
                depth += 1
            elif char == "}":
                depth -= 1
            elif char == '"' and depth <= 0:
                return index + 1
            index += 1
        return stop
    match = re.compile(r"[^\s,#}]+").match(text, position, stop)
    return match.end() if match else position + 1


_BRACKETS = re.compile(r"[{}()]")


def _block_end(text: str, opening: int, closer: str) -> int | None:
    """Just after the `}` (or `)`) that closes the opener at `opening`, counting the braces between (BibTeX
    counts every brace, escaped or not)."""
    depth = 0
    for match in _BRACKETS.finditer(text, opening + 1):
        char = match.group(0)
        if char == "{":
            depth += 1
        elif char == "}":
            if depth == 0 and closer == "}":
                return match.end()
            depth -= 1
        elif char == ")" and closer == ")" and depth == 0:
            return match.end()
    return None


def _skip(text: str, position: int, stop: int, characters: str) -> int:
    while position < stop and text[position] in characters:
        position += 1
    return position
