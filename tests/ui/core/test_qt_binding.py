"""Guards against a Qt binding that corrupts Python's reference counts.

PySide6 6.12.0 drops a reference to None on every Qt call that returns nothing. On Python
3.11, where None is not immortal, a counter that runs all day then aborts with "Fatal
Python error: none_dealloc". pyproject.toml pins below 6.12; this test fails if a binding
with that defect is installed again.
"""

from __future__ import annotations

import sys

from PySide6.QtWidgets import QApplication, QLabel

CALLS = 2000


def test_void_qt_calls_keep_none_alive(qapp: QApplication) -> None:
    label = QLabel()
    before = sys.getrefcount(None)
    for _ in range(CALLS):
        label.setText("x")
        label.setVisible(False)
    lost = before - sys.getrefcount(None)
    assert lost < CALLS // 10, f"{lost} references to None lost in {2 * CALLS} Qt calls"
