"""Finding: one thing wrong with a profile, with its code, severity and position."""

from __future__ import annotations

from dataclasses import dataclass, replace
from enum import Enum

Path = tuple[str | int, ...]


class Severity(str, Enum):
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"

    @property
    def rank(self) -> int:
        return {"error": 2, "warning": 1, "info": 0}[self.value]


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

    def at(self, line: int | None, column: int | None) -> Finding:
        return replace(self, line=line, column=column)

    @property
    def location(self) -> str:
        if self.line is None:
            return self.source
        return f"{self.source}:{self.line}:{self.column or 1}"

    def sort_key(self) -> tuple:
        return (self.line or 0, self.column or 0, self.code, self.message)


def format_path(path: Path) -> str:
    """`("publications", 3, "doi")` → `publications[3].doi`."""
    out = ""
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out or "(document)"
