"""Injection suite, academicpages: hostile titles, notes and venues built by real Jekyll with the theme's
own filters (`title | markdownify`, `excerpt | markdownify`, venue and citation raw) and opened in headless
Chromium: no script runs, no element or link is injected, nothing is requested from anywhere else."""

from __future__ import annotations

import functools
import json
import http.server
import threading
from pathlib import Path

import pytest

from profilebot.model.profile import Profile
from tests.render.site.headless_chromium import BINARY, Browser
from tests.render.site.injections import INJECTIONS, injected
from tests.render.site.test_academicpages import _jekyll_build, shown

pytestmark = [pytest.mark.jekyll, pytest.mark.browser]

# Anything a hostile string could have turned into live markup inside the page's content.
LIVE = ("a[href^='javascript' i], img, script, iframe, object, embed, [onerror], [onmouseover], [onclick], "
        "[onload], .title *, .excerpt :not(p), .venue *")


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args: object) -> None:
        pass


def test_hostile_strings_stay_text_in_real_jekyll_and_chromium(default_profile: Profile, tmp_path: Path) -> None:
    if BINARY is None:
        pytest.skip("Debian's chromium is not installed (apt-get install -y chromium)")
    profile = injected(default_profile)
    built = _jekyll_build(profile, tmp_path / "site")
    pages = sorted((built / "publication").rglob("*.html"))
    assert len(pages) == len(INJECTIONS)
    seen = {shown(page.read_text("utf-8"), "h1") for page in pages}
    assert seen == set(INJECTIONS)  # each title reads exactly as typed, with no markup inside
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(built)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    browser = Browser()
    checked = 0
    try:
        origin = f"http://127.0.0.1:{server.server_address[1]}/"
        for page in pages:
            browser.requests.clear()
            url = origin + page.relative_to(built).as_posix()
            browser.open(url)
            answer = browser.call("Runtime.evaluate", {"returnByValue": True, "expression": (
                f"JSON.stringify({{pwned: typeof window.pwned, live: document.querySelectorAll({json.dumps(LIVE)})"
                ".length})")})
            result = json.loads(answer["result"]["value"])
            assert result == {"pwned": "undefined", "live": 0}, (page.name, result)
            assert all(r.startswith(origin) for r in browser.requests), browser.requests
            checked += 1
    finally:
        browser.close()
        server.shutdown()
        server.server_close()
    print(f"academicpages injection suite: {checked} pages, {len(INJECTIONS)} hostile strings, {checked} passed")


# The theme's link printing (_includes/archive-single.html, _layouts/single.html): paperurl and slidesurl go
# straight into a double-quoted href, with no escaping at all.
LINK_LAYOUT = """<!DOCTYPE html>
<html><head><title>{{ page.title | strip_html }}</title></head>
<body>
<h1 class="title">{{ page.title | markdownify | remove: "<p>" | remove: "</p>" | strip }}</h1>
{% if page.paperurl %}<p><a class="paper" href="{{ page.paperurl }}">Download Paper</a></p>{% endif %}
{% if page.slidesurl %}<p><a class="slides" href="{{ page.slidesurl }}">Download Slides</a></p>{% endif %}
</body></html>
"""
# Issue 21's payloads: links and a DOI that check accepted, which ran script after a real Jekyll build.
LINK_PAYLOADS = ("https://ok.example/<svg/onload=window.pwned=1>",
                 'https://ok.example/a"autofocus="autofocus"onfocus="window.pwned=1',
                 "https://ok.example/a'onmouseover='window.pwned=1",
                 'files/x"onfocus="window.pwned=1"autofocus="autofocus.pdf')
# A real SICI DOI holds '<' and '>' (and is linked, encoded); the other two are markup (and are not linked).
DOI_PAYLOADS = ("10.1002/(SICI)1097-4571(199806)49:8<693::AID-ASI4>3.0.CO;2-0", "10.1234/x<svg/onload=window.pwned=1>",
                '10.1234/a"autofocus="autofocus"onfocus="window.pwned=1')


