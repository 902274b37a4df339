"""Count the requests (and time) profilebot spends on OpenAlex, against the local OpenAlex stand-in.

Run: `python benchmarks/openalex.py`. Scenarios:

* the default profile's owner (16 works): the ORCID iD resolved to the author, then their works;
* an author with 200 works, on a server that allows 200 per page (the older documented limit) and on one
  that allows 100 (the current documentation), author id given;
* 120 profile DOIs OpenAlex does not attribute to the author, looked up in batches of 50;
* the default profile's owner again, with the first two list calls answered 429 (Retry-After: 2).

Target (issue 13): at most 3 requests for an author with up to 200 works; DOI look-ups ⌈n/50⌉ requests.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT / "src"), str(ROOT)]

from tests.fakes import openalex_data  # noqa: E402
from tests.fakes.openalex_server import OpenAlexFake  # noqa: E402
from profilebot.config import Settings  # noqa: E402
from profilebot.targets import openalex  # noqa: E402
from profilebot.clients.http import RetryPolicy  # noqa: E402
from profilebot.validate.pipeline import check  # noqa: E402

PROFILE = check((ROOT / "profile.yaml").read_text("utf-8")).profile


def run(fake: OpenAlexFake, author: str, profile=PROFILE, policy: RetryPolicy | None = None) -> tuple[int, int, float]:
    settings = Settings(sections={"openalex": {}, "orcid": {}})
    start = time.perf_counter()
    works, _ = openalex.read(profile, settings, {"OPENALEX_API_URL": fake.url}, author=author,
                             policy=policy or RetryPolicy())
    return len(works), len(fake.log), time.perf_counter() - start


def row(scenario: str, works: int, requests: int, list_calls: int, seconds: float, note: str = "") -> None:
    print(f"{scenario:<50} {works:>5} {requests:>9} {list_calls:>11} {seconds:>8.3f}  {note}".rstrip())


def main() -> None:
    print(f"{'scenario':<50} {'works':>5} {'requests':>9} {'list calls':>11} {'seconds':>8}")
    with OpenAlexFake() as fake:
        openalex_data.seed(fake)
        works, requests, seconds = run(fake, openalex_data.ORCID)
        row("default profile, author found from its ORCID iD", works, requests, fake.list_calls(), seconds)
    for per_page in (200, 100):
        with OpenAlexFake(max_per_page=per_page) as fake:
            openalex_data.many_works(fake, 200)
            works, requests, seconds = run(fake, "A5000000200")
            row(f"200 works, server pages by {per_page}", works, requests, fake.list_calls(), seconds)
    with OpenAlexFake() as fake:
        openalex_data.many_works(fake, 120, author="A5000000120")
        fake.add_author("A5000000999", "Hanxian Huang", None)
        entries = "".join(f"  - id: p{i}\n    type: journal-article\n    status: published\n    title: Engine {i}\n"
                          f"    authors: [A. Lovelace]\n    date: 2001\n    doi: 10.5555/engine.{i}\n" for i in range(120))
        profile = check("person:\n  name: Ada Lovelace\npublications:\n" + entries).profile
        works, requests, seconds = run(fake, "A5000000999", profile)
        row("120 profile DOIs not attributed to the author", works, requests, fake.list_calls(), seconds)
    with OpenAlexFake() as fake:
        openalex_data.seed(fake)
        fake.fail(r"^/works\?", 429, times=2, retry_after=2)
        waits: list[float] = []
        works, requests, seconds = run(fake, openalex_data.AUTHOR, policy=RetryPolicy(sleep=waits.append))
        row("default profile, two 429s (Retry-After: 2)", works, requests, fake.list_calls(), seconds,
            f"waited {sum(waits):g}s as asked")


if __name__ == "__main__":
    main()
