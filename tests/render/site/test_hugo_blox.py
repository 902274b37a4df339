"""hugo-blox: the default profile's bundles and author file, built by Debian's `hugo` with minimal layouts.

The kit's own layouts are Hugo modules fetched from the network, so the test writes the smallest layouts that
print what the kit reads (title, authors, publication, `hugoblox.ids.doi`, links, author notes, the owner's
`data/authors/me.yaml`): every bundle becomes a page and every value parses as Hugo reads front matter. A real
older-layout site (YAML bundles, TOML talks) edited in place builds the same way.
"""

from __future__ import annotations

import dataclasses
import html
import re
import shutil
import subprocess
from pathlib import Path

import pytest
import yaml

from profilebot.model.dates import PartialDate
from profilebot.model.profile import Profile, Talk
from profilebot.render import outputs
from profilebot.render.site import hugo_blox
from tests.paths import REAL_SITES

CONFIG = """baseURL = "https://example.org/"
title = "profilebot test"
disableKinds = ["taxonomy", "term", "RSS", "sitemap", "robotsTXT", "404"]
[markup.goldmark.renderer]
unsafe = true
"""
# What the kit's publication and event pages read, printed plainly so the test can find it.
SINGLE = """<h1 class="title">{{ .Title }}</h1>
<p class="authors">{{ range $i, $a := .Params.authors }}{{ if $i }}; {{ end }}{{ $a }}{{ end }}</p>
<p class="notes">{{ range .Params.author_notes }}[{{ . }}]{{ end }}</p>
<p class="publication">{{ .Params.publication }}</p>
<p class="types">{{ delimit (.Params.publication_types | default slice) "," }}</p>
<p class="doi">{{ with .Params.hugoblox }}{{ with .ids }}{{ .doi }}{{ end }}{{ end }}{{ .Params.doi }}</p>
<p class="date">{{ .Date.Format "2006-01-02" }}</p>
<p class="featured">{{ .Params.featured }}</p>
<p class="links">{{ range .Params.links }}{{ .type }}={{ .url }} {{ end }}</p>
<p class="event">{{ .Params.event_name }}{{ .Params.event }}</p>
<div class="abstract">{{ .Params.abstract }}</div>
<div class="body">{{ .Content }}</div>
"""
LIST = "{{ range .Pages }}{{ .RelPermalink }}\n{{ end }}"
HOME = """{{ with site.Data.authors.me }}<p class="owner">{{ .name.display }}|{{ .role }}|{{ .is_owner }}</p>
{{ range .links }}<a href="{{ .url }}">{{ .label }}</a>{{ end }}{{ end }}"""


def hugo_build(folder: Path) -> Path:
    if shutil.which("hugo") is None:
        pytest.skip("Debian's hugo is not installed (apt-get install -y hugo)")
    for path, text in (("config.toml", CONFIG), ("layouts/_default/single.html", SINGLE),
                       ("layouts/_default/list.html", LIST), ("layouts/index.html", HOME)):
        (folder / path).parent.mkdir(parents=True, exist_ok=True)
        (folder / path).write_text(text, "utf-8")
    result = subprocess.run(["hugo", "--source", str(folder), "--destination", str(folder / "public"),
                             "--buildFuture", "--buildExpired", "--quiet"], capture_output=True, text=True,
                            timeout=240)
    assert result.returncode == 0, result.stdout + result.stderr
    return folder / "public"


def write(artifacts, folder: Path) -> None:
    for artifact in artifacts:
        (folder / artifact.path).parent.mkdir(parents=True, exist_ok=True)
        (folder / artifact.path).write_bytes(artifact.data)


def field(page: str, name: str) -> str:
    return re.search(rf'class="{name}">(.*?)</', page, re.S).group(1)


def test_one_bundle_per_paper_with_the_kit_keys(default_profile: Profile) -> None:
    artifacts = outputs.render_site(default_profile, {"template": "hugo-blox"})
    paths = {a.path for a in artifacts}
    assert {f"content/publications/{p.id}/index.md" for p in default_profile.publications} <= paths
    assert {f"content/publications/{p.id}/cite.bib" for p in default_profile.publications} <= paths
    assert {f"content/events/{t.id}/index.md" for t in default_profile.talks} <= paths
    assert "data/authors/me.yaml" in paths
    assert all(p.startswith(hugo_blox.OWNED_PATHS) for p in paths)
    me = yaml.safe_load(next(a.data for a in artifacts if a.path == "data/authors/me.yaml"))
    assert me["schema"] == "hugoblox/author/v1" and me["is_owner"] is True
    assert me["name"] == {"display": "Hanxian Huang", "given": "Hanxian", "family": "Huang"}


