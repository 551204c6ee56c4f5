"""Printed vouchers scan back: each layout rendered to an image and to a PDF (rasterised by
poppler's pdftoppm, as a printer would put it on paper), read by a real barcode reader
(zxing-cpp), and the text must be exactly the voucher's code; a code the symbols cannot
carry gets a sentence in their place. The counter redeems what the reader got from a slip
printed from the Vouchers screen."""

from __future__ import annotations

import shutil
import subprocess
import sys
import unicodedata
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
import zxingcpp
from PySide6.QtCore import QItemSelectionModel
from PySide6.QtGui import QImage, QPageSize
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QApplication, QPushButton

from piggy_desk.api import PiggyClient
from piggy_desk.api.client import MAX_CODE_LENGTH
from piggy_desk.counter.flow import Stage
from piggy_desk.sandbox import KNOWN, RunningSandbox
from piggy_desk.ui.printing import Layout, PrintDialog, render_images, save_pdf, symbol_problems
from piggy_desk.voucher_print import A4_3X8, SlipFacts
from tests.ui.conftest import Counter, enter, until
from tests.ui.vouchers.batches import start_batch

# The longest code Piggy takes, in letters of both cases, digits and the signs codes use.
LONGEST = ("Aa0-Bb1_Cc2.Dd3" * 20)[:MAX_CODE_LENGTH]
CODES = {
    "lower case": "zomer-kaas-2026",
    "digits only": "0123456789012345",
    "every printable sign": "".join(chr(n) for n in range(0x21, 0x7F)),
    "the longest Piggy allows": LONGEST,
}
SLIPS = (Layout.RECEIPT, Layout.A6)
DPI = 250

PDFTOPPM, PDFTOTEXT = shutil.which("pdftoppm"), shutil.which("pdftotext")
PDFINFO = shutil.which("pdfinfo")
needs_poppler = pytest.mark.skipif(
    PDFTOPPM is None or PDFTOTEXT is None or PDFINFO is None,
    reason="poppler-utils (pdftoppm, pdftotext) is not installed",
)


def facts(code: str) -> SlipFacts:
    start = datetime(2026, 12, 1, 9, 0, tzinfo=UTC)
    return SlipFacts(
        code=code,
        promotion="Gratis koffie",
        description="Eén kop koffie naar keuze bij elke aankoop.",
        valid_from=start,
        valid_until=start + timedelta(days=30),
        uses=1,
        shop="Bakkerij De Zon",
    )


def read(image: QImage) -> dict[str, list[str]]:
    """What a barcode reader finds on the page: texts by kind ("QRCode", "Code128")."""
    found: dict[str, list[str]] = {}
    for barcode in zxingcpp.read_barcodes(image):
        found.setdefault(barcode.format.name, []).append(barcode.text)
    return found


def pdf_pages(path: Path) -> list[QImage]:
    """The PDF's pages as a printer's raster: pdftoppm at ``DPI``."""
    prefix = path.with_suffix("")
    subprocess.run(
        [str(PDFTOPPM), "-r", str(DPI), "-gray", "-png", str(path), str(prefix)], check=True
    )
    pages = sorted(path.parent.glob(f"{prefix.name}-*.png"))
    return [QImage(str(page)) for page in pages]


def pdf_text(path: Path) -> str:
    text = subprocess.run(
        [str(PDFTOTEXT), str(path), "-"], check=True, capture_output=True, text=True
    ).stdout
    return " ".join(unicodedata.normalize("NFKC", text).split())  # "ﬃ" is "ffi"


def fits_a_barcode(code: str, layout: Layout) -> bool:
    return not symbol_problems(code, layout)


