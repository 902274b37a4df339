"""`sync --target profile`: what ORCID, a Scholar export and a JSON Resume know becomes one PR on profile.yaml.

Against the local GitHub and the local ORCID: the edit only adds lines (the rest of the heavily commented
file is compared byte for byte), passes `check`, names each entry's source, and the PR engine's etiquette
holds (reruns write nothing, updates go to the same PR, merged PRs are not reopened, human pushes win).
"""

from __future__ import annotations

import difflib
import json
import shutil
from pathlib import Path

import pytest
from tests.fakes.orcid_server import OrcidFake
from tests.fakes.orcid_works import ext, orcid_work

from profilebot.cli import main
from profilebot.config import Settings
from profilebot.targets import orcid as orcid_target
from profilebot.targets import profile as profile_target
from profilebot.targets import session
from profilebot.validate.pipeline import check
from profilebot.report.outcome import said
from tests.targets.moment import NOW

HERE = Path(__file__).resolve().parent
FIXTURES = HERE.parent / "fixtures" / "profile-target"
PROFILE_TEXT = (FIXTURES / "profile.yaml").read_text("utf-8")
REPO, BOT = "octo/cv", "profilebot/profile"
ORCID_ID = "0000-0002-1825-0097"
OTHER_FILES = {"README.md": "# My CV\n", "site/index.md": "hand-written\n", "cv/notes.yaml": "# not the profile\n"}
WRITES = ("POST", "PATCH", "PUT", "DELETE")
# What the sources know and the profile lacks, by title: exactly these may be added, each once.
MISSING = {"Neural Program Repair with Execution Traces": "ORCID (source: ",
           "A Survey of WebAssembly Binary Analysis": "ORCID (source: ",
           "Graph Neural Networks for Memory Placement in Heterogeneous Systems": "Scholar export scholar.bib",
           "Research Scientist Intern, Meta": "JSON Resume resume.json"}


def seed(server: OrcidFake) -> None:
    server.add_record(ORCID_ID, name="Hanxian Huang")
    # Works the profile holds, written the way other sources write them: none of these may be added.
    server.add_work(ORCID_ID, orcid_work("FASOR: a fast tensor program optimization framework for efficient DNN "
                                         "deployment", "conference-paper", "2024", [],
                                         contributors=("Hanxian Huang", "Xinyun Chen")))
    server.add_work(ORCID_ID, orcid_work("Ayudante: A Deep Reinforcement Learning Approach to Assist Persistent "
                                         "Memory Programming", "conference-paper", "2021",
                                         [ext("doi", "https://doi.org/10.5555/ATC.2021.AYUDANTE")]), source="crossref")
    server.add_work(ORCID_ID, orcid_work("learning to maximize mutual information for chain-of-thought "
                                         "distillation", "conference-paper", "2024",
                                         [ext("doi", "10.5555/ACL.2024.LEARNING")]))
    server.add_work(ORCID_ID, orcid_work("Towards LLM-powered Verilog RTL assistant: self-correction and "
                                         "self-verification", "preprint", "2024", [ext("arxiv", "2406.00115v1")],
                                         contributors=("Hanxian Huang",)))
    server.add_work(ORCID_ID, orcid_work("Multi-level intermediate representation decoder for heterogeneous "
                                         "platforms", "patent", "2024", [ext("pat", "US11928446B2")]))
    # Works the profile lacks; the first is held by two sources (one ORCID group) and is on Scholar too.
    repair = orcid_work("Neural Program Repair with Execution Traces", "journal-article", "2022",
                        [ext("doi", "10.5555/extra.repair")], journal="Journal of Test Data",
                        contributors=("Hanxian Huang", "Jishen Zhao"))
    server.add_work(ORCID_ID, repair, source="crossref")
    server.add_work(ORCID_ID, repair)
    server.add_work(ORCID_ID, orcid_work("A Survey of WebAssembly Binary Analysis", "journal-article", "2023",
                                         [ext("doi", "10.5555/extra.survey")]))


@pytest.fixture
def orcid(monkeypatch):
    with OrcidFake() as server:
        seed(server)
        yield server


@pytest.fixture
def world(fake, orcid, tmp_path, monkeypatch):
    """The profile's repository on the local GitHub, the sources beside the local profile, and the settings."""
    fake.create_repo(REPO, {"profile.yaml": PROFILE_TEXT, **OTHER_FILES})
    for name in ("scholar.bib", "resume.json"):
        shutil.copy(FIXTURES / name, tmp_path / name)
    monkeypatch.setenv("ORCID_API_URL", orcid.api_url)
    monkeypatch.delenv("ORCID_TOKEN", raising=False)
    return tmp_path


