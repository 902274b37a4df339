"""Where the repository, its default profile and the test fixtures are, independent of a test's folder depth."""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures"
DEFAULT_PROFILE = ROOT / "profile.yaml"
