"""Finding: one thing wrong with a profile (or profilebot.yaml), with its code, severity and position.

Below every stage: load/ reports syntax findings, validate/ schema and lint findings, report/ prints them.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

Path = tuple[str | int, ...]


class Severity(str, Enum):
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"


@dataclass(frozen=True)
class Finding:
    """A problem found in a profile. `path` is the JSON path of the offending value."""

    code: str
    rule: str
    severity: Severity
    message: str
    path: Path = ()
    line: int | None = None
    column: int | None = None
    hint: str | None = None
    source: str = "profile.yaml"

    @property
    def location(self) -> str:
        if self.line is None:
            return self.source
        return f"{self.source}:{self.line}:{self.column or 1}"

    def sort_key(self) -> tuple[int, int, str, str]:
        return (self.line or 0, self.column or 0, self.code, self.message)


def format_path(path: Path) -> str:
    """`("publications", 3, "doi")` → `publications[3].doi`."""
    out = ""
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out or "(document)"
