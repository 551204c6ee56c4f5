"""The counter window against the sandbox: scanning as a scanner does, and the card."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from piggy_desk.notices import Tone
from piggy_desk.sandbox import KNOWN
from tests.ui.conftest import Counter, until


@pytest.mark.parametrize(
    ("code", "word"),
    [
        (KNOWN.ACTIVE_WITH_CONTACT, "Valid"),
        (KNOWN.REDEEMED, "Already used"),
        (KNOWN.EXPIRED, "Expired"),
        (KNOWN.DEACTIVATED, "Switched off"),
        (KNOWN.INACTIVE, "Not valid yet"),
        (KNOWN.LOCKED, "In use at another counter"),
    ],
)
async def test_each_status_shows_on_the_card(counter: Counter, code: str, word: str) -> None:
    await counter.scan(code)
    card = counter.screen.card
    assert card.status.word == word
    assert card.code.text() == code
    assert card.title.text()
    assert counter.screen.redeem_button.isEnabled() == (word == "Valid")
    assert counter.last_notice.tone == (Tone.INFO if word == "Valid" else Tone.REFUSAL)
    assert counter.sounds[-1:] == ([] if word == "Valid" else ["refusal"])


async def test_the_card_shows_what_the_cashier_needs(counter: Counter) -> None:
    await counter.scan(KNOWN.WITH_PLU)
    card = counter.screen.card
    assert "plu: ABC12" in card.field_text("attributes")
    assert card.field_text("contact") == KNOWN.CONTACT_EMAIL
    assert "(in " in card.field_text("expires")  # a relative hint next to the local time
    assert "ago)" in card.field_text("valid_from")
    await counter.scan(KNOWN.ACTIVE_NO_CONTACT)
    assert card.field_text("contact") == "No customer yet"
    await counter.scan(KNOWN.REDEEMED)
    assert card.field_text("redeemed")
    await counter.scan(KNOWN.MULTI_USE)
    assert card.field_text("uses") == "10"  # shown because Piggy sends redemptions_per_voucher


async def test_an_unknown_code_says_so(counter: Counter) -> None:
    counter.type_scan("NOPE-404")
    await until(lambda: counter.notices)
    await counter.settle()
    assert counter.last_notice.tone == Tone.REFUSAL
    assert counter.last_notice.sentence == "No voucher with the code “NOPE-404” was found."
    assert counter.screen.banner.text == counter.last_notice.sentence
    assert counter.screen.banner.tone == Tone.REFUSAL


async def test_a_scan_lands_in_the_scan_field_whatever_has_focus(counter: Counter) -> None:
    await counter.scan(KNOWN.REDEEMED)
    reverse = counter.screen.reverse_button
    reverse.setFocus()
    await until(lambda: QApplication.focusWidget() is reverse)
    counter.type_scan(KNOWN.ACTIVE_WITH_CONTACT)
    await counter.until_on_card(KNOWN.ACTIVE_WITH_CONTACT)
    await counter.settle()
    # The scanner's Enter did not press the focused Reverse button.
    assert not counter.window.findChildren(type(counter.window).__mro__[0], "reverseConfirmation")
    assert counter.sandbox.voucher_state(KNOWN.REDEEMED)["status"] == "REDEEMED"
    assert QApplication.focusWidget() is counter.screen.scan_input


async def test_a_scanner_that_ends_with_tab(counter: Counter) -> None:
    counter.type_scan(KNOWN.EXPIRED, terminator=Qt.Key.Key_Tab)
    await until(lambda: counter.screen.view.voucher is not None)
    assert counter.screen.view.voucher is not None
    assert counter.screen.view.voucher.code == KNOWN.EXPIRED
    assert QApplication.focusWidget() is counter.screen.scan_input


async def test_control_characters_and_spaces_from_a_scanner_are_stripped(counter: Counter) -> None:
    counter.screen.scan_input.setText(f"  \x02{KNOWN.EXPIRED}\x03 ")
    counter.screen.submit_scan_field()
    await until(lambda: counter.screen.view.voucher is not None)
    await counter.settle()
    assert counter.screen.view.voucher is not None
    assert counter.screen.view.voucher.code == KNOWN.EXPIRED


async def test_a_huge_paste_gets_a_sentence_and_sends_nothing(counter: Counter) -> None:
    before = counter.sandbox.stats()["requests"]
    counter.screen.scan_input.setText("X" * 5_000_000)
    counter.screen.submit_scan_field()
    await until(lambda: counter.notices)
    assert "too long" in counter.last_notice.sentence
    assert counter.sandbox.stats()["requests"] == before
    assert counter.screen.scan_input.text() == ""


async def test_the_same_scan_twice_counts_once(counter: Counter) -> None:
    before = counter.sandbox.stats()["requests"]
    counter.type_scan(KNOWN.EXPIRED)
    counter.type_scan(KNOWN.EXPIRED)
    await until(lambda: counter.screen.view.voucher is not None)
    await counter.settle()
    assert counter.sandbox.stats()["requests"] == before + 1
    assert counter.screen.view.recent_codes == (KNOWN.EXPIRED,)


async def test_a_burst_of_scans_while_piggy_is_slow_loses_none_and_keeps_order(
    counter: Counter,
) -> None:
    page = await counter.window.client.vouchers.list(limit=20)
    codes = [voucher.code for voucher in page.items]
    counter.sandbox.inject("latency", seconds=0.1, count=40, path="/vouchers/find")
    for code in codes:
        counter.type_scan(code)
    assert counter.screen.view.waiting_scans > 0
    await until(lambda: counter.screen.waiting_label.text() != "", what="the scans waiting shown")
    assert "waiting" in counter.screen.waiting_label.text()
    await until(lambda: len(counter.screen.view.recent_codes) == 20, timeout=20)
    await counter.settle()
    assert counter.screen.waiting_label.text() == ""
    assert list(reversed(counter.screen.view.recent_codes)) == codes
    assert counter.screen.view.voucher is not None
    assert counter.screen.view.voucher.code == codes[-1]
    assert counter.sandbox.stats()["requests"] >= 20


async def test_the_window_fits_a_screen_smaller_than_its_first_size(counter: Counter) -> None:
    """The offscreen screen is 800×800, smaller than the first size (1100×820), as a
    1366×768 counter screen is smaller than 820 high: the window takes the screen's room,
    leaving space for a title bar, and the counter still works in it."""
    window = counter.window
    room = window.screen().availableGeometry()
    assert (window.width(), window.height()) == (1100, 820)
    window.fit_to_screen()
    QApplication.processEvents()
    # (800 is narrower than the counter's least width, 825: no counter screen is.)
    assert window.width() <= max(room.width(), window.minimumSizeHint().width())
    assert window.height() < room.height()
    assert window.geometry().top() >= room.top() and window.geometry().left() >= room.left()
    await counter.scan(KNOWN.ACTIVE_WITH_CONTACT)
    assert counter.screen.card.status.word == "Valid"
