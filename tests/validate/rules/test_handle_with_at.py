import pytest

from profilebot.validate.rules.handle_with_at import CODE

TABLE = [
    ("person:\n  name: Ada\n  profiles:\n    twitter: ada\n", []),
    ("person:\n  name: Ada\n  profiles:\n    twitter: '@ada'\n", [(CODE, 4, 14)]),
    ("person:\n  name: Ada\n  profiles:\n    github: '@ada'\n    bluesky: '@ada.bsky.social'\n",
     [(CODE, 4, 13), (CODE, 5, 14)]),
    # Mastodon addresses are written @user@instance on purpose.
    ("person:\n  name: Ada\n  profiles:\n    mastodon: '@ada@sigmoid.social'\n", []),
]


@pytest.mark.parametrize(("snippet", "expected"), TABLE)
def test_table(lint, snippet, expected):
    assert lint(snippet, CODE) == expected


def test_the_link_of_a_fixed_handle_is_the_profile_page():
    from profilebot.model.networks import url

    assert url("twitter", "@sumidu") == "https://x.com/%40sumidu"  # what the rule prevents
    assert url("twitter", "sumidu") == "https://x.com/sumidu"