@pytest.mark.hugo
def test_hugo_builds_every_bundle_of_the_default_profile(default_profile: Profile, tmp_path: Path) -> None:
    write(outputs.render_site(default_profile, {"template": "hugo-blox"}), tmp_path)
    public = hugo_build(tmp_path)
    for paper in default_profile.publications:
        page = (public / "publications" / paper.id / "index.html").read_text("utf-8")
        assert html.unescape(field(page, "title")) == paper.title
        assert field(page, "authors").split("; ")[0] in ("me", paper.authors[0].name)
        if paper.doi:
            assert field(page, "doi") == paper.doi
        if paper.venue:
            assert field(page, "publication")
        assert field(page, "featured") == ("true" if paper.selected else "false")
        if any(a.equal_contribution for a in paper.authors):
            assert "[Equal contribution]" in field(page, "notes")
    for talk in default_profile.talks:
        page = (public / "events" / talk.id / "index.html").read_text("utf-8")
        assert field(page, "event")
    home = (public / "index.html").read_text("utf-8")
    assert field(home, "owner") == "Hanxian Huang|" + (default_profile.person.headline or "") + "|true"


@pytest.mark.hugo
def test_hugo_builds_a_real_older_site_edited_in_place(tmp_path: Path) -> None:
    """GeertLitjens's site (content/publication YAML bundles, content/talk TOML pages) after an import and an
    edit of one paper and one talk: Hugo reads every edited front matter, and the site keeps its layout."""
    from tests.roundtrip.test_hugo_roundtrip import existing, imported
    from profilebot.validate.pipeline import check

    site = "GeertLitjens__geertlitjens.github.io"
    profile = check(imported(site)).profile
    paper = profile.publications[0]
    talk = profile.talks[0]
    profile = dataclasses.replace(
        profile,
        publications=(dataclasses.replace(paper, title="An edited title", links={"code": "https://example.org/c"}),
                      *profile.publications[1:]),
        talks=(dataclasses.replace(talk, location="Utrecht"), *profile.talks[1:]))
    files = existing(site, profile)
    write([type("A", (), {"path": p, "data": d}) for p, d in files.items() if not p.startswith("content/authors/")],
          tmp_path)
    write(hugo_blox.render(outputs.with_printed_names(profile), {}, files), tmp_path)
    shutil.rmtree(tmp_path / "content" / "talk" / "intro-deep-learning", ignore_errors=True)  # a theme shortcode
    public = hugo_build(tmp_path)
    built = sorted(p.parent.name for p in (public / "publication").glob("*/index.html"))
    assert built == sorted(p.parent.name for p in (tmp_path / "content" / "publication").glob("*/index.md"))
    assert len(built) >= 100
    edited = (public / "publication" / paper.origin.path.split("/")[2] / "index.html").read_text("utf-8")
    assert field(edited, "title") == "An edited title"
    assert "https://example.org/c" in (tmp_path / paper.origin.path).read_text("utf-8")  # url_code, as the page has
    talk_page = (public / "talk" / talk.origin.path.split("/")[2] / "index.html").read_text("utf-8")
    assert field(talk_page, "event")
    assert not (tmp_path / "content" / "publications").exists() and not (tmp_path / "data").exists()


def test_a_second_build_over_the_first_changes_nothing(default_profile: Profile) -> None:
    """The bot's own bundles read back as the profile (undated work keeps the stand-in date it was given) and its
    own author file (recognised by its first line) is written again, not dropped."""
    first = {a.path: a.data for a in outputs.render_site(default_profile, {"template": "hugo-blox"})}
    present = list(first)
    existing = {p: first[p] for p in hugo_blox.reads(default_profile, {}, present)}
    assert "data/authors/me.yaml" in existing
    second = {a.path: a.data for a in hugo_blox.render(outputs.with_printed_names(default_profile), {}, existing)}
    assert second == first
    changed = dataclasses.replace(default_profile.person, headline="Professor")
    third = {a.path: a.data for a in hugo_blox.render(outputs.with_printed_names(
        dataclasses.replace(default_profile, person=changed)), {}, existing)}
    assert b"role: Professor" in third["data/authors/me.yaml"]
    # A person's own author file is theirs: never rewritten, no second owner beside it.
    mine = {**existing, "data/authors/me.yaml": b"schema: hugoblox/author/v1\nname: {display: Me}\nis_owner: true\n"}
    assert "data/authors/me.yaml" not in {a.path for a in hugo_blox.render(default_profile, {}, mine)}


def test_talks_are_event_bundles_and_a_second_build_keeps_them(default_profile: Profile) -> None:
    talks = (Talk(id="t1", title="An undated talk", event="A seminar"),
             Talk(id="t2", title="A dated talk", event="A conference", date=PartialDate(2020, 5), location="Paris",
                  slides="https://example.org/slides.pdf"))
    profile = dataclasses.replace(default_profile, talks=talks)
    first = {a.path: a.data for a in outputs.render_site(profile, {"template": "hugo-blox"})}
    page = yaml.safe_load(first["content/events/t2/index.md"].decode().split("---\n")[1])
    assert page == {"title": "A dated talk", "event_name": "A conference", "location": "Paris", "date": "2020-05-01",
                    "authors": ["me"], "url_slides": "https://example.org/slides.pdf"}
    existing = {p: first[p] for p in hugo_blox.reads(profile, {}, list(first))}
    assert {a.path: a.data for a in hugo_blox.render(outputs.with_printed_names(profile), {}, existing)} == first
