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
    indent = "  " * depth
    tag = _tag(name, inside_title)
    if isinstance(value, list):
        for item in value:
            _element(out, name, item, depth, inside_title)
    elif isinstance(value, dict) and set(value) != {"value"}:
        out.append(f"{indent}<{tag}>\n")
        for key, child in value.items():
            _element(out, key, child, depth + 1, inside_title=(name == "title" and not inside_title))
        out.append(f"{indent}</{tag}>\n")
    else:
        text = value["value"] if isinstance(value, dict) else value
        out.append(f"{indent}<{tag}>{xml_text(text)}</{tag}>\n")
