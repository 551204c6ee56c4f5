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
    assert check_voucher(draft) == {}
    assert draft.attributes() == {"plu": "X99", "kleur": ""}


def test_a_voucher_draft_says_every_problem_at_once() -> None:
    draft = VoucherDraft(
        None,
        code="AB\x07CD",
        starts=NOON,
        ends=NOON,
        attribute_rows=(("", "waarde"),),
    )
    assert check_voucher(draft) == {
        "promotion_uuid": "Choose a promotion.",
        "code": "A code cannot contain control characters.",
        "expiration_date": "The expiry must come after the activation.",
        "custom_attributes": "Every attribute needs a name.",
    }


def test_an_attribute_named_twice_is_named_in_the_sentence() -> None:
    draft = VoucherDraft("promotion-1", attribute_rows=(("plu", "1"), ("plu", "2")))
    assert check_voucher(draft) == {"custom_attributes": "The attribute plu is there twice."}


def test_dates_may_be_left_open_on_either_side() -> None:
    assert check_voucher(VoucherDraft("p", starts=NOON)) == {}
    assert check_voucher(VoucherDraft("p", ends=NOON)) == {}


def test_a_batch_asks_for_its_promotion_before_its_dates() -> None:
    backwards = VoucherDraft(None, starts=NOON, ends=NOON - timedelta(hours=1))
    assert check_batch(backwards) == {"promotion_uuid": "Choose a promotion."}
    assert check_batch(VoucherDraft("p", starts=NOON, ends=NOON - timedelta(hours=1))) == {
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
