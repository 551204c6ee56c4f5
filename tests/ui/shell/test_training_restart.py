"""Each training start has a new sandbox, so it begins a new training journal: the one of
the previous start is kept aside (with the time), as a damaged journal is. Before, the old
journal's redemption of ACTIEF0001 made the counter offer "Reverse redemption…" on the new
sandbox's untouched voucher, and Yes ended in "Piggy did not accept the details that were
sent." A lock the previous run left open is not "released" against a sandbox that never
had it. The program's own start (``_run``), twice, with the sandbox it starts itself."""

from __future__ import annotations

import asyncio
import sys
from pathlib import Path

import pytest
import shiboken6
from PySide6.QtWidgets import QApplication

from piggy_desk.counter.flow import Stage
from piggy_desk.counter.journal import JOURNAL_FILE, Action, Journal
from piggy_desk.sandbox import KNOWN
from tests.ui.conftest import Counter
from tests.ui.shell.conftest import its_window, start_here

if sys.platform == "win32":
    pytest.skip("the start's signal handlers are POSIX here", allow_module_level=True)


async def _start(qapp: QApplication, tmp_path: Path) -> tuple[asyncio.Task[int], Counter]:
    started = start_here(qapp, tmp_path, tmp_path / "data")
    counter = Counter(await its_window(qapp))
    await counter.settle()
    return started, counter


async def _scan(counter: Counter, code: str) -> None:
    """A scan into the scan field (the window need not have the focus here)."""
    counter.screen.scan_input.setText(code)
    counter.screen.submit_scan_field()
    await counter.until_on_card(code)
    await counter.settle()


async def _end(started: asyncio.Task[int], counter: Counter) -> None:
    counter.window.close()
    assert await asyncio.wait_for(started, 20) == 0
    shiboken6.delete(counter.window)  # no window left for the tests that follow


async def test_a_voucher_redeemed_in_the_previous_training_is_valid_in_the_new_one(
    program_start: None, qapp: QApplication, tmp_path: Path
) -> None:
    code = KNOWN.ACTIVE_WITH_CONTACT
    started, counter = await _start(qapp, tmp_path)
    window = counter.window
    await _scan(counter, code)
    await window.flow.redeem()
    await window.flow.confirm()
    assert window.flow.view.stage == Stage.SHOWING
    assert window.flow.view.voucher is not None
    assert window.flow.view.voucher.status == "REDEEMED"
    await _scan(counter, KNOWN.ACTIVE_NO_CONTACT)
    assert window.flow.view.voucher is not None
    other = window.flow.view.voucher.uuid
    await _end(started, counter)
    folder = tmp_path / "data" / "training"
    # A lock whose answer never came, as a run killed mid-request leaves it.
    left = Journal.in_folder(folder)
    try:
        left.begin(Action.LOCK, code=KNOWN.ACTIVE_NO_CONTACT, voucher_uuid=other)
        assert len(left.open_locks()) == 1
    finally:
        left.close()

    started, counter = await _start(qapp, tmp_path)
    window = counter.window
    await _scan(counter, code)
    assert window.flow.view.voucher is not None
    assert window.flow.view.voucher.status == "ACTIVE"
    assert counter.screen.card.status.word == "Valid"
    assert not window.flow.view.can_reverse
    assert not counter.screen.reverse_button.isVisible()
    # The journal of the gone sandbox is kept aside; the new one has nothing open, and the
    # start says nothing about a lock it "released".
    kept = sorted(folder.glob("journal.previous-sandbox-*.sqlite3"))
    assert len(kept) == 1
    assert window.journal.open_locks() == []
    said = [window.statusBar().currentMessage(), *(n.sentence for n in counter.notices)]
    assert not any("released" in text or "reserved" in text for text in said), said
    await _end(started, counter)
    assert (folder / JOURNAL_FILE).exists()
