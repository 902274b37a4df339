"""Local files under attack or accident: special files, links, permissions, encodings and kill -9."""

from __future__ import annotations

import codecs
import os
import random
import signal
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from profilebot import cli, files
from profilebot.errors import UsageError
from tests.paths import ROOT

FIXABLE = "person:\n  name: Ada Lovelace\n  website: http://ada.example.org\n"  # PB402: --fix writes https
ENV = {**os.environ, "PYTHONPATH": str(ROOT / "src")}


def run(*args: str, cwd: Path, timeout: float = 60) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "profilebot", *args], capture_output=True, text=True, cwd=cwd,
                          env=ENV, timeout=timeout, stdin=subprocess.DEVNULL)


# --- reads -------------------------------------------------------------------------------------------

def test_a_fifo_as_the_profile_is_refused_at_once_instead_of_hanging(tmp_path: Path):
    fifo = tmp_path / "profile.yaml"
    os.mkfifo(fifo)
    result = run("check", str(fifo), cwd=tmp_path)  # the old read waited for a writer forever (timeout)
    assert result.returncode == 2 and "named pipe (FIFO), not a regular file" in result.stderr


def test_dev_zero_is_refused_not_read_until_memory_runs_out():
    with pytest.raises(UsageError, match="character device"):
        files.read_bytes(Path("/dev/zero"))


def test_a_read_stops_at_the_limit_whatever_the_size_claims(tmp_path: Path):
    path = tmp_path / "profile.yaml"
    path.write_bytes(b"x" * 2000)
    assert files.read_bytes(path, limit=2000) == b"x" * 2000
    with pytest.raises(UsageError, match="limit"):
        files.read_bytes(path, limit=1999)


def test_a_profile_linked_to_a_file_elsewhere_is_refused_without_quoting_it(tmp_path: Path):
    secret = tmp_path / "elsewhere" / "passwd"
    secret.parent.mkdir()
    secret.write_text("root:x:0:0:root:/root:/bin/bash\n", "utf-8")
    repo = tmp_path / "repo"
    repo.mkdir()
    (repo / "profile.yaml").symlink_to(secret)
    result = run("check", "profile.yaml", cwd=repo)
    assert result.returncode == 2 and "outside its folder" in result.stderr
    assert "root:x" not in result.stdout + result.stderr


# --- writes ------------------------------------------------------------------------------------------

@pytest.fixture
def umask_027():
    previous = os.umask(0o027)
    yield
    os.umask(previous)


def test_a_new_output_is_made_unnamed_and_named_whole_without_staging_or_rename(tmp_path: Path, monkeypatch):
    """A first build makes thousands of files: each is written unnamed in its folder and linked in once
    (linkat), so it appears whole or not at all, with no staged name and no rename per file."""
    def refused(*args: object, **kwargs: object) -> None:
        raise AssertionError("a new file was staged and renamed")

    monkeypatch.setattr(os, "replace", refused)
    monkeypatch.setattr(files.tempfile, "mkstemp", refused)
    path = tmp_path / "site" / "publications" / "paper.html"
    assert files.write_bytes(path, b"<p>whole</p>" * 100_000)
    assert path.read_bytes() == b"<p>whole</p>" * 100_000
    assert [p.name for p in path.parent.iterdir()] == ["paper.html"]
    assert not files.write_bytes(path, b"<p>whole</p>" * 100_000)  # the same bytes again: nothing written


def test_a_new_output_gets_what_the_umask_allows_and_a_rewrite_keeps_the_mode(tmp_path: Path, umask_027):
    assert files.write_bytes(tmp_path / "new.txt", b"one")
    assert stat.S_IMODE((tmp_path / "new.txt").stat().st_mode) == 0o640  # not mkstemp's 0600
    profile = tmp_path / "profile.yaml"
    profile.write_text(FIXABLE, "utf-8")
    profile.chmod(0o664)
    assert cli.main(["check", "--fix", str(profile)]) == 0
    assert "https://ada.example.org" in profile.read_text("utf-8")
    assert stat.S_IMODE(profile.stat().st_mode) == 0o664


@pytest.mark.parametrize("bom", [b"", codecs.BOM_UTF8])
@pytest.mark.parametrize("newline", ["\n", "\r\n"])
def test_a_rewrite_keeps_the_bom_and_line_endings(tmp_path: Path, bom: bytes, newline: str):
    profile = tmp_path / "profile.yaml"
    profile.write_bytes(bom + FIXABLE.replace("\n", newline).encode("utf-8"))
    assert cli.main(["check", "--fix", str(profile)]) == 0
    written = profile.read_bytes()
    assert written.startswith(bom) and b"https://ada.example.org" in written
    assert written[len(bom):].count(newline.encode()) == FIXABLE.count("\n")
    if newline == "\n":
        assert b"\r" not in written


def test_a_symlinked_profile_is_written_through_and_stays_a_link(tmp_path: Path):
    real = tmp_path / "data" / "profile.yaml"
    real.parent.mkdir()
    real.write_text(FIXABLE, "utf-8")
    link = tmp_path / "profile.yaml"
    link.symlink_to(Path("data") / "profile.yaml")
    assert cli.main(["check", "--fix", str(link)]) == 0
    assert link.is_symlink() and "https://ada.example.org" in real.read_text("utf-8")


