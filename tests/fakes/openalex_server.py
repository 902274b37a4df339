"""A local stand-in for the OpenAlex REST API (api.openalex.org), for profilebot's OpenAlex client.

What it reproduces, from OpenAlex's documentation (docs.openalex.org, developers.openalex.org) and real
responses (tests/fixtures/openalex/SOURCES.md):

* List envelope: `{"meta": {"count", "db_response_time_ms", "page", "per_page", "next_cursor",
  "groups_count"}, "results": [...], "group_by": []}`; `page` is null under cursor paging.
* `filter=` as `field:value` pairs joined by `,` (AND), values joined by `|` (OR, at most 50 — more is
  a 400); the fields a profile needs: `author.id` / `authorships.author.id`, `doi`, `ids.openalex`.
* Paging: `per-page` or `per_page` (older docs: up to 200; current docs: up to 100 — `max_per_page`
  chooses, and a bigger request is clamped and echoed in `meta.per_page`, never refused); cursor
  paging from `cursor=*` until `next_cursor` is null; basic `page=`.
* `select=` of top-level fields only (anything else is a 400 naming the field).
* Singletons: `/works/W…`, `/works/doi:10.…`, `/authors/A…`, `/authors/orcid:0000-…`; merged authors
  answer 301 to their new id; unknown ids 404 with `{"error", "message"}`.
* The API key (2026): `api_key=` is recorded; `keyless_list_calls=N` makes list calls beyond N without a
  key answer 429 (the keyless daily allowance is tiny), and `cursor_needs_key` refuses cursor pages past
  the first without a key (reported by users since the change).
* Faults from FakeService: `fail(pattern, 429, retry_after=3)`, `fail(pattern, 503)`, `drop(pattern)`.
"""

from __future__ import annotations

import base64
import copy
import re
from typing import Any, Iterable

from tests.fakes.http_fake import FakeService, Reply, Request

OPENALEX = "https://openalex.org/"
MAX_OR_VALUES = 50
FILTERS = ("author.id", "authorships.author.id", "doi", "ids.openalex", "openalex", "publication_year")


