"""The redemption flow through the real window: keys and buttons as a cashier uses them,
the sandbox's state and the journal as the proof."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMessageBox

from piggy_desk.api import PiggyClient, VoucherStatus
from piggy_desk.counter.flow import Stage
from piggy_desk.counter.journal import Action, Journal, Outcome
from piggy_desk.notices import Tone
from piggy_desk.sandbox import KNOWN, RunningSandbox
from piggy_desk.ui.shell.main_window import MainWindow
from tests.ui.conftest import Counter, close, enter, question_read, start_and_hear, until


def journal_rows(counter: Counter) -> list[tuple[str, str]]:
    entries = counter.window.journal.entries_between(
        __import__("datetime").datetime.min.replace(tzinfo=__import__("datetime").UTC),
        __import__("datetime").datetime.max.replace(tzinfo=__import__("datetime").UTC),
    )
    return [(e.action.value, e.outcome.value) for e in reversed(entries)]


async def test_enter_locks_then_enter_redeems(counter: Counter) -> None:
    code = KNOWN.ACTIVE_WITH_CONTACT
    await counter.scan(code)
    await enter(counter, Stage.CONFIRMING)
    assert counter.sandbox.voucher_state(code)["status"] == "LOCKED"
    assert counter.screen.confirm_panel.isVisible()
    assert "Reserved for this counter for 59:" in counter.screen.countdown_label.text()
    await enter(counter, Stage.SHOWING)
    assert counter.screen.card.status.word == "Redeemed just now"
    assert counter.last_notice.tone == Tone.SUCCESS
    assert counter.sounds[-1] == "success"
    assert counter.sandbox.voucher_state(code)["status"] == "REDEEMED"
    assert journal_rows(counter) == [("lock", "ok"), ("redeem", "ok")]
    assert counter.window.journal.open_locks() == []


async def test_escape_releases(counter: Counter) -> None:
    code = KNOWN.ACTIVE_WITH_CONTACT
    await counter.scan(code)
    counter.screen.redeem_button.click()
    await until(lambda: counter.screen.view.stage == Stage.CONFIRMING)
    await counter.settle()
    counter.press(Qt.Key.Key_Escape)
    await until(lambda: counter.screen.view.stage == Stage.SHOWING)
    await counter.settle()
    assert counter.sandbox.voucher_state(code)["status"] == "ACTIVE"
    assert counter.screen.card.status.word == "Valid"
    assert "not redeemed" in counter.last_notice.sentence
    assert journal_rows(counter) == [("lock", "ok"), ("release", "ok")]
    assert counter.window.journal.open_locks() == []


async def test_a_voucher_without_customer_takes_an_email(counter: Counter) -> None:
    code = KNOWN.ACTIVE_NO_CONTACT
    await counter.scan(code)
    await enter(counter, Stage.NEEDS_CONTACT)
    assert counter.screen.contact_panel.isVisible()
    assert QApplication.focusWidget() is counter.screen.contact_input
    counter.type_scan("nobody@example.nl")
    await until(lambda: "No customer" in counter.last_notice.sentence)
    counter.type_scan(KNOWN.CONTACT_EMAIL)
    await until(lambda: counter.screen.view.stage == Stage.CONFIRMING)
    assert KNOWN.CONTACT_EMAIL in counter.screen.confirm_text.text()
    await question_read()
    counter.screen.confirm_button.click()
    await until(lambda: counter.screen.view.stage == Stage.SHOWING)
    await counter.settle()
    state = counter.sandbox.voucher_state(code)
    assert state["status"] == "REDEEMED"
    assert state["contact_uuid"] == KNOWN.CONTACT_UUID


async def test_a_voucher_without_customer_takes_a_loyalty_card_scan(counter: Counter) -> None:
    code = KNOWN.ACTIVE_NO_CONTACT
    await counter.scan(code)
    await enter(counter, Stage.NEEDS_CONTACT)
    counter.screen.scan_input.setFocus()
    counter.type_scan(KNOWN.CARD_INACTIVE)
    await until(lambda: "switched off" in counter.last_notice.sentence)
    counter.type_scan(KNOWN.CARD)
    await until(lambda: counter.screen.view.stage == Stage.CONFIRMING)
    await enter(counter, Stage.SHOWING)
    assert counter.sandbox.voucher_state(code)["contact_uuid"] == KNOWN.CONTACT_UUID


async def test_a_voucher_scanned_for_the_customer_is_said_to_be_a_voucher(
    counter: Counter,
) -> None:
    """A voucher's code scanned where the customer's loyalty card is asked for: the counter
    says it is a voucher (this one's own code, or another's) and what to do, and keeps the
    voucher held for its customer."""
    code = KNOWN.ACTIVE_NO_CONTACT
    await counter.scan(code)
    await enter(counter, Stage.NEEDS_CONTACT)
    counter.type_scan(KNOWN.ACTIVE_WITH_CONTACT)  # into the customer field, which has focus
    await until(lambda: counter.last_notice.tone == Tone.REFUSAL, what="the refusal")
    await counter.settle()
    assert counter.last_notice.sentence == (
        f"“{KNOWN.ACTIVE_WITH_CONTACT}” is a voucher code, not a loyalty card. Scan the "
        "customer's loyalty card or type their e-mail address; or press Esc to cancel this "
        f"voucher, then scan “{KNOWN.ACTIVE_WITH_CONTACT}” again."
    )
    assert counter.screen.banner.text == counter.last_notice.sentence
    await asyncio.sleep(1.6)  # the same code within 1.5 s counts once
    counter.screen.scan_input.setFocus()
    counter.type_scan(code)  # the held voucher itself, into the scan field
    await until(lambda: "own code" in counter.last_notice.sentence, what="the refusal")
    await counter.settle()
    assert counter.last_notice.sentence == (
        f"“{code}” is this voucher's own code, not a loyalty card. Scan the customer's "
        "loyalty card or type their e-mail address."
    )
    assert counter.screen.view.stage == Stage.NEEDS_CONTACT
    assert counter.sandbox.voucher_state(code)["status"] == "LOCKED"
    counter.type_scan(KNOWN.CARD)
    await until(lambda: counter.screen.view.stage == Stage.CONFIRMING)
    await enter(counter, Stage.SHOWING)
    assert counter.sandbox.voucher_state(code)["contact_uuid"] == KNOWN.CONTACT_UUID
    assert counter.sandbox.voucher_state(KNOWN.ACTIVE_WITH_CONTACT)["status"] == "ACTIVE"


async def test_multi_redeem(counter: Counter) -> None:
    code = KNOWN.MULTI_USE
    await counter.scan(code)
    await enter(counter, Stage.CONFIRMING)
    assert counter.screen.multi_count.isVisible()
    counter.screen.multi_count.setValue(3)
    await enter(counter, Stage.SHOWING)
    assert counter.last_notice.sentence.startswith("Redeemed 3 times")
    assert counter.sandbox.voucher_state(code)["redemptions_used"] == 3
    assert journal_rows(counter)[-1] == ("multi_redeem", "ok")


async def test_multi_redeem_more_than_left_says_how_it_stands(counter: Counter) -> None:
    code = KNOWN.MULTI_USE_ONE_LEFT
    await counter.scan(code)
    await enter(counter, Stage.CONFIRMING)
    counter.screen.multi_count.setValue(2)
    await enter(counter)
    assert counter.screen.view.stage == Stage.CONFIRMING  # the cashier can lower the count
    assert counter.last_notice.tone == Tone.REFUSAL
    assert counter.last_notice.sentence.startswith(
        "This voucher does not have that many uses left."
    )
    counter.screen.multi_count.setValue(1)
    await enter(counter, Stage.SHOWING)
    assert counter.sandbox.voucher_state(code)["status"] == "REDEEMED"


async def test_a_single_use_voucher_offers_no_count(counter: Counter) -> None:
    await counter.scan(KNOWN.ACTIVE_WITH_CONTACT)
    await enter(counter, Stage.CONFIRMING)
    assert not counter.screen.multi_count.isVisible()


async def test_reverse_asks_first_and_names_voucher_and_customer(counter: Counter) -> None:
    code = KNOWN.REDEEMED
    await counter.scan(code)
    counter.screen.reverse_button.click()
    box = counter.screen.findChild(QMessageBox, "reverseConfirmation")
    assert box is not None and box.isVisible()
    assert code in box.text() and KNOWN.CONTACT_EMAIL in box.text()
    box.button(QMessageBox.StandardButton.Cancel).click()
    await counter.settle()
    assert counter.sandbox.voucher_state(code)["status"] == "REDEEMED"
    counter.screen.reverse_button.click()
    box = counter.screen.findChild(QMessageBox, "reverseConfirmation")
    assert box is not None
    box.button(QMessageBox.StandardButton.Yes).click()
    await until(lambda: counter.screen.card.status.word == "Valid")
    await counter.settle()
    assert counter.sandbox.voucher_state(code)["status"] == "ACTIVE"
    assert journal_rows(counter) == [("reverse", "ok")]


async def _another_counter_locks(sandbox: RunningSandbox, client: PiggyClient, code: str) -> None:
    await client.vouchers.lock((await client.vouchers.find(code)).uuid)


async def _another_counter_redeems(sandbox: RunningSandbox, client: PiggyClient, code: str) -> None:
    await client.vouchers.redeem(code)


async def _a_manager_deactivates(sandbox: RunningSandbox, client: PiggyClient, code: str) -> None:
    await client.vouchers.update(
        (await client.vouchers.find(code)).uuid, status=VoucherStatus.DEACTIVATED
    )


async def _time_passes(sandbox: RunningSandbox, client: PiggyClient, code: str) -> None:
    sandbox.advance_clock(40 * 86400)


@pytest.mark.parametrize(
    ("meanwhile", "sentence", "status_word"),
    [
        (
            _another_counter_locks,
            "This voucher is being used at another counter right now.",
            "In use at another counter",
        ),
        (_another_counter_redeems, "This voucher has already been used.", "Already used"),
        (_a_manager_deactivates, "This voucher has been switched off.", "Switched off"),
        (_time_passes, "This voucher has expired.", "Expired"),
    ],
)
async def test_refusals_between_scan_and_redeem(
    counter: Counter, meanwhile: Callable[..., object], sentence: str, status_word: str
) -> None:
    code = KNOWN.WITH_PLU
    await counter.scan(code)
    async with PiggyClient(counter.sandbox.base_url, counter.sandbox.token) as other:
        await meanwhile(counter.sandbox, other, code)  # type: ignore[misc]
    await enter(counter)
    assert counter.last_notice.tone == Tone.REFUSAL
    assert counter.last_notice.sentence == sentence
    assert counter.sounds[-1] == "refusal"
    assert counter.screen.card.status.word == status_word  # the card shows the truth now
    assert counter.screen.view.stage == Stage.SHOWING
    assert counter.last_notice.error is not None  # Details for a manager
    assert counter.screen.banner.text == sentence


async def test_an_answer_lost_after_piggy_redeemed_is_reconciled(counter: Counter) -> None:
    code = KNOWN.ACTIVE_WITH_CONTACT
    await counter.scan(code)
    await enter(counter, Stage.CONFIRMING)
    counter.sandbox.inject("drop", path="/vouchers/redeem", after_commit=True)
    await enter(counter, Stage.SHOWING)
    assert counter.last_notice.tone == Tone.SUCCESS
    assert "Piggy confirms" in counter.last_notice.sentence
    state = counter.sandbox.voucher_state(code)
    assert state["status"] == "REDEEMED"
    assert state["redemptions_used"] == 1
    redeem = [e for e in counter.window.journal.open_locks()]
    assert redeem == []
    assert journal_rows(counter) == [("lock", "ok"), ("redeem", "ok")]


async def test_an_answer_lost_before_piggy_acted_is_not_redeemed_and_enter_retries(
    counter: Counter,
) -> None:
    code = KNOWN.ACTIVE_WITH_CONTACT
    await counter.scan(code)
    await enter(counter, Stage.CONFIRMING)
    reserved_here = counter.screen.card.status.word
    counter.sandbox.inject("drop", path="/vouchers/redeem")
    await enter(counter)
    assert counter.screen.view.stage == Stage.CONFIRMING
    assert counter.last_notice.tone == Tone.ERROR
    assert "NOT redeemed" in counter.last_notice.sentence
    # Piggy's find says LOCKED: by this counter, which still holds it. The card says what
    # it said before the redeem, never "In use at another counter".
    assert counter.screen.card.status.word == reserved_here
    assert counter.sandbox.voucher_state(code)["redemptions_used"] == 0
    await enter(counter, Stage.SHOWING)
    assert counter.sandbox.voucher_state(code)["redemptions_used"] == 1
    assert journal_rows(counter) == [("lock", "ok"), ("redeem", "failed"), ("redeem", "ok")]


async def test_when_even_the_check_fails_the_cashier_is_told_to_wait(counter: Counter) -> None:
    code = KNOWN.ACTIVE_WITH_CONTACT
    await counter.scan(code)
    await enter(counter, Stage.CONFIRMING)
    counter.sandbox.inject("drop", path="/vouchers/redeem", after_commit=True)
    counter.sandbox.inject("html", status=502, count=3, path="/vouchers/find")
    await enter(counter, Stage.UNRESOLVED)
    assert "Do not hand out the reward yet" in counter.last_notice.sentence
    assert counter.screen.recheck_button.isVisible()
    assert journal_rows(counter)[-1] == ("redeem", "unknown")
    counter.screen.recheck_button.click()
    await until(lambda: counter.screen.view.stage == Stage.SHOWING)
    await counter.settle()
    assert "Piggy confirms" in counter.last_notice.sentence
    assert counter.sandbox.voucher_state(code)["redemptions_used"] == 1
    assert journal_rows(counter)[-1] == ("redeem", "ok")


async def test_a_scan_while_a_redeem_is_unresolved_is_shown_waiting(counter: Counter) -> None:
    await counter.scan(KNOWN.ACTIVE_WITH_CONTACT)
    await enter(counter, Stage.CONFIRMING)
    counter.sandbox.inject("drop", path="/vouchers/redeem", after_commit=True)
    counter.sandbox.inject("html", status=502, count=3, path="/vouchers/find")
    await enter(counter, Stage.UNRESOLVED)
    counter.type_scan(KNOWN.WITH_PLU)  # the next customer's voucher
    await until(lambda: counter.screen.view.waiting_scans == 1, what="the scan queued")
    assert counter.screen.waiting_label.text() == "1 scan waiting"  # not lost, not hidden


async def test_a_lost_lock_answer_on_a_voucher_found_free_is_checked_again_later(
    counter: Counter,
) -> None:
    code = KNOWN.ACTIVE_WITH_CONTACT
    await counter.scan(code)
    counter.sandbox.inject("drop", path="/lock")  # dropped before Piggy acted
    await enter(counter, Stage.SHOWING)
    assert "was not reserved when checked" in counter.last_notice.sentence
    # A slow lock could still land after that find: the journal does not call it failed,
    # so the next check (a reconnect, as here after the drop, or a start) looks again ...
    assert ("lock", "unknown") in journal_rows(counter)
    assert await counter.window.flow.release_orphans() == []
    # ... and finds it free: closed quietly, nothing left to release.
    assert counter.window.journal.open_locks() == []


async def test_a_refused_scan_while_offline_says_so(counter: Counter) -> None:
    counter.sandbox.inject("drop", count=10, path="/vouchers/find")
    counter.type_scan(KNOWN.ACTIVE_WITH_CONTACT)
    await until(lambda: counter.notices)
    await counter.settle()
    assert counter.last_notice.tone == Tone.ERROR
    assert "could not be checked" in counter.last_notice.sentence
    assert counter.sounds[-1] == "error"


async def test_closing_the_window_while_locked_releases_first(counter: Counter) -> None:
    code = KNOWN.ACTIVE_WITH_CONTACT
    await counter.scan(code)
    await enter(counter, Stage.CONFIRMING)
    assert counter.sandbox.voucher_state(code)["status"] == "LOCKED"
    await close(counter.window)
    assert counter.sandbox.voucher_state(code)["status"] == "ACTIVE"


async def test_locks_left_by_a_crash_are_released_at_start(
    make_window: Callable[..., MainWindow], sandbox: RunningSandbox, tmp_path: Path
) -> None:
    data = tmp_path / "crashed"
    code = KNOWN.ACTIVE_WITH_CONTACT
    # What a killed program leaves: a journal whose lock was never released.
    async with PiggyClient(sandbox.base_url, sandbox.token) as client:
        voucher = await client.vouchers.find(code)
        journal = Journal.in_folder(data)
        entry = journal.begin(Action.LOCK, code=code, voucher_uuid=voucher.uuid, promotion_name="x")
        lock = await client.vouchers.lock(voucher.uuid)
        journal.finish(
            entry, Outcome.OK, release_key=lock.release_key, lock_expires_at=lock.system_release_at
        )
        journal.close()
    assert sandbox.voucher_state(code)["status"] == "LOCKED"
    window = make_window(data_dir=data)
    person = await start_and_hear(window, sandbox)
    assert sandbox.voucher_state(code)["status"] == "ACTIVE"
    assert person.last_notice.sentence.startswith("At start:")
    assert code in person.last_notice.sentence and "released" in person.last_notice.sentence
    assert window.counter.banner.text == person.last_notice.sentence
    assert window.journal.open_locks() == []
    await close(window)


async def test_busy_piggy_during_confirm_keeps_the_voucher_reserved(counter: Counter) -> None:
    code = KNOWN.ACTIVE_WITH_CONTACT
    await counter.scan(code)
    await enter(counter, Stage.CONFIRMING)
    counter.sandbox.inject("status", status=429, retry_after=30, path="/vouchers/redeem")
    await enter(counter)
    assert counter.screen.view.stage == Stage.CONFIRMING
    assert counter.last_notice.tone == Tone.ERROR
    assert counter.last_notice.sentence.endswith("The voucher was not redeemed. Try again.")
    assert counter.sandbox.voucher_state(code)["status"] == "LOCKED"
    await enter(counter, Stage.SHOWING)
    assert counter.sandbox.voucher_state(code)["redemptions_used"] == 1


async def test_a_server_error_on_redeem_is_checked_not_guessed(counter: Counter) -> None:
    code = KNOWN.ACTIVE_WITH_CONTACT
    await counter.scan(code)
    await enter(counter, Stage.CONFIRMING)
    counter.sandbox.inject("status", status=500, path="/vouchers/redeem")
    await enter(counter)
    # A 500 may come after the redeem was done: the flow looked, and it was not.
    assert counter.screen.view.stage == Stage.CONFIRMING
    assert "NOT redeemed" in counter.last_notice.sentence
    assert journal_rows(counter)[-1] == ("redeem", "failed")
    await enter(counter, Stage.SHOWING)
    assert counter.sandbox.voucher_state(code)["redemptions_used"] == 1


async def test_a_scan_that_cannot_be_checked_clears_the_card(counter: Counter) -> None:
    await counter.scan(KNOWN.ACTIVE_WITH_CONTACT)
    counter.sandbox.inject("drop", count=10, path="/vouchers/find")
    counter.type_scan(KNOWN.MULTI_USE)
    await until(lambda: "could not be checked" in counter.last_notice.sentence)
    await counter.settle()
    # The valid voucher before must not pass for the one just scanned.
    assert counter.screen.view.voucher is None
    assert counter.screen.card.placeholder.isVisible()
    assert not counter.screen.redeem_button.isEnabled()


@pytest.mark.parametrize("release_seconds", [0, 1], ids=["release-at-once", "release-slow"])
async def test_a_voucher_scanned_for_the_customer_is_shown_when_scanned_again_after_esc(
    counter: Counter, release_seconds: float
) -> None:
    """The counter says "press Esc to cancel this voucher, then scan “X” again": a cashier
    who does so at once (within the 1.5 s in which a scanner's double read counts once) gets
    “X” on the card, also when the re-scan is typed before Piggy has answered the release."""
    code, other = KNOWN.ACTIVE_NO_CONTACT, KNOWN.ACTIVE_WITH_CONTACT
    await counter.scan(code)
    await enter(counter, Stage.NEEDS_CONTACT)
    counter.type_scan(other)  # into the customer field, which has focus
    await until(lambda: "press Esc" in counter.last_notice.sentence, what="the refusal")
    if release_seconds:
        counter.sandbox.inject("latency", seconds=release_seconds, path="/release", method="POST")
    counter.press(Qt.Key.Key_Escape)
    if not release_seconds:
        await until(lambda: counter.screen.view.stage == Stage.SHOWING, what="cancelled")
    counter.type_scan(other)
    await counter.until_on_card(other)
    await counter.settle()
    assert counter.screen.card.status.word == "Valid"
    assert counter.sandbox.voucher_state(code)["status"] == "ACTIVE"  # given back


async def type_like_a_scanner(counter: Counter, text: str) -> None:
    """A scanner's keys one by one into whatever has the focus as each comes, the loop
    turning between them as in a scanner's 5 ms gaps."""
    for character in text:
        QTest.keyClick(QApplication.focusWidget() or counter.screen.scan_input, character)
        await asyncio.sleep(0.005)


@pytest.mark.parametrize("release_seconds", [0, 0.3], ids=["release-at-once", "release-slow"])
async def test_a_scan_right_after_esc_on_the_customer_step_loses_no_key(
    counter: Counter, release_seconds: float
) -> None:
    """Esc on the customer step, then at once another voucher's scan: its keys come while
    the step is being cancelled, into the customer field that still has the focus, and the
    rest after the field has gone. Every key goes to the scan, in order (the first ones
    went into the customer field and were cleared with it: "0X01" was looked up)."""
    code, other = KNOWN.ACTIVE_NO_CONTACT, KNOWN.MULTI_USE
    await counter.scan(code)
    await enter(counter, Stage.NEEDS_CONTACT)
    assert QApplication.focusWidget() is counter.screen.contact_input
    if release_seconds:
        counter.sandbox.inject("latency", seconds=release_seconds, path="/release", method="POST")
    counter.press(Qt.Key.Key_Escape)
    half = len(other) // 2
    await type_like_a_scanner(counter, other[:half])
    await until(lambda: counter.screen.view.stage != Stage.NEEDS_CONTACT, what="cancelled")
    await type_like_a_scanner(counter, other[half:])
    counter.press(Qt.Key.Key_Return)
    await counter.until_on_card(other)
    await counter.settle()
    assert set(counter.screen.view.recent_codes) == {code, other}  # nothing truncated
    assert not any(other[half:] in n.sentence and other not in n.sentence for n in counter.notices)
    assert counter.sandbox.voucher_state(code)["status"] == "ACTIVE"  # given back
