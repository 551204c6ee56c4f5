"""The single path from a problem to a person: sentences on screen, details for a
manager behind a button, the log for support, and a crash dialog instead of a traceback."""

from __future__ import annotations

import logging
import sys
import traceback
from types import TracebackType
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, Qt
from PySide6.QtWidgets import QVBoxLayout, QWidget

from piggy_desk.notices import Problem
from piggy_desk.ui.core.i18n import QT_TRANSLATE_NOOP

if TYPE_CHECKING:
    from PySide6.QtWidgets import QDialog

log = logging.getLogger("piggy_desk.ui")

CRASH_SENTENCE = QT_TRANSLATE_NOOP(
    "MessagePath",
    "Piggy Desk ran into a problem it did not expect. Nothing was redeemed by this problem; "
    "check the voucher again before you continue. The details were written to the log.",
)


def _where(error: BaseException, trace: TracebackType | None) -> str:
    frames = traceback.extract_tb(trace or error.__traceback__)
    return f"{frames[-1].name} line {frames[-1].lineno}" if frames else "?"


def _details_dialog(title: str, text: str, parent: QWidget | None, name: str) -> QDialog:
    # Imported when a dialog is first opened: their Python enums are not made before the
    # counter's first paint.
    from PySide6.QtWidgets import QDialog, QDialogButtonBox, QPlainTextEdit

    dialog = QDialog(parent)
    dialog.setObjectName(name)
    dialog.setWindowTitle(title)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    body = QPlainTextEdit(text, dialog)
    body.setReadOnly(True)
    body.setAccessibleName(QCoreApplication.translate("MessagePath", "Details"))
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, dialog)
    buttons.rejected.connect(dialog.reject)
    layout = QVBoxLayout(dialog)
    layout.addWidget(body)
    layout.addWidget(buttons)
    dialog.resize(560, 320)
    return dialog


def show_details(error: Problem, parent: QWidget) -> QDialog:
    """A manager's view of an error: code, HTTP status, request, time (no secrets); or of
    the journal's trouble: what the system said, the file. The banner's Details… opens it."""
    text = "\n".join(f"{label}: {value}" for label, value in error.details().items())
    title = QCoreApplication.translate("MessagePath", "Details")
    dialog = _details_dialog(title, text, parent, "errorDetails")
    dialog.open()
    return dialog


class MessagePath(QObject):
    """Logs the notices that carry an error and catches what nothing else caught.

    ``install()`` takes over ``sys.excepthook``: an unexpected exception is logged with its
    traceback and the person sees ``CRASH_SENTENCE`` in a dialog, never the traceback.
    """

    def __init__(self, window: QWidget | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.window = window
        self.crashes: list[BaseException] = []
        self._previous_hook = sys.excepthook

    def install(self) -> None:
        sys.excepthook = self.on_unexpected

    def uninstall(self) -> None:
        sys.excepthook = self._previous_hook

    def log_notice(self, sentence: str, error: Problem) -> None:
        log.info("%s [%s]", sentence, str(error))

    def on_unexpected(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        """``sys.excepthook`` and the task runner's failure handler end here."""
        if error is None:
            return
        self.crashes.append(error)
        log.critical(
            "unexpected error", exc_info=(type(error), error, trace or error.__traceback__)
        )
        sentence = QCoreApplication.translate("MessagePath", CRASH_SENTENCE)
        support = self.tr("For support: {error} at {place}").format(
            error=type(error).__name__, place=_where(error, trace)
        )
        text = f"{sentence}\n\n{support}"
        dialog = _details_dialog("Piggy Desk", text, self.window, "crashDialog")
        dialog.open()

    def on_task_failed(self, error: BaseException) -> None:
        self.on_unexpected(type(error), error, error.__traceback__)
