"""A handle in person.profiles is stored without a leading @.

The site, the CV and JSON Resume build each profile link from the handle (`twitter: ada` →
https://x.com/ada); an "@ada" becomes https://x.com/%40ada, a page that does not exist. Mastodon
addresses are the exception: they are written @user@instance, and the rule leaves them alone.
`check --fix` drops the @.

PASS:
    person:
      name: Ada Lovelace
      profiles:
        twitter: ada
        mastodon: "@ada@sigmoid.social"

FAIL:
    person:
      name: Ada Lovelace
      profiles:
        twitter: "@ada"
"""

from __future__ import annotations

from typing import Any, Iterator

from profilebot.load.patch import Replace
from profilebot.model.profile import Profile
from profilebot.findings import Path

CODE = "PB103"
NAME = "handle-with-at"
SEVERITY = "warning"
FIXABLE = True
MESSAGE = "person.profiles.{network} is {handle!r}; store the handle without the @ ({bare!r})."
HINT = "Write the handle alone (ada, not @ada); profilebot builds the link to the profile page from it."

_WITH_AT_BY_DESIGN = ("mastodon",)


def check(profile: Profile) -> Iterator[tuple[Path, dict[str, Any]]]:
    for network, handle in profile.person.profiles.items():
        if network not in _WITH_AT_BY_DESIGN and handle.startswith("@") and handle.lstrip("@").strip():
            yield ("person", "profiles", network), {"network": network, "handle": handle, "bare": handle.lstrip("@")}


def fix(_profile: Profile, path: Path, arguments: dict[str, Any]) -> Replace:
    return Replace(path, arguments["bare"])
