"""What every repository target provides (NAME, location, desired) and the values a sync reports back."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, Mapping, Protocol

from profilebot.config import Settings
from profilebot.diff.plan import Desired, Plan
from profilebot.errors import ConfigError
from profilebot.model.profile import Profile

BOT_BRANCH_PREFIX = "profilebot/"
_REPO = re.compile(r"^[A-Za-z0-9-]+/[A-Za-z0-9._-]+$")


@dataclass(frozen=True)
class Location:
    """Where a target lives: OWNER/NAME, the base branch (None = the repository's default) and the bot branch."""

    repo: str
    branch: str | None
    bot_branch: str

    @property
    def owner(self) -> str:
        return self.repo.split("/")[0]


@dataclass(frozen=True)
class Outcome:
    """One line of a sync's report: what happened to one target, and whether it counts as a failure."""

    target: str
    status: str  # unchanged | opened | updated | closed | blocked | planned | failed
    message: str
    url: str | None = None
    plan: Plan | None = None

    @property
    def failed(self) -> bool:
        return self.status == "failed"

    def line(self) -> str:
        return f"{self.target}: {self.message}" + (f" {self.url}" if self.url else "")


class Target(Protocol):
    NAME: str

    def configured(self, settings: Settings, environ: Mapping[str, str]) -> bool: ...

    def location(self, settings: Settings, environ: Mapping[str, str]) -> Location: ...

    def desired(self, profile: Profile, settings: Settings) -> Desired: ...


def repository(section: Mapping[str, Any], key: str, fallback: str | None = None) -> str:
    """OWNER/NAME from `<section>.repo`, checked, with a hint naming the key."""
    value = section.get("repo") or fallback
    if not value:
        raise ConfigError(f"profilebot.yaml: {key}.repo is not set.", f"Add `{key}:\n  repo: OWNER/NAME`.")
    if not isinstance(value, str) or not _REPO.match(value.strip()):
        raise ConfigError(f"profilebot.yaml: {key}.repo is '{value}'; expected OWNER/NAME (e.g. ada/ada.github.io).")
    return value.strip()


def branch(section: Mapping[str, Any], key: str) -> str | None:
    value = section.get("branch")
    if value is None or value == "":
        return None
    if not isinstance(value, str) or value.startswith(("/", "refs/")) or ".." in value or " " in value:
        raise ConfigError(f"profilebot.yaml: {key}.branch is '{value}'; expected a branch name such as main.")
    return value


def folder(section: Mapping[str, Any], key: str, default: str = "") -> str:
    value = section.get("path", default)
    value = "" if value is None else value
    if not isinstance(value, str) or ".." in value.split("/") or value.startswith("/"):
        raise ConfigError(f"profilebot.yaml: {key}.path is '{value}'; expected a folder inside the repository "
                          "such as docs or exports/.")
    return value.strip("/")
