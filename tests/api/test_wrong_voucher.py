"""A find answered with another code's voucher (a caching proxy, a broken server) is
refused: the counter must never show, or redeem, a voucher that was not scanned."""

from __future__ import annotations

import httpx
import pytest

from piggy_desk.api import AnswerForAnotherVoucher, PiggyClient
from piggy_desk.sandbox import KNOWN, RunningSandbox


async def test_a_find_answered_with_another_voucher_is_refused(
    client: PiggyClient, sandbox: RunningSandbox
) -> None:
    sandbox.inject("wrong_voucher", code=KNOWN.MULTI_USE, path="/vouchers/find")
    with pytest.raises(AnswerForAnotherVoucher) as caught:
        await client.vouchers.find(KNOWN.ACTIVE_WITH_CONTACT)
    assert KNOWN.MULTI_USE in caught.value.message
    assert KNOWN.ACTIVE_WITH_CONTACT in caught.value.message
    assert not caught.value.ambiguous
    assert "another voucher" in caught.value.user_message


@pytest.mark.parametrize("asked", ["other00001", "OTHER00001", "Other00001"])
async def test_the_same_code_in_other_letters_is_the_same_voucher(asked: str) -> None:
    def answer(request: httpx.Request) -> httpx.Response:
        return httpx.Response(
            200, json={"data": {"uuid": "v1", "code": "OTHER00001", "status": "ACTIVE"}}
        )

    async with PiggyClient(
        "https://api.piggy.eu", "token", transport=httpx.MockTransport(answer)
    ) as client:
        assert (await client.vouchers.find(asked)).code == "OTHER00001"
        with pytest.raises(AnswerForAnotherVoucher):
            await client.vouchers.find("OTHERCODE")
