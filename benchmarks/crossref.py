"""Count the requests of `check --online` (each DOI against its Crossref record), on the local Crossref stand-in.

Run: `python benchmarks/crossref.py [--dois 45]`. DOIs are looked up 20 per request (`filter=doi:…,doi:…`),
so 45 DOIs cost 3 requests, not 45.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT / "src"), str(ROOT)]

from tests.fakes.crossref_server import CrossrefFake, message  # noqa: E402
from profilebot.clients import crossref  # noqa: E402
from profilebot.validate import crossref as crossref_check  # noqa: E402
from profilebot.validate.pipeline import check  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--dois", type=int, default=45)
    count = parser.parse_args().dois
    entries = "".join(f"  - id: p{i}\n    type: journal-article\n    status: published\n    title: Engine part {i}\n"
                      f"    authors: [A. Lovelace]\n    date: 2001\n    doi: 10.5555/engine.{i}\n" for i in range(count))
    checked = check("person:\n  name: Ada Lovelace\npublications:\n" + entries)
    with CrossrefFake() as fake:
        for i in range(count):
            fake.add(message(f"10.5555/engine.{i}", f"Engine part {i}", 2001 + (i % 7 == 0), [("Ada", "Lovelace")],
                             "Journal of Engines"))
        start = time.perf_counter()
        http = crossref.client({"CROSSREF_API_URL": fake.url})
        records = crossref.records(http, crossref_check.dois(checked.profile))
        found = crossref_check.compare(checked.profile, records, checked.document.source_map)
        seconds = time.perf_counter() - start
    print(f"{count} DOIs: {len(fake.log)} requests, {len(records)} records, {len(found)} findings "
          f"(the year differs on every 7th), {seconds:.3f}s")


if __name__ == "__main__":
    main()
