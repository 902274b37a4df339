"""The lab's pages on a Hugo Blox site, built by Debian's `hugo`.

The kit's layouts are Hugo modules fetched from the network, so the test writes the smallest layouts that do
what the kit does with these files: the `people` block's query, copied from the kit
(modules/blox-bootstrap/layouts/partials/blocks/people.html: the pages of section `authors` whose
`user_groups` intersect each group), and the author term page listing the pages whose `authors:` name the
member, as the kit's `authors` taxonomy does.
"""

from __future__ import annotations

import html
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from profilebot.cli import main
from tests.lab.support import PRIVATE, write_lab
from tests.paths import REAL_SITES

CONFIG = """baseURL = "https://example.org/"
title = "lab"
disableKinds = ["RSS", "sitemap", "robotsTXT", "404"]
[taxonomies]
author = "authors"
"""
PEOPLE = """{{ range .Params.sections }}{{ $block := . }}<h1>{{ .content.title }}</h1>
{{ range .content.user_groups }}{{ $query := where (where site.Pages "Section" "authors") ".Params.user_groups" "intersect" (slice .) }}
<section><h2>{{ . }}</h2>{{ range sort $query "Params.last_name" }}<p class="person"><a href="{{ .RelPermalink }}">{{ .Title }}</a> | {{ .Params.role }}</p>{{ end }}</section>
{{ end }}{{ end }}"""
TERM = """<h1 class="name">{{ .Title }}</h1><p class="role">{{ .Params.role }}</p><div class="bio">{{ .Content }}</div>
{{ range .Params.social }}<a class="social" href="{{ .link }}">{{ .icon }}</a>{{ end }}
{{ range .Pages }}<p class="work">{{ .Title }}</p>{{ end }}"""
SINGLE = """<h1>{{ .Title }}</h1><p class="authors">{{ range $i, $a := .Params.authors }}{{ if $i }}; {{ end }}{{ with site.GetPage (printf "/authors/%s" (urlize $a)) }}<a href="{{ .RelPermalink }}">{{ .Title }}</a>{{ else }}{{ $a }}{{ end }}{{ end }}</p>"""
LAYOUTS = {"config.toml": CONFIG, "layouts/landing/single.html": PEOPLE, "layouts/_default/term.html": TERM,
           "layouts/_default/single.html": SINGLE, "layouts/_default/list.html": "{{ .Title }}",
           "layouts/index.html": "home"}


def hugo(folder: Path) -> Path:
    if shutil.which("hugo") is None:
        pytest.skip("Debian's hugo is not installed (apt-get install -y hugo)")
    for path, text in LAYOUTS.items():
        (folder / path).parent.mkdir(parents=True, exist_ok=True)
        (folder / path).write_text(text, "utf-8")
    result = subprocess.run(["hugo", "--source", str(folder), "--destination", str(folder / "public"),
                             "--buildFuture", "--quiet"], capture_output=True, text=True, timeout=240)
    assert result.returncode == 0, result.stdout + result.stderr
    return folder / "public"


def build(tmp_path: Path, *extra: str) -> tuple[Path, int]:
    lab = write_lab(tmp_path / "lab")
    code = main(["--quiet", "lab", "build", str(lab), "--template", "hugo-blox", "-o", str(tmp_path / "site"), *extra])
    return tmp_path / "site", code


