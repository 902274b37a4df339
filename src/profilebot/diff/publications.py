"""The publications manifest a target commits beside its files, and paper-by-paper changes between two of them."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Iterable, Mapping

from profilebot.model.profile import Profile, Publication
from profilebot.render.artifact import Artifact

MANIFEST_NAME = ".profilebot/publications.json"
FORMAT = "profilebot-publications/1"
# Field → the words a reader sees in "venue year 2023 → 2024"; the order is the order in PR bodies.
FIELDS = {
    "title": "title",
    "authors": "authors",
    "venue": "venue",
    "year": "venue year",
    "status": "status",
    "type": "type",
    "doi": "DOI",
    "arxiv": "arXiv",
    "url": "URL",
    "volume": "volume",
    "issue": "issue",
    "pages": "pages",
    "selected": "selected",
    "orcid": "on ORCID",
}
# Which works a format file carries (its exporter's WORKS): every paper, or only those that belong on ORCID.
ALL_WORKS, ORCID_WORKS = "all", "orcid"
_ON_ORCID_STATUSES = ("published", "accepted")  # Publication.is_published


@dataclass(frozen=True)
class FieldChange:
    field: str
    old: str | None
    new: str | None

    @property
    def label(self) -> str:
        return FIELDS.get(self.field, self.field)


NEW, UPDATED, REMOVED = "new", "updated", "removed"


@dataclass(frozen=True)
class ItemChange:
    """One paper: "new", "removed" or "updated" (then `fields` says which, old → new)."""

    kind: str
    key: str
    title: str
    fields: tuple[FieldChange, ...] = ()


def record(publication: Publication) -> dict[str, str]:
    """The few fields a reader of a PR cares about, as plain strings (missing ones left out)."""
    values = {
        "title": publication.title,
        "authors": ", ".join(author.name for author in publication.authors),
        "venue": publication.venue.name if publication.venue else None,
        "year": str(publication.year) if publication.year else None,
        "status": publication.status,
        "type": publication.type,
        "doi": publication.doi,
        "arxiv": publication.arxiv,
        "url": publication.url,
        "volume": publication.volume,
        "issue": publication.issue,
        "pages": publication.pages,
        "selected": "yes" if publication.selected else None,
        # Only an on_orcid that overrides the status is recorded, so manifests written before it stay byte-equal.
        "orcid": _orcid_override(publication),
    }
    return {name: value for name, value in values.items() if value}


def _orcid_override(publication: Publication) -> str | None:
    if publication.on_orcid is None or publication.on_orcid == publication.is_published:
        return None
    return "yes" if publication.on_orcid else "no"


def carried(record: Mapping[str, str], works: str) -> bool:
    """Whether a file carrying `works` (ALL_WORKS or ORCID_WORKS) holds this manifest record's paper."""
    if works == ALL_WORKS:
        return True
    if works == ORCID_WORKS:  # Publication.belongs_on_orcid, read back from the record
        override = record.get("orcid")
        return override == "yes" if override else record.get("status") in _ON_ORCID_STATUSES
    raise ValueError(f"unknown works selection {works!r}; expected {ALL_WORKS!r} or {ORCID_WORKS!r}")


def manifest(profile: Profile, folder: str = "", written: Iterable[str] = (),
             blobs: Mapping[str, str] | None = None) -> Artifact:
    """The manifest file at `<folder>/.profilebot/publications.json`; sorted keys keep it byte-stable.

    `written` lists the files the bot writes in folders it shares with people (a site's `_publications/`): a
    later run removes or writes over only files listed here, so a page someone made by hand is never taken
    for one of ours. `blobs` records the git blob SHA of each written file the site template edits in place
    (path → SHA, paths as in `written`): a later run need not download such a file while it still holds
    exactly what the bot wrote. Both keys are left out when empty, so a manifest without them stays
    byte-equal to the ones already on sites.
    """
    records = {publication.id: record(publication) for publication in profile.publications}
    document: dict[str, object] = {"format": FORMAT, "publications": records}
    if written:
        document["files"] = sorted(set(written))
    if blobs:
        document["blobs"] = dict(sorted(blobs.items()))
    text = json.dumps(document, indent=1, sort_keys=True, ensure_ascii=False)
    return Artifact.text(join(folder, MANIFEST_NAME), text + "\n", "application/json")


def written(data: bytes | None) -> frozenset[str] | None:
    """The files a manifest says the bot wrote; None when it does not say (no manifest, or one from before)."""
    document = _document(data)
    files = document.get("files") if document else None
    if not isinstance(files, list):
        return None
    return frozenset(str(path) for path in files)


def recorded(data: bytes | None) -> dict[str, str]:
    """path → the blob SHA the bot wrote there, for the files a manifest records (none in older manifests)."""
    document = _document(data)
    blobs = document.get("blobs") if document else None
    if not isinstance(blobs, dict):
        return {}
    return {str(path): sha for path, sha in blobs.items() if isinstance(sha, str)}


def differs_only_in_blobs(old: bytes | None, new: bytes) -> bool:
    """Two manifests that list the same papers and files and differ only in recorded SHAs: after someone edited
    a page the bot wrote, the bot's page now carries their edit and nothing else changes; rewriting the
    manifest alone would be a pull request with nothing in it for people."""
    before, after = _document(old), _document(new)
    if before is None or after is None:
        return False
    return {k: v for k, v in before.items() if k != "blobs"} == {k: v for k, v in after.items() if k != "blobs"}


def _document(data: bytes | None) -> dict[str, object] | None:
    try:
        document = json.loads(data.decode("utf-8")) if data else None
    except (UnicodeDecodeError, ValueError):
        return None
    return document if isinstance(document, dict) else None


def parse(data: bytes | None) -> dict[str, dict[str, str]]:
    """Records by publication id; an absent or unreadable manifest (edited by hand) counts as empty."""
    if not data:
        return {}
    try:
        document = json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        return {}
    records = document.get("publications") if isinstance(document, dict) else None
    if not isinstance(records, dict):
        return {}
    return {str(key): {str(k): str(v) for k, v in value.items()} for key, value in records.items()
            if isinstance(value, dict)}


def changes(old: Mapping[str, Mapping[str, str]], new: Mapping[str, Mapping[str, str]],
            works: str = ALL_WORKS) -> tuple[ItemChange, ...]:
    """Removed papers first (what a reviewer must not miss), then updated ones, then new ones; each in id order.

    `works` narrows both sides to what one format carries: a paper accepted after review is then *new* in
    the ORCID files, and one that went back to under review is *removed* from them.
    """
    if works != ALL_WORKS:
        old = {key: value for key, value in old.items() if carried(value, works)}
        new = {key: value for key, value in new.items() if carried(value, works)}
    added = [ItemChange(NEW, key, new[key].get("title", key)) for key in sorted(new.keys() - old.keys())]
    updated = [ItemChange(UPDATED, key, new[key].get("title", key), _field_changes(old[key], new[key]))
               for key in sorted(new.keys() & old.keys()) if old[key] != new[key]]
    removed = [ItemChange(REMOVED, key, old[key].get("title", key)) for key in sorted(old.keys() - new.keys())]
    return tuple(removed + updated + added)


def _field_changes(old: Mapping[str, str], new: Mapping[str, str]) -> tuple[FieldChange, ...]:
    order = list(FIELDS) + sorted((old.keys() | new.keys()) - FIELDS.keys())
    return tuple(FieldChange(name, old.get(name), new.get(name)) for name in order if old.get(name) != new.get(name))


def join(folder: str, path: str) -> str:
    folder = folder.strip("/")
    return f"{folder}/{path}" if folder else path
