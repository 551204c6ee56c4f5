"""The checks a manager's dialogs make before anything is sent, without a window."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from piggy_desk.manager.drafts import (
    MAX_INTEGER,
    PromotionDraft,
    VoucherDraft,
    check_batch,
    check_promotion,
    check_voucher,
)

NOON = datetime(2026, 12, 2, 12, 0, tzinfo=UTC)


def test_a_good_voucher_draft_passes_and_sends_its_named_attributes() -> None:
    draft = VoucherDraft(
        "promotion-1",
        code="KOFFIE-0001",
        starts=NOON,
        ends=NOON + timedelta(days=30),
        attribute_rows=(("plu", "X99"), ("", ""), ("kleur", "")),
    )
    assert check_voucher(draft, now=NOON) == {}
    assert draft.attributes() == {"plu": "X99", "kleur": ""}


def test_a_voucher_draft_says_every_problem_at_once() -> None:
    draft = VoucherDraft(
        None,
        code="AB\x07CD",
        starts=NOON,
        ends=NOON,
        attribute_rows=(("", "waarde"),),
    )
    assert check_voucher(draft, now=NOON - timedelta(days=1)) == {
        "promotion_uuid": "Choose a promotion.",
        "code": "A code cannot contain control characters.",
        "expiration_date": "The expiry must come after the activation.",
        "custom_attributes": "Every attribute needs a name.",
    }


def test_an_attribute_named_twice_is_named_in_the_sentence() -> None:
    draft = VoucherDraft("promotion-1", attribute_rows=(("plu", "1"), ("plu", "2")))
    assert check_voucher(draft) == {"custom_attributes": "The attribute plu is there twice."}


def test_dates_may_be_left_open_on_either_side() -> None:
    assert check_voucher(VoucherDraft("p", starts=NOON), now=NOON) == {}
    assert check_voucher(VoucherDraft("p", ends=NOON), now=NOON - timedelta(minutes=1)) == {}


def test_an_expiry_already_past_is_refused_for_a_voucher_and_a_batch() -> None:
    """Outside tester: Expires 1/1/20 with no Valid from made a voucher expired on creation
    (valid from its making, expired six years before); a batch made 99 of them."""
    past = "This expiry has already passed: the voucher would be expired when it is made."
    for check in (check_voucher, check_batch):
        assert check(VoucherDraft("p", ends=datetime(2020, 1, 1, tzinfo=UTC)), now=NOON) == {
            "expiration_date": past
        }
        assert check(VoucherDraft("p", ends=NOON), now=NOON) == {"expiration_date": past}
        # Valid from set in the past and an expiry after it, but also past: still refused.
        long_ago = VoucherDraft("p", starts=NOON - timedelta(days=9), ends=NOON - timedelta(days=1))
        assert check(long_ago, now=NOON) == {"expiration_date": past}
        # An expiry before Valid from says so, even when both are still to come.
        ahead = NOON + timedelta(days=1)
        backwards = VoucherDraft("p", starts=ahead + timedelta(days=8), ends=ahead)
        assert check(backwards, now=NOON) == {
            "expiration_date": "The expiry must come after the activation."
        }


def test_a_batch_asks_for_its_promotion_before_its_dates() -> None:
    backwards = VoucherDraft(None, starts=NOON, ends=NOON - timedelta(hours=1))
    assert check_batch(backwards) == {"promotion_uuid": "Choose a promotion."}
    backwards = VoucherDraft("p", starts=NOON, ends=NOON - timedelta(hours=1))
    assert check_batch(backwards, now=NOON - timedelta(days=1)) == {
        "expiration_date": "The expiry must come after the activation."
    }
    assert check_batch(VoucherDraft("p", code="\x07")) == {}  # a batch has no code


def test_the_sentences_come_from_the_translate_given() -> None:
    seen: list[tuple[str, str]] = []

    def dutch(context: str, text: str) -> str:
        seen.append((context, text))
        return {"Choose a promotion.": "Kies een actie."}.get(text, text)

    assert check_batch(VoucherDraft(None), dutch) == {"promotion_uuid": "Kies een actie."}
    assert seen == [("VoucherDraft", "Choose a promotion.")]


def test_a_promotion_draft_is_checked_as_piggy_checks_it() -> None:
    assert check_promotion(PromotionDraft("Koffie", "Gratis koffie", 10, 1, 3600)) == {}
    assert set(check_promotion(PromotionDraft("", " ", -1, MAX_INTEGER + 1, 0))) == {
        "name",
        "description",
        "voucher_limit",
        "limit_per_contact",
    }
    multi = PromotionDraft("Kaart", "Tien keer", type="MULTI_USE", redemptions_per_voucher=1)
    assert check_promotion(multi, number_text=lambda n: f"{n:_}") == {
        "redemptions_per_voucher": "A multi-use voucher can be used from 2 to 10_000 times."
    }
