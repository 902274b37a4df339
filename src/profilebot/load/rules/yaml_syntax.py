"""The file must be one well-formed YAML document in UTF-8.

Everything else profilebot does starts from reading the file; a syntax error is reported with the line
and column where the parser gave up, and nothing is rendered or synced from a file that does not parse.

PASS:
    person:
      name: Ada Lovelace

FAIL:
    person:
      name: [Ada Lovelace
"""

CODE = "PB000"
NAME = "yaml-syntax"
SEVERITY = "error"
FIXABLE = False  # `check --fix` has no mechanical fix for this
MESSAGE = "YAML syntax error: {problem}."
HINT = "Check indentation and quoting near the position shown."
