"""The academicpages adapter edits a real site's pages in place (../shared/realworld/sites/academicpages):
after `import`, building the site back changes no byte; a profile change rewrites only its own value."""

from __future__ import annotations

import dataclasses
import html
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from profilebot.importers import academicpages as reader
from profilebot.importers.propose import propose
from profilebot.load import edit
from profilebot.model.profile import Author, Profile, Talk
from profilebot.render import outputs
from profilebot.render.site import academicpages, front_matter_edit, jekyll_urls
from profilebot.validate.pipeline import check
from tests.paths import REAL_SITES

AP = REAL_SITES / "academicpages"
SITES = sorted(p for p in AP.iterdir() if p.is_dir())


def imported(site: Path) -> Profile:
    """The profile `import academicpages SITE` writes into an empty one."""
    text = "person:\n  name: Owner Person\n"
    pages = [(p.relative_to(site).as_posix(), p.read_text("utf-8")) for folder in ("_publications", "_talks")
             if (site / folder).is_dir() for p in sorted((site / folder).rglob("*"))
             if p.is_file() and p.suffix in (".md", ".html")]
    local = {p.relative_to(site).as_posix(): p.read_text("utf-8") for p in site.glob("files/**/*.bib")}
    config = (site / "_config.yml").read_text("utf-8") if (site / "_config.yml").is_file() else None
    found = reader.candidates(pages, "Owner Person", local, config)
    empty = check(text).profile
    written = edit.append(text, [(a.section, a.entry) for a in propose(empty, found)])
    profile = check(written).profile
    assert profile is not None
    return profile


def present(site: Path) -> set[str]:
    return {p.relative_to(site).as_posix() for p in site.rglob("*") if p.is_file()}


def built(profile: Profile, site: Path) -> dict[str, bytes]:
    """What `build --site-only -o SITE` writes: the adapter given the files it asks to read."""
    wanted = academicpages.reads(profile, {}, present(site))
    existing = {path: (site / path).read_bytes() for path in wanted}
    return {a.path: a.data for a in academicpages.render(outputs.with_printed_names(profile), {}, existing)}


@pytest.mark.parametrize("site", SITES, ids=lambda p: p.name)
def test_building_an_imported_site_back_changes_no_byte(site):
    profile = imported(site)
    files = built(profile, site)
    pages = [a for a in files if a.startswith(("_publications/", "_talks/"))]
    assert len(pages) == len(profile.publications) + len(profile.talks)  # one page per entry: no second page
    changed = [path for path, data in files.items() if not (site / path).is_file() or (site / path).read_bytes() != data]
    assert changed == []


def test_a_changed_title_rewrites_that_value_only_escaped_for_the_theme():
    site = AP / "sharanramjee__sharanramjee.github.io"
    profile = imported(site)
    paper = next(p for p in profile.publications if p.origin.path == "_publications/wcl2020.md")
    new = dataclasses.replace(paper, title="Quantum & <i>Deep</i> Learning's [edge]")
    files = built(dataclasses.replace(profile, publications=tuple(new if p is paper else p for p in
                                                                    profile.publications)), site)
    old = (site / "_publications/wcl2020.md").read_text("utf-8").splitlines(keepends=True)
    now = files["_publications/wcl2020.md"].decode("utf-8").splitlines(keepends=True)
    differing = [(a, b) for a, b in zip(old, now) if a != b]
    assert len(old) == len(now)
    # The title, and the citation that prints it; every other line (and the file name) stays.
    assert [a.split(":")[0] for a, _ in differing] == ["title", "citation"]
    title = front_matter_edit.parse("".join(now), "x").data["title"]
    assert title == "Quantum &amp; &lt;i&gt;Deep&lt;/i&gt; Learning&#39;s &#91;edge&#93;"  # once, not twice
    assert reader.read("_publications/wcl2020.md", "".join(now), "x", {}, jekyll_urls.SiteConfig()) \
        .entry["title"] == new.title


def test_changed_authors_rewrite_the_authors_key_and_leave_the_bibtex_body():
    site = AP / "Valentyn1997__valentyn1997.github.io"
    profile = imported(site)
    paper = next(p for p in profile.publications if "authors" not in (p.origin.fields or {}))
    path = paper.origin.path
    text = (site / path).read_text("utf-8")
    new = dataclasses.replace(paper, authors=paper.authors + (Author("New Author", "New", "Author"),))
    files = built(dataclasses.replace(profile, publications=tuple(new if p is paper else p for p in
                                                                    profile.publications)), site)
    now = files[path].decode("utf-8")
    matter = front_matter_edit.parse(now, path)
    assert matter.data["authors"].endswith(", New Author")
    assert matter.body == front_matter_edit.parse(text, path).body
    assert now.replace(matter.data["authors"], "") == text.replace(front_matter_edit.parse(text, path)
                                                                    .data["authors"], "")


