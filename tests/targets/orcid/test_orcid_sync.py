"""`sync --target orcid`: the import file without a token; with one, exactly the missing works, once."""

from __future__ import annotations

import bibtexparser
import pybtex.database

from profilebot.targets import orcid
from profilebot.targets import session
from profilebot.report.outcome import said
from tests.targets.orcid.orcid_seed import BOT_CLIENT, MISSING_ON_ORCID, ORCID_ID, TOKEN
from tests.targets.moment import NOW


def member_env(fake):
    return {"ORCID_API_URL": fake.api_url, "ORCID_TOKEN": TOKEN}


def bot_works(fake):
    return [w for w in fake.works(ORCID_ID) if (w["source"].get("source-client-id") or {}).get("path") == BOT_CLIENT]


def test_without_a_token_sync_writes_exactly_the_missing_works_as_bibtex(fake, profile, settings, tmp_path):
    before = fake.works(ORCID_ID)
    outcome = session.run("orcid", session.context(profile, settings, {"ORCID_API_URL": fake.api_url}, write=True, now=NOW, output=tmp_path / "out"))
    assert not outcome.failed, said(outcome)
    text = (tmp_path / "out" / "orcid-missing.bib").read_text("utf-8")
    library = bibtexparser.parse_string(text)
    assert not library.failed_blocks
    assert {e.fields_dict["title"].value for e in library.entries} == MISSING_ON_ORCID
    assert set(pybtex.database.parse_string(text, "bibtex").entries) == {e.key for e in library.entries}
    assert "Import BibTeX" in said(outcome)
    assert fake.works(ORCID_ID) == before  # reads only


def test_the_default_output_folder_is_profilebot_output(fake, profile, settings):
    session.run("orcid", session.context(profile, settings, {"ORCID_API_URL": fake.api_url}, write=True, now=NOW))
    assert (settings.root / "profilebot-output" / "orcid-missing.bib").is_file()


def test_with_a_token_the_push_creates_exactly_the_missing_works_and_a_rerun_none(fake, profile, settings):
    others = [w for w in fake.works(ORCID_ID)]
    outcome = session.run("orcid", session.context(profile, settings, member_env(fake), write=True, now=NOW))
    assert not outcome.failed, said(outcome)
    assert {w["title"]["title"]["value"] for w in bot_works(fake)} == MISSING_ON_ORCID
    assert fake.count("POST", r"/works$") == 1
    # Works of other sources were neither modified nor deleted.
    assert [fake.get_work(ORCID_ID, w["put-code"]) for w in others] == others
    assert fake.count("PUT") == 0 and fake.count("DELETE") == 0

    fake.reset_log()
    again = session.run("orcid", session.context(profile, settings, member_env(fake), write=True, now=NOW))
    assert not again.failed and fake.count("POST") == 0
    assert len(bot_works(fake)) == len(MISSING_ON_ORCID)


def test_409_already_added_counts_as_done(fake, profile):
    settings = orcid.configure({"id": ORCID_ID}, member_env(fake))
    http = orcid.client(settings, session.POLICY)
    drift = orcid.plan(profile, orcid.fetch(settings, profile, http))
    payloads = orcid.work_payloads(profile, drift)
    first = orcid.apply(settings, payloads, http)
    second = orcid.apply(settings, payloads, http)
    assert len(first.created) == 3 and second.created == () and len(second.already_there) == 3 and second.ok
    assert len(bot_works(fake)) == 3


def test_a_lost_answer_mid_batch_then_a_rerun_leaves_no_duplicate(fake, profile, settings):
    # ORCID stores the works but the answer is lost (502): the retry meets 409/9021 for each of them.
    fake.fail_after("POST", r"/works$", status=502, times=1)
    outcome = session.run("orcid", session.context(profile, settings, member_env(fake), write=True, now=NOW))
    assert not outcome.failed, said(outcome)
    assert "0 work(s) added, 3 already there" in said(outcome)
    assert len(bot_works(fake)) == 3
    session.run("orcid", session.context(profile, settings, member_env(fake), write=True, now=NOW))
    assert len(bot_works(fake)) == 3


def test_a_failed_sync_then_a_rerun_completes_without_duplicates(fake, profile, settings, monkeypatch):
    # Three refusals, then the write lands but its answer is lost: the sync gives up (failed), the works are
    # stored; the rerun sees them and adds none.
    fake.fail_after("POST", r"/works$", status=502, times=1)
    fake.fail("POST", r"/works$", status=500, times=3)
    failed = session.run("orcid", session.context(profile, settings, member_env(fake), write=True, now=NOW))
    assert failed.failed and "gave up after retries" in said(failed)
    assert fake.count("POST") == 4 and len(bot_works(fake)) == 3
    fake.clear_faults()
    fake.reset_log()
    session.run("orcid", session.context(profile, settings, member_env(fake), write=True, now=NOW))
    assert fake.count("POST") == 0 and len(bot_works(fake)) == 3


def test_the_token_never_appears_in_reports(fake, profile, settings):
    fake.fail("POST", r"/works$", status=500, times=None)
    outcome = session.run("orcid", session.context(profile, settings, member_env(fake), write=True, now=NOW))
    assert outcome.failed and TOKEN not in said(outcome)
    assert TOKEN not in repr(orcid.configure({"id": ORCID_ID}, member_env(fake)))
