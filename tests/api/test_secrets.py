"""The API token and release keys appear in no repr, error text or log line."""

from __future__ import annotations

import logging

import pytest

from piggy_desk.api import PiggyClient, PiggyError, Unauthorized
from piggy_desk.sandbox import RunningSandbox
from piggy_desk.sandbox.seed import KNOWN

SECRET_TOKEN = "pat-7f3a9c-SECRET-do-not-leak"


async def test_the_token_never_leaks(
    sandbox: RunningSandbox, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    texts: list[str] = []
    async with PiggyClient(sandbox.base_url, SECRET_TOKEN) as client:
        texts += [repr(client), str(vars(client))]
        # The sandbox demands its own token, so every call fails as unauthorized.
        for call in (client.promotions.list(), client.vouchers.find(KNOWN.ACTIVE_WITH_CONTACT)):
            with pytest.raises(Unauthorized) as caught:
                await call
            error = caught.value
            texts += [str(error), repr(error), error.user_message, str(error.details())]
    texts += [record.getMessage() for record in caplog.records]
    assert len(caplog.records) > 0
    for text in texts:
        assert SECRET_TOKEN not in text


async def test_the_release_key_never_leaks(
    sandbox: RunningSandbox, client: PiggyClient, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    voucher = await client.vouchers.find(KNOWN.ACTIVE_WITH_CONTACT)
    lock = await client.vouchers.lock(voucher.uuid)
    sandbox.inject("status", status=500, path="/release")
    with pytest.raises(PiggyError) as caught:
        await client.vouchers.release(voucher.uuid, lock.release_key)
    for text in (repr(lock), str(caught.value), repr(caught.value), str(caught.value.details())):
        assert lock.release_key not in text
    assert all(lock.release_key not in record.getMessage() for record in caplog.records)
