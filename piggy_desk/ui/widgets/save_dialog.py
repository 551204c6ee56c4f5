"""Where to save a file: the platform's save dialog, opened without blocking the loop."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QWidget


def ask_where_to_save(
    parent: QWidget,
    title: str,
    file_name: str,
    file_types: str,
    chosen: Callable[[Path], object],
) -> QFileDialog:
    """Open a save dialog at ``file_name`` in the home folder; ``chosen`` gets the path the
    person picked (with the suffix of ``file_name`` added when they typed none)."""
    dialog = QFileDialog(parent, title, str(Path.home() / file_name), file_types)
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
    dialog.setDefaultSuffix(Path(file_name).suffix.lstrip("."))
    dialog.fileSelected.connect(lambda name: chosen(Path(name)))
    dialog.open()
    return dialog
