"""Change single values of profile.yaml text in place, leaving every other byte alone (`check --fix`).

edit.py appends whole entries to sections (import); this module rewrites values where they stand: a
scalar is replaced inside its own span, in its own quoting style, and a short list gains one item in
its own layout (flow `[a, b]` or block `- a`), or is created as a one-item flow list beside the
mapping's first key. Spans come from the YAML parser's event marks (exact character offsets), so
comments, quotes, blank lines, CRLF line ends and a byte-order mark elsewhere are untouched. The
result is parsed again and must equal the old data with exactly the requested changes applied;
otherwise nothing is returned but an error, so a slip can never reach the person's file.
"""

from __future__ import annotations

import copy
import json
import re
from dataclasses import dataclass
from typing import Any, Protocol, Sequence

import yaml

from profilebot.errors import ProfilebotError

Path = tuple[str | int, ...]
BOM = "\ufeff"
_PLAIN_SAFE = re.compile(r"^[^\s'\"#&*!|>%@`,\[\]{}?:-][^#\n\r]*$")
_RESOLVER = yaml.resolver.Resolver()
_YAML11_SPECIAL = re.compile(r"^(?:y|n|yes|no|on|off|true|false|null|~|[-+.\d][\d_.:eE+-]*)$", re.IGNORECASE)


@dataclass(frozen=True)
class Replace:
    """Set the scalar at `path` to `value` (a string)."""

    path: Path
    value: str


@dataclass(frozen=True)
class Append:
    """Add `value` to the end of the list at `path`, creating the list when the key is missing."""

    path: Path
    value: str


Change = Replace | Append


def apply(text: str, changes: Sequence[Change]) -> str:
    """`text` with every change made, or ProfilebotError when one cannot be made safely."""
    if not changes:
        return text
    bom = BOM if text.startswith(BOM) else ""
    body = text[len(bom):]
    spans = _Spans.of(body)
    splices: list[tuple[int, int, str]] = []
    for change in changes:
        splices.append(_replace(body, spans, change) if isinstance(change, Replace) else _append(body, spans, change))
    starts = [start for start, _, _ in splices]
    if len(set(starts)) != len(starts):
        raise ProfilebotError("two fixes change the same value; run `check --fix` again after this one.")
    # One pass over the text in order (not one copy of the whole text per change: 6,000 fixes in a 1 MB file).
    pieces, cursor = [], 0
    for start, end, new in sorted(splices):
        pieces += [body[cursor:start], new]
        cursor = end
    body = "".join(pieces) + body[cursor:]
    _verify(body, spans.data, changes)
    return bom + body


@dataclass
class _Node:
    start: int
    end: int
    style: str | None = None  # a scalar's quoting: None (plain), "'", '"', "|", ">"
    flow: bool = False  # a collection written inline ([a, b] / {a: b})
    items: list[_Node] | None = None  # a sequence's items, a mapping's values in order
    keys: list[_Node] | None = None  # a mapping's keys


