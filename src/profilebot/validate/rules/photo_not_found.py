"""person.photo, when it is a path, names an image file beside the profile.

`build` copies that file into the site (the static template shows it on the home page), so a path
that names no file, or one outside the profile's folder, would leave a broken image on the site. A URL
(https://…) is not checked: it is fetched by the visitor's browser, not by profilebot. This rule looks
at files, so `check`, `build` and the other commands report it for the profile on disk.

PASS:
    person:
      name: Ada Lovelace
      photo: https://ada.example.org/ada.jpg

FAIL:
    person:
      name: Ada Lovelace
      photo: images/ada.jpg
"""

from __future__ import annotations

from typing import Any, Callable, Iterator

from profilebot.model.profile import Profile
from profilebot.render.site.safety import local_path
from profilebot.findings import Path

CODE = "PB408"
NAME = "photo-not-found"
SEVERITY = "warning"
FIXABLE = False  # `check --fix` has no mechanical fix for this
MESSAGE = "person.photo is {photo!r}, {problem}; the site would show a broken image."
HINT = "Put the image beside profile.yaml at that path (e.g. images/profile.jpg), or give an https:// URL."


def check_files(profile: Profile, exists: Callable[[str], bool]) -> Iterator[tuple[Path, dict[str, Any]]]:
    """`exists(relative path)` tells whether that file is beside the profile (the caller reads the disk)."""
    photo = local_path(profile.person.photo)
    if photo is None:
        return
    if photo == ".." or photo.startswith("../"):
        yield ("person", "photo"), {"photo": profile.person.photo, "problem": "which is outside the profile's folder"}
    elif not exists(photo):
        yield ("person", "photo"), {"photo": profile.person.photo, "problem": "but there is no such file"}
