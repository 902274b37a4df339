"""Edit a page's front matter in place: change, add or remove single keys and keep every other byte.

A person's page (an academicpages `_publications/*.md`, a Hugo `content/publication/*/index.md`) holds
more than profilebot models: comments, commented-out keys, blank lines, its own key order and quoting,
keys only its theme reads, CRLF line ends, a byte-order mark, and the body. `parse` finds each top-level
key with the exact span of its value; `edit` splices new values into those spans only, so what the
profile does not own is untouched by construction, and reads the result back to prove that exactly the
requested keys changed (a slip raises instead of reaching the person's file).

The syntax is a parameter: `YAML` (`---` fences, Jekyll and Hugo) and `TOML` (`+++` fences, Hugo) are
`Syntax` values: the fence, how it finds the keys with their spans (`scan`), how it writes a value
(`value`) and a new key line (`line`), and where a new key goes (`append_at`: in TOML, before the first
`[table]`, whose keys are the table's).
"""

from __future__ import annotations

import datetime
import json
import re
from dataclasses import dataclass
from typing import Any, Callable, Mapping

import yaml

from profilebot.errors import UsageError
from profilebot.load import patch, yaml_document

BOM = "\ufeff"
_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


@dataclass(frozen=True)
class Entry:
    """One top-level key as written: `start` is where its line starts, `value_start`/`value_end` the value's
    own characters (no trailing comment, no line break; an empty value is the empty span after the `:`),
    `end` the index after the line break that ends the entry (its last line)."""

    key: str
    start: int
    value_start: int
    value_end: int
    end: int
    style: str | None = None  # a scalar's quoting: None (plain), "'", '"', "|", ">"; "[" a flow list, "-" a block list
    item_style: str | None = None  # a list's quoting of its items (the first quoted one), None when all plain
    item_prefix: str = ""  # a block list's item lead ("  - "), as the file writes it; its span starts there


@dataclass(frozen=True)
class Syntax:
    """One front-matter language."""

    name: str
    fence: str  # the line that opens and closes the front matter
    closers: tuple[str, ...]  # the lines that may close it (YAML also allows `...`)
    scan: Callable[[str, str, int], tuple[list[Entry], dict[str, Any]]]  # (text, source, first line) → entries, data
    value: Callable[[Any, Entry | None], str]  # a value as written in place of `old` (None: a new key)
    line: Callable[[str, str], str]  # a new key's line (without its line break) from the key and written value
    # where new keys go, as an offset into the front matter's text; None: at its end
    append_at: Callable[[str], int] | None = None


@dataclass(frozen=True)
class FrontMatter:
    """A document split at its fences; offsets are into `text` (the whole document, BOM included)."""

    text: str
    syntax: Syntax
    start: int  # first character of the front matter (after the opening fence's line break)
    end: int  # first character of the closing fence line
    body_start: int  # first character after the closing fence's line break
    entries: tuple[Entry, ...]
    data: dict[str, Any]
    newline: str

    @property
    def body(self) -> str:
        return self.text[self.body_start:]

    @property
    def first_body_line(self) -> int:
        """The body's first line number (1-based), for messages pointing into the body."""
        return self.text.count("\n", 0, self.body_start) + 1

    def entry(self, key: str) -> Entry | None:
        """The key's entry; the last one when a key repeats (the one Jekyll and Hugo read)."""
        return next((e for e in reversed(self.entries) if e.key == key), None)

    def line_of(self, key: str) -> int | None:
        """The 1-based line of the file where `key` is written."""
        entry = self.entry(key)
        return self.text.count("\n", 0, entry.start) + 1 if entry else None


def has_front_matter(text: str, syntax: Syntax | None = None) -> bool:
    first = text.removeprefix(BOM).split("\n", 1)[0].rstrip("\r").rstrip()
    return first == (syntax or YAML).fence


