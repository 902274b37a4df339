"""Links should use https, not http.

Browsers mark plain-http pages as "Not secure", GitHub Pages serves the website over https and
blocks mixed content (an http image or PDF embedded in an https page), and most hosts redirect http
to https anyway. Writing https directly avoids all three; keep http only for a host that has no https.

PASS:
    person:
      name: Ada Lovelace
      website: https://ada.example.org

FAIL:
    person:
      name: Ada Lovelace
      website: http://ada.example.org
"""

from __future__ import annotations

from typing import Any, Iterator

from profilebot.load.patch import Replace
from profilebot.model.profile import Profile
from profilebot.findings import Path, format_path
from profilebot.model.urls import scheme
from profilebot.validate.rules._urls import link_fields

CODE = "PB402"
NAME = "insecure-url"
SEVERITY = "warning"
FIXABLE = True  # http:// becomes https:// (switch the rule off for a host without https)
MESSAGE = "{field} uses http: {url!r}."
HINT = "Replace http:// with https:// (check that the page opens); switch this rule off for a host without https."


def check(profile: Profile) -> Iterator[tuple[Path, dict[str, Any]]]:
    for path, value, _absolute in link_fields(profile):
        if scheme(value) == "http":
            yield path, {"field": format_path(path), "url": value}


def fix(_profile: Profile, path: Path, arguments: dict[str, Any]) -> Replace | None:
    url = arguments["url"]
    # Only the plain spelling: a URL whose scheme a browser reads past spaces or tabs needs a person's eye.
    return Replace(path, "https://" + url[len("http://"):]) if url[:7].lower() == "http://" else None
