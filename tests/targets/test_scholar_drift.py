"""`diff --target scholar`: the profile against a Scholar export, each side's missing works."""

from __future__ import annotations

from pathlib import Path

from profilebot.config import Settings
from profilebot.targets import scholar
from profilebot.targets import session
from profilebot.report.outcome import said
from tests.targets.moment import NOW

EXPORT = """@inproceedings{huang2024fasor,
  title={Fasor: A fast tensor program optimization framework for efficient dnn deployment},
  author={Huang, Hanxian and Chen, Xinyun and Zhao, Jishen},
  booktitle={Proceedings of the 38th ACM International Conference on Supercomputing},
  pages={498--510},
  year={2024}
}

@article{huang2023sibyl,
  title={SIBYL: Forecasting Time-Evolving Query Workloads},
  author={Huang, Hanxian and Siddiqui, Tarique and Alotaibi, Rana and Curino, Carlo and others},
  journal={arXiv preprint arXiv:2401.03723},
  year={2023}
}

@article{huang2024sibyl,
  title={SIBYL: Forecasting Time-Evolving Query Workloads},
  author={Huang, Hanxian and Siddiqui, Tarique and others},
  journal={Proceedings of the ACM on Management of Data},
  year={2024},
  publisher={ACM New York, NY, USA}
}

@article{huang2021ayudante,
  title={Ayudante: A deep reinforcement learning approach to assist persistent memory programming},
  author={Huang, Hanxian and Wang, Zixuan and Kim, Juno and Swanson, Steven and Zhao, Jishen},
  year={2021}
}

@misc{peng2024multi,
  title={Multi-level intermediate representation decoder for heterogeneous platforms},
  author={Peng, Zhen and Liu, Yang and Huang, Hanxian and others},
  year={2023},
  month=mar # "~12",
  publisher={Google Patents},
  note={US Patent 11,928,446}
}

@article{someone2022other,
  title={A paper the profile does not list},
  author={Huang, Hanxian and Someone, Else},
  journal={Journal of Examples},
  year={2022}
}
"""


def test_scholar_drift_lists_what_each_side_lacks(default_profile, tmp_path: Path):
    (tmp_path / "scholar.bib").write_text(EXPORT, "utf-8")
    settings = Settings(root=tmp_path, sections={"scholar": {"export": "scholar.bib"}})
    drift = scholar.plan(default_profile, scholar.fetch(scholar.configure(settings.section("scholar"), tmp_path)))
    assert [[w.title for w in group] for group in drift.missing_local] == [["A paper the profile does not list"]]
    present = {"huang2024fasor", "huang2024sibyl", "huang2021ayudante", "peng2024multi"}
    assert present.isdisjoint({w.key for w in drift.missing_remote})
    assert len(drift.missing_remote) == len(default_profile.publications) + len(default_profile.patents) - 4
    # The patent (matched by its number) has another year on Scholar: reported; the arXiv/published pair is not.
    assert [(d.work, d.field, d.ours, d.theirs) for d in drift.differences] == [("peng2024multi", "year", "2024", "2023")]

    outcome = session.run("scholar", session.context(default_profile, settings, {}, write=False, now=NOW))
    assert not outcome.failed and "1 missing from the profile" in said(outcome)
    assert "A paper the profile does not list (2022)" in said(outcome)


def test_scholar_not_configured_and_missing_file(default_profile, tmp_path):
    assert "not configured" in said(session.run("scholar", session.context(default_profile, Settings(root=tmp_path), {}, write=False, now=NOW)))
    missing = Settings(root=tmp_path, sections={"scholar": {"export": "nope.bib"}})
    outcome = session.run("scholar", session.context(default_profile, missing, {}, write=False, now=NOW))
    assert outcome.failed and "nope.bib: no such file" in said(outcome)


# --- the command: --exit-code, JSON and Markdown cover Scholar (issue 15 item 1, issue 11) ----------------


def scholar_workspace(tmp_path: Path, export: str) -> Path:
    import shutil

    shutil.copy(Path(__file__).resolve().parents[2] / "profile.yaml", tmp_path / "profile.yaml")
    (tmp_path / "profilebot.yaml").write_text("scholar:\n  export: scholar.bib\n", "utf-8")
    (tmp_path / "scholar.bib").write_text(export, "utf-8")
    return tmp_path / "profile.yaml"


def test_diff_exit_code_is_1_with_scholar_drift_and_0_without(tmp_path, capsys):
    from profilebot.cli import main

    profile = scholar_workspace(tmp_path, EXPORT)
    assert main(["diff", str(profile), "--target", "scholar"]) == 0
    assert "1 missing from the profile" in capsys.readouterr().out
    assert main(["diff", str(profile), "--target", "scholar", "--exit-code"]) == 1
    # The build's own BibTeX holds exactly the profile's works: nothing is missing on either side.
    assert main(["build", str(profile), "-o", str(tmp_path / "build")]) == 0
    (tmp_path / "scholar.bib").write_bytes((tmp_path / "build" / "publications.bib").read_bytes())
    capsys.readouterr()
    assert main(["diff", str(profile), "--target", "scholar", "--exit-code"]) == 0, capsys.readouterr()


def test_diff_json_and_markdown_carry_the_scholar_drift(tmp_path, capsys):
    import json

    from profilebot.cli import main

    profile = scholar_workspace(tmp_path, EXPORT)
    assert main(["diff", str(profile), "--target", "scholar", "--format", "json"]) == 0
    [entry] = json.loads(capsys.readouterr().out)
    assert entry["target"] == "scholar" and entry["drift"] is True
    assert [w["title"] for w in entry["works"]["missing_local"]] == ["A paper the profile does not list"]
    assert {"id": "peng2024multi", "field": "year", "profile": "2024", "remote": "2023"}.items() <= \
        entry["works"]["differences"][0].items()
    assert main(["diff", str(profile), "--target", "scholar", "--format", "markdown"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("### profilebot: `scholar`\n") and "“A paper the profile does not list” (2022)" in out
