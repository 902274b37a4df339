"""Keep the scheduled workflow alive: GitHub disables a public repository's scheduled workflows after 60 days
without activity, and a profile that is in step makes no commits. Enabling the workflow through the REST API
restarts that clock even when it is enabled already, so every run in GitHub Actions enables its own workflow
(one PUT, which notifies nobody). It needs `permissions: actions: write`; a failure is a warning on the
dashboard, never a failed run.
"""

from __future__ import annotations

import re
from typing import Mapping
from urllib.parse import quote

from profilebot.errors import ProfilebotError
from profilebot.targets.base import Location, RunContext
from profilebot.clients.github import GitHubError

# GITHUB_WORKFLOW_REF: "octo/profile/.github/workflows/profilebot-sync.yml@refs/heads/main".
_WORKFLOW_REF = re.compile(r"^(?P<repo>[^/\s]+/[^/\s]+)/\.github/workflows/(?P<file>[^@\s]+)@")


def workflow(environ: Mapping[str, str]) -> tuple[str, str] | None:
    """(OWNER/NAME, workflow file) of the running workflow; None outside GitHub Actions."""
    found = _WORKFLOW_REF.match(environ.get("GITHUB_WORKFLOW_REF", ""))
    return (found.group("repo"), found.group("file")) if found else None


def keep_alive(context: RunContext) -> str | None:
    """Enable the running workflow (restarting GitHub's 60-day clock); the warning to show when that failed."""
    from profilebot.targets import repository as repositories

    running = workflow(context.environ)
    if running is None:
        return None
    repo, file = running
    try:
        with repositories.gateway(context, Location(repo, None, "")) as api:
            api.request("PUT", f"/actions/workflows/{quote(file, safe='')}/enable", "keep the scheduled workflow "
                        "enabled")
    except GitHubError as error:
        why = ("the workflow's token may not do this: add `actions: write` to the workflow's `permissions:` (the "
               "workflow `profilebot init` writes has it)" if error.status in (403, 404) else "")
        return _warning(file, error.message, why)
    except ProfilebotError as error:
        return _warning(file, error.message, error.hint or "")
    return None


def _warning(file: str, error: str, why: str) -> str:
    return (f"could not keep `{file}` enabled ({error}){'; ' + why if why else ''}. GitHub turns a scheduled "
            "workflow off after 60 days without commits in a public repository, and this sync would then stop "
            "without telling anyone.")
