"""OpenAlex as a record target: the works it attributes to the profile's owner, compared with the profile.

`diff --target openalex` reports what the profile lacks, what disagrees, the identifiers to fill and the
papers published since; `sync` reports the same (OpenAlex cannot be written: the profile target, with
`openalex` among `profile.sources`, proposes the changes to profile.yaml).

`openalex: {author: A…, mailto: …}` in profilebot.yaml; without `author`, the author is found from
`orcid.id` through `/authors/orcid:…`. OPENALEX_API_URL (default https://api.openalex.org) and
OPENALEX_API_KEY (sent as `api_key`, never printed) come from the environment. Requests for a diff: one
list call for an author with ≤200 works (plus one free singleton that checks the author id or resolves the
ORCID iD, and one batched
DOI look-up per 50 profile DOIs OpenAlex does not attribute to the author).
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass
from typing import Any, Mapping

from profilebot.config import Settings
from profilebot.diff import openalex as drift_of
from profilebot.errors import ConfigError
from profilebot.importers import openalex as openalex_json
from profilebot.model.identifiers import normalize_doi, orcid_checksum_ok, orcid_path
from profilebot.model.matching import Work
from profilebot.model.profile import Profile
from profilebot.targets import base
from profilebot.targets.base import Outcome, RunContext, works_outcome
from profilebot.clients.http import RetryPolicy, Tally
from profilebot.clients.openalex import DEFAULT_API, OpenAlexClient

NAME = "openalex"
# profilebot.yaml's `openalex:` section (base.settings: written into schema/profilebot.schema.json by the generator).
SETTINGS = base.settings(
    "OpenAlex, the open catalogue of scholarly works: `diff --target openalex` compares the works it attributes to "
    "you with the profile, and it can be a source of the profile target. OPENALEX_API_URL and OPENALEX_API_KEY (a "
    "free key, sent as api_key, never printed) come from the environment.",
    {
        "author": {
            "type": "string",
            "pattern": "^(https://openalex\\.org/)?[Aa][0-9]+$",
            "description": "Your OpenAlex author id (default: found from orcid.id through /authors/orcid:…).",
            "examples": ["A5023888391"],
        },
        "mailto": {
            "type": "string",
            "description": "An e-mail address sent as mailto=, OpenAlex's polite pool.",
            "examples": ["ada@example.org"],
        },
    },
)
REMOTE = "OpenAlex"
_AUTHOR = re.compile(r"^(?:https://openalex\.org/)?[Aa]\d+$")
_MAILTO = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")


@dataclass(frozen=True)
class OpenAlexSettings:
    author: str | None  # OpenAlex author id, or None: resolve `orcid`
    orcid: str | None
    api_url: str
    mailto: str | None = None
    api_key: str | None = dataclasses.field(default=None, repr=False)


def configure(settings: Settings, environ: Mapping[str, str], author: str | None = None) -> OpenAlexSettings:
    """The OpenAlex section (or the `author` given on the command line: an author id or an ORCID iD)."""
    section = settings.section(NAME)
    raw = author or section.get("author")
    orcid = None
    if raw and orcid_path(str(raw)):
        raw, orcid = None, orcid_path(str(raw))
    elif raw and not _AUTHOR.match(str(raw).strip()):
        raise ConfigError(f"OpenAlex author '{raw}' is not an OpenAlex author id.",
                          "Author ids look like A5023888391 (the last part of the author's openalex.org address); "
                          "an ORCID iD works too.")
    if not raw and not orcid:
        orcid = orcid_path(str(settings.section("orcid").get("id") or ""))
    if orcid and not orcid_checksum_ok(orcid):
        raise ConfigError(f"ORCID iD {orcid} has a wrong check digit.", "Copy the iD from your orcid.org page.")
    if not raw and not orcid:
        raise ConfigError("profilebot.yaml: openalex.author is not set, and there is no orcid.id to find it from.",
                          "Add `openalex: {author: A…}` (your id on openalex.org) or `orcid: {id: 0000-…}`.")
    mailto = section.get("mailto")
    if mailto is not None and (not isinstance(mailto, str) or not _MAILTO.match(mailto)):
        raise ConfigError(f"profilebot.yaml: openalex.mailto is {mailto!r}; expected an e-mail address.")
    url = (environ.get("OPENALEX_API_URL") or DEFAULT_API).rstrip("/")
    return OpenAlexSettings(openalex_json.short_id(str(raw)) if raw else None, orcid, url, mailto,
                            environ.get("OPENALEX_API_KEY") or None)


def configured(settings: Settings, environ: Mapping[str, str]) -> bool:
    """An `openalex:` section opts in, even an empty one (the author is then found from orcid.id)."""
    return NAME in settings.sections


def label(settings: Settings, environ: Mapping[str, str]) -> str:
    openalex_settings = configure(settings, environ)
    return f"OpenAlex author {openalex_settings.author or 'of ORCID iD ' + str(openalex_settings.orcid)}"


def run(context: RunContext) -> Outcome:
    """diff and sync alike report: profilebot never writes to OpenAlex."""
    works, _ = read(context.profile, context.settings, context.environ, policy=context.policy, tally=context.tally)
    found = drift_of.compare(context.profile, works)
    return works_outcome(NAME, REMOTE, found)


def client(settings: OpenAlexSettings, policy: RetryPolicy | None = None, tally: Tally | None = None) -> OpenAlexClient:
    return OpenAlexClient(settings.api_url, settings.api_key, settings.mailto, policy or RetryPolicy(),
                          tally if tally is not None else Tally())


def author_id(settings: OpenAlexSettings, http: OpenAlexClient) -> str:
    """The author's current id, from a free singleton: a wrong id is a clear error (a list filtered by an
    unknown id is merely empty) and a merged author's 301 leads to the id that holds the works now."""
    return openalex_json.short_id(str(http.author(settings.author or str(settings.orcid)).get("id") or ""))


def fetch(settings: OpenAlexSettings, profile: Profile, http: OpenAlexClient) -> list[Work]:
    """The author's works, plus the works of the profile's DOIs that OpenAlex attributes to someone else
    (so their drift and citations are known too), in one batched look-up per 50 DOIs."""
    works = [openalex_json.work_of(record) for record in http.works_of(author_id(settings, http))]
    known = {w.doi for w in works if w.doi}
    ours = [normalize_doi(p.doi) for p in profile.publications if p.doi]
    others = [doi for doi in ours if doi and doi not in known]
    if others:
        for record in http.works_by_doi(others):
            work = openalex_json.work_of(record)
            works.append(dataclasses.replace(work, extra={**work.extra, "by_doi": True}))
    return works


def drift(profile: Profile, works: list[Work]) -> drift_of.Drift:
    return drift_of.compare(profile, works)


def read(profile: Profile, settings: Settings, environ: Mapping[str, str], author: str | None = None,
         policy: RetryPolicy | None = None, tally: Tally | None = None) -> tuple[list[Work], OpenAlexSettings]:
    """Configure, fetch and close: the works, and the settings they were read with."""
    openalex_settings = configure(settings, environ, author)
    http = client(openalex_settings, policy, tally)
    try:
        return fetch(openalex_settings, profile, http), openalex_settings
    finally:
        http.close()
