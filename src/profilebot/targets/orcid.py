"""The ORCID target: read a record's works, compare them with the profile, add what ORCID lacks, fix our own.

Reads cost one request for the works summaries plus one bulk read (≤100 put-codes) per hundred works
whose identity needs the author list. Writes happen only with a member token (ORCID_TOKEN): missing
works are created through the bulk endpoint (ORCID's 409/9021 "already added" counts as done, so a
rerun after a lost answer adds nothing twice), and works whose source is our own client
(`orcid.client_id` / ORCID_CLIENT_ID) and whose fields drifted are replaced with one PUT each. Works of
other sources — the person's own, Crossref, Scopus… — are never modified or deleted: their drift is
reported with who can correct it. Without a token, `sync` writes orcid-missing.bib for ORCID's
"Import BibTeX" instead.
"""

from __future__ import annotations

import dataclasses
import os
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable, Mapping, Sequence

from profilebot.config import OUTPUT_FOLDER, Settings
from profilebot.diff import works as drift_of
from profilebot.diff.works import Written
from profilebot.errors import ConfigError, TargetError
from profilebot.importers import orcid as orcid_json
from profilebot.model import matching
from profilebot.model.identifiers import orcid_checksum_ok, orcid_path
from profilebot.model.matching import Work
from profilebot.model.profile import Profile
from profilebot.targets import base
from profilebot.targets.base import Outcome, RunContext, Status, works_outcome
from profilebot.clients.http import RetryPolicy, Tally
from profilebot.clients.orcid import MAX_BULK, MEMBER_API, PUBLIC_API, OrcidClient

NAME = "orcid"
# profilebot.yaml's `orcid:` section (base.settings: written into schema/profilebot.schema.json by the generator).
SETTINGS = base.settings(
    "Your ORCID record: read publicly for `diff --target orcid`; works are pushed only with a member-API token "
    "(institutions).",
    {
        "id": {"type": "string", "description": "Your ORCID iD.", "examples": ["0000-0002-1825-0097"]},
        "client_id": {
            "type": "string",
            "description": "The member-API client behind ORCID_TOKEN: works it wrote are updated when they drift.",
            "examples": ["APP-XXXXXXXXXXXXXXXX"],
        },
    },
)
REMOTE = "ORCID"  # how the drift report names the record
IMPORT_FILE = "orcid-missing.bib"
ALREADY_ADDED = 9021
NOT_THE_SOURCE = 9010
# ORCID client ids look like APP-6U5WZH9AC4EYDVAD; the id is public (every work it writes names it).
_CLIENT_ID = re.compile(r"^APP-[A-Z0-9]{4,}$", re.IGNORECASE)


@dataclass(frozen=True)
class OrcidSettings:
    orcid_id: str
    api_url: str
    token: str | None = dataclasses.field(default=None, repr=False)
    client_id: str | None = None  # the member client ORCID_TOKEN belongs to: the works it wrote are ours

    def __repr__(self) -> str:
        return (f"OrcidSettings(orcid_id={self.orcid_id!r}, api_url={self.api_url!r}, "
                f"token={'***' if self.token else None}, client_id={self.client_id!r})")


def configure(section: Mapping[str, Any], environ: Mapping[str, str] = os.environ,
              orcid_id: str | None = None) -> OrcidSettings | None:
    """`orcid: {id: …, client_id: APP-…}` from profilebot.yaml plus ORCID_API_URL / ORCID_TOKEN /
    ORCID_CLIENT_ID; None when no iD is configured."""
    raw = orcid_id or section.get("id")
    if not raw:
        return None
    path = orcid_path(str(raw))
    if path is None or not orcid_checksum_ok(path):
        # An iD typed on the command line is that argument's fault, not profilebot.yaml's.
        where = f"the ORCID iD '{raw}'" if orcid_id else f"profilebot.yaml: orcid.id '{raw}'"
        raise ConfigError(f"{where} is not a valid ORCID iD.",
                          "An ORCID iD is 16 characters like 0000-0002-1825-0097 (the last may be X).")
    token = environ.get("ORCID_TOKEN") or None
    api_url = environ.get("ORCID_API_URL") or (MEMBER_API if token else PUBLIC_API)
    return OrcidSettings(path, api_url.rstrip("/"), token, _client_id(section, environ))


