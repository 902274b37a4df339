"""Fault matrix, ORCID: the one write step (POST /works, the bulk add) × {500, 502, 503, drop, delay, 403,
422, lost answer} × {once, forever}. The faulted run completes or fails with one line; a clean rerun adds
each missing work exactly once, and a third run adds nothing — no duplicate work, whatever happened.

"delay" holds the request in the fake (until it stops) while the client's 50 ms timeout gives up: no real
delay, and the held request is never processed.
"""

from __future__ import annotations

import dataclasses

import pytest

from profilebot.targets import orcid, session
from profilebot.report.outcome import said
from tests.targets.orcid.orcid_seed import BOT_CLIENT, MISSING_ON_ORCID, ORCID_ID, TOKEN
from tests.targets.moment import NOW

FAULTS = ("500", "502", "503", "drop", "delay", "403", "422", "lost")


def bot_titles(fake) -> list[str]:
    return sorted(w["title"]["title"]["value"] for w in fake.works(ORCID_ID)
                  if (w["source"].get("source-client-id") or {}).get("path") == BOT_CLIENT)


@pytest.mark.parametrize("forever", [False, True], ids=["once", "forever"])
@pytest.mark.parametrize("fault", FAULTS)
def test_a_fault_on_the_bulk_add_then_a_rerun_adds_each_work_once(fake, profile, settings, monkeypatch, fault,
                                                                   forever):
    made = orcid.client
    # Only the faulted run gives up after 50 ms: on a loaded machine an ordinary answer can take longer, and the
    # reruns must not fail for that.
    impatient = [True]

    def client(*args, **kwargs):
        made_client = made(*args, **kwargs)
        return dataclasses.replace(made_client, timeout=0.05) if impatient[0] else made_client

    monkeypatch.setattr(orcid, "client", client)
    env = {"ORCID_API_URL": fake.api_url, "ORCID_TOKEN": TOKEN}
    times = None if forever else 1
    if fault in ("500", "502", "503", "403", "422"):
        fake.fail("POST", r"/works$", status=int(fault), times=times)
    elif fault == "drop":
        fake.drop("POST", r"/works$", times=times)
    elif fault == "delay":
        fake.slow("POST", r"/works$", seconds=3600, times=times)
    else:
        fake.fail_after("POST", r"/works$", status=502, times=times)
    outcome = session.run("orcid", session.context(profile, settings, env, write=True, now=NOW))
    assert TOKEN not in said(outcome)
    if outcome.failed:
        assert "\n" not in said(outcome).split("\n  hint")[0] and len(said(outcome)) < 600
    assert len(bot_titles(fake)) == len(set(bot_titles(fake)))  # never a duplicate, even mid-fault
    fake.clear_faults()
    impatient[0] = False
    rerun = session.run("orcid", session.context(profile, settings, env, write=True, now=NOW))
    assert not rerun.failed, said(rerun)
    assert bot_titles(fake) == sorted(MISSING_ON_ORCID)
    fake.reset_log()
    again = session.run("orcid", session.context(profile, settings, env, write=True, now=NOW))
    assert not again.failed and fake.count("POST") == 0 and bot_titles(fake) == sorted(MISSING_ON_ORCID)
