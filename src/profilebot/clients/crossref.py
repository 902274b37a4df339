"""Crossref records of the profile's DOIs, for `check --online` (CROSSREF_API_URL, default api.crossref.org).

Look-ups are batched: `/works?filter=doi:A,doi:B,…` (Crossref OR-s repeated filters) returns up to 20
records per request, so a profile with 40 DOIs costs two requests, not forty. A `mailto` (CROSSREF_MAILTO)
puts profilebot in Crossref's polite pool.
"""

from __future__ import annotations

from typing import Any, Mapping, Sequence

from profilebot.clients import shape
from profilebot.model.identifiers import normalize_doi
from profilebot.clients.http import RetryPolicy, Tally
from profilebot.clients.open_http import OpenHttp

DEFAULT_API = "https://api.crossref.org"
BATCH = 20
# What `records` reads out of Crossref's answer: its message's items, each with its DOI.
WORKS = shape.Object(message=shape.Object(items=shape.Optional(shape.ListOf(shape.Object(DOI=shape.Optional(shape.TEXT))))))


def client(environ: Mapping[str, str], policy: RetryPolicy | None = None, tally: Tally | None = None) -> OpenHttp:
    mailto = environ.get("CROSSREF_MAILTO")
    return OpenHttp("Crossref", "CROSSREF_API_URL", environ.get("CROSSREF_API_URL") or DEFAULT_API,
                    {"mailto": mailto} if mailto else {}, policy or RetryPolicy(),
                    tally=tally if tally is not None else Tally(), default_url=DEFAULT_API)


def records(http: OpenHttp, dois: Sequence[str]) -> dict[str, dict[str, Any]]:
    """Crossref's work message for each DOI it knows, by normalised DOI."""
    found: dict[str, dict[str, Any]] = {}
    for start in range(0, len(dois), BATCH):
        chunk = list(dois[start:start + BATCH])
        answer = http.json("/works", {"filter": ",".join(f"doi:{doi}" for doi in chunk), "rows": str(len(chunk))},
                           f"look up {len(chunk)} DOI(s) on Crossref", answer=WORKS)
        for item in answer["message"].get("items") or []:
            doi = normalize_doi(item.get("DOI") or "")
            if doi:
                found[doi] = item
    return found
