"""HTTP to the OpenAlex API: an author's works in ≤2 list calls, DOI look-ups in batches of 50.

Spending (OpenAlex bills list calls since 2026; singletons are free): an author's works are read with
cursor paging at `per-page=200` (a server that allows fewer echoes its `per_page`, and the cursor is
followed) and `select=` of only the fields profilebot uses; paging stops once `meta.count` works are in
hand, so an author with ≤200 works costs one list call (two where the server caps pages at 100).
The author id comes from `/authors/orcid:…` (a free singleton) when only an ORCID iD is known.

The API key (OPENALEX_API_KEY) travels as the `api_key` query parameter, so no URL is ever printed:
errors name the path and what was being done; the key is also registered with `redact`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any, Mapping, Sequence

from profilebot.clients import shape
from profilebot.errors import TargetError
from profilebot.importers.openalex import FIELDS, short_id
from profilebot.clients.http import RetryPolicy, Tally
from profilebot.clients.open_http import OpenHttp

DEFAULT_API = "https://api.openalex.org"
PER_PAGE = 200
DOI_BATCH = 50  # OpenAlex's limit on values OR-ed with `|` in one filter
MAX_PAGES = 100  # a runaway cursor (a server that never ends the list) stops here
_AUTHOR_ID = re.compile(r"^A\d+$")
HINT_URL = "Check OPENALEX_API_URL (unset it for https://api.openalex.org) and the network."
KEY_HINT = "Set OPENALEX_API_KEY (a free key from https://openalex.org/settings/api) or run later."
# OpenAlex answers 429 when the key's daily allowance is spent; waiting minutes does not help, tomorrow does.
SPENT_HINT = ("OpenAlex's daily allowance for this OPENALEX_API_KEY is spent (a free key has $1 a day, about 10,000 "
              "list calls); it resets at midnight UTC, so the next daily run goes through. If it happens every day, "
              "something else shares the key: give profilebot a key of its own, or ask support@openalex.org for more "
              "(free for academic research).")


@dataclass
class OpenAlexClient:
    api_url: str = DEFAULT_API
    api_key: str | None = field(default=None, repr=False)
    mailto: str | None = None
    policy: RetryPolicy = field(default_factory=RetryPolicy)
    tally: Tally = field(default_factory=Tally)  # every request sent, retries included

    def __post_init__(self) -> None:
        params = {"api_key": self.api_key} if self.api_key else {}
        if self.mailto:
            params["mailto"] = self.mailto
        self.http = OpenHttp("OpenAlex", "OPENALEX_API_URL", self.api_url, params, self.policy, KEY_HINT,
                             SPENT_HINT if self.api_key else "", tally=self.tally, default_url=DEFAULT_API)

    def close(self) -> None:
        self.http.close()

    def author(self, reference: str) -> dict:
        """`A5023888391` or an ORCID iD → the author object (a free singleton look-up)."""
        from profilebot.model.identifiers import orcid_path

        orcid = orcid_path(reference)
        path = f"/authors/orcid:{orcid}" if orcid else f"/authors/{short_id(reference)}"
        if not orcid and not _AUTHOR_ID.match(short_id(reference)):
            raise TargetError(f"'{reference}' is neither an OpenAlex author id nor an ORCID iD.",
                              "An OpenAlex author id looks like A5023888391 (see the author's page on openalex.org).")
        what = f"find the OpenAlex author with ORCID iD {orcid}" if orcid else f"read OpenAlex author {short_id(reference)}"
        found = self.get(path, {}, what, missing=_no_author(reference, orcid), answer=AUTHOR)
        if not _AUTHOR_ID.match(short_id(found["id"])):
            raise TargetError(f"OpenAlex answered something that is not an author while trying to {what} (its id "
                              f"is {found['id'][:40]!r}).", HINT_URL)
        return found

    def works_of(self, author_id: str) -> list[dict]:
        """Every work OpenAlex attributes to the author, in as few list calls as the server allows."""
        return self._all(f"author.id:{short_id(author_id)}", f"read the works of OpenAlex author {short_id(author_id)}")

    def works_by_doi(self, dois: Sequence[str]) -> list[dict]:
        """The works with these DOIs, 50 per request (`filter=doi:a|b|…`), never one request per DOI."""
        # A DOI holding the filter syntax's own separators (`,` AND, `|` OR) cannot be asked for in a batch;
        # sending it would make OpenAlex refuse the other 49 too.
        unique = list(dict.fromkeys(d.lower() for d in dois if d and not set(d) & {",", "|"}))
        found: list[dict] = []
        for start in range(0, len(unique), DOI_BATCH):
            chunk = unique[start:start + DOI_BATCH]
            found += self._all("doi:" + "|".join(chunk), f"look up {len(chunk)} DOI(s) on OpenAlex")
        return found

    def _all(self, filter_: str, what: str) -> list[dict]:
        params = {"filter": filter_, "select": ",".join(FIELDS), "per-page": str(PER_PAGE), "cursor": "*"}
        results: list[dict] = []
        for _ in range(MAX_PAGES):
            page = self.get("/works", params, what, answer=PAGE)
            results += page["results"]
            meta = page.get("meta") or {}
            cursor, count = meta.get("next_cursor"), meta.get("count")
            # Stop once everything counted is in hand: the empty page after the last costs a list call too.
            counted = isinstance(count, int) and len(results) >= count
            if not isinstance(cursor, str) or not cursor or not page["results"] or counted:
                return results
            params = {**params, "cursor": str(cursor)}
        raise TargetError(f"OpenAlex kept paging past {MAX_PAGES} pages while trying to {what}; stopped.")

    def get(self, path: str, params: Mapping[str, str], what: str, missing: TargetError | None = None,
            answer: shape.Shape = shape.ANY) -> Any:
        return self.http.json(path, params, what, missing, answer)


# What the client reads out of OpenAlex's answers (the works themselves are read by importers/openalex.py).
AUTHOR = shape.Object(id=shape.TEXT)
PAGE = shape.Object(results=shape.ListOf(shape.Object()),
                    meta=shape.Optional(shape.Object(next_cursor=shape.Optional(shape.TEXT),
                                                     count=shape.Optional(shape.INTEGER))))


def _no_author(reference: str, orcid: str | None) -> TargetError:
    if orcid:
        return TargetError(f"OpenAlex has no author with ORCID iD {orcid}.",
                           "Find your author id on openalex.org and set `openalex: {author: A…}` in profilebot.yaml.")
    return TargetError(f"OpenAlex has no author {short_id(reference)}.",
                       "Check the id on openalex.org (author ids look like A5023888391).")
