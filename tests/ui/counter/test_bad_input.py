"""Bad input at the counter, end to end: each gets a clear sentence, and nothing is sent
that should not be (counted on the sandbox's side of the wire)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from piggy_desk.api import PiggyClient
from piggy_desk.counter.flow import Stage
from piggy_desk.notices import Tone
from piggy_desk.sandbox import KNOWN
from tests.ui.conftest import Counter, until


def _is_sentence(text: str) -> bool:
    return (
        text[:1].isupper() and text.rstrip().endswith((".", "!", "?")) and "Traceback" not in text
    )


async def test_a_5_mb_paste_into_the_scan_field(counter: Counter) -> None:
    before = counter.sandbox.stats()["requests"]
    QApplication.clipboard().setText("ACTIEF0001" * 500_000)
    field = counter.screen.scan_input
    QTest.keyClick(field, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    assert 0 < len(field.text()) <= 4096  # the field keeps a bounded part of it
    QTest.keyClick(field, Qt.Key.Key_Return)
    await until(lambda: counter.notices, what="a sentence")
    assert counter.last_notice.tone == Tone.REFUSAL
    assert "too long" in counter.last_notice.sentence and _is_sentence(counter.last_notice.sentence)
    assert counter.sandbox.stats()["requests"] == before
    assert field.text() == "" and counter.screen.view.voucher is None


@pytest.mark.parametrize(
    "code",
    ["PIZZA/10%", "..%2F..%2Fpromotions", "A?code=ACTIEF0001&x", "☕️KOFFIE🎉", "שובר-חינם-1"],
)
async def test_a_code_with_odd_characters_is_asked_about_verbatim(
    counter: Counter, code: str
) -> None:
    async with PiggyClient(counter.sandbox.base_url, counter.sandbox.token) as piggy:
        await piggy.vouchers.create(
            KNOWN.PROMOTION_SINGLE_USE, code=code, contact_uuid=KNOWN.CONTACT_UUID
        )
    before = counter.sandbox.stats()["requests"]
    if code.isascii():
        counter.type_scan(code)
    else:  # QTest cannot type these (it aborts); a paste or an IME puts them in the field
        counter.screen.scan_input.setText(code)
        QTest.keyClick(counter.screen.scan_input, Qt.Key.Key_Return)
    await until(lambda: counter.screen.view.voucher is not None, what="the voucher")
    await counter.settle()
    # One find, for exactly this code: not a path, not a query of someone else's voucher.
    assert counter.sandbox.stats()["requests"] == before + 1
    assert counter.screen.view.voucher is not None
    assert counter.screen.view.voucher.code == code
    assert counter.last_notice.sentence == "Valid. Press Enter to redeem."


@pytest.mark.parametrize("code", ["../vouchers", "NIET/BESTAAND%", "🙂🙃", "\u202eTERUG\u202c"])
async def test_an_unknown_odd_code_says_not_found(counter: Counter, code: str) -> None:
    before = counter.sandbox.stats()["requests"]
    counter.screen.scan_input.setText(code)  # QTest cannot type every one of these
    QTest.keyClick(counter.screen.scan_input, Qt.Key.Key_Return)
    await until(lambda: counter.notices, what="a sentence")
    await counter.settle()
    shown = code.replace("\u202e", "").replace("\u202c", "")  # direction marks are dropped
    if shown == shown.upper():
        assert counter.last_notice.sentence == f"No voucher with the code “{shown}” was found."
        assert counter.sandbox.stats()["requests"] == before + 1
    else:  # lower-case letters: tried once more in capitals (issue 15), and said
        assert counter.last_notice.sentence == (
            f"No voucher with the code “{shown}” was found, nor with “{shown.upper()}”, "
            "in capitals."
        )
        assert counter.sandbox.stats()["requests"] == before + 2
    assert counter.sandbox.voucher_state(KNOWN.ACTIVE_WITH_CONTACT)["status"] == "ACTIVE"


async def test_a_300_character_email_for_a_voucher_without_customer(counter: Counter) -> None:
    await counter.scan(KNOWN.ACTIVE_NO_CONTACT)
    counter.screen.redeem_button.click()
    await until(
        lambda: counter.screen.view.stage == Stage.NEEDS_CONTACT, what="asked for a customer"
    )
    await counter.settle()
    before = counter.sandbox.stats()["requests"]
    heard = len(counter.notices)
    email = "k" * 280 + "@example.com" + "x" * 8
    assert len(email) == 300
    counter.screen.contact_input.setText(email)
    QTest.keyClick(counter.screen.contact_input, Qt.Key.Key_Return)
    await until(lambda: len(counter.notices) > heard, what="a sentence")
    await counter.settle()
    sentence = counter.last_notice.sentence
    assert _is_sentence(sentence) and "e-mail address is too long" in sentence, sentence
    assert counter.sandbox.stats()["requests"] == before  # refused before sending
    # Still waiting for a customer, the voucher still reserved for this counter only.
    assert counter.screen.view.stage == Stage.NEEDS_CONTACT
    assert counter.sandbox.voucher_state(KNOWN.ACTIVE_NO_CONTACT)["redemptions_used"] == 0
    counter.press(Qt.Key.Key_Escape)
    await until(lambda: counter.screen.view.stage == Stage.SHOWING, what="cancelled")
    await counter.settle()
    assert counter.sandbox.voucher_state(KNOWN.ACTIVE_NO_CONTACT)["status"] == "ACTIVE"
