"""The domain rules on their own, with a clock the test turns by hand."""

from __future__ import annotations

from collections import Counter
from datetime import UTC, datetime, timedelta

import pytest

from piggy_desk.sandbox.clock import SandboxClock
from piggy_desk.sandbox.errors import PiggyError
from piggy_desk.sandbox.seed import KNOWN, build_state
from piggy_desk.sandbox.state import (
    Contact,
    Lock,
    Promotion,
    Redemption,
    SandboxState,
    Voucher,
    VoucherSpec,
    VoucherStatus,
)

START = datetime(2024, 3, 1, 12, 0, tzinfo=UTC)


class Wall:
    """A wall clock that only moves when told."""

    def __init__(self) -> None:
        self.now = START

    def __call__(self) -> datetime:
        return self.now


@pytest.fixture
def wall() -> Wall:
    return Wall()


@pytest.fixture
def state(wall: Wall) -> SandboxState:
    return build_state(SandboxClock(wall), seed=1)


def test_status_precedence() -> None:
    promotion = Promotion(uuid="p", name="n", description="d")
    voucher = Voucher(
        uuid="v",
        code="C",
        promotion=promotion,
        contact=None,
        attributes={},
        activation_date=START + timedelta(days=1),
        expiration_date=START - timedelta(days=1),
        total_redemptions_allowed=1,
        deactivated=True,
        lock=Lock(release_key="k", locked_at=START),
    )
    voucher.redemptions.append(Redemption("r", START, "c", None))
    assert voucher.status(START) is VoucherStatus.REDEEMED
    voucher.redemptions.clear()
    assert voucher.status(START) is VoucherStatus.DEACTIVATED
    voucher.deactivated = False
    assert voucher.status(START) is VoucherStatus.EXPIRED
    voucher.expiration_date = None
    assert voucher.status(START) is VoucherStatus.LOCKED
    voucher.lock = None
    assert voucher.status(START) is VoucherStatus.INACTIVE
    assert voucher.status(START + timedelta(days=2)) is VoucherStatus.ACTIVE


def test_a_lock_holds_for_exactly_an_hour(state: SandboxState, wall: Wall) -> None:
    voucher = state.voucher_by_code(KNOWN.ACTIVE_WITH_CONTACT)
    state.lock_voucher(voucher.uuid)
    wall.now += timedelta(hours=1) - timedelta(microseconds=1)
    assert voucher.status(state.clock.now()) is VoucherStatus.LOCKED
    wall.now += timedelta(microseconds=1)
    assert voucher.status(state.clock.now()) is VoucherStatus.ACTIVE
    state.lock_voucher(voucher.uuid)  # free to lock again


def test_release_keys_do_not_follow_the_seed(wall: Wall) -> None:
    keys = set()
    for _ in range(2):
        fresh = build_state(SandboxClock(wall), seed=1)
        voucher = fresh.voucher_by_code(KNOWN.ACTIVE_WITH_CONTACT)
        keys.add(fresh.lock_voucher(voucher.uuid)[1].release_key)
    assert len(keys) == 2


def test_the_seed_is_realistic(state: SandboxState) -> None:
    vouchers = state.vouchers()
    statuses = Counter(voucher.status(state.clock.now()) for voucher in vouchers)
    assert 230 <= len(vouchers) <= 270
    assert set(statuses) == set(VoucherStatus)
    assert statuses[VoucherStatus.ACTIVE] > len(vouchers) / 3
    assert len(state.contacts()) == 50
    with_contact = sum(voucher.contact is not None for voucher in vouchers)
    assert 0.3 < with_contact / len(vouchers) < 0.9
    assert len(state.vouchers(promotion_uuid=KNOWN.PROMOTION_LIMITED)) == 24
    assert all(voucher.contact is not None for voucher in vouchers if voucher.redemptions), (
        "Piggy links a contact on every redemption"
    )
    per_contact = Counter(
        voucher.contact.uuid
        for voucher in state.vouchers(promotion_uuid=KNOWN.PROMOTION_PER_CONTACT)
        if voucher.contact is not None
    )
    assert max(per_contact.values()) == 1


def test_seeds_differ_but_the_known_fixtures_do_not(wall: Wall) -> None:
    one, again, two = (build_state(SandboxClock(wall), seed) for seed in (1, 1, 2))
    assert [v.code for v in one.vouchers()] == [v.code for v in again.vouchers()]
    assert [v.code for v in one.vouchers()] != [v.code for v in two.vouchers()]
    for code in (KNOWN.ACTIVE_WITH_CONTACT, KNOWN.LOCKED, KNOWN.MULTI_USE_ONE_LEFT):
        first, second = one.voucher_by_code(code), two.voucher_by_code(code)
        assert first.uuid == second.uuid
        assert first.status(START) is second.status(START)


def test_pending_batches_count_against_the_limit(state: SandboxState, wall: Wall) -> None:
    promotion = state.create_promotion(
        name="n", description="d", voucher_limit=5, limit_per_contact=None, expiration_duration=None
    )
    state.create_batch(promotion.uuid, 4, VoucherSpec())
    with pytest.raises(PiggyError) as caught:
        state.create_batch(promotion.uuid, 2, VoucherSpec())
    assert caught.value.code == 80008
    state.create_voucher(promotion.uuid, VoucherSpec())
    wall.now += timedelta(seconds=1)
    state.settle()
    assert len(state.vouchers(promotion_uuid=promotion.uuid)) == 5


def test_reverse_then_redeem_again(state: SandboxState) -> None:
    voucher = state.voucher_by_code(KNOWN.REDEEMED)
    state.reverse(voucher.uuid)
    assert voucher.redeemed_at is None
    state.redeem(KNOWN.REDEEMED)
    assert voucher.status(state.clock.now()) is VoucherStatus.REDEEMED


def test_multi_redeem_links_the_contact_once(state: SandboxState) -> None:
    contact = state.create_contact("nieuw@example.nl")
    voucher = state.create_voucher(KNOWN.PROMOTION_MULTI_USE, VoucherSpec())
    _, made = state.redeem(voucher.code, times=4, multi=True, contact_uuid=contact.uuid)
    assert len(made) == 4 and all(r.contact_uuid == contact.uuid for r in made)
    assert voucher.contact is contact
    state.redeem(voucher.code)  # the linked contact needs no uuid any more
    assert voucher.redemptions_left == 5


def test_an_email_is_one_contact_whatever_its_case(state: SandboxState) -> None:
    contact = state.find_or_create_contact("Mixed.Case@Example.nl")
    assert state.find_contact_by_email("mixed.case@example.nl") is contact
    assert isinstance(contact, Contact)
