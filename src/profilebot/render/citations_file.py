"""Citations → citations.yaml text, byte for byte the same for the same counts (sorted, one line per work)."""

from __future__ import annotations

from profilebot.model.citations import Citations

HEADER = ("# Citation counts of the works in profile.yaml, with where and when each was read.\n"
          "# Written by `profilebot sync` (the profile pull request); `profilebot build` reads it and stays offline.\n")


def render(citations: Citations) -> str:
    lines = [HEADER, "works:\n" if citations.works else "works: {}\n"]
    for work_id, citation in sorted(citations.works.items()):
        record = f", record: {citation.record}" if citation.record else ""
        lines.append(f"  {work_id}: {{cited_by: {citation.count}, source: {citation.source}, "
                     f"date: {citation.date}{record}}}\n")
    return "".join(lines)