@needs_poppler
@pytest.mark.parametrize("layout", SLIPS, ids=str)
def test_a_slip_scans_back_as_the_code(qapp: QApplication, layout: Layout, tmp_path: Path) -> None:
    for kind, code in CODES.items():
        pdf = tmp_path / f"{layout}-{len(code)}.pdf"
        save_pdf(pdf, [facts(code)], layout)
        data = pdf.read_bytes()
        assert data.startswith(b"%PDF")
        assert b"/Subtype /Image" not in data, "the codes are drawn as vectors, not pictures"
        [page] = pdf_pages(pdf)
        [image] = render_images([facts(code)], layout, dpi=DPI)
        for source, picture in (("image", image), ("PDF", page)):
            found = read(picture)
            assert found.get("QRCode") == [code], (kind, source, found)
            if len(code) <= 20:
                assert found.get("Code128") == [code], (kind, source, found)
            else:
                # Too long for bars a scanner can tell apart on this paper: no barcode,
                # the sentence in its place, never a barcode of something else.
                assert "Code128" not in found, (kind, source, found)
        text = pdf_text(pdf)
        if len(code) > 20:
            assert "No barcode: this code is too long for a scannable barcode" in text
            assert "Scan the QR code." in text
        assert "Gratis koffie" in text and "Bakkerij De Zon" in text
        assert "Valid from" in text and "Can be used 1 time" in text
        # The code in large type, whole (wrapped anywhere, so compared without spaces).
        assert code.replace(" ", "") in text.replace(" ", ""), kind


@needs_poppler
def test_a_label_sheet_scans_back_as_the_codes(qapp: QApplication, tmp_path: Path) -> None:
    # More than a sheet holds: the labels go on to a second sheet.
    codes = [*CODES.values(), *(f"BATCH{n:05d}" for n in range(A4_3X8.per_page))]
    pdf = tmp_path / "sheet.pdf"
    save_pdf(pdf, [facts(code) for code in codes], Layout.SHEET)
    assert b"/Subtype /Image" not in pdf.read_bytes()
    for source, pages in (
        ("image", render_images([facts(code) for code in codes], Layout.SHEET, dpi=DPI)),
        ("PDF", pdf_pages(pdf)),
    ):
        assert len(pages) == 2, source
        first, second = (read(page) for page in pages)
        assert sorted(first["QRCode"]) == sorted(codes[: A4_3X8.per_page]), source
        assert sorted(second["QRCode"]) == sorted(codes[A4_3X8.per_page :]), source
        assert "Code128" not in first


def test_the_grid_fits_the_sheet() -> None:
    assert A4_3X8.fits() and A4_3X8.per_page == 24
    assert A4_3X8.place(0) == (0, 0.0, 0.5)
    assert A4_3X8.place(23) == (0, 140.0, 0.5 + 7 * 37.0)
    assert A4_3X8.place(24) == (1, 0.0, 0.5)
    assert A4_3X8.pages(24) == 1 and A4_3X8.pages(25) == 2


@needs_poppler
@pytest.mark.parametrize("code", ["café-één", "TAB\tCODE"], ids=["accents", "a tab"])
def test_a_code_no_scanner_can_type_gets_a_sentence_not_a_symbol(
    qapp: QApplication, tmp_path: Path, code: str
) -> None:
    sentence = "No barcode: this code has characters a scanner cannot type back"
    for layout in Layout:
        assert any(sentence in problem for problem in symbol_problems(code, layout))
        pdf = tmp_path / f"{layout}.pdf"
        save_pdf(pdf, [facts(code)], layout)
        assert sentence in pdf_text(pdf), layout
        assert read(pdf_pages(pdf)[0]) == {}, layout
        assert read(render_images([facts(code)], layout, dpi=DPI)[0]) == {}, layout


def test_the_print_dialog_names_what_it_cannot_print(qapp: QApplication) -> None:
    from piggy_desk.api.models import Voucher

    dialog = PrintDialog([Voucher(uuid="u1", code="café", status="ACTIVE")])
    assert dialog.layout_choice == Layout.RECEIPT
    assert "café: No barcode: this code has characters" in dialog.problem_label.text()
    assert not dialog.problem_label.isHidden()
    many = PrintDialog([Voucher(uuid=f"u{n}", code=f"C{n}", status="ACTIVE") for n in range(3)])
    assert many.layout_choice == Layout.SHEET
    assert not many.choices[Layout.RECEIPT].isEnabled()
    assert many.problem_label.isHidden()
    # A voucher the counter would refuse is said to be one before it is handed out.
    used = PrintDialog([Voucher(uuid="u9", code="GEBRUIKT01", status="REDEEMED")])
    assert used.problem_label.text() == "GEBRUIKT01: Already used: the counter will not accept it."


