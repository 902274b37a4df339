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
        text = text.replace(secret, "***")
    return _TOKEN_SHAPES.sub("***", text)
