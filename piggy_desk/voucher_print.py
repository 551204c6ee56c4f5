"""What goes on a printed voucher, without Qt: the slip's facts, the QR code's and the
Code 128 barcode's modules, whether a code can be carried by them, and the label grid.

The codes are drawn by ``piggy_desk.ui.printing`` as vectors from the modules given here.
segno makes the QR code and python-barcode the Code 128 pattern; both are small pure-Python
libraries (BSD and MIT) with no dependencies of their own, and only their encoders are used.

A code a symbol cannot carry gets a ``NotEncodable`` whose sentence is printed in the
symbol's place: a printed code must scan back as exactly the voucher's code, never as
something else.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from piggy_desk.api.models import Voucher
from piggy_desk.texts import QT_TRANSLATE_NOOP, TranslatableError

MIN_MODULE_MM = 0.25
"""The narrowest bar a Code 128 barcode is drawn with: two dots of a 203 dpi receipt
printer, and above the 0.19 mm that ISO/IEC 15417 allows for a reliable scan."""
QUIET_MODULES_128 = 10
"""The blank margin a Code 128 barcode needs on each side, in modules."""
QUIET_MODULES_QR = 4
"""The blank margin a QR code needs on each side, in modules."""
MAX_QR_CODE_LENGTH = 255
"""Piggy's longest voucher code (``piggy_desk.api.client.MAX_CODE_LENGTH``)."""


# python-barcode says at import that Pillow is missing (only its picture writer needs it).
logging.getLogger("pyBarcode").setLevel(logging.WARNING)


class Symbol(StrEnum):
    """The two machine-readable forms of a code on paper."""

    QR = "qr"
    CODE128 = "code128"


class NotEncodable(TranslatableError):
    """A code that a symbol cannot carry; ``sentence(translate)`` says why, for a person."""

    context = "VoucherPrint"


def _check_characters(code: str) -> None:
    """Printable ASCII only: what a barcode scanner, a keyboard to the computer, types back
    unchanged on every keyboard layout. Code 128 cannot carry anything else at all."""
    odd = [ch for ch in dict.fromkeys(code) if not " " <= ch <= "~"]
    if odd:
        shown = " ".join(repr(ch) if not ch.isprintable() else ch for ch in odd[:5])
        raise NotEncodable(
            QT_TRANSLATE_NOOP(
                "VoucherPrint",
                "No barcode: this code has characters a scanner cannot type back ({characters}). "
                "Type the code at the counter.",
            ),
            characters=shown,
        )
    if not code.strip():
        raise NotEncodable(QT_TRANSLATE_NOOP("VoucherPrint", "No barcode: the code is empty."))


def qr_modules(code: str) -> list[list[bool]]:
    """The QR code of ``code`` as rows of dark (True) and light modules, without the quiet
    zone. Raises ``NotEncodable`` for a code a scanner could not type back."""
    import segno

    _check_characters(code)
    if len(code) > MAX_QR_CODE_LENGTH:
        raise NotEncodable(
            QT_TRANSLATE_NOOP(
                "VoucherPrint", "No QR code: the code is longer than {max} characters."
            ),
            max=MAX_QR_CODE_LENGTH,
        )
    # Error correction M at least, raised where the size allows (segno's boost_error);
    # byte mode keeps lower case as it is.
    qr = segno.make_qr(code, error="m", boost_error=True)
    return [[bool(module) for module in row] for row in qr.matrix]


def code128_modules(code: str) -> str:
    """The Code 128 barcode of ``code`` as a string of modules, "1" for a bar, without the
    quiet zones (python-barcode switches to code set C for runs of digits)."""
    from barcode.codex import Code128

    _check_characters(code)
    modules: str = Code128(code).build()[0]
    return modules


def code128_fits(code: str, width_mm: float) -> str:
    """The Code 128 modules of ``code`` when they fit ``width_mm`` (quiet zones included)
    with bars no narrower than ``MIN_MODULE_MM``; otherwise ``NotEncodable``."""
    modules = code128_modules(code)
    needed = len(modules) + 2 * QUIET_MODULES_128
    if needed * MIN_MODULE_MM > width_mm:
        raise NotEncodable(
            QT_TRANSLATE_NOOP(
                "VoucherPrint",
                "No barcode: this code is too long for a scannable barcode {width} mm wide. "
                "Scan the QR code.",
            ),
            width=round(width_mm),
        )
    return modules


@dataclass(frozen=True, slots=True)
class SlipFacts:
    """What a slip says about one voucher, in the order it is printed."""

    code: str
    promotion: str
    description: str
    valid_from: datetime | None
    valid_until: datetime | None
    uses: int | None
    shop: str

    @classmethod
    def of(cls, voucher: Voucher, shop: str = "") -> SlipFacts:
        """The facts of ``voucher``; the promotion's name and description where the voucher
        has none of its own."""
        promotion = voucher.promotion
        return cls(
            code=voucher.code,
            promotion=voucher.name or (promotion.name if promotion else ""),
            description=voucher.description or (promotion.description if promotion else ""),
            valid_from=voucher.activation_date,
            valid_until=voucher.expiration_date,
            uses=promotion.uses_per_voucher if promotion else None,
            shop=shop,
        )


@dataclass(frozen=True, slots=True)
class LabelSheet:
    """A sheet of self-adhesive labels: the page, the grid and where it starts (mm)."""

    name: str
    page_width: float
    page_height: float
    columns: int
    rows: int
    label_width: float
    label_height: float
    left: float
    top: float
    gap_x: float = 0.0
    gap_y: float = 0.0

    @property
    def per_page(self) -> int:
        return self.columns * self.rows

    def pages(self, count: int) -> int:
        """The sheets ``count`` labels take."""
        return max(1, -(-count // self.per_page))

    def place(self, index: int) -> tuple[int, float, float]:
        """The sheet (from 0) and the top-left corner (mm) of label ``index``, row by row."""
        page, slot = divmod(index, self.per_page)
        row, column = divmod(slot, self.columns)
        x = self.left + column * (self.label_width + self.gap_x)
        y = self.top + row * (self.label_height + self.gap_y)
        return page, x, y

    def fits(self) -> bool:
        """True when the grid lies on the page."""
        right = self.left + self.columns * self.label_width + (self.columns - 1) * self.gap_x
        bottom = self.top + self.rows * self.label_height + (self.rows - 1) * self.gap_y
        return right <= self.page_width + 1e-9 and bottom <= self.page_height + 1e-9


A4_3X8 = LabelSheet(
    name="A4 3 × 8 (70 × 37 mm)",
    page_width=210.0,
    page_height=297.0,
    columns=3,
    rows=8,
    label_width=70.0,
    label_height=37.0,
    left=0.0,
    top=0.5,
)
"""The common 24-label A4 sheet (Avery 3474, Herma 4453, …): three columns of 70 × 37 mm
from edge to edge, half a millimetre from the top."""


def sheet_pages(facts: Sequence[SlipFacts], sheet: LabelSheet = A4_3X8) -> int:
    """How many sheets these vouchers take."""
    return sheet.pages(len(facts))
