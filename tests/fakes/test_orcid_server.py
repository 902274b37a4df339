"""Tests of the local ORCID fake, through real HTTP on 127.0.0.1 (never the internet).

The fake is only useful if it behaves like ORCID, so most tests compare it with ORCID's own samples
and a real v3.0 /works response (tests/fixtures/orcid/, see PROVENANCE.md).
"""

from __future__ import annotations

import copy
import json
import re
import threading
import time
from pathlib import Path
from typing import Any

import pytest
import requests

from tests.fakes.orcid_server import OrcidFake, normalize_external_id

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "orcid"
ORCID = "0000-0002-1825-0097"
OTHER_ORCID = "0000-0001-5109-3700"
REAL_ORCID = "0000-0001-8590-6159"  # the record holder of orcid-works-1.json
CLIENT = "APP-PROFILEBOT000001"
TOKEN = "token-profilebot"
ORCID_JSON = "application/vnd.orcid+json"
TIMEOUT = 5


def load(name: str) -> Any:
    return json.loads((FIXTURES / name).read_text(encoding="utf-8"))


# ---------------------------------------------------------------------------------------------
# Helpers
# ---------------------------------------------------------------------------------------------


def shape_differences(got: Any, want: Any, where: str = "$") -> list[str]:
    """Where two JSON documents differ in *shape*: key sets at every level and scalar types.

    List lengths are ignored (every element is compared with the other side's first element) and
    null matches anything, because ORCID writes null for an absent optional object.
    """
    if got is None or want is None:
        return []
    if isinstance(got, dict) and isinstance(want, dict):
        diffs = []
        if set(got) != set(want):
            diffs.append(f"{where}: keys {sorted(set(got) ^ set(want))} on one side only")
        for key in set(got) & set(want):
            diffs += shape_differences(got[key], want[key], f"{where}.{key}")
        return diffs
    if isinstance(got, list) and isinstance(want, list):
        if not got or not want:
            return []
        diffs = []
        for item in got:
            diffs += shape_differences(item, want[0], f"{where}[]")
        for item in want:
            diffs += shape_differences(got[0], item, f"{where}[]")
        return sorted(set(diffs))
    if type(got) is not type(want):
        return [f"{where}: {type(got).__name__} vs {type(want).__name__}"]
    return []


def test_shape_helper_detects_differences() -> None:
    assert shape_differences({"a": [{"b": 1}]}, {"a": [{"b": 2}, {"b": 3}]}) == []
    assert shape_differences({"a": None}, {"a": {"x": 1}}) == []
    assert shape_differences({"a": 1}, {"a": "1"}) == ["$.a: int vs str"]
    assert shape_differences({"a": [{"b": 1}]}, {"a": [{"c": 1}]}) == [
        "$.a[]: keys ['b', 'c'] on one side only"
    ]


def doi(value: str, relationship: str = "self") -> dict:
    return {
        "external-id-type": "doi",
        "external-id-value": value,
        "external-id-url": {"value": f"https://doi.org/{value}"},
        "external-id-relationship": relationship,
    }


def ext(id_type: str, value: str, relationship: str = "self") -> dict:
    return {"external-id-type": id_type, "external-id-value": value, "external-id-relationship": relationship}


def make_work(title: str = "Deep residual learning", ids: list[dict] | None = None, **extra: Any) -> dict:
    work = {
        "title": {"title": {"value": title}},
        "type": "conference-paper",
        "external-ids": {"external-id": ids if ids is not None else [doi("10.1109/CVPR.2016.90")]},
        "publication-date": {"year": {"value": "2016"}, "month": {"value": "06"}, "day": None},
        "journal-title": {"value": "CVPR"},
        "url": {"value": "https://example.org/paper"},
    }
    work.update(extra)
    return work


def get(fake: OrcidFake, path: str, token: str | None = None, accept: str = ORCID_JSON) -> requests.Response:
    headers = {"Accept": accept}
    if token:
        headers["Authorization"] = f"Bearer {token}"
    return requests.get(fake.api_url + path, headers=headers, timeout=TIMEOUT)


def send(
    fake: OrcidFake,
    method: str,
    path: str,
    body: Any,
    token: str | None = TOKEN,
    content_type: str = ORCID_JSON,
    timeout: float = TIMEOUT,
) -> requests.Response:
    headers = {"Accept": ORCID_JSON, "Content-Type": content_type}
    if token:
        headers["Authorization"] = f"Bearer {token}"
    data = None if body is None else (body if isinstance(body, str) else json.dumps(body))
    return requests.request(method, fake.api_url + path, data=data, headers=headers, timeout=timeout)


def assert_orcid_error(response: requests.Response, status: int, error_code: int | None = None) -> dict:
    assert response.status_code == status, response.text
    body = response.json()
    assert set(body) == {"response-code", "developer-message", "user-message", "error-code", "more-info"}
    assert body["response-code"] == status
    if error_code is not None:
        assert body["error-code"] == error_code, body
    return body


