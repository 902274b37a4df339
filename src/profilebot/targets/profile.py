"""The profile target: what ORCID, a Scholar export, a JSON Resume or OpenAlex know and profile.yaml lacks, as one
PR (with OpenAlex, also the DOIs and arXiv ids existing entries lack, papers published since, and
citations.yaml's counts).

It runs on the PR engine of github_repo like the site and exports targets; the one difference is that its
desired file depends on the branch: the base branch's own profile.yaml (downloaded, since the local
checkout may differ) with the missing entries appended. Requests: GitHub 3 when nothing is missing (tree,
profile.yaml blob, open PRs), about 9 to open the PR; ORCID 1–3 (summaries, full works in bulk).
"""

from __future__ import annotations

from pathlib import PurePosixPath
from typing import Mapping

from profilebot.config import Settings
from profilebot.errors import ConfigError, TargetError
from profilebot.targets.base import (
    BOT_BRANCH_PREFIX,
    Location,
    Outcome,
    RunContext,
    branch,
    repository,
)

NAME = "profile"
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
    from profilebot.targets import profile_additions
    from profilebot.targets import profile_sources
    from profilebot.targets import repository as repositories

    settings, environ = context.settings, context.environ
    where, path = location(settings, environ), file_path(settings)
    sources = profile_sources.chosen(settings)
    with repositories.gateway(context, where) as api:
        from profilebot.targets import github_repo

        snapshot = github_repo.read_branch(api, where)
        sha = snapshot.sha(path)
        if sha is None:
            raise TargetError(f"{where.repo} has no {path} on {where.branch or 'its default branch'}.",
                              "Set profile.path in profilebot.yaml to the profile's path in that repository.")
        text, prefix = profile_additions.decoded(api.blob(sha, f"read {path}"), path)
        base = profile_additions.read_profile(text, path, settings.rules)
        found = profile_sources.gather(base, context, sources)
        extra = [] if found.citations is None else [_citations_file(api, snapshot, path, found.citations)]
        desired = profile_additions.desired(text, path, base, found.candidates, found.labels, settings.rules, prefix,
                                            found.updates, found.update_sources, extra)
        return repositories.apply(context, api, where, NAME, desired, snapshot)


def _citations_file(api, snapshot, path: str, counts: dict[str, tuple[int, str]]):
    """citations.yaml beside profile.yaml on the branch, with today's OpenAlex counts: a count that did not
    change keeps its date, so the file (and the pull request) changes only when a count does."""
    from profilebot.load import citations as citations_file
    from profilebot.model.citations import NONE, refreshed
    from profilebot.render import citations_file as writer
    from profilebot.render.artifact import Artifact
    from profilebot.validate import clock

    where = str(PurePosixPath(path).parent / citations_file.FILE_NAME).removeprefix("./")
    sha = snapshot.sha(where)
    old = NONE
    if sha is not None:
        old = citations_file.parse(api.blob(sha, f"read {where}").decode("utf-8-sig"), where)
    new = refreshed(old, counts, "OpenAlex", clock.today().isoformat())
    return Artifact(where, writer.render(new).encode("utf-8"), "application/yaml")
