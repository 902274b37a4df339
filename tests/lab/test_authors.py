"""Members' co-authorships found by name on the lab's list (lab/authors.py), on a real lab's real name forms.

Jean-Paul Laumond's Google Scholar export (../shared/realworld/scholar/scholar-5.bib, from the Gepetto group's
own repository) names his colleagues as Scholar writes them: "Siméon, Thierry" and "Simeon, Thierry",
"Soueres, Philippe", "Lamiraux, F" and "Lamiraux, Florent", "Cortes, Juan" and "Cortés, Juan". The lab lists
them as members whose profiles hold their names only, so every mark below comes from Laumond's list alone.
"""

from __future__ import annotations

from functools import lru_cache

from profilebot.lab import load, site
from profilebot.lab.works import LabWork, lab_works
from profilebot.model.profile import Profile
from profilebot.validate.pipeline import check
from tests.paths import REALWORLD

LAB = """\
lab:
  name: Gepetto
members:
  - {id: laumond, profile: laumond.yaml, role: Research director, from: 1985-01}
  - {id: simeon, profile: simeon.yaml, role: Researcher, from: 1990-01}
  - {id: soueres, profile: soueres.yaml, role: Researcher, from: 1990-01}
  - {id: lamiraux, profile: lamiraux.yaml, role: Researcher, from: 1997-01}
  - {id: cortes, profile: cortes.yaml, role: Researcher, from: 2003-01}
"""
NAMES = {"simeon": "Thierry Siméon", "soueres": "Philippe Souères", "lamiraux": "Florent Lamiraux",
         "cortes": "Juan Cortés", "fabien": "Fabien Lamiraux"}


@lru_cache(maxsize=1)
def laumond() -> Profile:
    from profilebot.commands.import_ import proposed_changes

    empty = "person:\n  name: Jean-Paul Laumond\n"
    text = proposed_changes(empty, check(empty).profile, "bibtex", str(REALWORLD / "scholar" / "scholar-5.bib"))[2]
    profile = check(text).profile
    assert profile is not None and len(profile.publications) == 20
    return profile


def works(lab_text: str = LAB, extra: dict[str, str] | None = None,
          names: dict[str, str] = NAMES) -> tuple[LabWork, ...]:
    lab = load.check(lab_text).lab
    assert lab is not None
    profiles = {member_id: check(f"person:\n  name: {name}\n{(extra or {}).get(member_id, '')}").profile
                for member_id, name in names.items()}
    return lab_works(lab, {"laumond": laumond(), **profiles})


def titled(found: tuple[LabWork, ...], words: str) -> LabWork:
    (work,) = [w for w in found if words in w.publication.title]
    return work


def named(work: LabWork) -> dict[str, str]:
    """author as written → the member it names."""
    return {a.name: m for a, m in zip(work.publication.authors, work.authors, strict=True) if m}


def test_colleagues_are_marked_from_the_one_profile_that_lists_the_work():
    found = works()
    assert len(found) == 20
    cortes_2004 = next(w for w in found if w.year == 2004)
    assert cortes_2004.members == ("laumond", "simeon", "cortes")
    assert named(cortes_2004) == {"Siméon, Thierry": "simeon", "Laumond, Jean-Paul": "laumond",
                                  "Cortés, Juan": "cortes"}
    unaccented = next(w for w in found if w.year == 1991)  # "Simeon, Thierry", written without the accent
    assert named(unaccented) == {"Simeon, Thierry": "simeon", "Laumond, Jean-Paul": "laumond"}
    assert {w.year for w in found if "soueres" in w.members} == {1994, 1995, 1996}  # "Soueres, Philippe"
    spelled = next(w for w in found if any(a.name == "Lamiraux, Florent" for a in w.publication.authors))
    assert named(spelled)["Lamiraux, Florent"] == "lamiraux"


def test_an_initial_marks_a_member_who_does_not_list_the_work_only_in_a_form_their_profile_writes():
    """"Lamiraux, F" could be anyone outside the lab with that initial: Florent Lamiraux is marked on it once his
    profile lists "F. Lamiraux" among his name variants (real Scholar exports write colleagues so)."""
    def initial(found):
        return next(w for w in found if any(a.name == "Lamiraux, F" for a in w.publication.authors))

    assert "lamiraux" not in initial(works()).members
    declared = initial(works(extra={"lamiraux": '  name_variants: ["F. Lamiraux"]\n'}))
    assert "lamiraux" in declared.members and named(declared)["Lamiraux, F"] == "lamiraux"


