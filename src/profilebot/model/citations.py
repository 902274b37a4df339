"""Citation counts with their provenance: how many, according to whom, read when.

A count is only ever shown with its source and date ("cited by 31 · OpenAlex, 2026-12-01"), so a Citation
cannot exist without them. `refreshed` keeps an unchanged count's date: the file then changes only when a
count does, and a scheduled sync opens no pull request just because a day has passed.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable, Mapping


@dataclass(frozen=True)
class Citation:
    count: int
    source: str  # "OpenAlex"
    date: str  # ISO date the count was read, 2026-12-01
    record: str | None = None  # the source's id of the work (W4402914001)

    def label(self) -> str:
        return f"cited by {self.count} · {self.source}, {self.date}"


@dataclass(frozen=True)
class Citations:
    """Counts by profile work id."""

    works: Mapping[str, Citation]

    def of(self, work_id: str) -> Citation | None:
        return self.works.get(work_id)

    @property
    def h_index(self) -> int:
        return h_index(c.count for c in self.works.values())

    def provenance(self) -> str:
        """'OpenAlex, 2026-12-01' (the newest date per source), for totals such as the h-index."""
        newest: dict[str, str] = {}
        for citation in self.works.values():
            newest[citation.source] = max(newest.get(citation.source, ""), citation.date)
        return "; ".join(f"{source}, {date}" for source, date in sorted(newest.items()))

    def __bool__(self) -> bool:
        return bool(self.works)


NONE = Citations({})


def h_index(counts: Iterable[int]) -> int:
    """The largest h such that h works are each cited at least h times."""
    ranked = sorted(counts, reverse=True)
    return sum(1 for rank, count in enumerate(ranked, start=1) if count >= rank)


def refreshed(old: Citations, counts: Mapping[str, tuple[int, str | None]], source: str, today: str) -> Citations:
    """`old` updated with today's `counts` (work id → (count, record id)) from `source`: a changed count gets
    today's date, an unchanged one keeps its date; works no longer counted by `source` are dropped, works
    counted by other sources are kept."""
    works: dict[str, Citation] = {k: v for k, v in old.works.items() if v.source != source}
    for work_id, (count, record) in counts.items():
        previous = old.works.get(work_id)
        if previous is not None and previous.source == source and previous.count == count:
            works[work_id] = Citation(count, source, previous.date, record or previous.record)
        else:
            works[work_id] = Citation(count, source, today, record)
    return Citations(dict(sorted(works.items())))
