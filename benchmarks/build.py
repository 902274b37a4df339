"""Time `profilebot build` as a whole process on the default profile and a generated 2,000-paper one.

Run: `python benchmarks/build.py [--runs 5] [--keep DIR] [--src SRC]`. Prints, for each profile, the
median wall time, the median CPU time (user + system, every thread) and the peak memory of `python -m
profilebot build PROFILE -o DIR` (every exporter, cv.typ and cv.pdf, the site with its copy of the PDF, as
a person runs it), twice: a first build into an empty folder (every file written) and a rebuild into the
folder of the run before (nothing changed, nothing written). Then the same process without the site and
the CV (load, check, render and write the exports), then where one in-process build of the large profile
spends its time — each stage alone, wall and CPU of the thread that runs it, measured one after the other
(in a real build the PDF compiles on a worker thread while the exports and the site render) — and each
exporter's render(), so a slow format shows up by name. The load average is printed first and last: on
a shared machine wall time follows it, CPU time much less. `--src` times another checkout's sources
(a `git worktree` of an earlier commit) for a before/after.
Target: the whole build of 2,000 papers, PDF included, under 3 seconds on 2 cores.
The large profile is benchmarks/check.py's (deterministic, valid, every paper with DOI, URL, venue and date).
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


# One wrapper process per run: its children's rusage is then this run's CPU time and peak memory.
_MEASURED = ("import resource, subprocess, sys; r = subprocess.run(sys.argv[1:], capture_output=True); "
             "sys.stderr.buffer.write(r.stderr); u = resource.getrusage(resource.RUSAGE_CHILDREN); "
             "print(u.ru_utime + u.ru_stime, u.ru_maxrss, r.returncode)")


def timed(command: list[str], runs: int, src: Path, fresh: Path | None = None) -> tuple[float, int, float, float]:
    """(median wall seconds, exit code, median CPU seconds, peak RSS MiB) over `runs` runs of `command`;
    `fresh`: each run writes into a new folder beside it (a first build; `command` ends in `-o fresh`),
    else the runs rebuild what the one before wrote. New folders, removed after the last run: deleting 4,020
    files right before a build made the file system charge that build up to two more seconds of CPU (this
    machine's ext4 is mounted with `discard`), which is no cost of profilebot's."""
    import shutil

    times, cpus, peaks, code, made = [], [], [], 0, []
    for run in range(runs):
        if fresh is not None:
            command = [*command[:-1], f"{fresh}-first-{run}-{os.getpid()}"]
        start = time.perf_counter()
        completed = subprocess.run([sys.executable, "-c", _MEASURED, *command], capture_output=True, cwd=ROOT,
                                   env={**os.environ, "PYTHONPATH": str(src)})
        made.append(command[-1])
        times.append(time.perf_counter() - start)
        cpu, peak, code_text = completed.stdout.split()
        cpus.append(float(cpu))
        peaks.append(int(peak) / 1024)
        code = int(code_text)
        if code != 0:
            print(completed.stderr.decode(), file=sys.stderr)
    for folder in made if fresh is not None else ():
        shutil.rmtree(folder, ignore_errors=True)
    return statistics.median(times), code, statistics.median(cpus), max(peaks)


def stages(profile_path: Path, folder: Path) -> list[tuple[str, float, float]]:
    """(stage, wall seconds, CPU seconds of the thread that ran it) of one in-process build of `profile_path`,
    each stage timed alone."""
    import shutil

    rows = []

    def clock(label: str, work):  # type: ignore[no-untyped-def]
        start, cpu = time.perf_counter(), time.thread_time()
        result = work()
        rows.append((label, time.perf_counter() - start, time.thread_time() - cpu))
        return result

    def start_up() -> None:  # what `build` imports before and while it renders (this process imported none yet)
        import jinja2  # noqa: F401
        import typst  # noqa: F401

        from profilebot import cli, files, plugins  # noqa: F401
        from profilebot.commands import build, common  # noqa: F401
        from profilebot.render import outputs  # noqa: F401
        from profilebot.render.site import static  # noqa: F401
        plugins.exporters()

    clock("start-up: imports", start_up)
    from profilebot import files
    from profilebot.commands.common import load_valid
    from profilebot.render import cv_typst, cv_view, outputs

    settings, checked = clock("load and check the profile", lambda: load_valid(profile_path))
    printed = clock("names as printed (once per build)", lambda: outputs.with_printed_names(checked.profile))
    view = clock("the CV view (once per build)", lambda: cv_view.build(printed))
    date = cv_typst.creation_date(printed, None)
    text = clock("cv.typ source", lambda: cv_typst.source(view, cv_typst.CvOptions(), date))
    clock("cv.pdf: Typst compiles (a worker thread)", lambda: cv_typst.compile_pdf(text, date))
    clock("the 10 exports", lambda: outputs.render_exports(checked.profile))
    clock("the site's pages", lambda: outputs.render_site(checked.profile, {}, cv_pdf=b""))
    artifacts = outputs.render_all(checked.profile, settings)
    out = folder / "stages"
    shutil.rmtree(out, ignore_errors=True)

    def write() -> int:
        paths = files.inside_all(out, [a.path for a in artifacts])
        return sum(files.write_bytes(path, a.data) for path, a in zip(paths, artifacts, strict=True))

    clock(f"write {len(artifacts):,} files into an empty folder", write)
    clock(f"rebuild: {len(artifacts):,} unchanged files skipped", write)
    return rows


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
    parser.add_argument("--src", type=Path, default=ROOT / "src", help="the sources to time (default: this checkout's)")
    args = parser.parse_args(argv)
    src = args.src.resolve()
    sys.path.insert(0, str(src))
    folder = args.keep or Path(tempfile.mkdtemp(prefix="profilebot-build-bench-"))
    folder.mkdir(parents=True, exist_ok=True)
    large = folder / "profile.yaml"
    large.write_text(large_profile(), "utf-8")
    print(f"cores available: {len(os.sched_getaffinity(0))}, load average {os.getloadavg()[0]:.1f}, sources {src}")
    for label, path in (("default", DEFAULT_PROFILE), (f"{PAPERS:,} papers", large)):
        out = folder / f"out-{label.split()[0]}"
        build = [sys.executable, "-m", "profilebot", "build", str(path), "-o", str(out)]
        for what, fresh in (("first build, empty folder", out), ("rebuild, nothing changed ", None)):
            seconds, code, cpu, peak = timed(build, args.runs, src, fresh)
            print(f"{label:<13} build (exports, PDF, site), {what}  median {seconds:.3f} s wall, {cpu:.3f} s CPU, "
                  f"peak RSS {peak:.0f} MiB over {args.runs} runs  exit {code}")
        seconds, code, cpu, peak = timed([sys.executable, "-c", EXPORTS_ONLY, str(path), str(out) + "-exports"],
                                         args.runs, src)
        print(f"{label:<13} build, the 10 exports only                        median {seconds:.3f} s wall, "
              f"{cpu:.3f} s CPU, peak RSS {peak:.0f} MiB  exit {code}")
    print(f"one build of {PAPERS:,} papers in process, stage by stage (wall, CPU of its thread):")
    for stage, seconds, cpu in stages(large, folder):
        print(f"  {stage:<44} {seconds * 1000:7.0f} ms {cpu * 1000:7.0f} ms CPU")
    total = 0.0
    for path, seconds, size in exporter_times(large):
        total += seconds
        print(f"  render {path:<22} {seconds * 1000:7.1f} ms  {size / 1e6:6.2f} MB")
    print(f"  all exporters          {total * 1000:7.1f} ms")
    print(f"load average at the end: {os.getloadavg()[0]:.1f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
