"""Profile and source text inside Markdown that GitHub renders (PR bodies, `diff --format markdown`, which the
check workflow posts as a comment): shown as typed, never live. Markdown's link, image, emphasis and HTML
characters are backslash-escaped (no remote image loads, no link or element is made, no `<!-- profilebot:… -->`
marker can be forged), and a word joiner after `@` and `#` keeps GitHub from notifying a person or linking an
issue; one line, backticks shown as '. The one escaper of report/."""

from __future__ import annotations

import re

WORD_JOINER = "\u2060"  # invisible; it stops GitHub's @mention and #123 matching without changing what is shown
_SPECIAL = re.compile(r"([\\*_\[\]<>|~])")


def inline(text: object) -> str:
    """`text` as one inert line of Markdown, for a table cell or a list item."""
    flat = " ".join(str(text if text is not None else "").split()).replace("`", "'")
    escaped = _SPECIAL.sub(r"\\\1", flat)
    return escaped.replace("@", "@" + WORD_JOINER).replace("#", "#" + WORD_JOINER)


def code(text: object) -> str:
    """`text` as an inline code span (identifiers, paths): nothing inside is markup."""
    return "`" + " ".join(str(text).split()).replace("`", "").replace("|", "\\|") + "`"
