"""orcid-works.xml: the same ORCID bulk payload as orcid-works.json, as <bulk:bulk> XML valid against bulk-3.0.xsd.

Built from orcid_works.bulk() so the two files cannot disagree: each JSON key becomes the element of
the same name, `{"value": …}` wrappers become element text, lists become repeated elements. Elements
the XSD puts in the common namespace (the inner title, publication-date, external ids, url, ORCID iDs)
get the `common:` prefix, the rest `work:`. Text is escaped by escaping.xml_text.
"""

from __future__ import annotations

from typing import Any

from profilebot.model.profile import Profile
from profilebot.render import orcid_works
from profilebot.render.escaping import xml_text

NAME = "orcid_xml"
DEFAULT_PATH = "orcid-works.xml"
MEDIA_TYPE = "application/vnd.orcid+xml"
WORKS = "orcid"  # which works the file carries: citations.orcid_works (papers on ORCID, patents)

_COMMON = {"publication-date", "year", "month", "day", "external-ids", "external-id", "external-id-type",
           "external-id-value", "external-id-url", "external-id-relationship", "url", "contributor-orcid",
           "uri", "path", "host"}
_HEADER = ('<?xml version="1.0" encoding="UTF-8"?>\n'
           '<bulk:bulk xmlns:bulk="http://www.orcid.org/ns/bulk" xmlns:common="http://www.orcid.org/ns/common"'
           ' xmlns:work="http://www.orcid.org/ns/work">\n')


def render(profile: Profile) -> str:
    out = [_HEADER]
    for item in orcid_works.bulk(profile)["bulk"]:
        _element(out, "work", item["work"], 1, inside_title=False)
    out.append("</bulk:bulk>\n")
    return "".join(out)


def _tag(name: str, inside_title: bool) -> str:
    # work:title wraps common:title — the one name used in both namespaces.
    return f"common:{name}" if name in _COMMON or (name == "title" and inside_title) else f"work:{name}"


def _element(out: list[str], name: str, value: Any, depth: int, inside_title: bool) -> None:
    # Called for every value of every work (90,000 for 2,000 papers): tags and indents come from tables.
    tag = _TAGS.get((name, inside_title)) or _TAGS.setdefault((name, inside_title), _tag(name, inside_title))
    indent = _INDENTS[depth] if depth < len(_INDENTS) else "  " * depth
    if type(value) is list:
        for item in value:
            _element(out, name, item, depth, inside_title)
    elif type(value) is dict and (len(value) != 1 or "value" not in value):
        out.append(f"{indent}<{tag}>\n")
        inner = name == "title" and not inside_title
        for key, child in value.items():
            _element(out, key, child, depth + 1, inner)
        out.append(f"{indent}</{tag}>\n")
    else:
        text = value["value"] if type(value) is dict else value
        out.append(f"{indent}<{tag}>{xml_text(text)}</{tag}>\n")


_TAGS: dict[tuple[str, bool], str] = {}
_INDENTS = tuple("  " * depth for depth in range(12))
