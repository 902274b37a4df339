"""Arbitrary bytes through the whole check (decode → YAML events → schema → lint): findings, never a crash.

Bounded: a small number of examples, each at most a few kilobytes, so the run takes seconds; the shapes
are biased toward YAML (indicators, anchors, aliases, tags, escapes, control and bidi characters) so the
fuzzer spends its examples where parsers break, not on random noise.
"""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from profilebot.validate.pipeline import check_bytes
from tests.paths import ROOT

PIECES = ["person:", "\n", "  ", "name: ", "- ", "{", "}", "[", "]", ",", ": ", "&a ", "*a", "!!python/object ", "!!str ",
          '"', "'", "\\0", "\\x85", "\\u202e", "%YAML 1.1\n", "---\n", "...\n", "? ", "|\n", ">\n", "#", "9" * 50,
          "publications:\n  - id: p\n    title: ", "\t", "\r\n", "\x00", "\x07", "\ufeff", "é", "\u202e", "<<: *a\n"]
SEED = (ROOT / "profile.yaml").read_bytes()[:4000]
FUZZ = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _checked(raw: bytes) -> None:
    result = check_bytes(raw, "fuzz.yaml")
    for finding in result.findings:  # every finding is complete enough to print
        assert finding.code.startswith("PB") and finding.message


@FUZZ
@given(st.binary(max_size=2048))
def test_random_bytes_never_crash_the_check(raw: bytes) -> None:
    _checked(raw)


@FUZZ
@given(st.lists(st.sampled_from(PIECES), max_size=80).map("".join), st.sampled_from(["utf-8", "utf-16", "latin-1"]))
def test_yaml_shaped_noise_never_crashes_the_check(text: str, encoding: str) -> None:
    _checked(text.encode(encoding, "replace"))


@FUZZ
@given(st.integers(0, len(SEED)), st.binary(max_size=64), st.integers(0, 64))
def test_a_real_profile_with_bytes_spliced_in_never_crashes_the_check(at: int, inserted: bytes, cut: int) -> None:
    _checked(SEED[:at] + inserted + SEED[at + cut:])
