"""The worst case over hostile input: every case ends in its one outcome within bounded time and memory.

Run: `python benchmarks/hostile.py [--keep DIR]`. Each case is a whole `python -m profilebot` process; its wall
time, CPU time and peak resident memory come from the operating system (wait4's rusage), so the interpreter's
start is included, as a person or a CI job pays it. Prints one table row per case (case, outcome, wall, CPU,
peak memory), then the worst case.

The cases: `check` of every hostile file (tests/hostile/files/, tests/fixtures/broken/, the two alias bombs the
corpus test generates, a 10 MB file, a FIFO and /dev/zero), bounded by 2 s of CPU and 200 MiB; every case of
the hostile command matrix (tests/hostile/cases.py), which must end as the table says; builds of valid profiles
that push each bound (aliases up to the loader's cap, the injection strings in every title), bounded by 10x
the default profile's build; and work too large to do (a physics collaboration's 9.9 MB profile, 69,000
BibTeX entries, also as an al-folio site's papers.bib, 60,000 CSL items, 100,000 BibTeX entries), which must be
refused early.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
ENV = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
CHECK_CPU, CHECK_MIB = 2.0, 200
REFUSE_CPU, REFUSE_MIB = 10.0, 1024  # work too large to do: refused within these
BUILD_FACTOR = 10


@dataclass(frozen=True)
class Row:
    group: str
    case: str
    outcome: str
    wall: float
    cpu: float
    mib: float
    within: bool


def measure(args: list[str], cwd: Path, env: dict[str, str] | None = None) -> tuple[float, float, float, int, str]:
    """(wall seconds, CPU seconds, peak MiB, exit code, output) of one profilebot process."""
    with tempfile.TemporaryFile() as output:
        started = time.perf_counter()
        process = subprocess.Popen([sys.executable, "-m", "profilebot", *args], cwd=cwd,
                                   env={**(env or ENV), "PYTHONPATH": ENV["PYTHONPATH"]},
                                   stdout=output, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL)
        _pid, status, usage = os.wait4(process.pid, 0)
        wall = time.perf_counter() - started
        output.seek(0)
        text = output.read().decode("utf-8", "replace")
    return wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024, os.waitstatus_to_exitcode(status), text


def _exit_words(code: int) -> str:
    return {0: "passed (0)", 1: "refused (1)", 2: "refused (2)"}.get(code, f"INTERNAL ERROR ({code})")


def hostile_inputs(folder: Path) -> list[Path]:
    from tests.hostile.test_corpus import generated

    files = sorted((ROOT / "tests" / "hostile" / "files").glob("*.yaml"))
    files += sorted((ROOT / "tests" / "fixtures" / "broken").glob("*.yaml"))
    files += [path for path, _expected, _code in generated(folder).values()]
    big = folder / "ten-megabytes.yaml"
    big.write_text("person: {name: Ada}\ninterests:\n" + ("  - " + "x" * 95 + "\n") * 110_000, "utf-8")
    fifo = folder / "fifo.yaml"
    if not fifo.exists():
        os.mkfifo(fifo)
    return files + [big, fifo, Path("/dev/zero")]


def checks(folder: Path) -> list[Row]:
    rows = []
    for path in hostile_inputs(folder):
        wall, cpu, mib, code, _ = measure(["check", str(path)], folder)
        rows.append(Row("check", path.name, _exit_words(code), wall, cpu, mib,
                        code in (0, 1, 2) and cpu <= CHECK_CPU and mib <= CHECK_MIB))
    return rows


def commands(folder: Path) -> list[Row]:
    """The hostile command matrix, each case in its own empty folder, held to its expected outcome."""
    from tests.hostile.cases import CASES, INTERNAL, environment

    rows = []
    for number, case in enumerate(CASES):
        where = folder / f"case-{number:02d}"
        where.mkdir()
        args = case.make(where)
        wall, cpu, mib, code, text = measure(args, where, environment(case))
        right = (code == case.exit_code and all(t in text for t in case.expected(where))
                 and not any(t in text for t in (*INTERNAL, *case.never)))
        outcome = ("as expected, " if right else "WRONG, ") + _exit_words(code)
        rows.append(Row("command", case.name, outcome, wall, cpu, mib, right and mib <= REFUSE_MIB))
    return rows


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
    # 490 papers: the most the loader's alias cap (2,097,152 characters expanded) lets through; issue 21 saw a
    # 119 MB build from aliases within the caps.
    at_cap = ("person:\n  name: Ada Lovelace\npublications:\n" + first
              + "".join(paper.format(i=i) for i in range(1, 490)))
    from tests.render.site.injections import INJECTIONS

    injected = default
    for text in INJECTIONS[:3]:
        injected = injected.replace("title: ", "title: " + repr(text).replace("\\n", " ") + " #", 1)
    paths = {}
    for name, text in {"aliases, 60 papers": at_budget, "aliases at the loader's cap, 490 papers": at_cap,
                       "injection strings": injected}.items():
        path = folder / ("".join(c if c.isalnum() else "-" for c in name) + ".yaml")
        path.write_text(text, "utf-8")
        paths[name] = path
    return paths


def builds(folder: Path) -> list[Row]:
    wall, base_cpu, base_mib, code, _ = measure(["build", str(ROOT / "profile.yaml"), "-o", str(folder / "out")],
                                                folder)
    rows = [Row("build", "default profile", _exit_words(code), wall, base_cpu, base_mib, code == 0)]
    for name, path in heavy_profiles(folder).items():
        out = folder / f"out-{path.stem}"
        wall, cpu, mib, code, _ = measure(["build", str(path), "-o", str(out)], folder)
        ratio = max(cpu / base_cpu, mib / base_mib)
        written = sum(f.stat().st_size for f in out.rglob("*") if f.is_file()) / 1e6
        rows.append(Row("build", name, f"{_exit_words(code)}, {ratio:.1f}x, {written:.0f} MB", wall, cpu, mib,
                        code == 0 and ratio <= BUILD_FACTOR))
    return rows


def _bibtex(count: int) -> str:
    return "".join(f"@article{{k{i},\n  title={{Paper number {i} about things}},\n  author={{Lovelace, Ada and "
                   f"Babbage, Charles}},\n  journal={{J}},\n  year={{2020}}\n}}\n" for i in range(count))


def oversized(folder: Path) -> list[Row]:
    """Inputs within the file limits whose work would not be: each must end in one clear error, early."""
    from tests.render.test_budget import collaboration

    profile = folder / "collaboration-700x1000.yaml"
    profile.write_text(collaboration(700, 1000), "utf-8")
    (folder / "entries-69000.bib").write_text(_bibtex(69_000), "utf-8")
    (folder / "entries-100000.bib").write_text(_bibtex(100_000), "utf-8")
    (folder / "al-folio" / "_bibliography").mkdir(parents=True, exist_ok=True)
    (folder / "al-folio" / "_bibliography" / "papers.bib").write_text(_bibtex(69_000), "utf-8")
    items = [{"id": f"k{i}", "type": "article-journal", "title": f"Paper {i}",
              "author": [{"family": "Lovelace", "given": "Ada"}], "issued": {"date-parts": [[2020]]}}
             for i in range(60_000)]
    (folder / "items-60000.json").write_text(json.dumps(items, separators=(",", ":")), "utf-8")  # 8.6 MB
    small = folder / "small.yaml"
    small.write_text("person:\n  name: Ada Lovelace\n", "utf-8")
    cases = [("check, 700 papers x 1,000 authors (9.9 MB)", ["check", str(profile)]),
             ("build, 700 papers x 1,000 authors (9.9 MB)", ["build", str(profile), "-o", str(folder / "out-big")]),
             ("import of 69,000 BibTeX entries (9.5 MB)", ["import", "bibtex", "entries-69000.bib", str(small)]),
             ("import of 100,000 BibTeX entries (13.8 MB)", ["import", "bibtex", "entries-100000.bib", str(small)]),
             ("import of 60,000 CSL items (8.6 MB)", ["import", "csl", "items-60000.json", str(small)]),
             ("import of an al-folio site, 69,000 entries", ["import", "al-folio", "al-folio", str(small)])]
    rows = []
    for name, args in cases:
        wall, cpu, mib, code, _ = measure(args, folder)
        rows.append(Row("too large", name, _exit_words(code), wall, cpu, mib,
                        code in (1, 2) and cpu <= REFUSE_CPU and mib <= REFUSE_MIB))
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--keep", type=Path, help="keep the generated inputs in this folder")
    options = parser.parse_args()
    folder = options.keep or Path(tempfile.mkdtemp(prefix="profilebot-hostile-"))
    folder.mkdir(parents=True, exist_ok=True)
    rows = checks(folder) + commands(folder) + builds(folder) + oversized(folder)
    width = max(len(row.case) for row in rows)
    print(f"{'group':<10} {'case':<{width}} {'outcome':<34} {'wall s':>7} {'CPU s':>6} {'peak MiB':>8}")
    for row in rows:
        mark = "" if row.within else "  OVER"
        print(f"{row.group:<10} {row.case:<{width}} {row.outcome:<34} {row.wall:>7.2f} {row.cpu:>6.2f} "
              f"{row.mib:>8.0f}{mark}")
    slowest = max(rows, key=lambda row: row.cpu)
    largest = max(rows, key=lambda row: row.mib)
    over = [row for row in rows if not row.within]
    internal = [row for row in rows if "INTERNAL" in row.outcome]
    print(f"\n{len(rows)} cases: {len(internal)} internal errors, {len(over)} over their bounds "
          f"(check {CHECK_CPU:.0f} s CPU / {CHECK_MIB} MiB; refusals {REFUSE_CPU:.0f} s / {REFUSE_MIB} MiB; "
          f"builds {BUILD_FACTOR}x the default)")
    print(f"worst case: {slowest.cpu:.2f} s CPU ({slowest.wall:.2f} s wall): {slowest.group} {slowest.case!r}; "
          f"{largest.mib:.0f} MiB: {largest.group} {largest.case!r} — "
          f"{'within' if not over and not internal else 'OVER'} the bounds")


if __name__ == "__main__":
    main()