def test_a_colleague_is_not_marked_on_a_work_from_before_they_joined():
    found = works()
    before = next(w for w in found if w.year == 2002)  # "Cortes, Juan" on a 2002 paper; Cortés joined in 2003
    assert "cortes" not in before.members and "Cortes, Juan" not in named(before)
    assert "simeon" in before.members
    outside = [w for w in found if w.year is not None and w.year < 1997]
    assert not any("lamiraux" in w.members for w in outside)


def test_two_members_with_one_initial_and_family_name_are_told_apart_or_left_unmarked():
    """Florent and Fabien Lamiraux: "Lamiraux, Florent" is Florent; "Lamiraux, F" could be either, so it marks
    neither (a wrong name on a lab's list is worse than a missing one)."""
    lab = LAB + "  - {id: fabien, profile: fabien.yaml, role: Engineer, from: 1997-01}\n"
    found = works(lab)
    spelled = titled(found, next(w.publication.title for w in found
                                 if any(a.name == "Lamiraux, Florent" for a in w.publication.authors)))
    assert named(spelled)["Lamiraux, Florent"] == "lamiraux" and "fabien" not in spelled.members
    initial = next(w for w in found if any(a.name == "Lamiraux, F" for a in w.publication.authors))
    assert "Lamiraux, F" not in named(initial)
    assert "lamiraux" not in initial.members and "fabien" not in initial.members
    # Even when Florent writes that form himself: it fits Fabien too.
    declared = works(lab, {"lamiraux": '  name_variants: ["F. Lamiraux"]\n'})
    assert not {"lamiraux", "fabien"} & set(next(w for w in declared if any(
        a.name == "Lamiraux, F" for a in w.publication.authors)).members)


def test_a_name_variant_in_the_profile_marks_a_form_the_name_does_not_match():
    renamed = {**NAMES, "simeon": "Thierry Dupont"}  # the profile's name alone no longer fits "Siméon, Thierry"
    assert "simeon" not in next(w for w in works(names=renamed) if w.year == 2004).members
    variant = works(names=renamed, extra={"simeon": '  name_variants: ["Siméon, Thierry"]\n'})
    assert "simeon" in next(w for w in variant if w.year == 2004).members


def test_an_orcid_on_both_sides_decides():
    """An author carrying an ORCID that is not the member's is another person of the same name."""
    import dataclasses

    profile = laumond()
    work = next(p for p in profile.publications if p.year == 2004)
    other = dataclasses.replace(work, id="other2004", authors=tuple(
        dataclasses.replace(a, orcid="0000-0002-1825-0097") if a.name.startswith("Cort") else a
        for a in work.authors))
    lab = load.check(LAB).lab
    profiles = {m: check(f"person:\n  name: {n}\n").profile for m, n in NAMES.items()}
    profiles["cortes"] = check("person:\n  name: Juan Cortés\n  profiles: {orcid: 0000-0001-5109-3700}\n").profile
    alone = dataclasses.replace(profile, publications=(other,))
    (found,) = lab_works(lab, {**profiles, "laumond": alone})
    assert "cortes" not in found.members
    same = dataclasses.replace(other, authors=tuple(
        dataclasses.replace(a, orcid="0000-0001-5109-3700") if a.orcid else a for a in other.authors))
    (found,) = lab_works(lab, {**profiles, "laumond": dataclasses.replace(profile, publications=(same,))})
    assert "cortes" in found.members


def test_the_static_site_links_each_named_colleague_to_their_page():
    lab = load.check(LAB).lab
    profiles = {m: check(f"person:\n  name: {n}\n").profile for m, n in NAMES.items() if m != "fabien"}
    files = {a.path: a.data.decode("utf-8") for a in site.render(lab, {"laumond": laumond(), **profiles})}
    cortes = files["members/cortes.html"]
    assert "Cortés, Juan</a>" in cortes or "Juan Cortés</a>" in cortes
    assert cortes.count('<li class="paper"') == 1  # 2004 only: the 2002 paper predates Cortés
    assert 'data-members="laumond simeon cortes"' in files["publications.html"]
