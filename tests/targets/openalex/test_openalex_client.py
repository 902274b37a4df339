"""The OpenAlex client against the stand-in: request budget, faults, the API key, clear errors."""

from __future__ import annotations

import pytest
from tests.fakes import openalex_data
from tests.fakes.openalex_server import OpenAlexFake

from profilebot.errors import TargetError
from profilebot.targets import session
from profilebot.clients.openalex import OpenAlexClient


def client(fake, **kwargs) -> OpenAlexClient:
    return OpenAlexClient(fake.url, policy=session.POLICY, **kwargs)


def test_two_hundred_works_cost_one_list_call_with_select_and_cursor(sleeps):
    with OpenAlexFake() as fake:
        openalex_data.many_works(fake, 200)
        works = client(fake).works_of("A5000000200")
        assert len(works) == 200 and fake.list_calls() == 1
        sent = fake.requests(r"^/works\?")[0]
        assert sent.param("per-page") == "200" and sent.param("cursor") == "*"
        assert set(sent.param("select").split(",")) == set(works[0])  # only the fields profilebot reads


def test_a_server_that_pages_by_100_is_followed_by_its_cursor(sleeps):
    with OpenAlexFake(max_per_page=100) as fake:
        openalex_data.many_works(fake, 200)
        http = client(fake)
        assert len(http.works_of(http.author("A5000000200")["id"])) == 200
        assert fake.list_calls() == 2 and len(fake.log) == 3  # the author check + two pages: within 3


def test_doi_lookups_are_batched_fifty_per_request(sleeps):
    with OpenAlexFake() as fake:
        openalex_data.many_works(fake, 120)
        found = client(fake).works_by_doi([f"10.5555/ENGINE.{i}" for i in range(120)] + ["10.5555/none", "10.1/a,b"])
        assert len(found) == 120 and fake.list_calls() == 3
        assert [len(r.param("filter").split("|")) for r in fake.requests(r"^/works\?")] == [50, 50, 21]


def test_429_with_retry_after_is_survived(openalex, sleeps):
    openalex.fail(r"^/works\?", 429, times=2, retry_after=7)
    assert len(client(openalex).works_of(openalex_data.AUTHOR)) == 16
    assert sleeps == [7, 7]  # Retry-After honoured exactly, twice


def test_a_key_over_its_daily_allowance_says_so_and_when_it_resets(openalex, sleeps):
    openalex.fail(r"^/works\?", 429, times=10)
    with pytest.raises(TargetError) as raised:
        client(openalex, api_key="k3y").works_of(openalex_data.AUTHOR)
    assert "daily allowance" in str(raised.value) and "midnight UTC" in str(raised.value)
    openalex.fail(r"^/works\?", 429, times=10)
    with pytest.raises(TargetError) as raised:  # without a key, the fix is a key
        client(openalex).works_of(openalex_data.AUTHOR)
    assert "Set OPENALEX_API_KEY" in str(raised.value)


def test_5xx_and_a_dropped_connection_are_retried(openalex, sleeps):
    openalex.fail(r"^/works\?", 503, times=1)
    openalex.drop(r"^/works\?", times=1)
    assert len(client(openalex).works_of(openalex_data.AUTHOR)) == 16
    assert openalex.list_calls() == 3 and len(sleeps) == 2


def test_persistent_5xx_gives_up_with_one_line(openalex, sleeps):
    openalex.fail(r"^/works\?", 500, times=10)
    with pytest.raises(TargetError) as raised:
        client(openalex).works_of(openalex_data.AUTHOR)
    assert "OpenAlex failed while trying to read the works of OpenAlex author" in raised.value.message
    assert "after retries" in raised.value.message


def test_the_api_key_is_sent_as_a_parameter_and_never_shown(openalex, sleeps):
    key = "oa-key-0123456789abcdef"
    openalex.fail(r"^/works\?", 403, times=1, body={"error": "Invalid API key", "message": f"bad key {key}"})
    with pytest.raises(TargetError) as raised:
        client(openalex, api_key=key, mailto="ada@example.org").works_of(openalex_data.AUTHOR)
    sent = openalex.requests(r"^/works\?")[0]
    assert sent.param("api_key") == key and sent.param("mailto") == "ada@example.org"
    assert key not in str(raised.value) and "OPENALEX_API_KEY" in str(raised.value)


def test_an_unreachable_api_is_one_clear_error(sleeps):
    with OpenAlexFake() as fake:
        url = fake.url
    with pytest.raises(TargetError) as raised:
        OpenAlexClient(url, api_key="secret-key-123", policy=session.POLICY).works_of("A1")
    assert "Could not reach OpenAlex" in raised.value.message and "refused" in raised.value.message
    assert "secret-key-123" not in str(raised.value) and "OPENALEX_API_URL" in str(raised.value)
    assert sleeps == []  # nothing listens: no point retrying


def test_keyless_allowance_spent_is_a_rate_limit_error_naming_the_key(sleeps):
    with OpenAlexFake(keyless_list_calls=0) as fake:
        openalex_data.seed(fake)
        with pytest.raises(TargetError) as raised:
            client(fake).works_of(openalex_data.AUTHOR)
    assert "rate-limited" in raised.value.message and "OPENALEX_API_KEY" in str(raised.value)


def test_a_merged_author_is_followed_to_its_new_id(openalex, sleeps):
    openalex.merged["A1111111111"] = openalex_data.AUTHOR
    assert client(openalex).author("A1111111111")["display_name"] == "Hanxian Huang"


def test_an_orcid_without_author_is_a_clear_error(openalex, sleeps):
    with pytest.raises(TargetError) as raised:
        client(openalex).author("0000-0001-5109-3700")
    assert raised.value.message == "OpenAlex has no author with ORCID iD 0000-0001-5109-3700."


def test_a_page_that_is_not_a_list_of_works_is_one_clear_error(openalex, sleeps):
    openalex.fail(r"^/works\?", 200, times=1, body={"meta": "oops", "results": "nope"})
    with pytest.raises(TargetError) as raised:
        client(openalex).works_of(openalex_data.AUTHOR)
    message = raised.value.message
    assert message.startswith("OpenAlex's answer to 'read the works of OpenAlex author") and "documented shape" in message
    assert "results should be a list, not the text 'nope'" in message and "OPENALEX_API_URL" in raised.value.hint


def test_an_answer_that_is_not_an_author_is_one_clear_error(openalex, sleeps):
    openalex.fail(r"^/authors/", 200, times=1, body=["not", "an", "author"])
    with pytest.raises(TargetError) as raised:
        client(openalex).author(openalex_data.AUTHOR)
    assert "should be an object, not a list of 3" in raised.value.message
