"""The client against the response examples of Piggy's own documentation.

The examples in ``examples/`` are copied from the source documents verbatim; only their
two JSON typos are mended (a missing quote after ``"voucher`` in multi-redeem, a trailing
comma in the promotion list). The real Piggy cannot run here, so an ``httpx.MockTransport``
answers with them; everything above the transport is the real client.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

import httpx
import pytest

from piggy_desk.api import PiggyClient, VoucherStatus

EXAMPLES = Path(__file__).parent / "examples"
ROUTES = {
    ("GET", "/vouchers"): "vouchers_list",
    ("POST", "/vouchers"): "vouchers_create",
    ("POST", "/vouchers/batch"): "vouchers_batch",
    ("GET", "/vouchers/find"): "vouchers_find",
    ("PUT", "/vouchers/update/efcf5588-0329-4e87-927b-df10100e13a5"): "vouchers_update",
    ("POST", "/vouchers/11fe9574-800a-4832-ae64-e90d0192ca9a/lock"): "vouchers_lock",
    ("POST", "/vouchers/11fe9574-800a-4832-ae64-e90d0192ca9a/release"): "vouchers_release",
    ("POST", "/vouchers/redeem"): "vouchers_redeem",
    ("POST", "/vouchers/multi-redeem"): "vouchers_multi_redeem",
    ("GET", "/promotions"): "promotions_list",
    ("POST", "/promotions"): "promotions_create",
    ("GET", "/promotions/5c3d59c7-7799-4d41-894a-8f46e50edfda"): "promotions_get",
}


def _answer(request: httpx.Request) -> httpx.Response:
    path = request.url.path.removeprefix("/api/v3/oauth/clients")
    name = ROUTES[(request.method, path)]
    return httpx.Response(200, content=(EXAMPLES / f"{name}.json").read_bytes())


@pytest.fixture
def client() -> PiggyClient:
    return PiggyClient(
        "https://api.piggy.eu", "example-token", transport=httpx.MockTransport(_answer)
    )


def test_every_example_is_valid_json() -> None:
    for path in EXAMPLES.glob("*.json"):
        json.loads(path.read_text())
    assert len(list(EXAMPLES.glob("*.json"))) == len(ROUTES)


async def test_list_vouchers_example(client: PiggyClient) -> None:
    page = await client.vouchers.list()
    assert len(page.items) == 30
    # "per_page": "30" arrives as a string.
    assert (page.current_page, page.last_page, page.per_page, page.total) == (1, 9, 30, 241)
    assert page.continues_after(1, 30)
    first = page.items[0]
    assert first.code == "1" and first.status == VoucherStatus.DEACTIVATED
    assert first.contact is None
    assert first.promotion is not None and first.promotion.uuid == "123"
    # Custom attributes flattened into the embedded promotion are kept as attributes.
    assert "shipping_region" in first.promotion.attributes
    assert first.activation_date == datetime(2023, 3, 2, 14, 45, 52, tzinfo=UTC)
    # A contact id that is not a UUID, and an empty e-mail address.
    assert page.items[1].contact is not None
    assert page.items[1].contact.uuid == "eac16058-d08e-44f3-8bb3-d42afef192cfs"
    redeemed = page.items[4]
    assert redeemed.is_redeemed and redeemed.contact is not None and redeemed.contact.email is None
    assert redeemed.redeemed_at == datetime(2023, 4, 4, 8, 33, 49, tzinfo=UTC)


async def test_create_find_update_examples(client: PiggyClient) -> None:
    created = await client.vouchers.create("123")
    assert created.code == "EXAMPLE-CODE-03785" and created.attributes["someName2"] == "meer"
    found = await client.vouchers.find("EXAMPLE-CODE-03785")
    assert found.status == VoucherStatus.REDEEMED and found.is_redeemed
    assert found.expiration_date == datetime(2023, 12, 12, 10, 0, tzinfo=UTC)
    updated = await client.vouchers.update(
        "efcf5588-0329-4e87-927b-df10100e13a5", status=VoucherStatus.DEACTIVATED
    )
    assert updated.status == "DEACTIVATED" and updated.contact is None


async def test_batch_example_with_its_non_iso_date(client: PiggyClient) -> None:
    job = await client.vouchers.create_batch("123", 30)
    assert (job.uuid, job.type, job.quantity, job.status) == (
        "bfada889-6a69-4fcf-aed6-42933ae9084d",
        "vouchers",
        30,
        "PENDING",
    )
    # "2023-11-27, 17:59" is not ISO 8601; it is read as UTC.
    assert job.created_at == datetime(2023, 11, 27, 17, 59, tzinfo=UTC)


async def test_lock_and_release_examples(client: PiggyClient) -> None:
    lock = await client.vouchers.lock("11fe9574-800a-4832-ae64-e90d0192ca9a")
    assert lock.status == "LOCKED"
    assert lock.release_key == "5cc7e94a-7aa2-4f4a-8a8c-c20ab3a086ce"
    assert lock.system_release_at == datetime(2023, 11, 13, 10, 1, 46, tzinfo=UTC)
    assert lock.release_key not in repr(lock)
    released = await client.vouchers.release(lock.voucher_uuid, lock.release_key)
    assert released.status == "ACTIVE" and released.unlocked_at is not None
    assert released.system_release_at is None


async def test_redeem_and_multi_redeem_examples(client: PiggyClient) -> None:
    voucher = await client.vouchers.redeem("EXAMPLE-CODE-03785")
    assert voucher.attributes["plu"] == "ABC12"
    assert voucher.promotion is not None and voucher.promotion.name == "Free Pizza"
    assert voucher.promotion.attributes["plu"] == "ABC12"
    result = await client.vouchers.multi_redeem("EXAMPLE-CODE-03785", 3, shop_uuid="shop-1")
    assert result.voucher.status == "REDEEMED"
    assert [r.uuid for r in result.redemptions] == [
        "abc123-890asd-d8a6s7e",
        "789bacs-asd1234-d8a6s7e",
        "fsa12aa-g332as-xv234a",
    ]


async def test_promotion_examples(client: PiggyClient) -> None:
    promotions = await client.promotions.list()
    assert len(promotions) == 9
    assert promotions[0].uuid == "123" and promotions[0].attributes["someName2"] == "meer"
    assert promotions[4].voucher_limit == 250
    created = await client.promotions.create("Some Promotion Name", "Some Promotion Description")
    assert (created.voucher_limit, created.limit_per_contact) == (30, 10)
    got = await client.promotions.get("5c3d59c7-7799-4d41-894a-8f46e50edfda")
    assert got.expiration_duration == 86400 and set(got.attributes) == {
        "attributeOne",
        "attributeTwo",
    }
    assert not got.is_multi_use
