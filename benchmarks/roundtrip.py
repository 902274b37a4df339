"""The round trip of every real site in ../shared/realworld/sites: import → build --site-only into a copy → compare.

Run: python benchmarks/roundtrip.py [FILTER] [--details] [--known-losses]
  FILTER          only sites whose name contains it (e.g. al-folio/, kyleclo)
  --details       what each loss is, under the site's row
  --known-losses  print the KNOWN_LOSSES table of tests/roundtrip/known_losses.py for the current numbers

The `jekyll` column (academicpages, when Debian's jekyll is installed) counts the original URLs that
`jekyll build` of the copy does not serve (tests/roundtrip/jekyll_site.py).

Issue 19's goal is a row of zeros for every site (papers before = after, nothing lost, `diff` right after the
import: no change). Columns are site_compare.KINDS plus `diff`; see tests/roundtrip/site_compare.py for what
each counts. The same round trip is tested per site and kind by tests/roundtrip/test_realworld_sites.py.
"""

from __future__ import annotations

import shutil
import sys
import tempfile
import time
from pathlib import Path

sys.path[:0] = [str(Path(__file__).resolve().parents[1] / "src"), str(Path(__file__).resolve().parents[1])]

from tests.roundtrip import jekyll_site, realworld  # noqa: E402

SHORT = {"papers": "pap", "talks": "tlk", "coauthors": "auth", "links": "link", "abstracts": "abs", "bodies": "body",
         "keys": "keys", "urls": "url", "duplicates": "dup", "files": "file", "diff": "diff"}


def main(argv: list[str]) -> int:
    words = [a for a in argv if not a.startswith("--")]
    sites = [s for s in realworld.discover() if not words or any(w in s.name for w in words)]
    started = time.perf_counter()
    outcomes: dict[str, realworld.RoundTrip | str] = {}
    jekyll: dict[str, list[str]] = {}  # academicpages: the original URLs Debian's jekyll does not serve
    with tempfile.TemporaryDirectory() as scratch:
        for number, site in enumerate(sites):
            reason = realworld.skip_reason(site)
            if reason:
                outcomes[site.name] = reason
                continue
            work = Path(scratch) / str(number)
            work.mkdir()
            outcomes[site.name] = realworld.run(site, work)
            if site.kind == "academicpages" and shutil.which("jekyll"):
                jekyll[site.name] = served_by_jekyll(site, outcomes[site.name], work)
    if "--known-losses" in argv:
        print(known_losses(outcomes, jekyll))
        return 0
    for kind in realworld.KINDS:
        rows = [(name, o) for name, o in outcomes.items() if name.startswith(kind + "/")]
        if rows:
            print(table(kind, rows, jekyll, "--details" in argv) + "\n")
    ran = [o for o in outcomes.values() if isinstance(o, realworld.RoundTrip)]
    clean = [o for o in ran if o.error is None and all(o.count(k) == 0 for k in realworld.ALL_KINDS)]
    print(f"{len(sites)} sites: {len(ran)} round-tripped, {len(clean)} with no loss, "
          f"{sum(o.error is not None for o in ran)} refused, {len(sites) - len(ran)} skipped; "
          f"{time.perf_counter() - started:.1f}s")
    return 0


def served_by_jekyll(site: realworld.Site, outcome: realworld.RoundTrip, work: Path) -> list[str]:
    if outcome.error:
        return ["no round trip"]
    built, error = jekyll_site.build(Path(outcome.copy), site.root, work / "jekyll")
    return jekyll_site.missing_urls(built, site.root) if built else [f"jekyll build failed: {error[:300]}"]


def table(kind: str, rows: list, jekyll: dict[str, list[str]], details: bool) -> str:
    header = f"{kind:<52} {'before':>6} {'after':>5} " + " ".join(f"{SHORT[k]:>4}" for k in realworld.ALL_KINDS)
    header += "  jekyll" if kind == "academicpages" and jekyll else ""
    lines = [header, "-" * len(header)]
    totals = dict.fromkeys(realworld.ALL_KINDS, 0)
    for name, outcome in rows:
        label = name.split("/", 1)[1][:52]
        if isinstance(outcome, str):
            lines.append(f"{label:<52} skipped: {outcome}")
            continue
        if outcome.error:
            lines.append(f"{label:<52} {outcome.error.splitlines()[0][:160]}")
            lines += [f"{'':<54}{line[:150]}" for line in outcome.error.splitlines()[1:4]]
            continue
        counts = {k: outcome.count(k) for k in realworld.ALL_KINDS}
        for k, n in counts.items():
            totals[k] += n
        lines.append(f"{label:<52} {outcome.losses['papers_before']:>6} {outcome.losses['papers_after']:>5} "
                     + " ".join(f"{n:>4}" for n in counts.values())
                     + (f"  {len(jekyll[name]):>6}" if name in jekyll else ""))
        if details:
            lines += [f"    {k}: {line[:150]}" for k in realworld.ALL_KINDS for line in outcome.details(k)[:8]]
            lines += [f"    jekyll: {line[:150]}" for line in jekyll.get(name, [])[:8]]
    lines.append(f"{'total':<52} {'':>6} {'':>5} " + " ".join(f"{n:>4}" for n in totals.values()))
    return "\n".join(lines)


def known_losses(outcomes: dict, jekyll: dict[str, list[str]]) -> str:
    lines = ["KNOWN_LOSSES: dict[str, tuple[str, ...]] = {"]
    for name, outcome in outcomes.items():
        if not isinstance(outcome, realworld.RoundTrip):
            continue
        kinds = tuple(k for k in realworld.ALL_KINDS if outcome.error or outcome.count(k))
        kinds += ("jekyll",) if jekyll.get(name) else ()
        if outcome.error:
            lines.append(f'    "{name}": EVERY,')
        elif kinds:
            lines.append(f'    "{name}": {kinds!r},')
    return "\n".join(lines + ["}"])


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
