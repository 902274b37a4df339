"""With a member token, works the bot's own client added and that drifted are updated (PUT); others only reported."""

from __future__ import annotations

import pytest

from profilebot.errors import ConfigError
from profilebot.render import citations
from profilebot.targets import orcid
from profilebot.validate.pipeline import check
from profilebot.targets import session
from profilebot.report.outcome import said
from tests.paths import DEFAULT_PROFILE
from tests.targets.orcid.orcid_seed import BOT_CLIENT, ORCID_ID, PROFILE, TOKEN
from tests.targets.moment import NOW

WRITES = ("POST", "PUT", "DELETE")
NEW_TITLE = "Learning to Maximise Mutual Information for Chain-of-Thought Distillation, Revisited"
OLD_TITLE = "Learning to Maximize Mutual Information for Chain-of-Thought Distillation"
# A published paper without DOI or arXiv id: on ORCID it carries its profile id as source-work-id.
NO_DOI_PAPER = """
  - id: huang2022plain
    type: journal-article
    status: published
    title: A Plain Paper Without Any Identifier
    authors: [H. Huang, J. Zhao]
    venue: {name: Journal of Plain Results}
    date: 2022
"""


def member_env(fake, client_id: str | None = BOT_CLIENT) -> dict[str, str]:
    env = {"ORCID_API_URL": fake.api_url, "ORCID_TOKEN": TOKEN}
    return env | ({"ORCID_CLIENT_ID": client_id} if client_id else {})


def profile_from(text: str):
    checked = check(text, str(PROFILE))
    assert checked.profile is not None and not checked.errors(), checked.findings
    return checked.profile


def base_text() -> str:
    return PROFILE.read_text("utf-8")


def edited(text: str, old: str, new: str) -> str:
    assert text.count(old) == 1, old
    return text.replace(old, new)


def with_plain_paper(text: str) -> str:
    return edited(text, "\npatents:\n", NO_DOI_PAPER + "\npatents:\n")


def writes(fake) -> int:
    return sum(fake.count(method) for method in WRITES)


def sync(fake, profile, settings, env=None):
    return session.run("orcid", session.context(profile, settings, env or member_env(fake), write=True, now=NOW))


def bot_work(fake, title: str) -> dict:
    found = [w for w in fake.works(ORCID_ID) if (w["source"].get("source-client-id") or {}).get("path") == BOT_CLIENT
             and w["title"]["title"]["value"] == title]
    assert len(found) == 1, [w["title"]["title"]["value"] for w in fake.works(ORCID_ID)]
    return found[0]


@pytest.fixture
def pushed(fake, settings):
    """The record after a first sync: the three missing works (one of them the retitled paper's) are the bot's."""
    text = base_text()
    first = sync(fake, profile_from(text), settings)
    assert not first.failed and "3 work(s) added" in said(first), said(first)
    fake.reset_log()
    return text


def test_a_bot_owned_work_with_a_changed_title_is_updated_with_exactly_one_put(fake, settings, pushed):
    put_code = bot_work(fake, OLD_TITLE)["put-code"]
    others = {w["put-code"]: w for w in fake.works(ORCID_ID) if w["put-code"] != put_code}
    outcome = sync(fake, profile_from(edited(pushed, OLD_TITLE, NEW_TITLE)), settings)
    assert not outcome.failed, said(outcome)
    assert fake.count("PUT") == 1 and fake.count("PUT", rf"/work/{put_code}$") == 1
    assert fake.count("POST") == 0 and fake.count("DELETE") == 0
    stored = fake.get_work(ORCID_ID, put_code)
    assert stored["title"]["title"]["value"] == NEW_TITLE
    assert "0 work(s) added, 0 already there, 1 updated, 0 failed" in said(outcome)
    assert f"title: '{OLD_TITLE}' → '{NEW_TITLE}'  (put-code {put_code})" in said(outcome)
    # The body named the put-code and left the visibility out (ORCID refuses a change of it on PUT).
    body = next(entry.body for entry in fake.log if entry.method == "PUT")
    assert body["put-code"] == put_code and "visibility" not in body
    assert {pc: fake.get_work(ORCID_ID, pc) for pc in others} == others  # nobody else's work was touched


