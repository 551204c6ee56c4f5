"""A scanner set up for another keyboard layout than the computer's (issue 15, "The
scanner's keyboard layout"): a US scanner on a Belgian AZERTY computer types ``&é"'(§è!çà``
for the digits and swaps A and Q. When such a scan is not found, the counter looks up the
code it reads as once, and says so. Real window, the sandbox over loopback."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget

from piggy_desk.sandbox import KNOWN, RunningSandbox
from piggy_desk.ui.shell.main_window import MainWindow
from tests.ui.conftest import Counter, close, open_settings, until

# What a Belgian AZERTY computer reads when a US scanner scans these codes.
ACTIEF0001_FROM_A_US_SCANNER = "QCTIEFààà&"
KAART10X01_FROM_A_US_SCANNER = "KQQRT&àXà&"
ONBEKEND99_FROM_A_US_SCANNER = "ONBEKENDçç"


def type_scan(counter: Counter, typed: str) -> None:
    """A scanner's keys as an AZERTY computer reads them (QTest.keyClicks aborts on a
    character outside ASCII: those come as key events with their text, as X11 sends them)."""
    type_into(counter.screen.scan_input, typed)


def type_into(field: QWidget, typed: str) -> None:
    for character in typed:
        target = QApplication.focusWidget() or field
        if character.isascii():
            QTest.keyClick(target, character)
            continue
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(
                target,
                QKeyEvent(kind, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier, character),
            )
    QTest.keyClick(QApplication.focusWidget() or field, Qt.Key.Key_Return)


async def test_a_mangled_scan_is_read_back_once_and_said(
    counter: Counter, sandbox: RunningSandbox
) -> None:
    assert KNOWN.ACTIVE_WITH_CONTACT == "ACTIEF0001"
    type_scan(counter, ACTIEF0001_FROM_A_US_SCANNER)
    await counter.until_on_card("ACTIEF0001", "the voucher read back on the card")
    await counter.settle()
    said = counter.last_notice.sentence
    assert ACTIEF0001_FROM_A_US_SCANNER in said and "ACTIEF0001" in said
    assert "Valid. Press Enter to redeem." in said
    # An unknown code stays unknown, and both readings are named.
    type_scan(counter, ONBEKEND99_FROM_A_US_SCANNER)
    await counter.settle()
    said = counter.last_notice.sentence
    assert counter.screen.view.voucher is None
    assert ONBEKEND99_FROM_A_US_SCANNER in said and "ONBEKEND99" in said
    assert "was found" in said


async def test_the_scanners_layout_from_the_settings_reads_every_scan_back(
    make_window: Callable[..., MainWindow], sandbox: RunningSandbox
) -> None:
    window = make_window(scanner_layout="us", keyboard_layout="be")
    person = Counter(window, sandbox)
    window.show()
    assert window.ready is not None
    await window.ready
    type_scan(person, KAART10X01_FROM_A_US_SCANNER)
    await person.until_on_card(KNOWN.MULTI_USE, "the voucher read back on the card")
    await person.settle()
    said = person.last_notice.sentence
    assert "US (QWERTY)" in said and KNOWN.MULTI_USE in said
    await close(window)


# The test code, PIGGY-QAZWMY-1234567890, from a US scanner on a Belgian computer.
TEST_CODE_FROM_A_US_SCANNER = "PIGGY)AQWZ?Y)&é\"'(§è!çà"


async def test_the_scanner_test_recognises_the_layout_and_the_counter_uses_it(
    make_window: Callable[..., MainWindow], sandbox: RunningSandbox, tmp_path: Path
) -> None:
    window = make_window(config_folder=tmp_path / "config")
    person = Counter(window, sandbox)
    screen = await open_settings(window)
    choice = screen.scanner_layout
    assert choice.scanner_layout() == "computer"
    choice.test_input.setFocus()
    type_into(choice.test_input, TEST_CODE_FROM_A_US_SCANNER)
    assert choice.scanner_layout() == "us"
    assert choice.result.text() == (
        "The scanner is set up for US (QWERTY), this computer for Belgian (AZERTY): Piggy "
        "Desk reads its scans back. Save the settings to keep this."
    )
    window.resize(1100, 720)
    await until(
        lambda: choice.result.height() >= choice.result.heightForWidth(choice.result.width()),
        what="the sentence laid out",
    )
    screen.scroll_area.widget().grab().save(str(tmp_path / "scanner-test.png"))
    screen.save_button.click()
    await until(lambda: not screen.busy and window.tasks.running == 0, what="saving")
    assert (screen.settings.scanner_layout, screen.settings.keyboard_layout) == ("us", "be")
    # The counter reads the next scans with it, and names the layout.
    window.tabs.setCurrentWidget(window.counter)
    await until(lambda: window.counter.scan_input.hasFocus(), what="the scan field")
    type_scan(person, KAART10X01_FROM_A_US_SCANNER)
    await person.until_on_card(KNOWN.MULTI_USE, "the voucher read back on the card")
    await person.settle()
    assert "US (QWERTY)" in person.last_notice.sentence
    await close(window)
