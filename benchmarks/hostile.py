"""The worst case over hostile input: every hostile file is refused or checked within 2 s and 200 MiB, and every
build of a hostile-but-valid profile stays within 10x the default profile's build time and memory.

Run: `python benchmarks/hostile.py [--keep DIR]`. Each case is a whole `python -m profilebot` process; its wall
time and peak resident memory come from the operating system (wait4's rusage), so the interpreter's start is
included, as a person or a CI job pays it. Inputs: tests/hostile/files/, tests/fixtures/broken/, the two alias
bombs the corpus test generates, a 10 MB file, a FIFO and /dev/zero; builds: the default profile, then valid
profiles that push each bound (aliases at the expansion budget, the injection strings in every title).
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
ENV = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
CHECK_SECONDS, CHECK_MIB = 2.0, 200
BUILD_FACTOR = 10


def measure(args: list[str], cwd: Path) -> tuple[float, float, int]:
    """(seconds, peak MiB, exit code) of one profilebot process."""
    started = time.perf_counter()
    process = subprocess.Popen([sys.executable, "-m", "profilebot", *args], cwd=cwd, env=ENV,
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, stdin=subprocess.DEVNULL)
    _pid, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - started
    return seconds, usage.ru_maxrss / 1024, os.waitstatus_to_exitcode(status)


def hostile_inputs(folder: Path) -> list[Path]:
    from tests.hostile.test_corpus import generated

    files = sorted((ROOT / "tests" / "hostile" / "files").glob("*.yaml"))
    files += sorted((ROOT / "tests" / "fixtures" / "broken").glob("*.yaml"))
    files += [path for path, _expected, _code in generated(folder).values()]
    big = folder / "ten-megabytes.yaml"
    big.write_text("person: {name: Ada}\ninterests:\n" + ("  - " + "x" * 95 + "\n") * 110_000, "utf-8")
    fifo = folder / "fifo.yaml"
    os.mkfifo(fifo)
    return files + [big, fifo, Path("/dev/zero")]


def heavy_profiles(folder: Path) -> dict[str, Path]:
    """Valid profiles that sit at the bounds: what a build of hostile-but-accepted input costs."""
    default = (ROOT / "profile.yaml").read_text("utf-8")
    # 60 papers share one 20-author list and one 4,000-character abstract by alias: 250,000 characters
    # expanded, well inside the loader's budget, every byte of it rendered into every output.
    first = ("  - {id: p0, type: journal-article, status: published, title: Paper 0, date: 2020, authors: &team ["
             + ", ".join(["Ada Lovelace"] + [f"Author Number{i}" for i in range(19)]) + "], abstract: &abstract "
             + "a" * 4000 + "}\n")
    paper = ("  - {{id: p{i}, type: journal-article, status: published, title: Paper {i}, date: 2020, "
             "authors: *team, abstract: *abstract}}\n")
    at_budget = ("person:\n  name: Ada Lovelace\npublications:\n" + first
                 + "".join(paper.format(i=i) for i in range(1, 60)))
    from tests.render.site.injections import INJECTIONS

    injected = default
    for text in INJECTIONS[:3]:
        injected = injected.replace("title: ", "title: " + repr(text).replace("\\n", " ") + " #", 1)
    profiles = {"aliases at the budget": at_budget, "injection strings": injected}
    paths = {}
    for name, text in profiles.items():
        path = folder / (name.replace(" ", "-") + ".yaml")
        path.write_text(text, "utf-8")
        paths[name] = path
    return paths


def oversized(folder: Path) -> list[tuple[str, list[str]]]:
    """Inputs within the file limits whose work would not be: a physics collaboration's profile (700 papers x
    1,000 authors, 9.9 MB) and a 69,000-entry BibTeX file (9.5 MB). Each must end in one clear error, early."""
    from tests.render.test_budget import collaboration

    profile = folder / "collaboration-700x1000.yaml"
    profile.write_text(collaboration(700, 1000), "utf-8")
    bib = folder / "entries-69000.bib"
    bib.write_text("".join(f"@article{{k{i},\n  title={{Paper number {i} about things}},\n  author={{Lovelace, Ada and "
                           f"Babbage, Charles}},\n  journal={{J}},\n  year={{2020}}\n}}\n" for i in range(69_000)), "utf-8")
    small = folder / "small.yaml"
    small.write_text("person:\n  name: Ada Lovelace\n", "utf-8")
    return [("check, 700 papers x 1,000 authors", ["check", str(profile)]),
            ("build, 700 papers x 1,000 authors", ["build", str(profile), "-o", str(folder / "out-collaboration")]),
            ("import of 69,000 BibTeX entries", ["import", "bibtex", str(bib), str(small)])]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--keep", type=Path, help="keep the generated inputs in this folder")
    options = parser.parse_args()
    folder = options.keep or Path(tempfile.mkdtemp(prefix="profilebot-hostile-"))
    folder.mkdir(parents=True, exist_ok=True)
    checks = [(path, *measure(["check", str(path)], folder)) for path in hostile_inputs(folder)]
    slowest = max(checks, key=lambda c: c[1])
    largest = max(checks, key=lambda c: c[2])
    crashed = [c for c in checks if c[3] not in (0, 1, 2)]
    print(f"check: {len(checks)} hostile inputs; slowest {slowest[1]:.2f} s ({slowest[0].name}), largest "
          f"{largest[2]:.0f} MiB ({largest[0].name}); limits {CHECK_SECONDS} s and {CHECK_MIB} MiB; "
          f"{len(crashed)} internal errors")
    over = [c for c in checks if c[1] > CHECK_SECONDS or c[2] > CHECK_MIB]
    for path, seconds, mib, code in over:
        print(f"  OVER: {path.name}: {seconds:.2f} s, {mib:.0f} MiB, exit {code}")
    base_seconds, base_mib, code = measure(["build", str(ROOT / "profile.yaml"), "-o", str(folder / "out-default")],
                                           folder)
    print(f"build: default profile {base_seconds:.2f} s, {base_mib:.0f} MiB (exit {code})")
    worst_ratio = 0.0
    for name, path in heavy_profiles(folder).items():
        seconds, mib, code = measure(["build", str(path), "-o", str(folder / f"out-{path.stem}")], folder)
        ratio = max(seconds / base_seconds, mib / base_mib)
        worst_ratio = max(worst_ratio, ratio)
        print(f"  {name}: {seconds:.2f} s, {mib:.0f} MiB (exit {code}); {ratio:.1f}x the default")
    worst_sized = (0.0, 0.0, "")
    for name, args in oversized(folder):
        seconds, mib, code = measure(args, folder)
        print(f"  {name}: {seconds:.2f} s, {mib:.0f} MiB (exit {code}: {'refused' if code in (1, 2) else 'OVER'})")
        worst_sized = max(worst_sized, (seconds, mib, name))
    print(f"oversized work: slowest {worst_sized[0]:.2f} s / {worst_sized[1]:.0f} MiB ({worst_sized[2]})")
    print(f"worst case: check {slowest[1]:.2f} s / {largest[2]:.0f} MiB; build {worst_ratio:.1f}x the default "
          f"(limit {BUILD_FACTOR}x) — {'within' if not over and not crashed and worst_ratio <= BUILD_FACTOR else 'OVER'} "
          "the bounds")


if __name__ == "__main__":
    main()
