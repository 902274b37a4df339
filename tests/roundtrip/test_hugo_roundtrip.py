"""Hugo Blox round trip on every real site in ../shared/realworld/sites/hugo (SOURCES.md there): current, hybrid and
older layouts, TOML talks, a 263-page site, co-author profiles.

`import hugo SITE` → the hugo-blox adapter renders into that same site (existing bundles passed in, as the site
target and `build --site-only -o CLONE` do): not one byte of any page or cite.bib changes, no bundle is added
or doubled, and every page's work is in the profile (two bundles of one work are one entry, matched by DOI or
title). Then the profile changes, and only the changed keys of the changed page move; a new work gets a new
bundle in the site's own folder, named as the site names them; a page made anew from the profile alone keeps
its body and custom keys (the entry's origin).
"""

from __future__ import annotations

import dataclasses
import difflib
from functools import lru_cache
from pathlib import Path

import pytest

from profilebot.commands.import_ import proposed_changes
from profilebot.importers import hugo
from profilebot.model.profile import Publication
from profilebot.render import outputs
from profilebot.render.site import hugo_blox
from profilebot.validate.pipeline import check
from tests.paths import REAL_SITES

HUGO = REAL_SITES / "hugo"
SITES = sorted(p.name for p in HUGO.iterdir() if p.is_dir())
EMPTY = "person:\n  name: Site Owner\n"


@lru_cache(maxsize=None)
def imported(site: str) -> str:
    return proposed_changes(EMPTY, check(EMPTY).profile, "hugo", str(HUGO / site))[2]


def existing(site: str, profile) -> dict[str, bytes]:
    root = HUGO / site
    present = [p.relative_to(root).as_posix() for p in root.rglob("*") if p.is_file()]
    return {path: (root / path).read_bytes() for path in hugo_blox.reads(profile, {}, present)}


def rendered(profile, files: dict[str, bytes]) -> dict[str, bytes]:
    return {a.path: a.data for a in hugo_blox.render(outputs.with_printed_names(profile), {}, files)}


def pages(site: str) -> list[str]:
    root = HUGO / site
    return sorted(p for p in (f.relative_to(root).as_posix() for f in root.rglob("*.md"))
                  if hugo.is_page(p, hugo.PUBLICATION_FOLDERS + hugo.TALK_FOLDERS))


def test_the_corpus_has_every_layout():
    assert len(SITES) >= 13
    assert any((HUGO / s / "content" / "publications").is_dir() for s in SITES)  # current
    assert any((HUGO / s / "content" / "publication").is_dir() for s in SITES)  # older
    assert sum(len(pages(s)) for s in SITES) > 600


@pytest.mark.parametrize("site", SITES)
def test_import_then_render_into_the_site_changes_nothing_and_adds_no_bundle(site):
    checked = check(imported(site))
    assert not checked.errors()
    profile = checked.profile
    files = existing(site, profile)
    out = rendered(profile, files)
    changed = [p for p, data in out.items() if p in files and data != files[p]]
    assert changed == [], "".join(difflib.unified_diff(
        files[changed[0]].decode().splitlines(True), out[changed[0]].decode().splitlines(True)))
    assert [p for p in out if p not in files] == []  # no new bundle, no second folder, no me.yaml beside admin


@pytest.mark.parametrize("site", SITES)
def test_every_page_is_an_entry_with_its_body_and_custom_keys(site):
    profile = check(imported(site)).profile
    entries = {e.origin.path: e for e in (*profile.publications, *profile.talks) if e.origin}
    read = {path: _identity(site, path) for path in pages(site)}
    for path in pages(site):
        page = hugo.split((HUGO / site / path).read_bytes().decode("utf-8"), path)
        if path not in entries:  # merged: another bundle of the site is the same work (same DOI or title)
            assert any(other != path and (set(read[other]) & set(read[path])) for other in read), path
            continue
        origin = entries[path].origin
        assert origin.template == "hugo-blox"
        assert (origin.body or "").strip() == page.body.strip()
        modeled = hugo.PUBLICATION_KEYS if "/publication" in path else hugo.TALK_KEYS
        assert {k for k in page.data if k not in modeled} <= set(origin.fields), path


def _identity(site: str, path: str) -> list[str]:
    """A page's DOI (front matter or cite.bib) and title, as import reads them."""
    text = (HUGO / site / path).read_bytes().decode("utf-8")
    if not hugo.is_page(path, hugo.PUBLICATION_FOLDERS):
        entry = hugo.talk_entry(path, text) or {}
        return [f"{entry.get('title')}|{entry.get('event')}|{entry.get('date')}"]
    bib = HUGO / site / path.replace("index.md", "cite.bib")
    entry = hugo.publication_entry(path, text, bib.read_text("utf-8") if bib.is_file() else None, {}, "Owner") or {}
    return [str(entry.get("doi") or "").lower() or "-", " ".join(str(entry.get("title")).lower().split())]