def parse(text: str, source: str, syntax: Syntax | None = None) -> FrontMatter:
    """The front matter of `text` with every top-level key's spans, or UsageError with file:line."""
    syntax = syntax or YAML
    offset = len(BOM) if text.startswith(BOM) else 0
    first_end = _line_end(text, offset)
    if text[offset:first_end].rstrip("\r\n").rstrip() != syntax.fence:
        raise UsageError(f"{source}:1:1: no front matter: the file must start with a line `{syntax.fence}`.",
                         f"A page starts with `{syntax.fence}`, its fields, and `{syntax.fence}` again.")
    start = first_end
    cursor = start
    while cursor < len(text):
        line_end = _line_end(text, cursor)
        if text[cursor:line_end].rstrip("\r\n").rstrip() in syntax.closers:
            break
        cursor = line_end
    else:
        raise UsageError(f"{source}:1:1: the front matter is never closed (no second `{syntax.fence}` line).",
                         f"Add a line `{syntax.fence}` after the last front-matter field.")
    first_line = text.count("\n", 0, start) + 1
    entries, data = syntax.scan(text[start:cursor], source, first_line)
    moved = tuple(_moved(entry, start) for entry in entries)
    newline = "\r\n" if text[offset:first_end].endswith("\r\n") else "\n"
    return FrontMatter(text, syntax, start, cursor, _line_end(text, cursor), moved, data, newline)


def edit(text: str, changes: Mapping[str, Any], source: str, syntax: Syntax | None = None) -> str:
    """`text` with each key of `changes` set to its value (None: the key removed); a key not yet written is
    added at the end of the front matter, in the order given. Every other byte stays as it was."""
    if not changes:
        return text
    matter = parse(text, source, syntax)
    splices: list[tuple[int, int, str]] = []
    added: list[str] = []
    for key, value in changes.items():
        entry = matter.entry(key)
        if entry is None and key in matter.data:  # TOML: a `[key]` table or dotted keys, not one `key = …` line
            raise UsageError(f"{source}:{matter.first_body_line - 1}:1: `{key}` is written as a table ([{key}]), "
                             "which profilebot does not rewrite.",
                             f"Write it as one line (`{key} = {{…}}`) or change it by hand.")
        if entry is None:
            if value is not None:
                line = matter.syntax.line(key, matter.syntax.value(value, None))
                added.append(line.replace("\n", matter.newline) + matter.newline)
        elif value is None:
            splices.append((entry.start, entry.end, ""))
        else:
            written = matter.syntax.value(value, entry)
            if entry.value_start == entry.value_end and not written.startswith("\n"):
                written = " " + written  # `key:` with no value: the value needs its space after the colon
            splices.append((entry.value_start, entry.value_end, written.replace("\n", matter.newline)))
    if added:
        at = matter.end if matter.syntax.append_at is None else \
            matter.start + matter.syntax.append_at(text[matter.start:matter.end])
        splices.append((at, at, "".join(added)))
    pieces, cursor = [], 0
    for start, end, new in sorted(splices):
        pieces += [text[cursor:start], new]
        cursor = end
    result = "".join(pieces) + text[cursor:]
    _verify(result, matter, changes, source)
    return result


def _verify(result: str, before: FrontMatter, changes: Mapping[str, Any], source: str) -> None:
    after = parse(result, source, before.syntax)
    expected = {k: v for k, v in before.data.items() if k not in changes}
    got = {k: v for k, v in after.data.items() if k not in changes}
    if got != expected or after.body != before.body:
        raise RuntimeError(f"{source}: editing the front matter changed what it did not ask to change")
    for key, value in changes.items():
        if value is None and key in after.data:
            raise RuntimeError(f"{source}: the key {key} could not be removed")


def _moved(entry: Entry, by: int) -> Entry:
    return Entry(entry.key, entry.start + by, entry.value_start + by, entry.value_end + by, entry.end + by,
                 entry.style, entry.item_style, entry.item_prefix)


