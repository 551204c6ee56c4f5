"""Piggy as its official PHP SDK sees it (issue 14): the SDK's ways of asking, sent by the
real client to the sandbox over loopback HTTP.

Piggy's SDK (``Piggy-Loyalty/piggy-php-sdk``, MIT, tag 3.12.2) is a second witness beside
the two documents the client and the sandbox were written from. Its requests differ from
the client's in form, not in meaning: a trailing slash on some paths and form-encoded
bodies. A transport between the real client and the network rewrites the client's
requests into the SDK's form, so every step below is the real client, real HTTP and the
real sandbox.
"""

from __future__ import annotations

import json
from collections.abc import AsyncIterator
from urllib.parse import quote

import httpx
import pytest

from piggy_desk.api import PiggyClient, PromotionType, VoucherStatus
from piggy_desk.sandbox import RunningSandbox
from piggy_desk.sandbox.seed import KNOWN
from piggy_desk.sandbox.state import Contact, ContactIdentifier, Promotion, SandboxState, Voucher
from tests.sdk import php_form


class TrailingSlash(httpx.AsyncBaseTransport):
    """Real HTTP with a slash after every path, as the SDK locks at ``/vouchers/{uuid}/lock/``
    (``src/Resources/OAuth/Vouchers/VouchersResource.php``) and releases at ``…/release/``."""

    def __init__(self) -> None:
        self._network = httpx.AsyncHTTPTransport()
        self.paths: list[str] = []

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        request.url = request.url.copy_with(path=request.url.path + "/")
        self.paths.append(request.url.path)
        return await self._network.handle_async_request(request)

    async def aclose(self) -> None:
        await self._network.aclose()


class FormBodies(httpx.AsyncBaseTransport):
    """Real HTTP with every body form-encoded, as the SDK sends them (``src/Http/BaseClient.php``
    puts every call's fields in Guzzle's ``form_params``, so even a GET carries an empty
    ``application/x-www-form-urlencoded`` body; its query is in the URL)."""

    def __init__(self) -> None:
        self._network = httpx.AsyncHTTPTransport()
        self.bodies: list[tuple[str, bytes]] = []

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        sent = json.loads(request.read() or b"{}")
        body = "&".join(f"{quote(k, safe='')}={quote(v, safe='')}" for k, v in php_form(sent))
        form = httpx.Request(
            request.method,
            request.url,
            headers=[(k, v) for k, v in request.headers.items() if k.lower() != "content-length"],
            content=body.encode(),
        )
        form.headers["Content-Type"] = "application/x-www-form-urlencoded"
        self.bodies.append((request.method, body.encode()))
        return await self._network.handle_async_request(form)

    async def aclose(self) -> None:
        await self._network.aclose()


@pytest.fixture
async def slashed(sandbox: RunningSandbox) -> AsyncIterator[tuple[PiggyClient, TrailingSlash]]:
    transport = TrailingSlash()
    async with PiggyClient(
        sandbox.base_url, sandbox.token, timeout=2.0, transport=transport
    ) as client:
        yield client, transport


async def test_every_path_with_a_trailing_slash_is_served(
    sandbox: RunningSandbox, slashed: tuple[PiggyClient, TrailingSlash]
) -> None:
    """Laravel trims trailing slashes before it matches a route, so Piggy serves the
    SDK's ``/lock/`` and ``/release/``: the whole counter round does, slash and all."""
    client, transport = slashed
    voucher = await client.vouchers.find(KNOWN.ACTIVE_WITH_CONTACT)
    lock = await client.vouchers.lock(voucher.uuid)
    released = await client.vouchers.release(voucher.uuid, lock.release_key)
    assert released.status == VoucherStatus.ACTIVE
    lock = await client.vouchers.lock(voucher.uuid)
    redeemed = await client.vouchers.redeem(voucher.code, release_key=lock.release_key)
    assert redeemed.status == VoucherStatus.REDEEMED
    assert sandbox.voucher_state(voucher.code)["redemptions_used"] == 1
    promotions = await client.promotions.list()
    assert (await client.promotions.get(promotions[0].uuid)).uuid == promotions[0].uuid
    page = await client.vouchers.list(promotion_uuid=promotions[0].uuid, limit=5)
    assert page.items
    contact = await client.contacts.find_by_email(voucher.contact.email or "")
    assert (await client.contacts.get(contact.uuid)).uuid == contact.uuid
    assert f"/api/v3/oauth/clients/vouchers/{voucher.uuid}/lock/" in transport.paths
    assert f"/api/v3/oauth/clients/vouchers/{voucher.uuid}/release/" in transport.paths
    assert all(path.endswith("/") for path in transport.paths)


