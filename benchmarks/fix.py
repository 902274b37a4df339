"""Time `profilebot check --fix` as a whole process on the generated 2,000-paper profile with a fix in every paper.

Run: `python benchmarks/fix.py [--runs 3]`. Every paper's DOI is written as a https://doi.org/ URL and its
title carries a double space (4,000 fixes), and `url:` uses http:// (2,000 more). Prints the median wall
time of the fixing run (read, check, plan, splice every change in place, verify by re-reading, write,
check again), the median time of the second run on the fixed file (nothing left to fix), the number of
fixes made, and whether every line that no fix touched is byte-identical afterwards.
"""

from __future__ import annotations

import argparse
import os
import re
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from check import ENV, large_profile  # noqa: E402 - the same generated profile as benchmarks/check.py


def broken(text: str) -> str:
    text = re.sub(r"    doi: (10\.\S+)", r"    doi: https://doi.org/\1", text)
    text = text.replace(": Learning to Optimise", ":  Learning to Optimise")
    return text.replace("    url: https://example.org/papers/", "    url: http://example.org/papers/")


def timed(argv: list[str], cwd: Path) -> tuple[float, float, str]:
    """(wall seconds, CPU seconds of the process, stdout): CPU time stays meaningful on a loaded machine."""
    cpu = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    result = subprocess.run([sys.executable, "-m", "profilebot", *argv], cwd=cwd, env=ENV, capture_output=True,
                            text=True)
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - cpu.ru_utime) + (after.ru_stime - cpu.ru_stime), result.stdout


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args(argv)
    original = broken(large_profile())
    fixing, clean, fixing_cpu, clean_cpu = [], [], [], []
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        profile = work / "profile.yaml"
        for _ in range(args.runs):
            profile.write_text(original, "utf-8")
            seconds, cpu, out = timed(["check", "--fix", "profile.yaml"], work)
            fixing.append(seconds)
            fixing_cpu.append(cpu)
            seconds, cpu, again = timed(["check", "--fix", "profile.yaml"], work)
            clean.append(seconds)
            clean_cpu.append(cpu)
        fixes = sum(1 for line in out.splitlines() if ": fixed PB" in line)
        before, after = original.splitlines(), profile.read_text("utf-8").splitlines()
        untouched = all(a == b for a, b in zip(before, after, strict=True)
                        if "doi:" not in a and "title:" not in a and "url:" not in a)
    print(f"profile: {len(original):,} bytes, {original.count('  - id: paper-'):,} papers")
    print(f"check --fix, {fixes:,} fixes: median {statistics.median(fixing):.2f} s wall, "
          f"{statistics.median(fixing_cpu):.2f} s CPU over {args.runs} runs")
    print(f"check --fix on the fixed file: median {statistics.median(clean):.2f} s wall, "
          f"{statistics.median(clean_cpu):.2f} s CPU "
          f"({'nothing to fix' if 'nothing to fix' in again else 'NOT idempotent'})")
    print(f"every untouched line byte-identical: {untouched}")
    return 0 if untouched and "nothing to fix" in again else 1


if __name__ == "__main__":
    sys.exit(main())
