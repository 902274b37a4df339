"""The data files beside profile.yaml that `sync` writes and `build` reads (citations.yaml), read here.

Why a module of its own: build, the site target and the profile target all need the same file read the
same way (absent is empty; present but broken is an error with file:line:col), and reading files belongs
at the edge, not in load/.
"""

from __future__ import annotations

from pathlib import Path

from profilebot.model.citations import NONE, Citations


def citations(folder: Path) -> Citations:
    """citations.yaml in `folder` (the profile's), or no counts when there is none."""
    from profilebot import files
    from profilebot.load import citations as citations_file

    path = folder / citations_file.FILE_NAME
    if not path.is_file():
        return NONE
    return citations_file.parse(files.read_text(path), str(path))
