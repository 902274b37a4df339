"""What several commands share: finding the profile, reading it, and the checked result."""

from __future__ import annotations

import argparse
import os
from pathlib import Path
from typing import Protocol, cast

from profilebot import config, files
from profilebot.errors import ProfilebotError
from profilebot.load.yaml_document import Document
from profilebot.model.profile import Profile
from profilebot.validate.findings import Finding
from profilebot.validate.pipeline import Checked, check

DEFAULT_PROFILE = "profile.yaml"


def add_profile_argument(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("profile", nargs="?", default=DEFAULT_PROFILE, type=Path,
                        help="the profile to read (default: ./profile.yaml)")


def load_checked(profile_path: Path) -> tuple[config.Settings, Checked]:
    """Read config and profile, run the checks; the caller decides what findings mean."""
    settings = config.load(profile_path)
    text = files.read_text(profile_path)
    return settings, check(text, str(profile_path), settings.rules)


class Valid(Protocol):
    """What load_valid returns: a Checked whose profile was built and has no error findings."""

    @property
    def document(self) -> Document: ...
    @property
    def profile(self) -> Profile: ...
    @property
    def findings(self) -> tuple[Finding, ...]: ...


def load_valid(profile_path: Path) -> tuple[config.Settings, Valid]:
    """Like load_checked, but refuse to go on when the profile has error findings (build, diff, sync)."""
    from profilebot.report.text import format_findings

    settings, checked = load_checked(profile_path)
    errors = checked.errors()
    if errors or checked.profile is None:
        raise ProfilebotError(f"{profile_path} has errors; fix them first (profilebot check shows them all):\n"
                              + format_findings(errors[:20] or checked.findings[:20], show_hints=True))
    return settings, cast(Valid, checked)  # its profile is not None: refused just above


def default_format() -> str:
    return "github" if os.environ.get("GITHUB_ACTIONS") == "true" else "text"
