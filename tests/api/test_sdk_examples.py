"""The client against the answers of Piggy's official PHP SDK's own tests (issue 14.10).

``examples/sdk/`` holds, as JSON, the answers the SDK's tests (``Piggy-Loyalty/piggy-php-sdk``,
tag 3.12.2, MIT) feed its client for every endpoint Piggy Desk uses; ``examples/sdk/README.md``
names the test each comes from. They sit beside the documents' examples (``examples/``) as a
second witness: an ``httpx.MockTransport`` answers with them, everything above it is the
real client, and each test checks what the SDK's test checks, by the SDK's field names.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

import httpx
import pytest

from piggy_desk.api import PiggyClient, PromotionType, VoucherStatus

SDK_EXAMPLES = Path(__file__).parent / "examples" / "sdk"
# (method, path after /api/v3/oauth/clients) -> the example that answers it.
ROUTES = {
    ("POST", "/vouchers"): "vouchers_create",
    ("POST", "/vouchers/batch"): "vouchers_batch",
    ("GET", "/vouchers"): "vouchers_list",
    ("GET", "/vouchers/find"): "vouchers_find",
    ("POST", "/vouchers/redeem"): "vouchers_redeem",
    ("POST", "/vouchers/bbe97f73-f482-4dff-bbb3-cba6d63e139b/lock"): "vouchers_lock",
    ("POST", "/vouchers/bbe97f73-f482-4dff-bbb3-cba6d63e139b/release"): "vouchers_release",
    ("POST", "/promotions"): "promotions_create",
    ("GET", "/promotions"): "promotions_list",
    ("GET", "/promotions/1234-abcd-5678-efgh"): "promotions_get",
    ("GET", "/contacts/uuid-piggy-12"): "contacts_get",
    ("POST", "/contacts"): "contacts_create",
    ("GET", "/contacts/find-one-by"): "contacts_find_one_by",
    ("GET", "/contacts/find-or-create"): "contacts_find_or_create",
    ("GET", "/contact-identifiers/find"): "contact_identifiers_find",
}
# The same call answered another way by another of the SDK's tests.
VARIANTS = {
    "vouchers_redeem": ("release_key", "vouchers_redeem_locked"),
    "contact_identifiers_find": (
        "contact_identifier_value=2",
        "contact_identifiers_find_without_contact",
    ),
}
PIZZA = "89da4cc4-1d51-4041-b829-6225fcdef11d"


def _answer(request: httpx.Request) -> httpx.Response:
    path = request.url.path.removeprefix("/api/v3/oauth/clients")
    name = ROUTES[(request.method, path)]
    if name in VARIANTS:
        marker, variant = VARIANTS[name]
        sent = request.content.decode() + str(request.url.query, "ascii")
        if marker in sent:
            name = variant
    return httpx.Response(200, content=(SDK_EXAMPLES / f"{name}.json").read_bytes())


@pytest.fixture
async def client() -> PiggyClient:
    return PiggyClient(
        "https://api.piggy.eu", "example-token", transport=httpx.MockTransport(_answer)
    )


def test_every_sdk_answer_is_listed_and_sourced() -> None:
    listed = set(ROUTES.values()) | {variant for _, variant in VARIANTS.values()}
    readme = (SDK_EXAMPLES / "README.md").read_text()
    for path in SDK_EXAMPLES.glob("*.json"):
        json.loads(path.read_text())
        assert f"`{path.name}`" in readme, f"{path.name} has no source in README.md"
        assert path.stem in listed or path.stem.startswith("shops_"), path.name


async def test_create_find_and_list_vouchers(client: PiggyClient) -> None:
    found = await client.vouchers.find("EXAMPLE-CODE-123456")
    for voucher in (await client.vouchers.create(PIZZA), found):
        assert (voucher.uuid, voucher.code, voucher.status) == (
            "bbe97f73-f482-4dff-bbb3-cba6d63e139b",
            "EXAMPLE-CODE-123456",
            VoucherStatus.ACTIVE,
        )
        assert voucher.activation_date == datetime(2023, 12, 10, 10, tzinfo=UTC)
        assert voucher.expiration_date == datetime(2023, 12, 12, 10, tzinfo=UTC)
        assert not voucher.is_redeemed and voucher.redeemed_at is None
        promotion = voucher.promotion
        assert promotion is not None and promotion.uuid == PIZZA
        assert (promotion.name, promotion.description) == ("Gratis Pizza", "Lekker gratis pizza")
        assert (promotion.type, promotion.uses_per_voucher) == (PromotionType.SINGLE_USE, 1)
        assert voucher.contact is None  # the SDK's voucher has no contact key at all
    page = await client.vouchers.list(limit=30)
    assert [v.uuid for v in page.items] == [
        "bbe97f73-f482-4dff-bbb3-cba6d63e139b",
        "123123123123123123",  # not a UUID
    ]
    assert (page.current_page, page.last_page, page.total) == (None, None, None)  # "meta": null
    assert not page.continues_after(1, 30)


async def test_a_batch_started_in_the_background(client: PiggyClient) -> None:
    job = await client.vouchers.create_batch(PIZZA, 10)
    assert job.message == "Voucher generation successfully started in background."
    assert job.uuid is None


async def test_redeem_lock_and_release(client: PiggyClient) -> None:
    redeemed = await client.vouchers.redeem("EXAMPLE-CODE-123456")
    assert redeemed.status == VoucherStatus.REDEEMED and redeemed.is_redeemed
    assert redeemed.redeemed_at == datetime(2023, 10, 19, 7, 38, 37, tzinfo=UTC)
    assert redeemed.contact is not None and redeemed.contact.uuid == "123"
    assert redeemed.contact.email is None
    lock = await client.vouchers.lock("bbe97f73-f482-4dff-bbb3-cba6d63e139b")
    assert (lock.voucher_uuid, lock.status) == ("bbe97f73-f482-4dff-bbb3-cba6d63e139b", "LOCKED")
    assert lock.release_key == "01e7c31d-8fb7-4f3c-9020-c9e3782e2c0d"
    assert lock.locked_at == datetime(2023, 10, 19, 8, 8, 51, tzinfo=UTC)
    assert lock.system_release_at == datetime(2023, 10, 19, 9, 8, 51, tzinfo=UTC)
    released = await client.vouchers.release(lock.voucher_uuid, lock.release_key)
    assert released.status == VoucherStatus.ACTIVE
    assert released.release_key == "6fa81816-fff5-4320-b499-1469f036e4d1"
    assert released.unlocked_at == datetime(2023, 10, 19, 11, 11, 50, tzinfo=UTC)
    locked = await client.vouchers.redeem(
        "VTESCW2CT", contact_uuid="123", release_key=lock.release_key
    )
    assert (locked.uuid, locked.code) == ("c5d33f23-7f59-491f-9043-5805d58d98c1", "VTXAKWYDT")
    assert locked.status == VoucherStatus.REDEEMED


async def test_promotions(client: PiggyClient) -> None:
    created = await client.promotions.create(
        "Free Pizza",
        "Get your free pizza slice!",
        type=PromotionType.SINGLE_USE,
        redemptions_per_voucher=1,
    )
    got = await client.promotions.get("1234-abcd-5678-efgh")
    for promotion in (created, got):
        assert (promotion.uuid, promotion.name) == ("1234-abcd-5678-efgh", "Free Pizza")
        assert promotion.description == "Get your free pizza slice!"
        assert (promotion.type, promotion.redemptions_per_voucher) == ("SINGLE_USE", 1)
    listed = await client.promotions.list()
    assert [(p.uuid, p.name) for p in listed] == [
        ("1234-abcd-5678-efgh", "Free Pizza"),
        ("9876-ijkl-5432-mnop", "Extra mozzarella"),
    ]
    for promotion in listed:
        # The SDK's voucher_limit: 0 on a live promotion is no limit (issue 14.6).
        assert (promotion.voucher_limit, promotion.limit_per_contact) == (None, None)
        assert promotion.expiration_duration is None and not promotion.is_multi_use


async def test_contacts_and_loyalty_cards(client: PiggyClient) -> None:
    got = await client.contacts.get("uuid-piggy-12")
    assert (got.uuid, got.email) == ("uuid-piggy-12", "new@piggy.nl")
    created = await client.contacts.create("new@piggy.nl")
    assert (created.uuid, created.email) == ("123-123", None)
    found = await client.contacts.find_by_email("hello@piggy.nl")
    assert (found.uuid, found.email) == ("§12345678", "hello@piggy.nl")
    made = await client.contacts.find_or_create("new@piggy.nl")
    assert made.email == "new@piggy.nl"
    card = await client.contacts.find_identifier("1")
    assert (card.value, card.name, card.active) == ("1", "Piggy", True)
    assert card.contact is not None and card.contact.uuid == "1234-uuid"
    assert await client.contacts.find_by_identifier("2") is None  # a card without a contact
