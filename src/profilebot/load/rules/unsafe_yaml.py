"""The file must not use YAML features that can attack a reader: object tags, alias bombs, deep nesting.

A profile holds text, numbers, lists and mappings. Tags such as `!!python/object` ask a loader to build
objects, aliases can expand a small file into billions of values, and thousands of nested brackets
crash parsers. profilebot refuses such files before they cost anything, as well as files over 10 MB.

PASS:
    person:
      name: Ada Lovelace

FAIL:
    person:
      name: !!python/object/apply:os.system ["echo hi"]
"""

CODE = "PB003"
NAME = "unsafe-yaml"
SEVERITY = "error"
FIXABLE = False  # `check --fix` has no mechanical fix for this
MESSAGE = "{problem}"
HINT = "Remove the tag, alias or nesting; a profile needs none of them."
