"""The table-test helper for lint rules: a YAML snippet in, [(code, line, column)] of one rule out."""

from __future__ import annotations

import datetime
import textwrap

import pytest

from profilebot.validate.pipeline import check

TODAY = datetime.date(2025, 6, 15)


@pytest.fixture
def lint():
    """Run the whole check on a snippet (today given as TODAY) and keep one rule's findings' positions."""

    def run(snippet: str, code: str) -> list[tuple[str, int, int]]:
        checked = check(textwrap.dedent(snippet).lstrip("\n"), today=TODAY)
        assert checked.profile is not None, f"the snippet must pass the schema: {checked.findings}"
        return [(f.code, f.line, f.column) for f in checked.findings if f.code == code]

    return run
