"""Where profilebot comes from: its version and its canonical repository, both named once in pyproject.toml.

Read at run time from the installed package's metadata (`Version`, `Project-URL: Repository, …`), so a
wheel, an sdist install and a fork's own build each know what they are. From a source checkout (an
editable install, whose metadata may predate an edit of pyproject.toml) pyproject.toml itself is read.
Everything that names the project — init's `uses: OWNER/REPO@vMAJOR`, the absolute docs links it
prints, `--version` — asks this module.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from pathlib import Path

from profilebot.errors import ProfilebotError

NAME = "profilebot"
_GITHUB = re.compile(r"^https://github\.com/([A-Za-z0-9-]+/[A-Za-z0-9._-]+?)/?$")


@dataclass(frozen=True)
class Distribution:
    version: str
    repository: str  # https://github.com/OWNER/REPO

    @property
    def slug(self) -> str:
        """OWNER/REPO."""
        match = _GITHUB.match(self.repository)
        if not match:
            raise ProfilebotError(f"the project's Repository URL {self.repository!r} is not a GitHub repository.")
        return match.group(1)

    @property
    def major_tag(self) -> str:
        """The moving tag of this release line (v1 for 1.4.2), which the release workflow keeps current."""
        return "v" + self.version.split(".")[0]

    @property
    def action(self) -> str:
        """The composite action at the released major tag: `uses:` this in a workflow."""
        return f"{self.slug}@{self.major_tag}"

    def docs(self, page: str) -> str:
        """An absolute link to a page of docs/ as of this version (a person's repository has no docs/)."""
        return f"{self.repository}/blob/v{self.version}/docs/{page}"


@functools.cache
def current() -> Distribution:
    source = _source_checkout()
    if source is not None:
        return source
    from importlib import metadata

    try:
        meta = metadata.metadata(NAME)
    except metadata.PackageNotFoundError:
        raise ProfilebotError("profilebot is not installed, so its version is unknown.",
                              "Install it (python3 -m pip install profilebot), or run it from a checkout.") from None
    urls = dict(entry.split(", ", 1) for entry in meta.get_all("Project-URL") or [] if ", " in entry)
    return Distribution(version=meta["Version"], repository=urls.get("Repository", ""))


def _source_checkout() -> Distribution | None:
    """pyproject.toml two folders above the package, when that is profilebot's own (src layout)."""
    import tomllib

    pyproject = Path(__file__).resolve().parents[2] / "pyproject.toml"
    if not pyproject.is_file():
        return None
    project = tomllib.loads(pyproject.read_text("utf-8")).get("project", {})
    if project.get("name") != NAME:
        return None
    return Distribution(version=project["version"], repository=project.get("urls", {}).get("Repository", ""))
