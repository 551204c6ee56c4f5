"""A start that fails ends in a box with a sentence, what to do and the log file's path,
never in a traceback: the windowed Windows bundle has no console, so a traceback there
means a program that silently does not open."""

from __future__ import annotations

import errno
import logging
import signal
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QTimer

from piggy_desk.api import PiggyError
from piggy_desk.counter.journal import JournalTrouble, Trouble
from piggy_desk.ui.core.i18n import QT_TRANSLATE_NOOP, error_text

log = logging.getLogger("piggy_desk")
CONTEXT = "StartFailure"
EXIT_CODE = 1

TITLE = QT_TRANSLATE_NOOP("StartFailure", "Piggy Desk could not start")
TITLE_STOPPED = QT_TRANSLATE_NOOP("StartFailure", "Piggy Desk stopped because of a problem")
_TO_DO = {
    Trouble.FULL: QT_TRANSLATE_NOOP(
        "StartFailure", "Free some space on the disk of {folder}, then start Piggy Desk again."
    ),
    Trouble.READ_ONLY: QT_TRANSLATE_NOOP(
        "StartFailure",
        "Ask whoever looks after this computer to let Piggy Desk write in {folder}, then "
        "start it again.",
    ),
    Trouble.BUSY: QT_TRANSLATE_NOOP(
        "StartFailure", "Close the other program, then start Piggy Desk again."
    ),
    Trouble.MISSING: QT_TRANSLATE_NOOP(
        "StartFailure",
        "Check that the folder {folder} is there and can be reached, then start Piggy Desk again.",
    ),
}
_AGAIN = QT_TRANSLATE_NOOP(
    "StartFailure", "Start Piggy Desk again; if this happens again, send the log file to support."
)
_FOLDER_SENTENCES = {
    Trouble.FULL: QT_TRANSLATE_NOOP(
        "StartFailure", "The disk of the data folder {folder} is full."
    ),
    Trouble.READ_ONLY: QT_TRANSLATE_NOOP(
        "StartFailure", "Piggy Desk may not write in its data folder {folder}."
    ),
    Trouble.MISSING: QT_TRANSLATE_NOOP(
        "StartFailure", "Piggy Desk cannot reach its data folder {folder}."
    ),
}
_BAD_ADDRESS = QT_TRANSLATE_NOOP("StartFailure", "The Piggy address cannot be used: {problem}")
_FIX_ADDRESS = QT_TRANSLATE_NOOP(
    "StartFailure",
    "Correct the address (the --base-url option, or the address under Settings), then start "
    "Piggy Desk again.",
)
_UNEXPECTED = QT_TRANSLATE_NOOP(
    "StartFailure", "Piggy Desk could not start because of an unexpected problem ({problem})."
)
LOG_FILE_SENTENCE = QT_TRANSLATE_NOOP("StartFailure", "The details are in the log file: {path}")
_NO_LOG = QT_TRANSLATE_NOOP("StartFailure", "No log file could be written.")

_OS_TROUBLE = {
    errno.ENOSPC: Trouble.FULL,
    getattr(errno, "EDQUOT", errno.ENOSPC): Trouble.FULL,
    errno.EACCES: Trouble.READ_ONLY,
    errno.EPERM: Trouble.READ_ONLY,
    errno.EROFS: Trouble.READ_ONLY,
    errno.ENOENT: Trouble.MISSING,
    errno.ENOTDIR: Trouble.MISSING,
}


def _tr(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


def failure_text(error: BaseException, log_file: Path | None) -> str:
    """What went wrong, what to do, and where the log is: the box's text."""
    if isinstance(error, JournalTrouble):
        folder = error.path.parent
        sentence = error.sentence(QCoreApplication.translate)
        to_do = _TO_DO.get(error.trouble, _AGAIN)
    elif isinstance(error, OSError) and _OS_TROUBLE.get(error.errno or 0) in _FOLDER_SENTENCES:
        trouble = _OS_TROUBLE[error.errno or 0]
        where = Path(error.filename) if error.filename else Path()
        folder = where.parent if where.suffix else where
        sentence = _tr(_FOLDER_SENTENCES[trouble])
        to_do = _TO_DO[trouble]
    elif isinstance(error, PiggyError):
        folder = Path()
        sentence = _tr(_BAD_ADDRESS).format(problem=error_text(error))
        to_do = _FIX_ADDRESS
    else:
        folder = Path()
        sentence = _tr(_UNEXPECTED).format(problem=type(error).__name__)
        to_do = _AGAIN
    log_line = (
        _tr(LOG_FILE_SENTENCE).format(path=log_file) if log_file is not None else _tr(_NO_LOG)
    )
    return "\n\n".join((sentence.format(folder=folder), _tr(to_do).format(folder=folder), log_line))


def report_start_failure(
    error: BaseException, log_file: Path | None, *, window_was_open: bool = False
) -> int:
    """Log the failure with its traceback, show the box until it is closed (or the program
    is told to stop), and return the exit code. ``window_was_open``: it came after the
    start, so the box does not say the program could not start."""
    from PySide6.QtWidgets import QMessageBox  # its enums only when a start fails

    text = failure_text(error, log_file)
    box = QMessageBox(
        QMessageBox.Icon.Critical, _tr(TITLE_STOPPED if window_was_open else TITLE), text
    )
    box.setObjectName("startFailure")
    # A service stop or Ctrl-C closes the box, also one that comes before the box shows
    # (hence through the box's own event loop); Python sees signals only between bytecodes.
    previous = {
        n: signal.signal(n, lambda *_: QTimer.singleShot(0, box.reject)) for n in STOP_SIGNALS
    }
    wakeup = QTimer(box)
    wakeup.timeout.connect(lambda: None)
    wakeup.start(250)
    log.critical("Piggy Desk ended; the person was told:\n%s", text, exc_info=error)
    try:
        box.exec()
    finally:
        for number, handler in previous.items():
            signal.signal(number, handler)
    return EXIT_CODE


STOP_SIGNALS = (signal.SIGINT, signal.SIGTERM)
