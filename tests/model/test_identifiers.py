"""Identifier normalisation and checksums: the published ORCID vectors and properties that must always hold."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from profilebot.model.identifiers import (
    is_doi,
    isbn_ok,
    normalize_arxiv,
    normalize_doi,
    normalize_isbn,
    orcid_checksum_ok,
    orcid_path,
    parse_patent_number,
)

# reference/formats-apis.md §1.2: verified iDs, including ones ending in X.
ORCID_VALID = ["0000-0002-1825-0097", "0000-0001-5109-3700", "0000-0002-1694-233X", "0000-0003-4925-7248",
               "0000-0002-9079-593X"]


@pytest.mark.parametrize("orcid", ORCID_VALID)
def test_orcid_vectors_pass_in_every_accepted_form(orcid):
    for form in (orcid, f"https://orcid.org/{orcid}", f"http://orcid.org/{orcid}", f"orcid.org/{orcid}"):
        assert orcid_checksum_ok(form), form
        assert orcid_path(form) == orcid


def test_orcid_failing_vector_and_malformed_ids():
    assert not orcid_checksum_ok("0000-0002-1825-0098")
    assert not orcid_checksum_ok("0000-0002-1825-009")
    assert not orcid_checksum_ok("0000000218250097")
    assert orcid_path("https://example.org/0000-0002-1825-0097") is None


@given(st.text(alphabet="0123456789", min_size=15, max_size=15))
def test_exactly_one_check_character_fits_any_fifteen_digits(digits):
    base = f"{digits[:4]}-{digits[4:8]}-{digits[8:12]}-{digits[12:15]}"
    assert sum(orcid_checksum_ok(base + check) for check in "0123456789X") == 1


def test_doi_normalisation_strips_resolvers_and_lowercases():
    assert normalize_doi("https://doi.org/10.1109/CVPR.2016.90") == "10.1109/cvpr.2016.90"
    assert normalize_doi("doi:10.1145/3589334.") == "10.1145/3589334"
    assert normalize_doi("10.1000/a&amp;b") == "10.1000/a&b"
    assert normalize_doi("not a doi") is None
    assert is_doi("10.1145/3589334") and not is_doi("https://doi.org/10.1145/3589334")


@given(st.from_regex(r"10\.[0-9]{4,9}/[A-Za-z0-9._;()/:-]{1,30}", fullmatch=True),
       st.sampled_from(["", "doi:", "https://doi.org/", "http://dx.doi.org/", " "]))
def test_doi_normalisation_is_idempotent_and_ignores_the_prefix(doi, prefix):
    once = normalize_doi(prefix + doi)
    assert once is not None
    assert normalize_doi(once) == once
    assert once == normalize_doi(doi)


@given(st.text(max_size=40))
def test_doi_normalisation_never_crashes_and_is_idempotent(text):
    once = normalize_doi(text)
    assert once is None or normalize_doi(once) == once


def test_arxiv_normalisation():
    assert normalize_arxiv("arXiv:2401.01234v2") == "2401.01234"
    assert normalize_arxiv("https://arxiv.org/abs/2401.01234") == "2401.01234"
    assert normalize_arxiv("https://arxiv.org/pdf/hep-th/9901001v1") == "hep-th/9901001"
    assert normalize_arxiv("nothing here") is None


@given(st.from_regex(r"[0-9]{4}\.[0-9]{4,5}(v[1-9])?", fullmatch=True), st.sampled_from(["", "arXiv:",
       "https://arxiv.org/abs/"]))
def test_arxiv_normalisation_is_idempotent(identifier, prefix):
    once = normalize_arxiv(prefix + identifier)
    assert once is not None and normalize_arxiv(once) == once


def test_isbn_check_digits():
    assert isbn_ok("978-0-306-40615-7") and isbn_ok("0-306-40615-2") and isbn_ok("080442957X")
    assert not isbn_ok("978-0-306-40615-6") and not isbn_ok("0-306-40615-3") and not isbn_ok("12345")


@given(st.text(alphabet="0123456789", min_size=12, max_size=12))
def test_exactly_one_isbn13_check_digit_fits(digits):
    assert sum(isbn_ok(digits + d) for d in "0123456789") == 1


@given(st.text(alphabet="0123456789- ", max_size=20))
def test_isbn_normalisation_is_idempotent(text):
    once = normalize_isbn(text)
    assert normalize_isbn(once) == once
    assert isbn_ok(text) == isbn_ok(once)


@pytest.mark.parametrize(("number", "parts"), [
    ("US11928446B2", ("US", "11928446", "B2")), ("CN108765282B", ("CN", "108765282", "B")),
    ("US 11,928,446 B2", ("US", "11928446", "B2")), ("ep1234567a1", ("EP", "1234567", "A1")),
    ("US17123456", ("US", "17123456", "")), ("11928446", None), ("Patent pending", None)])
def test_patent_numbers(number, parts):
    assert parse_patent_number(number) == parts
