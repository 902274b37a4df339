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
