"""A local stand-in for the ORCID API v3.0 (public reads + member writes).

Tests and benchmarks point profilebot's ORCID client at ``OrcidFake().api_url`` instead of
``https://pub.orcid.org/v3.0`` / ``https://api.orcid.org/v3.0``; nothing ever leaves 127.0.0.1.

What it reproduces, and why:

* JSON shapes of ORCID's own samples (``tests/fixtures/orcid/``): ``/works`` is grouped exactly like
  the real response ``orcid-works-1.json`` so parsers are exercised against the real structure.
* Server-side rules that change client behaviour: identifier normalisation (decides grouping and
  409/9021 duplicates), ActivityValidator-style 400s, the "only the source may update/delete" rule
  (403/9010), put-code rules, visibility filtering, bulk limits (100 → 400 on read, 413 on write).
* Failure modes a sync client must survive: 5xx, 503 on bursts, slow answers, dropped
  connections and "the write happened but the response was lost" (``fail_after``).

Usage (the repository root is on sys.path under pytest, as for the GitHub fake)::

    from tests.fakes.orcid_server import OrcidFake

    with OrcidFake() as orcid:
        orcid.add_record("0000-0002-1825-0097", name="Josiah Carberry")
        orcid.add_work("0000-0002-1825-0097", work_json, source="crossref")
        orcid.add_token("tok", "0000-0002-1825-0097", "APP-PROFILEBOT")  # member writes
        client = OrcidClient(api_url=orcid.api_url, token="tok")  # http://127.0.0.1:PORT/v3.0
        ...
        assert orcid.count("POST", r"/work$") == 1

Deliberate simplifications (documented so nobody relies on them):
* JSON only: an XML ``Accept`` gets 406 (profilebot never asks for XML). A missing or ``*/*``
  Accept is answered with JSON (real ORCID would send XML).
* One server plays both hosts (pub.* and api.*); OAuth token issuing is not emulated — tokens are
  registered directly with :meth:`OrcidFake.add_token`.
* On create, the record's default visibility is used (the body's ``visibility`` is ignored), as
  ORCID does for API-added activities.
* Only works are writable; employments/educations are seed-and-read only.
"""

from __future__ import annotations

import copy
import datetime
import html
import json
import re
import socket
import sys
import threading
import time
from collections import deque
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any, Callable, Iterable
from urllib.parse import urlsplit

API_VERSION = "v3.0"
ORCID_HOST = "orcid.org"
MORE_INFO = "https://members.orcid.org/api/resources/troubleshooting"
DEFAULT_MEDIA_TYPE = "application/vnd.orcid+json"
JSON_MEDIA_TYPES = ("application/vnd.orcid+json", "application/orcid+json", "application/json")
MAX_BULK = 100  # v3.0 README: bulk read and bulk create take at most 100 items
MAX_WORKS_PER_RECORD = 10_000  # 409/9048 ExceedMaxNumberOfElements
CROSSREF_CLIENT_ID = "0000-0001-9884-1913"  # the real Crossref client seen in orcid-works-1.json
DEFAULT_SCOPES = ("/activities/update", "/read-limited")

ORCID_ID_RE = r"\d{4}-\d{4}-\d{4}-\d{3}[\dX]"

# WorkType.java (orcid-model) — the v3.0 vocabulary accepted on write.
WORK_TYPES = frozenset(
    """annotation artistic-performance blog-post book-chapter book-review book cartographic-material
    clinical-study conference-abstract conference-output conference-paper conference-poster
    conference-presentation conference-proceedings data-management-plan data-set design
    dictionary-entry disclosure dissertation-thesis edited-book encyclopedia-entry image invention
    journal-article journal-issue learning-object lecture-speech license magazine-article manual
    moving-image musical-composition newsletter-article newspaper-article online-resource other
    patent physical-object preprint public-speech registered-copyright report research-technique
    research-tool review software sound spin-off-company standards-and-policy
    supervised-student-publication technical-standard test trademark transcription translation
    website working-paper undefined""".split()
)
RELATIONSHIPS = frozenset({"self", "part-of", "version-of", "funded-by"})
# Relationships that make two works "the same work" (grouping) — part-of/funded-by never group.
GROUPING_RELATIONSHIPS = frozenset({"self", "version-of"})
CONTRIBUTOR_ROLES = frozenset(
    """author assignee editor chair-or-translator co-investigator co-inventor graduate-student
    other-inventor principal-investigator postdoctoral-researcher support-staff""".split()
)
CITATION_TYPES = frozenset(
    """bibtex ris formatted-apa formatted-chicago formatted-harvard formatted-ieee formatted-mla
    formatted-vancouver formatted-unspecified""".split()
)
VISIBILITIES = ("public", "limited", "registered-only", "private")
# Identifier types ORCID compares case-insensitively (CaseSensitiveNormalizer lower-cases them
# before the type-specific normalizer runs).
CASE_INSENSITIVE_ID_TYPES = frozenset(
    "doi arxiv isbn issn pmc pmid handle eid wosuid urn lccn oclc ssrn hal".split()
)
# A subset of GET /v3.0/identifiers: unknown types are rejected on write (ORCID: 400/9023).
EXTERNAL_ID_TYPES = frozenset(
    """agr ark arxiv asin asin-tld authenticusid bibcode cba cienciaiul cit ctx dnb doi eid emdb
    empiar ethos grant_number hal handle hir isbn ismn issn jfm jstor k10plus kuid lccn lensid mr
    oclc ol osti other-id pat pdb pmc pmid ppr proposal-id rfc rrid source-work-id ssrn uri urn
    wosuid zbl""".split()
)


# ----------------------------------------------------------------------------------------------
# Identifier normalisation (mirrors ORCID-Source .../v3/identifiers/normalizers, re-expressed).
# ----------------------------------------------------------------------------------------------

_DOI_RE = re.compile(r"(10(?:\.[0-9a-zA-Z]+)+/(?:(?![\"&'])\S)+)")
_ARXIV_NEW_RE = re.compile(r"(?:arxiv:)?(\d{4}\.\d{4,5})(?:v\d+)?", re.IGNORECASE)
_ARXIV_OLD_RE = re.compile(r"(?:arxiv:)?([a-z][a-z\-.]*/\d{7})(?:v\d+)?", re.IGNORECASE)
_ISSN_RE = re.compile(r"(?:^|\D)(\d{4} ?[-\u2013]? ?\d{3}[\dXx])(?:$|[^-\d])")
_ISBN_RE = re.compile(r"([0-9][-0-9 ]{8,15}[0-9xX])(?:$|[^0-9])")
_PMID_RE = re.compile(r"(?:^\s*|PMID:?\s*|pubmed/|med/)(\d+)(?:$|[^a-zA-Z0-9.\-])", re.IGNORECASE)
_PMC_RE = re.compile(r"(?:^|pmc-?/?)\s*(\d{5,9})(?:$|\b)", re.IGNORECASE)


def _normalize_doi(value: str) -> str:
    # ORCID unescapes HTML entities (possibly several times) before extracting "10.x/...".
    while "&" in value and ";" in value:
        unescaped = html.unescape(value)
        if unescaped == value:
            break
        value = unescaped
    m = _DOI_RE.search(value)
    return m.group(1) if m else ""


def _normalize_arxiv(value: str) -> str:
    # Versions are dropped so v1 and v2 of a preprint are the same work.
    m = _ARXIV_NEW_RE.search(value) or _ARXIV_OLD_RE.search(value)
    return f"arXiv:{m.group(1)}" if m else ""


def _normalize_issn(value: str) -> str:
    m = _ISSN_RE.search(value)
    if not m:
        return ""
    digits = re.sub(r"[ \-\u2013]", "", m.group(1)).upper()
    return f"{digits[:4]}-{digits[4:8]}"