def summaries(works_json: dict) -> list[dict]:
    return [s for g in works_json["group"] for s in g["work-summary"]]


@pytest.fixture
def fake():
    with OrcidFake() as server:
        server.add_record(ORCID, name="Josiah Carberry")
        server.add_record(OTHER_ORCID, name="Other Person")
        server.add_token(TOKEN, ORCID, CLIENT, client_name="profilebot")
        yield server


# ---------------------------------------------------------------------------------------------
# Server basics
# ---------------------------------------------------------------------------------------------


def test_api_url_is_local_root_with_version(fake: OrcidFake) -> None:
    assert re.fullmatch(r"http://127\.0\.0\.1:\d+/v3\.0", fake.api_url)


def test_context_manager_stops_server() -> None:
    with OrcidFake() as server:
        server.add_record(ORCID)
        url = server.api_url
        assert get(server, f"/{ORCID}/works").status_code == 200
    with pytest.raises(requests.ConnectionError):
        requests.get(f"{url}/{ORCID}/works", timeout=1)


def test_unknown_record_path_and_method(fake: OrcidFake) -> None:
    assert_orcid_error(get(fake, "/0000-0003-4925-7248/works"), 404)
    assert_orcid_error(get(fake, f"/{ORCID}/fundingz"), 404)
    assert_orcid_error(requests.get(fake.base_url + "/v2.1/" + ORCID + "/works", timeout=TIMEOUT), 404)
    assert_orcid_error(send(fake, "PATCH", f"/{ORCID}/works", {}), 405)


# ---------------------------------------------------------------------------------------------
# Content negotiation
# ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "accept", ["application/vnd.orcid+json", "application/orcid+json", "application/json"]
)
def test_json_media_types_are_served(fake: OrcidFake, accept: str) -> None:
    response = get(fake, f"/{ORCID}/works", accept=accept)
    assert response.status_code == 200
    assert response.headers["Content-Type"] == accept
    assert response.json()["path"] == f"/{ORCID}/works"


@pytest.mark.parametrize(
    "accept", ["application/vnd.orcid+xml", "application/xml", "text/html", "application/json;q=0"]
)
def test_unsupported_accept_gets_406(fake: OrcidFake, accept: str) -> None:
    assert_orcid_error(get(fake, f"/{ORCID}/works", accept=accept), 406)


def test_accept_q_values_and_wildcards(fake: OrcidFake) -> None:
    mixed = get(fake, f"/{ORCID}/works", accept="application/xml;q=0.9, application/json;q=0.5")
    assert mixed.status_code == 200 and mixed.headers["Content-Type"] == "application/json"
    wildcard = requests.get(f"{fake.api_url}/{ORCID}/works", timeout=TIMEOUT)  # requests sends */*
    assert wildcard.status_code == 200 and wildcard.headers["Content-Type"] == ORCID_JSON


def test_write_with_xml_content_type_gets_415(fake: OrcidFake) -> None:
    response = send(fake, "POST", f"/{ORCID}/work", "<work/>", content_type="application/vnd.orcid+xml")
    assert_orcid_error(response, 415)


# ---------------------------------------------------------------------------------------------
# /works structure, grouping and normalisation
# ---------------------------------------------------------------------------------------------


def test_works_has_the_structure_of_the_real_response(fake: OrcidFake) -> None:
    real = load("orcid-works-1.json")
    fake.add_work(ORCID, make_work(ids=[doi("10.1109/CVPR.2016.90"), ext("issn", "1063-6919", "part-of")]))
    fake.add_work(ORCID, make_work(ids=[doi("10.1109/cvpr.2016.90")]), source="crossref", display_index="1")
    fake.add_work(
        ORCID,
        make_work(
            "Another", ids=[ext("eid", "2-s2.0-1")], **{"publication-date": {"year": {"value": "2020"}}}
        ),
    )
    got = get(fake, f"/{ORCID}/works").json()
    assert shape_differences(got, real) == []
    # Key order matters to nobody's parser, but matching it keeps diffs against real data readable.
    assert list(got["group"][0]["work-summary"][0]) == list(real["group"][0]["work-summary"][0])
    assert list(got["group"][0]) == list(real["group"][0])


def test_seeding_from_the_real_works_response_reproduces_it() -> None:
    real = load("orcid-works-1.json")
    with OrcidFake() as server:
        put_codes = server.seed_from_works_response(REAL_ORCID, real)
        got = get(server, f"/{REAL_ORCID}/works").json()
    assert len(put_codes) == 34
    assert len(got["group"]) == 24
    assert sum(len(g["work-summary"]) for g in got["group"]) == 34
    assert got["last-modified-date"] == real["last-modified-date"]
    assert got["path"] == real["path"]
    for got_group, real_group in zip(got["group"], real["group"], strict=True):
        # Same groups, same order, summaries identical field by field (incl. sources, put-codes,
        # dates, normalised ids) and in the same order inside the group.
        assert got_group["work-summary"] == real_group["work-summary"]
        assert got_group["last-modified-date"] == real_group["last-modified-date"]
        # ORCID's order of a group's ids is not stable (it comes from a hash set): compare as sets.
        as_set = lambda g: sorted(json.dumps(e, sort_keys=True) for e in g["external-ids"]["external-id"])  # noqa: E731
        assert as_set(got_group) == as_set(real_group)


