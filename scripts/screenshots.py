"""Make the README's screenshots: the real window on the sandbox, offscreen.

QT_QPA_PLATFORM=offscreen .venv/bin/python scripts/screenshots.py [--out docs/screenshots]
    [--theme light|dark] [--size 1100x900] [--prefix dark-] [--language en|nl]
    (English goes to docs/screenshots, Dutch to docs/screenshots/nl unless --out is given)
QT_QPA_PLATFORM=offscreen .venv/bin/python scripts/screenshots.py --matrix
    (the counter and a manager screen, light and dark, at 1366x768 and 1920x1080)
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

from PySide6.QtCore import QRect
from PySide6.QtWidgets import QApplication

from piggy_desk.app import build_training_window
from piggy_desk.counter.connection import Connection
from piggy_desk.counter.flow import Stage
from piggy_desk.sandbox import KNOWN, start_sandbox
from piggy_desk.settings import Settings
from piggy_desk.token_store import TokenStore
from piggy_desk.ui.core import theme
from piggy_desk.ui.core.i18n import install_translators
from piggy_desk.ui.core.loop import CounterEventLoop
from piggy_desk.ui.core.messages import MessagePath
from piggy_desk.ui.core.tasks import TaskRunner
from piggy_desk.ui.first_run.screen import FirstRunScreen, FirstRunWindow
from piggy_desk.ui.shell.main_window import MainWindow


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


async def shoot_matrix(out: Path) -> None:
    """Light and dark at the two screens a counter has: scan, confirm, and the vouchers."""
    out.mkdir(parents=True, exist_ok=True)
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    with start_sandbox(token="screenshots") as sandbox:
        for name in ("light", "dark"):
            theme.install(app, name)
            for width, height in ((1366, 768), (1920, 1080)):
                sandbox.reset()
                with tempfile.TemporaryDirectory() as data:
                    window = build_training_window(
                        base_url=sandbox.base_url, token=sandbox.token, folder=Path(data)
                    )
                    window.resize(width, height)
                    window.show()
                    assert window.ready is not None
                    await window.ready
                    stem = f"{name}-{width}x{height}"

                    async def save(
                        scene: str, stem: str = stem, window: MainWindow = window
                    ) -> None:
                        await asyncio.sleep(0.05)
                        window.grab().save(str(out / f"{stem}-{scene}.png"))
                        print(f"wrote {out / stem}-{scene}.png")

                    await scan(window, KNOWN.WITH_PLU)
                    window.counter.redeem_button.click()
                    await until(lambda w=window: w.counter.view.stage == Stage.CONFIRMING)
                    await save("confirm")
                    window.counter.confirm_button.click()
                    await until(
                        lambda w=window: (
                            w.counter.view.stage == Stage.SHOWING and not w.counter.view.busy
                        )
                    )
                    await save("redeemed")
                    window.tabs.setCurrentWidget(window.vouchers)
                    await until(
                        lambda w=window: (
                            w.vouchers.model.rowCount() > 0 and not w.vouchers.model.loading
                        )
                    )
                    window.vouchers.table.selectRow(2)
                    window.vouchers.table.setFocus()
                    await save("vouchers")
                    window.close()
                    await until(lambda w=window: not w.isVisible())


async def shoot(out: Path, size: tuple[int, int] = (1100, 900), prefix: str = "") -> None:
    out.mkdir(parents=True, exist_ok=True)
    with start_sandbox(token="screenshots") as sandbox, tempfile.TemporaryDirectory() as data:
        window = build_training_window(
            base_url=sandbox.base_url, token=sandbox.token, folder=Path(data)
        )
        window.resize(*size)
        window.show()
        assert window.ready is not None
        await window.ready

        async def save(name: str) -> None:
            await asyncio.sleep(0.05)  # let the loop lay out and paint; never processEvents() here
            window.grab().save(str(out / f"{prefix}{name}.png"))
            print(f"wrote {out / f'{prefix}{name}.png'}")

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
        dialog.grab().save(str(out / f"{prefix}9-new-voucher-error.png"))
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

        window.tabs.setCurrentWidget(window.settings_screen)
        await save("13-settings")

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
    await shoot_first_run(out / f"{prefix}14-first-run.png", size)


async def shoot_first_run(path: Path, size: tuple[int, int]) -> None:
    """What plain ``piggy-desk`` opens on a computer with no Piggy account set up."""
    messages = MessagePath()
    tasks = TaskRunner(messages.on_task_failed)
    store = TokenStore()  # never written: nothing is saved here
    with tempfile.TemporaryDirectory() as config:
        screen = FirstRunScreen(Settings(), store, tasks, messages, Path(config))
        window = FirstRunWindow(screen)
        window.fit_to(QRect(0, 0, *size))  # as it opens: as tall as its fields need
        window.show()
        await asyncio.sleep(0.05)
        window.grab().save(str(path))
        print(f"wrote {path}")
        window.close()
        store.close()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--out", type=Path, help="default: docs/screenshots (nl: …/nl)")
    parser.add_argument("--language", choices=("en", "nl"), default="en")
    parser.add_argument("--theme", choices=("light", "dark"), default="light")
    parser.add_argument("--size", default="1100x900", help="window size, WIDTHxHEIGHT")
    parser.add_argument("--prefix", default="", help="put before every file name")
    parser.add_argument("--matrix", action="store_true", help="light/dark at 1366x768, 1920x1080")
    arguments = parser.parse_args()
    width, height = (int(n) for n in arguments.size.lower().split("x"))
    out = arguments.out or Path("docs/screenshots") / ("nl" if arguments.language == "nl" else "")
    app = QApplication(sys.argv[:1])
    app.setQuitOnLastWindowClosed(False)
    theme.install(app, arguments.theme)
    install_translators(app, arguments.language)
    with asyncio.Runner(loop_factory=lambda: CounterEventLoop(app)) as runner:
        if arguments.matrix:
            runner.run(shoot_matrix(out))
        else:
            runner.run(shoot(out, (width, height), arguments.prefix))
    return 0


if __name__ == "__main__":
    sys.exit(main())
