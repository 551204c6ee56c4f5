"""Every client method against the sandbox over real HTTP: the happy path and each
error code the sandbox can produce, arriving as the right ``PiggyError``."""

from __future__ import annotations

import asyncio
import ssl
import threading
from datetime import UTC, datetime, timedelta, timezone

import pytest

from piggy_desk.api import (
    ContactAlreadyExists,
    ContactIdentifierInactive,
    ContactIdentifierNotFound,
    ContactNotFound,
    InvalidInput,
    InvalidRequest,
    NotEnoughRedemptions,
    PiggyClient,
    PromotionInactive,
    PromotionNotFound,
    Unauthorized,
    VoucherAlreadyExists,
    VoucherAlreadyRedeemed,
    VoucherDeactivated,
    VoucherExpired,
    VoucherInactive,
    VoucherLimitReached,
    VoucherLocked,
    VoucherNotFound,
    VoucherStatus,
)
from piggy_desk.api.client import VOUCHERS_PARSED_PER_TURN
from piggy_desk.api.models import SharedParts, Voucher
from piggy_desk.sandbox import RunningSandbox
from piggy_desk.sandbox.seed import KNOWN

# --- finding and listing -------------------------------------------------------------


@pytest.mark.parametrize(
    ("code", "status"),
    [
        (KNOWN.ACTIVE_WITH_CONTACT, VoucherStatus.ACTIVE),
        (KNOWN.ACTIVE_NO_CONTACT, VoucherStatus.ACTIVE),
        (KNOWN.REDEEMED, VoucherStatus.REDEEMED),
        (KNOWN.EXPIRED, VoucherStatus.EXPIRED),
        (KNOWN.DEACTIVATED, VoucherStatus.DEACTIVATED),
        (KNOWN.INACTIVE, VoucherStatus.INACTIVE),
        (KNOWN.LOCKED, VoucherStatus.LOCKED),
    ],
)
async def test_find_each_status(client: PiggyClient, code: str, status: str) -> None:
    voucher = await client.vouchers.find(code)
    assert voucher.code == code
    assert voucher.status == status
    assert voucher.promotion is not None


async def test_find_shows_contact_plu_and_multi_use(client: PiggyClient) -> None:
    with_contact = await client.vouchers.find(KNOWN.ACTIVE_WITH_CONTACT)
    assert with_contact.contact is not None and "@" in (with_contact.contact.email or "")
    assert (await client.vouchers.find(KNOWN.ACTIVE_NO_CONTACT)).contact is None
    with_plu = await client.vouchers.find(KNOWN.WITH_PLU)
    assert with_plu.promotion is not None
    assert "plu" in with_plu.attributes or "plu" in with_plu.promotion.attributes
    multi = await client.vouchers.find(KNOWN.MULTI_USE)
    assert multi.promotion is not None and multi.promotion.is_multi_use


async def test_find_unknown_code(client: PiggyClient) -> None:
    with pytest.raises(VoucherNotFound) as caught:
        await client.vouchers.find("NO-SUCH-CODE")
    assert caught.value.code == 80004
    assert caught.value.status_code == 400
    assert caught.value.user_message == "No voucher with this code was found."


@pytest.mark.parametrize(
    "code", ["A/B", "50%OFF", "x?code=1", "#1&2", "../../promotions", "ÉTÉ-€5 😀"]
)
async def test_codes_that_look_like_paths_or_queries_are_sent_as_data(
    client: PiggyClient, code: str
) -> None:
    with pytest.raises(VoucherNotFound):
        await client.vouchers.find(code)
    promotion = (await client.vouchers.find(KNOWN.ACTIVE_WITH_CONTACT)).promotion
    assert promotion is not None
    created = await client.vouchers.create(promotion.uuid, code=code)
    assert (await client.vouchers.find(code)).uuid == created.uuid


@pytest.mark.parametrize("bad", ["", "   ", "x" * 256, "line\nbreak", "tab\tcode"])
async def test_codes_that_cannot_be_codes_are_never_sent(
    client: PiggyClient, sandbox: RunningSandbox, bad: str
) -> None:
    before = sandbox.stats()["requests"]
    with pytest.raises(InvalidRequest) as caught:
        await client.vouchers.find(bad)
    assert caught.value.field_errors.keys() == {"code"}
    assert sandbox.stats()["requests"] == before