async def test_form_bodies_with_nested_custom_attributes_are_read(
    sandbox: RunningSandbox,
) -> None:
    """The SDK sends only form bodies; the sandbox reads them as Piggy's Laravel does,
    ``custom_attributes[afdeling]=Winkel`` included, and a GET with an empty form body."""
    transport = FormBodies()
    async with PiggyClient(
        sandbox.base_url, sandbox.token, timeout=2.0, transport=transport
    ) as client:
        voucher = await client.vouchers.find(KNOWN.ACTIVE_WITH_CONTACT)
        updated = await client.vouchers.update(
            voucher.uuid, status="ACTIVE", custom_attributes={"afdeling": "Winkel"}
        )
        assert updated.attributes["afdeling"] == "Winkel"
        made = await client.vouchers.create(
            KNOWN.PROMOTION_SINGLE_USE,
            code="FORMULIER1",
            total_redemptions_allowed=2,
            custom_attributes={"afdeling": "Winkel", "kassa": 3},
        )
        assert (made.code, made.attributes["afdeling"], made.attributes["kassa"]) == (
            "FORMULIER1",
            "Winkel",
            "3",
        )
        assert sandbox.voucher_state("FORMULIER1")["redemptions_allowed"] == 2
        lock = await client.vouchers.lock(voucher.uuid)
        released = await client.vouchers.release(voucher.uuid, lock.release_key)
        assert released.status == VoucherStatus.ACTIVE
        lock = await client.vouchers.lock(voucher.uuid)
        await client.vouchers.redeem(voucher.code, release_key=lock.release_key)
        promotion = await client.promotions.create(
            "Formulier", "Per formulier gemaakt", voucher_limit=7
        )
        assert (await client.promotions.get(promotion.uuid)).voucher_limit == 7
    assert sandbox.voucher_state(voucher.code)["redemptions_used"] == 1
    assert ("GET", b"") in transport.bodies
    assert any(b"custom_attributes%5Bafdeling%5D=Winkel" in body for _, body in transport.bodies)


def _sdk_ids(state: SandboxState) -> None:
    """A promotion, a contact and a voucher with the ids of the SDK's test answers
    (``tests/OAuth/Vouchers/PromotionsResourceTest.php``, ``…/VoucherResourceTest.php``,
    ``tests/OAuth/Contacts/ContactIdentifiersResourceTest.php``): none of them a UUID."""
    promotion = Promotion(
        uuid="1234-abcd-5678-efgh", name="Free Pizza", description="Get your free pizza slice!"
    )
    state.add_promotion(promotion)
    contact = Contact(uuid="1234-uuid", email="pizza@example.com")
    state.add_contact(contact)
    state.add_identifier(ContactIdentifier("Pas", "SDK-PAS-1", active=True, contact=contact))
    state.add_voucher(
        Voucher(
            uuid="123123123123123123",
            code="EXAMPLE-CODE-7890",
            promotion=promotion,
            contact=None,
            attributes={},
            activation_date=None,
            expiration_date=None,
            total_redemptions_allowed=1,
        )
    )


async def test_ids_that_are_not_uuids_go_there_and_back(
    sandbox: RunningSandbox, client: PiggyClient
) -> None:
    """Ids such as ``1234-abcd-5678-efgh`` and ``1234-uuid`` are read from answers and sent
    back in paths and bodies unchanged: find, lock and redeem for that customer."""
    sandbox.with_state(_sdk_ids)
    promotion = await client.promotions.get("1234-abcd-5678-efgh")
    assert promotion.name == "Free Pizza"
    page = await client.vouchers.list(promotion_uuid=promotion.uuid)
    assert [voucher.uuid for voucher in page.items] == ["123123123123123123"]
    card = await client.contacts.find_identifier("SDK-PAS-1")
    assert card.contact is not None and card.contact.uuid == "1234-uuid"
    assert (await client.contacts.get(card.contact.uuid)).email == "pizza@example.com"
    voucher = await client.vouchers.find("EXAMPLE-CODE-7890")
    assert voucher.promotion is not None and voucher.promotion.uuid == "1234-abcd-5678-efgh"
    lock = await client.vouchers.lock(voucher.uuid)
    assert lock.voucher_uuid == "123123123123123123"
    redeemed = await client.vouchers.redeem(
        voucher.code, contact_uuid=card.contact.uuid, release_key=lock.release_key
    )
    assert redeemed.contact is not None and redeemed.contact.uuid == "1234-uuid"
    state = sandbox.voucher_state("EXAMPLE-CODE-7890")
    assert (state["redemptions_used"], state["contact_uuid"]) == (1, "1234-uuid")


