"""Read every output back with the ecosystem's own parsers, into plain records tests can compare with a profile."""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from pathlib import Path

import bibtexparser
import rispy
from bibtexparser.middlewares import SeparateCoAuthors, SplitNameParts
from pylatexenc.latex2text import LatexNodes2Text, MacroTextSpec, get_default_latex_context_db

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"

# pylatexenc's default table lacks three textcomp macros LaTeX has had since 1995 (and decodes
# \textasciicircum to the modifier letter ˆ); teach it the real glyphs.
_LATEX_DB = get_default_latex_context_db()
_LATEX_DB.add_context_category(
    "textcomp-braces", prepend=True,
    macros=[MacroTextSpec("textbraceleft", "{"), MacroTextSpec("textbraceright", "}"),
            MacroTextSpec("textasciicircum", "^")],
)
_LATEX = LatexNodes2Text(latex_context=_LATEX_DB, math_mode="verbatim", strict_latex_spaces=True)


def latex_decode(text: str) -> str:
    return _LATEX.latex_to_text(text)


@dataclass
class BibEntry:
    entry_type: str
    key: str
    fields: dict[str, str]                       # raw field text as bibtexparser read it
    authors: list[tuple[str, str]] = field(default_factory=list)   # (family, given), decoded

    def text(self, name: str) -> str | None:
        value = self.fields.get(name)
        return latex_decode(value) if value is not None else None


def read_bibtex(text: str) -> list[BibEntry]:
    library = bibtexparser.parse_string(text, append_middleware=[SeparateCoAuthors(), SplitNameParts()])
    assert not library.failed_blocks, [b.error for b in library.failed_blocks]
    entries = []
    for entry in library.entries:
        fields = {f.key: f.value for f in entry.fields if f.key != "author"}
        authors = []
        author_field = entry.fields_dict.get("author")
        for name in (author_field.value if author_field else []):
            family = " ".join(name.von + name.last)
            given = " ".join(name.first)
            authors.append((latex_decode(family), latex_decode(given)))
        entries.append(BibEntry(entry.entry_type, entry.key, fields, authors))
    return entries


def read_ris(text: str) -> list[dict]:
    return rispy.loads(text)


def read_tagged(text: str, tag_pattern: str) -> list[list[tuple[str, str]]]:
    """EndNote (`%X value`) and RefWorks (`XX value`) records: blank-line separated, one tag per line.

    No maintained Python reader exists for these two formats; this follows the published layout
    strictly and fails on any line that is not a tag line.
    """
    records = []
    for block in text.split("\n\n"):
        if not block.strip():
            continue
        record = []
        for line in block.strip("\n").split("\n"):
            match = re.fullmatch(tag_pattern + r" (.*)", line)
            assert match, f"not a tag line: {line!r}"
            record.append((match.group(1), match.group(2)))
        records.append(record)
    return records


def read_endnote(text: str) -> list[list[tuple[str, str]]]:
    return read_tagged(text, r"(%[0-9A-Z@])")


def read_refworks(text: str) -> list[list[tuple[str, str]]]:
    return read_tagged(text, r"([A-Z][A-Z0-9])")


def values(record: list[tuple[str, str]], tag: str) -> list[str]:
    return [v for t, v in record if t == tag]


def read_json(text: str):
    return json.loads(text)


NS = {"bulk": "http://www.orcid.org/ns/bulk", "work": "http://www.orcid.org/ns/work",
      "common": "http://www.orcid.org/ns/common"}


def read_orcid_xml(text: str) -> ET.Element:
    return ET.fromstring(text.encode("utf-8"))


def orcid_xsd():
    import xmlschema
    return xmlschema.XMLSchema(str(FIXTURES / "orcid-xsd" / "record_3.0" / "bulk-3.0.xsd"))


def schema(name: str) -> dict:
    return json.loads((FIXTURES / name).read_text("utf-8"))


def markdown_text_tokens(text: str) -> list[str]:
    """The literal text a CommonMark renderer shows, one string per inline run."""
    from markdown_it import MarkdownIt
    out = []
    for token in MarkdownIt("commonmark").parse(text):
        if token.type == "inline":
            out.append("".join(child.content for child in token.children or []
                               if child.type in ("text", "code_inline")))
    return out
