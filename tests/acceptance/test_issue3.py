"""Issue 3 (`profilebot build`): building where a person really builds — next to their own files."""

from __future__ import annotations

import pytest

from tests.acceptance.helpers import DEFAULT_PROFILE, built_files, process


def test_build_into_a_folder_with_other_files_keeps_them_and_writes_the_same_outputs(tmp_path):
    clean, busy = tmp_path / "clean", tmp_path / "busy"
    (busy / "site").mkdir(parents=True)
    (busy / "notes.txt").write_text("mine\n", "utf-8")
    (busy / "site" / "custom.html").write_text("<p>hand-made</p>\n", "utf-8")
    (busy / "publications.bib").write_text("@misc{stale, title={Old}}\n", "utf-8")  # a stale output
    assert process("build", str(DEFAULT_PROFILE), "-o", str(clean)).code == 0
    run = process("build", str(DEFAULT_PROFILE), "-o", str(busy))
    assert run.code == 0 and run.no_traceback, run.out
    expected, got = built_files(clean), built_files(busy)
    for path, data in expected.items():
        assert got[path] == data, path  # every output, the stale one included, is the fresh bytes
    assert got["notes.txt"] == b"mine\n" and got["site/custom.html"] == b"<p>hand-made</p>\n"
    again = process("build", str(DEFAULT_PROFILE), "-o", str(busy))
    assert again.code == 0 and "0 written" in again.out, again.out  # nothing rewritten on a rerun


def test_build_with_a_missing_profile_is_a_usage_error(tmp_path):
    run = process("build", str(tmp_path / "nope.yaml"), "-o", str(tmp_path / "out"))
    assert run.code == 2 and run.no_traceback and "nope.yaml" in run.out
    assert not (tmp_path / "out").exists()


def test_build_refuses_a_profile_with_errors_and_writes_nothing(tmp_path):
    profile = tmp_path / "profile.yaml"
    profile.write_text("person: {name: X, profiles: {orcid: 0000-0002-1825-0098}}\n", "utf-8")
    run = process("build", str(profile), "-o", str(tmp_path / "out"))
    assert run.code == 1 and run.no_traceback and "PB101" in run.out, run.out
    assert not (tmp_path / "out").exists()


def test_build_into_a_path_that_is_a_file_is_a_usage_error(tmp_path):
    occupied = tmp_path / "build"
    occupied.write_text("not a folder\n", "utf-8")
    run = process("build", str(DEFAULT_PROFILE), "-o", str(occupied))
    assert run.code == 2 and run.no_traceback, run.out
    assert str(occupied) in run.out and "folder" in run.out
    assert occupied.read_text("utf-8") == "not a folder\n"