def settings_for(folder: Path, **profile_section) -> Settings:
    sections = {"profile": {"repo": REPO, "jsonresume": "resume.json", **profile_section},
                "orcid": {"id": ORCID_ID}, "scholar": {"export": "scholar.bib"}}
    return Settings(root=folder, sections=sections, profile_path=folder / "profile.yaml")


def sync(folder: Path, *, dry_run: bool = False, write: bool = True, **profile_section):
    import os

    # The local checkout's profile is deliberately another one: the branch's own profile.yaml is what gets edited.
    local = check("person: {name: Someone Else}\n").profile
    return session.run("profile", session.context(local, settings_for(folder, **profile_section), os.environ, write=write, now=NOW,
                              dry_run=dry_run))


def only_insertions(before: str, after: str) -> list[str]:
    """The inserted lines; fails when any line of `before` was changed or removed."""
    matcher = difflib.SequenceMatcher(a=before.splitlines(keepends=True), b=after.splitlines(keepends=True),
                                      autojunk=False)
    inserted = []
    for tag, a1, a2, b1, b2 in matcher.get_opcodes():
        assert tag in ("equal", "insert"), (tag, matcher.a[a1:a2], matcher.b[b1:b2])
        inserted += matcher.b[b1:b2] if tag == "insert" else []
    return inserted


def titles(text: str) -> list[str]:
    checked = check(text)
    assert checked.profile is not None and not checked.errors(), checked.findings
    found = [p.title for p in checked.profile.publications] + [p.title for p in checked.profile.patents]
    return found + [f"{p.title}, {p.organization}" for p in checked.profile.positions]


def table_sources(body: str) -> dict[str, str]:
    """title → source cell, from the PR body's table of additions."""
    rows = [line.split(" | ") for line in body.splitlines() if line.startswith("| ") and "---" not in line]
    header = [cell.strip("| ") for cell in rows[0]]
    return {row[header.index("title")]: row[header.index("source")].lstrip("| ") for row in rows[1:]}


def bot_file(fake) -> str:
    return fake.read_tree(REPO, BOT)["profile.yaml"].decode("utf-8")


def writes(fake) -> list:
    return [r for r in fake.requests if r[0] in WRITES]


def test_first_sync_opens_one_pr_whose_single_commit_only_adds_lines_to_profile_yaml(fake, world):
    base = fake.branch_sha(REPO, "main")
    outcome = sync(world)
    assert outcome.status == "opened", said(outcome)

    pulls = fake.open_pulls(REPO)
    assert len(pulls) == 1 and pulls[0].head == BOT and pulls[0].base == "main" and pulls[0].labels == ["profilebot"]
    head = fake._world.repo(REPO).objects.commits[fake.branch_sha(REPO, BOT)]
    assert head.parents == (base,)  # one commit on top of the base branch
    before, after = fake.read_tree(REPO, "main"), fake.read_tree(REPO, BOT)
    assert {p for p in after if after[p] != before.get(p)} == {"profile.yaml"} and after.keys() == before.keys()

    edited = bot_file(fake)
    inserted = only_insertions(PROFILE_TEXT, edited)
    assert inserted and not any(line.lstrip().startswith("#") for line in inserted)
    assert set(titles(edited)) - set(titles(PROFILE_TEXT)) == set(MISSING)
    assert len(titles(edited)) == len(titles(PROFILE_TEXT)) + len(MISSING)  # no false additions, none twice

    body = pulls[0].body
    sources = table_sources(body)
    assert set(sources) == set(MISSING)
    for title, source in MISSING.items():
        assert sources[title].startswith(source), (title, sources[title])
    assert "put-code" in sources["A Survey of WebAssembly Binary Analysis"]
    assert "DOI `10.5555/extra.survey`" in body and "| 2023 |" in body
    assert pulls[0].title == "profilebot: add 4 entries to profile.yaml"


