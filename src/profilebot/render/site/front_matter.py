"""Jekyll documents: YAML front matter that Liquid and HTML print literally, and an inert HTML body."""

from __future__ import annotations

import html
import re
from typing import Any, Mapping

import yaml


class _Dumper(yaml.SafeDumper):
    """SafeDumper that keeps the key order given (templates document fields in a reading order)."""


def _str(dumper: yaml.SafeDumper, value: str) -> yaml.Node:
    # Quote every string: 'yes', '1e3' or '2024-01-01' must stay strings for Ruby's YAML loader too.
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style='"')


class _Key(str):
    """A mapping key: written plain (`title:`), as every hand-written front matter does."""


def _key(dumper: yaml.SafeDumper, value: str) -> yaml.Node:
    return dumper.represent_scalar("tag:yaml.org,2002:str", str(value))


_Dumper.add_representer(str, _str)
_Dumper.add_representer(_Key, _key)


# What kramdown (Jekyll's `markdownify`, GFM input) gives a meaning inside one line: links and images `[`/`]`,
# emphasis `*`/`_`, code spans, strikethrough `~~`, math `$$`, table cells `|`, attribute lists `{: onclick=…}`,
# backslash escapes; `<`, `&` and quotes are HTML's. Each becomes a numeric entity, which kramdown passes through
# untouched and the browser shows as the character: whatever the theme does, the reader sees the text.
_MARKDOWNIFY_ENTITIES = {c: f"&#{ord(c)};" for c in "\\`*_[]{}|~$'"} | {
    "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;"}
# kramdown's typography turns "--", "---" and "..." into dashes and an ellipsis: keep what was typed.
_TYPOGRAPHY = re.compile(r"-(?=-)|\.(?=\.\.)")
# Marks that open a block at the start of the value (heading, list, quote, setext line, ordered list).
_BLOCK_START = re.compile(r"^(\s*)(#|[-+=>]|\d+(?=[.)]))")


def for_markdownify(text: str) -> str:
    """A front-matter value a theme runs through `markdownify` (academicpages: `title | markdownify`,
    `excerpt | markdownify`) or prints raw: no Markdown or HTML survives, only text.

    Entities rather than backslashes, because the same value is also printed raw elsewhere (a backslash would
    show there), and a backslash escape cannot protect `&`.
    """
    escaped = _TYPOGRAPHY.sub(lambda m: f"&#{ord(m.group(0))};", "".join(_MARKDOWNIFY_ENTITIES.get(c, c) for c in text))
    return _BLOCK_START.sub(lambda m: m.group(1) + "".join(f"&#{ord(c)};" for c in m.group(2)), escaped, count=1)


def for_body(text: str) -> str:
    """Body text: HTML escaped and Liquid's braces as entities, since Jekyll runs Liquid over the body."""
    return html.escape(text, quote=True).replace("{", "&#123;").replace("}", "&#125;")


def document(fields: Mapping[str, Any], body: str = "") -> str:
    """`---\\n<yaml>---\\n<body>`; None values are left out so a template's `if` tests see them as absent."""
    present = {_Key(key): value for key, value in fields.items() if value is not None}
    yaml_text = yaml.dump(present, Dumper=_Dumper, sort_keys=False, allow_unicode=True, width=10_000)
    return f"---\n{yaml_text}---\n{body}"


def inert_body(paragraphs: list[str]) -> str:
    """A body Jekyll passes through untouched: HTML paragraphs (kramdown leaves HTML blocks alone) whose text
    has HTML escaped and braces as entities, so Liquid finds no `{{`/`{%` to run and no `{% endraw %}` to break."""
    return "".join(f"<p>{for_body(text)}</p>\n" for text in paragraphs if text)
