"""A file the site shows (the photo) is read only from inside the profile's folder: a linked folder
(`img -> /etc` with `photo: img/passwd`) or `..` never copies a file from elsewhere into the site, which
`build --site-only -o <clone>` would then commit (issue 21). Every component of the path is resolved."""

from __future__ import annotations

from pathlib import Path

import pytest

from profilebot import cli

PROFILE = "person:\n  name: Ada Lovelace\n  photo: {photo}\n"


@pytest.mark.parametrize("photo", ["img/secret.txt", "img/../img/secret.txt", "deep/img/secret.txt"])
def test_a_photo_through_a_linked_folder_is_refused(tmp_path: Path, photo: str, capsys) -> None:
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "secret.txt").write_text("root:x:0:0:root:/root:/bin/bash\n", "utf-8")
    repo = tmp_path / "repo"
    (repo / "deep").mkdir(parents=True)
    (repo / "img").symlink_to(outside, target_is_directory=True)
    (repo / "deep" / "img").symlink_to(outside, target_is_directory=True)
    (repo / "profile.yaml").write_text(PROFILE.format(photo=photo), "utf-8")
    for args in (["build", str(repo / "profile.yaml"), "-o", str(tmp_path / "out")],
                 ["build", str(repo / "profile.yaml"), "--site-only", "-o", str(tmp_path / "clone")]):
        assert cli.main(args) == 2
        err = capsys.readouterr().err
        assert "leads outside" in err and "Traceback" not in err
    copied = [p for p in tmp_path.rglob("*") if p.is_file() and "root:x:0" in p.read_text("utf-8", "replace")]
    assert copied == [outside / "secret.txt"]


def test_a_photo_inside_the_folder_is_copied(tmp_path: Path) -> None:
    repo = tmp_path / "repo"
    (repo / "img").mkdir(parents=True)
    (repo / "img" / "me.jpg").write_bytes(b"\xff\xd8\xff\xe0 a jpeg")
    (repo / "profile.yaml").write_text(PROFILE.format(photo="img/me.jpg"), "utf-8")
    assert cli.main(["build", str(repo / "profile.yaml"), "--site-only", "-o", str(tmp_path / "clone")]) == 0
    assert (tmp_path / "clone" / "img" / "me.jpg").read_bytes() == b"\xff\xd8\xff\xe0 a jpeg"