class _Spans:
    """Every node's span by path, from one pass over the parser's events."""

    def __init__(self, data: Any, nodes: dict[Path, _Node]) -> None:
        self.data = data
        self.nodes = nodes

    @classmethod
    def of(cls, text: str) -> _Spans:
        try:
            events = list(yaml.parse(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader)))
        except yaml.YAMLError as error:
            raise ProfilebotError(f"the profile cannot be parsed, so nothing was fixed: {error}") from None
        data = _read(text)
        nodes: dict[Path, _Node] = {}
        stack: list[tuple[Path, _Node, bool, list[Any]]] = []  # (path, node, is_mapping, [next key or index])

        def child_path() -> tuple[Path, bool]:
            """The path of the node that starts now, and whether it is a mapping key."""
            if not stack:
                return (), False
            path, _node, is_mapping, state = stack[-1]
            if is_mapping:
                if state[0] is None:
                    return path, True
                return path + (state[0],), False
            return path + (state[0],), False

        def finished(path: Path, node: _Node, was_key: bool, value: Any) -> None:
            if not stack:
                nodes[path] = node
                return
            parent_path, parent, is_mapping, state = stack[-1]
            if is_mapping and was_key:
                state[0] = value
                parent.keys = (parent.keys or []) + [node]
                return
            nodes[path] = node
            parent.items = (parent.items or []) + [node]
            state[0] = None if is_mapping else state[0] + 1

        for event in events:
            if isinstance(event, yaml.ScalarEvent):
                path, is_key = child_path()
                style = event.style or None
                node = _Node(_index(event.start_mark), _index(event.end_mark), style)
                finished(path, node, is_key, event.value)
            elif isinstance(event, (yaml.MappingStartEvent, yaml.SequenceStartEvent)):
                path, is_key = child_path()
                if is_key:
                    raise ProfilebotError("the profile uses a collection as a mapping key; nothing was fixed.")
                node = _Node(_index(event.start_mark), -1, flow=bool(event.flow_style), items=[],
                             keys=[] if isinstance(event, yaml.MappingStartEvent) else None)
                stack.append((path, node, isinstance(event, yaml.MappingStartEvent),
                               [None] if isinstance(event, yaml.MappingStartEvent) else [0]))
            elif isinstance(event, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
                path, node, _is_mapping, _state = stack.pop()
                node.end = _index(event.end_mark)
                finished(path, node, False, None)
            elif isinstance(event, yaml.AliasEvent):
                path, is_key = child_path()
                finished(path, _Node(_index(event.start_mark), _index(event.end_mark), "*"), is_key, None)
        return cls(data, nodes)

    def node(self, path: Path) -> _Node | None:
        return self.nodes.get(path)


class _Mark(Protocol):
    index: int


def _index(mark: _Mark | None) -> int:
    assert mark is not None  # the parser marks every event; only hand-made events lack one
    return mark.index


def _replace(text: str, spans: _Spans, change: Replace) -> tuple[int, int, str]:
    node = spans.node(change.path)
    if node is None or node.items is not None or node.style == "*":
        raise ProfilebotError(f"{_where(change.path)} is not a single value in the file; fix it by hand.")
    return node.start, node.end, scalar(change.value, node.style, flow=_in_flow(spans, change.path))


def _append(text: str, spans: _Spans, change: Append) -> tuple[int, int, str]:
    node = spans.node(change.path)
    if node is None:
        return _new_list(text, spans, change)
    if node.items is None or node.keys is not None:
        raise ProfilebotError(f"{_where(change.path)} is not a list; fix it by hand.")
    if node.flow:
        item = scalar(change.value, _quote_of(node.items) if node.items else '"', flow=True)
        close = text.rfind("]", node.start, node.end)
        if not node.items:
            return node.start + 1, close, item
        last = node.items[-1]
        return last.end, last.end, ", " + item
    last = node.items[-1]
    line_start = text.rfind("\n", 0, last.start) + 1
    prefix = text[line_start:last.start]  # "  - " as the last item is written
    if prefix.strip() != "-":
        raise ProfilebotError(f"{_where(change.path)} is laid out in a way --fix does not edit; fix it by hand.")
    newline = "\r\n" if "\r\n" in text else "\n"
    line_end = _line_end(text, last.end)
    item = scalar(change.value, _quote_of(node.items), flow=False)
    if line_end == len(text) and not text.endswith("\n"):
        return line_end, line_end, newline + prefix + item
    return line_end, line_end, prefix + item + newline


def _new_list(text: str, spans: _Spans, change: Append) -> tuple[int, int, str]:
    """`key: [value]` on a new line after the first key of the parent mapping (its value one line long)."""
    parent_path, key = change.path[:-1], change.path[-1]
    parent = spans.node(parent_path)
    if parent is None or parent.keys is None or parent.flow or not parent.keys or parent.items is None:
        raise ProfilebotError(f"{_where(parent_path)} is not a block mapping; add {key} by hand.")
    first_key, first_value = parent.keys[0], parent.items[0]
    if first_value.items is not None or text.count("\n", first_key.start, first_value.end):
        raise ProfilebotError(f"{_where(parent_path)}: add {key} by hand.")
    indent = first_key.start - (text.rfind("\n", 0, first_key.start) + 1)
    newline = "\r\n" if "\r\n" in text else "\n"
    styles = [node.style for node in spans.nodes.values()]
    quote = "'" if styles.count("'") > styles.count('"') else '"'  # the file's usual quote; a tie is double
    line = f"{' ' * indent}{key}: [{scalar(change.value, quote, flow=True)}]"
    end = _line_end(text, first_value.end)
    if end == len(text) and not text.endswith("\n"):
        return end, end, newline + line
    return end, end, line + newline


def _line_end(text: str, index: int) -> int:
    """The index just after the line break that ends the line holding `index` (the text's end if none)."""
    found = text.find("\n", index)
    return len(text) if found < 0 else found + 1


def _in_flow(spans: _Spans, path: Path) -> bool:
    return any((node := spans.node(path[:i])) is not None and node.flow for i in range(len(path)))


def _quote_of(nodes: Any) -> str | None:
    """The quote character the quoted items use (the first quoted one), or None when all are plain."""
    return next((n.style for n in nodes if n.style in ("'", '"')), None)


def scalar(value: str, style: str | None, flow: bool) -> str:
    """`value` as a YAML scalar in `style`, falling back to double quotes when that style cannot hold it."""
    if style is None and _plain_reads_back(value, flow):
        return value
    if style == "'" and "\n" not in value and value.isprintable():
        return "'" + value.replace("'", "''") + "'"
    return json.dumps(value, ensure_ascii=False)  # a JSON string is a valid double-quoted YAML scalar


def _plain_reads_back(value: str, flow: bool) -> bool:
    if not value or not _PLAIN_SAFE.match(value) or _YAML11_SPECIAL.match(value) or value != value.strip():
        return False
    if ": " in value or " #" in value or (flow and re.search(r"[,\[\]{}]", value)):
        return False
    try:
        return bool(yaml.safe_load(value) == value)
    except yaml.YAMLError:  # "=" and "<<" resolve to tags (value, merge) that have no safe constructor
        return False


def _verify(result: str, before: Any, changes: Sequence[Change]) -> None:
    expected = copy.deepcopy(before)
    for change in changes:
        parent = expected
        for step in change.path[:-1]:
            parent = parent[step]
        last = change.path[-1]
        if isinstance(change, Replace):
            parent[last] = change.value
        else:
            parent.setdefault(last, []) if isinstance(parent, dict) else None
            parent[last].append(change.value)
    if _read(result) != expected:
        raise RuntimeError("a fix did not round-trip: the edited file reads back differently")


def _read(text: str) -> Any:
    """The data as profilebot reads it (yaml_document: one pass over libyaml's events, dates kept as text)."""
    from profilebot.load import yaml_document

    document = yaml_document.parse(text)
    if document.findings:
        raise ProfilebotError(f"the profile does not load ({document.findings[0].message}); nothing was fixed.")
    return document.data


def _where(path: Path) -> str:
    return "".join(f"[{p}]" if isinstance(p, int) else (f".{p}" if i else str(p)) for i, p in enumerate(path)) \
        or "the document"