def _normalize_isbn(value: str) -> str:
    m = _ISBN_RE.search(value)
    if not m:
        return ""
    digits = re.sub(r"[ \-]", "", m.group(1)).upper()
    return digits if len(digits) in (10, 13) else ""


def _first_group(pattern: re.Pattern[str]) -> Callable[[str], str]:
    def normalize(value: str) -> str:
        m = pattern.search(value)
        return m.group(1) if m else ""

    return normalize


_TYPE_NORMALIZERS: dict[str, Callable[[str], str]] = {
    "doi": _normalize_doi,
    "arxiv": _normalize_arxiv,
    "issn": _normalize_issn,
    "isbn": _normalize_isbn,
    "pmid": _first_group(_PMID_RE),
    "pmc": _first_group(_PMC_RE),
}


def normalize_external_id(id_type: str, value: str) -> str | None:
    """ORCID's ``external-id-normalized`` value, or None when it cannot be normalised (8001)."""
    id_type = (id_type or "").strip().lower()
    value = (value or "").strip()
    if id_type in CASE_INSENSITIVE_ID_TYPES:
        value = value.lower()
    normalizer = _TYPE_NORMALIZERS.get(id_type)
    if normalizer is not None:
        value = normalizer(value)
    return value or None


def _match_key(ext_id: dict) -> tuple[str, str]:
    """Key used for grouping and duplicate detection: type + normalised (else raw) value."""
    id_type = ext_id.get("external-id-type") or ""
    raw = ext_id.get("external-id-value") or ""
    return id_type, normalize_external_id(id_type, raw) or raw


def _ext_id_list(container: Any) -> list[dict]:
    if not isinstance(container, dict):
        return []
    ids = container.get("external-id")
    return [e for e in ids if isinstance(e, dict)] if isinstance(ids, list) else []


# ----------------------------------------------------------------------------------------------
# Errors
# ----------------------------------------------------------------------------------------------


class OrcidApiError(Exception):
    """An error answered with ORCID's v3.0 error body (codes from OrcidCoreExceptionMapper)."""

    def __init__(self, status: int, error_code: int, developer_message: str, user_message: str = ""):
        super().__init__(developer_message)
        self.status = status
        self.error_code = error_code
        self.developer_message = developer_message
        self.user_message = user_message or developer_message

    def body(self) -> dict:
        return {
            "response-code": self.status,
            "developer-message": self.developer_message,
            "user-message": self.user_message,
            "error-code": self.error_code,
            "more-info": MORE_INFO,
        }


class _OAuthError(Exception):
    """401s come from ORCID's OAuth layer, whose body is OAuth-shaped, not an ORCID error body."""

    def __init__(self, error: str, description: str):
        super().__init__(description)
        self.error = error
        self.description = description


def _bad_request(code: int, message: str) -> OrcidApiError:
    return OrcidApiError(400, code, f"400 Bad Request: {message}", message)


# ----------------------------------------------------------------------------------------------
# Model
# ----------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Source:
    """Who asserted an item: the record holder (``kind="orcid"``) or a member client."""

    kind: str  # "orcid" | "client"
    ident: str  # ORCID iD or client id
    name: str | None
    # "Assertion origin": a client asserting on someone's behalf (e.g. Scopus for the holder).
    origin_orcid: str | None = None
    origin_client_id: str | None = None
    origin_name: str | None = None

    @property
    def key(self) -> tuple[str, str]:
        """Identity for the source rules (the display name may differ between seeds and tokens)."""
        return self.kind, self.ident

    def to_json(self) -> dict:
        return {
            "source-orcid": _orcid_ref(self.ident if self.kind == "orcid" else None),
            "source-client-id": _client_ref(self.ident if self.kind == "client" else None),
            "source-name": _value(self.name),
            "assertion-origin-orcid": _orcid_ref(self.origin_orcid),
            "assertion-origin-client-id": _client_ref(self.origin_client_id),
            "assertion-origin-name": _value(self.origin_name),
        }

    @classmethod
    def from_json(cls, src: dict) -> "Source":
        def path(key: str) -> str | None:
            return (src.get(key) or {}).get("path")

        def value(key: str) -> str | None:
            return (src.get(key) or {}).get("value")

        kind = "client" if src.get("source-client-id") else "orcid"
        ident = path("source-client-id") if kind == "client" else path("source-orcid")
        return cls(
            kind,
            ident or "",
            value("source-name"),
            path("assertion-origin-orcid"),
            path("assertion-origin-client-id"),
            value("assertion-origin-name"),
        )


def _orcid_ref(orcid: str | None) -> dict | None:
    return {"uri": f"https://{ORCID_HOST}/{orcid}", "path": orcid, "host": ORCID_HOST} if orcid else None


def _client_ref(client_id: str | None) -> dict | None:
    if not client_id:
        return None
    return {"uri": f"https://{ORCID_HOST}/client/{client_id}", "path": client_id, "host": ORCID_HOST}


def _value(v: str | None) -> dict | None:
    return {"value": v} if v is not None else None


@dataclass
class Item:
    """One stored activity (work or affiliation) with ORCID's bookkeeping fields."""

    put_code: int
    content: dict  # the write-shape JSON, without put-code/visibility/source/dates
    source: Source
    visibility: str
    created: int
    modified: int
    display_index: str = "0"


@dataclass
class Record:
    orcid: str
    given_names: str
    family_name: str | None
    credit_name: str | None
    biography: str | None
    default_visibility: str
    created: int
    modified: int
    works: dict[int, Item] = field(default_factory=dict)
    employments: dict[int, Item] = field(default_factory=dict)
    educations: dict[int, Item] = field(default_factory=dict)


@dataclass(frozen=True)
class Token:
    token: str
    orcid: str
    client_id: str
    client_name: str
    scopes: frozenset[str]


@dataclass(frozen=True)
class LogEntry:
    method: str
    path: str
    status: int | None  # None: the connection was dropped without an answer
    body: Any = None  # parsed JSON request body (or raw text), for assertions on what was sent


@dataclass
class _Viewer:
    """Who is asking: anonymous, or a valid token (which may or may not fit the record)."""

    token: Token | None = None

    def can_read_limited(self, orcid: str) -> bool:
        return bool(self.token and self.token.orcid == orcid and "/read-limited" in self.token.scopes)

    def sees(self, orcid: str, item: Item) -> bool:
        if item.visibility == "public":
            return True
        if not self.can_read_limited(orcid):
            return False
        if item.visibility == "private":  # private items are shown only to their source
            return item.source.key == ("client", self.token.client_id)
        return True


# ----------------------------------------------------------------------------------------------
# Rendering: stored items → ORCID v3.0 JSON
# ----------------------------------------------------------------------------------------------


def _ts(ms: int | None) -> dict | None:
    return {"value": ms} if ms is not None else None


def render_external_id(ext: dict) -> dict:
    id_type = ext.get("external-id-type")
    value = ext.get("external-id-value")
    normalized = normalize_external_id(id_type or "", value or "")
    error = None
    if normalized is None:
        error = {
            "error-code": "8001",
            "error-message": f"Cannot normalize identifier value {id_type}:{value}",
            "transient": True,
        }
    return {
        "external-id-type": id_type,
        "external-id-value": value,
        "external-id-normalized": {"value": normalized, "transient": True} if normalized else None,
        "external-id-normalized-error": error,
        "external-id-url": ext.get("external-id-url"),
        "external-id-relationship": ext.get("external-id-relationship"),
    }


def _render_ext_ids(container: Any) -> dict:
    return {"external-id": [render_external_id(e) for e in _ext_id_list(container)]}


def _render_title(title: dict | None) -> dict | None:
    if not title:
        return None
    return {
        "title": title.get("title"),
        "subtitle": title.get("subtitle"),
        "translated-title": title.get("translated-title"),
    }