@pytest.mark.hugo
def test_hugo_builds_the_people_page_member_pages_and_one_bundle_per_lab_work(tmp_path):
    site, code = build(tmp_path)
    assert code == 0
    public = hugo(site)
    people = html.unescape((public / "people" / "index.html").read_text("utf-8"))
    groups = re.findall(r"<h2>(.*?)</h2>", people)
    assert groups == ["Principal investigator", "PhD student", "Alumni"]
    assert '<a href="/authors/cy/">Cy Hopper</a> | PhD 2021, now at ETH (2016\u20132021)' in people.split("Alumni")[1]
    ada = html.unescape((public / "authors" / "ada" / "index.html").read_text("utf-8"))
    assert '<h1 class="name">Ada Lovelace</h1>' in ada and "Ada leads the lab." in ada
    assert re.findall(r'<p class="work">(.*?)</p>', ada) == ["Shared Work: Learning Systems"]
    bob = (public / "authors" / "bob" / "index.html").read_text("utf-8")
    assert sorted(re.findall(r'<p class="work">(.*?)</p>', bob)) == ["A paper of Bob alone",
                                                                      "Shared Work: Learning Systems"]
    shared = html.unescape((public / "publications" / "lovelace2021shared" / "index.html").read_text("utf-8"))
    assert re.search(r'<p class="authors">(.*?)</p>', shared).group(1) == (
        '<a href="/authors/ada/">Ada Lovelace</a>; <a href="/authors/bob/">Bob Babbage</a>; '
        '<a href="/authors/cy/">Cy Hopper</a>')
    bundles = sorted(p.parent.name for p in (site / "content" / "publications").glob("*/index.md"))
    assert bundles == ["babbage2022solo", "lovelace2021shared"]  # nothing from outside a tenure, the shared one once
    for path in site.rglob("*"):
        if path.is_file() and "public" not in path.parts:
            for value in PRIVATE:
                assert value not in path.read_text("utf-8"), (value, path)


def test_a_rebuild_edits_a_member_page_in_place_and_leaves_the_sites_own_files(tmp_path):
    site, _ = build(tmp_path)
    page = site / "content" / "authors" / "ada" / "_index.md"
    text = page.read_text("utf-8")
    # The lab's web admin adds an avatar key and a paragraph, and a people page of their own exists elsewhere.
    page.write_text(text.replace("highlight_name: false\n", "highlight_name: false\nemail: ''  # for Gravatar\n")
                    + "\nMore about Ada, written by hand.\n", "utf-8")
    (site / "content" / "_index.md").write_text("---\ntitle: Home\n---\n", "utf-8")
    lab = tmp_path / "lab" / "lab.yaml"
    lab.write_text(lab.read_text("utf-8").replace("role: Principal investigator", "role: Director"), "utf-8")
    assert main(["--quiet", "lab", "build", str(lab), "--template", "hugo-blox", "-o", str(site)]) == 0
    now = page.read_text("utf-8")
    assert "role: Director\n" in now and "email: ''  # for Gravatar\n" in now
    assert now.endswith("\nMore about Ada, written by hand.\n") and '  - "Director"' in now
    assert (site / "content" / "_index.md").read_text("utf-8") == "---\ntitle: Home\n---\n"
    assert "- Director" in (site / "content" / "people" / "index.md").read_text("utf-8")


def test_a_people_page_the_lab_wrote_by_hand_and_a_stale_bundle(tmp_path, capsys):
    site, _ = build(tmp_path)
    people = site / "content" / "people" / "index.md"
    people.write_text("---\ntitle: Our team\ntype: landing\n---\n", "utf-8")
    (site / "content" / "publications" / "mine").mkdir()
    (site / "content" / "publications" / "mine" / "index.md").write_text("---\ntitle: A page of my own\n---\n")
    lab = tmp_path / "lab"
    (lab / "people" / "bob.yaml").write_text((lab / "people" / "bob.yaml").read_text("utf-8").replace(
        "date: 2022\n", "date: 2019\n"), "utf-8")  # Bob's solo paper now predates his joining: no longer the lab's
    assert main(["lab", "build", str(lab / "lab.yaml"), "--template", "hugo-blox", "-o", str(site)]) == 0
    assert people.read_text("utf-8") == "---\ntitle: Our team\ntype: landing\n---\n"
    assert not (site / "content" / "publications" / "babbage2022solo" / "index.md").exists()
    assert (site / "content" / "publications" / "mine" / "index.md").is_file()
    out = capsys.readouterr().out
    assert "2 stale removed" in out  # the bundle's index.md and cite.bib
    assert "content/people/index.md is yours (profilebot did not write it): left alone" in out


NARDIN_LAB = """\
lab:
  name: Seismic risk group
  site: {template: hugo-blox}
members:
  - {id: oreste-bursi, profile: people/oreste-bursi.yaml, role: Principal investigator, from: 2010-01}
  - {id: marco-broccardo, profile: people/marco-broccardo.yaml, role: Principal investigator, from: 2018-01}
  - {id: chiara-nardin, profile: people/chiara-nardin.yaml, role: Postdoc, from: 2019-01}
  - {id: stefano-zorzi, profile: people/stefano-zorzi.yaml, role: PhD student, from: 2021-01}
  - {id: stefano-marelli, profile: people/stefano-marelli.yaml, role: Visitor, from: 2022-01, until: 2024-12}
"""


