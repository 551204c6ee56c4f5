"""What the counter's card says must be what happened (issue 15): the real window against
the sandbox over loopback, judged by what the cashier reads and by the sandbox's state."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QLocale, Qt
from PySide6.QtGui import QAccessible
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMessageBox, QPushButton

from piggy_desk.api import PiggyClient
from piggy_desk.counter.flow import PARTIAL_REVERSE, Stage
from piggy_desk.counter.journal import Action, Journal
from piggy_desk.notices import Tone
from piggy_desk.sandbox import KNOWN, RunningSandbox
from piggy_desk.ui.core.i18n import date_time_text, time_text
from piggy_desk.ui.shell.main_window import MainWindow
from tests.ui.conftest import Counter, close, enter, past_the_guard, start_and_hear, until


async def test_a_redemption_just_made_reads_as_done_not_as_already_used(counter: Counter) -> None:
    code = KNOWN.ACTIVE_WITH_CONTACT
    await counter.scan(code)
    await enter(counter, Stage.CONFIRMING)
    await enter(counter, Stage.SHOWING)
    assert counter.last_notice.tone == Tone.SUCCESS
    assert counter.sandbox.voucher_state(code)["status"] == "REDEEMED"
    badge = counter.screen.card.status
    assert badge.word == "Redeemed just now"
    assert badge.property("tone") == "good"  # the success colour, as the banner's
    assert "Redeemed just now" in counter.screen.card.accessibleName()
    # The same voucher scanned later is one someone already used.
    await counter.scan(KNOWN.EXPIRED)
    await counter.scan(code)
    assert badge.word == "Already used"
    assert badge.property("tone") == "neutral"


async def _redeem(counter: Counter, code: str, times: int) -> None:
    await counter.scan(code)
    await enter(counter, Stage.CONFIRMING)
    counter.screen.multi_count.setValue(times)
    await enter(counter)


async def test_a_multi_use_voucher_shows_the_uses_made_here_and_reverses_one(
    counter: Counter,
) -> None:
    code = KNOWN.MULTI_USE  # 10 uses per voucher
    await _redeem(counter, code, 3)
    assert counter.sandbox.voucher_state(code)["redemptions_used"] == 3
    card, screen = counter.screen.card, counter.screen
    # Scanned again later: Piggy's answer has no count of uses left, the journal has ours.
    await counter.scan(KNOWN.EXPIRED)
    await counter.scan(code)
    assert card.field_text("uses") == "10"
    assert card.field_text("used_here") == "3 (this counter's journal)"
    assert card.field_text("left") == "at most 7 (other counters' uses are not known here)"
    assert screen.reverse_button.isVisible()
    assert screen.reverse_button.text() == "Reverse one use…"
    # The Uses box is bounded by what is known: 20 cannot be asked for.
    await enter(counter, Stage.CONFIRMING)
    assert screen.multi_count.maximum() == 7
    screen.multi_count.setValue(20)
    assert screen.multi_count.value() == 7
    counter.press(Qt.Key.Key_Escape)
    await until(lambda: screen.view.stage == Stage.SHOWING)
    await counter.settle()
    # Reverse gives one use back, and says so first.
    screen.reverse_button.click()
    box = screen.findChild(QMessageBox, "reverseConfirmation")
    assert box is not None and "one use" in box.text()
    box.button(QMessageBox.StandardButton.Yes).click()
    await until(lambda: counter.sandbox.voucher_state(code)["redemptions_used"] == 2)
    await counter.settle()
    assert counter.last_notice.tone == Tone.SUCCESS
    assert card.field_text("used_here") == "3 made, 1 reversed (this counter's journal)"
    assert card.field_text("left") == "at most 8 (other counters' uses are not known here)"


async def test_the_count_piggy_gives_in_a_refusal_is_shown_and_bounds_the_uses(
    counter: Counter,
) -> None:
    code = KNOWN.MULTI_USE_ONE_LEFT
    await _redeem(counter, code, 2)
    screen = counter.screen
    assert screen.view.stage == Stage.CONFIRMING
    assert counter.last_notice.tone == Tone.REFUSAL
    left = screen.card.field_text("left")
    assert left.startswith("1, as Piggy said at "), left
    assert screen.multi_count.maximum() == 1
    assert screen.multi_count.value() == 1
    await enter(counter, Stage.SHOWING)
    assert counter.sandbox.voucher_state(code)["status"] == "REDEEMED"
    assert screen.card.status.word == "Redeemed just now"


async def test_one_use_reversed_with_its_answer_lost_is_not_claimed(counter: Counter) -> None:
    code = KNOWN.MULTI_USE
    await _redeem(counter, code, 2)
    screen = counter.screen
    counter.sandbox.inject("drop", path="/reverse", after_commit=True)
    screen.reverse_button.click()
    box = screen.findChild(QMessageBox, "reverseConfirmation")
    assert box is not None
    box.button(QMessageBox.StandardButton.Yes).click()
    await until(lambda: counter.sandbox.voucher_state(code)["redemptions_used"] == 1)
    await counter.settle()
    # Piggy gave the use back, but its answers cannot show it: the counter must not guess.
    assert counter.last_notice.tone == Tone.ERROR
    assert "cannot be told" in counter.last_notice.sentence
    # Nor offer it again: a second reverse could give back another use.
    assert not screen.reverse_button.isVisible()
    assert screen.card.field_text("used_here") == (
        "2 (this counter's journal); the answer to one more was lost"
    )


async def test_one_use_reversed_by_a_run_that_was_killed_is_not_claimed_at_the_next_start(
    make_window: Callable[..., MainWindow], sandbox: RunningSandbox, tmp_path: Path
) -> None:
    data = tmp_path / "killed"
    code = KNOWN.MULTI_USE
    # What a run killed right after sending the reverse of one use leaves: a pending entry,
    # while Piggy did give the use back. Its answers say ACTIVE either way.
    async with PiggyClient(sandbox.base_url, sandbox.token) as client:
        voucher = await client.vouchers.find(code)
        await client.vouchers.multi_redeem(code, 2, shop_uuid=KNOWN.SHOP_UUID)
        journal = Journal.in_folder(data)
        journal.begin(Action.REVERSE, code=code, voucher_uuid=voucher.uuid, detail=PARTIAL_REVERSE)
        await client.vouchers.reverse(voucher.uuid)
        journal.close()
    window = make_window(data_dir=data)
    person = await start_and_hear(window, sandbox)
    said = person.last_notice.sentence
    assert said.startswith("At start:")
    assert f"It cannot be told whether one use of voucher “{code}” was given back" in said
    assert "was reversed" not in said
    await close(window)


async def test_one_scan_waiting_leaves_the_recent_scans_whole(counter: Counter) -> None:
    screen = counter.screen
    for code in (KNOWN.EXPIRED, KNOWN.REDEEMED, KNOWN.DEACTIVATED, KNOWN.INACTIVE):
        await counter.scan(code)
    await counter.scan(KNOWN.ACTIVE_WITH_CONTACT)
    await enter(counter, Stage.CONFIRMING)
    width = screen.recent.viewport().width()
    counter.type_scan(KNOWN.LOCKED)  # waits behind the voucher being confirmed
    await until(lambda: screen.waiting_label.text() == "1 scan waiting")
    await asyncio.sleep(0.05)
    assert screen.waiting_label.isVisible()
    assert not screen.recent.horizontalScrollBar().isVisible()
    assert screen.recent.viewport().width() == width
    shown = screen.recent.viewport().rect()
    for row in range(screen.recent.count()):
        item = screen.recent.item(row)
        place = screen.recent.visualItemRect(item)
        needed = screen.recent.fontMetrics().horizontalAdvance(item.text())
        assert place.width() >= needed, item.text()  # never cut off
        assert place.right() <= shown.right(), item.text()
    counter.press(Qt.Key.Key_Escape)
    await counter.settle()


async def test_recent_scans_tell_each_outcome_and_show_that_voucher_again(
    counter: Counter,
) -> None:
    screen = counter.screen
    started = datetime.now(UTC)
    await counter.scan(KNOWN.EXPIRED)
    counter.type_scan("NOSUCHCODE")
    await until(lambda: "No voucher" in counter.last_notice.sentence)
    await counter.settle()
    await counter.scan(KNOWN.ACTIVE_WITH_CONTACT)
    await enter(counter, Stage.CONFIRMING)
    await enter(counter, Stage.SHOWING)
    texts = [screen.recent.item(row).text() for row in range(screen.recent.count())]
    clocks = {time_text(started), time_text(datetime.now(UTC))}  # a minute may turn
    assert [text.rsplit(" · ", 1)[0] for text in texts] == [
        f"{KNOWN.ACTIVE_WITH_CONTACT} · Redeemed here",
        "NOSUCHCODE · Not found",
        f"{KNOWN.EXPIRED} · Expired",
    ]
    assert {text.rsplit(" · ", 1)[1] for text in texts} <= clocks
    assert all(not screen.recent.item(row).icon().isNull() for row in range(3))
    # Choosing one shows that voucher again (found anew: Piggy's answer now).
    place = screen.recent.visualItemRect(screen.recent.item(2))
    QTest.mouseClick(
        screen.recent.viewport(),
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
        place.center(),
    )
    await until(
        lambda: screen.view.voucher is not None and screen.view.voucher.code == KNOWN.EXPIRED
    )
    await counter.settle()
    assert screen.card.status.word == "Expired"
    assert QApplication.focusWidget() is screen.scan_input  # the next scan still lands there


async def test_the_recent_scans_list_follows_each_scan_past_the_twentieth(
    counter: Counter,
) -> None:
    """Each scan adds one item in front (and the oldest goes past the twentieth), a
    redemption changes the newest: the list must read as the scans did, in order."""
    screen = counter.screen
    page = await counter.window.client.vouchers.list(limit=23)
    codes = [voucher.code for voucher in page.items]

    def listed() -> list[tuple[str, str]]:
        items = [screen.recent.item(row) for row in range(screen.recent.count())]
        return [
            (item.data(Qt.ItemDataRole.UserRole), item.text().split(" · ")[1]) for item in items
        ]

    for shown, code in enumerate(codes, start=1):
        await counter.scan(code)
        assert [code for code, _ in listed()] == list(reversed(codes))[-shown:][:20]
    assert len(listed()) == 20
    await counter.scan(KNOWN.ACTIVE_WITH_CONTACT)
    await enter(counter, Stage.CONFIRMING)
    await enter(counter, Stage.SHOWING)
    assert listed()[0] == (KNOWN.ACTIVE_WITH_CONTACT, "Redeemed here")
    assert [code for code, _ in listed()[1:]] == list(reversed(codes))[:19]
    assert [code for code, _ in listed()] == list(screen.view.recent_codes)
    assert all(not screen.recent.item(row).icon().isNull() for row in range(20))


async def test_a_name_in_the_customer_field_is_not_taken_for_a_card_and_nothing_is_retyped(
    counter: Counter,
) -> None:
    screen, sandbox = counter.screen, counter.sandbox
    await counter.scan(KNOWN.ACTIVE_NO_CONTACT)
    await enter(counter, Stage.NEEDS_CONTACT)
    before = sandbox.stats()["requests"]
    counter.type_scan("Anna de Vries")
    await until(lambda: "Anna de Vries" in counter.last_notice.sentence)
    await counter.settle()
    said = counter.last_notice.sentence
    assert counter.last_notice.tone == Tone.REFUSAL
    assert said.startswith("“Anna de Vries” is neither an e-mail address nor a loyalty card")
    assert "e-mail address (like name@example.com) or scan their loyalty card" in said
    assert sandbox.stats()["requests"] == before  # nothing was looked up
    # What was typed stays (a typo is corrected, not retyped), selected: a scan replaces it.
    assert screen.contact_input.text() == "Anna de Vries"
    assert screen.contact_input.selectedText() == "Anna de Vries"
    counter.type_scan("nobody@example.nl")
    await until(lambda: "No customer" in counter.last_notice.sentence)
    await counter.settle()
    assert screen.contact_input.text() == "nobody@example.nl"
    # The customer found is on the card too, not "No customer yet" beside the question.
    counter.type_scan(KNOWN.CARD)
    await until(lambda: screen.view.stage == Stage.CONFIRMING)
    await counter.settle()
    assert KNOWN.CONTACT_EMAIL in screen.confirm_text.text()
    assert screen.card.field_text("contact") == (
        f"{KNOWN.CONTACT_EMAIL} (chosen for this redemption)"
    )
    await enter(counter, Stage.SHOWING)
    assert sandbox.voucher_state(KNOWN.ACTIVE_NO_CONTACT)["contact_uuid"] == KNOWN.CONTACT_UUID
    assert screen.contact_input.text() == ""


async def test_the_uses_go_up_and_down_with_the_arrow_keys_while_scans_still_land(
    counter: Counter,
) -> None:
    screen = counter.screen
    await counter.scan(KNOWN.MULTI_USE)
    await enter(counter, Stage.CONFIRMING)
    assert QApplication.focusWidget() is screen.scan_input  # a scan must still land there
    assert screen.multi_label.text() == "Uses (↑ ↓):"
    counter.press(Qt.Key.Key_Up)
    counter.press(Qt.Key.Key_Up)
    assert screen.multi_count.value() == 3
    counter.press(Qt.Key.Key_Down)
    assert screen.multi_count.value() == 2
    await enter(counter, Stage.SHOWING)
    assert counter.sandbox.voucher_state(KNOWN.MULTI_USE)["redemptions_used"] == 2


async def test_find_customer_reads_as_large_as_cancel(counter: Counter) -> None:
    screen = counter.screen
    await counter.scan(KNOWN.ACTIVE_NO_CONTACT)
    await enter(counter, Stage.NEEDS_CONTACT)
    find, cancel = screen.contact_find, screen.contact_cancel
    assert find.fontInfo().pixelSize() == cancel.fontInfo().pixelSize()


async def test_the_card_stays_in_place_when_a_refusal_brings_details(counter: Counter) -> None:
    screen = counter.screen
    await counter.scan(KNOWN.ACTIVE_WITH_CONTACT)  # "Valid. Press Enter…", no Details
    assert not screen.banner.findChild(QPushButton, "detailsButton").isVisible()
    top, banner = screen.card.geometry().top(), screen.banner.height()
    counter.type_scan("NOSUCHCODE")  # refused, with Details…
    await until(lambda: "No voucher" in counter.last_notice.sentence)
    await counter.settle()
    await asyncio.sleep(0.05)
    assert screen.banner.findChild(QPushButton, "detailsButton").isVisible()
    assert screen.banner.height() == banner
    assert screen.card.geometry().top() == top


async def test_a_code_typed_in_lower_case_is_tried_once_in_capitals_and_said(
    counter: Counter,
) -> None:
    screen, sandbox = counter.screen, counter.sandbox
    counter.type_scan("actief0001")
    await until(lambda: screen.view.voucher is not None, what="the voucher in capitals")
    await counter.settle()
    assert screen.view.voucher is not None
    assert screen.view.voucher.code == KNOWN.ACTIVE_WITH_CONTACT
    assert counter.last_notice.sentence.startswith(
        "No voucher with the code “actief0001”: found “ACTIEF0001”, in capitals."
    )
    # Not found either way: tried once, and said so.
    before = sandbox.stats()["requests"]
    counter.type_scan("nergens01")
    await until(lambda: any("nergens01" in n.sentence for n in counter.notices))
    await counter.settle()
    assert sandbox.stats()["requests"] == before + 2
    assert counter.last_notice.sentence == (
        "No voucher with the code “nergens01” was found, nor with “NERGENS01”, in capitals."
    )


async def test_codes_are_quoted_in_sentences(counter: Counter) -> None:
    counter.type_scan("HELLO WORLD /?&%")
    await until(lambda: any("HELLO WORLD" in n.sentence for n in counter.notices))
    await counter.settle()
    assert counter.last_notice.sentence == "No voucher with the code “HELLO WORLD /?&%” was found."


async def test_dates_have_four_digit_years_where_the_locale_writes_two(
    counter: Counter,
) -> None:
    # What the C/POSIX locale gives the program: English with two-digit US dates.
    before = QLocale()
    QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
    try:
        await counter.scan(KNOWN.ACTIVE_WITH_CONTACT)
        voucher = counter.screen.view.voucher
        assert voucher is not None and voucher.expiration_date is not None
        year = voucher.expiration_date.astimezone().year
        expires = counter.screen.card.field_text("expires")
        assert f"/{year} " in expires, expires
        assert date_time_text(voucher.expiration_date, full_year=True).count(str(year)) == 1
    finally:
        QLocale.setDefault(before)


async def test_a_date_shown_again_follows_the_locale(counter: Counter) -> None:
    """The card keeps the texts of the dates it showed (the same few come back voucher
    after voucher): shown again in another locale, a date is written as that locale does."""
    before = QLocale()
    try:
        QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
        await counter.scan(KNOWN.ACTIVE_WITH_CONTACT)
        voucher = counter.screen.view.voucher
        assert voucher is not None and voucher.expiration_date is not None
        english = counter.screen.card.field_text("expires")
        QLocale.setDefault(QLocale(QLocale.Language.Dutch, QLocale.Country.Netherlands))
        counter.screen.card.show_voucher(voucher)
        dutch = counter.screen.card.field_text("expires")
        local = voucher.expiration_date.astimezone()
        assert f"{local.month}/{local.day}/{local.year}" in english, english
        assert f"{local.day:02}-{local.month:02}-{local.year}" in dutch, dutch
    finally:
        QLocale.setDefault(before)


async def test_a_redemption_stopped_by_closing_is_not_shown_as_going_on(counter: Counter) -> None:
    """Seen on Xvfb: Piggy slow to answer a redeem, the window closed (Ctrl+Q): for the
    seconds the release at close took, the window still said "Redeeming…", which had
    stopped. It says what is true: closing, and that the next start checks the voucher."""
    code = KNOWN.ACTIVE_WITH_CONTACT
    await counter.scan(code)
    await enter(counter, Stage.CONFIRMING)
    counter.sandbox.inject("latency", seconds=3, path="/vouchers/redeem", method="POST")
    counter.press(Qt.Key.Key_Return)
    await until(lambda: counter.screen.view.busy == "Redeeming…", what="the redeem on its way")
    await until(counter.screen.busy_label.isVisible, what="Redeeming… shown")
    shown: list[str] = []
    counter.window.controller.view_changed.connect(lambda view: shown.append(view.busy or ""))
    counter.window.close()
    await until(lambda: not counter.window.isVisible(), what="the window to close")
    assert shown and shown[-1] == "Closing…"  # (still busy: nothing can be confirmed)
    assert counter.screen.busy_label.text() == "Closing…"
    assert counter.last_notice.sentence == (
        f"The redemption of “{code}” was stopped before Piggy answered; "
        "the next start checks whether it went through."
    )
    assert counter.screen.banner.text == counter.last_notice.sentence


@pytest.mark.parametrize("redeeming", [True, False], ids=["redeem-in-flight", "question-asked"])
async def test_a_counter_closing_no_longer_asks_counts_down_or_offers_cancel(
    counter: Counter, redeeming: bool
) -> None:
    """Seen on Xvfb: the window closed while a redeem waited for a slow Piggy: for the
    seconds the release at close took, "Closing…" stood under the confirm question, the
    reservation's countdown (stopped) and Cancel, which could still be clicked. While the
    counter closes nothing is asked, counted down or offered; a redeem stopped by closing
    leaves the voucher's status not known (the next start checks it), an unanswered
    question is cancelled and leaves the voucher as it was. (A multi-use voucher used here
    once: Reverse one use… is offered beside it, but not while the counter closes.)"""
    code = KNOWN.MULTI_USE
    await _redeem(counter, code, 1)
    await counter.scan(KNOWN.EXPIRED)
    await counter.scan(code)
    screen = counter.screen
    assert screen.reverse_button.isVisible()
    await enter(counter, Stage.CONFIRMING)
    counter.sandbox.inject("latency", seconds=3, path="/release", method="POST")
    if redeeming:
        counter.sandbox.inject("latency", seconds=5, path="/vouchers/redeem", method="POST")
        counter.press(Qt.Key.Key_Return)
        await until(lambda: screen.view.busy == "Redeeming…", what="the redeem on its way")
    counter.window.close()
    await until(lambda: screen.view.busy == "Closing…", what="closing")
    await asyncio.sleep(0.3)  # (the release at close is on its way, for 3 s)
    assert counter.window.isVisible()
    assert not screen.confirm_panel.isVisible()
    assert not screen.cancel_button.isVisible() and not screen.confirm_button.isVisible()
    assert not screen.countdown_label.isVisible()
    assert not screen.redeem_button.isEnabled() and not screen.reverse_button.isVisible()
    assert screen.card.status.word == ("Not checked" if redeeming else "Valid")
    assert screen.banner.text == (
        f"The redemption of “{code}” was stopped before Piggy answered; "
        "the next start checks whether it went through."
        if redeeming
        else "Cancelled. The voucher was not redeemed."  # not "Press Enter to confirm …"
    )
    used_here, left = screen.card.field_text("used_here"), screen.card.field_text("left")
    if redeeming:  # one more use may have been made
        assert used_here == "1 (this counter's journal); the answer to one more was lost"
        assert left == ""
    else:
        assert used_here == "1 (this counter's journal)"
        assert left.startswith("at most 9")
    await until(lambda: not counter.window.isVisible(), what="the window to close")


async def _refused_as_it_is_looked_up_again(counter: Counter, code: str, **fault: Any) -> None:
    """``code`` redeemed after Piggy has switched it off (it was held here): Piggy refuses,
    and the look-up that follows the refusal takes 3 s (or meets the sandbox's ``fault``)."""
    await counter.scan(code)
    await enter(counter, Stage.CONFIRMING)

    def deactivate(state: Any) -> None:
        state.voucher_by_code(code).deactivated = True

    counter.sandbox.with_state(deactivate)
    fault = fault or {"kind": "latency", "seconds": 3}
    counter.sandbox.inject(**fault, path="/vouchers/find", method="GET")
    counter.press(Qt.Key.Key_Return)
    await until(lambda: counter.last_notice.tone == Tone.REFUSAL, what="Piggy's refusal")


async def test_a_redemption_piggy_refused_is_not_said_stopped_by_closing(counter: Counter) -> None:
    """Piggy refused the redeem (the voucher deactivated meanwhile) and the counter is still
    looking the voucher up again when the window closes: Piggy did answer, and the journal's
    entry is closed as refused, so "stopped before Piggy answered; the next start checks" would
    be untrue. The refusal stays what the cashier reads."""
    await _refused_as_it_is_looked_up_again(counter, KNOWN.ACTIVE_WITH_CONTACT)
    refusal = counter.last_notice.sentence
    counter.window.close()
    await until(lambda: not counter.window.isVisible(), what="the window to close")
    assert counter.last_notice.sentence == refusal
    assert counter.screen.banner.text == refusal


async def test_a_refused_redemption_does_not_still_ask_while_the_voucher_is_looked_up(
    counter: Counter,
) -> None:
    """Piggy refused the redeem and the reservation was given back; while the voucher is
    looked up again (slow here), the counter no longer asks to redeem it, counts down a
    reservation it has given back, or says "Redeeming…"."""
    code = KNOWN.ACTIVE_WITH_CONTACT
    await _refused_as_it_is_looked_up_again(counter, code)
    assert counter.sandbox.voucher_state(code)["lock"] is None  # given back
    screen = counter.screen
    assert not screen.confirm_panel.isVisible()
    assert screen.busy_label.isHidden() or screen.busy_label.text() != "Redeeming…"
    assert screen.view.busy == "Checking the voucher…"
    await until(lambda: screen.view.busy is None, what="the voucher looked up again")
    assert screen.view.stage == Stage.SHOWING
    assert screen.banner.text == "This voucher has been switched off."


async def test_a_refused_redemption_shows_the_voucher_as_it_now_is_in_the_recent_scans(
    counter: Counter,
) -> None:
    """Piggy refused the redeem (the voucher switched off while this counter held it) and the
    look-up after it found the voucher switched off: the recent scans, seen and heard, say so,
    not "Valid" as at the scan (a reviewer saw the card say "Switched off" beside a "Valid")."""
    code = KNOWN.ACTIVE_WITH_CONTACT
    await counter.scan(KNOWN.EXPIRED)
    await _refused_as_it_is_looked_up_again(counter, code)
    screen = counter.screen
    await until(lambda: screen.view.busy is None, what="the voucher looked up again")
    await counter.settle()
    assert screen.card.status.word == "Switched off"
    shown, heard = _recent_rows(counter)
    assert shown == [f"{code} · Switched off", f"{KNOWN.EXPIRED} · Expired"]
    assert heard[0].startswith(f"{code} · Switched off · ")
    assert not any("Valid" in said for said in heard)


def _recent_rows(counter: Counter) -> tuple[list[str], list[str]]:
    """The recent scans as shown (without their times) and as a screen reader hears them."""
    recent = counter.screen.recent
    shown = [recent.item(row).text().rsplit(" · ", 1)[0] for row in range(recent.count())]
    listed = QAccessible.queryAccessibleInterface(recent)
    assert listed is not None
    heard = [listed.child(row).text(QAccessible.Text.Name) for row in range(listed.childCount())]
    return shown, heard


async def test_a_refused_voucher_is_not_shown_valid_while_it_is_looked_up_again(
    counter: Counter,
) -> None:
    """Piggy refused the redeem (the voucher switched off while held here): until the look-up
    after it answers, the card's badge says the voucher is being checked, not "Valid", which
    Piggy has just contradicted (seen and heard: the card's accessible name too)."""
    await _refused_as_it_is_looked_up_again(counter, KNOWN.ACTIVE_WITH_CONTACT)
    card = counter.screen.card
    assert counter.screen.view.busy == "Checking the voucher…"
    assert card.status.word == "Checking…"
    assert "Status: Checking…" in card.accessibleName()
    await until(lambda: counter.screen.view.busy is None, what="the voucher looked up again")
    assert card.status.word == "Switched off"


async def test_a_refused_voucher_that_cannot_be_looked_up_again_is_shown_not_checked(
    counter: Counter,
) -> None:
    """Piggy refused the redeem and the look-up after it failed (no connection): what the
    voucher is now is not known, and neither the card nor its recent scan says "Valid"."""
    code = KNOWN.ACTIVE_WITH_CONTACT
    await counter.scan(KNOWN.EXPIRED)
    await _refused_as_it_is_looked_up_again(counter, code, kind="drop", count=10)
    await counter.settle()
    screen = counter.screen
    assert "This voucher has been switched off." in [notice.sentence for notice in counter.notices]
    assert screen.card.status.word == "Not checked"
    assert "Status: Not checked" in screen.card.accessibleName()
    shown, heard = _recent_rows(counter)
    assert shown == [f"{code} · Not checked", f"{KNOWN.EXPIRED} · Expired"]
    assert not any("Valid" in said for said in heard)


async def test_a_voucher_refused_its_reservation_is_not_shown_valid_while_looked_up_again(
    counter: Counter,
) -> None:
    """Switched off in Piggy after the scan: Enter, Piggy refuses the lock, and the card does
    not say "Valid" until the look-up after it answers."""
    code = KNOWN.ACTIVE_WITH_CONTACT
    await counter.scan(code)
    await past_the_guard(counter.screen._last_scan_at)

    def deactivate(state: Any) -> None:
        state.voucher_by_code(code).deactivated = True

    counter.sandbox.with_state(deactivate)
    counter.sandbox.inject("latency", seconds=3, path="/vouchers/find", method="GET")
    counter.press(Qt.Key.Key_Return)
    await until(lambda: counter.last_notice.tone == Tone.REFUSAL, what="Piggy's refusal")
    assert counter.screen.card.status.word == "Checking…"
    await until(lambda: counter.screen.view.busy is None, what="the voucher looked up again")
    assert counter.screen.card.status.word == "Switched off"