def _render_date(date: dict | None) -> dict | None:
    if not date:
        return None
    return {"year": date.get("year"), "month": date.get("month"), "day": date.get("day")}


def _render_contributors(contributors: dict | None) -> dict:
    rendered = []
    for c in (contributors or {}).get("contributor") or []:
        rendered.append(
            {
                "contributor-orcid": c.get("contributor-orcid"),
                "credit-name": c.get("credit-name"),
                "contributor-email": None,  # write-only: ORCID never returns e-mails
                "contributor-attributes": c.get("contributor-attributes"),
            }
        )
    return {"contributor": rendered}


def render_work(orcid: str, item: Item) -> dict:
    """Full work, as GET /{orcid}/work/{put-code} returns it."""
    w = item.content
    return {
        "created-date": _ts(item.created),
        "last-modified-date": _ts(item.modified),
        "source": item.source.to_json(),
        "put-code": item.put_code,
        "path": f"/{orcid}/work/{item.put_code}",
        "title": _render_title(w.get("title")),
        "journal-title": w.get("journal-title"),
        "short-description": w.get("short-description"),
        "citation": w.get("citation"),
        "type": w.get("type"),
        "publication-date": _render_date(w.get("publication-date")),
        "external-ids": _render_ext_ids(w.get("external-ids")),
        "url": w.get("url"),
        "contributors": _render_contributors(w.get("contributors")),
        "language-code": w.get("language-code"),
        "country": w.get("country"),
        "visibility": item.visibility,
    }


def render_work_summary(orcid: str, item: Item) -> dict:
    """Work summary (no contributors/citation/description), key order as in orcid-works-1.json."""
    w = item.content
    return {
        "put-code": item.put_code,
        "created-date": _ts(item.created),
        "last-modified-date": _ts(item.modified),
        "source": item.source.to_json(),
        "title": _render_title(w.get("title")),
        "external-ids": _render_ext_ids(w.get("external-ids")),
        "url": w.get("url"),
        "type": w.get("type"),
        "publication-date": _render_date(w.get("publication-date")),
        "journal-title": w.get("journal-title"),
        "visibility": item.visibility,
        "path": f"/{orcid}/work/{item.put_code}",
        "display-index": item.display_index,
    }


def _grouping_ids(item: Item) -> list[dict]:
    return [
        e
        for e in _ext_id_list(item.content.get("external-ids"))
        if e.get("external-id-relationship") in GROUPING_RELATIONSHIPS
    ]


