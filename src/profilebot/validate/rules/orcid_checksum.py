"""An ORCID iD's last character must match its ISO 7064 MOD 11-2 check digit.

A mistyped iD points the website, the exports and the ORCID target at somebody else's record, or at
none. The 16th character is computed from the first fifteen digits, so most typos are caught here.

PASS:
    person:
      name: Josiah Carberry
      profiles:
        orcid: 0000-0002-1825-0097

FAIL:
    person:
      name: Josiah Carberry
      profiles:
        orcid: 0000-0002-1825-0098
"""

from __future__ import annotations

from typing import Any, Iterator

from profilebot.model.identifiers import orcid_checksum_ok
from profilebot.model.profile import Profile
from profilebot.findings import Path

CODE = "PB101"
NAME = "orcid-checksum"
SEVERITY = "error"
FIXABLE = False  # `check --fix` has no mechanical fix for this
MESSAGE = "the ORCID iD {orcid} has a wrong check digit."
HINT = "Copy the iD from your ORCID record page; the last character is a checksum of the others."


def check(profile: Profile) -> Iterator[tuple[Path, dict[str, Any]]]:
    orcid = profile.person.profiles.get("orcid")
    if orcid and not orcid_checksum_ok(orcid):
        yield ("person", "profiles", "orcid"), {"orcid": orcid}
    for section in ("publications", "patents"):
        for index, work in enumerate(getattr(profile, section)):
            people = work.authors if section == "publications" else work.inventors
            for number, author in enumerate(people):
                if author.orcid and not orcid_checksum_ok(author.orcid):
                    key = "authors" if section == "publications" else "inventors"
                    yield (section, index, key, number, "orcid"), {"orcid": author.orcid}
