"""Writes docs/scanner-test-code.png: the scanner test's code (Settings → The scanner's
keyboard layout) as a Code 39 barcode to print, the same code the screen shows.

    QT_QPA_PLATFORM=offscreen python scripts/scanner_test_code.py
"""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtGui import QGuiApplication

from piggy_desk.counter.keyboard_layouts import TEST_CODE
from piggy_desk.ui.settings.scanner_test import code39_image

ROOT = Path(__file__).resolve().parents[1]


def main() -> int:
    app = QGuiApplication(sys.argv)  # (fonts for the caption)
    path = ROOT / "docs" / "scanner-test-code.png"
    code39_image(TEST_CODE).save(str(path))
    print(path)
    del app
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
