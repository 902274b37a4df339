"""The e-mail address must be one address, written as local-part@domain.tld.

The address is printed on the website and in the CV and exported to JSON Resume; a typo such as a
missing dot, a comma, a space or a pasted "mailto:" makes every one of those outputs unusable for
someone trying to reach you. The check is deliberately plain (one '@', a dotted domain of letters,
digits and hyphens, no spaces), as web forms and JSON Resume's "email" format accept.

PASS:
    person:
      name: Ada Lovelace
      email: ada@example.org

FAIL:
    person:
      name: Ada Lovelace
      email: ada@example,org
"""

from __future__ import annotations

import re
from typing import Any, Iterator

from profilebot.model.profile import Profile
from profilebot.findings import Path

CODE = "PB102"
NAME = "email-syntax"
SEVERITY = "error"
FIXABLE = False  # `check --fix` has no mechanical fix for this
MESSAGE = "{email!r} is not an e-mail address: {problem}."
HINT = "Write just the address, e.g. ada@example.org (no 'mailto:', no name, no spaces)."

_LABEL = r"[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?"
_ADDRESS = re.compile(r"[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@" + _LABEL + r"(?:\." + _LABEL + r")*\.[A-Za-z]{2,63}")


def problem(address: str) -> str | None:
    """Why `address` is not a plain e-mail address, or None when it is one."""
    if address.lower().startswith("mailto:"):
        return "it starts with 'mailto:'"
    if any(c.isspace() for c in address):
        return "it contains a space"
    if address.count("@") != 1:
        return "it needs exactly one '@'"
    local, _, _domain = address.partition("@")
    if local.startswith(".") or local.endswith(".") or ".." in local:
        return "the part before '@' has a misplaced dot"
    if not _ADDRESS.fullmatch(address):
        return "the part after '@' is not a domain such as example.org"
    return None


def check(profile: Profile) -> Iterator[tuple[Path, dict[str, Any]]]:
    email = profile.person.email
    if email is not None:
        found = problem(email.value)
        if found:
            yield ("person", "email", "value"), {"email": email.value, "problem": found}
