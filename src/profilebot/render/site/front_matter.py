"""Jekyll documents: YAML front matter that Liquid and HTML print literally, and an inert HTML body."""

from __future__ import annotations

import html
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


def for_html(text: str) -> str:
    """A front-matter value templates print raw into HTML (`{{ page.title }}`): HTML escaped, as academicpages'
    own generator does. Liquid never runs front-matter values, so `{{` there needs no escaping."""
    return html.escape(text, quote=True)


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