def test_a_rerun_after_the_update_makes_no_write(fake, settings, pushed):
    profile = profile_from(edited(pushed, OLD_TITLE, NEW_TITLE))
    assert not sync(fake, profile, settings).failed
    fake.reset_log()
    again = sync(fake, profile, settings)
    assert not again.failed and writes(fake) == 0
    assert again.status == "unchanged" and "that drifted" not in said(again)


def test_a_crossref_work_with_a_changed_title_is_reported_with_a_hint_and_not_touched(fake, settings, pushed):
    crossref = next(w for w in fake.works(ORCID_ID) if w["title"]["title"]["value"].startswith("Ayudante"))
    text = edited(pushed, '"Ayudante: A Deep Reinforcement Learning Approach to Assist Persistent Memory Programming"',
                  '"Ayudante: Deep Reinforcement Learning to Assist Persistent Memory Programming"')
    outcome = sync(fake, profile_from(text), settings)
    assert not outcome.failed and writes(fake) == 0
    assert fake.get_work(ORCID_ID, crossref["put-code"]) == crossref
    line = next(line for line in said(outcome).splitlines() if "[huang2021ayudante] title" in line)
    assert "(source: Crossref)" in line and "ask Crossref to correct it" in line
    # The person's own version (a title in other capitalisation) is theirs to edit on orcid.org.
    own = next(line for line in said(outcome).splitlines() if "[huang2024fasor] title" in line)
    assert "edit it on orcid.org" in own


def test_a_bot_owned_work_without_doi_is_found_by_its_profile_id_after_a_retitle(fake, settings):
    text = with_plain_paper(base_text())
    assert not sync(fake, profile_from(text), settings).failed
    put_code = bot_work(fake, "A Plain Paper Without Any Identifier")["put-code"]
    fake.reset_log()
    retitled = edited(text, "A Plain Paper Without Any Identifier", "A Plain Paper, Retitled")
    outcome = sync(fake, profile_from(retitled), settings)
    assert not outcome.failed, said(outcome)
    assert fake.count("PUT", rf"/work/{put_code}$") == 1 and fake.count("POST") == 0  # updated, not duplicated
    assert bot_work(fake, "A Plain Paper, Retitled")["put-code"] == put_code
    # Neither missing on ORCID (+) nor an unknown work on ORCID (-): one work, paired by its id.
    assert "  + A Plain Paper" not in said(outcome) and "  - A Plain Paper" not in said(outcome)


def test_a_failed_put_then_a_rerun_converges(fake, settings, pushed):
    profile = profile_from(edited(pushed, OLD_TITLE, NEW_TITLE))
    put_code = bot_work(fake, OLD_TITLE)["put-code"]
    fake.fail("PUT", r"/work/\d+$", status=500, times=None)
    failed = sync(fake, profile, settings)
    assert failed.failed and "gave up after retries" in said(failed) and TOKEN not in said(failed)
    assert fake.get_work(ORCID_ID, put_code)["title"]["title"]["value"] == OLD_TITLE
    fake.clear_faults()
    fake.reset_log()
    assert not sync(fake, profile, settings).failed and fake.count("PUT") == 1
    fake.reset_log()
    assert not sync(fake, profile, settings).failed and writes(fake) == 0
    assert fake.get_work(ORCID_ID, put_code)["title"]["title"]["value"] == NEW_TITLE