def _client_id(section: Mapping[str, Any], environ: Mapping[str, str]) -> str | None:
    raw = section.get("client_id") or environ.get("ORCID_CLIENT_ID")
    if not raw:
        return None
    if not isinstance(raw, str) or not _CLIENT_ID.match(raw.strip()):
        raise ConfigError(f"profilebot.yaml: orcid.client_id '{raw}' is not an ORCID client id.",
                          "A client id looks like APP-6U5WZH9AC4EYDVAD: the member client ORCID_TOKEN was issued "
                          "to (ORCID shows it as the source of every work it adds).")
    return raw.strip().upper()


def client(settings: OrcidSettings, policy: RetryPolicy | None = None, tally: Tally | None = None) -> OrcidClient:
    """A client for the record's API, retrying under `policy` and counting its requests in `tally`."""
    return OrcidClient(settings.api_url, settings.token, policy or RetryPolicy(), tally if tally is not None else Tally())


def fetch(settings: OrcidSettings, profile: Profile | None, http: OrcidClient) -> list[Work]:
    """The record's works, one Work per source version; full works read only where identity needs authors."""
    summaries = http.get(f"/{settings.orcid_id}/works", "read the works on ORCID")
    works = orcid_json.parse_works(summaries, f"ORCID {settings.orcid_id}")
    desired = matching.profile_works(profile, orcid_only=True) if profile else []
    return read_details(settings, works, needs_details(desired, works), http)


def read_details(settings: OrcidSettings, works: list[Work], put_codes: Sequence[str], http: OrcidClient) -> list[Work]:
    details: list[dict] = []
    for start in range(0, len(put_codes), MAX_BULK):
        chunk = ",".join(put_codes[start:start + MAX_BULK])
        details += (http.get(f"/{settings.orcid_id}/works/{chunk}", "read full works on ORCID") or {}).get("bulk", [])
    return orcid_json.with_details(works, details)


def needs_details(desired: Sequence[Work], current: Sequence[Work]) -> list[str]:
    """Put-codes whose match rests on the title alone while the summary lacks the first author."""
    titles = {w.title_key for w in desired}
    identifiers = {i for w in desired for i in w.identifiers}
    return [w.key for w in current
            if not w.first_author and w.title_key in titles and not (w.identifiers & identifiers)]


def plan(profile: Profile, current: Sequence[Work], owner: str | None = None) -> drift_of.Drift:
    """What belongs on ORCID (published and accepted papers, patents) against what ORCID holds.

    `owner`, our client id: the versions it wrote are held against what we would write now (written()).
    """
    desired = matching.profile_works(profile, orcid_only=True)
    return drift_of.compare(desired, current, owner=owner, written=written(profile) if owner else None)


def payloads(profile: Profile) -> dict[str, dict]:
    """The ORCID work JSON of every work that belongs on ORCID, by profile id (the orcid-works exporter's)."""
    from profilebot.render import citations, orcid_works

    bulk = orcid_works.bulk(profile)["bulk"]
    return {work.item.id: item["work"] for work, item in zip(citations.orcid_works(profile), bulk, strict=True)}


def written(profile: Profile) -> dict[str, Work]:
    """Each payload read back as ORCID would show it: what a version we wrote must equal to be in step."""
    return {key: dataclasses.replace(orcid_json.work_from(work), key=key) for key, work in payloads(profile).items()}


def restricted(profile: Profile, works: Sequence[Work]) -> Profile:
    """The profile with only the given works: what the exporters render for the missing ones."""
    keys = {w.key for w in works}
    return dataclasses.replace(profile, publications=tuple(p for p in profile.publications if p.id in keys),
                               patents=tuple(p for p in profile.patents if p.id in keys))


def import_file(profile: Profile, drift: drift_of.Drift) -> str:
    """orcid-missing.bib: exactly the works ORCID lacks, shaped for ORCID's "Import BibTeX"."""
    from profilebot.render import orcid_import

    return orcid_import.render(restricted(profile, drift.missing_remote))


def work_payloads(profile: Profile, drift: drift_of.Drift) -> list[dict]:
    """The ORCID work JSON of each missing work, built by the orcid-works exporter."""
    from profilebot.render import orcid_works

    return [item["work"] for item in orcid_works.bulk(restricted(profile, drift.missing_remote))["bulk"]]


