"""front_matter_edit on real pages: only the requested values change, every other byte stays."""

from __future__ import annotations

import datetime

import pytest

from profilebot.errors import UsageError
from profilebot.render.site import front_matter_edit
from tests.paths import REAL_SITES

AP = REAL_SITES / "academicpages"
PAGES = sorted(p for p in REAL_SITES.glob("*/*/**/*.md")
               if front_matter_edit.has_front_matter(p.read_bytes().decode("utf-8", "replace")))


def read(path):
    return path.read_bytes().decode("utf-8")


def page(site, path):
    return read(AP / site / path)


def test_the_corpus_has_pages():
    assert len(PAGES) > 900


@pytest.mark.parametrize("path", PAGES, ids=lambda p: str(p.relative_to(REAL_SITES)))
def test_every_real_page_keeps_every_byte_but_the_changed_values(path):
    text = read(path)
    matter = front_matter_edit.parse(text, str(path))  # two Hugo pages' escaped control characters included
    assert [e.key for e in matter.entries] == list(matter.data)
    assert front_matter_edit.edit(text, {}, str(path)) == text
    for entry in matter.entries:
        old = matter.data[entry.key]
        if not isinstance(old, str):
            continue
        new = old + ' & "quoted": #x'
        edited = front_matter_edit.edit(text, {entry.key: new}, str(path))
        # Everything before the value and after it is the same text, byte for byte.
        assert edited[:entry.value_start] == text[:entry.value_start]
        tail = text[entry.value_end:]
        assert edited.endswith(tail)
        reread = front_matter_edit.parse(edited, str(path))
        assert reread.data == {**matter.data, entry.key: new}
        assert reread.body == matter.body


TITLE = "Matched Effective Sample Size for Temporal Evaluation with Conservative TCN Bounds"


def test_commented_out_keys_and_blank_lines_stay():
    text = page("BarakGahtan__barakgahtan.github.io", "_publications/10-beta-mixing.md")
    edited = front_matter_edit.edit(text, {"title": "A new title", "venue": "ICMI 2025",
                                                   "date": datetime.date(2025, 10, 1)}, "10-beta-mixing.md")
    assert "#date: 2023-10-01\n" in edited and "#collection: publications\n" in edited
    assert edited.count("\n") == text.count("\n") + 1  # only the added date line
    close = text.index("\n---\n", 3) + 1
    expected = text[:close] + "date: 2025-10-01\n" + text[close:]
    assert edited == expected.replace(f'title: "{TITLE}"', 'title: "A new title"').replace(
        'venue: "Preprint"', 'venue: "ICMI 2025"')
    matter = front_matter_edit.parse(edited, "x")
    assert matter.data["title"] == "A new title" and matter.data["venue"] == "ICMI 2025"
    assert list(matter.data)[-1] == "date"  # a new key goes last, before the closing fence


def test_markdown_comment_keys_in_front_matter_are_kept_not_read():
    # `[//]: # (venue: …)` is a Markdown comment someone put into front matter; YAML reads a list-valued key.
    text = page("BarakGahtan__barakgahtan.github.io", "_talks/2012-03-01-talk-1.md")
    matter = front_matter_edit.parse(text, "talk")
    assert set(matter.data) == {"title", "collection", "type", "permalink"}
    edited = front_matter_edit.edit(text, {"type": "Talk"}, "talk")
    assert edited == text.replace('type: "Blog"', 'type: "Talk"')


def test_crlf_pages_keep_their_line_ends_and_added_keys_use_them():
    text = page("Jeff97__Jeff97.github.io", "_publications/2021-03-01-JMPS.md")
    assert "\r\n" in text
    edited = front_matter_edit.edit(text, {"redirect_from": ["/old/url"], "venue": "J. Mech."}, "jmps")
    assert edited.count("\n") == edited.count("\r\n")
    assert front_matter_edit.parse(edited, "jmps").data["redirect_from"] == ["/old/url"]
    assert "# paperurl:" in text and edited.count("# ") == text.count("# ")


def test_a_block_list_keeps_its_layout_and_quoting():
    text = page("BillJr99__BillJr99.github.io", "_publications/2016-spmb.md")
    matter = front_matter_edit.parse(text, "spmb")
    tags = matter.data["tags"]
    edited = front_matter_edit.edit(text, {"tags": tags + ["new tag"]}, "spmb")
    entry = matter.entry("tags")
    assert entry is not None and entry.style == "-"
    old_block = text[entry.value_start:entry.value_end]
    assert edited.count(old_block) == 1  # the old items are written exactly as before, the new one after them
    assert front_matter_edit.parse(edited, "spmb").data["tags"] == tags + ["new tag"]
    emptied = front_matter_edit.edit(text, {"tags": []}, "spmb")
    assert front_matter_edit.parse(emptied, "spmb").data["tags"] == []


def test_deleting_a_key_removes_its_lines_only():
    text = page("MatteoMagnini__matteomagnini.github.io",
                "_publications/2022-01-01-a-view-to-a-kill-knowledge-injection-via-lambda-layer.md")
    matter = front_matter_edit.parse(text, "m")
    edited = front_matter_edit.edit(text, {"bibtexurl": None}, "m")
    entry = matter.entry("bibtexurl")
    assert entry is not None
    assert edited == text[:entry.start] + text[entry.end:]


