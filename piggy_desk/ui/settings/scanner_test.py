"""The scanner's keyboard layout in Settings: a choice, and a test that reads a known code
(shown as a barcode) and recognises the layout the scanner is set up for."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QRect, QSize, Qt, Signal
from PySide6.QtGui import QColor, QImage, QPainter, QPaintEvent
from PySide6.QtWidgets import QComboBox, QLineEdit, QWidget

from piggy_desk.counter.keyboard_layouts import AS_THE_COMPUTER, LAYOUTS, TEST_CODE, recognise
from piggy_desk.ui.core.i18n import QT_TRANSLATE_NOOP
from piggy_desk.ui.widgets.form import hint_label, stacked

# Code 39: each character is 9 elements, bar and space by turns, 3 of them wide.
_CODE39 = {
    "0": "nnnwwnwnn", "1": "wnnwnnnnw", "2": "nnwwnnnnw", "3": "wnwwnnnnn",
    "4": "nnnwwnnnw", "5": "wnnwwnnnn", "6": "nnwwwnnnn", "7": "nnnwnnwnw",
    "8": "wnnwnnwnn", "9": "nnwwnnwnn", "A": "wnnnnwnnw", "B": "nnwnnwnnw",
    "C": "wnwnnwnnn", "D": "nnnnwwnnw", "E": "wnnnwwnnn", "F": "nnwnwwnnn",
    "G": "nnnnnwwnw", "H": "wnnnnwwnn", "I": "nnwnnwwnn", "J": "nnnnwwwnn",
    "K": "wnnnnnnww", "L": "nnwnnnnww", "M": "wnwnnnnwn", "N": "nnnnwnnww",
    "O": "wnnnwnnwn", "P": "nnwnwnnwn", "Q": "nnnnnnwww", "R": "wnnnnnwwn",
    "S": "nnwnnnwwn", "T": "nnnnwnwwn", "U": "wwnnnnnnw", "V": "nwwnnnnnw",
    "W": "wwwnnnnnn", "X": "nwnnwnnnw", "Y": "wwnnwnnnn", "Z": "nwwnwnnnn",
    "-": "nwnnnnwnw", ".": "wwnnnnwnn", " ": "nwwnnnwnn", "*": "nwnnwnwnn",
}  # fmt: skip
WIDE = 3  # a wide element is three narrow ones
QUIET = 10  # blank narrow modules either side


def code39_bars(text: str) -> list[bool]:
    """The narrow modules of ``text`` as Code 39 (start and stop characters added, quiet
    zones either side): True for black."""
    modules = [False] * QUIET
    for character in f"*{text}*":
        for index, width in enumerate(_CODE39[character]):
            modules += [index % 2 == 0] * (WIDE if width == "w" else 1)
        modules.append(False)  # the gap between characters
    return modules + [False] * (QUIET - 1)


def code39_image(text: str, module: int = 3, height: int = 120) -> QImage:
    """``text`` as a printable Code 39 barcode, ``module`` pixels per narrow bar, its text
    under the bars."""
    bars = code39_bars(text)
    caption = 28
    image = QImage(len(bars) * module, height + caption, QImage.Format.Format_RGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    _paint_bars(painter, bars, QRect(0, 0, len(bars) * module, height))
    font = painter.font()
    font.setPixelSize(20)
    painter.setFont(font)
    painter.setPen(QColor("black"))
    painter.drawText(QRect(0, height, image.width(), caption), Qt.AlignmentFlag.AlignCenter, text)
    painter.end()
    return image


def _paint_bars(painter: QPainter, bars: list[bool], area: QRect) -> None:
    painter.fillRect(area, QColor("white"))
    width = area.width() / len(bars)
    for index, black in enumerate(bars):
        if black:
            left = area.left() + round(index * width)
            right = area.left() + round((index + 1) * width)
            painter.fillRect(QRect(left, area.top(), right - left, area.height()), QColor("black"))


class Barcode(QWidget):
    """A Code 39 barcode drawn black on white at a whole number of pixels a bar, so that a
    scanner reads it off the screen."""

    def __init__(self, text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.text = text
        self._bars = code39_bars(text)
        self.setAccessibleName(
            QCoreApplication.translate("ScannerTest", "Test barcode {code}").format(code=text)
        )

    def sizeHint(self) -> QSize:
        return QSize(2 * len(self._bars), 72)

    def minimumSizeHint(self) -> QSize:
        return QSize(len(self._bars), 56)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        module = max(1, self.width() // len(self._bars))
        width = module * len(self._bars)
        left = (self.width() - width) // 2
        _paint_bars(painter, self._bars, QRect(left, 0, width, self.height()))
        painter.end()


LAYOUT_CHOICES = {
    AS_THE_COMPUTER: QT_TRANSLATE_NOOP("KeyboardLayout", "As this computer"),
    **{code: layout.name for code, layout in LAYOUTS.items()},
}
"""The scanner layouts offered, by the name the settings keep."""


class ScannerLayoutChoice(QWidget):
    """The scanner's keyboard layout: a choice, the test barcode and a field to scan it
    into; a scan of the test code sets the choice (and this computer's layout) to what it
    recognises, and says so.

    Signals:
        recognised(str, str): the test code was read: the scanner's layout and this
            computer's ("computer" for both when the scan came through as it is).
    """

    recognised = Signal(str, str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.keyboard_layout = ""
        self.choice = QComboBox(self)
        self.choice.setObjectName("scannerLayoutChoice")
        self.choice.setAccessibleName(self.tr("Scanner's keyboard layout"))
        for code, name in LAYOUT_CHOICES.items():
            self.choice.addItem(QCoreApplication.translate("KeyboardLayout", name), code)
        self.choice.activated.connect(self._on_choice_activated)
        self.barcode = Barcode(TEST_CODE, self)
        self.test_input = QLineEdit(self)
        self.test_input.setObjectName("scannerTestInput")
        self.test_input.setAccessibleName(self.tr("Test the scanner"))
        self.test_input.setPlaceholderText(self.tr("Test the scanner: scan the barcode above"))
        self.test_input.setMaxLength(64)
        self.test_input.returnPressed.connect(self._on_test_input_return_pressed)
        self.result = hint_label(self, "")
        self.result.setObjectName("scannerTestResult")
        self.result.hide()
        stacked(self, self.choice, self.barcode, self.test_input, self.result)

    def set_layouts(self, scanner: str, keyboard: str) -> None:
        """Show the kept choice (the scanner's layout, this computer's if known)."""
        self.choice.setCurrentIndex(max(self.choice.findData(scanner), 0))
        self.keyboard_layout = keyboard
        self.test_input.clear()
        self.result.hide()

    def scanner_layout(self) -> str:
        return str(self.choice.currentData())

    def try_test_code(self, typed: str) -> None:
        """What the scanner typed for the test code: recognise its layout, or say why not."""
        found = recognise(typed)
        self.result.show()
        if found is None:
            self.result.setText(
                self.tr(
                    "That is not the test code in any layout Piggy Desk knows ({typed}). "
                    "Scan the barcode above again, or check how the scanner is set up."
                ).format(typed=typed)
            )
            return
        scanner, computer = found
        self.choice.setCurrentIndex(max(self.choice.findData(scanner), 0))
        self.keyboard_layout = "" if computer == AS_THE_COMPUTER else computer
        if scanner == AS_THE_COMPUTER:
            self.result.setText(
                self.tr("The scanner types as this computer does: nothing to read back.")
            )
        else:
            self.result.setText(
                self.tr(
                    "The scanner is set up for {scanner}, this computer for {computer}: Piggy "
                    "Desk reads its scans back. Save the settings to keep this."
                ).format(
                    scanner=QCoreApplication.translate("KeyboardLayout", LAYOUTS[scanner].name),
                    computer=QCoreApplication.translate("KeyboardLayout", LAYOUTS[computer].name),
                )
            )
        self.recognised.emit(scanner, computer)

    def _on_test_input_return_pressed(self) -> None:
        typed = self.test_input.text()
        self.test_input.clear()
        if typed:
            self.try_test_code(typed)

    def _on_choice_activated(self, _index: int) -> None:
        # Chosen by hand: the computer's layout is whatever the last test found, if any.
        if self.scanner_layout() == AS_THE_COMPUTER:
            self.keyboard_layout = ""
