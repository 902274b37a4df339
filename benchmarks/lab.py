"""Time `profilebot lab build` on generated labs: 300 members of 60 works each, and 100 / 300 / 1,000 members.

Run: `python benchmarks/lab.py [--sizes 100,300,1000] [--works 60] [--template NAME] [--keep DIR]`
(`--template hugo-blox|academicpages|al-folio`: the lab's pages in that template, into an empty folder). Each member's profile is
generated deterministically; neighbours share half of their works (member n lists the second half of
member n-1's works under its own ids, with the DOI in another case, so identity must find them), and
tenure windows cut some works out. Prints, per size, the whole-process wall time of
`python -m profilebot lab build lab.yaml -o DIR`, its peak resident memory, the deduplicated works
written and the CPU time per member's work entry, so linear growth shows as a flat column.
Target: 300 members in under 20 s and 1 GiB on 2 cores.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ENV = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
# Children's ru_maxrss is a maximum over all children so far: one wrapper process per measurement.
_PEAK = ("import resource, subprocess, sys; r = subprocess.run(sys.argv[1:], capture_output=True); "
         "sys.stderr.buffer.write(r.stderr); u = resource.getrusage(resource.RUSAGE_CHILDREN); "
         "print(u.ru_maxrss, u.ru_utime + u.ru_stime, r.returncode)")
VENUES = ("ICML", "NeurIPS", "SIGMOD", "OSDI", "ICCV")


def member_profile(n: int, works: int) -> str:
    """Member n: `works` papers; the first half shared with member n-1 (their second half), the rest their own."""
    lines = ["person:", f"  name: Member{n} Person{n}", "  bio: A generated member of a generated lab.",
             "  email: {value: private%d@example.org, visibility: private}" % n, "publications:"]
    half = works // 2
    for k in range(works):
        # Work w of member n is paper (n * half + k): member n's first half is member n-1's second half.
        paper = n * half + k
        authors = [f"Member{n} Person{n}", f"Member{n + 1} Person{n + 1}" if k >= half else f"Member{n - 1} Person{n - 1}"]
        year = 2000 + paper % 24
        doi = f"10.1000/LAB.{paper}" if n % 2 else f"10.1000/lab.{paper}"
        lines += [f"  - id: m{n}p{k}",
                  "    type: conference-paper",
                  "    status: published",
                  f'    title: "Generated paper number {paper}: on systems that learn"',
                  f"    authors: [{', '.join(authors)}]",
                  f"    venue: {{name: {VENUES[paper % len(VENUES)]}}}",
                  f"    date: {year}-{paper % 12 + 1:02d}",
                  f"    doi: {doi}"]
    return "\n".join(lines) + "\n"


def write_lab(folder: Path, members: int, works: int) -> Path:
    (folder / "people").mkdir(parents=True, exist_ok=True)
    lines = ["lab:", "  name: Generated Lab", "members:"]
    for n in range(members):
        (folder / "people" / f"m{n}.yaml").write_text(member_profile(n, works), "utf-8")
        until = f", until: {2010 + n % 15}-06" if n % 4 == 3 else ""  # every fourth member is an alumnus
        lines.append(f"  - {{id: m{n}, profile: people/m{n}.yaml, role: PhD student, from: {1999 + n % 5}-01{until}}}")
    path = folder / "lab.yaml"
    path.write_text("\n".join(lines) + "\n", "utf-8")
    return path


def measure(lab: Path, out: Path, template: str = "static") -> tuple[float, float, float, int]:
    """(wall seconds, CPU seconds, peak RSS MiB, exit code) of one `lab build`. CPU time is printed beside the
    wall time because a shared machine's wall time says more about its other users than about the build."""
    start = time.perf_counter()
    result = subprocess.run([sys.executable, "-c", _PEAK, sys.executable, "-m", "profilebot", "lab", "build",
                             str(lab), "-o", str(out), "--template", template], capture_output=True, text=True,
                            cwd=ROOT, env=ENV)
    seconds = time.perf_counter() - start
    if result.stderr.strip():
        print(result.stderr, file=sys.stderr)
    peak, cpu, code = result.stdout.split()
    return seconds, float(cpu), int(peak) / 1024, int(code)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="100,300,1000")
    parser.add_argument("--works", type=int, default=60)
    parser.add_argument("--template", default="static", choices=("static", "academicpages", "al-folio", "hugo-blox"))
    parser.add_argument("--keep", type=Path, help="write the generated labs into this folder")
    args = parser.parse_args(argv)
    base = args.keep or Path(tempfile.mkdtemp(prefix="profilebot-lab-bench-"))
    print(f"cores available: {len(os.sched_getaffinity(0))}; {args.works} works per member, neighbours share half; "
          f"template {args.template}")
    for members in (int(size) for size in args.sizes.split(",")):
        folder = base / f"lab-{members}"
        lab = write_lab(folder, members, args.works)
        seconds, cpu, peak, code = measure(lab, folder / "site", args.template)
        listed = (folder / "site" / "publications.html").read_text("utf-8").count('<li class="paper"') \
            if args.template == "static" else \
            len(json.loads((folder / "site" / ".profilebot" / "publications.json").read_text("utf-8"))["publications"])
        entries = members * args.works
        print(f"{members:>5} members  {entries:>6} entries  {listed:>6} works listed  lab build {seconds:6.2f} s wall "
              f"{cpu:6.2f} s CPU  peak RSS {peak:7.1f} MiB  {cpu / entries * 1e6:6.1f} µs CPU per entry  exit {code}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
