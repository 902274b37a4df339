"""A stranger's first hour: the photo checked and copied into the site, `build --site-only` into a clone of
one's own site repository, and `diff --target site` against a public repository without a token."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from profilebot.cli import main
from profilebot.render.site import academicpages, static
from profilebot.targets import session
from profilebot.clients.http import RetryPolicy
from tests.fakes.github_server import GitHubFake

ROOT = Path(__file__).resolve().parents[2]
PHOTO = b"\xff\xd8\xff\xe0 not really a JPEG, but bytes that must arrive unchanged"


def profile_with_photo(folder: Path, photo: str = "images/profile.jpg") -> Path:
    text = (ROOT / "profile.yaml").read_text("utf-8")
    text = text.replace("  website: https://hanxian97.github.io\n",
                        f"  website: https://hanxian97.github.io\n  photo: {photo}\n", 1)
    (folder / "profile.yaml").write_text(text, "utf-8")
    return folder / "profile.yaml"


def test_a_photo_that_is_not_there_is_a_warning_at_its_line(tmp_path, capsys):
    profile = profile_with_photo(tmp_path)
    assert main(["check", str(profile)]) == 0
    out = capsys.readouterr().out
    line = next(n for n, text in enumerate(profile.read_text().splitlines(), 1) if "photo:" in text)
    assert f"profile.yaml:{line}:10: warning PB408 person.photo is 'images/profile.jpg', but there is no such file" in out

    (tmp_path / "images").mkdir()
    (tmp_path / "images/profile.jpg").write_bytes(PHOTO)
    assert main(["check", str(profile)]) == 0
    assert "PB408" not in capsys.readouterr().out


def test_a_photo_outside_the_profile_folder_is_not_taken(tmp_path, capsys):
    (tmp_path / "secret.jpg").write_bytes(PHOTO)
    (tmp_path / "me").mkdir()
    profile = profile_with_photo(tmp_path / "me", "../secret.jpg")
    assert main(["check", str(profile)]) == 0
    assert "outside the profile's folder" in capsys.readouterr().out
    assert main(["-q", "build", str(profile), "-o", str(tmp_path / "out")]) == 0
    assert not list((tmp_path / "out").rglob("*.jpg"))


def test_build_copies_the_photo_into_the_site_the_home_page_shows(tmp_path):
    profile = profile_with_photo(tmp_path)
    (tmp_path / "images").mkdir()
    (tmp_path / "images/profile.jpg").write_bytes(PHOTO)
    assert main(["-q", "build", str(profile), "-o", str(tmp_path / "out")]) == 0
    assert (tmp_path / "out/site/images/profile.jpg").read_bytes() == PHOTO
    assert 'src="images/profile.jpg"' in (tmp_path / "out/site/index.html").read_text("utf-8")


def test_site_only_writes_the_template_files_at_the_root_of_a_clone_touching_only_owned_paths(tmp_path, capsys):
    profile = profile_with_photo(tmp_path)
    (tmp_path / "images").mkdir()
    (tmp_path / "images/profile.jpg").write_bytes(PHOTO)
    clone = tmp_path / "ada.github.io"
    (clone / "_publications").mkdir(parents=True)
    mine = {"_config.yml": "title: mine\n", "_pages/about.md": "about me\n", "CNAME": "ada.example.org\n",
            "files/slides.pdf": "%PDF mine\n"}  # files/cv.pdf is the adapter's: the PDF CV (issue 12)
    for name, text in mine.items():
        (clone / name).parent.mkdir(parents=True, exist_ok=True)
        (clone / name).write_text(text)
    # A page in an owned folder that no run of the bot wrote (no manifest lists it) is the person's (issue 19).
    (clone / "_publications/2001-01-01-hand-made.md").write_text("a page written by hand\n")
    mine["_publications/2001-01-01-hand-made.md"] = "a page written by hand\n"

    assert main(["build", str(profile), "-o", str(clone), "--site-only", "--template", "academicpages"]) == 0
    assert "stale removed" not in capsys.readouterr().out
    assert all((clone / name).read_text() == text for name, text in mine.items())
    written = {p.relative_to(clone).as_posix() for p in clone.rglob("*") if p.is_file()} - set(mine)
    assert written and all(path.startswith((*academicpages.OWNED_PATHS, ".profilebot/")) for path in written), written
    # The manifest lists what the build wrote: a page of the bot's that leaves the profile is removed next time.
    (clone / "_publications/2001-01-01-gone.md").write_text("a paper removed from the profile\n")
    manifest = clone / ".profilebot/publications.json"
    manifest.write_text(manifest.read_text().replace('"files": [', '"files": [\n  "_publications/2001-01-01-gone.md",'))
    assert main(["build", str(profile), "-o", str(clone), "--site-only", "--template", "academicpages"]) == 0
    assert "1 stale removed" in capsys.readouterr().out
    assert not (clone / "_publications/2001-01-01-gone.md").exists()
    assert all((clone / name).read_text() == text for name, text in mine.items())
    assert (clone / "files/cv.pdf").read_bytes().startswith(b"%PDF-")
    assert not (clone / "site").exists() and not (clone / "publications.bib").exists()
    # academicpages takes its avatar from the owner's _config.yml: no photo is copied for it.
    assert not (clone / "images").exists()

    static_clone = tmp_path / "static-site"
    assert main(["-q", "build", str(profile), "-o", str(static_clone), "--site-only"]) == 0
    assert (static_clone / "index.html").is_file() and (static_clone / "images/profile.jpg").read_bytes() == PHOTO
    top = {p.relative_to(static_clone).as_posix().split("/")[0] for p in static_clone.rglob("*") if p.is_file()}
    assert top <= {path.rstrip("/").split("/")[0] for path in static.OWNED_PATHS} | {"images", ".profilebot"}


@pytest.fixture
def public_site(tmp_path, monkeypatch):
    shutil.copy(ROOT / "profile.yaml", tmp_path / "profile.yaml")
    (tmp_path / "profilebot.yaml").write_text("site:\n  repo: octo/site\n", "utf-8")
    monkeypatch.setattr(session, "POLICY", RetryPolicy(attempts=2, base_delay=0.01, secondary_wait=0.01,
                                                       write_interval=0, sleep=lambda s: None))
    with GitHubFake(token="ghp_" + "NotUsedAtAll" * 3) as fake:
        fake.create_repo("octo/site", {"README.md": "# me\n"})
        fake.create_repo("octo/private-site", {"README.md": "# me\n"}, private=True)
        monkeypatch.setenv("GITHUB_API_URL", fake.api_url)
        for variable in ("GITHUB_TOKEN", "PROFILEBOT_GITHUB_TOKEN", "GH_TOKEN", "PROFILEBOT_APP_ID", "GITHUB_OUTPUT",
                         "GITHUB_REPOSITORY", "GITHUB_ACTIONS"):
            monkeypatch.delenv(variable, raising=False)
        yield fake, tmp_path


def test_diff_reads_a_public_site_repository_without_a_token(public_site, capsys):
    fake, folder = public_site
    assert main(["diff", "--target", "site", "--exit-code", str(folder / "profile.yaml")]) == 1  # drift found
    out = capsys.readouterr().out
    assert "index.html" in out
    assert fake.requests and all(method == "GET" for method, *_ in fake.requests)


def test_sync_without_a_token_still_says_which_token_to_set(public_site, capsys):
    fake, folder = public_site
    assert main(["sync", "--target", "site", str(folder / "profile.yaml")]) == 1
    captured = capsys.readouterr()
    assert "no GitHub token in the environment" in captured.out + captured.err
    assert fake.requests == []


def test_a_private_repository_without_a_token_is_not_found(public_site, capsys):
    fake, folder = public_site
    (folder / "profilebot.yaml").write_text("site:\n  repo: octo/private-site\n", "utf-8")
    assert main(["diff", "--target", "site", str(folder / "profile.yaml")]) == 1
    out = capsys.readouterr()
    assert "site: failed" in out.out + out.err
