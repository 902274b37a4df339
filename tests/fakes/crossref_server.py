"""A local stand-in for the Crossref REST API (api.crossref.org), for `check --online`.

What it reproduces (Crossref's REST API documentation and the real response in
tests/fixtures/crossref/work-pssc.201200953.json):

* `GET /works/{doi}` → `{"status": "ok", "message-type": "work", "message-version": "1.0.0", "message": {…}}`;
  DOIs are case-insensitive; an unknown DOI is a 404 whose body is the plain text `Resource not found.`
* `GET /works?filter=doi:A,doi:B&rows=N` → a `work-list` message (`items`, `total-results`,
  `items-per-page`, `query`); several `doi:` filters are OR-ed, as Crossref documents for repeated filters.
* Every answer carries `x-rate-limit-limit` and `x-rate-limit-interval`, as Crossref's do.
* Faults from FakeService: `fail(pattern, 429, retry_after=…)`, `fail(pattern, 503)`, `drop(pattern)`.
"""

from __future__ import annotations

import copy
import re
from typing import Any

from tests.fakes.http_fake import FakeService, Reply, Request

RATE_HEADERS = {"x-rate-limit-limit": "50", "x-rate-limit-interval": "1s"}


class CrossrefFake(FakeService):
    name = "crossref"

    def __init__(self) -> None:
        super().__init__()
        self.records: dict[str, dict] = {}

    def add(self, message: dict) -> dict:
        self.records[message["DOI"].lower()] = copy.deepcopy(message)
        return message

    def error_body(self, status: int) -> Any:
        return "Too many requests." if status == 429 else "Internal server error."

    def answer(self, request: Request) -> Reply:
        match = re.fullmatch(r"/works/(10\..+)", request.path)
        if match:
            record = self.records.get(match.group(1).lower())
            if record is None:
                return Reply(404, "Resource not found.", dict(RATE_HEADERS), "text/plain")
            return Reply(200, {"status": "ok", "message-type": "work", "message-version": "1.0.0",
                               "message": copy.deepcopy(record)}, dict(RATE_HEADERS))
        if request.path.rstrip("/") == "/works":
            return self._list(request)
        return Reply(404, "Resource not found.", dict(RATE_HEADERS), "text/plain")

    def _list(self, request: Request) -> Reply:
        wanted = []
        for clause in (request.param("filter") or "").split(","):
            name, _, value = clause.partition(":")
            if name != "doi":
                return Reply(400, {"status": "failed", "message-type": "validation-failure",
                                   "message": [{"type": "filter-not-available", "value": name,
                                                "message": f"Filter {name} specified but there is no such filter "
                                                           "for this route."}]}, dict(RATE_HEADERS))
            wanted.append(value.lower())
        rows = int(request.param("rows", "20") or 20)
        items = [copy.deepcopy(self.records[doi]) for doi in wanted if doi in self.records][:rows]
        return Reply(200, {"status": "ok", "message-type": "work-list", "message-version": "1.0.0",
                           "message": {"facets": {}, "total-results": len(items), "items": items,
                                       "items-per-page": rows, "query": {"start-index": 0, "search-terms": None}}},
                     dict(RATE_HEADERS))


def message(doi: str, title: str, year: int, authors: list[tuple[str, str]], venue: str | None,
            kind: str = "proceedings-article") -> dict:
    """A Crossref work message in the real shape (title and container-title are lists; dates are date-parts)."""
    return {
        "indexed": {"date-parts": [[2026, 11, 20]], "date-time": "2026-11-20T04:12:09Z", "timestamp": 1795000329000},
        "reference-count": 0, "publisher": "Test Publisher", "content-domain": {"domain": [], "crossmark-restriction": False},
        "short-container-title": [], "DOI": doi, "type": kind,
        "created": {"date-parts": [[year, 1, 15]], "date-time": f"{year}-01-15T10:00:00Z", "timestamp": 0},
        "source": "Crossref", "is-referenced-by-count": 0, "title": [title], "prefix": doi.split("/")[0],
        "author": [{"given": given, "family": family, "sequence": "first" if i == 0 else "additional",
                    "affiliation": []} for i, (given, family) in enumerate(authors)],
        "member": "320", "container-title": [venue] if venue else [], "original-title": [], "link": [],
        "deposited": {"date-parts": [[year, 2, 1]], "date-time": f"{year}-02-01T00:00:00Z", "timestamp": 0},
        "score": 1, "resource": {"primary": {"URL": f"https://example.org/{doi}"}}, "subtitle": [], "short-title": [],
        "issued": {"date-parts": [[year]]}, "references-count": 0, "URL": f"https://doi.org/{doi}",
        "relation": {}, "published": {"date-parts": [[year]]},
    }