def test_seeded_sources_keep_their_identity(fake: OrcidFake) -> None:
    real = load("orcid-works-1.json")
    with OrcidFake() as server:
        server.seed_from_works_response(REAL_ORCID, real)
        record = get(server, f"/{REAL_ORCID}/person").json()
        full = get(server, f"/{REAL_ORCID}/work/182267275").json()
    assert record["name"]["given-names"]["value"] == "Chiu Yu"  # taken from the self-sourced summary
    assert full["source"]["source-orcid"]["path"] == REAL_ORCID
    assert full["source"]["source-name"]["value"] == "Chiu Yu Ko"


def test_doi_case_and_resolver_forms_group_together(fake: OrcidFake) -> None:
    fake.add_work(ORCID, make_work(ids=[doi("10.1109/CVPR.2016.90")]), source="user")
    fake.add_work(
        ORCID, make_work(ids=[ext("doi", "https://doi.org/10.1109/cvpr.2016.90")]), source="crossref"
    )
    fake.add_work(ORCID, make_work(ids=[ext("doi", "doi:10.1109/Cvpr.2016.90")]), source="APP-OTHER")
    works = get(fake, f"/{ORCID}/works").json()
    assert len(works["group"]) == 1
    group = works["group"][0]
    assert len(group["work-summary"]) == 3
    group_ids = group["external-ids"]["external-id"]
    assert len(group_ids) == 1  # one entry per normalised id, first seen wins
    assert group_ids[0]["external-id-value"] == "10.1109/CVPR.2016.90"
    assert group_ids[0]["external-id-normalized"] == {"value": "10.1109/cvpr.2016.90", "transient": True}
    assert {s["source"]["source-name"]["value"] for s in group["work-summary"]} == {
        "Josiah Carberry",
        "Crossref",
        "APP-OTHER",
    }


def test_grouping_rules_for_arxiv_versions_part_of_and_version_of(fake: OrcidFake) -> None:
    fake.add_work(ORCID, make_work("Preprint v1", ids=[ext("arxiv", "arXiv:1512.03385v1")]))
    fake.add_work(
        ORCID,
        make_work("Preprint v3", ids=[ext("arxiv", "https://arxiv.org/abs/1512.03385v3")]),
        source="crossref",
    )
    # Same journal (part-of ISSN) must NOT merge two different papers.
    fake.add_work(ORCID, make_work("Paper A", ids=[doi("10.1/a"), ext("issn", "1234-5678", "part-of")]))
    fake.add_work(ORCID, make_work("Paper B", ids=[doi("10.1/b"), ext("issn", "12345678", "part-of")]))
    # A version-of link joins the published version to its preprint.
    fake.add_work(
        ORCID,
        make_work("Published", ids=[doi("10.1/pub"), ext("arxiv", "1512.03385", "version-of")]),
        source="APP-X",
    )
    groups = get(fake, f"/{ORCID}/works").json()["group"]
    by_titles = sorted(sorted(s["title"]["title"]["value"] for s in g["work-summary"]) for g in groups)
    assert by_titles == [["Paper A"], ["Paper B"], ["Preprint v1", "Preprint v3", "Published"]]
    for group in groups:
        assert all(e["external-id-relationship"] != "part-of" for e in group["external-ids"]["external-id"])


@pytest.mark.parametrize(
    ("id_type", "value", "expected"),
    [
        ("doi", "10.1109/CVPR.2016.90", "10.1109/cvpr.2016.90"),
        ("doi", "https://doi.org/10.1109/CVPR.2016.90", "10.1109/cvpr.2016.90"),
        ("doi", "http://dx.doi.org/10.1000/XYZ", "10.1000/xyz"),
        ("doi", "doi:10.1000/a&amp;b", "10.1000/a"),  # unescaped, then cut at '&' like ORCID
        ("doi", "work:doi", None),
        ("arxiv", "arXiv:1512.03385v2", "arXiv:1512.03385"),
        ("arxiv", "https://arxiv.org/abs/2101.12345", "arXiv:2101.12345"),
        ("arxiv", "hep-th/9901001v1", "arXiv:hep-th/9901001"),
        ("issn", "00251909 15265501", "0025-1909"),
        ("issn", "1044-0283", "1044-0283"),
        ("isbn", "978-3-16-148410-0", "9783161484100"),
        ("isbn", "12-34", None),
        ("pmid", "PMID: 12345678", "12345678"),
        ("pmc", "PMC1234567", "1234567"),
        ("eid", "2-s2.0-85187668680", "2-s2.0-85187668680"),
        ("source-work-id", "CaseKept", "CaseKept"),
    ],
)
def test_normalize_external_id(id_type: str, value: str, expected: str | None) -> None:
    assert normalize_external_id(id_type, value) == expected


