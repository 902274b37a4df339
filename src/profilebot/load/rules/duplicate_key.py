"""A key must appear only once in a mapping.

YAML parsers keep one of two equal keys and silently drop the other, so a second `title:` pasted into a
publication would erase the first without a word. profilebot refuses the file instead.

PASS:
    person:
      name: Ada Lovelace
      headline: Mathematician

FAIL:
    person:
      name: Ada Lovelace
      name: Augusta Ada King
"""

CODE = "PB002"
NAME = "duplicate-key"
SEVERITY = "error"
FIXABLE = False  # `check --fix` has no mechanical fix for this
MESSAGE = "the key {key!r} appears twice in the same mapping."
HINT = "Delete one of them."
