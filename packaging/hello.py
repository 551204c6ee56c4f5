"""A PySide6 hello-world window: the baseline a Piggy Desk bundle's size and start time are
compared with (built by ``python packaging/build.py --hello`` with the same exclusions).

``hello --quit`` opens the window and quits at once (exit 0), for timing a start."""

import sys

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QLabel


def main() -> int:
    app = QApplication(sys.argv[:1])
    label = QLabel("Hello from PySide6")
    label.resize(320, 120)
    label.show()
    if "--quit" in sys.argv[1:]:
        QTimer.singleShot(0, app.quit)
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
