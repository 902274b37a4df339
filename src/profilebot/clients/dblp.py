"""A DBLP person's record from dblp.org (DBLP_API_URL, default https://dblp.org): one request per import.

DBLP asks clients to avoid bursts; an import reads one file, and a 429 waits as Retry-After says.
"""

from __future__ import annotations

import re
from typing import Mapping

from profilebot.errors import TargetError, UsageError
from profilebot.clients.http import RetryPolicy, Tally
from profilebot.clients.open_http import OpenHttp

DEFAULT_API = "https://dblp.org"
# A pid is one or more path segments: 123/4567, 123/4567-1, m/AndrewMcCallum.
_PID = re.compile(r"^(?:https?://dblp\.org/pid/)?([a-z0-9]+(?:/[A-Za-z0-9_\-]+)+?)(?:\.(?:html|xml|bib))?$")


def pid_of(value: str) -> str | None:
    match = _PID.match((value or "").strip())
    return match.group(1) if match else None


def person_xml(value: str, environ: Mapping[str, str], policy: RetryPolicy | None = None,
               tally: Tally | None = None) -> tuple[str, str]:
    """(pid, the person's XML)."""
    pid = pid_of(value)
    if pid is None:
        raise UsageError(f"'{value}' is neither a DBLP person id nor a file.",
                         "A DBLP pid looks like 123/4567 (the end of https://dblp.org/pid/123/4567.html); or give "
                         "the saved .xml or .bib file.")
    http = OpenHttp("DBLP", "DBLP_API_URL", environ.get("DBLP_API_URL") or DEFAULT_API, {}, policy or RetryPolicy(),
                    tally=tally if tally is not None else Tally(), default_url=DEFAULT_API)
    try:
        text = http.text(f"/pid/{pid}.xml", f"read DBLP person {pid}",
                         missing=TargetError(f"DBLP has no person {pid}.",
                                             "Check the pid on dblp.org (the end of the person page's address)."))
    finally:
        http.close()
    return pid, text
