"""Append entries to sections of profile.yaml text, in the file's own style, leaving every other byte alone.

Why splice text rather than dump the whole round-trip tree: ruamel.yaml's round-trip dump keeps
comments, but may re-wrap long lines, re-indent flow collections or change quoting of lines nobody
touched. Here ruamel only *reads* the file (where each section ends, how items are indented, which
collections are flow style, which quote character the file prefers) and *renders the new entries*;
those lines are inserted and nothing else changes. The result is parsed back and compared with the
requested entries, so a rendering slip can never reach the user's file.
"""

from __future__ import annotations

import functools
import io
import re
from dataclasses import dataclass
from typing import Any, Sequence

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.resolver import VersionedResolver
from ruamel.yaml.scalarstring import DoubleQuotedScalarString, SingleQuotedScalarString
from ruamel.yaml.tag import Tag

from profilebot.errors import ProfilebotError
from profilebot.load.yaml_emitter import FastEmitter

_STR = "tag:yaml.org,2002:str"
# profile.yaml is read as YAML 1.1 (PyYAML): these plain words would become booleans there.
_YAML11_BOOLEANS = {"yes", "no", "on", "off", "y", "n", "true", "false"}
_FLOW_SPECIALS = re.compile(r"[,\[\]{}#]|: ")


class NotEditable(ProfilebotError):
    """The file is laid out in a way these edits do not change (a one-line list, a one-line entry), or lacks the
    entry to edit. The text has no name here: the caller says which file (`at`), so p.yaml is never called
    profile.yaml."""

    def __init__(self, message: str, hint: str, position: tuple[int, int] | None = None) -> None:
        super().__init__(message, hint)
        self.position = position  # ruamel's (line, column), from 0

    def at(self, source: str) -> str:
        """The message as the file `source` says it: `source:line:column: …`."""
        where = f"{source}:{self.position[0] + 1}:{self.position[1] + 1}" if self.position else source
        return f"{where}: {self.message}"


class _PlainDates(VersionedResolver):
    """Dates stay text (`date: 2020-10-09`, as the file writes them), read and written: ruamel would make a
    datetime of each, and fail on one no calendar has (`2021-13-45` from a source, kept for check to name)."""

    def resolve(self, kind: Any, value: Any, implicit: Any) -> Any:
        tag = super().resolve(kind, value, implicit)
        return Tag(suffix=_STR) if tag == "tag:yaml.org,2002:timestamp" else tag


class _Resolver(_PlainDates):
    """The writer's: dates plain, and YAML 1.1 booleans get quoted."""

    def resolve(self, kind: Any, value: Any, implicit: Any) -> Any:
        tag = super().resolve(kind, value, implicit)
        if tag == _STR and implicit and implicit[0] and isinstance(value, str) and value.lower() in _YAML11_BOOLEANS:
            return "tag:yaml.org,2002:bool"
        return tag


@dataclass(frozen=True)
class FieldEdit:
    """Set `key` of the entry `entry_id` in `section`: a new line when the entry lacks the key, else (only
    when `replace`) the value of the key's existing line; nothing else in the file changes."""

    section: str
    entry_id: str
    key: str
    value: Any
    replace: bool = False


@dataclass(frozen=True)
class _Style:
    mapping: int
    sequence: int
    offset: int
    quote: str
    blank_between: bool
    newline: str


def append(text: str, additions: Sequence[tuple[str, dict[str, Any]]]) -> str:
    """`text` with each (section, entry) appended to that top-level list, in order."""
    if not additions:
        return text
    document, lines = _mapping(text, "append to it")
    by_section: dict[str, list[dict[str, Any]]] = {}
    for section, entry in additions:
        by_section.setdefault(section, []).append(entry)
    result = _spliced(lines, [_edit(document, lines, section, entries) for section, entries in by_section.items()])
    _verify(result, document, by_section)
    return result


def _mapping(text: str, doing: str) -> tuple[CommentedMap, list[str]]:
    """The round-trip reading of the profile (positions, styles) and its lines."""
    document = _reader().load(text)
    if not isinstance(document, CommentedMap):
        raise ProfilebotError(f"the profile is not a mapping of sections; cannot {doing}.")
    return document, text.splitlines(keepends=True)


def _spliced(lines: list[str], splices: list[tuple[int, int, list[str]]]) -> str:
    """Apply (start, end, new lines) replacements from the bottom up, so earlier line numbers stay valid."""
    for start, end, new_lines in sorted(splices, key=lambda s: (s[0], s[1]), reverse=True):
        lines[start:end] = new_lines
    return "".join(lines)