def test_unnormalisable_id_reports_error_8001(fake: OrcidFake) -> None:
    pc = fake.add_work(ORCID, load("work-full-3.0.json"))
    ids = get(fake, f"/{ORCID}/work/{pc}").json()["external-ids"]["external-id"]
    bad = next(e for e in ids if e["external-id-value"] == "work:doi")
    assert bad["external-id-normalized"] is None
    assert bad["external-id-normalized-error"]["error-code"] == "8001"


# ---------------------------------------------------------------------------------------------
# Full work, bulk read, record/person/affiliations
# ---------------------------------------------------------------------------------------------


def test_full_work_read_has_write_fields_plus_server_fields(fake: OrcidFake) -> None:
    sample = load("work-full-3.0.json")
    pc = fake.add_work(ORCID, sample)
    work = get(fake, f"/{ORCID}/work/{pc}").json()
    server_fields = {"put-code", "path", "created-date", "last-modified-date", "source", "visibility"}
    assert set(work) == set(sample) | server_fields
    # Reads add the two "external-id-normalized*" keys to each id (as in the real /works sample).
    real_id = summaries(load("orcid-works-1.json"))[0]["external-ids"]["external-id"][0]
    for ext_id in work["external-ids"]["external-id"]:
        assert set(ext_id) == set(real_id)
    read_back = copy.deepcopy({k: work[k] for k in sample})
    for ext_id in read_back["external-ids"]["external-id"]:
        del ext_id["external-id-normalized"], ext_id["external-id-normalized-error"]
    assert shape_differences(read_back, sample) == []
    assert work["put-code"] == pc and work["path"] == f"/{ORCID}/work/{pc}"
    assert isinstance(work["created-date"]["value"], int)
    assert work["short-description"] == sample["short-description"]
    assert work["citation"] == sample["citation"]
    # contributor-email is write-only in ORCID: never returned.
    assert all(c["contributor-email"] is None for c in work["contributors"]["contributor"])
    assert work["contributors"]["contributor"][0]["credit-name"] == {"value": "Jordan"}


def test_summaries_omit_full_work_fields(fake: OrcidFake) -> None:
    fake.add_work(ORCID, load("work-full-3.0.json"))
    summary = summaries(get(fake, f"/{ORCID}/works").json())[0]
    for key in ("contributors", "citation", "short-description", "language-code", "country"):
        assert key not in summary


def test_bulk_read_returns_works_and_errors_in_order(fake: OrcidFake) -> None:
    pc1 = fake.add_work(ORCID, make_work("One", ids=[doi("10.1/one")]))
    pc2 = fake.add_work(ORCID, make_work("Two", ids=[doi("10.1/two")]))
    hidden = fake.add_work(ORCID, make_work("Hidden", ids=[doi("10.1/hidden")]), visibility="limited")
    bulk = get(fake, f"/{ORCID}/works/{pc2},{pc1},999999,{hidden}").json()["bulk"]
    assert [list(item) for item in bulk] == [["work"], ["work"], ["error"], ["error"]]
    assert [bulk[0]["work"]["put-code"], bulk[1]["work"]["put-code"]] == [pc2, pc1]
    assert bulk[2]["error"]["response-code"] == 404 and bulk[2]["error"]["error-code"] == 9016
    assert bulk[3]["error"]["response-code"] == 403 and bulk[3]["error"]["error-code"] == 9039
    assert "contributors" in bulk[0]["work"]  # bulk gives full works, not summaries


def test_bulk_read_limit_is_100(fake: OrcidFake) -> None:
    codes = [fake.add_work(ORCID, make_work(f"W{i}", ids=[doi(f"10.1/{i}")])) for i in range(101)]
    ok = get(fake, f"/{ORCID}/works/" + ",".join(map(str, codes[:100])))
    assert ok.status_code == 200 and len(ok.json()["bulk"]) == 100
    body = assert_orcid_error(get(fake, f"/{ORCID}/works/" + ",".join(map(str, codes))), 400, 9042)
    assert "100" in body["developer-message"]


def test_record_person_and_affiliations_have_sample_shapes(fake: OrcidFake) -> None:
    record_sample = load("record-full-3.0.json")
    fake.add_work(ORCID, make_work())
    fake.add_employment(ORCID, load("employment-3.0.json"), source="APP-UNI")
    fake.add_education(ORCID, load("education-3.0.json"))
    record = get(fake, f"/{ORCID}/record").json()
    assert shape_differences(record, record_sample) == []
    assert list(record) == list(record_sample)
    assert list(record["activities-summary"]) == list(record_sample["activities-summary"])
    person = get(fake, f"/{ORCID}/person").json()
    assert shape_differences(person, record_sample["person"]) == []
    assert person["name"]["family-name"] == {"value": "Carberry"}
    employments = get(fake, f"/{ORCID}/employments").json()
    assert shape_differences(employments, record_sample["activities-summary"]["employments"]) == []
    summary = employments["affiliation-group"][0]["summaries"][0]["employment-summary"]
    assert summary["organization"]["disambiguated-organization"]["disambiguation-source"] == "ROR"
    educations = get(fake, f"/{ORCID}/educations").json()
    assert shape_differences(educations, record_sample["activities-summary"]["educations"]) == []
    pc = educations["affiliation-group"][0]["summaries"][0]["education-summary"]["put-code"]
    assert get(fake, f"/{ORCID}/education/{pc}").json()["put-code"] == pc
    assert record["activities-summary"]["works"] == get(fake, f"/{ORCID}/works").json()