def _line_end(text: str, index: int) -> int:
    found = text.find("\n", index)
    return len(text) if found < 0 else found + 1


# --- YAML ------------------------------------------------------------------------------------------------


def _yaml_scan(text: str, source: str, first_line: int) -> tuple[list[Entry], dict[str, Any]]:
    """Top-level keys from the parser's event marks (exact character offsets, CRLF counted as two).

    A key that is not a name (`[//]: # (a Markdown comment)`, which real pages put in front matter to hide
    a line: Jekyll reads it as a list-valued key) is kept as written and left out of the data.
    """
    try:
        events = list(yaml.parse(text, Loader=_Loader))
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line, column = (first_line + mark.line, mark.column + 1) if mark else (first_line, 1)
        raise UsageError(f"{source}:{line}:{column}: broken front matter: {error.problem or error}",
                         "Fix the YAML between the `---` lines (quote a value holding `: ` or starting with a "
                         "quote, bracket or `@`).") from None
    except yaml.YAMLError as error:
        raise UsageError(f"{source}:{first_line}:1: broken front matter: {error}") from None
    entries: list[Entry] = []
    hidden: list[Entry] = []  # entries under a key that is not a name
    depth = 0
    value: _Value | None = None  # the top-level value being read
    key: tuple[str, int, int] | None = None  # the key before it: name, its line's start, the index after its `:`
    complex_key: tuple[int, int] | None = None  # a collection key being read: its depth and its line's start

    def done(entry: Entry) -> None:
        (hidden if entry.key == "" else entries).append(entry)

    for event in events:
        if isinstance(event, (yaml.StreamStartEvent, yaml.StreamEndEvent, yaml.DocumentStartEvent,
                              yaml.DocumentEndEvent)):
            continue
        assert event.start_mark is not None and event.end_mark is not None  # the parser marks every event
        start, end = event.start_mark.index, event.end_mark.index
        opens = isinstance(event, (yaml.MappingStartEvent, yaml.SequenceStartEvent))
        closes = isinstance(event, (yaml.MappingEndEvent, yaml.SequenceEndEvent))
        if complex_key is not None:
            depth += 1 if opens else -1 if closes else 0
            if depth == 1:  # the key's collection is closed: its value follows
                key, complex_key = ("", complex_key[1], text.find(":", end) + 1), None
            continue
        if depth == 1 and key is None:  # a top-level key
            line_start = text.rfind("\n", 0, start) + 1
            if opens:
                complex_key = (depth, line_start)
                depth += 1
                continue
            key = (str(getattr(event, "value", "")), line_start, text.find(":", end) + 1)
            continue
        if opens:
            if depth == 1 and key is not None:
                flow = bool(getattr(event, "flow_style", False))
                kind = ("{" if flow else ":") if isinstance(event, yaml.MappingStartEvent) else ("[" if flow else "-")
                # A block collection's value starts right after the `:`, so a new one replaces its line breaks too.
                value = _Value(start if flow else key[2], end, kind)
            depth += 1
            continue
        if closes:
            depth -= 1
            if depth == 1 and key is not None and value is not None:
                if value.style in ("[", "{"):
                    value.end = end  # a flow collection ends at its bracket; a block one at its last item
                done(value.entry(text, key))
                key, value = None, None
            continue
        if depth == 1 and key is not None:  # a scalar (or alias) value of a top-level key
            style = getattr(event, "style", None) or None
            if style in ("|", ">"):  # a block scalar's span runs over its trailing line breaks
                end = start + len(text[start:end].rstrip())
            done(_Value(start, end, style).entry(text, key))
            key = None
            continue
        if value is not None:  # inside a top-level collection
            value.item(text, event, depth)
    return entries, _data(text, hidden, source, first_line)


