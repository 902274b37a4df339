"""The harness's comparison counts each kind of loss: real sites, each damaged the way issue 19 saw it.

An all-zero round-trip table means something only if the comparison would have seen the loss; each case here
takes a real site's files, damages one thing, and asserts that exactly that kind counts it.
"""

from __future__ import annotations

import re

import pytest

from tests.paths import REAL_SITES
from tests.roundtrip import realworld, site_compare

SAOYAN = REAL_SITES / "academicpages" / "SaoYan__saoyan.github.io"
PAGE = "_publications/2019-03-07-IPMI2019.md"
HOERNER = REAL_SITES / "al-folio" / "johanneshoerner__johanneshoerner.github.io"
BIB = "_bibliography/papers.bib"
RAYNER = REAL_SITES / "hugo" / "AndersonRayner__AndersonRayner.github.io"


def damaged(files: dict[str, bytes], path: str, old: str, new: str, count: int = 1) -> dict[str, bytes]:
    text = files[path].decode("utf-8")
    assert old in text, old
    return {**files, path: text.replace(old, new, count).encode("utf-8")}


def counted(kind: str, before: dict[str, bytes], after: dict[str, bytes]) -> dict[str, int]:
    losses = site_compare.compare(kind, before, after)
    return {name: n for name, n in losses.counts.items() if n}


def test_an_unchanged_real_site_loses_nothing():
    for kind, root in (("academicpages", SAOYAN), ("al-folio", HOERNER), ("hugo", RAYNER)):
        files = realworld.read_tree(root)
        assert counted(kind, files, files) == {}


def test_academicpages_losses_are_counted_by_kind():
    site = realworld.read_tree(SAOYAN)
    gone = {k: v for k, v in site.items() if k != PAGE}
    assert counted("academicpages", site, gone) == {"papers": 1, "urls": 1}
    flattened = damaged(site, PAGE, "## Abstract\n", "Abstract: ")
    assert counted("academicpages", site, flattened) == {"bodies": 1}
    assert counted("academicpages", site, damaged(site, PAGE, "paperurl: ''\n", "")) == {"keys": 1}
    moved = damaged(site, PAGE, "permalink: /publications/IPMI2019", "permalink: /publication/IPMI2019")
    assert counted("academicpages", site, moved) == {"urls": 1}
    kept = damaged(moved, PAGE, "---\n\n", "redirect_from: [/publications/IPMI2019]\n---\n\n")
    assert counted("academicpages", site, kept) == {}  # the old address redirects: nothing lost
    unlinked = damaged(site, PAGE, "(http://www.cs.sfu.ca/~hamarneh/ecopy/ipmi2019.pdf)", "")
    assert counted("academicpages", site, unlinked) == {"links": 1, "bodies": 1}
    twice = {**site, "_publications/2019-03-07-melanoma.md": site[PAGE].replace(b"/publications/IPMI2019",
                                                                               b"/publication/melanoma")}
    assert counted("academicpages", site, twice) == {"duplicates": 1}


def test_academicpages_co_authors_and_the_person_s_files_are_counted():
    site = realworld.read_tree(REAL_SITES / "academicpages" / "Valentyn1997__valentyn1997.github.io")
    page = next(p for p, data in sorted(site.items()) if p.startswith("_publications/") and b"authors:" in data)
    authors = re.search(rb"^authors: *'(.*)'$", site[page], re.M).group(1).decode("utf-8")
    names = re.split(r",\s*", authors)
    owner_only = damaged(site, page, authors, "<b>V. Melnychuk</b>")  # the sole-author garbling issue 19 saw
    assert counted("academicpages", site, owner_only)["coauthors"] >= len(names) - 1
    config = {**site, "_config.yml": site["_config.yml"] + b"\n# rewritten\n"}
    assert counted("academicpages", site, config) == {"files": 1}


def test_al_folio_losses_are_counted_by_kind():
    site = realworld.read_tree(HOERNER)
    no_abstract = damaged(site, BIB, "abstract = {Earth has", "note = {Earth has")
    assert counted("al-folio", site, no_abstract) == {"abstracts": 1, "keys": 1}
    assert counted("al-folio", site, damaged(site, BIB, "Voigt, Aiko}", "Voigt}")) == {"coauthors": 1}
    demoted = damaged(site, BIB, "@article{hoerner2025_bifurcation", "@misc{hoerner2025_bifurcation")
    assert counted("al-folio", site, demoted) == {"keys": 1}  # the entry type is the person's too
    dropped = re.sub(rb"@article\{zetterberg2025_radiative.*?\n}\n", b"", site[BIB], count=1, flags=re.S)
    assert counted("al-folio", site, {**site, BIB: dropped}) == {"papers": 1}


def test_hugo_losses_are_counted_by_kind():
    site = realworld.read_tree(RAYNER)
    page = next(p for p in sorted(site) if p.startswith("content/publications/") and p.endswith("/index.md"))
    gone = {k: v for k, v in site.items() if k != page}
    assert counted("hugo", site, gone) == {"papers": 1, "urls": 1}


@pytest.mark.parametrize("url", ["/publication/x/", "/publication/x.html", "publication/x", "/publication/x/index.html"])
def test_one_page_however_linked_is_one_url(url):
    assert site_compare.normalize_url(url) == "/publication/x"
