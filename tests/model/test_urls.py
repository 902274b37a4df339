"""The one link grammar (model.urls): what check refuses, what importers leave out, how outputs write a link."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from profilebot.model.urls import problem, written

# Issue 21's payloads: each passed `check` and ran script on an academicpages page printed raw into href.
PAYLOADS = ["https://ok.example/<svg/onload=window.pwned=1>",
            'https://ok.example/a"autofocus="autofocus"onfocus="window.pwned=1',
            "https://ok.example/`x`", "https://ok.example/{{x}}", "https://ok.example/a\u200bb",
            "https://ok.example/a\u202eb", "https://ok.example/a%zz", "https://ok.example/a b"]
REAL = ["https://arxiv.org/abs/2401.01234", "https://dl.acm.org/doi/10.1145/3589334",
        "https://www.semanticscholar.org/search?q=a%20b&sort=relevance#x", "http://x.org",
        "https://zh.wikipedia.org/wiki/北京", "https://example.org/~me/(draft).pdf;v=2", "https://example.org/~me/it%27s.pdf",
        "https://scholar.google.com/citations?user=abc&hl=en", "https://[2001:db8::1]:8080/a",
        "https://example.org/a?b=1#c"]


@pytest.mark.parametrize("url", PAYLOADS)
def test_characters_no_web_address_holds_are_an_error(url: str) -> None:
    assert "which no web address holds" in problem(url, absolute=True)


@pytest.mark.parametrize("url", PAYLOADS)
def test_outputs_write_them_percent_encoded(url: str) -> None:
    out = written(url)
    assert out is not None and out.startswith("https://ok.example/")
    assert not set(out) & set(" \"'<>`{}\u200b\u202e")


def test_a_single_quote_is_valid_but_written_encoded() -> None:
    assert problem("https://ok.example/a'onmouseover='x", absolute=True) is None
    assert written("https://ok.example/a'b") == "https://ok.example/a%27b"


@pytest.mark.parametrize("url", REAL)
def test_real_addresses_pass_and_are_written_unchanged(url: str) -> None:
    assert problem(url, absolute=True) is None
    assert written(url) == url


@pytest.mark.parametrize(("url", "words"), [
    ("javascript:alert(1)", "runs code"), (" JaVa\tScRiPt:alert(1)", "runs code"), ("data:text/html,x", "runs code"),
    ("file:///etc/passwd", "not a web address"), ("hhttps://arxiv.org/pdf/2402.00838", "not a web address"),
    ("hanxian97.github.io", "no https://"), ("https://", "names no host"), ("https://:80/x", "names no host"),
    ("//evil.example/x.js", "starts with '//'"), ("https://[::1/x", "names no host")])
def test_wrong_schemes_and_hosts(url: str, words: str) -> None:
    assert words in problem(url, absolute=True)


def test_site_paths_may_hold_spaces_but_no_markup() -> None:
    assert problem("assets/pdf/2020 Tan. NasN JBC.pdf", absolute=False) is None
    assert written("assets/pdf/2020 Tan. NasN JBC.pdf") == "assets/pdf/2020%20Tan.%20NasN%20JBC.pdf"
    assert "'<'" in problem("files/<img src=x onerror=1>.pdf", absolute=False)


@given(st.text(max_size=60))
def test_a_written_link_is_always_inert_in_any_attribute(text: str) -> None:
    out = written("https://ok.example/" + text)
    assert out is None or not set(out) & set(" \"<>`\\\t\n\r")
    assert out is None or written(out) == out  # writing twice changes nothing
