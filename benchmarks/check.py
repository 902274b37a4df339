"""Time `profilebot check` as a whole process on the default profile and a generated 2,000-paper one.

Run: `python benchmarks/check.py [--runs 5] [--keep DIR]`. Prints, for each profile, the median wall
time of `python -m profilebot check` over the runs, the median time of `python -c "import yaml,
jsonschema"` (the floor any Python validator built on those libraries pays), and the peak resident
memory of the check processes. The large profile is generated deterministically and is valid, so the
timing covers the whole pipeline (parse, fast schema check, build, every lint rule) as a person sees it.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_PROFILE = ROOT / "profile.yaml"
ENV = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
PAPERS = 2_000
POSITIONS = 200
VENUES = (("International Conference on Machine Learning", "ICML"),
          ("International Conference on Supercomputing", "ICS"),
          ("ACM SIGMOD International Conference on Management of Data", "SIGMOD"),
          ("USENIX Annual Technical Conference", "USENIX ATC"),
          ("International Conference on Computer Vision", "ICCV"))
COAUTHORS = ("X. Chen", "J. Zhao", "Y. Tian", "C. Fu", "K. Ding", "Z. Wang", "T. Siddiqui", "J. Camacho-Rodríguez")


def large_profile(papers: int = PAPERS, positions: int = POSITIONS) -> str:
    """A valid profile with `papers` publications and `positions` positions; the same text every time."""
    lines = [
        "person:",
        "  name: Hanxian Huang",
        '  name_variants: ["H. Huang", "Huang, H."]',
        "  headline: Researcher",
        "  email: hah008@ucsd.edu",
        "  website: https://hanxian97.github.io",
        "  profiles:",
        "    orcid: 0000-0002-1825-0097",
        "positions:",
    ]
    for n in range(positions):
        # One position a year, each a summer internship, so no two overlap.
        year = 1800 + n
        lines += [f"  - id: position-{n:04d}",
                  "    kind: industry",
                  "    title: Research Intern",
                  f"    organization: Laboratory {n}",
                  "    location: San Diego, CA, USA",
                  "    periods:",
                  f"      - {{start: {year}-06, end: {year}-09, mode: full-time}}",
                  "    supervisors: [Dr. Ada Lovelace]",
                  "    highlights:",
                  f"      - Built system number {n} and measured it on real workloads."]
    lines.append("publications:")
    for n in range(papers):
        name, short = VENUES[n % len(VENUES)]
        year = 1990 + n % 30
        others = [COAUTHORS[(n + k) % len(COAUTHORS)] for k in range(4)]
        authors = others[:1] + ["H. Huang"] + others[1:]
        lines += [f"  - id: paper-{n:05d}",
                  "    type: conference-paper",
                  "    status: published",
                  f'    title: "Study number {n}: Learning to Optimise Systems at Scale, part {n}"',
                  f"    authors: [{', '.join(authors)}]",
                  "    venue:",
                  f"      name: {name}",
                  f"      short: {short}",
                  f"    date: {year}-{n % 12 + 1:02d}",
                  f"    doi: 10.1145/{3000000 + n}",
                  f"    url: https://example.org/papers/{n}",
                  "    links:",
                  f"      pdf: https://example.org/papers/{n}.pdf",
                  f"      code: https://github.com/example/paper-{n}",
                  "    keywords: [systems, machine learning]",
                  f'    abstract: "We study problem {n} and show a {n % 97}% improvement over the baseline."']
    return "\n".join(lines) + "\n"


def timed(command: list[str], runs: int) -> tuple[float, subprocess.CompletedProcess]:
    """(median wall seconds over `runs` runs, the last run's result)."""
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        completed = subprocess.run(command, capture_output=True, text=True, cwd=ROOT, env=ENV)
        times.append(time.perf_counter() - start)
    return statistics.median(times), completed


# Children's ru_maxrss is a maximum over all children so far; a wrapper process per measurement gives
# each command its own figure.
_PEAK = ("import resource, subprocess, sys; subprocess.run(sys.argv[1:], capture_output=True); "
         "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)")


def peak_memory_mib(command: list[str]) -> float:
    """Peak resident memory of one run of `command`, in MiB (Linux reports ru_maxrss in KiB)."""
    output = subprocess.run([sys.executable, "-c", _PEAK, *command], capture_output=True, text=True, cwd=ROOT,
                            env=ENV, check=True).stdout
    return int(output.strip()) / 1024


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--keep", type=Path, help="write the generated profile into this folder")
    args = parser.parse_args(argv)
    folder = args.keep or Path(tempfile.mkdtemp(prefix="profilebot-bench-"))
    folder.mkdir(parents=True, exist_ok=True)
    large = folder / "profile.yaml"
    large.write_text(large_profile(), "utf-8")

    floor, _ = timed([sys.executable, "-c", "import yaml, jsonschema"], args.runs)
    print(f"import floor  python -c 'import yaml, jsonschema'  median {floor:.3f} s  "
          f"peak RSS {peak_memory_mib([sys.executable, '-c', 'import yaml, jsonschema']):.1f} MiB")
    for label, path in (("default", DEFAULT_PROFILE), (f"{PAPERS:,} papers", large)):
        command = [sys.executable, "-m", "profilebot", "check", str(path)]
        seconds, completed = timed(command, args.runs)
        if completed.returncode not in (0, 1) or "Traceback" in completed.stderr:
            print(f"{label}: profilebot check failed (exit {completed.returncode}):\n{completed.stderr}",
                  file=sys.stderr)
            return 1
        print(f"{label:<13} profilebot check ({path.stat().st_size / 1e6:.2f} MB)  median {seconds:.3f} s  "
              f"({seconds / floor:.2f}x the import floor)  exit {completed.returncode}  "
              f"peak RSS {peak_memory_mib(command):.1f} MiB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