def group_items(items: Iterable[Item]) -> list[list[Item]]:
    """Connected components of items sharing a normalised self/version-of identifier."""
    items = list(items)
    parent = list(range(len(items)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    first_holder: dict[tuple[str, str], int] = {}
    for index, item in enumerate(items):
        for ext in _grouping_ids(item):
            key = _match_key(ext)
            if key in first_holder:
                parent[find(index)] = find(first_holder[key])
            else:
                first_holder[key] = index
    components: dict[int, list[Item]] = {}
    for index, item in enumerate(items):
        components.setdefault(find(index), []).append(item)
    return list(components.values())


def _summary_order(item: Item) -> tuple:
    # Observed in orcid-works-1.json: preferred (highest display-index) first, then oldest first.
    try:
        display = int(item.display_index)
    except (TypeError, ValueError):
        display = 0
    return (-display, item.created, item.put_code)


def _date_key(date: dict | None) -> tuple[int, int, int]:
    def part(name: str) -> int:
        try:
            return int(((date or {}).get(name) or {}).get("value") or 0)
        except ValueError:
            return 0

    return part("year"), part("month"), part("day")


def _group_order(members: list[Item]) -> tuple:
    # Observed in orcid-works-1.json: newest preferred version first, ties by title (A→Z).
    preferred = members[0].content
    year, month, day = _date_key(preferred.get("publication-date"))
    title = (((preferred.get("title") or {}).get("title") or {}).get("value") or "").casefold()
    return (-year, -month, -day, title)


def _group_ext_ids(members: list[Item]) -> dict:
    """Union of the members' self/version-of ids, one per normalised key, first seen wins."""
    seen: set[tuple[str, str]] = set()
    union = []
    for item in members:
        for ext in _grouping_ids(item):
            key = _match_key(ext)
            if key not in seen:
                seen.add(key)
                union.append(render_external_id(ext))
    return {"external-id": union}


def _last_modified(items: Iterable[Item]) -> dict | None:
    stamps = [i.modified for i in items]
    return _ts(max(stamps)) if stamps else None


def render_works(orcid: str, items: Iterable[Item]) -> dict:
    groups = [sorted(g, key=_summary_order) for g in group_items(items)]
    groups.sort(key=_group_order)
    return {
        "last-modified-date": _last_modified(i for g in groups for i in g),
        "group": [
            {
                "last-modified-date": _last_modified(members),
                "external-ids": _group_ext_ids(members),
                "work-summary": [render_work_summary(orcid, m) for m in members],
            }
            for members in groups
        ],
        "path": f"/{orcid}/works",
    }


def render_affiliation(orcid: str, kind: str, item: Item) -> dict:
    """employment/education summary (same fields as the full read in v3.0)."""
    a = item.content
    return {
        "created-date": _ts(item.created),
        "last-modified-date": _ts(item.modified),
        "source": item.source.to_json(),
        "put-code": item.put_code,
        "department-name": a.get("department-name"),
        "role-title": a.get("role-title"),
        "start-date": _render_date(a.get("start-date")),
        "end-date": _render_date(a.get("end-date")),
        "organization": a.get("organization"),
        "url": a.get("url"),
        "external-ids": _render_ext_ids(a.get("external-ids")) if a.get("external-ids") else None,
        "display-index": item.display_index,
        "visibility": item.visibility,
        "path": f"/{orcid}/{kind}/{item.put_code}",
    }


def render_affiliations(orcid: str, kind: str, items: Iterable[Item]) -> dict:
    """/employments or /educations: affiliation-group[] of summaries, current/latest first."""

    def latest_first(members: list[Item]) -> tuple:
        first = members[0].content
        ongoing = first.get("end-date") is None
        return (not ongoing, tuple(-p for p in _date_key(first.get("start-date"))))

    groups = [sorted(g, key=_summary_order) for g in group_items(items)]
    groups.sort(key=latest_first)
    return {
        "last-modified-date": _last_modified(i for g in groups for i in g),
        "affiliation-group": [
            {
                "last-modified-date": _last_modified(members),
                "external-ids": _group_ext_ids(members),
                "summaries": [{f"{kind}-summary": render_affiliation(orcid, kind, m)} for m in members],
            }
            for members in groups
        ],
        "path": f"/{orcid}/{kind}s",
    }


def render_person(rec: Record) -> dict:
    o = rec.orcid

    def empty(key: str, list_key: str) -> dict:
        return {"last-modified-date": None, list_key: [], "path": f"/{o}/{key}"}

    biography = None
    if rec.biography is not None:
        biography = {
            "created-date": _ts(rec.created),
            "last-modified-date": _ts(rec.modified),
            "content": rec.biography,
            "visibility": "public",
            "path": f"/{o}/biography",
        }
    return {
        "last-modified-date": _ts(rec.modified),
        "name": {
            "created-date": _ts(rec.created),
            "last-modified-date": _ts(rec.modified),
            "given-names": {"value": rec.given_names},
            "family-name": {"value": rec.family_name} if rec.family_name else None,
            "credit-name": {"value": rec.credit_name} if rec.credit_name else None,
            "source": None,
            "visibility": "public",
            "path": o,
        },
        "other-names": empty("other-names", "other-name"),
        "biography": biography,
        "researcher-urls": empty("researcher-urls", "researcher-url"),
        "emails": empty("email", "email"),
        "addresses": empty("address", "address"),
        "keywords": empty("keywords", "keyword"),
        "external-identifiers": empty("external-identifiers", "external-identifier"),
        "path": f"/{o}/person",
    }


# Activity sections the fake does not model are still present (empty), as on a real record.
_EMPTY_AFFILIATION_SECTIONS = (
    "distinctions",
    "invited-positions",
    "memberships",
    "qualifications",
    "services",
)
_EMPTY_GROUP_SECTIONS = ("fundings", "peer-reviews", "research-resources")


def render_activities(rec: Record, viewer: _Viewer) -> dict:
    o = rec.orcid

    def visible(items: dict[int, Item]) -> list[Item]:
        return [i for i in items.values() if viewer.sees(o, i)]

    sections: dict[str, Any] = {"last-modified-date": None}
    for name in _EMPTY_AFFILIATION_SECTIONS:
        sections[name] = {"last-modified-date": None, "affiliation-group": [], "path": f"/{o}/{name}"}
    for name in _EMPTY_GROUP_SECTIONS:
        sections[name] = {"last-modified-date": None, "group": [], "path": f"/{o}/{name}"}
    sections["educations"] = render_affiliations(o, "education", visible(rec.educations))
    sections["employments"] = render_affiliations(o, "employment", visible(rec.employments))
    sections["works"] = render_works(o, visible(rec.works))
    stamps = [
        s["last-modified-date"]["value"]
        for s in sections.values()
        if isinstance(s, dict) and s.get("last-modified-date")
    ]
    sections["last-modified-date"] = _ts(max(stamps)) if stamps else None
    sections["path"] = f"/{o}/activities"
    order = [
        "last-modified-date",
        "distinctions",
        "educations",
        "employments",
        "fundings",
        "invited-positions",
        "memberships",
        "peer-reviews",
        "qualifications",
        "research-resources",
        "services",
        "works",
        "path",
    ]  # key order of record-full-3.0.json
    return {k: sections[k] for k in order}


def render_record(rec: Record, viewer: _Viewer) -> dict:
    o = rec.orcid
    return {
        "orcid-identifier": {"uri": f"https://{ORCID_HOST}/{o}", "path": o, "host": ORCID_HOST},
        "preferences": {"locale": "en"},
        "history": {
            "creation-method": "API",
            "completion-date": None,
            "submission-date": _ts(rec.created),
            "last-modified-date": _ts(rec.modified),
            "claimed": True,
            "source": None,
            "deactivation-date": None,
            "verified-email": True,
            "verified-primary-email": True,
        },
        "person": render_person(rec),
        "activities-summary": render_activities(rec, viewer),
        "path": f"/{o}",
    }


# ----------------------------------------------------------------------------------------------
# Validation (ActivityValidator-like) and input clean-up
# ----------------------------------------------------------------------------------------------

_VALUE_FIELDS = ("journal-title", "url", "country")


def _as_value(v: Any) -> Any:
    # Upstream samples (bulk-works-3-works-3.0.json) use bare strings where the schema wants
    # {"value": ...}; accept both and store the object form.
    return {"value": v} if isinstance(v, str) else v


def clean_work(work: dict) -> dict:
    """Copy of a write-shape work with value-objects coerced and server-owned fields removed."""
    w = copy.deepcopy(work)
    for key in ("put-code", "visibility", "created-date", "last-modified-date", "source", "path"):
        w.pop(key, None)
    for key in _VALUE_FIELDS:
        if key in w:
            w[key] = _as_value(w[key])
    title = w.get("title")
    if isinstance(title, dict):
        for key in ("title", "subtitle"):
            if key in title:
                title[key] = _as_value(title[key])
    for ext in _ext_id_list(w.get("external-ids")):
        ext.pop("external-id-normalized", None)
        ext.pop("external-id-normalized-error", None)
        if "external-id-url" in ext:
            ext["external-id-url"] = _as_value(ext["external-id-url"])
    return w


def _validate_date(date: Any) -> None:
    if date is None:
        return
    if not isinstance(date, dict):
        raise OrcidApiError(400, 9049, "400 Bad Request: Invalid publication date", "Invalid date")
    parts = {
        k: ((date.get(k) or {}).get("value") if isinstance(date.get(k), dict) else date.get(k))
        for k in ("year", "month", "day")
    }
    widths = {"year": 4, "month": 2, "day": 2}
    for name, value in parts.items():
        if value is not None and not re.fullmatch(r"\d{%d}" % widths[name], str(value)):
            raise OrcidApiError(
                400, 9049, f"400 Bad Request: Invalid {name} '{value}' in publication-date", "Invalid date"
            )
    if (parts["day"] and not parts["month"]) or (parts["month"] and not parts["year"]):
        raise OrcidApiError(400, 9049, "400 Bad Request: Incomplete publication-date", "Invalid date")
    if parts["year"] and parts["month"]:
        try:
            datetime.date(int(parts["year"]), int(parts["month"]), int(parts["day"] or 1))
        except ValueError:
            raise OrcidApiError(
                400, 9049, "400 Bad Request: publication-date is not a real date", "Invalid date"
            ) from None


def _validate_external_ids(container: Any) -> None:
    ids = _ext_id_list(container)
    if not ids:
        raise _bad_request(9023, "Invalid external-ids: at least one external identifier is required")
    for ext in ids:
        if ext.get("external-id-type") not in EXTERNAL_ID_TYPES:
            raise _bad_request(9023, f"Invalid external-id-type '{ext.get('external-id-type')}'")
        if not (ext.get("external-id-value") or "").strip():
            raise _bad_request(9023, "Invalid external-ids: external-id-value must not be empty")
        if ext.get("external-id-relationship") not in RELATIONSHIPS:
            raise _bad_request(
                9023, f"Invalid external-id-relationship '{ext.get('external-id-relationship')}'"
            )
    if not any(e.get("external-id-relationship") == "self" for e in ids):
        raise _bad_request(
            9023, "Invalid external-ids: at least one identifier with relationship 'self' is required"
        )


def validate_work(work: dict) -> None:
    """Raise OrcidApiError(400, ...) for what ORCID's ActivityValidator would reject.

    Expects the output of :func:`clean_work` (value objects already coerced)."""
    title = (work.get("title") or {}).get("title") or {}
    if not isinstance(title, dict) or not str(title.get("value") or "").strip():
        raise _bad_request(9022, "Invalid title: title cannot be empty")
    if len(title["value"]) > 1000:
        raise _bad_request(9022, "Invalid title: title is longer than 1000 characters")
    translated = (work.get("title") or {}).get("translated-title")
    if translated and not translated.get("language-code"):
        raise _bad_request(9022, "Invalid translated-title: language-code is required")
    if work.get("type") not in WORK_TYPES:
        raise OrcidApiError(
            400,
            9037,
            f"400 Bad Request: Invalid work type '{work.get('type')}'",
            "Please specify a work type.",
        )
    _validate_date(work.get("publication-date"))
    _validate_external_ids(work.get("external-ids"))
    citation = work.get("citation")
    if citation and citation.get("citation-type") not in CITATION_TYPES:
        raise OrcidApiError(
            400,
            9051,
            f"400 Bad Request: Invalid citation-type '{citation.get('citation-type')}'",
            "Invalid citation type",
        )
    for contributor in (work.get("contributors") or {}).get("contributor") or []:
        role = (contributor.get("contributor-attributes") or {}).get("contributor-role")
        # Newer records carry CRediT/NISO role URIs; only plain words are checked.
        if role and not role.startswith("http") and role not in CONTRIBUTOR_ROLES:
            raise OrcidApiError(
                400, 9058, f"400 Bad Request: Invalid contributor role '{role}'", "Invalid contributor role"
            )


# ----------------------------------------------------------------------------------------------
# Fault injection
# ----------------------------------------------------------------------------------------------


@dataclass
class _Rule:
    kind: str  # fail | slow | drop | fail_after
    method: str  # HTTP method or "*"
    pattern: re.Pattern[str]
    times: int | None  # None: forever
    status: int = 500
    seconds: float = 0.0

    def matches(self, method: str, path: str) -> bool:
        return self.method in ("*", method) and bool(self.pattern.search(path))


class _Faults:
    """Queued fault rules plus the sliding-window burst limiter; all methods are thread-safe."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._rules: list[_Rule] = []
        self._burst: int | None = None
        self._window: deque[float] = deque()

    def add(self, rule: _Rule) -> None:
        with self._lock:
            self._rules.append(rule)

    def clear(self) -> None:
        with self._lock:
            self._rules.clear()
            self._burst = None
            self._window.clear()

    def set_burst(self, limit: int | None) -> None:
        with self._lock:
            self._burst = limit
            self._window.clear()

    def take(self, kind: str, method: str, path: str) -> _Rule | None:
        """Consume one use of the first matching rule of this kind."""
        with self._lock:
            for rule in self._rules:
                if rule.kind == kind and rule.matches(method, path):
                    if rule.times is not None:
                        rule.times -= 1
                        if rule.times <= 0:
                            self._rules.remove(rule)
                    return rule
        return None

    def over_burst(self) -> bool:
        # Only admitted requests enter the window, so a client that backs off recovers
        # (ORCID's limiter behaves like a leaky bucket, not a penalty box).
        with self._lock:
            if self._burst is None:
                return False
            now = time.monotonic()
            while self._window and now - self._window[0] >= 1.0:
                self._window.popleft()
            if len(self._window) >= self._burst:
                return True
            self._window.append(now)
            return False


# ----------------------------------------------------------------------------------------------
# HTTP plumbing
# ----------------------------------------------------------------------------------------------


@dataclass
class _Response:
    status: int
    body: Any = None  # JSON-serialisable, or None for an empty body
    headers: dict[str, str] = field(default_factory=dict)


class _Server(ThreadingHTTPServer):
    daemon_threads = True  # handler threads must never keep the test process alive

    def handle_error(self, request: Any, client_address: Any) -> None:
        # Clients that time out or vanish are part of the scenarios: no traceback for socket
        # errors. Anything else is a bug in the fake and is still printed.
        if isinstance(sys.exc_info()[1], OSError):
            return
        super().handle_error(request, client_address)


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"  # keep-alive, like the real API (clients reuse sessions)
    server_version = "OrcidFake/1.0"
    timeout = 30  # idle keep-alive sockets must not pin handler threads forever

    def _serve(self) -> None:
        self.server.fake._serve(self)  # type: ignore[attr-defined]

    do_GET = do_POST = do_PUT = do_DELETE = do_PATCH = _serve

    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002
        pass  # the fake keeps its own structured log; stderr noise would clutter pytest output


def _negotiate(accept: str | None) -> str | None:
    """The JSON media type to answer with, or None (→ 406)."""
    if not accept or not accept.strip():
        return DEFAULT_MEDIA_TYPE
    ranges = []
    for part in accept.split(","):
        media, *params = [p.strip() for p in part.split(";")]
        q = 1.0
        for p in params:
            if p.startswith("q="):
                try:
                    q = float(p[2:])
                except ValueError:
                    q = 0.0
        if q > 0:
            ranges.append((q, media.lower()))
    for _, media in sorted(ranges, key=lambda r: -r[0]):
        if media in JSON_MEDIA_TYPES:
            return media
        if media in ("*/*", "application/*"):
            return DEFAULT_MEDIA_TYPE
    return None


def _parse_put_code(raw: str) -> int:
    if not raw.isdigit():
        raise OrcidApiError(400, 9034, f"400 Bad Request: Invalid put-code '{raw}'", "Invalid put-code")
    return int(raw)


_ID = rf"(?P<orcid>{ORCID_ID_RE})"
# (method, path regex relative to /v3.0, handler method name)
_ROUTES: list[tuple[str, re.Pattern[str], str]] = [
    (m, re.compile(p + r"/?$"), h)
    for m, p, h in [
        ("GET", rf"/{_ID}", "_get_record"),
        ("GET", rf"/{_ID}/record", "_get_record"),
        ("GET", rf"/{_ID}/person", "_get_person"),
        ("GET", rf"/{_ID}/activities", "_get_activities"),
        ("GET", rf"/{_ID}/works", "_get_works"),
        ("GET", rf"/{_ID}/works/(?P<codes>[^/]+)", "_get_works_bulk"),
        ("GET", rf"/{_ID}/work/(?P<pc>[^/]+)", "_get_work"),
        ("GET", rf"/{_ID}/(?P<kind>employment|education)s", "_get_affiliations"),
        ("GET", rf"/{_ID}/(?P<kind>employment|education)/(?P<pc>[^/]+)", "_get_affiliation"),
        ("POST", rf"/{_ID}/work", "_post_work"),
        ("POST", rf"/{_ID}/works", "_post_works"),
        ("PUT", rf"/{_ID}/work/(?P<pc>[^/]+)", "_put_work"),
        ("DELETE", rf"/{_ID}/work/(?P<pc>[^/]+)", "_delete_work"),
    ]
]


# ----------------------------------------------------------------------------------------------
# The fake
# ----------------------------------------------------------------------------------------------


class OrcidFake:
    """ORCID API v3.0 on 127.0.0.1 with seeding, request log and fault injection.

    >>> with OrcidFake() as orcid:
    ...     orcid.add_record("0000-0002-1825-0097", name="Josiah Carberry")
    ...     requests.get(f"{orcid.api_url}/0000-0002-1825-0097/works",
    ...                  headers={"Accept": "application/vnd.orcid+json"})
    """

    def __init__(self, host: str = "127.0.0.1", port: int = 0) -> None:
        self._lock = threading.RLock()
        self._records: dict[str, Record] = {}
        self._tokens: dict[str, Token] = {}
        self._client_names: dict[str, str] = {CROSSREF_CLIENT_ID: "Crossref"}
        self._next_put_code = 1000
        self._last_ms = 0
        self._log: list[LogEntry] = []
        self._faults = _Faults()
        self._closing = threading.Event()
        self._server = _Server((host, port), _Handler)
        self._server.fake = self  # type: ignore[attr-defined]
        self._thread: threading.Thread | None = None

    # -- lifecycle ---------------------------------------------------------------------------

    def start(self) -> "OrcidFake":
        if self._thread is None:
            # A short poll interval keeps stop() (and so every test's teardown) fast.
            self._thread = threading.Thread(
                target=self._server.serve_forever,
                kwargs={"poll_interval": 0.02},
                name="orcid-fake",
                daemon=True,
            )
            self._thread.start()
        return self

    def stop(self) -> None:
        self._closing.set()  # wakes handlers held by a slow() fault
        if self._thread is not None:
            self._server.shutdown()
            self._thread.join(timeout=5)
            self._thread = None
        self._server.server_close()

    def __enter__(self) -> "OrcidFake":
        return self.start()

    def __exit__(self, *exc: Any) -> None:
        self.stop()

    @property
    def base_url(self) -> str:
        host, port = self._server.server_address[:2]
        return f"http://{host}:{port}"

    @property
    def api_url(self) -> str:
        """API root including the version, i.e. what the client uses as ORCID_API_URL."""
        return f"{self.base_url}/{API_VERSION}"

    # -- seeding -----------------------------------------------------------------------------

    def add_record(
        self,
        orcid: str,
        name: str = "Test User",
        *,
        given_names: str | None = None,
        family_name: str | None = None,
        credit_name: str | None = None,
        biography: str | None = None,
        default_visibility: str = "public",
    ) -> None:
        """Create (or replace) a record. ``name`` is split into given/family at the last space."""
        given, _, family = name.rpartition(" ")
        if not given:
            given, family = family, ""
        now = self._now()
        with self._lock:
            self._records[orcid] = Record(
                orcid=orcid,
                given_names=given_names if given_names is not None else given,
                family_name=family_name if family_name is not None else (family or None),
                credit_name=credit_name,
                biography=biography,
                default_visibility=default_visibility,
                created=now,
                modified=now,
            )

    def add_client(self, client_id: str, name: str) -> None:
        """Give a member client a display name (its ``source-name``)."""
        with self._lock:
            self._client_names[client_id] = name

    def add_token(
        self,
        token: str,
        orcid: str,
        client_id: str,
        scopes: Iterable[str] = DEFAULT_SCOPES,
        client_name: str | None = None,
    ) -> None:
        """Register a member access token for ``orcid`` issued to ``client_id``."""
        with self._lock:
            if client_name is not None or client_id not in self._client_names:
                self._client_names[client_id] = client_name or client_id
            self._tokens[token] = Token(
                token, orcid, client_id, self._client_names[client_id], frozenset(scopes)
            )

    def add_work(
        self,
        orcid: str,
        work: dict,
        source: str | dict = "user",
        visibility: str = "public",
        *,
        put_code: int | None = None,
        display_index: str = "0",
        created: int | None = None,
        modified: int | None = None,
    ) -> int:
        """Store a work as-is (no validation: seeds may hold what ORCID accepted long ago).

        ``source``: "user" (the record holder), "crossref", a member client id, or an ORCID
        ``source`` JSON object. Returns the put-code.
        """
        with self._lock:
            rec = self._require_record(orcid)
            return self._store(
                rec.works,
                rec,
                clean_work(work),
                self._source(rec, source),
                visibility,
                put_code,
                display_index,
                created,
                modified,
            )

    def add_employment(
        self, orcid: str, employment: dict, source: str | dict = "user", visibility: str = "public"
    ) -> int:
        with self._lock:
            rec = self._require_record(orcid)
            return self._store(
                rec.employments, rec, copy.deepcopy(employment), self._source(rec, source), visibility
            )

    def add_education(
        self, orcid: str, education: dict, source: str | dict = "user", visibility: str = "public"
    ) -> int:
        with self._lock:
            rec = self._require_record(orcid)
            return self._store(
                rec.educations, rec, copy.deepcopy(education), self._source(rec, source), visibility
            )

    def seed_from_works_response(self, orcid: str, works_json: dict) -> list[int]:
        """Load a saved GET /works response: every work-summary becomes a work with its own
        source, put-code, dates, visibility and display-index (record created if missing)."""
        summaries = [s for g in works_json.get("group", []) for s in g.get("work-summary", [])]
        with self._lock:
            if orcid not in self._records:
                self.add_record(orcid, name=self._holder_name(orcid, summaries) or "Test User")
            put_codes = []
            for s in summaries:
                work = {
                    k: s.get(k)
                    for k in ("title", "type", "external-ids", "url", "publication-date", "journal-title")
                }
                put_codes.append(
                    self.add_work(
                        orcid,
                        work,
                        source=s["source"],
                        visibility=s.get("visibility") or "public",
                        put_code=s["put-code"],
                        display_index=s.get("display-index") or "0",
                        created=(s.get("created-date") or {}).get("value"),
                        modified=(s.get("last-modified-date") or {}).get("value"),
                    )
                )
            return put_codes

    # -- inspection --------------------------------------------------------------------------

    def get_work(self, orcid: str, put_code: int) -> dict | None:
        """Full work as stored (any visibility), for assertions; None if absent."""
        with self._lock:
            item = self._require_record(orcid).works.get(put_code)
            return render_work(orcid, item) if item else None

    def works(self, orcid: str) -> list[dict]:
        """All stored works of a record (any visibility), full form, by put-code."""
        with self._lock:
            rec = self._require_record(orcid)
            return [render_work(orcid, rec.works[pc]) for pc in sorted(rec.works)]

    @property
    def log(self) -> list[LogEntry]:
        with self._lock:
            return list(self._log)

    def reset_log(self) -> None:
        with self._lock:
            self._log.clear()

    def count(
        self, method: str | None = None, path_regex: str | None = None, status: int | None = None
    ) -> int:
        """Number of logged requests matching all given filters (path regex uses re.search)."""
        pattern = re.compile(path_regex) if path_regex else None
        return sum(
            1
            for e in self.log
            if (method is None or e.method == method)
            and (pattern is None or pattern.search(e.path))
            and (status is None or e.status == status)
        )

    # -- faults (path_regex is searched in the full request path, e.g. "/v3.0/…/works$") ------

    def fail(self, method: str, path_regex: str, status: int = 500, times: int | None = 1) -> None:
        """Answer the next ``times`` matching requests with ``status`` without processing them."""
        self._faults.add(_Rule("fail", method.upper(), re.compile(path_regex), times, status=status))

    def fail_after(self, method: str, path_regex: str, status: int = 502, times: int | None = 1) -> None:
        """Process matching requests (writes are applied!) but answer ``status``: a lost response."""
        self._faults.add(_Rule("fail_after", method.upper(), re.compile(path_regex), times, status=status))

    def slow(self, method: str, path_regex: str, seconds: float, times: int | None = 1) -> None:
        """Delay matching requests by ``seconds`` before processing (for client timeouts)."""
        self._faults.add(_Rule("slow", method.upper(), re.compile(path_regex), times, seconds=seconds))

    def drop(self, method: str, path_regex: str, times: int | None = 1) -> None:
        """Close the connection of matching requests without any response (not processed)."""
        self._faults.add(_Rule("drop", method.upper(), re.compile(path_regex), times))

    def burst_limit(self, n: int | None) -> None:
        """Answer 503 when more than ``n`` requests arrive within one sliding second; None = off."""
        self._faults.set_burst(n)

    def clear_faults(self) -> None:
        self._faults.clear()

    # -- internals: state ------------------------------------------------------------------

    def _now(self) -> int:
        # Strictly increasing epoch-ms so "last-modified" comparisons are deterministic.
        with self._lock:
            self._last_ms = max(int(time.time() * 1000), self._last_ms + 1)
            return self._last_ms

    def _require_record(self, orcid: str) -> Record:
        rec = self._records.get(orcid)
        if rec is None:
            raise KeyError(f"no record {orcid}; call add_record first")
        return rec

    def _source(self, rec: Record, source: str | dict) -> Source:
        if isinstance(source, dict):
            return Source.from_json(source)
        if source == "user":
            full = " ".join(p for p in (rec.given_names, rec.family_name) if p)
            return Source("orcid", rec.orcid, rec.credit_name or full)
        client_id = CROSSREF_CLIENT_ID if source == "crossref" else source
        return Source("client", client_id, self._client_names.get(client_id, client_id))

    @staticmethod
    def _holder_name(orcid: str, summaries: list[dict]) -> str | None:
        for s in summaries:
            src = s.get("source") or {}
            if (src.get("source-orcid") or {}).get("path") == orcid:
                return (src.get("source-name") or {}).get("value")
        return None

    def _store(
        self,
        bucket: dict[int, Item],
        rec: Record,
        content: dict,
        source: Source,
        visibility: str,
        put_code: int | None = None,
        display_index: str = "0",
        created: int | None = None,
        modified: int | None = None,
    ) -> int:
        if visibility not in VISIBILITIES:
            raise ValueError(f"visibility must be one of {VISIBILITIES}")
        if put_code is None:
            put_code = self._next_put_code
        self._next_put_code = max(self._next_put_code, put_code + 1)
        now = self._now()
        created = created if created is not None else now
        bucket[put_code] = Item(
            put_code,
            content,
            source,
            visibility,
            created,
            modified if modified is not None else created,
            display_index,
        )
        rec.modified = now
        return put_code

    # -- internals: HTTP ---------------------------------------------------------------------

    def _serve(self, h: BaseHTTPRequestHandler) -> None:
        method = h.command
        path = urlsplit(h.path).path
        raw = h.rfile.read(int(h.headers.get("Content-Length") or 0))  # always drain: keep-alive
        body_for_log = _decode_for_log(raw)

        if self._faults.over_burst():
            return self._finish(
                h,
                method,
                path,
                body_for_log,
                _error(OrcidApiError(503, 9008, "503 Service Unavailable: rate limit burst exceeded")),
            )
        if self._faults.take("drop", method, path):
            return self._drop(h, method, path, body_for_log)
        rule = self._faults.take("slow", method, path)
        if rule and self._closing.wait(rule.seconds):
            return None  # held until the fake stopped: the client gave up long ago; nothing is processed
        rule = self._faults.take("fail", method, path)
        if rule:
            response = _error(OrcidApiError(rule.status, 9008, f"{rule.status} injected failure"))
        else:
            try:
                response = self._dispatch(method, path, h.headers, raw)
            except Exception as exc:  # a bug in the fake must surface as a 500, not a hung client
                response = _error(OrcidApiError(500, 9008, f"500 Internal Server Error (fake): {exc!r}"))
            rule = self._faults.take("fail_after", method, path)
            if rule:  # the work above has been done; only the answer is lost
                response = _error(
                    OrcidApiError(rule.status, 9008, f"{rule.status} Bad Gateway (injected after processing)")
                )
        self._finish(h, method, path, body_for_log, response)

    def _finish(
        self, h: BaseHTTPRequestHandler, method: str, path: str, body: Any, response: _Response
    ) -> None:
        # Log before answering so a test that got its response always sees the entry.
        with self._lock:
            self._log.append(LogEntry(method, path, response.status, body))
        data = b"" if response.body is None else json.dumps(response.body).encode()
        h.send_response(response.status)
        for name, value in response.headers.items():
            h.send_header(name, value)
        if response.body is not None and "Content-Type" not in response.headers:
            h.send_header("Content-Type", DEFAULT_MEDIA_TYPE)
        if response.status != 204:
            h.send_header("Content-Length", str(len(data)))
        try:
            h.end_headers()
            if data:
                h.wfile.write(data)
        except (BrokenPipeError, ConnectionResetError):
            h.close_connection = True  # the client gave up (e.g. its timeout hit during slow())

    def _drop(self, h: BaseHTTPRequestHandler, method: str, path: str, body: Any) -> None:
        with self._lock:
            self._log.append(LogEntry(method, path, None, body))
        h.close_connection = True
        try:
            h.connection.shutdown(socket.SHUT_RDWR)
        except OSError:
            pass

    def _dispatch(self, method: str, path: str, headers: Any, raw: bytes) -> _Response:
        media = _negotiate(headers.get("Accept"))
        if media is None:
            return _error(OrcidApiError(406, 9006, "406 Not Acceptable: only ORCID JSON is served here"))
        prefix = f"/{API_VERSION}"
        if not path.startswith(prefix + "/"):
            return _error(OrcidApiError(404, 9016, f"404 Not Found: {path}"), media)
        rel = path[len(prefix) :]
        try:
            viewer = self._viewer(headers)
            handler, params = self._route(method, rel)
            with self._lock:
                rec = self._records.get(params["orcid"])
                if rec is None:
                    raise OrcidApiError(404, 9016, f"404 Not Found: ORCID iD {params['orcid']} not found")
                response = handler(rec, viewer, params, headers, raw)
        except OrcidApiError as err:
            return _error(err, media)
        except _OAuthError as err:
            return _Response(
                401,
                {"error": err.error, "error_description": err.description},
                {"Content-Type": "application/json", "WWW-Authenticate": f'Bearer error="{err.error}"'},
            )
        if response.body is not None:
            response.headers.setdefault("Content-Type", media)
        return response

    def _route(self, method: str, rel: str) -> tuple[Callable[..., _Response], dict]:
        path_matched = False
        for route_method, pattern, name in _ROUTES:
            m = pattern.match(rel)
            if m:
                path_matched = True
                if route_method == method:
                    return getattr(self, name), m.groupdict()
        if path_matched:
            raise OrcidApiError(405, 9006, f"405 Method Not Allowed: {method} {rel}")
        raise OrcidApiError(404, 9016, f"404 Not Found: {rel}")

    def _viewer(self, headers: Any) -> _Viewer:
        auth = headers.get("Authorization")
        if not auth:
            return _Viewer()
        scheme, _, token = auth.partition(" ")
        with self._lock:
            found = self._tokens.get(token.strip()) if scheme.lower() == "bearer" else None
        if found is None:
            raise _OAuthError("invalid_token", f"Invalid access token: {token.strip()}")
        return _Viewer(found)

    # -- internals: reads --------------------------------------------------------------------

    def _get_record(self, rec: Record, viewer: _Viewer, p: dict, *_: Any) -> _Response:
        return _Response(200, render_record(rec, viewer))

    def _get_person(self, rec: Record, viewer: _Viewer, p: dict, *_: Any) -> _Response:
        return _Response(200, render_person(rec))

    def _get_activities(self, rec: Record, viewer: _Viewer, p: dict, *_: Any) -> _Response:
        return _Response(200, render_activities(rec, viewer))

    def _get_works(self, rec: Record, viewer: _Viewer, p: dict, *_: Any) -> _Response:
        visible = [i for i in rec.works.values() if viewer.sees(rec.orcid, i)]
        return _Response(200, render_works(rec.orcid, visible))

    def _readable(self, rec: Record, bucket: dict[int, Item], raw_pc: str, viewer: _Viewer) -> Item:
        put_code = _parse_put_code(raw_pc)
        item = bucket.get(put_code)
        if item is None:
            raise OrcidApiError(
                404,
                9016,
                f"404 Not Found: No entity found with put-code {put_code}",
                "The resource was not found.",
            )
        if not viewer.sees(rec.orcid, item):
            # OrcidNonPublicElementException
            raise OrcidApiError(
                403,
                9039,
                f"403 Forbidden: The item with put-code {put_code} is not public",
                "The item is not public.",
            )
        return item

    def _get_work(self, rec: Record, viewer: _Viewer, p: dict, *_: Any) -> _Response:
        return _Response(200, render_work(rec.orcid, self._readable(rec, rec.works, p["pc"], viewer)))

    def _get_works_bulk(self, rec: Record, viewer: _Viewer, p: dict, *_: Any) -> _Response:
        codes = [c.strip() for c in p["codes"].split(",") if c.strip()]
        if len(codes) > MAX_BULK:
            # ExceedMaxNumberOfPutCodesException
            raise OrcidApiError(
                400,
                9042,
                f"400 Bad Request: The maximum number of put codes is {MAX_BULK}, "
                f"{len(codes)} were requested",
                f"Too many put codes (max {MAX_BULK})",
            )
        bulk = []
        for code in codes:
            try:
                bulk.append({"work": render_work(rec.orcid, self._readable(rec, rec.works, code, viewer))})
            except OrcidApiError as err:
                bulk.append({"error": err.body()})
        return _Response(200, {"bulk": bulk})

    def _get_affiliations(self, rec: Record, viewer: _Viewer, p: dict, *_: Any) -> _Response:
        kind = p["kind"]
        bucket = rec.employments if kind == "employment" else rec.educations
        return _Response(
            200,
            render_affiliations(rec.orcid, kind, [i for i in bucket.values() if viewer.sees(rec.orcid, i)]),
        )

    def _get_affiliation(self, rec: Record, viewer: _Viewer, p: dict, *_: Any) -> _Response:
        kind = p["kind"]
        bucket = rec.employments if kind == "employment" else rec.educations
        return _Response(
            200, render_affiliation(rec.orcid, kind, self._readable(rec, bucket, p["pc"], viewer))
        )

    # -- internals: writes -------------------------------------------------------------------

    def _writer(self, rec: Record, viewer: _Viewer) -> Token:
        token = viewer.token
        if token is None:
            raise _OAuthError("unauthorized", "Full authentication is required to access this resource")
        if token.orcid != rec.orcid:
            # OrcidUnauthorizedException: the token was granted by another record holder.
            raise OrcidApiError(
                401,
                9017,
                f"401 Unauthorized: The client application is not authorized for ORCID iD {rec.orcid}",
            )
        if "/activities/update" not in token.scopes:
            raise OrcidApiError(
                403,
                9038,
                "403 Forbidden: Insufficient or wrong scope [/activities/update]",
                "The client application does not have the required scope.",
            )
        return token

    @staticmethod
    def _json_body(headers: Any, raw: bytes) -> Any:
        content_type = (headers.get("Content-Type") or "").split(";")[0].strip().lower()
        if content_type not in JSON_MEDIA_TYPES:
            raise OrcidApiError(415, 9006, f"415 Unsupported Media Type: '{content_type}'")
        try:
            return json.loads(raw.decode("utf-8"))
        except (UnicodeDecodeError, json.JSONDecodeError) as exc:
            raise OrcidApiError(
                400, 9001, f"400 Bad Request: Could not parse JSON: {exc}", "Invalid JSON"
            ) from None

    def _duplicate_of(
        self, rec: Record, work: dict, source: Source, exclude: int | None = None
    ) -> int | None:
        """Put-code of a work from the same source sharing a non-part-of id (same relationship)."""

        def keys(w: dict) -> set[tuple]:
            return {
                (*_match_key(e), e.get("external-id-relationship"))
                for e in _ext_id_list(w.get("external-ids"))
                if e.get("external-id-relationship") != "part-of"
            }

        wanted = keys(work)
        for pc, item in rec.works.items():
            if pc != exclude and item.source.key == source.key and keys(item.content) & wanted:
                return pc
        return None

    def _create_work(self, rec: Record, token: Token, work: Any) -> Item:
        content = _checked_work(work)
        if work.get("put-code") is not None:
            raise OrcidApiError(
                400,
                9024,
                "400 Bad Request: Invalid put-code was supplied: put-code must not "
                "be present when creating an item",
                "Invalid put-code",
            )
        source = Source("client", token.client_id, token.client_name)
        existing = self._duplicate_of(rec, content, source)
        if existing is not None:
            raise OrcidApiError(
                409,
                9021,
                "409 Conflict: You have already added this activity (matched by external identifiers), "
                f"please see element with put-code {existing}. If you are trying to edit the item, "
                "please use PUT instead of POST.",
                "You have already added this activity (matched by external identifiers)",
            )
        if len(rec.works) >= MAX_WORKS_PER_RECORD:
            raise OrcidApiError(
                409,
                9048,
                f"409 Conflict: This record has reached the maximum of {MAX_WORKS_PER_RECORD} works",
            )
        put_code = self._store(rec.works, rec, content, source, rec.default_visibility)
        return rec.works[put_code]

    def _post_work(self, rec: Record, viewer: _Viewer, p: dict, headers: Any, raw: bytes) -> _Response:
        token = self._writer(rec, viewer)
        item = self._create_work(rec, token, self._json_body(headers, raw))
        return _Response(201, None, {"Location": f"{self.api_url}/{rec.orcid}/work/{item.put_code}"})

    def _post_works(self, rec: Record, viewer: _Viewer, p: dict, headers: Any, raw: bytes) -> _Response:
        token = self._writer(rec, viewer)
        body = self._json_body(headers, raw)
        items = body.get("bulk") if isinstance(body, dict) else None
        if not isinstance(items, list):
            raise OrcidApiError(
                400, 9006, '400 Bad Request: argument type mismatch (expected {"bulk": [...]})'
            )
        if len(items) > MAX_BULK:
            raise OrcidApiError(
                413,
                9006,
                f"413 Request Entity Too Large: at most {MAX_BULK} works per bulk request, got {len(items)}",
            )
        results = []
        for element in items:  # each item succeeds or fails on its own, in order
            try:
                work = element.get("work") if isinstance(element, dict) else None
                results.append({"work": render_work(rec.orcid, self._create_work(rec, token, work))})
            except OrcidApiError as err:
                results.append({"error": err.body()})
        return _Response(200, {"bulk": results})

    def _owned_work(self, rec: Record, token: Token, raw_pc: str) -> Item:
        put_code = _parse_put_code(raw_pc)
        item = rec.works.get(put_code)
        if item is None:
            raise OrcidApiError(
                404,
                9016,
                f"404 Not Found: No entity found with put-code {put_code}",
                "The resource was not found.",
            )
        if item.source.key != ("client", token.client_id):
            raise OrcidApiError(
                403,
                9010,
                f"403 Forbidden: You are not the source of the work with put-code {put_code}",
                "You are not the source of the work",
            )
        return item

    def _put_work(self, rec: Record, viewer: _Viewer, p: dict, headers: Any, raw: bytes) -> _Response:
        token = self._writer(rec, viewer)
        item = self._owned_work(rec, token, p["pc"])
        work = self._json_body(headers, raw)
        content = _checked_work(work)
        body_pc = work.get("put-code")
        if str(body_pc) != str(item.put_code):
            raise OrcidApiError(
                400,
                9019,
                f"400 Bad Request: The put code in the URL was {item.put_code} "
                f"whereas the one in the body was {json.dumps(body_pc)}",
                "Put-code mismatch",
            )
        if work.get("visibility") not in (None, item.visibility):
            raise OrcidApiError(
                403,
                9035,
                "403 Forbidden: The visibility of an item cannot be changed via the API",
                "Visibility mismatch",
            )
        existing = self._duplicate_of(rec, content, item.source, exclude=item.put_code)
        if existing is not None:
            raise OrcidApiError(
                409,
                9021,
                "409 Conflict: You have already added this activity (matched by "
                f"external identifiers), please see element with put-code {existing}.",
                "You have already added this activity (matched by external identifiers)",
            )
        item.content = content
        item.modified = self._now()
        rec.modified = item.modified
        return _Response(200, render_work(rec.orcid, item))

    def _delete_work(self, rec: Record, viewer: _Viewer, p: dict, *_: Any) -> _Response:
        token = self._writer(rec, viewer)
        item = self._owned_work(rec, token, p["pc"])
        del rec.works[item.put_code]
        rec.modified = self._now()
        return _Response(204)


def _checked_work(work: Any) -> dict:
    """Cleaned copy of a request's work, or the 400 ORCID would answer."""
    if not isinstance(work, dict) or "bulk" in work:
        # What ORCID says when a bulk body (or no object at all) is posted to /work.
        raise OrcidApiError(400, 9006, "400 Bad Request: argument type mismatch", "Invalid work")
    content = clean_work(work)
    validate_work(content)
    return content


def _error(err: OrcidApiError, media: str = DEFAULT_MEDIA_TYPE) -> _Response:
    return _Response(err.status, err.body(), {"Content-Type": media})


def _decode_for_log(raw: bytes) -> Any:
    if not raw:
        return None
    try:
        return json.loads(raw)
    except (UnicodeDecodeError, json.JSONDecodeError):
        return raw.decode("utf-8", "replace")
