"""The loader: plain data plus the position of every value and key, and refusals instead of crashes."""

from __future__ import annotations

import pytest

from profilebot.load.yaml_document import MAX_DEPTH, decode, parse


def positions(text: str) -> tuple[dict, dict]:
    document = parse(text)
    assert not document.findings, document.findings
    return document.source_map.values, document.source_map.keys


def test_block_mapping_and_sequence_positions():
    values, keys = positions("person:\n  name: Ada\ninterests:\n  - engines\n  - poetry\n")
    assert values[("person",)] == (2, 3)
    assert values[("person", "name")] == (2, 9)
    assert keys[("person", "name")] == (2, 3)
    assert keys[("interests",)] == (3, 1)
    assert values[("interests", 0)] == (4, 5)
    assert values[("interests", 1)] == (5, 5)


def test_flow_collections_positions():
    values, keys = positions("person: {name: Ada, name_variants: [A. L., 'Lovelace, A.']}\n")
    assert values[("person", "name")] == (1, 16)
    assert keys[("person", "name_variants")] == (1, 21)
    assert values[("person", "name_variants", 0)] == (1, 37)
    assert values[("person", "name_variants", 1)] == (1, 44)


def test_multi_line_scalars_point_at_their_start():
    text = ("person:\n  name: Ada\n  bio: >\n    folded\n    text\n  headline: |\n    literal\n"
            "  location: plain\n    continued\n")
    document = parse(text)
    values = document.source_map.values
    assert values[("person", "bio")] == (3, 8)
    assert values[("person", "headline")] == (6, 13)
    assert values[("person", "location")] == (8, 13)
    assert document.data["person"] == {"name": "Ada", "bio": "folded text\n", "headline": "literal\n",
                                       "location": "plain continued"}


def test_scalars_resolve_as_yaml_1_1_except_timestamps():
    document = parse("a: 2024\nb: 2024-06-01\nc: yes\nd: ~\ne: '2024'\nf: 1.5\ng: Huang\nh: -3\ni: .inf\nj: 0x1F\n")
    assert document.data == {"a": 2024, "b": "2024-06-01", "c": True, "d": None, "e": "2024", "f": 1.5,
                             "g": "Huang", "h": -3, "i": float("inf"), "j": 31}


def test_keys_keep_their_written_text():
    assert parse("2019: a\nno: b\n").data == {"2019": "a", "no": "b"}


def test_anchors_and_aliases_are_expanded():
    assert parse("a: &x [1, 2]\nb: *x\nc: &y text\nd: *y\n").data == {"a": [1, 2], "b": [1, 2], "c": "text",
                                                                        "d": "text"}


def test_bom_and_crlf_are_fine():
    text, findings = decode(b"\xef\xbb\xbfperson:\r\n  name: Ada\r\n", "p.yaml")
    assert not findings
    document = parse(text)
    assert document.data == {"person": {"name": "Ada"}} and not document.findings
    assert document.source_map.values[("person", "name")] == (2, 9)


@pytest.mark.parametrize(("text", "code", "position"), [
    ("a: [1, 2\n", "PB000", (2, 1)),
    ("a: 1\na: 2\n", "PB002", (2, 1)),
    ("a: !!python/object:os.system x\n", "PB003", (1, 4)),
    ("a: !!binary aGVsbG8=\n", "PB003", (1, 4)),
    ("a: 1\n---\nb: 2\n", "PB000", (2, 1)),
    ("? [a, b]\n: c\n", "PB000", (1, 3)),
    ("a: \x07\n", "PB000", (1, 4)),  # a control character: where it is
])
def test_refusals_are_findings_with_positions(text, code, position):
    document = parse(text)
    assert [f.code for f in document.findings] == [code]
    finding = document.findings[0]
    assert (finding.line, finding.column) == (position or (None, None))
    assert finding.message and finding.hint


def test_deep_nesting_is_refused_without_recursion():
    depth = 100_000
    document = parse("a: " + "[" * depth + "]" * depth + "\n")
    assert [f.code for f in document.findings] == ["PB003"]
    # Where it stops: at our limit, or earlier in libyaml's own scanner (≥ 0.2.6 caps flow nesting at 1,000).
    assert document.findings[0].line == 1
    assert document.findings[0].column in (4 + MAX_DEPTH - 1, 4 + 1000 - 1)