# ---------------------------------------------------------------------------------------------
# Visibility
# ---------------------------------------------------------------------------------------------


def test_visibility_public_reads_vs_member_token(fake: OrcidFake) -> None:
    fake.add_work(ORCID, make_work("Public", ids=[doi("10.1/p")]))
    limited = fake.add_work(ORCID, make_work("Limited", ids=[doi("10.1/l")]), visibility="limited")
    fake.add_work(ORCID, make_work("Private, ours", ids=[doi("10.1/o")]), source=CLIENT, visibility="private")
    fake.add_work(
        ORCID, make_work("Private, theirs", ids=[doi("10.1/t")]), source="APP-X", visibility="private"
    )

    def titles(token: str | None) -> set[str]:
        works = get(fake, f"/{ORCID}/works", token=token).json()
        return {s["title"]["title"]["value"] for s in summaries(works)}

    assert titles(None) == {"Public"}
    assert titles(TOKEN) == {"Public", "Limited", "Private, ours"}
    assert_orcid_error(get(fake, f"/{ORCID}/work/{limited}"), 403, 9039)
    assert get(fake, f"/{ORCID}/work/{limited}", token=TOKEN).status_code == 200
    # A token of another record, or without /read-limited, only sees public items.
    fake.add_token("other-token", OTHER_ORCID, CLIENT)
    fake.add_token("public-token", ORCID, CLIENT, scopes=("/read-public",))
    assert titles("other-token") == {"Public"}
    assert titles("public-token") == {"Public"}


# ---------------------------------------------------------------------------------------------
# Member writes
# ---------------------------------------------------------------------------------------------


def test_create_work_returns_201_location_and_empty_body(fake: OrcidFake) -> None:
    response = send(fake, "POST", f"/{ORCID}/work", make_work())
    assert response.status_code == 201
    assert response.content == b""
    location = response.headers["Location"]
    assert re.fullmatch(re.escape(f"{fake.api_url}/{ORCID}/work/") + r"\d+", location)
    work = requests.get(location, headers={"Accept": ORCID_JSON}, timeout=TIMEOUT).json()
    assert work["source"]["source-client-id"]["path"] == CLIENT
    assert work["source"]["source-name"] == {"value": "profilebot"}
    assert work["title"]["title"]["value"] == "Deep residual learning"
    assert work["visibility"] == "public"


def test_put_codes_are_assigned_incrementally(fake: OrcidFake) -> None:
    first = fake.add_work(ORCID, make_work("A", ids=[doi("10.1/a")]))
    second = fake.add_work(ORCID, make_work("B", ids=[doi("10.1/b")]))
    third = int(send(fake, "POST", f"/{ORCID}/work", make_work()).headers["Location"].rsplit("/", 1)[1])
    assert first < second < third


def _without(work: dict, *path: str) -> dict:
    work = copy.deepcopy(work)
    target = work
    for key in path[:-1]:
        target = target[key]
    del target[path[-1]]
    return work


@pytest.mark.parametrize(
    ("work", "error_code"),
    [
        (_without(make_work(), "title"), 9022),
        (make_work(title="  "), 9022),
        (_without(make_work(), "type"), 9037),
        (make_work(type="article-journal"), 9037),
        (make_work(**{"publication-date": {"year": {"value": "16"}}}), 9049),
        (make_work(**{"publication-date": {"year": {"value": "2016"}, "month": {"value": "6"}}}), 9049),
        (
            make_work(
                **{
                    "publication-date": {
                        "year": {"value": "2016"},
                        "month": {"value": "06"},
                        "day": {"value": "5"},
                    }
                }
            ),
            9049,
        ),
        (
            make_work(
                **{
                    "publication-date": {
                        "year": {"value": "2016"},
                        "month": {"value": "02"},
                        "day": {"value": "30"},
                    }
                }
            ),
            9049,
        ),
        (make_work(**{"publication-date": {"year": {"value": "2016"}, "day": {"value": "05"}}}), 9049),
        (make_work(ids=[]), 9023),
        (make_work(ids=[ext("issn", "1234-5678", "part-of")]), 9023),
        (make_work(ids=[ext("not-a-type", "x")]), 9023),
        (make_work(ids=[ext("doi", "10.1/x", "sibling-of")]), 9023),
        (make_work(**{"put-code": 12345}), 9024),
        (
            make_work(
                contributors={"contributor": [{"contributor-attributes": {"contributor-role": "boss"}}]}
            ),
            9058,
        ),
    ],
)
def test_create_validation_errors(fake: OrcidFake, work: dict, error_code: int) -> None:
    assert_orcid_error(send(fake, "POST", f"/{ORCID}/work", work), 400, error_code)
    assert fake.works(ORCID) == []


