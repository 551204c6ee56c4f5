"""Printed vouchers: a slip (80 mm receipt roll or A6) for one voucher and A4 label sheets
for many, drawn with QPainter so the QR code and the Code 128 barcode stay vectors in a PDF
and on a printer; printed through Qt's print dialog, or saved as PDF without a printer.

What goes on the paper and whether a code can be carried comes from
``piggy_desk.voucher_print`` (no Qt); this module lays it out and draws it.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from contextlib import aclosing
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from pathlib import Path
from typing import ClassVar

from PySide6.QtCore import QCoreApplication, QMarginsF, QObject, QRectF, QSizeF, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontDatabase,
    QImage,
    QPageLayout,
    QPageSize,
    QPainter,
    QPen,
    QTextOption,
)
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from piggy_desk.api import PiggyClient, PiggyError, VoucherStatus
from piggy_desk.api.models import Voucher
from piggy_desk.manager.export import VoucherFilter
from piggy_desk.texts import QT_TRANSLATE_NOOP
from piggy_desk.ui.core.i18n import date_time_text
from piggy_desk.ui.widgets import status_look
from piggy_desk.ui.widgets.save_dialog import ask_where_to_save
from piggy_desk.voucher_print import (
    A4_3X8,
    QUIET_MODULES_128,
    QUIET_MODULES_QR,
    LabelSheet,
    NotEncodable,
    SlipFacts,
    code128_fits,
    qr_modules,
)

MM_PER_INCH = 25.4
UNUSABLE = frozenset({VoucherStatus.REDEEMED, VoucherStatus.EXPIRED, VoucherStatus.DEACTIVATED})
"""Statuses the dialog warns about: a slip of such a voucher would not be redeemed."""
MAX_SHEET_VOUCHERS = 500
"""The most vouchers one label print takes (a batch's largest size; 21 sheets)."""


class PrintCounts(QObject):
    """The printed sentences with a count (lupdate finds the plural forms of ``self.tr``
    calls, not of ``QCoreApplication.translate``)."""

    def uses(self, count: int) -> str:
        return self.tr("Can be used %Ln time(s)", "", count)

    def all_in_list(self, count: int) -> str:
        return self.tr("All %Ln voucher(s) in the list.", "", count)


_COUNTS = PrintCounts()


def _tr(text: str, n: int = -1) -> str:
    return QCoreApplication.translate("VoucherPrint", text, None, n)


class Layout(StrEnum):
    """The three things Piggy Desk prints."""

    RECEIPT = "receipt"
    A6 = "a6"
    SHEET = "sheet"


@dataclass(frozen=True, slots=True)
class SlipLayout:
    """A slip's page and its proportions, in millimetres and points."""

    width: float
    height: float
    margin: float
    qr: float
    bar_height: float
    title_pt: float
    code_pt: float
    text_pt: float


SLIPS = {
    # 72 mm is what an 80 mm receipt printer prints of its roll.
    Layout.RECEIPT: SlipLayout(80, 150, 4, 40, 14, 13, 20, 9),
    Layout.A6: SlipLayout(105, 148, 8, 44, 16, 15, 22, 10),
}


def page_size(layout: Layout) -> QPageSize:
    """The paper of ``layout``."""
    if layout == Layout.SHEET:
        return QPageSize(QPageSize.PageSizeId.A4)
    if layout == Layout.A6:
        return QPageSize(QPageSize.PageSizeId.A6)
    slip = SLIPS[layout]
    return QPageSize(QSizeF(slip.width, slip.height), QPageSize.Unit.Millimeter, "80 mm receipt")


class _Page:
    """A painter and its scale: everything is placed in millimetres from the page's corner;
    fonts keep their point sizes on every device."""

    def __init__(self, painter: QPainter, px_per_mm: float) -> None:
        self.painter = painter
        self.k = px_per_mm

    def rect(self, x: float, y: float, w: float, h: float) -> QRectF:
        return QRectF(x * self.k, y * self.k, w * self.k, h * self.k)

    def text(
        self,
        x: float,
        y: float,
        w: float,
        text: str,
        font: QFont,
        *,
        max_h: float = 1000.0,
        align: Qt.AlignmentFlag = Qt.AlignmentFlag.AlignHCenter,
        anywhere: bool = False,
    ) -> float:
        """Draw ``text`` wrapped in the width, at most ``max_h`` high; returns its height."""
        if not text:
            return 0.0
        self.painter.setFont(font)
        option = QTextOption(align)
        option.setWrapMode(
            QTextOption.WrapMode.WrapAnywhere if anywhere else QTextOption.WrapMode.WordWrap
        )
        box = self.rect(x, y, w, max_h)
        used = self.painter.boundingRect(box, text, option)
        height = min(used.height() / self.k, max_h)
        self.painter.save()
        self.painter.setClipRect(self.rect(x, y, w, height))
        self.painter.drawText(self.rect(x, y, w, height), text, option)
        self.painter.restore()
        return height

    def fitted_size(self, text: str, font: QFont, w: float, max_h: float, start: float) -> QFont:
        """``font`` at the largest size from ``start`` down to 5 pt at which ``text``, wrapped
        anywhere, fits ``w`` by ``max_h``."""
        option = QTextOption(Qt.AlignmentFlag.AlignHCenter)
        option.setWrapMode(QTextOption.WrapMode.WrapAnywhere)
        size = start
        while size > 5:
            font.setPointSizeF(size)
            self.painter.setFont(font)
            used = self.painter.boundingRect(self.rect(0, 0, w, 10_000), text, option)
            if used.height() / self.k <= max_h:
                break
            size -= 1
        return font

    def qr(self, x: float, y: float, size: float, modules: list[list[bool]]) -> None:
        """The QR code in a ``size`` square, its quiet zone inside the square."""
        count = len(modules) + 2 * QUIET_MODULES_QR
        unit = size / count
        for row, line in enumerate(modules):
            column = 0
            while column < len(line):
                if line[column]:
                    start = column
                    while column < len(line) and line[column]:
                        column += 1
                    self.painter.fillRect(
                        self.rect(
                            x + (start + QUIET_MODULES_QR) * unit,
                            y + (row + QUIET_MODULES_QR) * unit,
                            (column - start) * unit,
                            unit,
                        ),
                        Qt.GlobalColor.black,
                    )
                else:
                    column += 1

    def bars(self, x: float, y: float, w: float, h: float, modules: str) -> None:
        """The Code 128 bars centred in ``w``, quiet zones included, at most 0.5 mm a module."""
        count = len(modules) + 2 * QUIET_MODULES_128
        unit = min(w / count, 0.5)
        left = x + (w - count * unit) / 2 + QUIET_MODULES_128 * unit
        at = 0
        while at < len(modules):
            if modules[at] == "1":
                start = at
                while at < len(modules) and modules[at] == "1":
                    at += 1
                self.painter.fillRect(
                    self.rect(left + start * unit, y, (at - start) * unit, h),
                    Qt.GlobalColor.black,
                )
            else:
                at += 1

    def notice(self, x: float, y: float, w: float, sentence: str, pt: float, h: float = 0) -> float:
        """A sentence in a thin frame where a symbol could not go, at least ``h`` high;
        returns the frame's height."""
        font = QFont()
        font.setPointSizeF(pt)
        inset = 1.5
        self.painter.save()
        self.painter.setOpacity(0)
        needed = self.text(x + inset, y + inset, w - 2 * inset, sentence, font) + 2 * inset
        self.painter.restore()
        h = max(h, needed)
        pen = QPen(QColor("#000000"))
        pen.setWidthF(0.2 * self.k)
        self.painter.setPen(pen)
        self.painter.drawRect(self.rect(x, y, w, h))
        self.text(x + inset, y + inset, w - 2 * inset, sentence, font, max_h=h - 2 * inset)
        return h

    def shortened(self, text: str, font: QFont, w: float, max_h: float) -> str:
        """``text``, or its longest beginning with "…" that fits ``w`` by ``max_h`` in
        ``font`` wrapped anywhere."""
        option = QTextOption(Qt.AlignmentFlag.AlignLeft)
        option.setWrapMode(QTextOption.WrapMode.WrapAnywhere)
        self.painter.setFont(font)

        def fits(candidate: str) -> bool:
            used = self.painter.boundingRect(self.rect(0, 0, w, 10_000), candidate, option)
            return used.height() / self.k <= max_h

        if fits(text):
            return text
        low, high = 0, len(text)
        while low < high:
            middle = (low + high + 1) // 2
            if fits(text[:middle] + "…"):
                low = middle
            else:
                high = middle - 1
        return text[:low] + "…"


def _code_font() -> QFont:
    font = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
    font.setBold(True)
    return font


def _font(pt: float, bold: bool = False) -> QFont:
    font = QFont()
    font.setPointSizeF(pt)
    font.setBold(bold)
    return font


def _moment(moment: datetime) -> str:
    """A date and its time that wrap as one: an 80 mm slip ended its validity with the
    time alone on a line (no-break spaces inside)."""
    return date_time_text(moment).replace(" ", "\u00a0")


def validity_text(facts: SlipFacts) -> str:
    """The validity in local time, as a person reads it."""
    if facts.valid_from and facts.valid_until:
        return QCoreApplication.translate("VoucherPrint", "Valid from {start} until {end}").format(
            start=_moment(facts.valid_from), end=_moment(facts.valid_until)
        )
    if facts.valid_until:
        return QCoreApplication.translate("VoucherPrint", "Valid until {end}").format(
            end=_moment(facts.valid_until)
        )
    if facts.valid_from:
        return QCoreApplication.translate("VoucherPrint", "Valid from {start}, no end date").format(
            start=_moment(facts.valid_from)
        )
    return QCoreApplication.translate("VoucherPrint", "No end date")


def uses_text(facts: SlipFacts) -> str:
    """How many times the voucher can be used, or nothing where Piggy does not say."""
    if facts.uses is None:
        return ""
    return _COUNTS.uses(facts.uses)


def symbol_problems(code: str, layout: Layout) -> list[str]:
    """The sentences that take a symbol's place on ``layout`` for ``code``; empty when both
    (on a label: the QR code) can be printed."""
    problems = []
    try:
        qr_modules(code)
    except NotEncodable as problem:
        problems.append(problem.sentence(QCoreApplication.translate))
    if layout != Layout.SHEET:
        slip = SLIPS[layout]
        try:
            code128_fits(code, slip.width - 2 * slip.margin)
        except NotEncodable as problem:
            if problem.sentence(QCoreApplication.translate) not in problems:
                problems.append(problem.sentence(QCoreApplication.translate))
    return problems


def paint_slip(page: _Page, facts: SlipFacts, layout: Layout) -> None:
    """One voucher on a slip of ``layout`` (RECEIPT or A6)."""
    slip = SLIPS[layout]
    x, w = slip.margin, slip.width - 2 * slip.margin
    y = slip.margin
    page.painter.setPen(QColor("#000000"))
    if facts.shop:
        y += page.text(x, y, w, facts.shop, _font(slip.text_pt, bold=True), max_h=10) + 1.5
    y += page.text(x, y, w, facts.promotion, _font(slip.title_pt, bold=True), max_h=14) + 1
    y += page.text(x, y, w, facts.description, _font(slip.text_pt), max_h=12) + 3
    code_font = page.fitted_size(facts.code, _code_font(), w, 22, slip.code_pt)
    y += page.text(x, y, w, facts.code, code_font, max_h=22, anywhere=True) + 3
    try:
        modules = qr_modules(facts.code)
        page.qr(x + (w - slip.qr) / 2, y, slip.qr, modules)
    except NotEncodable as problem:
        sentence = problem.sentence(QCoreApplication.translate)
        y += page.notice(x, y, w, sentence, slip.text_pt) + 3
        qr_failed = problem.template
    else:
        qr_failed = ""
        y += slip.qr + 2
    try:
        bars = code128_fits(facts.code, w)
        page.bars(x, y, w, slip.bar_height, bars)
        y += slip.bar_height + 4
    except NotEncodable as problem:
        if problem.template != qr_failed:  # the same sentence twice says nothing new
            sentence = problem.sentence(QCoreApplication.translate)
            y += page.notice(x, y, w, sentence, slip.text_pt) + 3
    page.painter.setPen(QColor("#000000"))
    y += page.text(x, y, w, validity_text(facts), _font(slip.text_pt), max_h=10) + 1
    page.text(x, y, w, uses_text(facts), _font(slip.text_pt), max_h=6)


LABEL_PADDING = 3.0


def paint_label(page: _Page, facts: SlipFacts, left: float, top: float, sheet: LabelSheet) -> None:
    """One voucher on a label: the QR code on the left, the code, promotion and end date."""
    inner_h = sheet.label_height - 2 * LABEL_PADDING
    x, y = left + LABEL_PADDING, top + LABEL_PADDING
    page.painter.setPen(QColor("#000000"))
    try:
        page.qr(x, y, inner_h, qr_modules(facts.code))
    except NotEncodable as problem:
        page.notice(x, y, inner_h, problem.sentence(QCoreApplication.translate), 5, inner_h)
    x += inner_h + 1.5
    w = sheet.label_width - 2 * LABEL_PADDING - inner_h - 1.5
    page.painter.setPen(QColor("#000000"))
    # A code too long for the label even in small type is shortened; the QR code has it all.
    code_font = page.fitted_size(facts.code, _code_font(), w, 16, 11)
    code = page.shortened(facts.code, code_font, w, 16)
    used = page.text(
        x, y, w, code, code_font, max_h=16, anywhere=True, align=Qt.AlignmentFlag.AlignLeft
    )
    y += used + 1.5
    used = page.text(
        x, y, w, facts.promotion, _font(7, bold=True), max_h=7, align=Qt.AlignmentFlag.AlignLeft
    )
    y += used + 1
    end = (
        QCoreApplication.translate("VoucherPrint", "Until {end}").format(
            end=_moment(facts.valid_until)
        )
        if facts.valid_until
        else ""
    )
    rest = top + sheet.label_height - LABEL_PADDING - y
    if rest > 2:
        page.text(x, y, w, end, _font(6), max_h=rest, align=Qt.AlignmentFlag.AlignLeft)


def _sheet_pages(
    page: _Page, facts: Sequence[SlipFacts], sheet: LabelSheet, new_page: Callable[[], object]
) -> None:
    for index, one in enumerate(facts):
        number, left, top = sheet.place(index)
        if index and number != sheet.place(index - 1)[0]:
            new_page()
        paint_label(page, one, left, top, sheet)


def render_images(facts: Sequence[SlipFacts], layout: Layout, dpi: float = 300.0) -> list[QImage]:
    """The pages of ``layout`` as white images at ``dpi`` (a slip: one page, the first
    voucher; a sheet: as many pages as the labels take)."""
    size = page_size(layout).size(QPageSize.Unit.Millimeter)
    k = dpi / MM_PER_INCH
    images: list[QImage] = []

    def blank() -> QImage:
        image = QImage(
            round(size.width() * k), round(size.height() * k), QImage.Format.Format_RGB32
        )
        image.setDotsPerMeterX(round(dpi / 0.0254))
        image.setDotsPerMeterY(round(dpi / 0.0254))
        image.fill(Qt.GlobalColor.white)
        images.append(image)
        return image

    painter = QPainter(blank())
    page = _Page(painter, k)
    try:
        if layout == Layout.SHEET:

            def new_page() -> None:
                painter.end()
                painter.begin(blank())

            _sheet_pages(page, facts, A4_3X8, new_page)
        else:
            paint_slip(page, facts[0], layout)
    finally:
        painter.end()
    return images


def set_up_printer(printer: QPrinter, layout: Layout) -> None:
    """Paper and margins of ``layout``: the whole page is drawn on, placed to the mm."""
    printer.setFullPage(True)
    printer.setPageLayout(
        QPageLayout(
            page_size(layout),
            QPageLayout.Orientation.Portrait,
            QMarginsF(0, 0, 0, 0),
            QPageLayout.Unit.Millimeter,
        )
    )


def print_to(printer: QPrinter, facts: Sequence[SlipFacts], layout: Layout) -> None:
    """Draw ``layout`` on ``printer`` (a real printer or a PDF file): a slip for each voucher,
    one per page, or the label sheets."""
    painter = QPainter()
    if not painter.begin(printer):
        raise OSError(
            QCoreApplication.translate("VoucherPrint", "The printer could not be started.")
        )
    try:
        k = printer.resolution() / MM_PER_INCH
        page = _Page(painter, k)
        if layout == Layout.SHEET:
            _sheet_pages(page, facts, A4_3X8, printer.newPage)
        else:
            for index, one in enumerate(facts):
                if index:
                    printer.newPage()
                paint_slip(page, one, layout)
    finally:
        painter.end()


def save_pdf(path: Path, facts: Sequence[SlipFacts], layout: Layout) -> None:
    """``layout`` as a PDF file at ``path``, vectors and text, no printer needed."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(path))
    printer.setCreator("Piggy Desk")
    set_up_printer(printer, layout)
    print_to(printer, facts, layout)


async def vouchers_of(
    client: PiggyClient,
    voucher_filter: VoucherFilter,
    *,
    page_size: int = MAX_SHEET_VOUCHERS,
) -> tuple[list[Voucher], int | None]:
    """Up to ``MAX_SHEET_VOUCHERS`` vouchers of a filter, and how many the filter has."""
    found: list[Voucher] = []
    total: int | None = None
    pages = client.vouchers.pages(
        promotion_uuid=voucher_filter.promotion_uuid,
        status=voucher_filter.status,
        contact_uuid=voucher_filter.contact_uuid,
        page_size=page_size,
    )
    async with aclosing(pages):
        async for page in pages:
            total = page.total
            found.extend(page.items)
            if len(found) >= MAX_SHEET_VOUCHERS:
                break
    return found[:MAX_SHEET_VOUCHERS], total


class PrintDialog(QDialog):
    """Print one voucher as a slip or vouchers on a label sheet, or save them as PDF.

    ``vouchers`` are printed; with one voucher the slip layouts are offered as well as the
    sheet, with more only the sheet. ``note`` says what the vouchers are (e.g. "All 30
    vouchers of the list")."""

    LAYOUT_NAMES: ClassVar[dict[Layout, str]] = {
        Layout.RECEIPT: QT_TRANSLATE_NOOP("VoucherPrint", "Slip, 80 mm receipt roll"),
        Layout.A6: QT_TRANSLATE_NOOP("VoucherPrint", "Slip, A6"),
        Layout.SHEET: QT_TRANSLATE_NOOP("VoucherPrint", "A4 label sheet, 3 × 8 (70 × 37 mm)"),
    }

    def __init__(
        self,
        vouchers: Sequence[Voucher],
        *,
        note: str = "",
        shop: str = "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("printDialog")
        self.setWindowTitle(self.tr("Print vouchers"))
        self.setMinimumWidth(440)
        self.vouchers = list(vouchers)
        self.saved_to: Path | None = None
        self._setup_ui(note, shop)
        self._on_layout_toggled()

    def _setup_ui(self, note: str, shop: str) -> None:
        layout = QVBoxLayout(self)
        if not note:
            note = (
                self.tr("Voucher {code}").format(code=self.vouchers[0].code)
                if len(self.vouchers) == 1
                else self.tr("%Ln voucher(s)", "", len(self.vouchers))
            )
        self.what_label = QLabel(note, self)
        self.what_label.setObjectName("printWhat")
        self.what_label.setWordWrap(True)
        layout.addWidget(self.what_label)
        self.choices: dict[Layout, QRadioButton] = {}
        for choice in Layout:
            button = QRadioButton(_tr(self.LAYOUT_NAMES[choice]), self)
            button.setObjectName(f"printLayout_{choice.value}")
            button.setEnabled(choice == Layout.SHEET or len(self.vouchers) == 1)
            self.choices[choice] = button
            layout.addWidget(button)
        self.choices[Layout.RECEIPT if len(self.vouchers) == 1 else Layout.SHEET].setChecked(True)
        shop_label = QLabel(self.tr("Shop name on the slip:"), self)
        self.shop_field = QLineEdit(shop, self)
        self.shop_field.setObjectName("printShop")
        self.shop_field.setMaxLength(80)
        self.shop_field.setAccessibleName(self.tr("Shop name on the slip"))
        shop_label.setBuddy(self.shop_field)
        layout.addWidget(shop_label)
        layout.addWidget(self.shop_field)
        self.problem_label = QLabel(self)
        self.problem_label.setObjectName("printProblems")
        self.problem_label.setWordWrap(True)
        layout.addWidget(self.problem_label)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.print_button = QPushButton(self.tr("Print…"), self)
        self.print_button.setObjectName("printButton")
        self.pdf_button = QPushButton(self.tr("Save as PDF…"), self)
        self.pdf_button.setObjectName("savePdfButton")
        for action in (self.print_button, self.pdf_button):
            action.setAutoDefault(False)
            self.buttons.addButton(action, QDialogButtonBox.ButtonRole.ActionRole)
        self.print_button.clicked.connect(self._on_print_button_clicked)
        self.pdf_button.clicked.connect(self._on_pdf_button_clicked)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        for button in self.choices.values():
            button.toggled.connect(self._on_layout_toggled)

    @property
    def layout_choice(self) -> Layout:
        """The layout chosen."""
        return next(choice for choice, button in self.choices.items() if button.isChecked())

    def facts(self) -> list[SlipFacts]:
        """What is printed for each voucher."""
        shop = self.shop_field.text().strip()
        return [SlipFacts.of(voucher, shop) for voucher in self.vouchers]

    def save_pdf(self, path: Path) -> None:
        """Save the chosen layout as a PDF at ``path``."""
        save_pdf(path, self.facts(), self.layout_choice)
        self.saved_to = path
        self.problem_label.setText(
            self.tr("Saved {file} in {folder}.").format(file=path.name, folder=path.parent)
        )

    def _on_layout_toggled(self) -> None:
        choice = self.layout_choice
        # Only a slip carries the shop's name (a label has no room for it): not asked for labels.
        self.shop_field.setEnabled(choice != Layout.SHEET)
        sentences: list[str] = []
        for voucher in self.vouchers:
            code = voucher.code if len(voucher.code) <= 40 else voucher.code[:40] + "…"
            said = list(symbol_problems(voucher.code, choice))
            if voucher.status in UNUSABLE:
                said.insert(
                    0,
                    self.tr("{status}: the counter will not accept it.").format(
                        status=status_look(voucher.status).word
                    ),
                )
            for sentence in said:
                line = f"{code}: {sentence}"
                if line not in sentences:
                    sentences.append(line)
        if len(sentences) > 5:
            sentences = [*sentences[:5], self.tr("…and %Ln more.", "", len(sentences) - 5)]
        self.problem_label.setText("\n".join(sentences))
        self.problem_label.setVisible(bool(sentences))

    def _on_print_button_clicked(self) -> None:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        set_up_printer(printer, self.layout_choice)
        dialog = QPrintDialog(printer, self)
        dialog.accepted.connect(lambda: self._print(printer))
        dialog.setModal(True)
        dialog.show()

    def _print(self, printer: QPrinter) -> None:
        # Qt's print dialog puts back the printer's default paper (Letter or A4 for "Print
        # to File"): the layout's own paper again, as the slips and labels are placed on it.
        set_up_printer(printer, self.layout_choice)
        try:
            print_to(printer, self.facts(), self.layout_choice)
        except OSError as error:
            self.problem_label.setText(str(error))
            self.problem_label.show()

    def _on_pdf_button_clicked(self) -> None:
        ask_where_to_save(
            self,
            self.tr("Save as PDF"),
            "vouchers.pdf",
            self.tr("PDF files (*.pdf)"),
            self._save_chosen,
        )

    def _save_chosen(self, path: Path) -> None:
        try:
            self.save_pdf(path)
        except OSError as error:
            self.problem_label.setText(
                self.tr("Could not save {file}: {reason}").format(
                    file=path.name, reason=error.strerror or error
                )
            )
        self.problem_label.show()


async def shop_name(client: PiggyClient, shop_uuid: str | None) -> str:
    """The name of the counter's shop for the slip, or "" when there is none or Piggy does
    not say (the person can type it in the print dialog)."""
    if not shop_uuid:
        return ""
    try:
        return (await client.shops.get(shop_uuid)).name
    except PiggyError:
        return ""


async def open_print_dialog(
    client: PiggyClient,
    parent: QWidget,
    vouchers: Sequence[Voucher],
    *,
    note: str = "",
    shop_uuid: str | None = None,
) -> PrintDialog:
    """Open the print dialog for ``vouchers``, the shop's name filled in."""
    dialog = PrintDialog(
        vouchers, note=note, shop=await shop_name(client, shop_uuid), parent=parent
    )
    dialog.open()
    return dialog


async def vouchers_to_print(
    client: PiggyClient, voucher_filter: VoucherFilter
) -> tuple[list[Voucher], str]:
    """The vouchers of a filter (up to ``MAX_SHEET_VOUCHERS``) and the note that says which
    they are; no vouchers when the filter has none. Raises ``PiggyError`` when they cannot
    be read."""
    vouchers, total = await vouchers_of(client, voucher_filter)
    if total is not None and total > len(vouchers):
        note = QCoreApplication.translate(
            "VoucherPrint",
            "The first {shown} of the {total} vouchers in the list: one print takes at most "
            "{max}. Narrow the filter for the others.",
        ).format(shown=len(vouchers), total=total, max=MAX_SHEET_VOUCHERS)
    else:
        note = _COUNTS.all_in_list(len(vouchers))
    return vouchers, note
