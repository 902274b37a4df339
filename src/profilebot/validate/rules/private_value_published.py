"""A contact value marked private must not appear in any field that outputs publish.

`visibility: private` keeps a phone number or an address out of the website and the exports, but only
in its own field: pasted into the bio, the headline, a note or a link, it would be published anyway.
E-mail addresses are matched ignoring case; phone numbers by their digits, whatever the spacing,
dashes, brackets or country-code style ("(+1) 858-214-0677" is "+1 858 214 0677").

PASS:
    person:
      name: Ada Lovelace
      bio: Reach me through the department office.
      phone:
        value: "+44 20 7946 0018"
        visibility: private

FAIL:
    person:
      name: Ada Lovelace
      bio: Call me on (+44) 20-7946-0018.
      phone:
        value: "+44 20 7946 0018"
        visibility: private
"""

from __future__ import annotations

import re
from typing import Any, Iterator

from profilebot.model.profile import Profile
from profilebot.findings import Path, format_path
from profilebot.validate.rules._fields import profile_strings

CODE = "PB405"
NAME = "private-value-published"
SEVERITY = "error"
FIXABLE = False  # `check --fix` has no mechanical fix for this
MESSAGE = "the private {what} appears in {field}, which is published."
HINT = "Remove it from that field, or make the contact field public if you do want it published."
_NUMBER = re.compile(r"\+?\(?\d[\d\s().\-/+]{5,}\d")
_MIN_DIGITS = 7  # shorter private values (an extension) would match page numbers and years
_NATIONAL = 10  # digits of a national number; what is in front of them is a country code


def _digits(text: str) -> str:
    return re.sub(r"\D", "", text)


def _private_values(profile: Profile) -> list[tuple[str, str, str]]:
    """(contact name, kind of match, needle) for each private contact value."""
    found: list[tuple[str, str, str]] = []
    for name in ("email", "phone"):
        contact = getattr(profile.person, name)
        if contact is None or contact.public:
            continue
        digits = _digits(contact.value)
        if name == "phone" and len(digits) >= _MIN_DIGITS:
            # Match the national number: the country code may be written or left out in another field.
            found.append((name, "digits", digits[-_NATIONAL:]))
        else:
            found.append((name, "text", contact.value.strip().lower()))
    return found


def check(profile: Profile) -> Iterator[tuple[Path, dict[str, Any]]]:
    secrets = _private_values(profile)
    if not secrets:
        return
    for path, value in profile_strings(profile):
        if path[:2] == ("person", "email") or path[:2] == ("person", "phone"):
            continue
        for name, kind, needle in secrets:
            if kind == "text":
                hit = needle in value.lower()
            else:
                hit = any(needle in _digits(m) for m in _NUMBER.findall(value))
            if hit:
                yield path, {"what": "phone number" if name == "phone" else "e-mail address",
                             "field": format_path(path)}
                break
