"""The journal failing, as the cashier and a manager meet it in the real window: a redeem
answered while another process holds the journal, and a journal emptied before a start
(issue 13). The sentence is on the banner and the details are behind Details…."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QPlainTextEdit, QPushButton

from piggy_desk.counter.flow import Stage
from piggy_desk.notices import Tone
from piggy_desk.sandbox import KNOWN, RunningSandbox
from piggy_desk.ui.shell.main_window import MainWindow
from tests.reliability.local_faults import JournalLocker
from tests.ui.conftest import Counter, close, enter, start_and_hear, until


def _details(counter: Counter) -> str:
    button = counter.screen.banner.findChild(QPushButton, "detailsButton")
    assert button is not None and button.isVisible()
    button.click()
    dialog = counter.window.findChild(QDialog, "errorDetails")
    assert dialog is not None and dialog.isVisible()
    text = dialog.findChild(QPlainTextEdit).toPlainText()
    dialog.close()
    return text


async def test_a_redeem_answered_while_another_program_holds_the_journal(
    counter: Counter, tmp_path: Path
) -> None:
    code = KNOWN.MULTI_USE
    used = counter.sandbox.voucher_state(code)["redemptions_used"]
    locker = JournalLocker(counter.window.journal.path)
    locker.ready()
    try:
        await counter.scan(code)
        await enter(counter, Stage.CONFIRMING)
        counter.sandbox.inject("latency", seconds=0.4, path="/vouchers/redeem", after_commit=True)
        counter.press(Qt.Key.Key_Return)
        await asyncio.sleep(0.2)  # the redeem is at Piggy; its entry is on disk
        locker.hold()
        await until(lambda: counter.screen.view.stage == Stage.SHOWING, timeout=15)
        await counter.settle()
        banner = counter.screen.banner.text
        assert banner.startswith("Redeemed: "), banner
        assert "another program" in banner and "Tell a manager." in banner, banner
        assert "Nothing was sent" not in banner
        assert counter.last_notice.tone == Tone.SUCCESS
        assert not counter.screen.confirm_panel.isVisible()
        text = _details(counter)
        assert "locked by another program" in text and "database is locked" in text, text
        assert str(counter.window.journal.path) in text
        locker.let_go()
        await enter(counter)  # Enter again on the card: no second use from this sale
        assert counter.sandbox.voucher_state(code)["redemptions_used"] == used + 1
    finally:
        locker.let_go()


async def test_an_emptied_journal_is_told_at_start_with_details(
    make_window: Callable[..., MainWindow], sandbox: RunningSandbox, tmp_path: Path
) -> None:
    data = tmp_path / "emptied"
    data.mkdir()
    (data / "journal.sqlite3").write_bytes(b"")
    window = make_window(data_dir=data)
    person = await start_and_hear(window, sandbox)
    sentence = person.last_notice.sentence
    assert sentence.startswith("At start: The counter journal was empty"), sentence
    assert sentence.endswith("Tell a manager."), sentence
    assert window.counter.banner.text == sentence
    text = _details(person)
    assert "journal.empty-" in text, text  # where the empty file was kept
    await close(window)
