"""Site test fixtures: the default profile with hostile titles and links (see support.py)."""

from __future__ import annotations

import pytest

from profilebot.model.profile import Profile
from tests.render.site.support import hostile


@pytest.fixture
def hostile_profile(default_profile: Profile) -> Profile:
    return hostile(default_profile)