class OpenAlexFake(FakeService):
    name = "openalex"

    def __init__(self, max_per_page: int = 200, keyless_list_calls: int | None = None,
                 cursor_needs_key: bool = False) -> None:
        super().__init__()
        self.max_per_page = max_per_page
        self.keyless_list_calls = keyless_list_calls
        self.cursor_needs_key = cursor_needs_key
        self.works: list[dict] = []
        self.authors: dict[str, dict] = {}
        self.merged: dict[str, str] = {}  # old author id → new one (answered with 301)
        self._keyless_used = 0

    # -- seeding -------------------------------------------------------------------------------

    def add_author(self, author_id: str, display_name: str, orcid: str | None = None,
                   alternatives: Iterable[str] = ()) -> dict:
        author = {"id": OPENALEX + author_id, "orcid": f"https://orcid.org/{orcid}" if orcid else None,
                  "display_name": display_name, "display_name_alternatives": list(alternatives),
                  "works_count": 0, "cited_by_count": 0,
                  "ids": {"openalex": OPENALEX + author_id,
                          **({"orcid": f"https://orcid.org/{orcid}"} if orcid else {})},
                  "works_api_url": f"https://api.openalex.org/works?filter=author.id:{author_id}",
                  "updated_date": "2026-11-30T05:11:12.000000", "created_date": "2023-07-21"}
        self.authors[author_id] = author
        return author

    def add_work(self, work: dict) -> dict:
        self.works.append(copy.deepcopy(work))
        for authorship in work.get("authorships") or []:
            author_id = _short((authorship.get("author") or {}).get("id") or "")
            if author_id in self.authors:
                self.authors[author_id]["works_count"] += 1
                self.authors[author_id]["cited_by_count"] += work.get("cited_by_count") or 0
        return work

    def list_calls(self) -> int:
        return self.count(r"^/works\?")

    # -- the API -------------------------------------------------------------------------------

    def error_body(self, status: int) -> Any:
        if status == 429:
            return {"error": "Rate limit exceeded", "message": "Too many requests; slow down."}
        return {"error": f"{status} error", "message": "Something went wrong on our end."}

    def answer(self, request: Request) -> Reply:
        if request.method != "GET":
            return Reply(405, {"error": "Method not allowed", "message": f"{request.method} is not supported."})
        path = request.path.rstrip("/")
        if path == "/works":
            return self._list(request)
        match = re.fullmatch(r"/works/(.+)", path)
        if match:
            return self._work(match.group(1))
        match = re.fullmatch(r"/authors/(.+)", path)
        if match:
            return self._author(match.group(1), request)
        return _not_found()

    def _list(self, request: Request) -> Reply:
        key = request.param("api_key")
        if not key and self.keyless_list_calls is not None:
            self._keyless_used += 1
            if self._keyless_used > self.keyless_list_calls:
                return Reply(429, {"error": "Rate limit exceeded",
                                   "message": "You have used your daily allowance without an API key. "
                                              "Get a free key at https://openalex.org/settings/api."})
        try:
            selected = _parse_filter(request.param("filter") or "", self.works)
            fields = _parse_select(request.param("select"))
            per_page = _per_page(request, self.max_per_page)
        except ValueError as error:
            return Reply(400, {"error": "Invalid query parameters error.", "message": str(error)})
        cursor = request.param("cursor")
        if cursor is not None:
            if cursor != "*" and self.cursor_needs_key and not key:
                return Reply(403, {"error": "API key required",
                                   "message": "Cursor paging beyond the first page requires an API key."})
            try:
                start = 0 if cursor == "*" else int(base64.b64decode(cursor.encode()).decode())
            except ValueError:
                return Reply(400, {"error": "Invalid query parameters error.", "message": "Invalid cursor."})
            page = None
        else:
            page = int(request.param("page", "1") or 1)
            start = (page - 1) * per_page
        results = selected[start:start + per_page]
        end = start + len(results)
        next_cursor = None
        if cursor is not None and results:
            next_cursor = base64.b64encode(str(end).encode()).decode()  # empty page after the last: then null
        meta = {"count": len(selected), "db_response_time_ms": 12, "page": page, "per_page": per_page,
                "next_cursor": next_cursor, "groups_count": None}
        return Reply(200, {"meta": meta, "results": [_select(w, fields) for w in results], "group_by": []})

    def _work(self, raw: str) -> Reply:
        wanted = raw.lower()
        for work in self.works:
            doi = (work.get("doi") or "").lower().removeprefix("https://doi.org/")
            if _short(work["id"]).lower() == wanted or (wanted.startswith("doi:") and doi == wanted[4:]):
                return Reply(200, work)
        return _not_found()

    def _author(self, raw: str, request: Request) -> Reply:
        key = raw.removeprefix(OPENALEX)
        orcid = re.fullmatch(r"(?:orcid:|https://orcid\.org/)(\d{4}-\d{4}-\d{4}-\d{3}[\dX])", key)
        if orcid:
            for author in self.authors.values():
                if author["orcid"] == f"https://orcid.org/{orcid.group(1)}":
                    return Reply(200, author)
            return _not_found()
        key = key.upper()
        if key in self.merged:
            query = "&".join(f"{k}={v}" for k, values in request.query.items() for v in values)
            return Reply(301, None, {"Location": f"/authors/{self.merged[key]}" + (f"?{query}" if query else "")})
        if key in self.authors:
            return Reply(200, self.authors[key])
        return _not_found()


def _not_found() -> Reply:
    return Reply(404, {"error": "404 Not Found",
                       "message": "The requested URL was not found on the server. If you entered the URL "
                                  "manually please check your spelling and try again."})