def test_a_lost_answer_to_a_put_is_retried_harmlessly(fake, settings, pushed):
    profile = profile_from(edited(pushed, OLD_TITLE, NEW_TITLE))
    fake.fail_after("PUT", r"/work/\d+$", status=502, times=1)  # ORCID stored it, the answer was lost
    outcome = sync(fake, profile, settings)
    assert not outcome.failed and "1 updated" in said(outcome)
    assert fake.count("PUT") == 2 and len([w for w in fake.works(ORCID_ID) if w["title"]["title"]["value"]
                                           == NEW_TITLE]) == 1
    fake.reset_log()
    assert not sync(fake, profile, settings).failed and writes(fake) == 0


def test_a_work_orcid_says_is_not_ours_fails_with_a_hint_and_the_rest_goes_on(fake, settings, pushed):
    # A client id that is not the token's: the bot believes the work is its own, ORCID answers 403/9010.
    fake.add_token("other-token-5678", ORCID_ID, "APP-SOMEONEELSE01", client_name="another app")
    env = {"ORCID_API_URL": fake.api_url, "ORCID_TOKEN": "other-token-5678", "ORCID_CLIENT_ID": BOT_CLIENT}
    outcome = sync(fake, profile_from(edited(pushed, OLD_TITLE, NEW_TITLE)), settings, env)
    assert outcome.failed and "403" in said(outcome) and "orcid.client_id must name the client" in said(outcome)
    assert bot_work(fake, OLD_TITLE)  # unchanged


def test_without_a_client_id_nothing_is_updated_and_the_report_says_how(fake, settings, pushed):
    outcome = sync(fake, profile_from(edited(pushed, OLD_TITLE, NEW_TITLE)), settings, member_env(fake, None))
    assert not outcome.failed and writes(fake) == 0
    assert "Set orcid.client_id (or ORCID_CLIENT_ID)" in said(outcome)


def test_diff_and_dry_run_report_the_update_without_writing(fake, settings, pushed):
    profile = profile_from(edited(pushed, OLD_TITLE, NEW_TITLE))
    planned = session.run("orcid", session.context(profile, settings, member_env(fake), write=False, now=NOW))
    dry = session.run("orcid", session.context(profile, settings, member_env(fake), write=True, now=NOW, dry_run=True))
    for outcome in (planned, dry):
        assert "Works profilebot added to ORCID that drifted" in said(outcome)
    assert writes(fake) == 0


def test_the_client_id_comes_from_the_settings_or_the_environment_and_is_checked(fake):
    assert orcid.configure({"id": ORCID_ID, "client_id": "app-abcd1234"}, {}).client_id == "APP-ABCD1234"
    assert orcid.configure({"id": ORCID_ID}, {"ORCID_CLIENT_ID": BOT_CLIENT}).client_id == BOT_CLIENT
    assert orcid.configure({"id": ORCID_ID}, {}).client_id is None
    with pytest.raises(ConfigError, match="not an ORCID client id"):
        orcid.configure({"id": ORCID_ID, "client_id": "0000-0001-9884-1913"}, {})


def test_the_default_profile_pushed_once_is_in_step_on_the_next_run(fake, settings):
    """Every field the bot writes reads back equal (types, venues, dates, DOIs, patents): no update loop."""
    default = profile_from(DEFAULT_PROFILE.read_text("utf-8"))
    empty = "0000-0001-5109-3700"
    fake.add_record(empty, name="Hanxian Huang")
    fake.add_token("default-token-1234", empty, BOT_CLIENT, client_name="profilebot")
    env = {"ORCID_API_URL": fake.api_url, "ORCID_TOKEN": "default-token-1234", "ORCID_CLIENT_ID": BOT_CLIENT}
    settings = type(settings)(root=settings.root, sections={"orcid": {"id": empty}})
    first = sync(fake, default, settings, env)
    count = len(citations.orcid_works(default))
    assert not first.failed and f"{count} work(s) added" in said(first), said(first)
    fake.reset_log()
    again = sync(fake, default, settings, env)
    assert again.status == "unchanged" and writes(fake) == 0, said(again)
    assert "in step with the profile" in said(again)