def _with_hostile_links(profile: Profile) -> Profile:
    import dataclasses

    papers = []
    for index, paper in enumerate(profile.publications[: len(LINK_PAYLOADS) + len(DOI_PAYLOADS)]):
        if index < len(LINK_PAYLOADS):
            payload = LINK_PAYLOADS[index]
            papers.append(dataclasses.replace(paper, url=None, links={"pdf": payload, "slides": payload}))
        else:  # a DOI-only paper: the adapter links its doi.org address as paperurl
            papers.append(dataclasses.replace(paper, url=None, links={}, doi=DOI_PAYLOADS[index - len(LINK_PAYLOADS)]))
    return dataclasses.replace(profile, publications=tuple(papers))


def test_hostile_links_and_dois_run_nothing_in_real_jekyll_and_chromium(default_profile: Profile,
                                                                         tmp_path: Path) -> None:
    import shutil
    import subprocess

    from profilebot.render.site import academicpages
    from tests.render.site.support import write
    from tests.render.site.test_academicpages import CONFIG

    if BINARY is None:
        pytest.skip("Debian's chromium is not installed (apt-get install -y chromium)")
    if shutil.which("jekyll") is None:
        pytest.skip("Debian's jekyll is not installed (apt-get install -y jekyll)")
    profile = _with_hostile_links(default_profile)
    assert len(profile.publications) == len(LINK_PAYLOADS) + len(DOI_PAYLOADS)
    folder = tmp_path / "site"
    (folder / "_layouts").mkdir(parents=True)
    (folder / "_layouts" / "single.html").write_text(LINK_LAYOUT, "utf-8")
    (folder / "_config.yml").write_text(CONFIG, "utf-8")
    write(academicpages.render(profile, {}), folder)
    result = subprocess.run(["jekyll", "build", "--safe", "--source", str(folder), "--destination",
                             str(folder / "_site")], capture_output=True, text=True, timeout=240)
    assert result.returncode == 0, result.stdout + result.stderr
    built = folder / "_site"
    pages = sorted((built / "publication").rglob("*.html"))
    assert len(pages) == len(profile.publications)
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(built)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    browser = Browser()
    hrefs: list[str] = []
    try:
        origin = f"http://127.0.0.1:{server.server_address[1]}/"
        for page in pages:
            browser.requests.clear()
            browser.open(origin + page.relative_to(built).as_posix())
            answer = browser.call("Runtime.evaluate", {"returnByValue": True, "expression": (
                "JSON.stringify({pwned: typeof window.pwned, links: [...document.querySelectorAll('a')].map("
                "a => [a.className, a.attributes.length, a.getAttribute('href')]), "
                "live: document.querySelectorAll('svg, img, script, [onload], [onfocus], [onmouseover], "
                "[autofocus]').length})")})
            seen = json.loads(answer["result"]["value"])
            assert seen["pwned"] == "undefined" and seen["live"] == 0, (page.name, seen)
            # Every link is one element with one attribute besides its class: the href, whole.
            assert all(count == 2 for _, count, _ in seen["links"]), (page.name, seen)
            hrefs += [href for _, _, href in seen["links"]]
            assert all(r.startswith(origin) for r in browser.requests), browser.requests
    finally:
        browser.close()
        server.shutdown()
        server.server_close()
    assert "https://ok.example/%3Csvg/onload=window.pwned=1%3E" in hrefs
    # ... in the case it is written (DOIs are case-insensitive; a lower-cased one is drift noise).
    assert "https://doi.org/10.1002/(SICI)1097-4571(199806)49:8%3C693::AID-ASI4%3E3.0.CO;2-0" in hrefs
    assert len(hrefs) == 2 * len(LINK_PAYLOADS) + 1  # a DOI that is markup gets no link at all
    assert all('"' not in href and "<" not in href and "'" not in href for href in hrefs)
    print(f"academicpages link injection: {len(pages)} pages, {len(hrefs)} links, no script ran")
