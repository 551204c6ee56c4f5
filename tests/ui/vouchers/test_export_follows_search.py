"""Export and Print list take what the list shows, also a code found with "Find a code";
the save dialog opens in Documents, then where the last file went; a saved PDF says where
it is (an outside tester's findings: the whole filter was exported and printed, the dialog
opened in /root, "Saved vouchers.pdf." named no folder)."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from PySide6.QtWidgets import QFileDialog

from piggy_desk.sandbox import KNOWN
from piggy_desk.ui.vouchers.screen import VouchersScreen
from tests.ui.conftest import Counter, until


@pytest.fixture
def documents(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A home folder of the test's own, with a Documents folder."""
    home = tmp_path / "home"
    (home / "Documents").mkdir(parents=True)
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.delenv("XDG_DOCUMENTS_DIR", raising=False)
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / ".config"))
    return home / "Documents"


async def found_on_vouchers(counter: Counter, code: str) -> VouchersScreen:
    window = counter.window
    window.tabs.setCurrentWidget(window.vouchers)
    await until(lambda: window.vouchers.model.rowCount() > 1, what="vouchers")
    await window.vouchers.find_code(code)
    await until(lambda: window.vouchers.model.rowCount() == 1, what="the code found")
    return window.vouchers


async def save_dialog(screen: VouchersScreen) -> QFileDialog:
    await until(
        lambda: any(d.isVisible() for d in screen.findChildren(QFileDialog)), what="the dialog"
    )
    return next(d for d in screen.findChildren(QFileDialog) if d.isVisible())


async def export_through_the_dialog(screen: VouchersScreen, path: Path) -> QFileDialog:
    screen.export_button.click()
    dialog = await save_dialog(screen)
    opened_in = Path(dialog.directory().absolutePath())
    dialog.selectFile(str(path))
    dialog.accept()
    await until(lambda: screen.export_task is not None and screen.export_task.done())
    await until(lambda: path.exists(), what="the file")
    dialog.setDirectory(str(opened_in))  # (what it showed when it opened)
    return dialog


async def test_export_takes_the_code_found_and_opens_in_documents_then_the_last_folder(
    counter: Counter, documents: Path
) -> None:
    screen = await found_on_vouchers(counter, KNOWN.WITH_PLU)
    elsewhere = documents.parent / "exports"
    elsewhere.mkdir()
    first = await export_through_the_dialog(screen, elsewhere / "found.csv")
    assert Path(first.directory().absolutePath()) == documents
    with (elsewhere / "found.csv").open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    assert [row["code"] for row in rows] == [KNOWN.WITH_PLU]
    assert f"to found.csv in {elsewhere}" in screen.banner.text
    screen.export_button.click()
    second = await save_dialog(screen)
    assert Path(second.directory().absolutePath()) == elsewhere
    second.reject()


async def test_print_list_takes_the_code_found_and_a_pdf_says_its_folder(
    counter: Counter, documents: Path
) -> None:
    screen = await found_on_vouchers(counter, KNOWN.WITH_PLU)
    screen.print_list_button.click()
    await until(lambda: getattr(screen, "print_dialog", None) is not None, what="printing")
    dialog = screen.print_dialog
    assert [voucher.code for voucher in dialog.vouchers] == [KNOWN.WITH_PLU]
    dialog.save_pdf(documents / "vouchers.pdf")
    assert dialog.problem_label.text() == f"Saved vouchers.pdf in {documents}."
    dialog.reject()
