"""The site target and `build --site-only` on a person's real site: the pages the template edits in place are
read and given to it (one request each, none for a page the bot wrote that nobody changed), and a file the bot
did not write is never replaced or deleted — the run names it instead (issue 19).

The sites are real academicpages repositories from the shared corpus (tests/paths.REAL_SITES). The corpus
keeps no PDFs, so the person's own CV at files/cv.pdf is a stand-in made here.
"""

from __future__ import annotations

import json
import shutil

import pytest

from profilebot import plugins
from profilebot.cli import main
from profilebot.diff.snapshot import blob_sha
from tests.acceptance.helpers import cli, copy_default_profile, local_github
from tests.paths import REAL_SITES
from tests.targets import sample_site_template

SITE = REAL_SITES / "academicpages" / "SaoYan__saoyan.github.io"
OWN_CV = b"%PDF-1.4\n% the CV its owner made by hand\n%%EOF\n"
ACADEMICPAGES = "site:\n  repo: octo/site\n  template: academicpages\n"
MANIFEST = ".profilebot/publications.json"


def real_site() -> dict[str, bytes]:
    files = {p.relative_to(SITE).as_posix(): p.read_bytes() for p in SITE.rglob("*") if p.is_file()}
    assert files, f"the shared corpus is missing: {SITE}"
    return files | {"files/cv.pdf": OWN_CV}


def test_a_sync_of_a_real_site_keeps_the_persons_cv_and_every_page_it_did_not_write(tmp_path, monkeypatch, capsys):
    profile = copy_default_profile(tmp_path, ACADEMICPAGES)
    site = real_site()
    with local_github(monkeypatch, {"octo/site": site}) as fake:
        run = cli(capsys, "sync", str(profile))
        assert run.code == 0, run.out
        branch = fake.read_tree("octo/site", "profilebot/site")
        assert "files/cv.pdf is yours (profilebot did not write it): left alone" in run.out
        assert {path: branch.get(path) for path in site} == site  # every file of theirs byte-identical
        assert "files/cv.pdf" not in json.loads(branch[MANIFEST])["files"]
        assert "files/cv.pdf" in fake.open_pulls("octo/site")[0].body  # the PR says it too

        # Merged: the next runs still leave the CV alone, and find nothing else to do.
        fake.merge_pull("octo/site", fake.open_pulls("octo/site")[0].number)
        fake.reset_log()
        assert main(["diff", str(profile), "--format", "json"]) == 0
        manifest_sha = blob_sha(fake.read_tree("octo/site")[MANIFEST])
        # Knowing the CV is theirs costs no request: the manifest is not downloaded (it is what ours would be).
        assert not [path for _, path, _ in fake.requests if path.endswith(manifest_sha)], fake.requests
        out, err = capsys.readouterr()
        assert fake.read_tree("octo/site")["files/cv.pdf"] == OWN_CV
    assert "files/cv.pdf is yours" in err  # the note for people; stdout is the JSON alone
    report = json.loads(out)[0]
    assert report["drift"] is False, out
    assert report["kept"] == [{"path": "files/cv.pdf", "reason": "profilebot did not write it"}]