def update(text: str, edits: Sequence[FieldEdit]) -> str:
    """`text` with each edit applied to its entry: new keys are added as lines at the end of the entry;
    replaced values are rewritten where they stand by patch.py (the one in-place value writer); every other
    byte stays as it was."""
    if not edits:
        return text
    from profilebot.load import patch, yaml_document

    document, lines = _mapping(text, "edit it")
    expected = yaml_document.parse(text).data  # the loader's reading: what the result must read back as
    added: dict[tuple[str, int], dict[str, Any]] = {}
    replaced: list[patch.Change] = []
    for item_edit in edits:
        index, item = _entry(document, item_edit.section, item_edit.entry_id)
        if item_edit.key in item:
            if item_edit.replace:  # a value the person wrote is never overwritten by a fill
                replaced.append(patch.Replace((item_edit.section, index, item_edit.key), str(item_edit.value)))
            continue
        added.setdefault((item_edit.section, index), {})[item_edit.key] = item_edit.value
        expected[item_edit.section][index][item_edit.key] = item_edit.value
    style = None
    splices = []
    for (section, index), keys in added.items():
        style = style or _style(document, lines, section)
        splices.append(_inserted(document, lines, section, index, keys, style))
    result = _spliced(lines, splices)
    parsed = yaml_document.parse(result)
    if parsed.findings or parsed.data != expected:
        raise RuntimeError(f"editing entries did not round-trip: {parsed.findings[:1] or 'data differs'}")
    return patch.apply(result, replaced)


def add_person_fields(text: str, fields: dict[str, Any]) -> str:
    """`text` with `fields` added as new lines at the end of the block mapping `person:` (keys it already has
    are left alone: a value the person wrote is never overwritten); every other byte stays as it was."""
    from profilebot.load import yaml_document

    document, lines = _mapping(text, "edit it")
    person = document.get("person")
    if not isinstance(person, CommentedMap) or person.fa.flow_style() or not person:
        raise NotEditable("'person' is not a block mapping, so fields cannot be added to it.",
                          "Write it with one field a line (person:, then '  name: …' below it).",
                          document.lc.key("person") if "person" in document else None)
    new = {key: value for key, value in fields.items() if key not in person and value not in (None, "", {}, [])}
    if not new:
        return text
    style = _style(document, lines, "publications")
    indent = person.lc.key(next(iter(person)))[1]  # person's own key indentation, used for nested maps too
    yaml = _writer()
    yaml.indent(mapping=max(indent, 1), sequence=style.sequence, offset=style.offset)
    stream = io.StringIO()
    yaml.dump({"person": _styled(new, None, style, flow=False)}, stream)
    rendered = [line + style.newline for line in stream.getvalue().splitlines()[1:]]
    end = _section_end(document, lines, list(document.keys()).index("person"))
    tail = [] if end == 0 or lines[end - 1].endswith(("\n", "\r")) else [style.newline]
    result = _spliced(lines, [(end, end, tail + rendered)])
    expected = yaml_document.parse(text).data
    expected["person"].update(new)
    parsed = yaml_document.parse(result)
    if parsed.findings or parsed.data != expected:
        raise RuntimeError(f"adding person fields did not round-trip: {parsed.findings[:1] or 'data differs'}")
    return result


def _entry(document: CommentedMap, section: str, entry_id: str) -> tuple[int, CommentedMap]:
    items = document.get(section)
    for index, item in enumerate(items if isinstance(items, CommentedSeq) else []):
        if isinstance(item, CommentedMap) and item.get("id") == entry_id:
            if item.fa.flow_style():
                raise NotEditable(f"the {section} entry '{entry_id}' is written on one line ({{…}}), so fields "
                                  "cannot be added to it.", "Write it as a block mapping, one field a line.",
                                  items.lc.item(index))
            return index, item
    raise NotEditable(f"no {section} entry with id '{entry_id}'.", "Run the command again on the file as it is now.")