def apply(settings: OrcidSettings, payloads: Sequence[dict], http: OrcidClient) -> Written:
    """Create the works through the bulk endpoint, ≤100 per request; 409/9021 means it is already there."""
    created, there, failed = [], [], []
    for start in range(0, len(payloads), MAX_BULK):
        chunk = list(payloads[start:start + MAX_BULK])
        answer = http.post(f"/{settings.orcid_id}/works", {"bulk": [{"work": w} for w in chunk]},
                           "add works to ORCID")
        for work, result in zip(chunk, (answer.body or {}).get("bulk", [])):
            title = ((work.get("title") or {}).get("title") or {}).get("value", "?")
            error = result.get("error") if isinstance(result, dict) else None
            if not error:
                created.append(title)
            elif error.get("error-code") == ALREADY_ADDED or error.get("response-code") == 409 and "already" in str(error):
                there.append(title)
            else:
                failed.append(f"{title}: {error.get('response-code')} {error.get('developer-message', '')}".strip())
    return Written(tuple(created), tuple(there), tuple(failed))


def update(settings: OrcidSettings, updates: Sequence[drift_of.Update], by_key: Mapping[str, dict],
           http: OrcidClient) -> Written:
    """Replace each drifted work of our own with the profile's version: one PUT per work, put-code in the body.

    The body carries no visibility: ORCID refuses a visibility change on PUT (403/9035) and, left out,
    keeps the one the person chose. One work failing does not stop the others; a rerun retries it.
    """
    done, failed = [], []
    for change in updates:
        body = {key: value for key, value in by_key[change.work].items() if key != "visibility"}
        body["put-code"] = int(change.put_code)
        title = body["title"]["title"]["value"]
        try:
            answer = http.put(f"/{settings.orcid_id}/work/{change.put_code}", body, "update a work on ORCID",
                              accept=(400, 403, 404, 409))
        except TargetError as error:
            failed.append(f"{title}: {error.message}")
            continue
        if answer.status < 300:
            done.append(title)
        else:
            failed.append(f"{title}: {_refusal(answer.status, answer.body)}")
    return Written(updated=tuple(done), failed=tuple(failed))


def _refusal(status: int, body: Any) -> str:
    error = body if isinstance(body, dict) else {}
    said = f"{status} {error.get('developer-message', '')}".strip()
    if error.get("error-code") == NOT_THE_SOURCE:
        return (f"{said} (hint: orcid.client_id must name the client ORCID_TOKEN was issued to; profilebot only "
                "updates works that client added)")
    return said


def configured(settings: Settings, environ: Mapping[str, str]) -> bool:
    return bool(settings.section(NAME).get("id"))


def label(settings: Settings, environ: Mapping[str, str]) -> str:
    value = settings.section(NAME).get("id")
    return f"ORCID record {value}" if value else ""


def run(context: RunContext) -> Outcome:
    """diff (write=False) or sync: the drift report, then the import file or the push."""
    orcid_settings = configure(context.settings.section(NAME), context.environ)
    if orcid_settings is None:
        return Outcome(NAME, Status.UNCHANGED, setup="orcid: {id: 0000-…}")
    http = client(orcid_settings, context.policy, context.tally)
    try:
        return _run(context, orcid_settings, http)
    finally:
        http.close()


def _run(context: RunContext, orcid_settings: OrcidSettings, http: OrcidClient) -> Outcome:
    from profilebot import files

    profile, settings = context.profile, context.settings
    drift = plan(profile, fetch(orcid_settings, profile, http), orcid_settings.client_id)
    # Only the client that added a work may update it: without its id, a token cannot fix drifted works.
    needs_client_id = bool(orcid_settings.token and not orcid_settings.client_id and drift.differences)
    updates = drift.updates if orcid_settings.token else ()
    if not context.write or context.dry_run or not (drift.missing_remote or updates):
        return works_outcome(NAME, REMOTE, drift, Status.UNCHANGED if context.write else Status.PLANNED,
                             needs_client_id=needs_client_id)
    if orcid_settings.token is None:
        path = (context.output or settings.root / OUTPUT_FOLDER) / IMPORT_FILE
        files.write_bytes(path, import_file(profile, drift).encode("utf-8"))
        done = Written(import_file=str(path))
    else:
        added = Written()
        if drift.missing_remote:
            added = apply(orcid_settings, work_payloads(profile, drift), http)
        fixed = update(orcid_settings, updates, payloads(profile), http)
        done = dataclasses.replace(added, updated=fixed.updated, failed=added.failed + fixed.failed)
    return works_outcome(NAME, REMOTE, drift, Status.UPDATED if done.ok else Status.FAILED, written=done,
                         needs_client_id=needs_client_id)
