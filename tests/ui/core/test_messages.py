"""The single message path: details for a manager, a crash dialog instead of a traceback,
the journal screen for the end of a shift."""

from __future__ import annotations

import asyncio

from PySide6.QtWidgets import QDialog, QPlainTextEdit, QPushButton

from piggy_desk.counter.flow import Stage
from piggy_desk.sandbox import KNOWN
from piggy_desk.ui.core.messages import CRASH_SENTENCE
from tests.ui.conftest import Counter, enter, until


async def test_details_show_code_status_and_request_but_no_token(counter: Counter) -> None:
    counter.type_scan("NOPE-404")
    await until(lambda: counter.notices)
    await counter.settle()
    details = counter.screen.banner.findChild(type(counter.screen.redeem_button), "detailsButton")
    assert details is not None and details.isVisible()
    details.click()
    dialog = counter.window.findChild(QDialog, "errorDetails")
    assert dialog is not None and dialog.isVisible()
    text = dialog.findChild(QPlainTextEdit).toPlainText()
    assert "code: 80004" in text
    assert "HTTP status: 400" in text
    assert "request: GET /vouchers/find" in text
    assert counter.sandbox.token not in text
    dialog.close()


async def test_an_unexpected_error_shows_a_sentence_not_a_traceback(counter: Counter) -> None:
    async def broken() -> None:
        raise ZeroDivisionError("a bug")

    counter.window.tasks.start(broken(), name="broken")
    await until(lambda: counter.window.messages.crashes)
    dialog = counter.window.findChild(QDialog, "crashDialog")
    assert dialog is not None and dialog.isVisible()
    text = dialog.findChild(QPlainTextEdit).toPlainText()
    assert text.startswith(CRASH_SENTENCE)
    assert "Traceback" not in text and "a bug" not in text
    assert "ZeroDivisionError" in text  # for support, one line
    dialog.close()
    # The counter goes on working.
    await counter.scan(KNOWN.EXPIRED)


async def test_the_journal_screen_lists_today_and_totals(
    counter: Counter, qtmodeltester: object
) -> None:
    for code in (KNOWN.ACTIVE_WITH_CONTACT, KNOWN.WITH_PLU):
        await counter.scan(code)
        await enter(counter, Stage.CONFIRMING)
        await enter(counter, Stage.SHOWING)
    window = counter.window
    window.tabs.setCurrentWidget(window.journal_screen)
    screen = window.journal_screen
    await until(lambda: screen.model.rowCount() == 4)
    qtmodeltester.check(screen.model)  # type: ignore[attr-defined]
    rows = [
        [screen.model.index(row, column).data() for column in range(screen.model.columnCount())]
        for row in range(screen.model.rowCount())
    ]
    assert [row[1] for row in rows] == ["Redeemed", "Reserved", "Redeemed", "Reserved"]
    assert rows[0][2] == KNOWN.WITH_PLU
    assert all(row[5] == "done" for row in rows)
    assert "Gratis croissant: 1 redeemed" in screen.totals.text()
    assert "4 entries" in screen.title.text()
    window.tabs.setCurrentWidget(window.counter)
    await asyncio.sleep(0)


async def test_each_outcome_has_its_own_sound(counter: Counter) -> None:
    await counter.scan(KNOWN.EXPIRED)
    assert counter.sounds[-1] == "refusal"
    await counter.scan(KNOWN.ACTIVE_WITH_CONTACT)
    await enter(counter, Stage.CONFIRMING)
    await enter(counter, Stage.SHOWING)
    assert counter.sounds[-1] == "success"
    counter.sandbox.inject("status", status=503, count=5, path="/vouchers/find")
    counter.type_scan(KNOWN.REDEEMED)
    await until(lambda: counter.sounds[-1] == "error")
    await counter.settle()
    assert "maintenance" in counter.last_notice.sentence


async def test_a_journal_that_cannot_be_read_is_said_on_the_journal_tab(counter: Counter) -> None:
    """A backup tool overwrote the journal file while the program ran: the Journal tab says
    so in a sentence with its Details, and no crash dialog opens."""
    await counter.scan(KNOWN.ACTIVE_WITH_CONTACT)
    window = counter.window
    path = window.journal.path
    path.write_bytes(b"a backup tool wrote this here " * 300)
    window.tabs.setCurrentWidget(window.journal_screen)
    screen = window.journal_screen
    await until(lambda: screen.banner.tone is not None or window.messages.crashes)
    assert window.messages.crashes == []
    assert window.findChild(QDialog, "crashDialog") is None
    assert screen.banner.text == "The counter journal could not be read: the file is damaged."
    assert screen.banner.isVisible()
    details = screen.banner.findChild(QPushButton, "detailsButton")
    assert details is not None and details.isVisible()
    details.click()
    dialog = window.findChild(QDialog, "errorDetails")
    assert dialog is not None and dialog.isVisible()
    assert str(path) in dialog.findChild(QPlainTextEdit).toPlainText()
    dialog.close()
    window.tabs.setCurrentWidget(window.counter)
    await asyncio.sleep(0)
