"""Time `profilebot build` as a whole process on the default profile and a generated 2,000-paper one.

Run: `python benchmarks/build.py [--runs 5] [--keep DIR]`. Prints, for each profile, the median wall
time of `python -m profilebot build PROFILE -o DIR` over the runs (every exporter plus the site, as a
person runs it), the same process without the site (load, check, render and write the exports), then the in-process time of each exporter's render() on the large profile, so a slow
format shows up by name. Target: all formats for 2,000 papers in under 2 seconds on 2 cores. The large
profile is benchmarks/check.py's (deterministic, valid, every paper with DOI, URL, venue and date).
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
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from check import PAPERS, large_profile  # noqa: E402


# `build` without the site: the same load, check, render and write steps, for the exports alone.
EXPORTS_ONLY = """
import sys
from pathlib import Path
from profilebot import files
from profilebot.commands.common import load_valid
from profilebot.render import outputs
settings, checked = load_valid(Path(sys.argv[1]))
for artifact in outputs.render_exports(checked.profile):
    files.write_bytes(Path(sys.argv[2]) / artifact.path, artifact.data)
"""


def timed(command: list[str], runs: int) -> tuple[float, int]:
    times, code = [], 0
    for _ in range(runs):
        start = time.perf_counter()
        completed = subprocess.run(command, capture_output=True, cwd=ROOT,
                                   env={**os.environ, "PYTHONPATH": str(ROOT / "src")})
        times.append(time.perf_counter() - start)
        code = completed.returncode
        if code != 0:
            print(completed.stderr.decode(), file=sys.stderr)
    return statistics.median(times), code


def exporter_times(profile_path: Path) -> list[tuple[str, float, int]]:
    from profilebot import plugins
    from profilebot.validate.pipeline import check

    profile = check(profile_path.read_text("utf-8")).profile
    rows = []
    for module in plugins.exporters():
        start = time.perf_counter()
        text = module.render(profile)
        rows.append((module.DEFAULT_PATH, time.perf_counter() - start, len(text.encode("utf-8"))))
    return rows


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--keep", type=Path, help="write the generated profile and outputs into this folder")
    args = parser.parse_args(argv)
    folder = args.keep or Path(tempfile.mkdtemp(prefix="profilebot-build-bench-"))
    folder.mkdir(parents=True, exist_ok=True)
    large = folder / "profile.yaml"
    large.write_text(large_profile(), "utf-8")
    print(f"cores available: {len(os.sched_getaffinity(0))}")
    for label, path in (("default", DEFAULT_PROFILE), (f"{PAPERS:,} papers", large)):
        out = folder / f"out-{label.split()[0]}"
        seconds, code = timed([sys.executable, "-m", "profilebot", "build", str(path), "-o", str(out)], args.runs)
        print(f"{label:<13} profilebot build (exports + site)   median {seconds:.3f} s over {args.runs} runs  exit {code}")
        seconds, code = timed([sys.executable, "-c", EXPORTS_ONLY, str(path), str(out) + "-exports"], args.runs)
        print(f"{label:<13} build, the 10 exports only         median {seconds:.3f} s over {args.runs} runs  exit {code}")
    total = 0.0
    for path, seconds, size in exporter_times(large):
        total += seconds
        print(f"  render {path:<22} {seconds * 1000:7.1f} ms  {size / 1e6:6.2f} MB")
    print(f"  all exporters          {total * 1000:7.1f} ms")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
