"""Time `profilebot import bibtex` of a 1,000-entry Google Scholar export, then `diff --target scholar` against it;
with --sites, the import of the largest real sites of each template instead.

Run: `python benchmarks/import_scholar.py [--runs 3] [--entries 1000] [--keep DIR]`. Each run starts from an
empty profile (the owner has a compound family name, "André Calero Valdez", as in the real export in
tests/fixtures/realworld/scholar-calero.bib), imports the export with --write as a whole process, then runs
`diff --target scholar --exit-code` with `scholar.export` pointing at the same file. Prints the median wall
time of each step, and the diff's exit code (0: no drift, as it must be). The export is generated
deterministically in Scholar's shape: `Family, Given` authors in the spellings Scholar mixes for one person,
lists truncated with `others`, LaTeX accents, reused keys, entries without a year, arXiv preprints.

`python benchmarks/import_scholar.py --sites [--runs 3] [--src DIR]`: `import <template> SITE --write` of the largest
real sites of ../shared/realworld/sites (SITES below) into a profile holding only the owner's name, as a person moving
in runs it; prints the median wall and CPU time, the entries added and the profile's lines. --src times another
checkout's src/ (e.g. an older commit's worktree) with the same script: the before/after figures of the README.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ENV = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
# The largest real site of each template: most files (Hugo, 102 works with 172 .bib files), most pages (Hugo, 263),
# most BibTeX entries (al-folio, 234), most pages (academicpages, 31 publications and 55 talks).
SITES = ("hugo/GeertLitjens__geertlitjens.github.io", "hugo/AshishMahabal__website2024_acad", "al-folio/25sal__25sal",
         "academicpages/BillJr99__BillJr99.github.io")
OWNER_SPELLINGS = ("Calero Valdez, Andr{\\'e}", "Valdez, Andr{\\'e} Calero", "Calero-Valdez, Andre", "Calero Valdez, A")
COAUTHORS = ("Ziefle, Martina", "Holzinger, Andreas", "Schaar, Anne Kathrin", "Alag{\\\"o}z, Firat",
             "van der Aalst, Wil", "Moore III, Berrien", "Brauner, Philipp", "Jakobs, Eva-Maria")
WORDS = ("adaptive", "mobile", "health", "visualization", "trust", "automation", "networks", "privacy", "users",
         "recommender", "diabetes", "agents", "simulation", "acceptance", "interfaces", "knowledge", "graphs")
VENUES = ("booktitle={International Conference on Human-Computer Interaction}",
          "journal={Computers in Human Behavior}", "journal={arXiv preprint arXiv:2101.NNNNN}",
          "booktitle={Proceedings of the CHI Conference on Human Factors in Computing Systems}")


def scholar_export(entries: int) -> str:
    """`entries` Scholar-shaped BibTeX entries; the same text every time."""
    blocks = []
    for n in range(entries):
        first = OWNER_SPELLINGS[n % len(OWNER_SPELLINGS)] if n % 3 else COAUTHORS[n % len(COAUTHORS)]
        others = [COAUTHORS[(n + k) % len(COAUTHORS)] for k in range(1, 2 + n % 4)]
        if n % 3 == 0:
            others.insert(0, OWNER_SPELLINGS[n % len(OWNER_SPELLINGS)])
        authors = " and ".join([first, *others] + (["others"] if n % 7 == 0 else []))
        title = " ".join(WORDS[(n * k + k) % len(WORDS)] for k in range(1, 6)).capitalize() + f" {n}"
        family = "".join(c for c in first.split(",")[0].split()[-1].lower() if "a" <= c <= "z")
        key = f"{family}{2000 + n % 25}{title.split()[0].lower()}" if n % 50 else "calero2010mental"  # reused keys
        year = "" if n % 40 == 0 else f"  year={{{2000 + n % 25}}},\n"
        venue = VENUES[n % len(VENUES)].replace("NNNNN", f"{n:05d}")
        kind = "inproceedings" if venue.startswith("booktitle") else "article"
        blocks.append(f"@{kind}{{{key},\n  title={{{title}}},\n  author={{{authors}}},\n  {venue},\n{year}"
                      f"  pages={{{n}--{n + 9}}},\n  publisher={{Springer}}\n}}\n")
    return "\n".join(blocks)


def timed(args: list[str], cwd: Path) -> tuple[float, float, int]:
    """(wall seconds, CPU seconds of the process: user + system, exit code). On a shared, loaded machine the
    wall time grows with the load; the CPU time is what the command itself costs."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    done = subprocess.run([sys.executable, "-m", "profilebot", *args], cwd=cwd, env=ENV, capture_output=True)
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime), done.returncode


