"""Profile works vs a remote list of works (ORCID, Scholar) → what each side lacks and which fields differ."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Mapping, Sequence

from profilebot.model import matching
from profilebot.model.identifiers import normalize_doi
from profilebot.model.matching import SAME, Work

COMPARED = ("title", "year", "type", "doi", "venue")
USER, CLIENT = "user", "client"  # who holds a remote version: the person themself, or a member client (Crossref…)


@dataclass(frozen=True)
class FieldDifference:
    """`field` reads `ours` in the profile and `theirs` in the version held by `source` (e.g. Crossref).

    `owned`: that version was written by our own client, so a sync may overwrite it (ORCID's put-code
    `put_code`); any other version only its source may change, and `held_by` says whether that is the
    person (USER) or a member client (CLIENT).
    """

    work: str
    field: str
    ours: str
    theirs: str
    source: str
    put_code: str = ""
    held_by: str = ""
    owned: bool = False


@dataclass(frozen=True)
class Update:
    """A version our own client wrote whose fields drifted: replace it (PUT `put_code`) with profile work `work`."""

    work: str
    put_code: str
    differences: tuple[FieldDifference, ...]


@dataclass(frozen=True)
class Drift:
    missing_remote: tuple[Work, ...]
    missing_local: tuple[tuple[Work, ...], ...]
    differences: tuple[FieldDifference, ...]
    linked: tuple[matching.Pair, ...]

    @property
    def is_empty(self) -> bool:
        return not (self.missing_remote or self.missing_local or self.differences)

    @property
    def updates(self) -> tuple[Update, ...]:
        """Our own versions to overwrite, one per put-code, in the order the differences were found."""
        grouped: dict[tuple[str, str], list[FieldDifference]] = {}
        for difference in self.differences:
            if difference.owned:
                grouped.setdefault((difference.work, difference.put_code), []).append(difference)
        return tuple(Update(work, put_code, tuple(found)) for (work, put_code), found in grouped.items())

    @property
    def foreign_differences(self) -> tuple[FieldDifference, ...]:
        """Differences in versions other sources hold: reported, never written."""
        return tuple(difference for difference in self.differences if not difference.owned)


@dataclass(frozen=True)
class Written:
    """What a sync did to a record: works created, already there, updated, failed; or the import file written."""

    created: tuple[str, ...] = ()
    already_there: tuple[str, ...] = ()
    failed: tuple[str, ...] = ()
    updated: tuple[str, ...] = ()
    import_file: str | None = None

    @property
    def ok(self) -> bool:
        return not self.failed


@dataclass(frozen=True)
class WorksPlan:
    """A record target's drift (ORCID, Scholar, …): `target` is its name, `remote` how people call the record."""

    target: str
    remote: str
    drift: Drift

    @property
    def is_empty(self) -> bool:
        return self.drift.is_empty


def compare(desired: Sequence[Work], current: Sequence[Work], fields: Sequence[str] = COMPARED, *,
            owner: str | None = None, written: Mapping[str, Work] | None = None) -> Drift:
    """Match `current` against `desired`; version pairs (preprint ↔ paper) link but are not compared.

    `owner`: our own client's id. A version it wrote is compared with `written[key]` — the work as we
    would write it now — rather than with the profile's reading, so that what we cannot express (an
    under-review paper sent as working-paper) is not drift, and one update makes the next run quiet. It is
    also paired with its profile work by the profile id we gave it (source-work-id), which survives the
    retitling of a paper without a DOI.
    """
    by_key = {work.key: work for work in desired}
    own = [work for work in current if _owned(work, owner) and work.extra.get("source_work_id") in by_key]
    claimed = [matching.Pair(by_key[work.extra["source_work_id"]], work, SAME, "source-work-id") for work in own]
    found = matching.match(desired, [work for work in current if not any(work is p.theirs for p in claimed)])
    pairs = (*claimed, *found.pairs)
    written = written or {}
    differences = [difference for pair in pairs if pair.kind == SAME
                   for difference in _differences(_side(pair, owner, written), pair.theirs, fields, owner)]
    paired = {id(pair.ours) for pair in claimed}
    return Drift(tuple(w for w in found.only_ours if id(w) not in paired), found.only_theirs, tuple(differences),
                 pairs)


def _owned(work: Work, owner: str | None) -> bool:
    return bool(owner) and work.extra.get("source_kind") == CLIENT and work.extra.get("source_id") == owner


def _side(pair: matching.Pair, owner: str | None, written: Mapping[str, Work]) -> Work:
    """What the remote version is held against: our written form for our own versions, else the profile's."""
    return written.get(pair.ours.key, pair.ours) if _owned(pair.theirs, owner) else pair.ours


def _differences(ours: Work, theirs: Work, fields: Sequence[str], owner: str | None = None) -> list[FieldDifference]:
    owned = _owned(theirs, owner)
    put_code, held_by = str(theirs.extra.get("put_code") or ""), str(theirs.extra.get("source_kind") or "")
    found = []
    for name in fields:
        mine, other = _shown(ours, name), _shown(theirs, name)
        if other is None and not (owned and mine is not None):
            continue  # a field the remote does not carry is not drift (Scholar has no DOIs); ours we complete
        if mine == other or (other is not None and _equivalent(name, mine, other)):
            continue
        found.append(FieldDifference(ours.key, name, mine or "(none)", other or "(none)", theirs.source, put_code,
                                     held_by, owned))
    return found


def _shown(work: Work, name: str) -> str | None:
    value = getattr(work, name)
    if name == "doi" and value:
        value = normalize_doi(value)
    return None if value in (None, "") else str(value)


def _equivalent(name: str, mine: str | None, other: str) -> bool:
    if mine is None:
        return name in ("venue", "type")  # the profile may leave them out; not worth a report
    if name == "venue":
        a, b = matching.fold(mine), matching.fold(other)
        return a in b or b in a  # "ICS" within "Proceedings of … ICS '24" style renamings are not drift
    if name == "title":
        return " ".join(mine.split()) == " ".join(other.split())
    return False
