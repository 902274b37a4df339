"""A local stand-in for dblp.org's person records: `GET /pid/{pid}.xml` and `GET /pid/{pid}.bib`.

As on dblp.org: a pid has one or more slashes (`m/AndrewMcCallum`, `123/4567-1`); the XML is served as
`application/xml`, the BibTeX as `application/x-bibtex`; an unknown pid is a 404 HTML page; DBLP asks
clients not to burst and answers 429 with Retry-After when they do (`fail(pattern, 429, retry_after=…)`).
"""

from __future__ import annotations

import re

from tests.fakes.http_fake import FakeService, Reply, Request


class DblpFake(FakeService):
    name = "dblp"

    def __init__(self) -> None:
        super().__init__()
        self.people: dict[str, dict[str, str]] = {}  # pid → {"xml": text, "bib": text}

    def add_person(self, pid: str, xml: str, bib: str = "") -> None:
        self.people[pid] = {"xml": xml, "bib": bib}

    def error_body(self, status: int) -> str:
        return "<html><body><h1>Too Many Requests</h1></body></html>" if status == 429 else "<html>error</html>"

    def answer(self, request: Request) -> Reply:
        match = re.fullmatch(r"/pid/(.+)\.(xml|bib)", request.path)
        person = self.people.get(match.group(1)) if match else None
        if match is None or person is None or not person[match.group(2)]:
            return Reply(404, "<html><body><h1>Error 404: Not Found</h1></body></html>", {}, "text/html")
        kind = match.group(2)
        return Reply(200, person[kind], {}, "application/xml; charset=utf-8" if kind == "xml"
                     else "application/x-bibtex; charset=utf-8")
