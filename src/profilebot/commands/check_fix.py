"""`check --fix`: the mechanical fixes of validate/fixes.py, made in the profile's own bytes (load/patch.py).

The file is read as bytes so that a byte-order mark and CRLF line ends survive; each change is printed as
`file:line:col: fixed CODE rule: old → new`. With `--diff` the changes are shown as a unified diff and
nothing is written. `check` then reports what is left, from the file as it now is.
"""

from __future__ import annotations

import difflib
import sys
from pathlib import Path
from typing import Any, TextIO

from profilebot import clock, config, files
from profilebot.errors import ProfilebotError
from profilebot.load import patch
from profilebot.validate import fixes
from profilebot.validate.pipeline import Checked, check


def run(profile_path: Path, show_only: bool = False, quiet: bool = False,
        stream: TextIO | None = None) -> list[fixes.Fix]:
    """Apply (or, with show_only, print) every fix, reporting to `stream` (stdout); return the fixes made."""
    out = stream or sys.stdout

    def say(line: str = "") -> None:
        out.write(line + "\n")

    settings = config.load(profile_path)
    text = files.read_text(profile_path)  # decoded and checked as `check` reads it, without the BOM
    checked = check(text, str(profile_path), settings.rules, today=clock.today())
    if checked.profile is None:
        return []  # the file does not load: check reports why, and there is nothing safe to change
    planned = fixes.plan(checked.profile, settings.rules)
    new_text, refused = _apply(text, planned)
    made = sorted((fix for fix in planned if fix not in refused), key=lambda f: _position(f, checked))
    for fix in made:
        say(_describe(fix, checked, str(profile_path), "would fix" if show_only else "fixed"))
    for fix, reason in refused.items():
        sys.stderr.write(f"{_where(fix, checked, str(profile_path))}: not fixed {fix.code} {fix.rule}: {reason}\n")
    if new_text == text:
        if not made and not quiet:
            say(f"{profile_path}: nothing to fix.")
        return made
    if show_only:
        out.writelines(difflib.unified_diff(text.splitlines(keepends=True), new_text.splitlines(keepends=True),
                                                   f"a/{profile_path}", f"b/{profile_path}"))
        if not new_text.endswith("\n"):
            say()
        if not quiet:
            say(f"{profile_path}: --diff: nothing written.")
        return made
    files.rewrite_text(profile_path, new_text, text)
    if not quiet:
        say(f"{profile_path}: {len(made)} fix{'es' if len(made) != 1 else ''} written.")
    return made


def _apply(text: str, planned: list[fixes.Fix]) -> tuple[str, dict[fixes.Fix, str]]:
    """All fixes at once; when that fails, one by one, keeping those that can be made safely."""
    try:
        return patch.apply(text, [fix.change for fix in planned]), {}
    except (ProfilebotError, RuntimeError):
        pass
    refused: dict[fixes.Fix, str] = {}
    for fix in planned:
        try:
            text = patch.apply(text, [fix.change])
        except (ProfilebotError, RuntimeError) as error:
            refused[fix] = str(error)
    return text, refused


def _position(fix: fixes.Fix, checked: Checked) -> tuple[int, int]:
    return checked.document.source_map.position(fix.path) or (0, 0)


def _where(fix: fixes.Fix, checked: Checked, source: str) -> str:
    line, column = _position(fix, checked)
    return f"{source}:{line}:{column}" if line else source


def _describe(fix: fixes.Fix, checked: Checked, source: str, verb: str) -> str:
    if isinstance(fix.change, patch.Append):
        what = f"added {fix.change.value!r} to {'.'.join(map(str, fix.change.path))}"
    else:
        old = _value_at(checked.document.data, fix.change.path)
        what = f"{old!r} → {fix.change.value!r}"
    return f"{_where(fix, checked, source)}: {verb} {fix.code} {fix.rule}: {what}"


def _value_at(data: Any, path: tuple) -> Any:
    for step in path:
        data = data[step]
    return data
