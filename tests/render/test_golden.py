"""Golden copies of every export of the default profile: a format change shows up as a reviewable diff.

Run `pytest tests/render --update-golden` to rewrite them after an intended change.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from profilebot import plugins

GOLDEN = Path(__file__).resolve().parent / "golden" / "default"
PATHS = sorted(module.DEFAULT_PATH for module in plugins.exporters())


@pytest.mark.parametrize("path", PATHS)
def test_output_matches_golden(outputs, update_golden, path):
    golden = GOLDEN / path
    if update_golden:
        golden.parent.mkdir(parents=True, exist_ok=True)
        golden.write_bytes(outputs[path].encode("utf-8"))
    assert golden.exists(), f"no golden copy of {path}; run pytest tests/render --update-golden"
    assert outputs[path] == golden.read_bytes().decode("utf-8"), f"{path} changed; review, then --update-golden"


def test_no_stale_golden_files():
    assert sorted(p.name for p in GOLDEN.iterdir()) == PATHS