def test_build_site_only_into_a_clone_of_a_real_site_leaves_the_persons_cv_and_pages_alone(tmp_path, capsys):
    profile = copy_default_profile(tmp_path, ACADEMICPAGES)
    clone = tmp_path / "clone"
    shutil.copytree(SITE, clone)
    (clone / "files").mkdir(exist_ok=True)
    (clone / "files/cv.pdf").write_bytes(OWN_CV)
    site = real_site()

    run = cli(capsys, "build", str(profile), "-o", str(clone), "--site-only")
    assert run.code == 0, run.out
    assert "files/cv.pdf is yours (profilebot did not write it): left alone" in run.out
    assert {path: (clone / path).read_bytes() for path in site} == site
    written = json.loads((clone / MANIFEST).read_text("utf-8"))["files"]
    assert written and "files/cv.pdf" not in written

    # A CV profilebot wrote itself is its own to update.
    (clone / "files/cv.pdf").unlink()
    assert cli(capsys, "build", str(profile), "-o", str(clone), "--site-only").code == 0
    assert (clone / "files/cv.pdf").read_bytes().startswith(b"%PDF-")
    assert "files/cv.pdf" in json.loads((clone / MANIFEST).read_text("utf-8"))["files"]
    (clone / "files/cv.pdf").write_bytes(b"%PDF-1.4\n% an older generated CV\n")
    run = cli(capsys, "build", str(profile), "-o", str(clone), "--site-only")
    assert "is yours" not in run.out and (clone / "files/cv.pdf").read_bytes() != b"%PDF-1.4\n% an older generated CV\n"


# --- the plumbing, through a template that edits in place ---------------------------------------------------

IN_PLACE = "site:\n  repo: octo/site\n  template: sample-in-place\n"
OWN = "papers/my-own-page.md"
# A real academicpages page (its body: links, an abstract, a BibTeX citation), as the person's own page.
REAL_PAGE = (SITE / "_publications" / "2018-11-02-PRCV2018.md").read_bytes()


@pytest.fixture
def in_place_template(monkeypatch):
    """What a new template adds besides its module: its registry line; its name in the settings schema is what
    `python -m profilebot.schemas.generate` writes from the table (here in memory, as config.py reads it)."""
    from profilebot.schemas import generate
    from profilebot.validate import schema as schemas

    monkeypatch.setitem(plugins.SITE_TEMPLATES, sample_site_template.NAME, sample_site_template.__name__)
    original = schemas.schema
    settings_schema = generate.settings_schema(original(schemas.SETTINGS))
    monkeypatch.setattr(schemas, "schema", lambda name=schemas.PROFILE: settings_schema if name == schemas.SETTINGS
                        else original(name))
    schemas._fast_validator.cache_clear()
    yield
    schemas._fast_validator.cache_clear()


def imported(profile, body: str | None = None) -> str:
    """The profile's first paper as imported from the person's page papers/my-own-page.md; its id."""
    text = profile.read_text("utf-8")
    papers = text.split("\npublications:\n", 1)[1]
    line = next(line for line in papers.splitlines() if line.startswith("  - id: "))
    origin = f"    origin:\n      template: academicpages\n      path: {OWN}\n"
    if body is not None:
        origin += "      body: " + json.dumps(body) + "\n"
    profile.write_text(text.replace(line + "\n", line + "\n" + origin, 1), "utf-8")
    return line.removeprefix("  - id: ")


def titled(page: bytes, title: str) -> bytes:
    return page.replace(b'title: "Accurate Spectral Super-resolution from Single RGB Image Using Multi-scale CNN"',
                        b"title: " + json.dumps(title).encode(), 1)


def blob_reads(fake) -> int:
    return fake.count("GET", r"/git/blobs/")


def test_the_persons_page_is_read_and_edited_in_place_and_the_bots_own_pages_are_not_downloaded(
        tmp_path, monkeypatch, capsys, in_place_template):
    profile = copy_default_profile(tmp_path, IN_PLACE)
    imported(profile)
    with local_github(monkeypatch, {"octo/site": {OWN: REAL_PAGE, "README.md": "mine\n"}}) as fake:
        assert cli(capsys, "sync", str(profile)).code == 0
        branch = fake.read_tree("octo/site", "profilebot/site")
        page = branch[OWN]
        assert page != REAL_PAGE and page.split(b"\n", 2)[2] == REAL_PAGE.split(b"\n", 2)[2]  # only the title
        assert blob_reads(fake) == 1  # the person's page; the site had no manifest to read
        manifest = json.loads(branch[MANIFEST])
        assert set(manifest["blobs"]) == {p for p in branch if p.startswith("papers/")}  # what it edits in place

        fake.merge_pull("octo/site", fake.open_pulls("octo/site")[0].number)
        fake.reset_log()
        diff = cli(capsys, "diff", str(profile))
        assert "site: no drift." in diff.out, diff.out
        # No drift: the tree, the person's page (True: always read) and the bot's PRs; no page of the bot's.
        assert blob_reads(fake) == 1 and len(fake.requests) == 3

        # Someone edits one of the bot's pages on the site: that page is read, and their edit stays.
        ours = sorted(p for p in branch if p.startswith("papers/") and p != OWN)[0]
        fake.commit_files("octo/site", "main", {ours: branch[ours] + b"added by hand\n"})
        fake.reset_log()
        diff = cli(capsys, "diff", str(profile))
        assert "site: no drift." in diff.out, diff.out
        assert blob_reads(fake) == 3  # the person's page, the manifest (to learn who wrote it), the edited page