def test_malformed_json_and_bulk_body_on_single_endpoint(fake: OrcidFake) -> None:
    assert_orcid_error(send(fake, "POST", f"/{ORCID}/work", "{not json"), 400, 9001)
    body = assert_orcid_error(send(fake, "POST", f"/{ORCID}/work", load("bulk-work-3.0.json")), 400)
    assert "argument type mismatch" in body["developer-message"]


def test_duplicate_from_same_source_is_409_9021_with_put_code(fake: OrcidFake) -> None:
    created = send(fake, "POST", f"/{ORCID}/work", make_work(ids=[doi("10.1109/CVPR.2016.90")]))
    put_code = created.headers["Location"].rsplit("/", 1)[1]
    again = send(
        fake,
        "POST",
        f"/{ORCID}/work",
        make_work("Other title", ids=[ext("doi", "https://doi.org/10.1109/cvpr.2016.90")]),
    )
    body = assert_orcid_error(again, 409, 9021)
    assert "You have already added this activity (matched by external identifiers)" in body["user-message"]
    assert put_code in body["developer-message"]
    assert len(fake.works(ORCID)) == 1


def test_same_id_from_other_sources_is_not_a_duplicate(fake: OrcidFake) -> None:
    fake.add_work(ORCID, make_work(), source="user")
    fake.add_work(ORCID, make_work(), source="crossref")
    assert send(fake, "POST", f"/{ORCID}/work", make_work()).status_code == 201
    # part-of ids never make a duplicate: two chapters of the same book.
    book = ext("isbn", "978-3-16-148410-0", "part-of")
    assert (
        send(fake, "POST", f"/{ORCID}/work", make_work("Ch 1", ids=[doi("10.1/c1"), book])).status_code == 201
    )
    assert (
        send(fake, "POST", f"/{ORCID}/work", make_work("Ch 2", ids=[doi("10.1/c2"), book])).status_code == 201
    )
    groups = get(fake, f"/{ORCID}/works").json()["group"]
    assert sorted(len(g["work-summary"]) for g in groups) == [1, 1, 3]


def test_bulk_create_reports_per_item_in_order(fake: OrcidFake) -> None:
    items = [
        {"work": make_work("Good", ids=[doi("10.1/good")])},
        {"work": make_work("Bad type", ids=[doi("10.1/bad")], type="nonsense")},
        {"work": make_work("Duplicate of first", ids=[doi("10.1/GOOD")])},
        {"work": make_work("Also good", ids=[doi("10.1/also")])},
    ]
    response = send(fake, "POST", f"/{ORCID}/works", {"bulk": items})
    assert response.status_code == 200
    bulk = response.json()["bulk"]
    assert [list(item) for item in bulk] == [["work"], ["error"], ["error"], ["work"]]
    assert bulk[0]["work"]["title"]["title"]["value"] == "Good"
    assert isinstance(bulk[0]["work"]["put-code"], int)
    assert (bulk[1]["error"]["response-code"], bulk[1]["error"]["error-code"]) == (400, 9037)
    assert (bulk[2]["error"]["response-code"], bulk[2]["error"]["error-code"]) == (409, 9021)
    assert str(bulk[0]["work"]["put-code"]) in bulk[2]["error"]["developer-message"]
    assert len(fake.works(ORCID)) == 2


def test_bulk_create_with_orcid_samples(fake: OrcidFake) -> None:
    # bulk-work-3.0.json: the second work only has a part-of ISBN → refused (v3.0 needs a self id).
    bulk = send(fake, "POST", f"/{ORCID}/works", load("bulk-work-3.0.json")).json()["bulk"]
    assert [list(item) for item in bulk] == [["work"], ["error"]]
    # bulk-works-3-works-3.0.json uses bare strings for url/subtitle: stored in object form.
    bulk = send(fake, "POST", f"/{ORCID}/works", load("bulk-works-3-works-3.0.json")).json()["bulk"]
    created = [item["work"] for item in bulk if "work" in item]
    assert created, bulk
    for work in created:
        assert work["url"] is None or isinstance(work["url"], dict)
        subtitle = work["title"]["subtitle"]
        assert subtitle is None or isinstance(subtitle, dict)


def test_bulk_create_limit_is_100_then_413(fake: OrcidFake) -> None:
    items = [{"work": make_work(f"W{i}", ids=[doi(f"10.1/{i}")])} for i in range(101)]
    assert_orcid_error(send(fake, "POST", f"/{ORCID}/works", {"bulk": items}), 413)
    assert fake.works(ORCID) == []
    response = send(fake, "POST", f"/{ORCID}/works", {"bulk": items[:100]})
    assert response.status_code == 200 and all("work" in i for i in response.json()["bulk"])