def test_nesting_past_the_limit_but_within_libyaml_reports_our_limit():
    document = parse("a: " + "[" * 500 + "]" * 500 + "\n")
    assert [(f.code, f.line, f.column) for f in document.findings] == [("PB003", 1, 4 + MAX_DEPTH - 1)]


def test_alias_bomb_is_refused_quickly():
    lines = ['a: &a ["x","x","x","x","x","x","x","x","x","x"]']
    for previous, name in zip("abcdefgh", "bcdefghi"):
        lines.append(f"{name}: &{name} [" + ",".join([f"*{previous}"] * 10) + "]")
    document = parse("\n".join(lines) + "\n")
    assert [f.code for f in document.findings] == ["PB003"]
    assert "aliases expand" in document.findings[0].message


def test_non_utf8_bytes_are_a_finding_at_their_position():
    text, findings = decode(b"a: 1\nb: caf\xe9\n", "p.yaml")
    assert text is None
    assert [(f.code, f.line, f.column) for f in findings] == [("PB000", 2, 7)]


def test_oversized_input_is_refused_before_parsing():
    text, findings = decode(b"a" * (10 * 1024 * 1024 + 1), "p.yaml")
    assert text is None and findings[0].code == "PB003"


def test_same_input_same_output():
    text = "person: {name: Ada}\npublications: [{id: a, title: T}]\n"
    first, second = parse(text), parse(text)
    assert first.data == second.data and first.source_map == second.source_map


# --- aliases are counted as expanded: what they name, not one value each ------------------------------

def test_a_long_string_named_by_many_aliases_is_refused_at_its_position():
    text = "big: &s " + "x" * 200_000 + "\nmany:\n" + "  - *s\n" * 20_000
    document = parse(text)
    (finding,) = document.findings
    assert finding.code == "PB003" and "characters" in finding.message
    assert finding.line == 2 + 11 and finding.path == ("many", 10)  # the first alias past the budget


def test_a_large_author_list_reused_by_many_papers_is_refused():
    authors = "authors: &team [" + ", ".join(f"Author Number{i}" for i in range(1_000)) + "]\n"
    papers = "".join(f"  - {{id: p{i}, authors: *team}}\n" for i in range(1_500))
    document = parse("person: {name: A}\n" + authors + "publications:\n" + papers)
    assert [f.code for f in document.findings] == ["PB003"]
    assert "aliases expand to" in document.findings[0].message


def test_a_shared_author_list_reused_a_few_dozen_times_is_fine():
    authors = "shared: &team [" + ", ".join(f"Author Number{i}" for i in range(20)) + "]\n"
    papers = "".join(f"  - {{id: p{i}, authors: *team}}\n" for i in range(50))
    document = parse(authors + "publications:\n" + papers)
    assert document.findings == [] and len(document.data["publications"][49]["authors"]) == 20


# --- control characters and unclosed constructs are reported where they are ---------------------------

def test_a_raw_control_character_is_refused_at_its_line_and_column():
    (finding,) = parse('person:\n  name: Ada\x07\n').findings
    assert (finding.code, finding.line, finding.column) == ("PB000", 2, 12) and "U+0007" in finding.message


@pytest.mark.parametrize("escape,code_point", [("\\0", "U+0000"), ("\\a", "U+0007"), ("\\e", "U+001B"),
                                               ("\\x85x\\x9f", "U+009F")])
def test_an_escaped_control_character_is_refused_too(escape, code_point):
    (finding,) = parse(f'person:\n  name: "Ada{escape}"\n').findings
    assert (finding.code, finding.line, finding.column) == ("PB003", 2, 9) and code_point in finding.message


def test_tabs_and_line_breaks_written_as_escapes_are_fine():
    assert parse('person:\n  name: "Ada\\tLovelace\\n"\n').findings == []


def test_an_unclosed_quote_is_reported_where_it_opens_not_at_the_end_of_the_file():
    (finding,) = parse('person:\n  name: Ada\n  bio: "unterminated\n  x: 1\n\n\n').findings
    assert (finding.line, finding.column) == (3, 8) and "never closed" in finding.message