def test_diff_right_after_import_calls_no_paper_new_that_already_has_a_page(tmp_path, monkeypatch, capsys,
                                                                             in_place_template):
    profile = copy_default_profile(tmp_path, IN_PLACE)
    paper = imported(profile)
    title = next(line for line in profile.read_text("utf-8").split(f"id: {paper}\n", 1)[1].splitlines()
                 if line.strip().startswith("title: ")).split("title: ", 1)[1].strip().strip("'\"")
    for page, expected in ((titled(REAL_PAGE, title), []), (REAL_PAGE, [("updated", ["title"])])):
        with local_github(monkeypatch, {"octo/site": {OWN: page}}):
            assert main(["diff", str(profile), "--format", "json"]) == 0
            report = json.loads(capsys.readouterr().out)[0]
        changes = {p["id"]: p for p in report["publications"]}
        # The imported paper is on the site already: unchanged when its page holds the profile's values,
        # "updated" with the keys that change otherwise; never "new" with no fields.
        assert [(c["change"], [f["field"] for f in c["fields"]]) for c in changes.values() if c["id"] == paper] \
            == expected, report["publications"]
        assert all(c["change"] == "new" for c in changes.values() if c["id"] != paper)
        if expected:
            assert changes[paper]["fields"][0]["old"].startswith("Accurate Spectral")


def test_a_change_that_would_lose_the_persons_content_needs_the_setting_and_diff_names_the_loss(
        tmp_path, monkeypatch, capsys, in_place_template):
    profile = copy_default_profile(tmp_path, IN_PLACE)
    imported(profile, body="An older body, from the import.\n")  # the site's body was edited since
    with local_github(monkeypatch, {"octo/site": {OWN: REAL_PAGE}}) as fake:
        run = cli(capsys, "sync", str(profile))
        assert run.code == 0, run.out
        assert (f"{OWN} would lose the page body, link https://arxiv.org/abs/1806.03575, link "
                in run.out), run.out
        assert "set site.allow_removals: true in profilebot.yaml" in run.out
        assert fake.read_tree("octo/site", "profilebot/site")[OWN] == REAL_PAGE  # left as it is
        assert OWN not in json.loads(fake.read_tree("octo/site", "profilebot/site")[MANIFEST])["files"]

        (tmp_path / "profilebot.yaml").write_text(IN_PLACE + "  allow_removals: true\n", "utf-8")
        assert main(["diff", str(profile), "--format", "json"]) == 0
        report = json.loads(capsys.readouterr().out)[0]
        removes = next(f["removes"] for f in report["files"] if f["path"] == OWN)
        assert removes[0] == {"kind": "body", "what": ""}
        assert {"kind": "link", "what": "https://github.com/SaoYan/Multiscale-Super-Spectral"} in removes
        assert cli(capsys, "sync", str(profile)).code == 0
        assert fake.read_tree("octo/site", "profilebot/site")[OWN].endswith(b"\nAn older body, from the import.\n")
        body = fake.open_pulls("octo/site")[0].body
    removals = body.index("#### Removes")
    assert removals < body.index("#### Publications") < body.index("#### Files")
    assert f"- `{OWN}` loses the page body, link https://arxiv.org/abs/1806.03575" in body


