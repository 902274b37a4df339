"""Every value must have the type and form the profile schema describes.

The schema (schema/profile.schema.json) says what each field holds: text, a list, a date written as
YYYY, YYYY-MM or YYYY-MM-DD, one of a fixed set of words. A value of the wrong kind would be dropped or
mangled by an export, so it is an error here, reported with the field's description and an example.

PASS:
    person:
      name: Ada Lovelace
    publications:
      - id: lovelace1843notes
        type: journal-article
        status: published
        title: Notes on the Analytical Engine
        authors: [Ada Lovelace]
        date: 1843

FAIL:
    person:
      name: Ada Lovelace
    publications:
      - id: lovelace1843notes
        type: journal-article
        status: published
        title: Notes on the Analytical Engine
        authors: [Ada Lovelace]
        date: 1843-13
"""

CODE = "PB001"
NAME = "schema"
SEVERITY = "error"
FIXABLE = False  # `check --fix` has no mechanical fix for this
MESSAGE = "{message}"
HINT = "The message names the field and the expected form."
