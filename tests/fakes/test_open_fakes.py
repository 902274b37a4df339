"""The OpenAlex, Crossref and DBLP stand-ins behave as the documented services do (shapes, limits, errors)."""

from __future__ import annotations

import json

import requests

from tests.fakes import openalex_data
from tests.fakes.crossref_server import CrossrefFake, message
from tests.fakes.openalex_server import OpenAlexFake
from tests.paths import FIXTURES


def test_openalex_list_envelope_cursor_and_select():
    with OpenAlexFake(max_per_page=10) as fake:
        openalex_data.seed(fake)
        first = requests.get(f"{fake.url}/works", params={"filter": f"author.id:{openalex_data.AUTHOR}",
                                                          "per-page": "200", "cursor": "*",
                                                          "select": "id,doi"}, timeout=5).json()
        assert set(first) == {"meta", "results", "group_by"}
        assert set(first["meta"]) == {"count", "db_response_time_ms", "page", "per_page", "next_cursor",
                                      "groups_count"}
        assert (first["meta"]["count"], first["meta"]["per_page"], first["meta"]["page"]) == (16, 10, None)
        assert all(set(r) == {"id", "doi"} for r in first["results"])
        second = requests.get(f"{fake.url}/works", params={"filter": f"author.id:{openalex_data.AUTHOR}",
                                                           "per_page": "10", "cursor": first["meta"]["next_cursor"]},
                              timeout=5).json()
        assert len(second["results"]) == 6
        last = requests.get(f"{fake.url}/works", params={"filter": f"author.id:{openalex_data.AUTHOR}",
                                                         "cursor": second["meta"]["next_cursor"]}, timeout=5).json()
        assert last["results"] == [] and last["meta"]["next_cursor"] is None


def test_openalex_refuses_what_the_real_api_refuses():
    with OpenAlexFake() as fake:
        nested = requests.get(f"{fake.url}/works", params={"select": "primary_location.source"}, timeout=5)
        assert nested.status_code == 400 and "select" in nested.json()["message"]
        many = requests.get(f"{fake.url}/works", params={"filter": "doi:" + "|".join(f"10.1/{i}" for i in range(51))},
                            timeout=5)
        assert many.status_code == 400 and "50" in many.json()["message"]
        unknown = requests.get(f"{fake.url}/authors/A1", timeout=5)
        assert unknown.status_code == 404 and set(unknown.json()) == {"error", "message"}


def test_openalex_work_shape_has_every_field_profilebot_selects():
    from profilebot.importers.openalex import FIELDS

    record = openalex_data.default_profile_works()[0]
    assert set(FIELDS) <= set(record)
    authorship = record["authorships"][1]
    assert set(authorship) >= {"author_position", "author", "raw_author_name", "institutions"}
    assert set(authorship["author"]) == {"id", "display_name", "orcid"}


def test_crossref_work_and_work_list_follow_the_real_shape():
    real = json.loads((FIXTURES / "crossref" / "work-pssc.201200953.json").read_text("utf-8"))
    with CrossrefFake() as fake:
        fake.add(real["message"])
        fake.add(message("10.5555/a", "A", 2020, [("Ada", "Lovelace")], "Journal"))
        one = requests.get(f"{fake.url}/works/10.1002/PSSC.201200953", timeout=5)
        assert one.json() == real and one.headers["x-rate-limit-limit"] == "50"
        listed = requests.get(f"{fake.url}/works", params={"filter": "doi:10.5555/a,doi:10.1002/pssc.201200953"},
                              timeout=5).json()
        assert listed["message-type"] == "work-list" and listed["message"]["total-results"] == 2
        missing = requests.get(f"{fake.url}/works/10.5555/none", timeout=5)
        assert (missing.status_code, missing.text) == (404, "Resource not found.")
    shared = {"DOI", "title", "author", "container-title", "issued", "type", "published-print"} - {"published-print"}
    assert shared <= set(message("10.5555/b", "B", 2021, [], None)) and shared <= set(real["message"])
