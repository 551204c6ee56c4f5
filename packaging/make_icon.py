"""Draw the Piggy Desk icon with Qt (a pink circle with "PD") and save it as a PNG.

``python packaging/make_icon.py OUT.png [SIZE]``. No downloads, no image files in the
repository: the build draws it. Runs on Qt's offscreen platform, so it needs no screen.
"""

import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QRectF, Qt  # the platform is chosen above
from PySide6.QtGui import QColor, QFont, QGuiApplication, QImage, QPainter


def draw_icon(path: Path, size: int = 256) -> None:
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
    margin = size * 0.04
    circle = QRectF(margin, margin, size - 2 * margin, size - 2 * margin)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QColor("#ff6fae"))
    painter.drawEllipse(circle)
    font = QFont()
    font.setBold(True)
    font.setPixelSize(round(size * 0.42))
    painter.setFont(font)
    painter.setPen(QColor("white"))
    painter.drawText(circle, Qt.AlignmentFlag.AlignCenter, "PD")
    painter.end()
    path.parent.mkdir(parents=True, exist_ok=True)
    if not image.save(str(path), "PNG"):
        raise SystemExit(f"could not write {path}")


def main() -> int:
    if len(sys.argv) not in (2, 3):
        raise SystemExit("usage: make_icon.py OUT.png [SIZE]")
    app = QGuiApplication(sys.argv[:1])  # fonts need a GUI application
    draw_icon(Path(sys.argv[1]), int(sys.argv[2]) if len(sys.argv) == 3 else 256)
    del app
    return 0


if __name__ == "__main__":
    sys.exit(main())