def test_the_hugo_site_a_member_imported_from_becomes_the_lab_site_without_a_second_bundle(tmp_path):
    """Chiara Nardin's Hugo Blox site (content/publication bundles, her co-authors in data/authors) as the lab's
    site, her profile imported from it (site.template from lab.yaml): every work is found on its own bundle, no
    bundle is added, and a bundle changes only in its `authors:` line, where a member written otherwise ("Oreste
    S. Bursi") becomes the member's id; a second build changes nothing."""
    import difflib

    from tests.roundtrip.test_hugo_roundtrip import imported

    real = REAL_SITES / "hugo" / "CNardin__CNardin.github.io"
    profiles = {"chiara-nardin": imported(real.name).replace("name: Site Owner", "name: Chiara Nardin", 1)}
    profiles |= {m: f"person:\n  name: {m.replace('-', ' ').title()}\n" for m in
                 ("oreste-bursi", "marco-broccardo", "stefano-zorzi", "stefano-marelli")}
    lab = write_lab(tmp_path / "lab", NARDIN_LAB, profiles)
    site = tmp_path / "site"
    shutil.copytree(real, site)
    before = {p.relative_to(site).as_posix(): p.read_text("utf-8") for p in site.rglob("*") if p.is_file()}
    assert main(["--quiet", "lab", "build", str(lab), "-o", str(site)]) == 0
    after = {p.relative_to(site).as_posix(): p.read_text("utf-8") for p in site.rglob("*") if p.is_file()}
    added = sorted(set(after) - set(before))
    assert added == [".profilebot/publications.json", *(f"content/authors/{m}/_index.md" for m in
                     ("chiara-nardin", "marco-broccardo", "oreste-bursi", "stefano-marelli", "stefano-zorzi")),
                     "content/people/index.md"]
    changed = [path for path in before if after[path] != before[path]]
    assert changed and all(path.startswith("content/publication/") for path in changed)
    for path in changed:
        lines = [line for line in difflib.ndiff(before[path].splitlines(), after[path].splitlines())
                 if line.startswith(("- ", "+ "))]
        assert [line[2:].split(":")[0] for line in lines] == ["authors", "authors"], lines
        assert '"oreste-bursi"' in lines[1]
    assert main(["--quiet", "lab", "build", str(lab), "-o", str(site)]) == 0
    assert {p.relative_to(site).as_posix(): p.read_text("utf-8") for p in site.rglob("*") if p.is_file()} == after


@pytest.mark.hugo
@pytest.mark.browser
def test_the_hugo_lab_site_in_chromium_people_to_member_to_work(tmp_path):
    from tests.render.site.headless_chromium import BINARY
    from tests.render.site.headless_chromium import served as served_on_localhost

    if BINARY is None:
        pytest.skip("Debian's chromium is not installed (apt-get install -y chromium)")
    site, _ = build(tmp_path)
    public = hugo(site)

    def value(browser, expression):
        return browser.call("Runtime.evaluate", {"expression": expression, "returnByValue": True})["result"]["value"]

    with served_on_localhost(str(public)) as (base, browser):
        browser.open(base + "people/")
        people = value(browser, "Array.from(document.querySelectorAll('p.person a')).map(a => a.getAttribute('href'))")
        assert people == ["/authors/ada/", "/authors/bob/", "/authors/cy/"]
        browser.open(base + "authors/cy/")
        assert value(browser, "document.querySelector('h1.name').textContent") == "Cy Hopper"
        assert value(browser, "Array.from(document.querySelectorAll('p.work')).map(p => p.textContent)") == [
            "Shared Work: Learning Systems"]
        browser.open(base + "publications/lovelace2021shared/")
        authors = value(browser, "Array.from(document.querySelectorAll('p.authors a')).map(a => a.getAttribute('href'))")
        assert authors == people
        assert all(url.startswith(base) for url in browser.requests), browser.requests
