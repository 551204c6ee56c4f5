"""Make the README's screenshots: the real window on the sandbox, offscreen.

QT_QPA_PLATFORM=offscreen .venv/bin/python scripts/screenshots.py [--out docs/screenshots]
"""

from __future__ import annotations

import argparse
import asyncio
import os
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtWidgets import QApplication

from piggy_desk.app import STYLE, build_training_window
from piggy_desk.counter.connection import Connection
from piggy_desk.counter.flow import Stage
from piggy_desk.sandbox import KNOWN, start_sandbox
from piggy_desk.ui.loop import CounterEventLoop
from piggy_desk.ui.main_window import MainWindow


async def until(condition: Callable[[], bool], timeout: float = 10.0) -> None:
    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout
    while not condition():
        if loop.time() > deadline:
            raise TimeoutError("the window did not get there in time")
        await asyncio.sleep(0.02)


async def scan(window: MainWindow, code: str) -> None:
    field = window.counter.scan_input
    field.setText(code)
    window.counter.submit_scan_field()
    await until(
        lambda: window.counter.view.voucher is not None and window.counter.view.voucher.code == code
    )
    await until(lambda: not window.counter.view.busy)


async def shoot(out: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    with start_sandbox(token="screenshots") as sandbox, tempfile.TemporaryDirectory() as data:
        window = build_training_window(
            base_url=sandbox.base_url, token=sandbox.token, folder=Path(data)
        )
        window.resize(1100, 900)
        window.show()
        assert window.ready is not None
        await window.ready

        async def save(name: str) -> None:
            await asyncio.sleep(0.05)  # let the loop lay out and paint; never processEvents() here
            window.grab().save(str(out / f"{name}.png"))
            print(f"wrote {out / name}.png")

        await save("1-idle")
        await scan(window, KNOWN.WITH_PLU)
        await save("2-active-voucher")
        window.counter.redeem_button.click()
        await until(lambda: window.counter.view.stage == Stage.CONFIRMING)
        await save("3-confirm-countdown")
        window.counter.confirm_button.click()
        await until(
            lambda: window.counter.view.stage == Stage.SHOWING and not window.counter.view.busy
        )
        await save("4-redeemed")
        await scan(window, KNOWN.EXPIRED)
        await save("5-refusal-expired")
        await scan(window, KNOWN.ACTIVE_NO_CONTACT)
        window.counter.redeem_button.click()
        await until(lambda: window.counter.view.stage == Stage.NEEDS_CONTACT)
        window.counter.contact_input.setText("anna.dev")
        await save("7-needs-customer")
        window.counter.contact_cancel.click()
        await until(
            lambda: window.counter.view.stage == Stage.SHOWING and not window.counter.view.busy
        )
        window.tabs.setCurrentWidget(window.journal_screen)
        await until(lambda: window.journal_screen.model.rowCount() > 0)
        await save("6-journal")

        window.tabs.setCurrentWidget(window.vouchers)
        await until(
            lambda: window.vouchers.model.rowCount() > 0 and not window.vouchers.model.loading
        )
        window.vouchers.table.selectRow(3)
        await save("8-vouchers")
        dialog = window.vouchers.open_create_dialog()
        dialog.promotion.setCurrentIndex(dialog.promotion.findData(KNOWN.PROMOTION_WITH_PLU))
        dialog.code.setText(KNOWN.WITH_PLU)
        dialog.add_attribute_row("plu", "ABC12")
        dialog.buttons.accepted.emit()
        await until(lambda: dialog.errors["code"].isVisible())
        await asyncio.sleep(0.05)
        dialog.grab().save(str(out / "9-new-voucher-error.png"))
        print(f"wrote {out / '9-new-voucher-error'}.png")
        dialog.close()

        window.tabs.setCurrentWidget(window.promotions)
        await until(lambda: window.promotions.model.rowCount() > 0)
        window.promotions.select_promotion(KNOWN.PROMOTION_LIMITED)
        await asyncio.sleep(0.5)
        await save("10-promotions")

        window.tabs.setCurrentWidget(window.contacts)
        await window.contacts.search(KNOWN.CARD)
        await save("11-contacts")

        window.tabs.setCurrentWidget(window.counter)
        await scan(window, KNOWN.ACTIVE_WITH_CONTACT)
        sandbox.inject("drop", count=1000)
        window.counter.scan_input.setText(KNOWN.MULTI_USE)
        window.counter.submit_scan_field()
        await until(lambda: window.watch.state == Connection.OFFLINE)
        await until(lambda: not window.counter.view.busy)
        await save("12-offline")
        sandbox.clear_faults()
        window.close()
        await until(lambda: not window.isVisible())


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--out", type=Path, default=Path("docs/screenshots"))
    arguments = parser.parse_args()
    app = QApplication(sys.argv[:1])
    app.setQuitOnLastWindowClosed(False)
    app.setStyleSheet(STYLE.read_text(encoding="utf-8"))
    with asyncio.Runner(loop_factory=lambda: CounterEventLoop(app)) as runner:
        runner.run(shoot(arguments.out))
    return 0


if __name__ == "__main__":
    sys.exit(main())