def _inserted(document: CommentedMap, lines: list[str], section: str, index: int, keys: dict[str, Any],
              style: _Style) -> tuple[int, int, list[str]]:
    """New `key: value` lines after the entry's last line, at its keys' indentation, in the file's style."""
    items = document[section]
    item = items[index]
    if index + 1 < len(items):
        end = items.lc.item(index + 1)[0]
        while end > 0 and (not lines[end - 1].strip() or lines[end - 1].lstrip().startswith("#")):
            end -= 1
    else:
        end = _section_end(document, lines, list(document.keys()).index(section))
    first_key = next(iter(item))
    indent = item.lc.key(first_key)[1]
    rendered = _render(section, [keys], items, style)
    shifted = []
    for number, line in enumerate(rendered):
        body = line[_indent(line):]
        if number == 0:
            body = body[2:] if body.startswith("- ") else body
            shifted.append(" " * indent + body)
        else:
            shifted.append(" " * (indent + _indent(line) - _indent(rendered[0]) - 2) + body
                           if line.strip() else line)
    return end, end, shifted


def _reader() -> YAML:
    yaml = YAML()
    yaml.Resolver = _PlainDates
    yaml.preserve_quotes = True
    return yaml


def _edit(document: CommentedMap, lines: list[str], section: str,
          entries: list[dict[str, Any]]) -> tuple[int, int, list[str]]:
    """(first line to replace, end line, replacement lines) for one section."""
    style = _style(document, lines, section)
    existing = document.get(section)
    rendered = _render(section, entries, existing if isinstance(existing, CommentedSeq) else None, style)
    keys = list(document.keys())
    if section not in document:
        tail = [] if not lines or lines[-1].endswith(("\n", "\r")) else [style.newline]
        blank = [style.newline] if lines else []
        return len(lines), len(lines), tail + blank + [f"{section}:{style.newline}"] + rendered
    if not isinstance(existing, CommentedSeq) or not existing or existing.fa.flow_style():
        if existing:  # a non-empty flow list such as `talks: [a]` would need rewriting, not appending
            raise NotEditable(f"'{section}' is written as a one-line list ([…]), so entries cannot be appended.",
                              "Write it as a block list, one '- ' item a line.", document.lc.key(section))
        line = document.lc.key(section)[0]
        # `talks: []  # none yet` → `talks:  # none yet`: only the empty value goes; the comment stays.
        header = re.sub(r"^(\S[^:]*:)\s*(?:\[\s*\]|~|null)?", r"\1", lines[line].rstrip("\r\n"), count=1)
        return line, line + 1, [header + style.newline] + rendered
    end = _section_end(document, lines, keys.index(section))
    separator = [style.newline] if style.blank_between else []
    body = []
    for line in rendered:
        if line.lstrip().startswith("- ") and _indent(line) == style.offset:
            body += separator  # before each new item, as the file separates its items
        body.append(line)
    return end, end, body


def _section_end(document: CommentedMap, lines: list[str], index: int) -> int:
    """The line after the section's last item, before blank lines and the next section's own comments."""
    keys = list(document.keys())
    end = document.lc.key(keys[index + 1])[0] if index + 1 < len(keys) else len(lines)
    while end > 0 and (not lines[end - 1].strip() or lines[end - 1].startswith("#")):
        end -= 1
    return end


def _style(document: CommentedMap, lines: list[str], section: str) -> _Style:
    newline = "\r\n" if lines and lines[0].endswith("\r\n") else "\n"
    double = sum(len(re.findall(r'(?:^|[:\[,{-]\s)"', line)) for line in lines)
    single = sum(len(re.findall(r"(?:^|[:\[,{-]\s)'", line)) for line in lines)
    quote = "'" if single > double else '"'
    mapping, sequence, offset, blank = 2, 4, 2, False
    for value in [document.get(section)] + [v for v in document.values() if v is not document.get(section)]:
        block_of_mappings = isinstance(value, CommentedSeq) and value and isinstance(value[0], CommentedMap)
        if block_of_mappings and not value.fa.flow_style():
            line, column = value.lc.item(0)
            offset = _indent(lines[line])
            sequence, mapping = column, _nested_mapping_indent(value) or 2
            blank = any(not lines[value.lc.item(i)[0] - 1].strip() for i in range(1, len(value)))
            break
    return _Style(mapping, sequence, offset, quote, blank, newline)


def _nested_mapping_indent(items: CommentedSeq) -> int | None:
    for item in items:
        for key, value in item.items():
            if isinstance(value, CommentedMap) and value and not value.fa.flow_style():
                indent: int = value.lc.key(next(iter(value)))[1] - item.lc.key(key)[1]
                return indent
    return None


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


