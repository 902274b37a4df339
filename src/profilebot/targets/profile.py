"""The profile target: what ORCID, a Scholar export, a JSON Resume or OpenAlex know and profile.yaml lacks, as one
PR (with OpenAlex, also the DOIs and arXiv ids existing entries lack, papers published since, and
citations.yaml's counts).

It runs on the PR engine of github_repo like the site and exports targets; the one difference is that its
desired file depends on the branch: the base branch's own profile.yaml (downloaded, since the local
checkout may differ) with the missing entries appended. Requests: GitHub 3 when nothing is missing (tree,
profile.yaml blob, open PRs), about 9 to open the PR; ORCID 1–3 (summaries, full works in bulk).
"""

from __future__ import annotations

import dataclasses
from datetime import date
from pathlib import PurePosixPath
from typing import Any, Mapping

from profilebot.config import Settings
from profilebot.diff.decisions import Memory
from profilebot.diff.plan import Desired
from profilebot.errors import ConfigError, TargetError
from profilebot.targets import base
from profilebot.targets.base import (
    BOT_BRANCH_PREFIX,
    Location,
    Outcome,
    RunContext,
    branch,
    repository,
)
from profilebot.targets.profile_sources import SOURCES

NAME = "profile"
# profilebot.yaml's `profile:` section (base.settings: written into schema/profilebot.schema.json by the generator).
SETTINGS = base.settings(
    "Reverse drift: works that ORCID, the Scholar export, a JSON Resume or OpenAlex know and profile.yaml lacks, "
    "proposed as one pull request.",
    {
        "repo": {
            "type": "string",
            "description": "The repository holding profile.yaml (default: $GITHUB_REPOSITORY).",
            "examples": ["ada/profile"],
        },
        "branch": base.PROPOSED_BRANCH,
        "path": {
            "type": "string",
            "description": "profile.yaml's path inside that repository (default: its path beside profilebot.yaml).",
            "examples": ["profile.yaml"],
        },
        "sources": {
            "type": "array",
            "items": {"enum": list(SOURCES)},
            "description": "Which sources to read (default: every configured one). openalex also fills DOIs and "
                           "arXiv ids, marks papers published since, and keeps citations.yaml.",
            "examples": [["orcid", "scholar"], ["openalex"]],
        },
        "jsonresume": {
            "type": "string",
            "description": "A JSON Resume file to read works from, relative to profilebot.yaml.",
            "examples": ["resume.json"],
        },
        "propose_on": {
            "enum": ["orcid", "corroborated", "name"],
            "default": "corroborated",
            "description": "The weakest evidence with which a new work goes into the pull request unasked: orcid (on "
                           "your ORCID record or your own list, or your ORCID iD on it), corroborated (also "
                           "co-authors your profile shares, or your affiliation), name (a spelling of your name "
                           "alone). Weaker works wait on the dashboard issue for a tick.",
        },
    },
)
DEFAULT_PATH = "profile.yaml"


def configured(settings: Settings, environ: Mapping[str, str]) -> bool:
    """A `profile:` section opts in, even an empty one: every key has a default."""
    return NAME in settings.sections


def location(settings: Settings, environ: Mapping[str, str]) -> Location:
    section = settings.section(NAME)
    # In GitHub Actions the workflow runs in the repository that holds profile.yaml.
    repo = repository(section, NAME, environ.get("GITHUB_REPOSITORY"))
    return Location(repo, branch(section, NAME), BOT_BRANCH_PREFIX + NAME)


def file_path(settings: Settings) -> str:
    """Where profile.yaml is inside the repository: `profile.path`, else the local profile's file name."""
    local = settings.profile_path.name if settings.profile_path is not None else DEFAULT_PATH
    value = settings.section(NAME).get("path") or local
    parts = PurePosixPath(value).parts if isinstance(value, str) else ()
    if not parts or value.startswith("/") or value.endswith("/") or ".." in parts or "\\" in value:
        raise ConfigError(f"profilebot.yaml: profile.path is {value!r}; expected the profile's path inside the "
                          "repository, such as profile.yaml or cv/profile.yaml.")
    return "/".join(part for part in parts if part != ".")


def label(settings: Settings, environ: Mapping[str, str]) -> str:
    return location(settings, environ).repo


