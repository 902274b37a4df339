"""Which links the site adapters print, slugs for file names, JSON that cannot close its <script>."""

from __future__ import annotations

import json

import pytest

from profilebot.render.site.safety import json_for_html, known, safe_url, slugify


@pytest.mark.parametrize("url", ["https://example.org/a?b=1#c", "http://x.org", "mailto:me@example.org",
                                 "papers/x.pdf", "../cv.html", "#top", "/files/a.pdf", "HTTPS://EXAMPLE.ORG"])
def test_http_mailto_and_relative_links_are_kept(url: str) -> None:
    assert safe_url(url) == url


@pytest.mark.parametrize("url", ["javascript:alert(1)", " JavaScript:alert(1)", "data:text/html,<b>", "vbscript:x",
                                 "file:///etc/passwd", "//evil.example.com/x.js", "tel:+1858", "https:nohost",
                                 "java\nscript:alert(1)", "", None, "\\\\evil\\share"])
def test_other_schemes_and_protocol_relative_links_are_dropped(url: str | None) -> None:
    assert safe_url(url) is None


def test_slugs_are_ascii_file_names() -> None:
    assert slugify("SIBYL: Forecasting Time-Evolving Query Workloads") == "sibyl-forecasting-time-evolving-query-workloads"
    assert slugify("Camacho-Rodríguez über") == "camacho-rodriguez-uber"
    assert slugify("{{ }}") == "untitled"
    assert len(slugify("word " * 40)) <= 60


def test_json_ld_cannot_end_its_script_element() -> None:
    text = json_for_html({"name": "</script><script>alert(1)</script> & more"})
    assert "</script>" not in text and "<" not in text and "&" not in text
    assert json.loads(text) == {"name": "</script><script>alert(1)</script> & more"}


def test_unknown_markers_read_as_missing() -> None:
    assert known("unknown") is None and known("  ") is None and known(None) is None
    assert known("Beijing, China") == "Beijing, China"