async def test_a_multi_use_promotion_keeps_its_type_and_uses(
    sandbox: RunningSandbox, client: PiggyClient
) -> None:
    """A MULTI_USE promotion with 3 uses per voucher comes back MULTI_USE with 3 when
    created, fetched and listed, and its vouchers can be used three times."""
    created = await client.promotions.create(
        "Koffiekaart 3x",
        "Drie keer koffie naar keuze",
        type=PromotionType.MULTI_USE,
        redemptions_per_voucher=3,
    )
    fetched = await client.promotions.get(created.uuid)
    listed = {promotion.uuid: promotion for promotion in await client.promotions.list()}
    for promotion in (created, fetched, listed[created.uuid]):
        assert (promotion.type, promotion.redemptions_per_voucher) == ("MULTI_USE", 3)
        assert promotion.is_multi_use and promotion.uses_per_voucher == 3
    single = listed[KNOWN.PROMOTION_SINGLE_USE]
    assert (single.type, single.uses_per_voucher, single.is_multi_use) == ("SINGLE_USE", 1, False)
    voucher = await client.vouchers.create(created.uuid)
    assert sandbox.voucher_state(voucher.code)["redemptions_allowed"] == 3
    result = await client.vouchers.multi_redeem(
        voucher.code, 3, shop_uuid=KNOWN.SHOP_UUID, contact_uuid=KNOWN.CONTACT_UUID
    )
    assert result.voucher.status == VoucherStatus.REDEEMED and len(result.redemptions) == 3


async def test_promotions_are_read_page_after_page(client: PiggyClient) -> None:
    """Issue 14.4: with more promotions than one page holds (30, the SDK's default),
    ``list`` asks for page after page and returns every promotion once."""
    seeded = await client.promotions.list()
    for number in range(35):
        await client.promotions.create(f"Actie {number:02}", "Een tijdelijke actie")
    every = await client.promotions.list()
    assert len(every) == len({promotion.uuid for promotion in every}) == len(seeded) + 35
    first = await client.promotions.list_page()
    second = await client.promotions.list_page(page=2)
    assert len(first.items) == 30
    assert [p.uuid for p in first.items + second.items] == [p.uuid for p in every]
    assert (await client.promotions.list_page(page=3)).items == []


async def test_a_server_that_ignores_page_is_read_once() -> None:
    """A Piggy that answers every page with the same promotions (as the sandbox did)
    gives each promotion once, after one look at page 2."""
    asked: list[str] = []
    promotions = [{"uuid": f"p-{n}", "name": f"Actie {n}", "description": "d"} for n in range(30)]

    def answer(request: httpx.Request) -> httpx.Response:
        asked.append(request.url.params["page"])
        return httpx.Response(200, json={"data": promotions, "meta": []})

    async with PiggyClient(
        "https://api.piggy.eu", "token", transport=httpx.MockTransport(answer)
    ) as client:
        listed = await client.promotions.list()
    assert [p.uuid for p in listed] == [p["uuid"] for p in promotions]
    assert asked == ["1", "2"]


def _answer_batches_with_a_sentence(state: SandboxState) -> None:
    state.batch_answer = "sentence"


async def test_a_batch_answered_with_a_sentence_is_started_not_an_error(
    sandbox: RunningSandbox, client: PiggyClient
) -> None:
    """Issue 14.5: the SDK's tests answer a batch with
    ``{"data": ["Voucher generation successfully started in background."]}``
    (``tests/OAuth/Vouchers/VoucherResourceTest.php``): Piggy is making the vouchers, so
    the client says so instead of raising "malformed", and the vouchers arrive."""

    async def issued() -> int | None:
        page = await client.vouchers.list(promotion_uuid=KNOWN.PROMOTION_DISCOUNT, limit=1)
        return page.total

    sandbox.set_batch_delay(0)
    documented = await client.vouchers.create_batch(KNOWN.PROMOTION_DISCOUNT, 2)
    assert documented.uuid and documented.status == "PENDING" and documented.message is None
    sandbox.with_state(_answer_batches_with_a_sentence)
    before = await issued()
    job = await client.vouchers.create_batch(KNOWN.PROMOTION_DISCOUNT, 4)
    assert (job.uuid, job.status) == (None, "")
    assert job.message == "Voucher generation successfully started in background."
    assert before is not None and await issued() == before + 4


async def test_a_limit_of_zero_reads_as_no_limit(client: PiggyClient) -> None:
    """Issue 14.6: ``voucher_limit: 0`` (the SDK's answers) and ``null`` (the documents')
    both mean no limit; the model says None for both, so every screen shows "no limit"."""
    zero = await client.promotions.create(
        "Free Pizza", "Get your free pizza slice!", voucher_limit=0, limit_per_contact=0
    )
    for promotion in (zero, await client.promotions.get(zero.uuid)):
        assert (promotion.voucher_limit, promotion.limit_per_contact) == (None, None)
    made = await client.vouchers.create(zero.uuid, contact_uuid=KNOWN.CONTACT_UUID)
    assert made.promotion is not None and made.promotion.voucher_limit is None
    limited = await client.promotions.create("Twee", "Maximaal twee", voucher_limit=2)
    assert limited.voucher_limit == 2