def real_sites(runs: int) -> int:
    """Import each of SITES `runs` times from an empty profile; one row per site."""
    sys.path[:0] = [str(ROOT)]
    from tests.roundtrip import realworld  # the round trip's own owner name and import command for a site

    sites = {site.name: site for site in realworld.discover()}
    print(f"import --write of the largest real sites, {runs} runs; load average {os.getloadavg()[0]:.1f} on "
          f"{os.cpu_count()} CPUs; src {ENV['PYTHONPATH']}")
    with tempfile.TemporaryDirectory() as scratch:
        for name in SITES:
            site = sites[name]
            argv = realworld.import_argv(site)
            assert argv is not None, name
            walls, cpus = [], []
            for _ in range(runs):
                (Path(scratch) / "profile.yaml").write_text(
                    f"person:\n  name: {json.dumps(realworld.owner_name(site), ensure_ascii=False)}\n", "utf-8")
                seconds, cpu, code = timed(["import", *argv, "profile.yaml", "--write", "-q"], Path(scratch))
                if code != 0:
                    print(f"{name}: import failed with exit code {code}", file=sys.stderr)
                    return 1
                walls.append(seconds)
                cpus.append(cpu)
            text = (Path(scratch) / "profile.yaml").read_text("utf-8")
            entries = len(re.findall(r"^ *- id: ", text, re.MULTILINE))
            print(f"{name:46} {entries:4} entries {text.count(chr(10)):6,} lines   wall median "
                  f"{statistics.median(walls):5.2f} s, CPU median {statistics.median(cpus):5.2f} s")
    return 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--entries", type=int, default=1_000)
    parser.add_argument("--keep", type=Path, help="write the export and profile here instead of a temporary folder")
    parser.add_argument("--sites", action="store_true", help="time the import of the largest real sites instead")
    parser.add_argument("--src", type=Path, help="the src/ folder to time (default: this checkout's)")
    args = parser.parse_args()
    if args.src:
        ENV["PYTHONPATH"] = str(args.src.resolve())
    if args.sites:
        return real_sites(args.runs)
    imports, diffs, codes = [], [], set()
    import_cpu, diff_cpu = [], []
    with tempfile.TemporaryDirectory() as scratch:
        folder = args.keep or Path(scratch)
        folder.mkdir(parents=True, exist_ok=True)
        (folder / "scholar.bib").write_text(scholar_export(args.entries), "utf-8")
        (folder / "profilebot.yaml").write_text("scholar:\n  export: scholar.bib\n", "utf-8")
        for _ in range(args.runs):
            (folder / "profile.yaml").write_text("person:\n  name: André Calero Valdez\n", "utf-8")
            seconds, cpu, code = timed(["import", "bibtex", "scholar.bib", "profile.yaml", "--write", "-q"], folder)
            if code != 0:
                print(f"import failed with exit code {code}", file=sys.stderr)
                return 1
            imports.append(seconds)
            import_cpu.append(cpu)
            seconds, cpu, code = timed(["diff", "profile.yaml", "--target", "scholar", "--exit-code"], folder)
            diffs.append(seconds)
            diff_cpu.append(cpu)
            codes.add(code)
        works = (folder / "profile.yaml").read_text("utf-8").count("\n  - id: ")
    print(f"Scholar export: {args.entries:,} entries; imported {works:,} entries (one per work); {args.runs} runs")
    print(f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs")
    print(f"import bibtex --write       wall median {statistics.median(imports):.2f} s (max {max(imports):.2f} s), "
          f"CPU median {statistics.median(import_cpu):.2f} s")
    print(f"diff --target scholar       wall median {statistics.median(diffs):.2f} s (max {max(diffs):.2f} s), "
          f"CPU median {statistics.median(diff_cpu):.2f} s, exit code {sorted(codes)} (0 = no drift)")
    return 0 if codes == {0} else 1


if __name__ == "__main__":
    raise SystemExit(main())
