"""Read the profile target's sources (ORCID record, Scholar export, JSON Resume, OpenAlex) into Candidates and
their labels; OpenAlex also gives field edits of existing entries and citation counts.

THE table of sources is TABLE at the end: a new source is one reader function here and one line there (its name,
the setting that configures it, whether profilebot.yaml does, how it is read); `profile.sources` in the settings
schema takes its choices from it (targets/profile.py's SETTINGS, python -m profilebot.schemas.generate)."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Sequence

from profilebot.config import Settings
from profilebot.errors import ConfigError
from profilebot.diff.evidence import Record
from profilebot.importers.candidate import Candidate
from profilebot.load.edit import FieldEdit
from profilebot.model.profile import Profile
from profilebot.targets.base import RunContext

ORCID, SCHOLAR, JSON_RESUME, OPENALEX = "orcid", "scholar", "jsonresume", "openalex"
Found = tuple[list[Candidate], dict[str, str]]  # the candidates, and each one's origin → words for the PR table


@dataclass
class Gathered:
    """What the sources know: entries to add (with the words the PR table shows for each origin), fields to set
    in existing entries, and citation counts (profile id → (count, source's id); None: no source counts)."""

    candidates: list[Candidate] = field(default_factory=list)
    labels: dict[str, str] = field(default_factory=dict)
    updates: list[FieldEdit] = field(default_factory=list)
    citations: dict[str, tuple[int, str]] | None = None
    update_sources: dict[tuple[str, str], str] = field(default_factory=dict)  # (entry id, key) → PR words
    records: dict[str, Record] = field(default_factory=dict)  # candidate origin → what its record says (evidence)


@dataclass(frozen=True)
class Source:
    """One source of the profile target's proposals: the setting that configures it (for hints), whether
    profilebot.yaml does, and how it is read into what the sources gather."""

    how_to: str
    configured: Callable[[Settings], bool]
    read: Callable[[Profile, RunContext, Gathered], None]


def available(settings: Settings) -> list[str]:
    """The sources profilebot.yaml gives enough to read, in the table's order."""
    return [name for name, source in TABLE.items() if source.configured(settings)]


def chosen(settings: Settings) -> list[str]:
    """`profile.sources`, checked against what is configured; by default every configured source."""
    wanted = settings.section("profile").get("sources")
    ready = available(settings)
    if wanted is None:
        if not ready:
            raise ConfigError("profilebot.yaml: the profile target has no source to read.",
                              "Add one of " + ", ".join(source.how_to for source in TABLE.values()) + ".")
        return ready
    if not isinstance(wanted, list) or not wanted or not all(isinstance(w, str) for w in wanted):
        raise ConfigError(f"profilebot.yaml: profile.sources is {wanted!r}; expected a list such as [orcid, scholar].")
    for name in wanted:
        if name not in TABLE:
            raise ConfigError(f"profilebot.yaml: profile.sources names unknown source '{name}'.",
                              f"Known sources: {', '.join(TABLE)}.")
        if name not in ready:
            raise ConfigError(f"profilebot.yaml: profile.sources lists {name}, which is not configured.",
                              f"Add {TABLE[name].how_to}.")
    return list(dict.fromkeys(wanted))


def gather(profile: Profile, context: RunContext, sources: Sequence[str]) -> Gathered:
    """Every source's findings, in source order; `profile` (the branch's) decides which works to read; the
    run's context gives the settings, environment, retry policy and request tally."""
    gathered = Gathered()
    for name in sources:
        TABLE[name].read(profile, context, gathered)
    return gathered


def listed(reader: Callable[[Profile, RunContext], Found], own: str | None = None
            ) -> Callable[[Profile, RunContext, Gathered], None]:
    """A source that lists works: its candidates and their labels gathered; `own`: it is the owner's own list,
    so a work there is theirs by their own word (evidence "own", with these words)."""
    def read(profile: Profile, context: RunContext, gathered: Gathered) -> None:
        found, words = reader(profile, context)
        gathered.candidates += found
        gathered.labels |= words
        if own is not None:
            gathered.records |= {c.origin: Record(own=own) for c in found}

    return read


def _openalex(profile: Profile, context: RunContext, gathered: Gathered) -> None:
    """The works OpenAlex attributes to the owner (author list checked), the DOIs and arXiv ids to fill, the
    papers now published, and every matched work's citation count: one author look-up, one list call."""
    from profilebot.diff import openalex as drift_of
    from profilebot.importers import openalex as openalex_json
    from profilebot.targets import openalex

    works, _ = openalex.read(profile, context.settings, context.environ, policy=context.policy, tally=context.tally)
    drift = drift_of.compare(profile, works)
    candidates = openalex_json.candidates(drift.missing, profile.person.name)
    gathered.candidates += candidates
    gathered.labels |= {c.origin: f"OpenAlex {c.work.key}" for c in candidates if c.work is not None}
    gathered.records |= {c.origin: Record(orcids=tuple(c.work.extra.get("orcids") or ()),
                                          affiliations=tuple(c.work.extra.get("institutions") or ()))
                         for c in candidates if c.work is not None}
    gathered.updates += drift_of.edits(drift)
    gathered.update_sources |= drift_of.edit_sources(drift)
    gathered.citations = drift_of.citation_counts(drift)


def _orcid(profile: Profile, context: RunContext) -> Found:
    """Summaries, then full works (author lists) only for the works the profile lacks: 2–3 requests."""
    from profilebot.importers import orcid as orcid_json
    from profilebot.model import matching
    from profilebot.targets import orcid

    orcid_settings = orcid.configure(context.settings.section("orcid"), context.environ)
    if orcid_settings is None:
        raise ConfigError("profilebot.yaml: orcid.id is not set.", f"Add {TABLE[ORCID].how_to}.")
    http = orcid.client(orcid_settings, context.policy, context.tally)
    try:
        works = orcid.fetch(orcid_settings, profile, http)
        missing = matching.match(matching.profile_works(profile), works).only_theirs
        wanted = [matching.representative(versions) for versions in missing]
        lacking_authors = [w.key for w in wanted if not w.extra.get("contributors")]
        if lacking_authors:
            wanted = orcid.read_details(orcid_settings, wanted, lacking_authors, http)
    finally:
        http.close()
    candidates = orcid_json.candidates(wanted, profile.person.name, orcid_settings.orcid_id)
    labels = {c.origin: f"ORCID (source: {c.work.source or 'unknown'}), put-code {c.work.key}"
              for c in candidates if c.work is not None}
    return candidates, labels


def _scholar(profile: Profile, context: RunContext) -> Found:
    from profilebot.importers import bibtex

    settings = context.settings
    name = str(settings.section("scholar")["export"])
    text = _read(settings.root / name, "scholar.export",
                 "On your Scholar profile, select all articles, Export → BibTeX, and save the file there.")
    candidates = bibtex.candidates(text, name, profile.person.name)
    return candidates, {c.origin: f"Scholar export {c.origin}" for c in candidates}


def _json_resume(profile: Profile, context: RunContext) -> Found:
    from profilebot.importers import jsonresume

    settings = context.settings
    name = settings.section("profile")["jsonresume"]
    if not isinstance(name, str):
        raise ConfigError(f"profilebot.yaml: profile.jsonresume is {name!r}; expected a path such as resume.json.")
    text = _read(settings.root / name, "profile.jsonresume", "Export your JSON Resume (resume.json) to that path.")
    candidates = jsonresume.candidates(text, name, profile.person.name)
    return candidates, {c.origin: f"JSON Resume {c.origin}" for c in candidates}


def _read(path: Path, key: str, hint: str) -> Any:
    from profilebot import files
    from profilebot.importers import encoding

    if not path.is_file():
        raise ConfigError(f"{path}: no such file ({key} in profilebot.yaml).", hint)
    return encoding.decode(files.read_bytes(path))


# THE sources, in the order they are read and listed.
TABLE: dict[str, Source] = {
    ORCID: Source("`orcid: {id: 0000-…}`", lambda s: bool(s.section("orcid").get("id")),
                  listed(_orcid, own="on your ORCID record")),
    SCHOLAR: Source("`scholar: {export: scholar.bib}`", lambda s: bool(s.section("scholar").get("export")),
                    listed(_scholar)),
    JSON_RESUME: Source("`profile: {jsonresume: resume.json}`", lambda s: bool(s.section("profile").get("jsonresume")),
                        listed(_json_resume, own="in your JSON Resume")),
    OPENALEX: Source("`openalex: {author: A…}`", lambda s: OPENALEX in s.sections, _openalex),
}
SOURCES = tuple(TABLE)
