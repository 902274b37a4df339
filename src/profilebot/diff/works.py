"""Profile works vs a remote list of works (ORCID, Scholar) → what each side lacks and which fields differ."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Sequence

from profilebot.model import matching
from profilebot.model.identifiers import normalize_doi
from profilebot.model.matching import SAME, Work

COMPARED = ("title", "year", "type", "doi", "venue")


@dataclass(frozen=True)
class FieldDifference:
    """`field` reads `ours` in the profile and `theirs` in the version held by `source` (e.g. Crossref)."""

    work: str
    field: str
    ours: str
    theirs: str
    source: str


@dataclass(frozen=True)
class Drift:
    missing_remote: tuple[Work, ...]
    missing_local: tuple[tuple[Work, ...], ...]
    differences: tuple[FieldDifference, ...]
    linked: tuple[matching.Pair, ...]

    @property
    def is_empty(self) -> bool:
        return not (self.missing_remote or self.missing_local or self.differences)


def compare(desired: Sequence[Work], current: Sequence[Work], fields: Sequence[str] = COMPARED) -> Drift:
    """Match `current` against `desired`; version pairs (preprint ↔ paper) link but are not compared."""
    found = matching.match(desired, current)
    differences = [difference for pair in found.pairs if pair.kind == SAME
                   for difference in _differences(pair.ours, pair.theirs, fields)]
    return Drift(found.only_ours, found.only_theirs, tuple(differences), found.pairs)


def _differences(ours: Work, theirs: Work, fields: Sequence[str]) -> list[FieldDifference]:
    found = []
    for name in fields:
        mine, other = _shown(ours, name), _shown(theirs, name)
        if other is None or mine == other or _equivalent(name, mine, other):
            continue  # a field the remote does not carry is not drift (Scholar has no DOIs)
        found.append(FieldDifference(ours.key, name, mine or "(none)", other, theirs.source))
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