def _short(openalex_id: str) -> str:
    return openalex_id.removeprefix(OPENALEX).upper()


def _per_page(request: Request, maximum: int) -> int:
    raw = request.param("per-page") or request.param("per_page") or "25"
    if not raw.isdigit() or int(raw) < 1:
        raise ValueError(f"per-page must be a number between 1 and {maximum}.")
    return min(int(raw), maximum)


def _parse_filter(text: str, works: list[dict]) -> list[dict]:
    selected = list(works)
    for clause in filter(None, text.split(",")):
        name, _, value = clause.partition(":")
        if name not in FILTERS:
            raise ValueError(f"{name} is not a valid field. Valid fields are {', '.join(FILTERS)}.")
        values = [v for v in value.split("|") if v]
        if len(values) > MAX_OR_VALUES:
            raise ValueError(f"Maximum number of values exceeded for {name}. Decrease values to "
                             f"{MAX_OR_VALUES} or below.")
        selected = [work for work in selected if _matches(work, name, values)]
    return selected


def _matches(work: dict, name: str, values: list[str]) -> bool:
    if name in ("author.id", "authorships.author.id"):
        ids = {_short((a.get("author") or {}).get("id") or "") for a in work.get("authorships") or []}
        return any(_short(v) in ids for v in values)
    if name == "doi":
        doi = (work.get("doi") or "").lower().removeprefix("https://doi.org/")
        return bool(doi) and any(v.lower().removeprefix("https://doi.org/") == doi for v in values)
    if name in ("ids.openalex", "openalex"):
        return any(_short(v) == _short(work["id"]) for v in values)
    return str(work.get("publication_year")) in values


def _parse_select(text: str | None) -> list[str] | None:
    if not text:
        return None
    fields = [f.strip() for f in text.split(",") if f.strip()]
    for name in fields:
        if "." in name or name not in WORK_FIELDS:
            raise ValueError(f"{name} is not a valid select field. Valid fields for select are "
                             f"{', '.join(sorted(WORK_FIELDS))}.")
    return fields


def _select(work: dict, fields: list[str] | None) -> dict:
    return copy.deepcopy(work) if fields is None else {name: copy.deepcopy(work.get(name)) for name in fields}


# The top-level fields of a Work (docs: api-entities/works/work-object); select= accepts only these.
WORK_FIELDS = frozenset("""id doi title display_name publication_year publication_date ids language
    primary_location type type_crossref indexed_in open_access authorships institution_assertions
    countries_distinct_count institutions_distinct_count corresponding_author_ids
    corresponding_institution_ids apc_list apc_paid fwci has_fulltext fulltext_origin cited_by_count
    citation_normalized_percentile cited_by_percentile_year biblio is_retracted is_paratext primary_topic
    topics keywords concepts mesh locations_count locations best_oa_location sustainable_development_goals
    grants datasets versions referenced_works_count referenced_works related_works abstract_inverted_index
    cited_by_api_url counts_by_year updated_date created_date""".split())


