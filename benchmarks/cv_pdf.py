"""What the PDF CV costs: `profilebot build` as a whole process with cv.pdf, and the same build without it.

Run: `python benchmarks/cv_pdf.py [--runs 5]`. For the default profile and a generated 2,000-paper one
(benchmarks/check.py's), prints the median wall time of `python -m profilebot build PROFILE -o DIR`
(every export, cv.pdf and cv.typ, the site with its copy of the PDF), the median of the same steps
without the PDF CV (load, check, every exporter, the site's pages), their difference, and the
in-process time of one CV (view → Typst source → compiled PDF) with its page count. Goal: the PDF adds
≤ 0.5 s to the default build and ≤ 5 s for 2,000 papers. `rendercv render` is timed beside it only when
RenderCV is installed (it is not a dependency: its template downloads a font package at every render).
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_PROFILE = ROOT / "profile.yaml"
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(Path(__file__).resolve().parent))

import build  # noqa: E402  (benchmarks/build.py: one way to time a whole process)
from check import PAPERS, large_profile  # noqa: E402

# `build` minus the PDF CV: the same load, check, exports and site pages, written the same way.
WITHOUT_PDF = """
import sys
from pathlib import Path
from profilebot import files
from profilebot.commands.common import load_valid
from profilebot.render import outputs
settings, checked = load_valid(Path(sys.argv[1]))
style = outputs.name_style(settings)
for artifact in outputs.render_exports(checked.profile, style):
    files.write_bytes(Path(sys.argv[2]) / artifact.path, artifact.data)
# cv_pdf=b"": every site file as build renders it, without compiling the PDF CV.
for artifact in outputs.render_site(checked.profile, dict(settings.section("site")), style=style, cv_pdf=b""):
    files.write_bytes(Path(sys.argv[2]) / "site" / artifact.path, artifact.data)
"""

def timed(command: list[str], runs: int) -> float:
    seconds, code = build.timed(command, runs)
    if code != 0:
        raise SystemExit(f"{' '.join(command)} failed (exit {code})")
    return seconds


def one_cv(profile_path: Path) -> tuple[float, int, int]:
    """In-process seconds for one CV (view, source, compile), its page count and its size in bytes."""
    import io

    import pypdf

    from profilebot.render import cv_typst
    from profilebot.validate.pipeline import check

    profile = check(profile_path.read_text("utf-8")).profile
    cv_typst.render(profile)  # the first call indexes the fonts once per process; time a warm one
    start = time.perf_counter()
    pdf = next(a.data for a in cv_typst.render(profile) if a.path == cv_typst.PDF_PATH)
    seconds = time.perf_counter() - start
    return seconds, len(pypdf.PdfReader(io.BytesIO(pdf)).pages), len(pdf)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args(argv)
    folder = Path(tempfile.mkdtemp(prefix="profilebot-cv-bench-"))
    large = folder / "profile.yaml"
    large.write_text(large_profile(), "utf-8")
    print(f"cores available: {len(os.sched_getaffinity(0))}; median of {args.runs} runs, whole processes")
    for label, path, goal in (("default profile", DEFAULT_PROFILE, 0.5), (f"{PAPERS:,} papers", large, 5.0)):
        out = folder / f"out-{label.split()[0]}"
        with_pdf = timed([sys.executable, "-m", "profilebot", "build", str(path), "-o", str(out / "with")], args.runs)
        without = timed([sys.executable, "-c", WITHOUT_PDF, str(path), str(out / "without")], args.runs)
        seconds, pages, size = one_cv(path)
        added = with_pdf - without
        print(f"{label}: build {with_pdf:.2f} s with cv.pdf, {without:.2f} s without: the PDF adds {added:.2f} s "
              f"(goal ≤ {goal} s: {'met' if added <= goal else 'MISSED'}); one CV in-process {seconds:.2f} s, "
              f"{pages} pages, {size / 1024:.0f} KiB")
    rendercv = shutil.which("rendercv")
    if rendercv is None:
        print("rendercv: not installed, not compared (it is not installed here on purpose: it fetches at render time)")
    else:
        sample = folder / "rendercv"
        subprocess.run([rendercv, "new", "Hanxian Huang"], cwd=folder, capture_output=True)
        yaml_files = sorted(folder.glob("*_CV.yaml"))
        if yaml_files:
            print(f"rendercv render (its own sample CV): {timed([rendercv, 'render', str(yaml_files[0])], args.runs):.2f} s")
        else:
            print(f"rendercv: could not create its sample in {sample}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
