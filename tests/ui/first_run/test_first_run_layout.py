"""The first-run window on a 1366×768 counter screen (issue 15, defect 4): after "Test
connection" fails, its sentence is shown whole, and the address, the way of signing in,
the token, the shop and the button stay in view at their full height: nothing is cut off
or squashed, nothing has to be scrolled to. Before, the window opened at 980×640 with the
fields in a scroll area 370 pixels tall: "Test connection" was cut off at the start, and
the failure's sentence pushed the address out of view."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QRect
from PySide6.QtWidgets import QApplication, QWidget

from piggy_desk.settings import Settings
from piggy_desk.token_store import TokenStore
from piggy_desk.ui.core import theme
from piggy_desk.ui.core.messages import MessagePath
from piggy_desk.ui.core.tasks import TaskRunner
from piggy_desk.ui.first_run.screen import FirstRunScreen, FirstRunWindow
from tests.helpers.keyrings import MemoryKeyring, installed
from tests.helpers.network import closed_port
from tests.ui.conftest import until

# What a 1366×768 screen leaves for a window, its title bar aside.
COUNTER_SCREEN = QRect(0, 0, 1366, 768 - 40)


def _whole(widget: QWidget) -> bool:
    """Shown at its full size: not cut by the window or a scroll area, not squashed."""
    seen = widget.visibleRegion().boundingRect()
    return (
        widget.isVisible()
        and seen == widget.rect()
        and widget.height() >= widget.minimumSizeHint().height()
    )


async def test_a_failed_test_leaves_every_field_and_its_sentence_in_view(
    tmp_path: Path, qapp: QApplication
) -> None:
    qapp.setQuitOnLastWindowClosed(False)
    style = qapp.styleSheet()
    theme.install(qapp, "light")
    messages = MessagePath()
    tasks = TaskRunner(messages.on_task_failed)
    with installed(MemoryKeyring()):
        store = TokenStore()
        screen = FirstRunScreen(Settings(), store, tasks, messages, tmp_path / "config")
        window = FirstRunWindow(screen)
        window.fit_to(COUNTER_SCREEN)
        window.show()
        try:
            screen.base_url_input.setText(f"http://127.0.0.1:{closed_port()}")
            screen.token_input.setText("a-token-for-a-piggy-that-is-not-there")
            screen.test_button.click()
            await until(lambda: not screen.busy and tasks.running == 0, what="the test")
            await until(lambda: screen.banner.text != "", what="the sentence")
            QApplication.processEvents()
            window.grab().save(str(tmp_path / "first-run-failed.png"))
            assert "could not reach" in screen.banner.text
            assert window.height() <= COUNTER_SCREEN.height()
            for widget in (
                screen.banner,
                screen.base_url_input,
                screen.sign_in,
                screen.token_input,
                screen.shop_picker,
                screen.test_button,
                screen.save_button,
            ):
                assert _whole(widget), widget.objectName() or type(widget).__name__
        finally:
            await tasks.cancel_all()
            window.close()
            window.deleteLater()
            store.close()
            qapp.setStyleSheet(style)