def test_what_goes_on_paper_needs_no_qt() -> None:
    script = (
        "import sys, piggy_desk.voucher_print as p; p.qr_modules('A1'); p.code128_modules('A1');"
        "sys.exit(any(name.startswith('PySide6') for name in sys.modules))"
    )
    assert subprocess.run([sys.executable, "-c", script], check=False).returncode == 0


@needs_poppler
async def test_a_printed_slip_is_redeemed_at_the_counter(
    counter: Counter, sandbox: RunningSandbox, tmp_path: Path
) -> None:
    """Made in Piggy, printed from the Vouchers screen, read off the paper, scanned into the
    counter's scan field: that voucher is redeemed."""
    codes = ["Zomer-kaas-2026", "0123456789012345", LONGEST]
    async with PiggyClient(sandbox.base_url, sandbox.token) as client:
        for code in codes:
            await client.vouchers.create(
                KNOWN.PROMOTION_SINGLE_USE, code=code, contact_uuid=KNOWN.CONTACT_UUID
            )
    window = counter.window
    window.tabs.setCurrentWidget(window.vouchers)
    screen = window.vouchers
    read_back: list[str] = []
    for code in codes:
        screen.code_search.setText(code)
        screen.code_search.returnPressed.emit()
        await until(lambda code=code: (v := screen.selected()) is not None and v.code == code)
        screen.print_dialog = None
        screen.print_button.click()
        await until(lambda: screen.print_dialog is not None, what="the print dialog")
        dialog = screen.print_dialog
        assert dialog is not None
        assert dialog.shop_field.text() == "Koffie & Co Utrecht Oudegracht"  # the counter's shop
        pdf = tmp_path / f"slip-{len(read_back)}.pdf"
        dialog.save_pdf(pdf)
        dialog.close()
        found = read(pdf_pages(pdf)[0])
        assert found["QRCode"] == [code]
        read_back.append(found.get("Code128", found["QRCode"])[0])
    assert read_back == codes
    window.tabs.setCurrentWidget(window.counter)
    for code, text in zip(codes, read_back, strict=True):
        await counter.scan(text)
        await enter(counter, Stage.CONFIRMING)
        await enter(counter, Stage.SHOWING)
        assert sandbox.voucher_state(code)["status"] == "REDEEMED", code


async def test_the_shop_name_is_asked_only_for_a_slip(counter: Counter) -> None:
    """A label has no shop name (paint_label); seen on Xvfb, the label sheet of 91 vouchers
    still offered "Shop name on the slip:" to type into, for nothing. It is for a slip."""
    window = counter.window
    window.tabs.setCurrentWidget(window.vouchers)
    screen = window.vouchers
    screen.code_search.setText(KNOWN.ACTIVE_WITH_CONTACT)
    screen.code_search.returnPressed.emit()
    await until(lambda: screen.selected() is not None, what="the voucher found")
    screen.print_dialog = None
    screen.print_button.click()
    await until(lambda: screen.print_dialog is not None, what="the print dialog")
    dialog = screen.print_dialog
    assert dialog is not None
    assert dialog.layout_choice == Layout.RECEIPT
    assert dialog.shop_field.isEnabled()
    dialog.choices[Layout.SHEET].click()
    assert not dialog.shop_field.isEnabled()
    dialog.choices[Layout.A6].click()
    assert dialog.shop_field.isEnabled()
    dialog.close()


@needs_poppler
async def test_a_finished_batch_prints_on_labels_from_its_dialog(
    counter: Counter, sandbox: RunningSandbox, tmp_path: Path
) -> None:
    """New batch…, done, Print… in the batch's dialog: a label sheet of exactly the
    promotion's vouchers, every one readable."""
    async with PiggyClient(sandbox.base_url, sandbox.token) as client:
        promotion = await client.promotions.create("Markt", "Flyers voor de markt")
    window = counter.window
    window.tabs.setCurrentWidget(window.vouchers)
    screen = window.vouchers
    await screen.load_promotions()
    dialog, done = start_batch(screen, promotion.uuid, 30)
    await until(lambda: done, timeout=15, what="the batch to complete")
    button = dialog.findChild(QPushButton, "printBatchButton")
    assert button is not None and button.isVisible() and button.isEnabled()
    screen.print_dialog = None
    button.click()
    await until(lambda: screen.print_dialog is not None, what="the print dialog")
    printing = screen.print_dialog
    assert printing is not None
    assert printing.what_label.text() == "All 30 vouchers in the list."
    assert printing.layout_choice == Layout.SHEET
    async with PiggyClient(sandbox.base_url, sandbox.token) as client:
        listed = await client.vouchers.list(promotion_uuid=promotion.uuid, limit=500)
    made = {voucher.code for voucher in listed.items}
    assert {v.code for v in printing.vouchers} == made and len(made) == 30
    pdf = tmp_path / "batch.pdf"
    printing.save_pdf(pdf)
    first, second = (read(page) for page in pdf_pages(pdf))
    assert len(first["QRCode"]) == 24 and len(second["QRCode"]) == 6
    assert set(first["QRCode"]) | set(second["QRCode"]) == made
    printing.close()


