"""The lab's site in real headless chromium: the filters by year and member, links, no outside requests."""

from __future__ import annotations

import pytest

from profilebot.lab import site
from tests.lab.support import loaded
from tests.render.site.headless_chromium import BINARY, Browser
from tests.render.site.headless_chromium import served as served_on_localhost
from tests.render.site.support import write

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory):
    if BINARY is None:
        pytest.skip("Debian's chromium is not installed (apt-get install -y chromium)")
    lab, profiles = loaded(tmp_path_factory.mktemp("lab"))
    folder = write(site.render(lab, profiles), tmp_path_factory.mktemp("lab-site"))
    with served_on_localhost(str(folder)) as (base, browser):
        yield base, browser


def _evaluate(browser: Browser, expression: str):
    return browser.call("Runtime.evaluate", {"expression": expression, "returnByValue": True})["result"]["value"]


VISIBLE = ("Array.from(document.querySelectorAll('li.paper')).filter(p => p.offsetParent !== null)"
           ".map(p => p.querySelector('.paper-title').textContent.trim())")


def _choose(browser: Browser, select: str, value: str) -> None:
    _evaluate(browser, f"(() => {{ const s = document.getElementById('{select}'); s.value = '{value}';"
                       " s.dispatchEvent(new Event('change')); return true; })()")


def test_the_filters_show_one_members_or_one_years_works(served):
    base, browser = served
    browser.requests.clear()
    html = browser.open(base + "publications.html")
    assert "hidden" not in html.split('class="filters"')[1].split(">")[0]  # the script showed the form
    assert _evaluate(browser, VISIBLE) == ["A paper of Bob alone", "Shared Work: Learning Systems"]
    _choose(browser, "filter-member", "cy")
    assert _evaluate(browser, VISIBLE) == ["Shared Work: Learning Systems"]
    assert _evaluate(browser, "document.getElementById('filter-count').textContent") == "1 of 2 publications"
    _choose(browser, "filter-member", "")
    _choose(browser, "filter-year", "2022")
    assert _evaluate(browser, VISIBLE) == ["A paper of Bob alone"]
    assert _evaluate(browser, "document.querySelector('section.year[data-year=\"2021\"]').hidden") is True
    assert all(url.startswith(base) for url in browser.requests), browser.requests


def test_a_linked_filter_preselects_and_pages_render(served):
    base, browser = served
    browser.open(base + "publications.html?member=bob&year=2021")
    assert _evaluate(browser, VISIBLE) == ["Shared Work: Learning Systems"]
    for page, words in (("people.html", "Alumni"), ("members/cy.html", "Cy Hopper"), ("index.html", "We build")):
        assert words in browser.open(base + page)
        assert _evaluate(browser, "getComputedStyle(document.body).fontFamily")  # the stylesheet loaded
