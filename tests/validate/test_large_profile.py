"""The benchmark's generated profile is valid and clean: a large real-looking profile gives no false findings."""

from __future__ import annotations

import dataclasses
import importlib.util
from pathlib import Path

from profilebot.load.source_map import SourceMap
from profilebot.validate.pipeline import check

BENCHMARK = Path(__file__).resolve().parents[2] / "benchmarks" / "check.py"


def load_benchmark():
    spec = importlib.util.spec_from_file_location("benchmark_check", BENCHMARK)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_generated_profile_is_deterministic_and_has_no_findings():
    benchmark = load_benchmark()
    text = benchmark.large_profile(papers=2_000, positions=200)
    assert text == benchmark.large_profile(papers=2_000, positions=200)
    checked = check(text)
    assert checked.profile is not None
    assert (len(checked.profile.publications), len(checked.profile.positions)) == (2_000, 200)
    assert checked.findings == ()


def test_one_planted_problem_in_a_large_profile_is_found_at_its_line():
    text = load_benchmark().large_profile(papers=500, positions=20)
    planted = text.replace("    doi: 10.1145/3000250\n", "    doi: https://doi.org/10.1145/3000250\n")
    line = planted.splitlines().index("    doi: https://doi.org/10.1145/3000250") + 1
    assert [(f.code, f.line, f.column) for f in check(planted).findings] == [("PB202", line, 10)]


def test_the_rules_that_read_every_string_share_one_walk_of_the_profile(default_profile, monkeypatch):
    """PB406, PB409 and the private-value rule each read all of a profile's strings (57,000 for 2,000 papers):
    the profile is walked once per lint run, not once per rule."""
    from profilebot.validate import lint
    from profilebot.validate.rules import _fields

    profile = dataclasses.replace(default_profile)  # a new object: nothing remembered for it yet
    walks = []
    original = _fields.strings

    def counted(value, path=()):
        if value is profile:
            walks.append(path)
        return original(value, path)

    monkeypatch.setattr(_fields, "strings", counted)
    lint.run(profile, SourceMap())
    assert walks == [()]
