"""A closed proposal is a decision: what closed and merged bot PRs decline, undo ticks, one identity everywhere."""

from __future__ import annotations

from profilebot.diff import decisions
from profilebot.diff.decisions import ClosedPull, Fill, Identity, Memory, Other, Proposal
from profilebot.model.matching import Work
from profilebot.validate.pipeline import check

PROFILE = check("""person: {name: Sean Crowell}
publications:
  - id: crowell2019
    type: journal-article
    status: published
    title: Carbon flux estimates from OCO-2
    authors: ["Crowell, Sean", "Baker, David"]
    date: 2019
""").profile
MINE = Identity("Carbon flux estimates from OCO-2", 2019, "Crowell, Sean")
OTHER = Identity("A namesake's paper on glaciers", 2020, "Crowell, S.", doi="10.1000/glacier")
FILL = Fill("crowell2019", "doi", "10.1000/oco2")


def test_the_proposal_line_round_trips_and_a_damaged_one_reads_as_none():
    proposal = Proposal((MINE, OTHER), (FILL,))
    assert Proposal.read("text\n" + proposal.marker() + "\nmore") == proposal
    assert Proposal.read("<!-- profilebot:proposal bm90IGpzb24= -->") is None
    assert Proposal.read(None) is None


def test_closed_unmerged_declines_all_merged_declines_what_the_profile_lacks():
    assert PROFILE is not None
    closed = decisions.from_pulls([ClosedPull(2, False, Proposal((OTHER,), (FILL,)))], PROFILE)
    assert [(d.how, d.shown()) for d in closed] == [("closed", OTHER.shown()), ("closed", FILL.shown())]
    merged = decisions.from_pulls([ClosedPull(3, True, Proposal((MINE, OTHER), (FILL,)))], PROFILE)
    # MINE is in the profile (merged); OTHER was taken out of the branch; the DOI is not there: reverted.
    assert [(d.how, d.pull) for d in merged] == [("removed", 3), ("reverted", 3)]


def test_a_declined_work_is_the_same_work_from_any_source():
    memory = decisions.remember(Memory(), decisions.from_pulls([ClosedPull(2, False, Proposal((OTHER,)))], PROFILE))
    from_openalex = Work("W1", "A Namesake’s Paper on Glaciers", 2020, "S. Crowell", doi="https://doi.org/10.1000/GLACIER")
    from_scholar = Work("k", "A namesake's paper on glaciers", 2020, "Crowell, Sean")
    unrelated = Work("k2", "Something else", 2020, "Crowell, Sean")
    assert decisions.declined_works(memory, [from_openalex, from_scholar, unrelated]) == {id(from_openalex),
                                                                                         id(from_scholar)}


def test_an_undo_sticks_until_a_later_pull_request_declines_the_work_again():
    found = decisions.from_pulls([ClosedPull(2, False, Proposal((OTHER,)))], PROFILE)
    memory = decisions.remember(Memory(), found).ticked([OTHER.key], [])
    assert memory.declined == () and memory.undone == {OTHER.key: 2}
    assert decisions.remember(memory, found).declined == ()  # PR #2 is still listed: no new decision
    again = decisions.from_pulls([ClosedPull(5, False, Proposal((OTHER,)))], PROFILE)
    assert [d.pull for d in decisions.remember(memory, again).declined] == [5]
    assert Memory.from_data(memory.data()) == memory


def test_a_position_or_degree_in_a_closed_pull_request_is_declined_too():
    from profilebot.importers.propose import other_key

    intern = {"title": "Research Intern", "organization": "Meta", "periods": [{"start": "2021-06"}]}
    other = Other(other_key("positions", intern), "Research Intern, Meta (positions)")
    proposal = Proposal((), (), (other,))
    assert Proposal.read(proposal.marker()) == proposal
    memory = decisions.remember(Memory(), decisions.from_pulls([ClosedPull(4, False, proposal)], PROFILE))
    assert decisions.declined_other(memory, other_key("positions", {**intern, "title": "Research intern"}))
    assert not decisions.declined_other(memory, other_key("positions", {**intern, "organization": "Google"}))
    assert Memory.from_data(memory.data()) == memory
    # Merged: declined only when the person took it out (PROFILE holds no positions at all).
    assert [d.how for d in decisions.from_pulls([ClosedPull(5, True, proposal)], PROFILE)] == ["removed"]