def test_import_then_sync_of_a_real_site_changes_nothing_of_the_persons_and_calls_no_paper_new(
        tmp_path, monkeypatch, capsys):
    profile = copy_default_profile(tmp_path, ACADEMICPAGES)
    assert main(["import", "academicpages", str(SITE), str(profile), "--write"]) == 0
    capsys.readouterr()
    assert "  - id: PRCV2018\n" in profile.read_text("utf-8") and "  - id: IPMI2019\n" in profile.read_text("utf-8")
    site = real_site()
    with local_github(monkeypatch, {"octo/site": site}) as fake:
        assert main(["diff", str(profile), "--format", "json"]) == 0
        out, err = capsys.readouterr()
        report = json.loads(out)[0]
        imported = {a["id"] for a in report["publications"]} & {"PRCV2018", "IPMI2019"}
        assert not imported, report["publications"]  # both papers have their pages already: nothing to say
        assert "files/cv.pdf is yours" in err
        run = cli(capsys, "sync", str(profile))
        assert run.code == 0, run.out
        branch = fake.read_tree("octo/site", "profilebot/site")
    assert {path: branch.get(path) for path in site} == site, [p for p in site if branch.get(p) != site[p]]


def test_build_site_only_holds_back_the_same_change_and_says_why(tmp_path, capsys, in_place_template):
    profile = copy_default_profile(tmp_path, IN_PLACE)
    imported(profile, body="An older body, from the import.\n")
    clone = tmp_path / "clone"
    (clone / "papers").mkdir(parents=True)
    (clone / OWN).write_bytes(REAL_PAGE)
    run = cli(capsys, "build", str(profile), "-o", str(clone), "--site-only")
    assert run.code == 0, run.out
    assert f"{OWN} would lose the page body, link https://arxiv.org/abs/1806.03575" in run.out
    assert (clone / OWN).read_bytes() == REAL_PAGE
    (tmp_path / "profilebot.yaml").write_text(IN_PLACE + "  allow_removals: true\n", "utf-8")
    assert cli(capsys, "build", str(profile), "-o", str(clone), "--site-only").code == 0
    assert (clone / OWN).read_bytes().endswith(b"\nAn older body, from the import.\n")


AL_FOLIO_SITE = REAL_SITES / "al-folio" / "0xAdriaTorralba__0xAdriaTorralba.github.io"
AL_FOLIO_OWN = ("_data/cv.yml", "_data/coauthors.yml", "assets/pdf/cv.pdf")


def test_import_then_sync_of_a_real_al_folio_site_leaves_its_hand_made_cv_data_and_pdf_alone(
        tmp_path, monkeypatch, capsys):
    profile = copy_default_profile(tmp_path, "site:\n  repo: octo/site\n  template: al-folio\n")
    assert main(["import", "al-folio", str(AL_FOLIO_SITE), str(profile), "--write"]) == 0
    capsys.readouterr()
    site = {p.relative_to(AL_FOLIO_SITE).as_posix(): p.read_bytes() for p in AL_FOLIO_SITE.rglob("*") if p.is_file()}
    site["assets/pdf/cv.pdf"] = OWN_CV
    with local_github(monkeypatch, {"octo/site": site}) as fake:
        run = cli(capsys, "sync", str(profile))
        assert run.code == 0, run.out
        for path in AL_FOLIO_OWN:
            assert f"{path} is yours (profilebot did not write it): left alone" in run.out, run.out
        branch = fake.read_tree("octo/site", "profilebot/site") if fake.open_pulls("octo/site") else site
    assert {path: branch.get(path) for path in AL_FOLIO_OWN} == {path: site[path] for path in AL_FOLIO_OWN}
