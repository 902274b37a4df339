"""Count the requests (and time) of `diff --target orcid` against a local ORCID holding a 300-work record.

Run: `python benchmarks/orcid.py [--works 300]`. Two records are measured against the same generated
profile: a typical one (most works carry a DOI, as Crossref-fed records do; some only a title) and
the worst case (no work carries an identifier, so every match rests on title + first author and
every work's full record must be read). Target: at most 4 requests for 300 works — one for the
summaries and one bulk read per 100 works that need their authors.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT / "src"), str(ROOT)]

from tests.fakes.orcid_server import OrcidFake  # noqa: E402
from profilebot.targets import orcid  # noqa: E402
from profilebot.validate.pipeline import check  # noqa: E402

ORCID_ID = "0000-0002-1825-0097"
WORDS = ("learning", "compilers", "tensor", "query", "forecasting", "memory", "graphs", "quantization", "vision")


def title(i: int) -> str:
    return f"On {WORDS[i % len(WORDS)]} and {WORDS[(i * 7) % len(WORDS)]} systems, part {i}"


def profile_text(count: int) -> str:
    entries = [f"  - id: huang{2000 + i % 25}p{i}\n    type: conference-paper\n    status: published\n"
               f"    title: \"{title(i)}\"\n    authors: [H. Huang, J. Zhao]\n    date: {2000 + i % 25}\n"
               f"    doi: 10.5555/bench.{i}\n" for i in range(count)]
    return "person:\n  name: Hanxian Huang\n\npublications:\n" + "\n".join(entries)


def seed(fake: OrcidFake, count: int, with_dois: bool) -> None:
    fake.add_record(ORCID_ID, name="Hanxian Huang")
    for i in range(count):
        # Typical: one in five works lacks an identifier (a hand-entered work). Worst case: all do.
        has_doi = with_dois and i % 5
        ids = [{"external-id-type": "doi", "external-id-value": f"10.5555/BENCH.{i}",
                "external-id-relationship": "self"}] if has_doi else []
        work = {"title": {"title": {"value": title(i).upper() if i % 2 else title(i)}}, "type": "conference-paper",
                "publication-date": {"year": {"value": str(2000 + i % 25)}}, "external-ids": {"external-id": ids},
                "contributors": {"contributor": [{"credit-name": {"value": "Hanxian Huang"}}]}}
        fake.add_work(ORCID_ID, work, source="crossref" if has_doi else "user")


def measure(count: int, with_dois: bool) -> tuple[int, float, int]:
    profile = check(profile_text(count)).profile
    with OrcidFake() as fake:
        seed(fake, count, with_dois)
        settings = orcid.configure({"id": ORCID_ID}, {"ORCID_API_URL": fake.api_url})
        http = orcid.client(settings)
        start = time.perf_counter()
        drift = orcid.plan(profile, orcid.fetch(settings, profile, http))
        elapsed = time.perf_counter() - start
        assert not drift.missing_remote and not drift.missing_local, "the benchmark record should match fully"
        return http.sent, elapsed, fake.count()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--works", type=int, default=300)
    args = parser.parse_args()
    worst = 0
    for label, with_dois in (("typical (80% with DOI)", True), ("worst case (no identifiers)", False)):
        sent, elapsed, logged = measure(args.works, with_dois)
        worst = max(worst, sent)
        print(f"ORCID diff, {args.works}-work record, {label}: {sent} requests (server logged {logged}), "
              f"{elapsed * 1000:.0f} ms")
    print(f"target ≤ 4 requests: {'met' if worst <= 4 else 'MISSED'}")
    return 0 if worst <= 4 else 1


if __name__ == "__main__":
    raise SystemExit(main())
