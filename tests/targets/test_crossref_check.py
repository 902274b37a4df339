"""`check --online` against the Crossref stand-in: DOIs compared with their records, findings with positions."""

from __future__ import annotations

import json
import shutil

import pytest

from profilebot.cli import main
from profilebot.clients import crossref
from profilebot.clients.http import RetryPolicy
from profilebot.validate import crossref as crossref_check
from profilebot.validate.pipeline import check
from tests.fakes.crossref_server import CrossrefFake, message
from tests.paths import DEFAULT_PROFILE, FIXTURES

REAL = json.loads((FIXTURES / "crossref" / "work-pssc.201200953.json").read_text("utf-8"))["message"]
PSSC = """person:
  name: E. A. Shevchenko
publications:
  - id: shevchenko2013quantum
    type: journal-article
    status: published
    title: The quantum-confined Stark effect and localization of charge carriers in Al x Ga 1-x N/Al y Ga 1-y N quantum wells with different morphologies
    authors: [E. A. Shevchenko, V. N. Jmerik, A. M. Mizerov]
    venue: physica status solidi (c)
    date: {year}
    doi: 10.1002/PSSC.201200953
"""


def with_dois(text: str, dois: dict[str, str]) -> str:
    """The default profile with `doi:` lines added to the given entries (after each entry's `date:` line)."""
    from profilebot.load import edit

    return edit.update(text, [edit.FieldEdit("publications", key, "doi", doi) for key, doi in dois.items()])


@pytest.fixture
def fake(monkeypatch):
    with CrossrefFake() as server:
        monkeypatch.setenv("CROSSREF_API_URL", server.url)
        yield server


def test_the_real_record_agrees_with_its_paper():
    checked = check(PSSC.format(year=2013))
    assert crossref_check.compare(checked.profile, {"10.1002/pssc.201200953": REAL}, checked.document.source_map) == []


def test_a_year_crossref_does_not_know_is_a_warning_at_the_date():
    checked = check(PSSC.format(year=2014))
    [finding] = crossref_check.compare(checked.profile, {"10.1002/pssc.201200953": REAL}, checked.document.source_map)
    assert (finding.code, finding.severity.value, finding.line) == ("PB222", "warning", 10)
    assert "(2013)" in finding.message


def default_with_dois(tmp_path) -> str:
    text = with_dois(DEFAULT_PROFILE.read_text("utf-8"), {
        "huang2024fasor": "10.5555/3650200.3656631",    # agrees
        "huang2024sibyl": "10.5555/3639279",            # another paper
        "zhang2018adaptive": "10.1145/3240765.3240774",  # year and first author differ
        "he2018fpga": "10.5555/nobody.knows"})           # unknown to Crossref
    (tmp_path / "profile.yaml").write_text(text, "utf-8")
    return text


def seed(fake):
    fake.add(message("10.5555/3650200.3656631", "Fasor: A Fast Tensor Program Optimization Framework for Efficient "
                     "DNN Deployment", 2024, [("Hanxian", "Huang"), ("Xinyun", "Chen"), ("Jishen", "Zhao")],
                     "Proceedings of the 38th ACM International Conference on Supercomputing"))
    fake.add(message("10.5555/3639279", "Seismic Response of Base-Isolated Bridges", 2023, [("Wei", "Li")],
                     "Soil Dynamics and Earthquake Engineering", "journal-article"))
    fake.add(message("10.1145/3240765.3240774", "Adaptive-Precision Framework for SGD Using Deep Q-Learning", 2019,
                     [("Hanxian", "Huang"), ("Wentai", "Zhang")], "Proceedings of the International Conference on "
                     "Computer-Aided Design"))


def test_check_online_reports_each_mismatch_with_its_position(fake, tmp_path, capsys):
    text = default_with_dois(tmp_path)
    seed(fake)
    code = main(["check", str(tmp_path / "profile.yaml"), "--online", "--format", "json"])
    found = {(f["code"], f["line"]) for f in json.loads(capsys.readouterr().out)}
    lines = text.splitlines()
    sibyl_doi = lines.index("    doi: 10.5555/3639279") + 1
    assert ("PB220", sibyl_doi) in found  # the DOI is another paper: an error
    assert {c for c, _ in found if c.startswith("PB22")} == {"PB220", "PB222", "PB224", "PB225"}
    assert code == 1
    assert fake.count(r"^/works\?") == 1  # four DOIs, one batched request


def test_check_stays_offline_without_the_flag(fake, tmp_path):
    default_with_dois(tmp_path)
    assert main(["check", str(tmp_path / "profile.yaml")]) == 0
    assert fake.count() == 0


