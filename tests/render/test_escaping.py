"""The named escape functions, one syntax each, on the characters that break that syntax."""

from __future__ import annotations

import xml.etree.ElementTree as ET

from tests.render import readers
from hypothesis import given, settings
from hypothesis import strategies as st

from profilebot.render import escaping


def test_bibtex_writes_latex_accents_as_scholar_does_and_decodes_back():
    assert escaping.bibtex_text("Camacho-Rodríguez") == "Camacho-Rodr{\\'\\i}guez"
    assert escaping.bibtex_text("Škoda Ørsted Weiß") == "{\\v{S}}koda {\\O}rsted Wei{\\ss}"
    assert readers.latex_decode(escaping.bibtex_text("Camacho-Rodríguez Škoda Ørsted")) == \
        "Camacho-Rodríguez Škoda Ørsted"


def test_bibtex_keeps_braces_balanced_and_specials_literal():
    hostile = "a{b} \\c 50% & $x$ #1 _u_ ~ ^ {{ }} -- `` ''"
    escaped = escaping.bibtex_text(hostile)
    depth = 0
    for char in escaped:
        depth += {"{": 1, "}": -1}.get(char, 0)
        assert depth >= 0
    assert depth == 0
    assert "%" not in escaped.replace("{\\%}", "")
    assert readers.latex_decode(escaped) == hostile


def test_bibtex_keeps_other_scripts_as_utf8_and_can_skip_accents():
    assert escaping.bibtex_text("黄 😀 \u200f") == "黄 😀 \u200f"
    assert escaping.bibtex_text("Rodríguez", latex_accents=False) == "Rodríguez"


def test_bibtex_collapses_newlines():
    assert escaping.bibtex_text(" a\n\n b\t") == "a b"


def test_bibtex_name_protects_parts_bibtex_would_split():
    assert escaping.bibtex_name("Camacho-Rodríguez", "J.") == "Camacho-Rodr{\\'\\i}guez, J."
    assert escaping.bibtex_name("Smith and Sons", "A") == "{Smith and Sons}, A"
    assert escaping.bibtex_name("Doe, Jr", "Jo") == "{Doe, Jr}, Jo"
    assert escaping.bibtex_name("Acme Research Lab", "") == "{Acme Research Lab}"
    assert escaping.bibtex_name("Alexander", "Andy") == "Alexander, Andy"


def test_bibtex_verbatim_keeps_urls_usable():
    assert escaping.bibtex_verbatim("https://x.org/a_b%20c") == "https://x.org/a_b%20c"
    assert escaping.bibtex_verbatim("https://x.org/{a} b") == "https://x.org/%7Ba%7D%20b"


def test_tagged_value_is_one_trimmed_line():
    assert escaping.tagged_value("  Title\nER  - \r\nmore\u2028x ") == "Title ER - more x"
    assert escaping.tagged_value("a\x00b") == "ab"


def test_xml_text_escapes_markup_and_survives_a_parser():
    hostile = "a < b & c > \"d\" 'e'\r\nf\x01"
    element = ET.fromstring(f"<t>{escaping.xml_text(hostile)}</t>")
    assert element.text == "a < b & c > \"d\" 'e'\r\nf"


def test_json_document_is_utf8_indented_and_ends_with_newline():
    assert escaping.json_document({"b": "é", "a": [1]}, sort_keys=True) == '{\n  "a": [\n    1\n  ],\n  "b": "é"\n}\n'


def test_markdown_text_renders_literally():
    for hostile in ("*not bold* _x_ [link](y) <b> &amp; `code` a|b ~~s~~ $m$ \\", "# heading", "- item",
                    "1. item", "> quote", "==="):
        rendered = readers.markdown_text_tokens(escaping.markdown_text(hostile))
        assert rendered == [hostile], hostile
    assert escaping.markdown_text("Ph.D. 4.00/4.00") == "Ph.D. 4.00/4.00"


def test_markdown_text_in_a_heading_keeps_its_trailing_hashes():
    # A heading drops a closing run of '#' after a space: a name "C #" printed as the CV's title lost its '#'.
    for text in ("{ #", "C #", "Stage # ##  ", "x\n# y"):
        rendered = readers.markdown_text_tokens("# " + escaping.markdown_text(text) + "\n")
        assert rendered == [" ".join(text.split()) if "\n" in text else text.rstrip()], text


@settings(max_examples=300, deadline=None)
@given(st.recursive(st.text() | st.integers() | st.booleans() | st.none(),
                    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=5), inner, max_size=3),
                    max_leaves=12), st.booleans())
def test_json_document_fast_path_writes_the_standard_librarys_bytes(data, sort_keys):
    import json
    expected = json.dumps(data, ensure_ascii=False, indent=2, sort_keys=sort_keys) + "\n"
    assert escaping.json_document(data, sort_keys=sort_keys) == expected
