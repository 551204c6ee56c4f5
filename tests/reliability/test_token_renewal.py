"""A redeem across a token renewal: an OAuth client's access token runs out between the
lock and the redeem. Through the real ``RedemptionFlow`` with its journal on disk, a real
``PiggyClient`` and the sandbox over loopback, the voucher is redeemed once, the cashier is
told so once, and nothing is left locked or unsettled."""

from __future__ import annotations

from pathlib import Path

from piggy_desk.api import ClientCredentials, PiggyClient
from piggy_desk.counter.flow import Stage
from piggy_desk.counter.journal import Action, Outcome
from piggy_desk.notices import Tone
from piggy_desk.sandbox import KNOWN, RunningSandbox
from piggy_desk.sandbox.oauth import DEFAULT_CLIENT_ID, DEFAULT_CLIENT_SECRET
from tests.reliability.driver import Run, program, unfinished

LIFETIME = 600


def _oauth_client(sandbox: RunningSandbox) -> PiggyClient:
    credentials = ClientCredentials(DEFAULT_CLIENT_ID, DEFAULT_CLIENT_SECRET)
    return PiggyClient(sandbox.base_url, client_credentials=credentials, timeout=2.0)


async def _redeem_across_renewal(
    sandbox: RunningSandbox, tmp_path: Path, code: str, times: int
) -> Run:
    sandbox.set_access_token_seconds(LIFETIME)
    async with program(sandbox, tmp_path, client=_oauth_client(sandbox)) as run:
        await run.scan(code)
        await run.flow.redeem()
        assert run.flow.view.stage == Stage.CONFIRMING, run.screen.notices
        before = sandbox.stats()
        sandbox.advance_clock(LIFETIME + 1)  # the token has run out; the lock holds an hour
        await run.flow.confirm(times)
        after = sandbox.stats()
        assert after["refused_tokens"] == before["refused_tokens"] + 1, "the redeem met a 401"
        assert after["tokens_issued"] == before["tokens_issued"] + 1, "and one renewal"
        assert len(run.screen.said(Tone.SUCCESS)) == 1, run.screen.notices
        assert run.screen.said(Tone.ERROR) == []
        redeems = run.entries(Action.REDEEM, Action.MULTI_REDEEM)
        assert [entry.outcome for entry in redeems] == [Outcome.OK]
        assert unfinished(run.entries(*Action)) == []
        return run


async def test_a_redeem_across_a_token_renewal_redeems_once(
    sandbox: RunningSandbox, tmp_path: Path
) -> None:
    await _redeem_across_renewal(sandbox, tmp_path, KNOWN.ACTIVE_WITH_CONTACT, 1)
    state = sandbox.voucher_state(KNOWN.ACTIVE_WITH_CONTACT)
    assert state["status"] == "REDEEMED"
    assert state["redemptions_used"] == 1
    assert state["lock"] is None


async def test_a_multi_use_redeem_across_a_token_renewal_uses_what_was_asked(
    sandbox: RunningSandbox, tmp_path: Path
) -> None:
    used = sandbox.voucher_state(KNOWN.MULTI_USE)["redemptions_used"]
    await _redeem_across_renewal(sandbox, tmp_path, KNOWN.MULTI_USE, 3)
    state = sandbox.voucher_state(KNOWN.MULTI_USE)
    assert state["redemptions_used"] == used + 3
    assert state["lock"] is None