def test_update_work_rules(fake: OrcidFake) -> None:
    location = send(fake, "POST", f"/{ORCID}/work", make_work()).headers["Location"]
    pc = int(location.rsplit("/", 1)[1])
    updated = make_work("New title", **{"put-code": pc})
    # Body put-code must match the URL.
    mismatch = send(fake, "PUT", f"/{ORCID}/work/{pc}", make_work("x"))
    assert (
        "whereas the one in the body was null" in assert_orcid_error(mismatch, 400, 9019)["developer-message"]
    )
    assert_orcid_error(
        send(fake, "PUT", f"/{ORCID}/work/{pc}", make_work("x", **{"put-code": pc + 1})), 400, 9019
    )
    # Visibility cannot be changed through the API.
    assert_orcid_error(
        send(fake, "PUT", f"/{ORCID}/work/{pc}", {**updated, "visibility": "private"}), 403, 9035
    )
    # Invalid content is still validated.
    assert_orcid_error(send(fake, "PUT", f"/{ORCID}/work/{pc}", {**updated, "type": "bogus"}), 400, 9037)
    response = send(fake, "PUT", f"/{ORCID}/work/{pc}", updated)
    assert response.status_code == 200
    assert response.json()["title"]["title"]["value"] == "New title"
    assert response.json()["last-modified-date"]["value"] > response.json()["created-date"]["value"]
    assert fake.get_work(ORCID, pc)["title"]["title"]["value"] == "New title"
    assert_orcid_error(send(fake, "PUT", f"/{ORCID}/work/424242", {**updated, "put-code": 424242}), 404, 9016)


def test_update_into_duplicate_of_own_work_is_409(fake: OrcidFake) -> None:
    send(fake, "POST", f"/{ORCID}/work", make_work("A", ids=[doi("10.1/a")]))
    pc_b = int(
        send(fake, "POST", f"/{ORCID}/work", make_work("B", ids=[doi("10.1/b")]))
        .headers["Location"]
        .rsplit("/", 1)[1]
    )
    clash = make_work("B", ids=[doi("10.1/A")], **{"put-code": pc_b})
    assert_orcid_error(send(fake, "PUT", f"/{ORCID}/work/{pc_b}", clash), 409, 9021)


def test_only_the_source_may_update_or_delete(fake: OrcidFake) -> None:
    theirs = fake.add_work(ORCID, make_work(), source="crossref")
    users = fake.add_work(ORCID, make_work("User's", ids=[doi("10.1/u")]), source="user")
    for pc in (theirs, users):
        body = assert_orcid_error(
            send(fake, "PUT", f"/{ORCID}/work/{pc}", make_work(**{"put-code": pc})), 403, 9010
        )
        assert "not the source" in body["user-message"]
        assert_orcid_error(send(fake, "DELETE", f"/{ORCID}/work/{pc}", None), 403, 9010)
    assert len(fake.works(ORCID)) == 2


def test_delete_own_work(fake: OrcidFake) -> None:
    pc = fake.add_work(ORCID, make_work(), source=CLIENT)
    response = send(fake, "DELETE", f"/{ORCID}/work/{pc}", None)
    assert response.status_code == 204 and response.content == b""
    assert_orcid_error(get(fake, f"/{ORCID}/work/{pc}"), 404, 9016)
    assert_orcid_error(send(fake, "DELETE", f"/{ORCID}/work/{pc}", None), 404, 9016)


def test_created_work_gets_the_records_default_visibility() -> None:
    with OrcidFake() as server:
        server.add_record(ORCID, name="Shy Person", default_visibility="limited")
        server.add_token(TOKEN, ORCID, CLIENT)
        pc = int(
            send(server, "POST", f"/{ORCID}/work", {**make_work(), "visibility": "public"})
            .headers["Location"]
            .rsplit("/", 1)[1]
        )
        assert server.get_work(ORCID, pc)["visibility"] == "limited"
        assert summaries(get(server, f"/{ORCID}/works").json()) == []


# ---------------------------------------------------------------------------------------------
# Authentication and scopes
# ---------------------------------------------------------------------------------------------


def test_write_without_token_is_401(fake: OrcidFake) -> None:
    response = send(fake, "POST", f"/{ORCID}/work", make_work(), token=None)
    assert response.status_code == 401
    assert response.json()["error"] == "unauthorized"


def test_invalid_token_is_401_even_on_reads(fake: OrcidFake) -> None:
    for response in (
        send(fake, "POST", f"/{ORCID}/work", make_work(), token="nope"),
        get(fake, f"/{ORCID}/works", token="nope"),
    ):
        assert response.status_code == 401
        assert response.json()["error"] == "invalid_token"


