"""Declines over every real record in the shared corpus: each work a pull request proposed, recorded in its body
and read back after the person closed it, is recognised again (by model/matching's identity) in the very records
it came from, versions and duplicate copies included, so none of them is ever proposed a second time."""

from __future__ import annotations

import json

import pytest
from tests.paths import REALWORLD

from profilebot.diff import decisions
from profilebot.errors import UsageError
from profilebot.diff.decisions import ClosedPull, Identity, Memory, Proposal
from profilebot.importers import bibtex, jsonresume
from profilebot.importers import orcid as orcid_json
from profilebot.model import matching
from profilebot.model.matching import Work
from profilebot.validate.pipeline import check

EMPTY = check("person: {name: Nobody Here}\n").profile


def works_of(path) -> list[Work]:
    text = path.read_text("utf-8")
    if path.suffix == ".bib":
        found = bibtex.candidates(text, path.name)
    elif path.parent.name == "orcid":
        try:
            return orcid_json.parse_works(json.loads(text))
        except UsageError as refused:  # an API v2 record, which profilebot refuses by design (never proposed)
            assert "API v2" in refused.message
            return []
    else:
        try:
            found = jsonresume.candidates(text, path.name, "")
        except UsageError as refused:  # a file the reader refuses with its position is never proposed from
            assert f"{path.name}:" in refused.message
            return []
    return [c.work for c in found if c.work is not None]


FILES = sorted([*REALWORLD.glob("scholar/*.bib"), *REALWORLD.glob("orcid/*.json"), *REALWORLD.glob("jsonresume/*.json")])


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_every_work_a_closed_pull_request_proposed_stays_declined(path):
    assert EMPTY is not None
    works = works_of(path)
    proposed = [matching.representative(group) for group in matching.cluster(works)]
    body = "a pull request body\n" + Proposal(tuple(Identity.of(w) for w in proposed)).marker()
    memory = decisions.remember(Memory(), decisions.from_pulls([ClosedPull(7, False, Proposal.read(body))], EMPTY))
    assert len(memory.declined) == len(proposed)
    refused = decisions.declined_works(Memory.from_data(json.loads(json.dumps(memory.data()))), works)
    missed = [w.title for w in works if id(w) not in refused]
    assert not missed, missed
    print(f"{path.name}: {len(works)} records, {len(proposed)} works declined, all recognised again")
