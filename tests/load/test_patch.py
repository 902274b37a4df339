"""load/patch.py: values replaced and list items added in the file's own layout, nothing else touched."""

from __future__ import annotations

import pytest
import yaml
from hypothesis import example, given, settings
from hypothesis import strategies as st

from profilebot.errors import ProfilebotError
from profilebot.load.patch import Append, Replace, apply


@pytest.mark.parametrize(("before", "change", "after"), [
    ("a: x  # c\n", Replace(("a",), "z"), "a: z  # c\n"),
    ("a: x  # c\n", Replace(("a",), "y"), 'a: "y"  # c\n'),  # YAML 1.1 reads a plain y as true
    ("a: 'x'\n", Replace(("a",), "it's"), "a: 'it''s'\n"),
    ('a: "x"\n', Replace(("a",), 'say "hi"'), 'a: "say \\"hi\\""\n'),
    # A plain value that would read back as something else gets quotes.
    ("a: x\n", Replace(("a",), "yes"), 'a: "yes"\n'),
    ("a: x\n", Replace(("a",), "b: c"), 'a: "b: c"\n'),
    ("a: [x, 'y']\n", Replace(("a", 0), "p, q"), "a: [\"p, q\", 'y']\n"),
    ("a: [x]\n", Append(("a",), "z"), "a: [x, z]\n"),
    ("a: []\n", Append(("a",), "y"), 'a: ["y"]\n'),
    ("a:\n  - x   # one\n  - y\nb: 1\n", Append(("a",), "z"), "a:\n  - x   # one\n  - y\n  - z\nb: 1\n"),
    ("a:\n- x\n- y", Append(("a",), "z"), "a:\n- x\n- y\n- z"),
    ("p:\n  name: N  # me\n  other: 1\n", Append(("p", "variants"), "V"),
     'p:\n  name: N  # me\n  variants: ["V"]\n  other: 1\n'),
    ("\ufeffa: x\r\nb: y\r\n", Replace(("b",), "z"), "\ufeffa: x\r\nb: z\r\n"),
])
def test_an_edit_keeps_every_other_byte(before, change, after):
    assert apply(before, [change]) == after


@pytest.mark.parametrize(("before", "change"), [
    ("a: {b: [x]}\n", Append(("a", "c"), "y")),  # no new key inside a flow mapping
    ("a: &x v\nb: *x\n", Replace(("b",), "w")),  # an alias is not a value of its own
    ("a: x\n", Append(("a",), "y")),  # not a list
])
def test_an_edit_that_cannot_be_made_safely_is_refused(before, change):
    with pytest.raises(ProfilebotError):
        apply(before, [change])


@example("=", "x").via("hypothesis found it: plain '=' resolves to YAML's value tag")
@example("<<", "x").via("plain '<<' resolves to YAML's merge tag")
@settings(max_examples=60, deadline=None)
@given(st.text(st.characters(blacklist_categories=("Cs", "Cc")), max_size=30),
       st.sampled_from(["x", "'x'", '"x"']))
def test_any_text_replaces_any_scalar_and_reads_back(value, written):
    before = f"# head\nkey: {written}   # tail\nnext: 1\n"
    after = apply(before, [Replace(("key",), value)])
    assert yaml.safe_load(after) == {"key": value, "next": 1}
    assert after.startswith("# head\nkey: ") and after.endswith("   # tail\nnext: 1\n")