def test_the_edit_follows_the_files_own_style(fake, world):
    sync(world)
    edited = bot_file(fake)
    # After the last paper's own closing comment, a blank line between entries, flow lists as the file writes them.
    assert "    # end of papers\n\n  - id: huang2023survey\n    type: journal-article\n" in edited
    assert "\n    authors: [Hanxian Huang, Jishen Zhao]\n    venue: {name: Journal of Test Data}\n" in edited
    assert "      - {start: 2023-06, end: 2023-09}\n    location: Menlo Park, CA\n" in edited
    assert edited.endswith("\n# ================================================================ talks\n"
                           "talks: []   # none yet\n\n# (the end)\n")
    assert sync(world).status == "unchanged"  # the same inputs give the same bytes


def test_a_rerun_makes_no_write_request_and_few_reads(fake, orcid, world):
    sync(world)
    fake.reset_log()
    orcid.reset_log()
    outcome = sync(world)
    assert outcome.status == "unchanged", said(outcome)
    assert writes(fake) == []
    assert len(fake.requests) == 3  # tree, profile.yaml blob, open pull requests
    assert orcid.count() <= 3  # works summaries, then full works in bulk


def test_a_new_orcid_work_updates_the_same_pr(fake, orcid, world):
    sync(world)
    first = fake.open_pulls(REPO)[0]
    first_head = fake.branch_sha(REPO, BOT)
    orcid.add_work(ORCID_ID, orcid_work("Compiler Fuzzing with Large Language Models", "conference-paper", "2025",
                                        [ext("doi", "10.5555/extra.fuzz")], journal="Test Conference",
                                        contributors=("Hanxian Huang",)))
    outcome = sync(world)
    assert outcome.status == "updated", said(outcome)
    pulls = fake.open_pulls(REPO)
    assert [p.number for p in pulls] == [first.number]
    edited = bot_file(fake)
    only_insertions(PROFILE_TEXT, edited)
    assert "Compiler Fuzzing with Large Language Models" in titles(edited)
    assert "Compiler Fuzzing with Large Language Models" in table_sources(pulls[0].body)
    head = fake._world.repo(REPO).objects.commits[fake.branch_sha(REPO, BOT)]
    # on the base (the PR's diff is the plan), fast-forwarded from the head it checked (never forced)
    assert head.parents == (fake.branch_sha(REPO, "main"), first_head)


def test_after_the_pr_is_merged_a_rerun_opens_nothing(fake, world):
    sync(world)
    fake.merge_pull(REPO, fake.open_pulls(REPO)[0].number)
    assert set(MISSING) <= set(titles(fake.read_tree(REPO, "main")["profile.yaml"].decode()))
    fake.reset_log()
    outcome = sync(world)
    assert outcome.status == "unchanged" and outcome.drift is not None and outcome.drift.is_empty, said(outcome)
    assert fake.open_pulls(REPO) == [] and writes(fake) == []


def test_an_open_pr_whose_additions_reached_the_base_by_hand_is_closed(fake, world):
    sync(world)
    fake.commit_files(REPO, "main", {"profile.yaml": bot_file(fake)}, message="Add the papers by hand",
                      author=("Ada", "ada@example.com"))
    outcome = sync(world)
    assert outcome.status == "closed", said(outcome)
    assert fake.open_pulls(REPO) == []


def test_a_human_push_to_the_branch_is_respected(fake, orcid, world):
    sync(world)
    mine = bot_file(fake).replace("Graph Neural Networks", "Graph neural networks")
    human = fake.commit_files(REPO, BOT, {"profile.yaml": mine}, message="fix case", author=("Ada", "ada@example.com"))
    orcid.add_work(ORCID_ID, orcid_work("Another Paper", "journal-article", "2025", [ext("doi", "10.5555/x.y")]))
    outcome = sync(world)
    assert outcome.status == "blocked", said(outcome)
    assert fake.branch_sha(REPO, BOT) == human
    assert sync(world).status == "blocked" and fake.branch_sha(REPO, BOT) == human
    comments = fake._world.repo(REPO).pulls[fake.open_pulls(REPO)[0].number].comments
    assert len(comments) == 1  # said once, not on every run


def test_no_missing_entry_means_no_pull_request(fake, orcid, world):
    outcome = sync(world, sources=["jsonresume"], jsonresume="empty.json")
    assert outcome.failed and "empty.json" in said(outcome)  # a missing source file is named
    (world / "empty.json").write_text('{"basics": {"name": "Hanxian Huang"}}', "utf-8")
    fake.reset_log()
    outcome = sync(world, sources=["jsonresume"], jsonresume="empty.json")
    assert outcome.status == "unchanged" and said(outcome) == "no drift.", said(outcome)
    assert writes(fake) == [] and fake.open_pulls(REPO) == []