def test_wrong_scope_is_403_and_wrong_record_is_401(fake: OrcidFake) -> None:
    fake.add_token("read-only", ORCID, CLIENT, scopes=("/read-limited",))
    assert_orcid_error(send(fake, "POST", f"/{ORCID}/work", make_work(), token="read-only"), 403)
    assert_orcid_error(send(fake, "POST", f"/{OTHER_ORCID}/work", make_work()), 401, 9017)
    assert fake.works(ORCID) == [] and fake.works(OTHER_ORCID) == []


# ---------------------------------------------------------------------------------------------
# Instrumentation and faults
# ---------------------------------------------------------------------------------------------


def test_request_log_and_counts(fake: OrcidFake) -> None:
    get(fake, f"/{ORCID}/works")
    send(fake, "POST", f"/{ORCID}/work", make_work())
    send(fake, "POST", f"/{ORCID}/work", make_work())
    assert [(e.method, e.path, e.status) for e in fake.log] == [
        ("GET", f"/v3.0/{ORCID}/works", 200),
        ("POST", f"/v3.0/{ORCID}/work", 201),
        ("POST", f"/v3.0/{ORCID}/work", 409),
    ]
    assert fake.log[1].body["title"]["title"]["value"] == "Deep residual learning"
    assert fake.count() == 3
    assert fake.count("POST") == 2
    assert fake.count("POST", r"/work$", status=409) == 1
    assert fake.count(path_regex=r"/works$") == 1
    fake.reset_log()
    assert fake.log == [] and fake.count() == 0


def test_fail_injects_status_then_recovers(fake: OrcidFake) -> None:
    fake.fail("GET", r"/works$", status=503, times=2)
    assert_orcid_error(get(fake, f"/{ORCID}/works"), 503)
    assert get(fake, f"/{ORCID}/person").status_code == 200  # other paths unaffected
    assert_orcid_error(get(fake, f"/{ORCID}/works"), 503)
    assert get(fake, f"/{ORCID}/works").status_code == 200
    fake.fail("POST", r"/work$", status=500)
    assert_orcid_error(send(fake, "POST", f"/{ORCID}/work", make_work()), 500)
    assert fake.works(ORCID) == []  # a plain failure is not processed
    assert [e.status for e in fake.log] == [503, 200, 503, 200, 500]


def test_fail_forever_until_cleared(fake: OrcidFake) -> None:
    fake.fail("*", r".", status=500, times=None)
    for _ in range(3):
        assert get(fake, f"/{ORCID}/works").status_code == 500
    fake.clear_faults()
    assert get(fake, f"/{ORCID}/works").status_code == 200


def test_burst_limit_answers_503_within_a_sliding_second(fake: OrcidFake) -> None:
    fake.burst_limit(3)
    statuses = [get(fake, f"/{ORCID}/works").status_code for _ in range(5)]
    assert statuses == [200, 200, 200, 503, 503]
    time.sleep(1.1)
    assert get(fake, f"/{ORCID}/works").status_code == 200
    fake.burst_limit(None)
    assert all(get(fake, f"/{ORCID}/works").status_code == 200 for _ in range(6))


def test_slow_makes_client_time_out_once(fake: OrcidFake) -> None:
    fake.slow("GET", r"/works$", seconds=1.0)
    # The Timeout itself shows the client gave up before the fake answered; no wall-clock bound, which a
    # loaded 2-core machine can miss.
    with pytest.raises(requests.Timeout):
        requests.get(f"{fake.api_url}/{ORCID}/works", headers={"Accept": ORCID_JSON}, timeout=0.3)
    assert get(fake, f"/{ORCID}/works").status_code == 200


def test_drop_closes_connection_without_response(fake: OrcidFake) -> None:
    fake.drop("POST", r"/work$")
    with pytest.raises(requests.ConnectionError):
        send(fake, "POST", f"/{ORCID}/work", make_work())
    assert fake.works(ORCID) == []  # dropped before processing
    assert fake.log[-1].status is None
    assert send(fake, "POST", f"/{ORCID}/work", make_work()).status_code == 201


def test_fail_after_applies_the_write_but_loses_the_response(fake: OrcidFake) -> None:
    fake.fail_after("POST", r"/work$")  # default 502
    assert_orcid_error(send(fake, "POST", f"/{ORCID}/work", make_work()), 502)
    [stored] = fake.works(ORCID)  # ...yet the work exists
    # A client retrying blindly now meets the duplicate rule, which names the put-code.
    retry = assert_orcid_error(send(fake, "POST", f"/{ORCID}/work", make_work()), 409, 9021)
    assert str(stored["put-code"]) in retry["developer-message"]


def test_concurrent_reads_are_served(fake: OrcidFake) -> None:
    for i in range(20):
        fake.add_work(ORCID, make_work(f"W{i}", ids=[doi(f"10.1/{i}")]))
    results: list[int] = []

    def read() -> None:
        response = get(fake, f"/{ORCID}/works")
        results.append(len(response.json()["group"]))

    threads = [threading.Thread(target=read) for _ in range(16)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(TIMEOUT)
    assert results == [20] * 16