def test_a_bom_and_dates_and_quoting_styles():
    text = "\ufeff---\ntitle: 'It''s'\ndate: 2020-8-20\nempty:\nbody_key: \"x\"   # note\n---\nBody {{ x }}\n"
    edited = front_matter_edit.edit(text, {"title": "Its new", "date": datetime.date(2020, 8, 21),
                                           "empty": "now set", "body_key": "y"}, "p.md")
    assert edited == ("\ufeff---\ntitle: 'Its new'\ndate: 2020-08-21\nempty: now set\nbody_key: \"y\"   # note\n"
                      "---\nBody {{ x }}\n")


def test_new_values_that_yaml_would_misread_are_quoted():
    text = "---\ntitle: x\n---\n"
    edited = front_matter_edit.edit(text, {"a": "yes", "b": "2020-01-01", "c": "a: b", "d": "#x", "title": "no"},
                                    "p.md")
    assert front_matter_edit.parse(edited, "p.md").data == {"title": "no", "a": "yes", "b": "2020-01-01",
                                                            "c": "a: b", "d": "#x"}


@pytest.mark.parametrize(("text", "where"), [
    ("title: x\n", "p.md:1:1: no front matter"),
    ("---\ntitle: x\n", "p.md:1:1: the front matter is never closed"),
    ("---\ntitle: x\nvenue: a: b\n---\n", "p.md:3:"),
    ("---\n- a\n---\n", "p.md:2:1: the front matter is not a mapping"),
])
def test_broken_front_matter_is_one_error_with_file_line_and_column(text, where):
    with pytest.raises(UsageError) as caught:
        front_matter_edit.parse(text, "p.md")
    assert str(caught.value).startswith(where)


# --- TOML (Hugo's `+++`) -----------------------------------------------------------------------------------

TOML_PAGES = sorted(p for p in REAL_SITES.glob("hugo/**/*.md")
                    if front_matter_edit.has_front_matter(read(p), front_matter_edit.TOML))


def test_the_corpus_has_toml_pages():
    assert len(TOML_PAGES) >= 40


@pytest.mark.parametrize("path", TOML_PAGES, ids=lambda p: str(p.relative_to(REAL_SITES)))
def test_every_real_toml_page_keeps_every_byte_but_the_changed_values(path):
    text = read(path)
    matter = front_matter_edit.parse(text, str(path), front_matter_edit.syntax_of(text))
    assert matter.syntax is front_matter_edit.TOML
    top = [e.key for e in matter.entries]
    assert top and set(top) <= set(matter.data)
    assert front_matter_edit.edit(text, {}, str(path), matter.syntax) == text
    for entry in matter.entries:
        old = matter.data[entry.key]
        if not isinstance(old, str):
            continue
        new = old + ' & "quoted" \\ # x'
        edited = front_matter_edit.edit(text, {entry.key: new}, str(path), matter.syntax)
        assert edited[:entry.value_start] == text[:entry.value_start]
        assert edited.endswith(text[entry.value_end:])
        reread = front_matter_edit.parse(edited, str(path), matter.syntax)
        assert reread.data == {**matter.data, entry.key: new} and reread.body == matter.body


def test_a_new_toml_key_goes_before_the_first_table_and_its_comments():
    path = REAL_SITES / "hugo" / "GeertLitjens__geertlitjens.github.io" / "content" / "talk" / "bessensap" / "index.md"
    text = read(path)
    edited = front_matter_edit.edit(text, {"event_name": "Bessensap 2018", "location": None}, str(path),
                                    front_matter_edit.TOML)
    assert 'event_name = "Bessensap 2018"\n# Featured image\n' in edited  # top level, not inside [image]
    assert "location =" not in edited
    data = front_matter_edit.parse(edited, str(path), front_matter_edit.TOML).data
    assert data["event_name"] == "Bessensap 2018" and "event_name" not in data["image"]
    assert data["date"] == "2018-06-15"  # a TOML date reads as the text YAML front matter keeps


def test_escaped_control_characters_read_as_typed():
    """`"… \\emph{domain shift} …"` in double quotes is ESC + "mph" to a YAML reader; the page meant LaTeX."""
    path = REAL_SITES / "hugo" / "Aelphy__aelphy.github.io" / "content" / "publications" / "usvyatsov-2019-visual" / "index.md"
    data = front_matter_edit.parse(read(path), str(path)).data
    assert "\\emph{domain shift}" in data["abstract"] and "\x1b" not in data["abstract"]
    path = REAL_SITES / "hugo" / "AustenLamacraft__academic-kickstart" / "content" / "publication" / "lamacraft-2012177" / "index.md"
    assert "\u201clinear response\u201d" in front_matter_edit.parse(read(path), str(path)).data["abstract"]


def test_a_toml_table_is_refused_with_its_file_never_doubled():
    text = '+++\ntitle = "A"\n[hugoblox.ids]\ndoi = "10.1/x"\n+++\nBody\n'
    with pytest.raises(UsageError) as error:
        front_matter_edit.edit(text, {"hugoblox": {"ids": {"doi": "10.1/y"}}}, "p/index.md", front_matter_edit.TOML)
    assert "p/index.md:5:1" in str(error.value) and "[hugoblox]" in str(error.value)
    assert front_matter_edit.edit(text, {"title": "B"}, "p/index.md", front_matter_edit.TOML) == text.replace('"A"', '"B"')
