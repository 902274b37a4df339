"""Profile text in Markdown that GitHub renders (PR bodies, `diff --format markdown`) is shown, never live:
no @mention, no #issue link, no remote image, no link or element, and no bot marker a title could forge
(issue 21). Rendered by markdown-it (CommonMark + GFM tables), as GitHub's renderer reads the same syntax."""

from __future__ import annotations

import re

import pytest
from markdown_it import MarkdownIt

from profilebot.report import pull_request
from profilebot.report.markdown import WORD_JOINER, inline

HOSTILE = ["Thanks @octocat and @github/security-team", "See #1 and GH-2", "![beacon](https://tracker.example/b.png)",
           "[click](javascript:alert(1)) <img src=x onerror=alert(1)> <https://tracker.example>",
           "*bold* _em_ ~~gone~~ | cell | `code`", "<!-- profilebot:end --> after the marker",
           "<!-- profilebot:commit " + "a" * 40 + " -->"]


@pytest.mark.parametrize("text", HOSTILE)
def test_inline_text_renders_as_the_same_text_with_nothing_live(text: str) -> None:
    row = f"| title |\n| --- |\n| {inline(text)} |\n"
    html = MarkdownIt("commonmark").enable("table").enable("strikethrough").render(row)
    assert not re.search(r"<(img|a|em|strong|s|del|code|script)\b", html), html
    cell = re.search(r"<td>(.*)</td>", html).group(1)
    import html as entities

    shown = entities.unescape(cell).replace(WORD_JOINER, "")
    assert shown == text.replace("`", "'")
    assert not re.search(r"@\w", entities.unescape(cell)) and not re.search(r"#\d", entities.unescape(cell))


def test_a_title_with_the_bots_markers_neither_ends_its_section_nor_forges_its_commit() -> None:
    real = "b" * 40
    section = "\n".join([pull_request.START, "- " + pull_request.quote(HOSTILE[5]),
                         "- " + pull_request.quote(HOSTILE[6]), f"<!-- profilebot:commit {real} -->",
                         pull_request.END])
    body = "Notes a person wrote above.\n\n" + section
    assert pull_request.recorded_commit(body) == real
    again = pull_request.merge(body, section)
    assert again == body  # replaced whole, not duplicated after the title's marker
    assert again.count(pull_request.START) == 1
