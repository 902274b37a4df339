"""What a build will write, estimated from the profile's data as loaded, before it is checked or rendered, so an oversized profile is
refused in a second instead of after minutes and gigabytes (issue 21: 700 papers × 1,000 authors built for
146 s and 5.0 GB before `outputs.oversize` refused the result).

Every text of the profile is printed by every output: the exports (BibTeX, RIS, CSL, ORCID's XML and JSON…),
the CV (cv.typ, the PDF, the site's CV page) and the site's pages, and every author of every work becomes a
structured record in most of them (ORCID's contributor elements alone are ~600 bytes each). Fitted on the
default profile and on author-heavy ones (20 and 70 papers × 1,000 authors), the outputs come to at least 14
bytes per character of text plus 600 per author or inventor (the PDF's fonts aside): the estimate stays under
what a build writes, so a profile it refuses surely makes more than the limit.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

# What one build may write in all. The default profile's outputs are about 1 MB and a 2,000-paper profile's
# tens of MB; far more means a profile built to amplify (a huge value repeated in every output).
LIMIT = 256 * 1024 * 1024
BYTES_PER_CHARACTER = 14
BYTES_PER_PERSON = 600
_SECTIONS = ("publications", "patents", "talks", "positions", "education", "projects", "awards", "service")


def characters(value: Any) -> int:
    """The characters of text in a profile's data as loaded (mappings, lists, strings; aliases expanded)."""
    total = 0
    stack = [value]
    while stack:
        item = stack.pop()
        if type(item) is str:
            total += len(item)
        elif type(item) is dict:
            stack.extend(item.values())
            total += sum(len(key) for key in item if type(key) is str)
        elif type(item) is list:
            stack.extend(item)
    return total


def people(entry: Any) -> int:
    """The authors or inventors an entry lists."""
    if not isinstance(entry, dict):
        return 0
    listed = entry.get("authors") or entry.get("inventors")
    return len(listed) if isinstance(listed, list) else 0


def cost(entry: Any) -> int:
    return characters(entry) * BYTES_PER_CHARACTER + people(entry) * BYTES_PER_PERSON


def estimate(data: Any) -> int:
    """Bytes the outputs of a profile with this data come to at the least (before the PDF's fonts)."""
    sections = data if isinstance(data, dict) else {}
    listed = sum(people(entry) for name in ("publications", "patents") if isinstance(sections.get(name), list)
                 for entry in sections[name])
    return characters(data) * BYTES_PER_CHARACTER + listed * BYTES_PER_PERSON


@dataclass(frozen=True)
class Oversize:
    """Why a profile's outputs would pass the limit: the message, the hint, and the costliest entry's path."""

    message: str
    hint: str
    path: tuple[str | int, ...] = ()


def oversize(data: Any, limit: int = LIMIT) -> Oversize | None:
    """Why the outputs of the profile `data` (as loaded, before it is checked or built) would be more than
    `limit`, naming the entry that costs most; or None."""
    total = estimate(data)
    if total <= limit:
        return None
    sections = data if isinstance(data, dict) else {}
    costs = [(cost(entry), section, index, entry)
             for section in _SECTIONS if isinstance(sections.get(section), list)
             for index, entry in enumerate(sections[section])]
    message = (f"the outputs of this profile would come to at least {total / 1e6:,.0f} MB, more than the "
               f"{limit / 1e6:,.0f} MB a build writes")
    path: tuple[str | int, ...] = ()
    if costs:
        most, section, index, entry = max(costs, key=lambda c: c[0])
        fields = entry if isinstance(entry, dict) else {}
        what = f" ({people(entry):,} authors)" if people(entry) > 50 else ""
        message += (f"; the largest entry is {section}[{index}] '{fields.get('id', '')}'{what}, about "
                    f"{most / 1e6:,.1f} MB of output by itself")
        path = (section, index)
    hint = ("Shorten the longest author lists (keep the first authors and name the collaboration in the venue or a "
            "note) and the longest abstracts, or split the profile: every text is printed in every output.")
    return Oversize(message + ".", hint, path)
