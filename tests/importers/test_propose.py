"""propose(): what an import adds — nothing the profile holds, and never two publications with one title."""

from __future__ import annotations

from pathlib import Path

from profilebot.importers import bibtex
from profilebot.importers.propose import propose
from profilebot.validate.pipeline import check

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
MODEL = "model structures amplify uncertainty in predicted soil carbon responses to climate change"


def proposed_titles(profile_text: str) -> list[str]:
    text = (FIXTURES / "realworld" / "scholar-1.bib").read_text("utf-8")
    profile = check(profile_text).profile
    return [a.entry["title"].rstrip(".").lower() for a in propose(profile, bibtex.candidates(text, "scholar-1.bib"))
            if a.section == "publications"]


def test_a_paper_listed_twice_with_a_garbled_author_list_is_proposed_once():
    """scholar-1.bib lists shi2018model twice; one copy's authors read 'Shi Zheng, Shi Zheng and …'."""
    titles = proposed_titles("person:\n  name: Sean Crowell\n")
    assert titles.count(MODEL) == 1
    assert len(titles) == len(set(titles))


def test_a_title_the_profile_already_holds_is_not_proposed_again():
    profile = ("person:\n  name: Sean Crowell\npublications:\n  - id: shi\n    type: journal-article\n"
               "    status: published\n    title: Model Structures Amplify Uncertainty in Predicted Soil Carbon "
               "Responses to Climate Change\n    authors: [Z. Shi]\n    date: 2018\n")
    assert MODEL not in proposed_titles(profile)