def test_a_profile_change_moves_only_its_keys_in_the_page_as_written():
    site = "GeertLitjens__geertlitjens.github.io"
    profile = check(imported(site)).profile
    paper = next(p for p in profile.publications if p.origin.path == "content/publication/vos-15/index.md")
    changed = dataclasses.replace(paper, title="A corrected title", links={"code": "https://example.org/code"})
    profile = dataclasses.replace(profile, publications=tuple(changed if p is paper else p
                                                                 for p in profile.publications))
    files = existing(site, profile)
    out = rendered(profile, files)
    before = files["content/publication/vos-15/index.md"].decode().splitlines()
    after = out["content/publication/vos-15/index.md"].decode().splitlines()
    removed = [line for line in before if line not in after]
    added = [line for line in after if line not in before]
    assert removed == ["title: Multiparametric Magnetic Resonance Imaging for Discriminating Low-Grade From",
                       "  High-Grade Prostate Cancer"]
    # The older layout keeps its keys: a top-level url_code, not the current kit's links list.
    assert added == ["title: A corrected title", "url_code: https://example.org/code"]
    assert out["content/publication/vos-15/cite.bib"] == files["content/publication/vos-15/cite.bib"]
    assert sum(1 for p in out if p in files and out[p] != files[p]) == 1


def test_a_toml_talk_is_edited_in_toml():
    site = "GeertLitjens__geertlitjens.github.io"
    profile = check(imported(site)).profile
    talk = next(t for t in profile.talks if t.origin.path == "content/talk/bessensap/index.md")
    profile = dataclasses.replace(profile, talks=tuple(dataclasses.replace(t, location="Utrecht") if t is talk else t
                                                       for t in profile.talks))
    files = existing(site, profile)
    out = rendered(profile, files)["content/talk/bessensap/index.md"].decode()
    old = files["content/talk/bessensap/index.md"].decode()
    assert out == old.replace('location = "Rode Hoed, Amsterdam  "', 'location = "Utrecht"')


def test_a_new_work_gets_a_new_bundle_named_as_the_site_names_them():
    site = "Aelphy__aelphy.github.io"  # current layout; bundles named family-year-word (usvyatsov-2022-tntorch)
    profile = check(imported(site)).profile
    new = Publication(id="lovelace1843notes", type="journal-article", status="published",
                      title="Notes on the Analytical Engine", authors=check(
                          EMPTY + "publications:\n  - id: x\n    type: other\n    status: published\n    title: T\n"
                          "    authors: [Lovelace, Ada]\n").profile.publications[0].authors, doi="10.1000/xyz")
    profile = dataclasses.replace(profile, publications=(*profile.publications, new))
    files = existing(site, profile)
    out = rendered(profile, files)
    added = sorted(p for p in out if p not in files)
    assert added == ["content/publications/lovelace-undated-notes/cite.bib",
                     "content/publications/lovelace-undated-notes/index.md"]
    page = hugo.split(out[added[1]].decode(), added[1]).data
    assert page["title"] == "Notes on the Analytical Engine" and page["hugoblox"] == {"ids": {"doi": "10.1000/xyz"}}
    assert [p for p in out if p in files and out[p] != files[p]] == []


def test_a_legacy_site_gets_its_new_bundle_in_the_singular_folder():
    site = "hanzhou032__starter-hugo-academic"
    profile = check(imported(site)).profile
    paper = dataclasses.replace(profile.publications[0], id="brand-new", origin=None, title="A brand new paper",
                                doi="10.1000/new")
    profile = dataclasses.replace(profile, publications=(*profile.publications, paper))
    out = rendered(profile, existing(site, profile))
    assert "content/publication/brand-new/index.md" in out
    assert not any(p.startswith("content/publications/") or p.startswith("data/") for p in out)
    page = hugo.split(out["content/publication/brand-new/index.md"].decode(), "x").data
    # The older layout's top-level doi (hugoblox.ids holds only the arXiv id, which older themes ignore).
    assert page["doi"] == "10.1000/new" and "doi" not in page.get("hugoblox", {}).get("ids", {})


@pytest.mark.parametrize("site", ["CliffordAnderson__academic-site", "GeertLitjens__geertlitjens.github.io",
                                  "AustenLamacraft__academic-kickstart"])
def test_pages_made_anew_from_the_profile_alone_import_as_the_same_entries(site):
    """A build into an empty folder writes each page from the profile and its origin: same fields, body, keys."""
    profile = check(imported(site)).profile
    fresh = rendered(profile, {})
    again = {}
    for path, data in fresh.items():
        if hugo.is_page(path, hugo.PUBLICATION_FOLDERS):
            bib = fresh.get(path.rsplit("/", 1)[0] + "/cite.bib")
            again[path] = hugo.publication_entry(path, data.decode(), bib.decode() if bib else None, {},
                                                 profile.person.name)
    for paper in profile.publications:
        entry = again[paper.origin.path]
        assert entry["title"] == paper.title
        assert (entry["origin"].get("body") or "").strip() == (paper.origin.body or "").strip()
        assert set(paper.origin.fields) <= set(entry["origin"].get("fields", {})) | set(hugo.PUBLICATION_KEYS)
        assert entry.get("abstract") == paper.abstract and entry.get("doi") == paper.doi


def test_owner_and_co_authors_from_the_author_files():
    profile = check(imported("CNardin__CNardin.github.io")).profile
    # `authors: [chiara-nardin, …]` slugs are the names of data/authors/<slug>.yaml.
    names = {a.name for p in profile.publications for a in p.authors}
    assert not any("-" in n and " " not in n for n in names), names
    assert profile.person.name == "Site Owner"  # a name the profile has is never replaced
    person = proposed_changes(EMPTY, check(EMPTY).profile, "hugo", str(HUGO / "Aelphy__aelphy.github.io"))[2]
    owner = check(person).profile.person
    assert owner.profiles.get("github") == "aelphy" and owner.email and owner.email.value.startswith("m.usvyatsov")