@needs_poppler
def test_printing_through_the_print_dialog_keeps_the_slips_paper(
    qapp: QApplication, tmp_path: Path
) -> None:
    """Qt's print dialog hands back the printer with its default paper (Letter for "Print
    to File" here, seen on a real display): the slip is still printed on 80 × 150 mm."""
    from piggy_desk.api.models import Voucher

    dialog = PrintDialog([Voucher(uuid="u1", code="ACTIEF0001", status="ACTIVE")])
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    printer.setPageSize(QPageSize(QPageSize.PageSizeId.Letter))  # as the dialog leaves it
    dialog._print(printer)
    info = subprocess.run(
        [str(PDFINFO), str(tmp_path / "printed.pdf")], check=True, capture_output=True, text=True
    ).stdout
    assert "Page size:       227 x 425 pts" in info  # 80 × 150 mm
    found = read(pdf_pages(tmp_path / "printed.pdf")[0])
    assert found == {"QRCode": ["ACTIEF0001"], "Code128": ["ACTIEF0001"]}


@needs_poppler
async def test_a_customers_vouchers_print_from_their_card(counter: Counter, tmp_path: Path) -> None:
    """Contacts, Print vouchers…: all the customer's vouchers when none is chosen, else the
    chosen ones, every code readable on the sheet."""
    window = counter.window
    window.tabs.setCurrentWidget(window.contacts)
    screen = window.contacts
    await screen.search(KNOWN.CONTACT_EMAIL)
    assert screen.model.rowCount() > 3
    everything = {voucher.code for voucher in screen.model.vouchers}

    async def printed() -> PrintDialog:
        for old in screen.findChildren(PrintDialog):
            old.setParent(None)
        screen.print_button.click()
        await until(lambda: screen.findChild(PrintDialog) is not None, what="the print dialog")
        dialog = screen.findChild(PrintDialog)
        assert dialog is not None
        dialog.close()
        return dialog

    dialog = await printed()
    assert {voucher.code for voucher in dialog.vouchers} == everything
    assert dialog.shop_field.text() == "Koffie & Co Utrecht Oudegracht"
    screen.table.selectRow(0)
    screen.table.selectionModel().select(
        screen.model.index(2, 0),
        QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows,
    )
    dialog = await printed()
    chosen = [screen.model.voucher(0).code, screen.model.voucher(2).code]
    assert [voucher.code for voucher in dialog.vouchers] == chosen
    assert dialog.layout_choice == Layout.SHEET
    dialog.save_pdf(tmp_path / "chosen.pdf")
    assert sorted(read(pdf_pages(tmp_path / "chosen.pdf")[0])["QRCode"]) == sorted(chosen)


@needs_poppler
def test_a_time_on_a_slip_stays_with_its_date(qapp: QApplication, tmp_path: Path) -> None:
    # (An outside tester's 80 mm slip ended the validity with its time alone on a line.)
    pdf = tmp_path / "slip.pdf"
    save_pdf(pdf, [facts("ACTIEF0001")], Layout.RECEIPT)
    lines = subprocess.run(
        [str(PDFTOTEXT), str(pdf), "-"], check=True, capture_output=True, text=True
    ).stdout.splitlines()
    valid = [n for n, line in enumerate(lines) if line.startswith("Valid from")]
    assert valid, lines
    for line in lines[valid[0] : valid[0] + 3]:
        words = unicodedata.normalize("NFKC", line).split()
        assert words and not (words[0][:1].isdigit() and ":" in words[0]), lines