def test_the_profile_may_live_in_a_sub_folder_and_keep_a_byte_order_mark(fake, world):
    fake.create_repo("octo/cv2", {"cv/profile.yaml": "\ufeff" + PROFILE_TEXT.replace("\n", "\r\n")})
    outcome = sync(world, repo="octo/cv2", path="cv/profile.yaml")
    assert outcome.status == "opened", said(outcome)
    data = fake.read_tree("octo/cv2", BOT)["cv/profile.yaml"]
    assert data.startswith(b"\xef\xbb\xbf") and b"\n" not in data.replace(b"\r\n", b"")
    only_insertions(PROFILE_TEXT.replace("\n", "\r\n"), data.decode("utf-8-sig"))


def test_an_orcid_outage_fails_the_target_and_writes_nothing(fake, orcid, world):
    orcid.fail("GET", r"/works", status=503, times=None)
    outcome = sync(world)
    assert outcome.failed and "ORCID" in said(outcome), said(outcome)
    assert outcome.failure is not None and outcome.failure.service == "ORCID"  # which service failed, as data
    assert writes(fake) == [] and fake.open_pulls(REPO) == []
    orcid.clear_faults()
    assert sync(world).status == "opened"  # the next run recovers


@pytest.mark.parametrize(("section", "expected"), [
    ({"path": "missing.yaml"}, "octo/cv has no missing.yaml"),
    ({"path": "../profile.yaml"}, "profile.path"),
    ({"sources": ["linkedin"]}, "unknown source 'linkedin'"),
    ({"repo": "not a repo"}, "expected OWNER/NAME"),
])
def test_configuration_mistakes_fail_with_a_clear_message(fake, world, section, expected):
    outcome = sync(world, **section)
    assert outcome.failed and expected in said(outcome), said(outcome)
    assert outcome.failure is not None and outcome.failure.service is None  # the person's settings, no service
    assert writes(fake) == []


def test_a_github_outage_names_github_as_the_failing_service(fake, world):
    fake.fail("GET", r"^/repos/octo/cv/git/trees/", status=500, times=None)
    outcome = sync(world)
    assert outcome.failure is not None and outcome.failure.service == "GitHub", said(outcome)
    assert outcome.failure.what.startswith("GitHub failed while trying to read") and outcome.failure.hint


def test_a_base_profile_that_fails_check_is_not_edited(fake, world):
    fake.commit_files(REPO, "main", {"profile.yaml": PROFILE_TEXT.replace("status: granted", "status: maybe")})
    outcome = sync(world)
    assert outcome.failed and "does not pass `check`" in said(outcome) and "status" in said(outcome)
    assert writes(fake) == []


def test_a_source_listed_but_not_configured_is_named(fake, world):
    settings = settings_for(world, sources=["orcid"])
    settings = Settings(root=world, sections={"profile": settings.sections["profile"]})
    import os

    outcome = session.run("profile", session.context(None, settings, os.environ, write=False, now=NOW))
    assert outcome.failed and "profile.sources lists orcid, which is not configured" in said(outcome)


# --- the command line ------------------------------------------------------------------------------------


@pytest.fixture
def cli_world(world):
    (world / "profile.yaml").write_text(PROFILE_TEXT, "utf-8")
    (world / "profilebot.yaml").write_text(f"profile:\n  repo: {REPO}\n  jsonresume: resume.json\n"
                                           f"orcid:\n  id: {ORCID_ID}\nscholar:\n  export: scholar.bib\n", "utf-8")
    return world