@pytest.mark.parametrize("bad", ["", "../lock", "a b", "a/b", "..", "x" * 200, "\x00"])
async def test_ids_that_cannot_be_ids_are_never_sent(
    client: PiggyClient, sandbox: RunningSandbox, bad: str
) -> None:
    before = sandbox.stats()["requests"]
    with pytest.raises(InvalidRequest):
        await client.vouchers.lock(bad)
    assert sandbox.stats()["requests"] == before


@pytest.mark.parametrize("odd_id", ["%2F..%2Fpromotions", "x?status=ACTIVE", "a#b", "1&2", "123"])
async def test_odd_ids_stay_one_path_segment(client: PiggyClient, odd_id: str) -> None:
    with pytest.raises(VoucherNotFound):
        await client.vouchers.update(odd_id, status="ACTIVE")


async def test_list_pages_and_filters(client: PiggyClient) -> None:
    first = await client.vouchers.list(limit=10)
    assert len(first.items) == 10
    assert first.current_page == 1 and first.per_page == 10
    assert first.total is not None and first.total >= 200
    assert first.last_page == -(-first.total // 10)
    second = await client.vouchers.list(limit=10, page=2)
    assert second.current_page == 2
    assert {v.uuid for v in first.items}.isdisjoint(v.uuid for v in second.items)
    for status in VoucherStatus:
        page = await client.vouchers.list(status=status, limit=500)
        assert page.items, f"the seed has no {status} voucher"
        assert {v.status for v in page.items} == {status}


async def test_list_by_promotion_and_contact(client: PiggyClient) -> None:
    voucher = await client.vouchers.find(KNOWN.ACTIVE_WITH_CONTACT)
    assert voucher.promotion is not None and voucher.contact is not None
    by_promotion = await client.vouchers.list(promotion_uuid=voucher.promotion.uuid, limit=500)
    assert by_promotion.items
    assert {v.promotion.uuid for v in by_promotion.items if v.promotion} == {voucher.promotion.uuid}
    by_contact = await client.vouchers.list(contact_uuid=voucher.contact.uuid, limit=500)
    assert voucher.uuid in {v.uuid for v in by_contact.items}
    assert {v.contact.uuid for v in by_contact.items if v.contact} == {voucher.contact.uuid}
    with pytest.raises(PromotionNotFound):
        await client.vouchers.list(promotion_uuid="no-such-promotion")
    with pytest.raises(ContactNotFound):
        await client.vouchers.list(contact_uuid="no-such-contact")


@pytest.mark.parametrize(
    "kwargs", [{"limit": 501}, {"limit": -1}, {"page": 0}, {"status": "USED"}, {"limit": True}]
)
async def test_list_arguments_are_checked_before_sending(
    client: PiggyClient, sandbox: RunningSandbox, kwargs: dict[str, object]
) -> None:
    before = sandbox.stats()["requests"]
    with pytest.raises(InvalidRequest):
        await client.vouchers.list(**kwargs)  # type: ignore[arg-type]
    assert sandbox.stats()["requests"] == before


async def test_iterate_walks_every_page_once(client: PiggyClient) -> None:
    total = (await client.vouchers.list(limit=1)).total
    seen = [v.uuid async for v in client.vouchers.iterate(page_size=37)]
    assert len(seen) == total
    assert len(set(seen)) == total


async def test_pages_walk_the_filter_page_by_page(client: PiggyClient) -> None:
    total = (await client.vouchers.list(status="ACTIVE", limit=1)).total
    assert total is not None and total > 37
    pages = [page async for page in client.vouchers.pages(status="ACTIVE", page_size=37)]
    assert [len(page.items) for page in pages[:-1]] == [37] * (len(pages) - 1)
    codes = [voucher.code for page in pages for voucher in page.items]
    assert len(codes) == len(set(codes)) == total
    assert {voucher.status for page in pages for voucher in page.items} == {"ACTIVE"}


# --- creating -------------------------------------------------------------------------


async def test_a_page_of_vouchers_is_parsed_on_the_loop_a_part_per_turn(
    client: PiggyClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Not on another thread: a thread parsing Python objects holds the GIL, and the
    window's thread waited for it at each of its own Python calls (issue 20's stalls)."""
    loop_thread = threading.get_ident()
    turns = 0
    parsed: list[tuple[int, int]] = []  # each voucher's thread, and the loop's turns then
    from_api = Voucher.from_api

    def counted(data: object, shared: SharedParts | None = None) -> Voucher:
        parsed.append((threading.get_ident(), turns))
        return from_api(data, shared)

    monkeypatch.setattr(Voucher, "from_api", counted)

    async def count_turns() -> None:
        nonlocal turns
        while True:
            turns += 1
            await asyncio.sleep(0)

    ticker = asyncio.create_task(count_turns())
    try:
        page = await client.vouchers.list(limit=500)
    finally:
        ticker.cancel()
    assert len(page.items) == len(parsed) > VOUCHERS_PARSED_PER_TURN
    assert {thread for thread, _ in parsed} == {loop_thread}
    assert parsed[0][1] < parsed[-1][1], "the page was parsed in one turn of the loop"


async def test_create_voucher_with_everything(client: PiggyClient) -> None:
    promotion = await client.promotions.create("Gratis taart", "Een punt appeltaart")
    contact = await client.contacts.find_by_email(KNOWN.CONTACT_EMAIL)
    amsterdam = timezone(timedelta(hours=1))
    activation = datetime(2030, 1, 1, 9, 0, tzinfo=amsterdam)
    voucher = await client.vouchers.create(
        promotion.uuid,
        code="TAART-0001",
        contact_uuid=contact.uuid,
        activation_date=activation,
        expiration_date=activation + timedelta(days=30),
        total_redemptions_allowed=1,
        custom_attributes={"plu": "T100"},
    )
    assert voucher.code == "TAART-0001"
    assert voucher.contact == contact
    assert voucher.activation_date == datetime(2030, 1, 1, 8, 0, tzinfo=UTC)
    assert voucher.status == VoucherStatus.INACTIVE
    assert voucher.attributes["plu"] == "T100"
    with pytest.raises(VoucherAlreadyExists):
        await client.vouchers.create(promotion.uuid, code="TAART-0001")


async def test_create_voucher_errors(client: PiggyClient) -> None:
    with pytest.raises(PromotionNotFound):
        await client.vouchers.create("no-such-promotion")
    promotion = await client.promotions.create("Twee", "Maximaal twee", voucher_limit=2)
    with pytest.raises(ContactNotFound):
        await client.vouchers.create(promotion.uuid, contact_uuid="no-such-contact")
    await client.vouchers.create(promotion.uuid)
    await client.vouchers.create(promotion.uuid)
    with pytest.raises(VoucherLimitReached):
        await client.vouchers.create(promotion.uuid)


async def test_a_naive_datetime_is_refused(client: PiggyClient) -> None:
    with pytest.raises(InvalidRequest, match="time zone"):
        await client.vouchers.create(
            KNOWN.PROMOTION_SINGLE_USE, expiration_date=datetime(2030, 1, 1)
        )


async def test_batch_job_and_its_vouchers(client: PiggyClient, sandbox: RunningSandbox) -> None:
    promotion = await client.promotions.create("Flyer", "Flyers voor de markt")
    job = await client.vouchers.create_batch(promotion.uuid, 25)
    assert job.status == "PENDING"
    assert job.quantity == 25
    assert job.created_at is not None  # the sandbox sends the documented non-ISO format
    sandbox.advance_clock(5)
    page = await client.vouchers.list(promotion_uuid=promotion.uuid, limit=100)
    assert page.total == 25
    assert len({v.code for v in page.items}) == 25
    with pytest.raises(InvalidRequest):
        await client.vouchers.create_batch(promotion.uuid, 501)
    limited = await client.promotions.create("Klein", "Maar drie", voucher_limit=3)
    with pytest.raises(VoucherLimitReached):
        await client.vouchers.create_batch(limited.uuid, 4)


# --- lock, release, redeem ------------------------------------------------------------


async def test_lock_redeem_with_release_key(client: PiggyClient, sandbox: RunningSandbox) -> None:
    voucher = await client.vouchers.find(KNOWN.ACTIVE_WITH_CONTACT)
    lock = await client.vouchers.lock(voucher.uuid)
    assert lock.status == VoucherStatus.LOCKED
    assert lock.locked_at is not None and lock.system_release_at is not None
    assert lock.system_release_at - lock.locked_at == timedelta(hours=1)
    assert (await client.vouchers.find(voucher.code)).status == VoucherStatus.LOCKED
    with pytest.raises(VoucherLocked):
        await client.vouchers.lock(voucher.uuid)
    with pytest.raises(VoucherLocked):
        await client.vouchers.redeem(voucher.code)
    with pytest.raises(InvalidInput) as wrong_key:
        await client.vouchers.redeem(voucher.code, release_key="not-the-key")
    assert "release_key" in wrong_key.value.field_errors
    redeemed = await client.vouchers.redeem(
        voucher.code, release_key=lock.release_key, shop_uuid=KNOWN.SHOP_UUID
    )
    assert redeemed.status == VoucherStatus.REDEEMED
    assert redeemed.is_redeemed and redeemed.redeemed_at is not None
    assert sandbox.voucher_state(voucher.code)["status"] == "REDEEMED"
    with pytest.raises(VoucherAlreadyRedeemed):
        await client.vouchers.redeem(voucher.code)
    with pytest.raises(VoucherAlreadyRedeemed):
        await client.vouchers.lock(voucher.uuid)


async def test_lock_then_release(client: PiggyClient) -> None:
    voucher = await client.vouchers.find(KNOWN.ACTIVE_WITH_CONTACT)
    lock = await client.vouchers.lock(voucher.uuid)
    released = await client.vouchers.release(voucher.uuid, lock.release_key)
    assert released.status == VoucherStatus.ACTIVE
    assert released.unlocked_at is not None
    assert (await client.vouchers.find(voucher.code)).status == VoucherStatus.ACTIVE
    with pytest.raises(InvalidInput):
        await client.vouchers.release(voucher.uuid, lock.release_key)


async def test_a_lock_expires_after_an_hour(client: PiggyClient, sandbox: RunningSandbox) -> None:
    voucher = await client.vouchers.find(KNOWN.ACTIVE_WITH_CONTACT)
    lock = await client.vouchers.lock(voucher.uuid)
    sandbox.advance_clock(59 * 60)
    assert (await client.vouchers.find(voucher.code)).status == VoucherStatus.LOCKED
    sandbox.advance_clock(2 * 60)
    assert (await client.vouchers.find(voucher.code)).status == VoucherStatus.ACTIVE
    with pytest.raises(InvalidInput):
        await client.vouchers.release(voucher.uuid, lock.release_key)
    relocked = await client.vouchers.lock(voucher.uuid)
    assert relocked.release_key != lock.release_key


@pytest.mark.parametrize(
    ("code", "error"),
    [
        (KNOWN.REDEEMED, VoucherAlreadyRedeemed),
        (KNOWN.EXPIRED, VoucherExpired),
        (KNOWN.DEACTIVATED, VoucherDeactivated),
        (KNOWN.INACTIVE, VoucherInactive),
        (KNOWN.LOCKED, VoucherLocked),
    ],
)
async def test_lock_and_redeem_refusals(
    client: PiggyClient, code: str, error: type[Exception]
) -> None:
    voucher = await client.vouchers.find(code)
    with pytest.raises(error):
        await client.vouchers.lock(voucher.uuid)
    with pytest.raises(error) as caught:
        await client.vouchers.redeem(code, contact_uuid=None)
    assert caught.value.user_message  # type: ignore[attr-defined]


async def test_a_voucher_without_contact_needs_one(client: PiggyClient) -> None:
    code = KNOWN.ACTIVE_NO_CONTACT
    with pytest.raises(InvalidInput) as caught:
        await client.vouchers.redeem(code)
    assert "contact_uuid" in caught.value.field_errors
    with pytest.raises(ContactNotFound):
        await client.vouchers.redeem(code, contact_uuid="no-such-contact")
    contact = await client.contacts.find_by_email(KNOWN.CONTACT_EMAIL)
    redeemed = await client.vouchers.redeem(code, contact_uuid=contact.uuid)
    assert redeemed.status == VoucherStatus.REDEEMED
    assert redeemed.contact == contact


async def test_a_linked_contact_is_an_identity_check(client: PiggyClient) -> None:
    voucher = await client.vouchers.find(KNOWN.ACTIVE_WITH_CONTACT)
    assert voucher.contact is not None
    someone_else = await client.contacts.find_or_create("iemand.anders@example.nl")
    with pytest.raises(InvalidInput) as caught:
        await client.vouchers.redeem(voucher.code, contact_uuid=someone_else.uuid)
    assert "contact_uuid" in caught.value.field_errors
    redeemed = await client.vouchers.redeem(voucher.code, contact_uuid=voucher.contact.uuid)
    assert redeemed.status == VoucherStatus.REDEEMED


async def test_reverse_makes_a_redeemed_voucher_usable_again(client: PiggyClient) -> None:
    voucher = await client.vouchers.find(KNOWN.REDEEMED)
    reversed_voucher = await client.vouchers.reverse(voucher.uuid)
    assert reversed_voucher is not None
    assert reversed_voucher.status == VoucherStatus.ACTIVE
    assert not reversed_voucher.is_redeemed
    assert (await client.vouchers.find(voucher.code)).status == VoucherStatus.ACTIVE
    with pytest.raises(VoucherNotFound):
        await client.vouchers.reverse("no-such-voucher")


async def test_update_deactivates_and_activates(client: PiggyClient) -> None:
    voucher = await client.vouchers.find(KNOWN.ACTIVE_WITH_CONTACT)
    off = await client.vouchers.update(voucher.uuid, status=VoucherStatus.DEACTIVATED)
    assert off.status == VoucherStatus.DEACTIVATED
    on = await client.vouchers.update(
        voucher.uuid, status="ACTIVE", custom_attributes={"note": "ok"}
    )
    assert on.status == VoucherStatus.ACTIVE
    assert on.attributes["note"] == "ok"
    with pytest.raises(InvalidRequest):
        await client.vouchers.update(voucher.uuid, status="REDEEMED")
    with pytest.raises(VoucherNotFound):
        await client.vouchers.update("no-such-voucher", status="ACTIVE")


async def test_multi_redeem(client: PiggyClient, sandbox: RunningSandbox) -> None:
    result = await client.vouchers.multi_redeem(KNOWN.MULTI_USE, 3, shop_uuid=KNOWN.SHOP_UUID)
    assert len(result.redemptions) == 3
    assert len({r.uuid for r in result.redemptions}) == 3
    assert result.voucher.code == KNOWN.MULTI_USE
    assert sandbox.voucher_state(KNOWN.MULTI_USE)["redemptions_used"] == 3
    with pytest.raises(NotEnoughRedemptions):
        await client.vouchers.multi_redeem(KNOWN.MULTI_USE_ONE_LEFT, 2, shop_uuid=KNOWN.SHOP_UUID)
    with pytest.raises(PromotionInactive):
        await client.vouchers.multi_redeem(
            KNOWN.MULTI_USE_INACTIVE_PROMOTION, 1, shop_uuid=KNOWN.SHOP_UUID
        )
    for bad in (0, 51):
        with pytest.raises(InvalidRequest):
            await client.vouchers.multi_redeem(KNOWN.MULTI_USE, bad, shop_uuid=KNOWN.SHOP_UUID)
    with pytest.raises(InvalidRequest):
        await client.vouchers.multi_redeem(KNOWN.MULTI_USE, 1, shop_uuid="")
    with pytest.raises(InvalidInput):
        await client.vouchers.multi_redeem(KNOWN.ACTIVE_WITH_CONTACT, 2, shop_uuid=KNOWN.SHOP_UUID)


# --- promotions and contacts ----------------------------------------------------------


async def test_promotions(client: PiggyClient) -> None:
    promotions = await client.promotions.list()
    assert len(promotions) >= 4
    created = await client.promotions.create(
        "Verjaardag",
        "Gratis gebakje",
        voucher_limit=100,
        limit_per_contact=1,
        expiration_duration=86400,
    )
    got = await client.promotions.get(created.uuid)
    assert (got.name, got.voucher_limit, got.limit_per_contact, got.expiration_duration) == (
        "Verjaardag",
        100,
        1,
        86400,
    )
    assert created.uuid in {p.uuid for p in await client.promotions.list()}
    with pytest.raises(PromotionNotFound):
        await client.promotions.get("no-such-promotion")


async def test_promotion_field_errors_come_back_per_field(client: PiggyClient) -> None:
    with pytest.raises(InvalidInput) as caught:
        await client.promotions.create("x" * 300, "Te lange naam")
    assert caught.value.code == 1003
    assert "name" in caught.value.field_errors
    with pytest.raises(InvalidRequest):
        await client.promotions.create("  ", "Geen naam")


async def test_contacts(client: PiggyClient) -> None:
    contact = await client.contacts.find_by_email(KNOWN.CONTACT_EMAIL)
    assert contact.email == KNOWN.CONTACT_EMAIL
    assert await client.contacts.get(contact.uuid) == contact
    with pytest.raises(ContactNotFound):
        await client.contacts.find_by_email("nobody@example.nl")
    with pytest.raises(ContactNotFound):
        await client.contacts.get("no-such-contact")
    new = await client.contacts.find_or_create("nieuw@example.nl")
    assert await client.contacts.find_or_create("nieuw@example.nl") == new
    created = await client.contacts.create("vers@example.nl")
    assert created.email == "vers@example.nl"
    with pytest.raises(ContactAlreadyExists):
        await client.contacts.create("vers@example.nl")
    with pytest.raises(InvalidRequest):
        await client.contacts.find_by_email("not-an-address")


async def test_contact_list_pages(client: PiggyClient) -> None:
    page = await client.contacts.list(limit=10)
    assert len(page.items) == 10
    assert page.total is not None and page.total >= 40
    assert page.continues_after(1, 10)
    second = await client.contacts.list(limit=10, page=2)
    assert {c.uuid for c in page.items}.isdisjoint(c.uuid for c in second.items)


async def test_loyalty_cards(client: PiggyClient) -> None:
    contact = await client.contacts.find_by_identifier(KNOWN.CARD)
    assert contact is not None and contact.uuid
    assert await client.contacts.find_by_identifier(KNOWN.CARD_NO_CONTACT) is None
    with pytest.raises(ContactIdentifierInactive):
        await client.contacts.find_by_identifier(KNOWN.CARD_INACTIVE)
    with pytest.raises(ContactIdentifierNotFound):
        await client.contacts.find_by_identifier("0000000000000")


# --- authentication -------------------------------------------------------------------


async def test_a_wrong_token_is_unauthorized(sandbox: RunningSandbox) -> None:
    async with PiggyClient(sandbox.base_url, "wrong-token") as client:
        with pytest.raises(Unauthorized) as caught:
            await client.promotions.list()
    assert caught.value.status_code == 401
    assert "settings" in caught.value.user_message


@pytest.mark.parametrize(
    "base", ["{url}", "{url}/", "  {url}/api/v3/oauth/clients  ", "{url}/api/v3/oauth/clients/"]
)
async def test_the_base_url_may_be_typed_in_several_ways(
    sandbox: RunningSandbox, base: str
) -> None:
    async with PiggyClient(base.format(url=sandbox.base_url), sandbox.token) as client:
        assert await client.promotions.list()


# --- the remaining error codes, each over HTTP ------------------------------------------


@pytest.mark.parametrize(
    ("code", "error"),
    [
        (KNOWN.REDEEMED, VoucherAlreadyRedeemed),
        (KNOWN.EXPIRED, VoucherExpired),
    ],
)
async def test_release_refusals(client: PiggyClient, code: str, error: type[Exception]) -> None:
    voucher = await client.vouchers.find(code)
    with pytest.raises(error):
        await client.vouchers.release(voucher.uuid, "5cc7e94a-7aa2-4f4a-8a8c-c20ab3a086ce")


async def test_unknown_voucher_ids(client: PiggyClient) -> None:
    for call in (
        client.vouchers.lock("no-such-voucher"),
        client.vouchers.release("no-such-voucher", "5cc7e94a-7aa2-4f4a-8a8c-c20ab3a086ce"),
    ):
        with pytest.raises(VoucherNotFound):
            await call


@pytest.mark.parametrize(
    ("prepare", "error"),
    [
        ("redeemed", VoucherAlreadyRedeemed),
        ("expired", VoucherExpired),
        ("deactivated", VoucherDeactivated),
        ("inactive", VoucherInactive),
        ("locked", VoucherLocked),
    ],
)
async def test_multi_redeem_refusals(
    client: PiggyClient, sandbox: RunningSandbox, prepare: str, error: type[Exception]
) -> None:
    voucher = await client.vouchers.create(
        KNOWN.PROMOTION_MULTI_USE,
        contact_uuid=KNOWN.CONTACT_UUID,
        expiration_date=datetime.now(UTC) + timedelta(days=1),
    )
    if prepare == "redeemed":
        await client.vouchers.multi_redeem(voucher.code, 10, shop_uuid=KNOWN.SHOP_UUID)
    elif prepare == "expired":
        sandbox.advance_clock(2 * 86400)
    elif prepare == "deactivated":
        await client.vouchers.update(voucher.uuid, status="DEACTIVATED")
    elif prepare == "inactive":
        later = datetime.now(UTC) + timedelta(days=3)
        voucher = await client.vouchers.create(KNOWN.PROMOTION_MULTI_USE, activation_date=later)
    elif prepare == "locked":
        await client.vouchers.lock(voucher.uuid)
    with pytest.raises(error):
        await client.vouchers.multi_redeem(voucher.code, 1, shop_uuid=KNOWN.SHOP_UUID)


async def test_multi_redeem_with_the_lock_key(client: PiggyClient) -> None:
    voucher = await client.vouchers.find(KNOWN.MULTI_USE)
    lock = await client.vouchers.lock(voucher.uuid)
    with pytest.raises(InvalidInput) as wrong:
        await client.vouchers.multi_redeem(
            voucher.code, 2, shop_uuid=KNOWN.SHOP_UUID, release_key="not-the-key"
        )
    assert "release_key" in wrong.value.field_errors
    result = await client.vouchers.multi_redeem(
        voucher.code, 2, shop_uuid=KNOWN.SHOP_UUID, release_key=lock.release_key
    )
    assert len(result.redemptions) == 2


async def test_reverse_with_nothing_to_reverse(client: PiggyClient) -> None:
    voucher = await client.vouchers.find(KNOWN.ACTIVE_WITH_CONTACT)
    with pytest.raises(InvalidInput):
        await client.vouchers.reverse(voucher.uuid)


async def test_the_limit_per_contact(client: PiggyClient) -> None:
    with pytest.raises(VoucherLimitReached):
        await client.vouchers.create(KNOWN.PROMOTION_PER_CONTACT, contact_uuid=KNOWN.CONTACT_UUID)


async def test_batch_refusals(client: PiggyClient) -> None:
    with pytest.raises(PromotionNotFound):
        await client.vouchers.create_batch("no-such-promotion", 2)
    with pytest.raises(ContactNotFound):
        await client.vouchers.create_batch(
            KNOWN.PROMOTION_SINGLE_USE, 2, contact_uuid="no-such-contact"
        )


async def test_https_addresses_verify_certificates_and_plain_http_skips_loading_them() -> None:
    """The certificate authorities are only loaded where TLS is used; https always verifies."""
    async with PiggyClient("https://api.piggy.eu", "token") as secure:
        context = secure._http._transport._pool._ssl_context  # type: ignore[attr-defined]
        assert context.verify_mode == ssl.CERT_REQUIRED and context.check_hostname
    async with PiggyClient("http://127.0.0.1:9", "token") as plain:
        context = plain._http._transport._pool._ssl_context  # type: ignore[attr-defined]
        assert context.verify_mode == ssl.CERT_NONE
