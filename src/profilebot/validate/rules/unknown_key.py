"""Every key must be one the schema knows; a typo is an error with a did-you-mean hint.

A misspelt key (`titel:` for `title:`) would otherwise be ignored by every output, and the title would
silently go missing from the site, the exports and ORCID.

PASS:
    person:
      name: Ada Lovelace
      headline: Mathematician

FAIL:
    person:
      name: Ada Lovelace
      headlne: Mathematician
"""

CODE = "PB004"
NAME = "unknown-key"
SEVERITY = "error"
FIXABLE = False  # `check --fix` has no mechanical fix for this
MESSAGE = "unknown key {key!r}."
HINT = "Check the spelling; the message suggests the nearest known key."
