"""A scan while a counter dialog is open (Details…, the reverse question) lands in the scan
field (issue 13, finding 13b). Its Enter used to close the dialog or press Cancel, and the
code vanished; in the reverse question a scanned letter could even press a button by its
mnemonic. A person's keys in the dialog keep working."""

from __future__ import annotations

import asyncio

import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox

from piggy_desk.counter.flow import Stage
from piggy_desk.sandbox import KNOWN
from tests.ui.conftest import Counter, enter, until
from tests.ui.keys import focus_in, focused, tab_to

Key = Qt.Key


async def open_dialog(kind: type[QDialog]) -> QDialog:
    await until(lambda: isinstance(QApplication.activeModalWidget(), kind), what="the dialog")
    dialog = QApplication.activeModalWidget()
    assert isinstance(dialog, kind)
    await until(lambda: focus_in(dialog), what="focus in the dialog")
    return dialog


def scanner_types(code: str) -> None:
    """A keyboard wedge: the code and Enter into whatever has focus, a moment apart; a
    capital comes with Shift pressed before it and let go after, as on X11."""
    for character in code:
        if character.isupper():
            QTest.keyPress(focused(), Key.Key_Shift)
            QTest.keyClick(focused(), character, Qt.KeyboardModifier.ShiftModifier)
            QTest.keyRelease(focused(), Key.Key_Shift, Qt.KeyboardModifier.ShiftModifier)
        else:
            QTest.keyClick(focused(), character)
    QTest.keyClick(focused(), Key.Key_Return)


async def reverse_question(counter: Counter) -> QMessageBox:
    await counter.scan(KNOWN.ACTIVE_WITH_CONTACT)
    await enter(counter, Stage.CONFIRMING)
    await enter(counter, Stage.SHOWING)
    counter.screen.reverse_button.click()
    box = await open_dialog(QMessageBox)
    assert isinstance(box, QMessageBox)
    return box


async def test_a_scan_while_the_reverse_question_is_open(counter: Counter) -> None:
    box = await reverse_question(counter)
    scanner_types(KNOWN.WITH_PLU)
    await until(lambda: not shiboken6.isValid(box) or not box.isVisible(), what="the question")
    await counter.until_on_card(KNOWN.WITH_PLU, "the scanned voucher on the card")
    await counter.settle()
    # The question about the first voucher was not answered Yes for the second one.
    assert counter.sandbox.voucher_state(KNOWN.ACTIVE_WITH_CONTACT)["redemptions_used"] == 1
    assert counter.sandbox.voucher_state(KNOWN.WITH_PLU)["redemptions_used"] == 0
    assert QApplication.focusWidget() is counter.screen.scan_input


async def test_a_scan_while_details_are_open(counter: Counter) -> None:
    counter.sandbox.inject("status", status=500, count=3, path="/vouchers/find")
    counter.type_scan(KNOWN.EXPIRED)
    await until(lambda: counter.notices and counter.last_notice.error is not None)
    await counter.settle()
    counter.screen.banner.details_requested.emit()
    dialog = await open_dialog(QDialog)
    scanner_types(KNOWN.ACTIVE_WITH_CONTACT)
    await until(lambda: not dialog.isVisible(), what="the details to close")
    await counter.until_on_card(KNOWN.ACTIVE_WITH_CONTACT, "the scanned voucher on the card")


async def test_a_person_still_answers_the_question_with_the_keyboard(counter: Counter) -> None:
    box = await reverse_question(counter)
    await asyncio.sleep(0.2)  # a person's pace
    QTest.keyClick(focused(), Key.Key_Y)  # a stray letter does nothing
    await asyncio.sleep(0.2)
    assert shiboken6.isValid(box) and box.isVisible()
    yes = box.button(QMessageBox.StandardButton.Yes)
    await tab_to(yes)
    await asyncio.sleep(0.2)
    QTest.keyClick(focused(), Key.Key_Space)
    await until(lambda: not shiboken6.isValid(box) or not box.isVisible(), what="the answer")
    await until(
        lambda: counter.sandbox.voucher_state(KNOWN.ACTIVE_WITH_CONTACT)["redemptions_used"] == 0,
        what="the reversal",
    )