def cli(fake, capsys, *argv: str) -> tuple[int, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    assert fake.token not in out + err  # the token never reaches any output
    return code, out + err


def test_dry_run_writes_nothing_and_says_what_it_would_do(fake, orcid, cli_world, capsys):
    code, out = cli(fake, capsys, "sync", str(cli_world / "profile.yaml"), "--target", "profile", "--dry-run")
    assert code == 0, out
    assert "profile: would commit 1 changed onto octo/cv main" in out and "open a pull request" in out
    assert "Graph Neural Networks for Memory Placement" in out and "[from Scholar export scholar.bib" in out
    assert writes(fake) == [] and orcid.count("POST") == 0 and fake.open_pulls(REPO) == []


@pytest.mark.parametrize("form", ["text", "json", "markdown"])
def test_diff_shows_the_additions(fake, cli_world, capsys, form):
    # -q: the progress steps on stderr would follow the JSON in the merged output
    code, out = cli(fake, capsys, "-q", "diff", str(cli_world / "profile.yaml"), "--target", "profile",
                    "--format", form)
    assert code == 0, out
    if form == "json":
        [plan] = json.loads(out)
        assert plan["target"] == "profile" and plan["files"] == [{"path": "profile.yaml", "change": "changed"}]
        assert {a["title"] for a in plan["additions"]} == set(MISSING)
        survey = next(a for a in plan["additions"] if a["title"].startswith("A Survey"))
        assert survey["identifiers"] == {"DOI": "10.5555/extra.survey"} and survey["year"] == 2023
    else:
        assert all(title.split(",")[0] in out for title in MISSING)
        assert ("| source | section | id | title | year | identifiers |" in out) == (form == "markdown")
    assert writes(fake) == []


def test_sync_all_includes_the_profile_target_only_when_configured(fake, cli_world, capsys):
    code, out = cli(fake, capsys, "sync", str(cli_world / "profile.yaml"), "--target", "all")
    assert code == 0 and "profile: opened pull request #1" in out, out
    assert session.selected(Settings(sections={"orcid": {"id": ORCID_ID}}), {}, "all") == ["orcid"]
    assert "profile" in session.selected(Settings(sections={"profile": {}}), {}, "all")


def test_the_repository_defaults_to_github_repository(fake, cli_world, capsys, monkeypatch):
    (cli_world / "profilebot.yaml").write_text("profile:\n  sources: [scholar]\nscholar:\n  export: scholar.bib\n",
                                               "utf-8")
    monkeypatch.setenv("GITHUB_REPOSITORY", REPO)
    code, out = cli(fake, capsys, "sync", str(cli_world / "profile.yaml"), "--target", "profile")
    assert code == 0 and "profile: opened pull request #1" in out, out
    sources = table_sources(fake.open_pulls(REPO)[0].body)  # only Scholar was read: its two missing papers
    assert set(sources) == {"Graph Neural Networks for Memory Placement in Heterogeneous Systems",
                            "Neural program repair with execution traces"}
    assert all(source.startswith("Scholar export scholar.bib") for source in sources.values())



# --- the PR table, without a network ---------------------------------------------------------------------


def test_the_table_keeps_one_row_per_entry_and_stays_within_a_pr_body():
    from profilebot.diff.entries import EntryAddition
    from profilebot.report import additions

    hostile = EntryAddition("publications", "x2024pipe", "A | B `code`\nsplit", 2024, (("DOI", "10.5555/a`b"),),
                            "ORCID (source: A|B), put-code 1")
    rows = additions.markdown([hostile])
    assert len(rows) == 3 and rows[2].count(" | ") == 5  # pipes escaped, the line break flattened
    assert "A \\| B 'code' split" in rows[2] and "DOI `10.5555/ab`" in rows[2]
    many = [EntryAddition("publications", f"p{i}", "T" * 200, 2020, (("DOI", f"10.5555/{i}"),), "ORCID (source: X)")
            for i in range(1000)]
    text = "\n".join(additions.markdown(many))
    assert len(text) < 60_000 and text.endswith("… and 850 more entries (all of them are in the commit).")


def test_a_new_source_is_one_reader_and_one_table_line(fake, world, monkeypatch):
    """A source the product does not have (a lab's shared BibTeX file), added as the table says a new source is:
    its reader and one line in profile_sources.TABLE; `profile.sources` names it and the PR proposes its work."""
    from profilebot.importers import bibtex
    from profilebot.targets import profile_sources

    def lab_bibliography(profile, context):
        text = (context.settings.root / "scholar.bib").read_text("utf-8")
        found = bibtex.candidates(text, "lab.bib", profile.person.name)
        return found, {c.origin: f"lab bibliography {c.origin}" for c in found}

    monkeypatch.setitem(profile_sources.TABLE, "lab", profile_sources.Source(  # the one line
        "`lab.bib` beside profilebot.yaml", lambda settings: True, profile_sources.listed(lab_bibliography)))
    outcome = sync(world, sources=["lab"])
    assert outcome.status == "opened", said(outcome)
    sources = table_sources(fake.open_pulls(REPO)[0].body)  # the export's two works the profile lacks
    assert set(sources) == {"Graph Neural Networks for Memory Placement in Heterogeneous Systems",
                            "Neural program repair with execution traces"}
    assert all(words.startswith("lab bibliography lab.bib: ") for words in sources.values())