def test_build_never_writes_through_a_folder_link_planted_in_the_output(tmp_path: Path, capsys):
    outside = tmp_path / "outside"
    outside.mkdir()
    out = tmp_path / "out"
    out.mkdir()
    (out / "site").symlink_to(outside, target_is_directory=True)
    assert cli.main(["build", str(ROOT / "profile.yaml"), "-o", str(out)]) == 2
    assert "leads outside" in capsys.readouterr().err
    assert list(outside.iterdir()) == []


def test_a_file_link_planted_among_many_outputs_is_refused_and_nothing_is_written(tmp_path: Path):
    """inside_all resolves each folder once (a build writes thousands of pages into one); a link that is
    itself one of the outputs is still followed alone, and links that stay inside are fine."""
    outside, out = tmp_path / "outside", tmp_path / "out"
    (out / "site" / "publications").mkdir(parents=True)
    outside.mkdir()
    (out / "site" / "publications" / "p0500.html").symlink_to(outside / "stolen.html")
    (out / "site" / "publications" / "p0501.html").symlink_to(out / "kept.html")
    (out / "inner").symlink_to(out / "site", target_is_directory=True)
    many = [f"site/publications/p{n:04d}.html" for n in range(1000)]
    assert files.inside_all(out, [*many[:500], *many[501:], "inner/x.html"])[-1] == out / "inner" / "x.html"
    with pytest.raises(UsageError, match="leads outside"):
        files.inside_all(out, many)
    with pytest.raises(UsageError, match="leads outside"):
        files.inside_all(out, ["site/../../outside/x.html"])
    assert list(outside.iterdir()) == []


def test_build_into_a_dangling_link_says_so(tmp_path: Path, capsys):
    out = tmp_path / "out"
    out.symlink_to(tmp_path / "missing")
    assert cli.main(["build", str(ROOT / "profile.yaml"), "-o", str(out)]) == 2
    error = capsys.readouterr().err
    assert "symbolic link to nothing" in error and "Traceback" not in error


WRITER = """
import sys
from pathlib import Path
from profilebot import files
path, versions = Path(sys.argv[1]), [b"A" * 3_000_000, b"B" * 3_000_000]
files.write_bytes(path, versions[0])
print("ready", flush=True)
for turn in range(1_000_000):
    files.write_bytes(path, versions[turn % 2 - 1])
"""


def test_kill_9_during_writes_never_leaves_a_copy_or_a_partial_file(tmp_path: Path):
    folder, system_tmp = tmp_path / "repo", tmp_path / "system-tmp"
    folder.mkdir()
    system_tmp.mkdir()  # where writes stage their file (same file system): never the repository
    profile = folder / "profile.yaml"
    chance = random.Random(16)
    for _ in range(12):
        child = subprocess.Popen([sys.executable, "-c", WRITER, str(profile)], stdout=subprocess.PIPE,
                                 env=ENV | {"TMPDIR": str(system_tmp)})
        assert child.stdout is not None and child.stdout.readline() == b"ready\n"  # the event: writes under way
        signal_at = chance.uniform(0.0, 0.05)
        try:
            child.wait(timeout=signal_at)
        except subprocess.TimeoutExpired:
            pass
        child.send_signal(signal.SIGKILL)
        child.wait()
        child.stdout.close()
        assert sorted(p.name for p in folder.iterdir()) == ["profile.yaml"]  # no hidden copy beside it
        assert profile.read_bytes() in (b"A" * 3_000_000, b"B" * 3_000_000)  # whole, old or new


BIB = """@article{lovelace1843notes,
  title = {Sketch of the Analytical Engine},
  author = {Lovelace, Ada},
  journal = {Scientific Memoirs},
  year = {1843}
}
"""


@pytest.mark.parametrize("newline", ["\n", "\r\n"])
def test_import_write_keeps_bom_line_endings_mode_and_link(tmp_path: Path, newline: str, umask_027):
    real = tmp_path / "data" / "profile.yaml"
    real.parent.mkdir()
    text = "person:\n  name: Ada Lovelace\npublications: []\n".replace("\n", newline)
    real.write_bytes(codecs.BOM_UTF8 + text.encode("utf-8"))
    real.chmod(0o664)
    link = tmp_path / "profile.yaml"
    link.symlink_to(Path("data") / "profile.yaml")
    (tmp_path / "scholar.bib").write_text(BIB, "utf-8")
    assert cli.main(["import", "bibtex", str(tmp_path / "scholar.bib"), str(link), "--write"]) == 0
    written = real.read_bytes()
    assert link.is_symlink() and written.startswith(codecs.BOM_UTF8) and b"Sketch of the Analytical" in written
    assert stat.S_IMODE(real.stat().st_mode) == 0o664
    if newline == "\r\n":
        assert written.count(b"\n") == written.count(b"\r\n")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["data", "profile.yaml", "scholar.bib"]
