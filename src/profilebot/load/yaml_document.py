"""Parse YAML text into plain data plus a SourceMap; every problem becomes a Finding, never a crash.

Why events and not `yaml.safe_load`: building the tree from libyaml's event stream is iterative (a
deeply nested document cannot overflow the C stack, which crashes PyYAML's composer), gives every value
its position in the same pass, and lets us refuse what a profile never needs before it costs anything:
duplicate keys, tags that would construct objects, alias bombs and absurd nesting. It is also about
four times faster than composing nodes, which matters for large profiles.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

import yaml
from yaml.events import (
    AliasEvent,
    DocumentStartEvent,
    MappingEndEvent,
    MappingStartEvent,
    ScalarEvent,
    SequenceEndEvent,
    SequenceStartEvent,
)
from yaml.nodes import ScalarNode
from yaml.resolver import Resolver

from profilebot.load.source_map import SourceMap
from profilebot.load.rules import duplicate_key, unsafe_yaml, yaml_syntax
from profilebot.load.wide_encoding import name_of, wide_encoding
from profilebot.findings import Finding, Path, Severity

MAX_BYTES = 10 * 1024 * 1024
MAX_DEPTH = 64
MAX_VALUES = 2_000_000  # after alias expansion; the 2,000-paper benchmark profile has about 50,000
# What aliases may add on top of the file, counted as expanded: every later stage (schema, lint, render) walks
# each reference again, so an alias's cost is the size of what it names, not one value. A shared author list
# reused by a few dozen papers fits easily; a 200 kB string named 20,000 times (4 GB to walk) or a 1,000-author
# list named by 1,500 papers (1.5 million authors) does not.
MAX_ALIAS_VALUES = 100_000
MAX_ALIAS_CHARS = 2 * 1024 * 1024

_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
# What a double-quoted escape can produce that the reader refuses when written raw: C0 and C1 controls other
# than tab and line breaks (NUL, BEL, ESC, …). No profile value holds one (importers/links.py removes them).
CONTROL_CHARACTER = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x84\x86-\x9f]")
_RESOLVER = Resolver()
_CORE = "tag:yaml.org,2002:"
# Explicit tags that only restate what a plain value already is are harmless; any other tag asks a
# loader to construct something (a Python object, a set, binary data) and is refused.
_ALLOWED_TAGS = {_CORE + t for t in ("str", "int", "float", "bool", "null", "seq", "map")}


@dataclass
class Document:
    """A parsed profile: plain data (dicts, lists, str, int, float, bool, None) and where each value is."""

    data: Any
    source_map: SourceMap
    source: str = "profile.yaml"
    findings: list[Finding] = field(default_factory=list)


def _finding(code: str, rule: str, message: str, hint: str, source: str, line: int | None, column: int | None,
             path: Path = ()) -> Finding:
    return Finding(code=code, rule=rule, severity=Severity.ERROR, message=message, hint=hint, path=path,
                   line=line, column=column, source=source)


def decode(raw: bytes, source: str) -> tuple[str | None, list[Finding]]:
    """Bytes → text. A UTF-8 byte-order mark is accepted; anything that is not UTF-8 is a finding."""
    if len(raw) > MAX_BYTES:
        return None, [_finding(unsafe_yaml.CODE, unsafe_yaml.NAME, f"the file is {len(raw):,} bytes; the limit is {MAX_BYTES:,}.",
                               "A profile is text of a few hundred kilobytes; check that this is the right file.",
                               source, None, None)]
    wide = wide_encoding(raw)
    if wide is not None:  # valid text, in an encoding other than UTF-8: say which, not which byte is wrong
        return None, [_finding(yaml_syntax.CODE, yaml_syntax.NAME, f"the file is saved as {name_of(wide[0])}; "
                               "profilebot reads UTF-8.",
                               "Save it as UTF-8 (most editors offer it under 'Save with encoding'; in PowerShell, "
                               "write it with `Out-File -Encoding utf8`).", source, 1, 1)]
    try:
        return raw.decode("utf-8-sig"), []
    except UnicodeDecodeError as error:
        before = raw[: error.start]
        line = before.count(b"\n") + 1
        column = len(before) - (before.rfind(b"\n") + 1) + 1
        return None, [_finding(yaml_syntax.CODE, yaml_syntax.NAME, f"byte 0x{raw[error.start]:02x} is not valid UTF-8.",
                               "Save the file as UTF-8 (most editors offer it under 'Save with encoding').",
                               source, line, column)]


def parse(text: str, source: str = "profile.yaml") -> Document:
    """Parse one YAML document. Syntax and safety problems come back as findings on the Document."""
    if len(text) > MAX_BYTES:
        raw_findings = decode(text.encode("utf-8", "replace"), source)[1]
        return Document(None, SourceMap(), source, raw_findings)
    builder = _Builder(source)
    try:
        # This loop runs once per event (about 100,000 for 2,000 papers): calling the parser's get_event
        # directly instead of through the yaml.parse generator, and looking handlers up by type, saves
        # about a third of the loading time.
        handlers = _Builder._handlers
        loader = _Loader(text.lstrip("\ufeff"))
        try:
            get_event = loader.get_event
            while (event := get_event()) is not None:
                handler = handlers.get(type(event))
                if handler is not None and handler(builder, event):
                    break
        finally:
            loader.dispose()
    except yaml.MarkedYAMLError as error:
        builder.findings.append(_syntax_finding(error, source))
    except yaml.reader.ReaderError as error:  # a control character in the file itself
        builder.findings.append(_control_character(text.lstrip("\ufeff"), error, source))
    except yaml.YAMLError as error:
        builder.findings.append(_finding(yaml_syntax.CODE, yaml_syntax.NAME, f"YAML syntax error: {error}.",
                                         "Remove control characters from the file.", source, None, None))
    return Document(builder.result, builder.source_map, source, builder.findings)


def _control_character(text: str, error: yaml.reader.ReaderError, source: str) -> Finding:
    before = text[: error.position]
    line, column = before.count("\n") + 1, error.position - (before.rfind("\n") + 1) + 1
    code = error.character if isinstance(error.character, int) else ord(str(error.character)[:1] or "\0")
    return _finding(yaml_syntax.CODE, yaml_syntax.NAME, f"the file holds the control character U+{code:04X}, which YAML does not "
                    "allow.", "Delete it (it usually arrives by copy-paste and is invisible in most editors).",
                    source, line, column)


def _syntax_finding(error: yaml.MarkedYAMLError, source: str) -> Finding:
    mark = error.problem_mark or error.context_mark
    problem = " ".join(p for p in (error.context, error.problem) if p)
    if error.context_mark and error.problem and "end of stream" in error.problem:
        # An unclosed quote or bracket: the end of the file says nothing; where it was opened does.
        mark = error.context_mark
        problem += " (what starts here is never closed)"
    elif error.context_mark and error.problem_mark and error.context_mark.line != error.problem_mark.line:
        problem += f" (the {error.context.split()[-1] if error.context else 'value'} began at line " \
                   f"{error.context_mark.line + 1}, column {error.context_mark.column + 1})"
    line, column = (mark.line + 1, mark.column + 1) if mark else (None, None)
    if "nesting depth" in problem:  # libyaml ≥ 0.2.6 stops absurd nesting itself, in its scanner
        return _too_deep(source, line, column)
    return _finding(yaml_syntax.CODE, yaml_syntax.NAME, f"YAML syntax error: {problem}.",
                    "Check indentation and quoting near this position; a value containing ': ' or starting with a "
                    "special character ({ [ * & ! | > ' \" % @ `) must be quoted.", source, line, column)


def _too_deep(source: str, line: int | None, column: int | None, path: Path = ()) -> Finding:
    return _finding(unsafe_yaml.CODE, unsafe_yaml.NAME, f"the document nests deeper than {MAX_DEPTH} levels.",
                    "A profile needs only a few levels; check for runaway brackets or indentation.",
                    source, line, column, path)


class _Builder:
    """Turns a libyaml event stream into plain data and positions, refusing unsafe constructs."""

    _handlers: dict[type, Any] = {}

    def __init__(self, source: str) -> None:
        self.source = source
        self.source_map = SourceMap()
        self.findings: list[Finding] = []
        self.result: Any = None
        self.documents = 0
        self.values = 0
        self.chars = 0  # text of every scalar, keys included, as expanded
        self.alias_values = 0
        self.alias_chars = 0
        # Each frame: [container, path, pending key or None, anchor, values at start, chars at start]
        self.stack: list[list[Any]] = []
        self.anchors: dict[str, tuple[Any, int, int]] = {}

    def fail(self, code: str, rule: str, message: str, hint: str, mark: Any, path: Path = ()) -> bool:
        self.findings.append(_finding(code, rule, message, hint, self.source, mark.line + 1, mark.column + 1, path))
        return True

    def document_start(self, event: DocumentStartEvent) -> bool:
        self.documents += 1
        if self.documents > 1:
            return self.fail(yaml_syntax.CODE, yaml_syntax.NAME, "the file holds more than one YAML document ('---').",
                             "Keep the whole profile in one document; remove the second '---'.", event.start_mark)
        return False

    def scalar_event(self, event: ScalarEvent) -> bool:
        if event.tag is not None and self.tag_refused(event):
            return True
        if event.style == '"' and CONTROL_CHARACTER.search(event.value):
            found = CONTROL_CHARACTER.search(event.value)
            assert found is not None
            return self.fail(unsafe_yaml.CODE, unsafe_yaml.NAME, f"the text holds the control character "
                             f"U+{ord(found.group(0)):04X} (written as an escape such as \"\\0\").",
                             "Remove the escape: no output format can carry the character, and it is invisible.",
                             event.start_mark, self.current_path())
        value = self.scalar(event)
        self.chars += len(event.value)
        if not self.stack:
            return self.add(value, event, size=1)  # the whole document is one scalar
        # add() and attach() inlined for the most frequent event: a scalar inside a list or mapping.
        frame = self.stack[-1]
        container = frame[0]
        if type(container) is list:
            path = frame[1] + (len(container),)
            container.append(value)
        else:
            key = frame[2]
            if key is None:
                return self.key(value, event)
            path = frame[1] + (key,)
            container[key] = value
            frame[2] = None
        self.values += 1
        mark = event.start_mark
        assert mark is not None  # the parser marks every event; only hand-made events lack one
        self.source_map.values[path] = (mark.line + 1, mark.column + 1)
        if event.anchor:
            self.anchors[event.anchor] = (value, 1, len(event.value))
        return False

    def open_event(self, event: Any) -> bool:
        if event.tag is not None and self.tag_refused(event):
            return True
        return self.open(event)

    def close_event(self, _event: Any) -> bool:
        return self.close()

    def tag_refused(self, event: Any) -> bool:
        tag = event.tag
        if tag is None or tag == "!" or tag in _ALLOWED_TAGS:
            return False
        return self.fail(unsafe_yaml.CODE, unsafe_yaml.NAME, f"the tag {tag!r} is not allowed in a profile.",
                         "Remove the tag; a profile holds only plain text, numbers, lists and mappings.",
                         event.start_mark, self.current_path())

    @staticmethod
    def scalar(event: ScalarEvent) -> Any:
        value = event.value
        if not event.implicit[0] or event.style:  # quoted, block or explicitly tagged as str
            if event.tag in (None, "!", _CORE + "str"):
                return value
        elif event.tag is None and value and value[0] not in _RESOLVABLE_FIRST:
            return value  # no implicit resolver starts with this character: plain text, without asking
        if event.tag not in (None, "!"):
            tag = event.tag
        else:  # types-PyYAML leaves Resolver.resolve unannotated
            tag = _RESOLVER.resolve(ScalarNode, value, (True, False))  # type: ignore[no-untyped-call]
        return _construct(tag, value)

    def current_path(self) -> Path:
        if not self.stack:
            return ()
        container, key = self.stack[-1][0], self.stack[-1][2]
        path: Path = self.stack[-1][1]
        if isinstance(container, list):
            return path + (len(container),)
        return path + (key,) if key is not None else path

    def open(self, event: Any) -> bool:
        if len(self.stack) >= MAX_DEPTH:
            mark = event.start_mark
            self.findings.append(_too_deep(self.source, mark.line + 1, mark.column + 1, self.current_path()))
            return True
        path = self.current_path()
        if self.stack and isinstance(self.stack[-1][0], dict) and self.stack[-1][2] is None:
            return self.fail(yaml_syntax.CODE, yaml_syntax.NAME, "a mapping key must be plain text, not a list or mapping.",
                             "Write keys as simple words, e.g. 'title:'.", event.start_mark, path)
        self.source_map.values[path] = (event.start_mark.line + 1, event.start_mark.column + 1)
        container: Any = {} if isinstance(event, MappingStartEvent) else []
        self.stack.append([container, path, None, event.anchor, self.values, self.chars])
        return False

    def close(self) -> bool:
        container, _path, _key, anchor, start, start_chars = self.stack.pop()
        size = self.values - start + 1
        if anchor:
            self.anchors[anchor] = (container, size, self.chars - start_chars)
        return self.attach(container, size=1)

    def alias(self, event: AliasEvent) -> bool:
        assert event.anchor is not None  # `*name`: an alias always names its anchor
        value, size, chars = self.anchors.get(event.anchor, (None, 1, 0))
        self.values += size
        self.chars += chars
        self.alias_values += size
        self.alias_chars += chars
        if self.values > MAX_VALUES or self.alias_values > MAX_ALIAS_VALUES or self.alias_chars > MAX_ALIAS_CHARS:
            expanded = (f"{self.alias_chars:,} characters" if self.alias_chars > MAX_ALIAS_CHARS
                        else f"{self.alias_values:,} values")
            return self.fail(unsafe_yaml.CODE, unsafe_yaml.NAME, f"aliases expand to {expanded} by here, more than a profile "
                             f"needs (at most {MAX_ALIAS_VALUES:,} values and {MAX_ALIAS_CHARS:,} characters).",
                             "Write the repeated part out where it is needed, or reuse it fewer times; every "
                             "'*alias' costs as much as what it names.", event.start_mark, self.current_path())
        return self.add(value, event, size=0)

    def add(self, value: Any, event: Any, size: int) -> bool:
        if self.stack and isinstance(self.stack[-1][0], dict) and self.stack[-1][2] is None:
            return self.key(value, event)
        path = self.current_path()
        self.source_map.values[path] = (event.start_mark.line + 1, event.start_mark.column + 1)
        if isinstance(event, ScalarEvent) and event.anchor:  # an AliasEvent's anchor names its target
            self.anchors[event.anchor] = (value, 1, len(event.value))
        return self.attach(value, size)

    def key(self, value: Any, event: Any) -> bool:
        frame = self.stack[-1]
        # Keys keep their written text: `2019:` or `no:` is a name here, not a number or a boolean.
        key = event.value if isinstance(event, ScalarEvent) else str(value)
        position = (event.start_mark.line + 1, event.start_mark.column + 1)
        if key in frame[0]:
            first = self.source_map.keys.get(frame[1] + (key,))
            where = f" (first at line {first[0]})" if first else ""
            self.fail(duplicate_key.CODE, duplicate_key.NAME, f"the key {key!r} appears twice in the same mapping{where}.",
                      "Delete one of them; YAML keeps only one and the other would be silently lost.",
                      event.start_mark, frame[1] + (key,))
        frame[2] = key
        self.source_map.keys[frame[1] + (key,)] = position
        return False

    def attach(self, value: Any, size: int) -> bool:
        self.values += size
        if not self.stack:
            self.result = value
            return False
        frame = self.stack[-1]
        if isinstance(frame[0], list):
            frame[0].append(value)
        else:
            frame[0][frame[2]] = value
            frame[2] = None
        return False


# Each handler consumes one event and returns True to stop reading (a fatal finding was recorded).
_Builder._handlers = {
    DocumentStartEvent: _Builder.document_start, ScalarEvent: _Builder.scalar_event,
    MappingStartEvent: _Builder.open_event, SequenceStartEvent: _Builder.open_event,
    MappingEndEvent: _Builder.close_event, SequenceEndEvent: _Builder.close_event, AliasEvent: _Builder.alias,
}
# First characters for which YAML 1.1 has an implicit resolver (bool, int, float, null, merge, value);
# a plain scalar starting with any other character is a string.
_RESOLVABLE_FIRST = frozenset(key for key in Resolver.yaml_implicit_resolvers if key)


def _construct(tag: str, text: str) -> Any:
    """Plain scalars by YAML 1.1's rules (as PyYAML and Jekyll read them), except timestamps stay text."""
    if tag == _CORE + "null":
        return None
    if tag == _CORE + "bool":
        return text.lower() in ("yes", "true", "on", "y")
    if tag in (_CORE + "int", _CORE + "float"):
        loader = yaml.SafeLoader
        constructor = loader.construct_yaml_int if tag.endswith("int") else loader.construct_yaml_float
        try:
            return constructor(_SCALAR_LOADER, ScalarNode(tag, text))
        except ValueError:  # an integer of more than 4,300 digits: Python refuses to convert it; the schema
            return text     # then says what the field should hold instead of the loader crashing
    return text


_SCALAR_LOADER = yaml.SafeLoader("")
