"""The default profile's static site in real headless chromium: content, links, no outside requests, screenshots."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest

from profilebot.model.profile import Profile
from profilebot.render import outputs
from profilebot.render.site import static
from tests.paths import ROOT
from tests.render.site.headless_chromium import BINARY
from tests.render.site.headless_chromium import served as served_on_localhost
from tests.render.site.support import write
from tests.render.site.test_static import Page

pytestmark = pytest.mark.browser
ARTIFACTS = ROOT / "test-artifacts" / "site"
WIDTHS = {"desktop": 1280, "phone": 390}


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory, request: pytest.FixtureRequest):
    if BINARY is None:
        pytest.skip("Debian's chromium is not installed (apt-get install -y chromium)")
    from profilebot.validate.pipeline import check

    profile = check((ROOT / "profile.yaml").read_text("utf-8")).profile
    folder = write(outputs.render_site(profile, {}), tmp_path_factory.mktemp("static-site"))  # with cv.pdf
    with served_on_localhost(str(folder)) as (base, browser):
        yield profile, folder, base, browser


def _pages(folder: Path) -> list[str]:
    return sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*.html"))


def test_every_paper_and_award_is_in_the_rendered_dom(served) -> None:
    profile, _folder, base, browser = served
    listing = Page(browser.open(base + "publications.html")).text
    for paper in profile.publications:
        assert paper.title in listing, paper.title
    for patent in profile.patents:
        assert patent.title in listing
    cv = Page(browser.open(base + "cv.html")).text
    home = Page(browser.open(base + "index.html")).text
    for award in profile.awards:
        assert award.title in cv and award.title in home, award.title
    for award in (a for a in profile.awards if a.publication):
        paper_page = Page(browser.open(f"{base}publications/{award.publication}.html")).text
        assert award.title in paper_page


def test_no_broken_internal_link_and_no_request_leaves_the_machine(served) -> None:
    _profile, folder, base, browser = served
    browser.requests.clear()
    ids: dict[str, set[str]] = {}
    links: list[tuple[str, str]] = []
    for page in _pages(folder):
        dom = browser.open(base + page)
        ids[page] = set(re.findall(r'\sid="([^"]+)"', dom))
        links += [(page, href) for href in Page(dom).hrefs]
        for tag in re.findall(r"<(?:link|img|script|iframe|source)\b[^>]*>", dom):
            src = re.search(r'\s(?:src|href)="([^"]*)"', tag)
            assert src is None or not urlsplit(src.group(1)).netloc, f"{page} loads {src.group(1)}"
    assert len(links) > 100
    for page, href in links:
        target = urljoin(base + page, href)
        if not target.startswith(base):
            assert urlsplit(target).scheme in ("https", "http", "mailto"), (page, href)
            continue
        path, _, fragment = target[len(base):].partition("#")
        assert (folder / (path or "index.html")).is_file(), f"{page}: broken link {href}"
        if fragment and path.endswith(".html"):
            assert fragment in ids.get(path or "index.html", set()), f"{page}: no #{fragment} in {path}"
        elif fragment:
            assert fragment in ids[page] or path, f"{page}: no #{fragment}"
    outside = [url for url in browser.requests if not url.startswith(base)]
    assert outside == [], outside
    assert any(url.endswith("/assets/profilebot.css") for url in browser.requests)


@pytest.mark.parametrize("device", sorted(WIDTHS))
@pytest.mark.parametrize("page", ["index", "publications"])
def test_full_page_screenshots(served, page: str, device: str) -> None:
    _profile, _folder, base, browser = served
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    browser.open(f"{base}{page}.html", width=WIDTHS[device])
    target = ARTIFACTS / f"{page}-{device}.png"
    width, height = browser.screenshot(str(target))
    # The layout fits the viewport (no sideways scrolling on a phone) and the whole page was captured.
    assert width == WIDTHS[device]
    assert height > 900
    assert target.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and target.stat().st_size > 20_000