def work(openalex_id: str, title: str, year: int, authors: list[tuple[str, str | None, str | None]], *,
         date: str | None = None, doi: str | None = None, kind: str = "article", venue: str | None = None,
         venue_type: str = "conference", cited_by: int = 0, arxiv: str | None = None,
         raw_names: dict[int, str] | None = None) -> dict:
    """A Work in the shape the API returns it (every field a client may read, realistic nesting).

    `authors`: (display name, OpenAlex author id or None, ORCID or None) in order; `raw_names` overrides
    `raw_author_name` by position (how the paper printed the name); `arxiv`: an arXiv copy among the
    locations (or, for kind="preprint", the work itself).
    """
    raw_names = raw_names or {}
    authorships = []
    for index, (name, author_id, orcid) in enumerate(authors):
        position = "first" if index == 0 else "last" if index == len(authors) - 1 else "middle"
        authorships.append({
            "author_position": position,
            "author": {"id": OPENALEX + author_id if author_id else None, "display_name": name,
                       "orcid": f"https://orcid.org/{orcid}" if orcid else None},
            "institutions": [], "countries": [], "is_corresponding": index == 0,
            "raw_author_name": raw_names.get(index, name), "raw_affiliation_strings": [], "affiliations": []})
    arxiv_location = None
    if arxiv:
        arxiv_location = {"is_oa": True, "landing_page_url": f"http://arxiv.org/abs/{arxiv}",
                          "pdf_url": f"http://arxiv.org/pdf/{arxiv}", "license": "other-oa",
                          "license_id": None, "version": "submittedVersion", "is_accepted": False,
                          "is_published": False,
                          "source": {"id": "https://openalex.org/S4306400194",
                                     "display_name": "arXiv (Cornell University)", "issn_l": None, "issn": None,
                                     "is_oa": True, "is_in_doaj": False, "is_core": False,
                                     "host_organization": "https://openalex.org/I205783295",
                                     "host_organization_name": "Cornell University", "type": "repository"}}
    if kind == "preprint" and arxiv_location:
        primary = arxiv_location
        doi = doi or f"10.48550/arxiv.{arxiv}"
    else:
        primary = {"is_oa": False, "landing_page_url": f"https://doi.org/{doi}" if doi else None, "pdf_url": None,
                   "license": None, "license_id": None, "version": "publishedVersion", "is_accepted": True,
                   "is_published": True,
                   "source": {"id": "https://openalex.org/S4363608" + openalex_id[-3:], "display_name": venue,
                              "issn_l": None, "issn": None, "is_oa": False, "is_in_doaj": False, "is_core": True,
                              "host_organization": None, "host_organization_name": None, "type": venue_type}
                   if venue else None}
    locations = [primary] + ([arxiv_location] if arxiv_location and primary is not arxiv_location else [])
    doi_url = f"https://doi.org/{doi.lower()}" if doi else None
    return {
        "id": OPENALEX + openalex_id, "doi": doi_url, "title": title, "display_name": title,
        "publication_year": year, "publication_date": date or f"{year}-01-01",
        "ids": {"openalex": OPENALEX + openalex_id, **({"doi": doi_url} if doi_url else {})},
        "language": "en", "primary_location": primary, "type": kind,
        "type_crossref": "posted-content" if kind == "preprint" else "proceedings-article",
        "indexed_in": ["arxiv"] if kind == "preprint" else ["crossref"],
        "open_access": {"is_oa": bool(arxiv), "oa_status": "green" if arxiv else "closed",
                        "oa_url": arxiv_location["landing_page_url"] if arxiv_location else None,
                        "any_repository_has_fulltext": bool(arxiv)},
        "authorships": authorships, "countries_distinct_count": 0, "institutions_distinct_count": 0,
        "corresponding_author_ids": [], "corresponding_institution_ids": [], "apc_list": None, "apc_paid": None,
        "fwci": None, "has_fulltext": False, "cited_by_count": cited_by,
        "biblio": {"volume": None, "issue": None, "first_page": None, "last_page": None},
        "is_retracted": False, "is_paratext": False, "primary_topic": None, "topics": [], "keywords": [],
        "concepts": [], "mesh": [], "locations_count": len(locations), "locations": locations,
        "best_oa_location": arxiv_location, "sustainable_development_goals": [], "grants": [], "datasets": [],
        "versions": [], "referenced_works_count": 0, "referenced_works": [], "related_works": [],
        "abstract_inverted_index": None,
        "cited_by_api_url": f"https://api.openalex.org/works?filter=cites:{openalex_id}",
        "counts_by_year": [{"year": 2026, "cited_by_count": cited_by}] if cited_by else [],
        "updated_date": "2026-11-28T10:02:41.000000", "created_date": f"{year}-02-01",
    }
