"""A PySide6 hello-world window: the baseline a Piggy Desk bundle's size and start time are
compared with (built by ``python packaging/build.py --hello`` with the same exclusions).

``hello --quit`` opens the window and quits at once (exit 0), for timing a start;
``hello --paint`` prints ``painted`` when the window is first painted, then quits."""

import sys

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QLabel


class FirstPaint(QObject):
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            watched.removeEventFilter(self)
            sys.stdout.write("painted\n")
            sys.stdout.flush()
            QTimer.singleShot(0, QApplication.quit)
        return False


def main() -> int:
    app = QApplication(sys.argv[:1])
    label = QLabel("Hello from PySide6")
    label.resize(320, 120)
    if "--paint" in sys.argv[1:]:
        first_paint = FirstPaint(label)
        label.installEventFilter(first_paint)
    label.show()
    if "--quit" in sys.argv[1:]:
        QTimer.singleShot(0, app.quit)
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
