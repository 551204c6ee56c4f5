"""The keyboard as a person uses it (no mouse, no button pressed from code): where the focus
is, a key pressed there, Tab until a widget has the focus."""

from __future__ import annotations

import asyncio

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget

Key = Qt.Key


def focused() -> QWidget:
    widget = QApplication.focusWidget()
    assert widget is not None, "nothing has the keyboard focus"
    return widget


def focus_in(window: QWidget | None) -> bool:
    widget = QApplication.focusWidget()
    return widget is not None and widget.window() is window


def key(k: Key, modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
    QTest.keyClick(focused(), k, modifier)


async def tab_to(target: QWidget, limit: int = 40) -> list[QWidget]:
    """Press Tab until ``target`` has the focus; the widgets passed on the way."""
    passed: list[QWidget] = []
    for _ in range(limit):
        if focused() is target:
            return passed
        passed.append(focused())
        key(Key.Key_Tab)
        await asyncio.sleep(0)
    raise AssertionError(
        f"Tab never reached {target.objectName()}; passed "
        + ", ".join(w.objectName() or type(w).__name__ for w in passed)
    )
