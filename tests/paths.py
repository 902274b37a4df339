"""Where the repository, its default profile and the test fixtures are, independent of a test's folder depth."""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures"
DEFAULT_PROFILE = ROOT / "profile.yaml"
# The shared real-world corpus (real people's sites and records, read-only, never copied into the repository):
# ../shared beside the checkout (/work/main), or beside the worktrees' folder (/work/wt/NAME).
SHARED = next((p for p in (ROOT.parent / "shared", ROOT.parent.parent / "shared") if p.is_dir()), ROOT.parent / "shared")
REAL_SITES = SHARED / "realworld" / "sites"
REALWORLD = SHARED / "realworld"