def _data(text: str, hidden: list[Entry], source: str, first_line: int) -> dict[str, Any]:
    """The values as profilebot reads YAML (load/yaml_document: dates stay text, unsafe tags refused), with
    the hidden entries blanked out (same offsets, so a finding's line is still the file's)."""
    for entry in hidden:
        text = text[:entry.start] + re.sub(r"[^\r\n]", " ", text[entry.start:entry.end]) + text[entry.end:]
    document = yaml_document.parse(text, source)
    if document.findings and all(_ESCAPED.search(f.message) for f in document.findings):
        return _escaped_controls(text, source, first_line)
    if document.findings:
        finding = document.findings[0]
        line = first_line + (finding.line or 1) - 1
        raise UsageError(f"{source}:{line}:{finding.column or 1}: broken front matter: {finding.message}",
                         finding.hint)
    if document.data is None:
        return {}
    if not isinstance(document.data, dict):
        raise UsageError(f"{source}:{first_line}:1: the front matter is not a mapping of fields (title: …, date: …).",
                         "Write one `key: value` per line between the `---` lines.")
    return dict(document.data)


# The reader refuses a double-quoted value whose escapes make control characters. Real pages have them by
# accident: LaTeX in double quotes ("\\emph{…}" is ESC + "mph") and mojibake ("â\\x80\\x9C" for a curly quote).
_ESCAPED = re.compile(r"control character U\+00[0-9A-F]{2} \(written as an escape")
_CONTROL_ESCAPES = {"\x1b": "\\e", "\x07": "\\a", "\x08": "\\b", "\x0b": "\\v", "\x0c": "\\f", "\x00": "\\0"}


def _escaped_controls(text: str, source: str, first_line: int) -> dict[str, Any]:
    """Such a front matter read as Hugo and Jekyll read it (it passed every other check), each string then
    repaired: mojibake decoded back to the characters meant, a control character back to the escape typed."""
    data = yaml.load(text, Loader=_TextDatesLoader)
    if not isinstance(data, dict):
        raise UsageError(f"{source}:{first_line}:1: the front matter is not a mapping of fields (title: …, date: …).")
    return dict(_repaired(data))


class _TextDatesLoader(_Loader):  # type: ignore[misc, valid-type]
    """PyYAML's safe loader with dates kept as text, as load/yaml_document reads them (so both readings agree)."""