def run(context: RunContext) -> Outcome:
    """diff (write=False) or sync; the local profile (context.profile) is not what gets edited."""
    from profilebot.diff import review
    from profilebot.targets import github_repo, profile_additions, profile_sources
    from profilebot.targets import repository as repositories

    settings, environ = context.settings, context.environ
    where, path = location(settings, environ), file_path(settings)
    sources = profile_sources.chosen(settings)
    with repositories.gateway(context, where) as api:
        snapshot = github_repo.read_branch(api, where)
        sha = snapshot.sha(path)
        if sha is None:
            raise TargetError(f"{where.repo} has no {path} on {where.branch or 'its default branch'}.",
                              "Set profile.path in profilebot.yaml to the profile's path in that repository.")
        text, prefix = profile_additions.decoded(api.blob(sha, f"read {path}"), path)
        base = profile_additions.read_profile(text, path, context.today, settings.rules)
        found = profile_sources.gather(base, context, sources)
        pulls = github_repo.bot_pulls(api, where)  # the one listing the PR engine reads anyway
        memory = (context.memory or {}).get(NAME) or Memory()
        decided = review.decide(base, found.candidates, found.updates, found.records, found.labels,
                                closed_pulls(pulls), memory, propose_on(settings), hold=context.memory is not None)

        def wanted(extra: list) -> Desired:
            return profile_additions.desired(text, path, base, decided.candidates, found.labels, context.today,
                                             settings.rules, prefix, decided.updates, found.update_sources, extra,
                                             decided.evidence)

        desired = wanted([])
        if found.citations is not None:
            desired = wanted([_citations_file(api, snapshot, path, found.citations, context.today, pulls.open)])
        # The review rides in the plan, the one drift value: the dashboard shows what was held back and declined.
        desired = dataclasses.replace(desired, review=decided.review)
        return repositories.apply(context, api, where, NAME, desired, snapshot, pulls=pulls)


def propose_on(settings: Settings) -> str:
    """`profile.propose_on`: the weakest evidence a work may have and still go into the PR unasked."""
    from profilebot.diff import evidence

    value = settings.section(NAME).get("propose_on", evidence.DEFAULT)
    if value not in evidence.LEVELS:
        raise ConfigError(f"profilebot.yaml: profile.propose_on is {value!r}; expected one of "
                          f"{', '.join(evidence.LEVELS)}.")
    return str(value)


def closed_pulls(pulls) -> list:
    """The bot's closed pull requests that recorded a proposal (diff/decisions.py reads the decisions)."""
    from profilebot.diff.decisions import ClosedPull, Proposal

    found = []
    for number, merged, body in pulls.closed:
        proposal = Proposal.read(body)
        if proposal is not None:
            found.append(ClosedPull(number, merged, proposal))
    return found


# Citation counts move almost daily; they change the pull request at most once a week.
CITATIONS_BATCH_DAYS = 7


def _citations_file(api, snapshot, path: str, counts: dict[str, tuple[int, str]], today: date, pull=None):
    """citations.yaml beside profile.yaml with today's OpenAlex counts, at most weekly: the file the bot branch
    proposes (an open PR's; else the base branch's) is kept as it is until its newest count is a week old, so
    counts that moved neither open nor update a pull request by themselves. A count that did not change keeps
    its date; `today` is the run's (RunContext.today). Costs one read more while a pull request is open (its copy of the file)."""
    from datetime import timedelta

    from profilebot.load import citations as citations_file
    from profilebot.model.citations import NONE, refreshed
    from profilebot.render import citations_file as writer
    from profilebot.render.artifact import Artifact

    where = str(PurePosixPath(path).parent / citations_file.FILE_NAME).removeprefix("./")
    sha = snapshot.sha(where)
    raw = api.blob(sha, f"read {where}") if sha is not None else None
    proposed = _proposed_copy(api, where, pull.head_sha) if pull is not None else None
    current = proposed if proposed is not None else raw
    old = citations_file.parse(current.decode("utf-8-sig"), where) if current is not None else NONE
    newest = max((c.date for c in old.works.values()), default="")
    if current is not None and newest and date.fromisoformat(newest) > today - timedelta(days=CITATIONS_BATCH_DAYS):
        return Artifact(where, current, "application/yaml")  # this week's counts wait for the weekly batch
    new = refreshed(old, counts, "OpenAlex", today.isoformat())
    return Artifact(where, writer.render(new).encode("utf-8"), "application/yaml")


def _proposed_copy(api, where: str, head: str) -> bytes | None:
    """The open pull request's citations.yaml (None when it has none)."""
    from profilebot.clients.github import GitHubError

    try:
        return api.file(where, f"read {where} of the open pull request", ref=head)
    except GitHubError as error:
        if error.status == 404:
            return None
        raise
