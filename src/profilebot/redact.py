"""Keep secrets out of every line profilebot prints: tokens come only from the environment, and any
text about to be shown has their values replaced."""

from __future__ import annotations

import os
import re

SECRET_VARIABLES = ("GITHUB_TOKEN", "GH_TOKEN", "PROFILEBOT_GITHUB_TOKEN", "ORCID_TOKEN", "ORCID_CLIENT_SECRET",
                    "PROFILEBOT_APP_PRIVATE_KEY", "GITHUB_APP_PRIVATE_KEY", "OPENALEX_API_KEY")
# Token shapes GitHub issues, in case a token reaches us by another road (an exception from a library).
_TOKEN_SHAPES = re.compile(r"\b(gh[pousr]_[A-Za-z0-9]{20,}|github_pat_[A-Za-z0-9_]{20,})\b")


# Secrets obtained at run time rather than read from the environment (a GitHub App installation token).
_remembered: set[str] = set()


def remember(secret: str) -> None:
    if len(secret) >= 4:
        _remembered.add(secret)


def secrets() -> list[str]:
    from_environment = [value for name in SECRET_VARIABLES if len(value := os.environ.get(name, "")) >= 4]
    return from_environment + sorted(_remembered)


def redact(text: str) -> str:
    for secret in secrets():
        for form in _forms(secret):
            text = text.replace(form, "***")
    return _TOKEN_SHAPES.sub("***", text)


def _forms(secret: str) -> list[str]:
    """The value as printed raw, escaped (a repr or JSON shows a newline as \\n), and each of its lines: an
    error about a header holding a token with a line break quotes it in any of these."""
    import json

    forms = {secret, secret.encode("unicode_escape").decode("ascii"), json.dumps(secret)[1:-1]}
    forms.update(part for part in re.split(r"[\s\\]+|\\[nrt]", secret) if len(part) >= 8)
    return sorted(forms, key=len, reverse=True)
