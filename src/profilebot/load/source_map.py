"""SourceMap: JSON path → (line, column) of the value, built once while loading."""

from __future__ import annotations

from dataclasses import dataclass, field

from profilebot.findings import Path


@dataclass
class SourceMap:
    """Positions are 1-based. Keys have their own positions so "unknown key" can point at the key."""

    values: dict[Path, tuple[int, int]] = field(default_factory=dict)
    keys: dict[Path, tuple[int, int]] = field(default_factory=dict)

    def position(self, path: Path) -> tuple[int, int] | None:
        """The position of `path`, or of its nearest ancestor that has one."""
        while True:
            found = self.values.get(path)
            if found is not None:
                return found
            if not path:
                return None
            path = path[:-1]

    def key_position(self, path: Path) -> tuple[int, int] | None:
        """Where the key of the mapping entry at `path` is written; falls back to the value."""
        return self.keys.get(path) or self.position(path)