def test_a_page_without_permalink_never_redirects_from_its_own_address():
    site = AP / "Valentyn1997__valentyn1997.github.io"
    path = "_publications/2020-01-29-unsupervised-anomaly-detection-for-x-ray-images.md"
    profile = imported(site)
    paper = next(p for p in profile.publications if p.origin.path == path)
    assert paper.redirect_from == ("/publications/2020-01-29-unsupervised-anomaly-detection-for-x-ray-images/",)
    moved = dataclasses.replace(paper, redirect_from=paper.redirect_from + ("/old/address/",))
    files = built(dataclasses.replace(profile, publications=tuple(moved if p is paper else p for p in
                                                                    profile.publications)), site)
    data = front_matter_edit.parse(files[path].decode("utf-8"), path).data
    assert data["redirect_from"] == ["/old/address/"] and "permalink" not in data


def test_a_missing_page_is_made_again_at_its_path_with_its_own_keys_and_body(tmp_path):
    site = AP / "BarakGahtan__barakgahtan.github.io"
    profile = imported(site)
    files = {a.path: a.data for a in academicpages.render(outputs.with_printed_names(profile), {})}
    path = "_publications/10-beta-mixing.md"
    assert path in files and not [p for p in files if "2023" in p and "beta" in p]  # no dated rename
    again = front_matter_edit.parse(files[path].decode("utf-8"), path)
    original = front_matter_edit.parse((site / path).read_text("utf-8"), path)
    assert again.body == original.body
    assert again.data["permalink"] == original.data["permalink"] == "/publication/10"
    assert {k: again.data[k] for k in ("order", "thumbnail", "excerpt")} == \
        {k: original.data[k] for k in ("order", "thumbnail", "excerpt")}
    read_back = reader.read(path, files[path].decode("utf-8"), "Owner Person", {}, jekyll_urls.SiteConfig())
    assert read_back.entry["title"] == original.data["title"]


def test_talk_file_names_never_collide():
    site = AP / "wjmoss__academicpages.github.io"
    profile = imported(site)
    files = built(profile, site)
    talks = sorted(p for p in files if p.startswith("_talks/"))
    assert talks == sorted(p for p in present(site) if p.startswith("_talks/"))  # matroids.md twice, by date
    # A new talk whose dated name is taken by a page gets a name of its own.
    taken = next(t for t in profile.talks if t.origin.path == "_talks/2021-07-21-matroids.md")
    new = Talk(id="matroids", title="Matroids again", event="Seminar", date=taken.date)
    clash = dataclasses.replace(profile, talks=profile.talks + (new,))
    assert "_talks/2021-07-21-matroids-2.md" in built(clash, site)


@pytest.mark.jekyll
def test_jekyll_serves_an_edited_real_site_at_its_original_addresses(tmp_path):
    """tests/roundtrip builds every round-tripped site with jekyll; here a page is also edited: the new title
    shows, as text, at the page's old address (it has no permalink: _config.yml's pattern gives it)."""
    if shutil.which("jekyll") is None:
        pytest.skip("Debian's jekyll is not installed (apt-get install -y jekyll)")
    site = AP / "Valentyn1997__valentyn1997.github.io"
    profile = imported(site)
    paper = next(p for p in profile.publications if "permalink" not in (p.origin.fields or {}))
    new = dataclasses.replace(paper, title="Causal <b>effects</b> & {{ site.title }}")
    profile = dataclasses.replace(profile, publications=tuple(new if p is paper else p for p in profile.publications))
    copy = tmp_path / "site"
    for folder in ("_publications", "_talks"):
        shutil.copytree(site / folder, copy / folder)
    for path, data in built(profile, site).items():  # build --site-only -o COPY
        (copy / path).parent.mkdir(parents=True, exist_ok=True)
        (copy / path).write_bytes(data)
    config = jekyll_urls.SiteConfig.parse((site / "_config.yml").read_text("utf-8"))
    (copy / "_config.yml").write_text(_config(config), "utf-8")
    (copy / "_layouts").mkdir()
    (copy / "_layouts" / "single.html").write_text(
        '<h1 class="title">{{ page.title | markdownify | remove: "<p>" | remove: "</p>" | strip }}</h1>'
        "{{ content }}", "utf-8")
    result = subprocess.run(["jekyll", "build", "--safe", "--source", str(copy), "--destination",
                             str(tmp_path / "_site")], capture_output=True, text=True, timeout=240)
    assert result.returncode == 0, result.stdout + result.stderr
    served = tmp_path / "_site"
    for entry in (*profile.publications, *profile.talks):
        data = front_matter_edit.parse((site / entry.origin.path).read_text("utf-8"), entry.origin.path).data
        address = str(data.get("permalink") or config.url(entry.origin.path, data)).strip("/")
        assert (served / address / "index.html").is_file() or (served / f"{address}.html").is_file(), address
    edited = (served / config.url(paper.origin.path).strip("/") / "index.html").read_text("utf-8")
    shown = re.search(r'<h1 class="title">(.*?)</h1>', edited, re.S).group(1)
    assert "<" not in shown and html.unescape(shown) == new.title


def _config(config: jekyll_urls.SiteConfig) -> str:
    lines = ["collections:"]
    for name in ("publications", "talks"):
        lines += [f"  {name}:", "    output: true", f"    permalink: {config.permalinks.get(name, '/:collection/:path/')}"]
    lines += ["defaults:", "  - scope: {path: \"\"}", "    values: {layout: single}", "future: true", ""]
    return "\n".join(lines)
