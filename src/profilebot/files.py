"""The only local file I/O: read profile text safely, write artifacts atomically."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path
from typing import Callable

from profilebot.errors import UsageError
from profilebot.load.yaml_document import MAX_BYTES


def read_bytes(path: Path) -> bytes:
    try:
        if path.is_dir():
            raise UsageError(f"{path}: is a folder, not a profile file.")
        if path.stat().st_size > MAX_BYTES:
            raise UsageError(f"{path}: the file is {path.stat().st_size:,} bytes; the limit is {MAX_BYTES:,}.")
        return path.read_bytes()
    except FileNotFoundError:
        raise UsageError(f"{path}: no such file.", "Pass the path of your profile.yaml, or run in its folder.") from None
    except PermissionError:
        raise UsageError(f"{path}: permission denied.") from None


def read_text(path: Path) -> str:
    from profilebot.load.yaml_document import decode

    text, findings = decode(read_bytes(path), str(path))
    if text is None:
        first = findings[0]
        raise UsageError(f"{first.location}: {first.severity.value} {first.code} {first.message} [{first.rule}]",
                         first.hint)
    return text


def write_bytes(path: Path, data: bytes) -> bool:
    """Write atomically (temp file + rename); skip the write when the bytes are already there."""
    if path.is_file() and path.read_bytes() == data:
        return False
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.")
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    return True


def prune(folder: Path, keep: set[str], owns: Callable[[str], bool]) -> list[str]:
    """Delete files under `folder` that `owns` claims but `keep` no longer lists (a removed paper's page)."""
    removed: list[str] = []
    if not folder.is_dir():
        return removed
    for path in sorted(folder.rglob("*")):
        relative = path.relative_to(folder).as_posix()
        if path.is_file() and relative not in keep and owns(relative):
            path.unlink()
            removed.append(relative)
    return removed