def test_crossref_429_is_waited_out(fake, tmp_path):
    default_with_dois(tmp_path)
    seed(fake)
    fake.fail(r"^/works", 429, times=1, retry_after=3)
    waits: list[float] = []
    http = crossref.client({"CROSSREF_API_URL": fake.url}, RetryPolicy(sleep=waits.append))
    assert len(crossref.records(http, ["10.5555/3639279", "10.5555/3650200.3656631"])) == 2
    assert waits == [3]


def test_an_unreachable_crossref_is_one_line_and_exit_1(tmp_path, monkeypatch, capsys):
    with CrossrefFake() as server:
        url = server.url
    monkeypatch.setenv("CROSSREF_API_URL", url)
    default_with_dois(tmp_path)
    assert main(["check", str(tmp_path / "profile.yaml"), "--online"]) == 1
    err = capsys.readouterr().err
    assert "Could not reach Crossref" in err and "CROSSREF_API_URL" in err and "Traceback" not in err


@pytest.mark.parametrize("body, wrong", [({"message": {"items": "nope"}}, "message.items should be a list"),
                                         ({"status": "ok"}, "message is missing"),
                                         ({"message": {"items": [{"DOI": 5}]}}, "message.items[0].DOI should be text")])
def test_an_answer_not_in_crossrefs_shape_is_one_line_and_exit_1_not_silence(fake, tmp_path, capsys, body, wrong):
    """Read leniently, such an answer gave no findings at all: `check --online` passed without checking anything."""
    default_with_dois(tmp_path)
    fake.fail(r"^/works", 200, times=99, body=body)
    assert main(["check", str(tmp_path / "profile.yaml"), "--online"]) == 1
    err = capsys.readouterr().err
    assert "Crossref's answer to 'look up" in err and wrong in err and "CROSSREF_API_URL" in err, err
    assert "Traceback" not in err


def test_default_profile_without_dois_needs_no_request(fake, tmp_path):
    shutil.copy(DEFAULT_PROFILE, tmp_path / "profile.yaml")
    assert main(["check", str(tmp_path / "profile.yaml"), "--online"]) == 0
    assert fake.count() == 0


@pytest.mark.parametrize("record", [
    {"title": None, "author": "someone", "issued": {"date-parts": [[None]]}, "container-title": 5},
    {"title": [["nested"]], "author": [None, {"family": 7}], "issued": {"date-parts": "2013"}},
    {"issued": [], "published-print": {"date-parts": [2013]}, "author": {"family": "Shevchenko"}},
])
def test_odd_crossref_records_give_findings_never_a_crash(record):
    checked = check(PSSC.format(year=2013))
    found = crossref_check.compare(checked.profile, {"10.1002/pssc.201200953": record}, checked.document.source_map)
    assert all(f.code.startswith("PB22") and f.line for f in found)


def test_online_checks_have_their_own_codes_and_rules_explains_them(capsys):
    from profilebot.validate import rules

    taken = {r.CODE for r in rules.RULES} | {r.NAME for r in rules.RULES}
    assert not {c.code for c in crossref_check.CHECKS} & taken and not {c.name for c in crossref_check.CHECKS} & taken
    assert main(["rules", "PB220"]) == 0
    assert "doi-other-paper (default severity: error; only with `check --online`)" in capsys.readouterr().out
    assert main(["rules"]) == 0
    assert "PB225  doi-unknown-to-crossref" in capsys.readouterr().out


def test_the_online_checks_take_levels_like_every_rule(fake, tmp_path, capsys):
    """Issue 21: `rules: {PB222: off}` was refused as "no such rule" although `profilebot rules` lists PB222."""
    default_with_dois(tmp_path)
    seed(fake)
    (tmp_path / "profilebot.yaml").write_text("rules:\n  PB222: off\n  doi-other-paper: warning\n  PB225: info\n",
                                              "utf-8")
    code = main(["check", str(tmp_path / "profile.yaml"), "--online", "--format", "json"])
    found = {f["code"]: f["severity"] for f in json.loads(capsys.readouterr().out) if f["code"].startswith("PB22")}
    assert found == {"PB220": "warning", "PB224": "warning", "PB225": "info"}
    assert code == 0  # the one error, doi-other-paper, is a warning here


def test_a_level_for_no_rule_is_still_refused(tmp_path, capsys):
    (tmp_path / "profile.yaml").write_text("person:\n  name: Ada\n", "utf-8")
    (tmp_path / "profilebot.yaml").write_text("rules:\n  PB229: off\n", "utf-8")
    assert main(["check", str(tmp_path / "profile.yaml")]) == 1
    assert "no such rule 'PB229'" in capsys.readouterr().err