_TextDatesLoader.yaml_implicit_resolvers = {
    first: [(tag, pattern) for tag, pattern in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in _Loader.yaml_implicit_resolvers.items()}


def _repaired(value: Any) -> Any:
    if isinstance(value, dict):
        return {key: _repaired(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_repaired(item) for item in value]
    if not isinstance(value, str) or not re.search("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]", value):
        return value
    text = re.sub("[\u00c0-\u00ff][\x80-\xbf\u00a0-\u00bf]+", _unmojibake, value)
    return "".join(_CONTROL_ESCAPES.get(c, c if c >= " " or c in "\t\n\r" else "") for c in text)


def _unmojibake(match: re.Match[str]) -> str:
    try:
        return match.group(0).encode("latin-1").decode("utf-8")
    except (UnicodeEncodeError, UnicodeDecodeError):
        return match.group(0)


class _Value:
    """A top-level value's span and layout while its events are read."""

    def __init__(self, start: int, end: int, style: str | None) -> None:
        self.start, self.end, self.style = start, end, style
        self.item_style: str | None = None
        self.item_prefix = ""
        self.items = 0

    def item(self, text: str, event: Any, depth: int) -> None:
        start, end = event.start_mark.index, event.end_mark.index
        if self.style not in ("[", "{"):
            self.end = max(self.end, end)
        if depth != 2 or not isinstance(event, yaml.ScalarEvent):
            return
        if self.item_style is None and event.style in ("'", '"'):
            self.item_style = event.style
        if self.style == "-" and self.items == 0:
            line_start = text.rfind("\n", 0, start) + 1
            if text[line_start:start].strip() == "-":  # the items are rewritten from their first line on
                self.item_prefix, self.start = text[line_start:start], line_start
        self.items += 1

    def entry(self, text: str, key: tuple[str, int, int]) -> Entry:
        return Entry(key[0], key[1], self.start, self.end, _line_end(text, self.end), self.style,
                     self.item_style, self.item_prefix)


def _atom(value: Any) -> str | None:
    """Booleans, numbers and dates, written alike in YAML and TOML; None for anything else."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return repr(value)
    if isinstance(value, (datetime.date, datetime.datetime)):
        return value.isoformat()
    return None


def _yaml_value(value: Any, old: Entry | None) -> str:
    """A value as YAML, in the old value's own style where that style can hold it (a new string: plain when
    it reads back as itself in YAML 1.1, as Jekyll's Psych reads it, else double-quoted)."""
    atom = _atom(value)
    if atom is not None:
        return atom
    if isinstance(value, str):
        style = old.style if old is not None and old.style in ("'", '"') else None
        return patch.scalar(value, style if old is None or old.style in (None, "'", '"') else '"', flow=False)
    if isinstance(value, (list, tuple)) and all(isinstance(item, str) for item in value):
        quote = old.item_style if old is not None else '"'
        if old is not None and old.style == "-" and old.item_prefix and not value:
            # The span starts on the first item's line: an empty list goes there, indented under its key.
            return " " * (len(old.item_prefix) - len(old.item_prefix.lstrip()) + 1) + "[]"
        if old is not None and old.style == "-" and old.item_prefix:
            return "\n".join(old.item_prefix + patch.scalar(item, quote, flow=False) for item in value)
        if old is None and value or old is not None and old.style == "-":
            return "".join("\n  - " + patch.scalar(item, quote, flow=False) for item in value)
        return "[" + ", ".join(patch.scalar(item, quote, flow=True) for item in value) + "]"
    if isinstance(value, (dict, list, tuple)):  # a mapping or a list of mappings (Hugo's `links`, `hugoblox`)
        dumped = yaml.dump(_plain_data(value), Dumper=_BlockDumper, default_flow_style=False, sort_keys=False,
                           allow_unicode=True, width=10_000)
        return "".join("\n  " + line for line in dumped.rstrip("\n").split("\n"))
    raise TypeError(f"front matter values are text, numbers, dates, lists or mappings, not {type(value).__name__}")


class _BlockDumper(yaml.SafeDumper):
    """Block collections, list items indented under their key (`links:\n  - type: pdf`), as pages write them."""

    def increase_indent(self, flow: bool = False, indentless: bool = False) -> None:
        super().increase_indent(flow, False)


def _plain_data(value: Any) -> Any:
    if isinstance(value, dict):
        return {str(k): _plain_data(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_plain_data(v) for v in value]
    return value


def _yaml_line(key: str, written: str) -> str:
    return f"{key}:{'' if written.startswith(chr(10)) else ' '}{written}"


YAML = Syntax("YAML", "---", ("---", "..."), _yaml_scan, _yaml_value, _yaml_line)


# --- TOML (Hugo's `+++`) ---------------------------------------------------------------------------------

_TOML_KEY = re.compile(r'^[ \t]*([A-Za-z0-9_-]+|"(?:[^"\\]|\\.)*"|'"'[^']*'"r')[ \t]*=[ \t]*', re.M)
_TOML_TABLE = re.compile(r"^[ \t]*\[", re.M)


def _toml_scan(text: str, source: str, first_line: int) -> tuple[list[Entry], dict[str, Any]]:
    """Top-level `key = value` lines (those before the first `[table]`), each value's span found by reading
    ever longer text with tomllib until it parses (a value may run over lines: arrays, triple-quoted text),
    then cutting a trailing `# comment` off its last line."""
    import tomllib

    try:
        data = _toml_plain(tomllib.loads(text))
    except tomllib.TOMLDecodeError as error:
        where = re.search(r"line (\d+), column (\d+)", str(error))
        line, column = (first_line + int(where.group(1)) - 1, int(where.group(2))) if where else (first_line, 1)
        raise UsageError(f"{source}:{line}:{column}: broken TOML front matter: {str(error).split(' (at')[0]}.",
                         'Write one `key = value` a line between the `+++` lines; quote text: title = "…".') from None
    table = _TOML_TABLE.search(text)
    top = table.start() if table else len(text)
    entries = []
    for match in _TOML_KEY.finditer(text, 0, top):
        if text.rfind("\n", 0, match.start()) + 1 != match.start() and match.start() != 0:
            continue  # not at a line's start
        key = match.group(1).strip("\"'")
        value_start = match.end()
        value_end = _toml_value_end(text, value_start, top)
        if value_end is None:
            continue
        raw = text[value_start:value_end]
        style = '"' if raw.startswith('"') else "'" if raw.startswith("'") else "[" if raw.startswith("[") else None
        entries.append(Entry(key, match.start(), value_start, value_end, _line_end(text, value_end), style))
    return entries, data


def _toml_value_end(text: str, start: int, limit: int) -> int | None:
    import tomllib

    cursor = start
    while cursor < limit:
        cursor = _line_end(text, cursor)
        candidate = text[start:cursor]
        try:
            tomllib.loads("x = " + candidate)
        except tomllib.TOMLDecodeError:
            continue
        last_line = text.rfind("\n", start, cursor - 1) + 1 if "\n" in candidate.rstrip("\r\n") else start
        for hash_at in [m.start() for m in re.finditer("#", text[last_line:cursor])]:
            cut = text[start:last_line + hash_at].rstrip()
            try:
                tomllib.loads("x = " + cut)
            except tomllib.TOMLDecodeError:
                continue
            return start + len(cut)
        return start + len(candidate.rstrip())
    return None


def _toml_plain(value: Any) -> Any:
    """TOML dates and times as the text YAML keeps them in ('2018-06-15'), so both syntaxes read the same."""
    if isinstance(value, dict):
        return {key: _toml_plain(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_toml_plain(item) for item in value]
    if isinstance(value, (datetime.date, datetime.time)):
        return value.isoformat()
    return value


_TOML_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2})?)?$")


def _toml_value(value: Any, old: Entry | None) -> str:
    """A value as TOML: text as a basic string (a JSON string is one), a date bare where the old one was
    (`date = 2018-06-15`), lists and mappings inline."""
    atom = _atom(value)
    if atom is not None:
        return atom
    if isinstance(value, str):
        if _TOML_DATE.match(value) and (old is None or old.style is None):
            return value
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join(_toml_value(item, None) for item in value) + "]"
    if isinstance(value, dict):
        return "{" + ", ".join(f"{_toml_key(k)} = {_toml_value(v, None)}" for k, v in value.items()) + "}"
    raise TypeError(f"front matter values are text, numbers, dates, lists or mappings, not {type(value).__name__}")


def _toml_key(key: str) -> str:
    return key if re.fullmatch(r"[A-Za-z0-9_-]+", key) else json.dumps(key, ensure_ascii=False)


def _toml_line(key: str, written: str) -> str:
    return f"{_toml_key(key)} = {written}"


def _toml_append_at(text: str) -> int:
    """Before the first `[table]` (and the comment lines right above it, which describe the table)."""
    table = _TOML_TABLE.search(text)
    if table is None:
        return len(text)
    at = table.start()
    while at > 0:
        previous = text.rfind("\n", 0, at - 1) + 1
        if not text[previous:at].lstrip().startswith("#"):
            break
        at = previous
    return at


TOML = Syntax("TOML", "+++", ("+++",), _toml_scan, _toml_value, _toml_line, _toml_append_at)
SYNTAXES = (YAML, TOML)


def syntax_of(text: str) -> Syntax:
    """The syntax a page's front matter is written in, from its opening fence (YAML when there is none)."""
    return next((s for s in SYNTAXES if has_front_matter(text, s)), YAML)