def _writer() -> YAML:
    """The emitter of new entries: dates plain, YAML 1.1 booleans quoted, lines never wrapped."""
    yaml = YAML()
    yaml.Resolver = _Resolver
    yaml.Emitter = FastEmitter  # ruamel's, without its per-character loops: the same bytes
    yaml.width = 100_000  # never wrap: the file's long lines are one line each
    return yaml


def _render(section: str, entries: list[dict[str, Any]], existing: CommentedSeq | None, style: _Style) -> list[str]:
    yaml = _writer()
    yaml.indent(mapping=style.mapping, sequence=style.sequence, offset=style.offset)
    items = CommentedSeq(_styled(entry, _example(existing, entry), style, flow=False) for entry in entries)
    stream = io.StringIO()
    yaml.dump({section: items}, stream)
    return [line + style.newline for line in stream.getvalue().splitlines()[1:]]


def _example(existing: CommentedSeq | None, entry: dict[str, Any]) -> dict[str, Any]:
    """Per key, an existing item's value to copy the layout from (flow or block)."""
    example: dict[str, Any] = {}
    for item in existing or []:
        if isinstance(item, CommentedMap):
            for key in entry:
                if key not in example and isinstance(item.get(key), (CommentedMap, CommentedSeq)):
                    example[key] = item[key]
    return example


def _styled(value: Any, example: Any, style: _Style, flow: bool) -> Any:
    """`value` as ruamel objects, flow where the example is flow, strings quoted as the file quotes."""
    if isinstance(value, dict):
        result = CommentedMap()
        is_flow = flow or (isinstance(example, CommentedMap) and example.fa.flow_style())
        for key, item in value.items():
            sample = example.get(key) if isinstance(example, dict) else None
            result[key] = _styled(item, sample, style, is_flow)
        if is_flow:
            result.fa.set_flow_style()
        return result
    if isinstance(value, list):
        is_flow = flow or (isinstance(example, CommentedSeq) and example.fa.flow_style())
        sample = example[0] if isinstance(example, CommentedSeq) and example else None
        sequence = CommentedSeq(_styled(item, sample, style, is_flow) for item in value)
        if is_flow:
            sequence.fa.set_flow_style()
        return sequence
    if isinstance(value, str) and _needs_quotes(value, flow):
        return DoubleQuotedScalarString(value) if style.quote == '"' else SingleQuotedScalarString(value)
    return value


# Text that is plain YAML in every reader: a letter first, then letters, digits, spaces and punctuation that
# means nothing to YAML (no ':', '#', quotes first, brackets), ending in a letter, digit or closing mark.
_SURELY_PLAIN = re.compile(r"^[^\W\d_][\w .,;()'’/&+?!\-\u2013\u2014]*[\w.)?!]$")
_YAML11_WORDS = {"y", "n", "yes", "no", "on", "off", "true", "false", "null"}
_SURELY_QUOTED = re.compile(r"^[\[\]{}'\"#&*!|>%@`]|: | #|:$|^\s|\s$")


def _needs_quotes(value: str, flow: bool) -> bool:
    if _SURELY_PLAIN.match(value) and value.lower() not in _YAML11_WORDS:
        plain = True  # most titles and names: no need to ask the emitter (an import of 1,000 works asks 11,000 times)
    elif _SURELY_QUOTED.search(value):
        plain = False  # "Title: subtitle", a comment mark, an indicator first: no plain scalar can hold it
    else:
        # Ask the emitter itself: it knows every case in which a plain scalar would read back differently.
        stream = io.StringIO()
        _quote_probe().dump([value], stream)
        plain = not stream.getvalue()[2:].startswith(("'", '"'))
    return not plain or (flow and bool(_FLOW_SPECIALS.search(value)))


@functools.lru_cache(maxsize=1)
def _quote_probe() -> YAML:
    """One writer reused for the quoting question (building one scans ruamel's plug-ins: ~0.5 ms each)."""
    return _writer()


def _verify(result: str, before: CommentedMap, by_section: dict[str, list[dict[str, Any]]]) -> None:
    """The edited text must hold the old items followed by exactly the new entries (as the loader reads them)."""
    from profilebot.load import yaml_document

    parsed = yaml_document.parse(result)
    data = parsed.data if isinstance(parsed.data, dict) else {}
    for section, entries in by_section.items():
        old = len(before.get(section) or [])
        tail = (data.get(section) or [])[old:]
        if parsed.findings or tail != [_plain(e) for e in entries]:
            raise RuntimeError(f"appending to '{section}' did not round-trip: {parsed.findings[:1] or tail[:1]}")


def _plain(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    return value
