"""Where to save a file: the platform's save dialog, opened without blocking the loop."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QStandardPaths
from PySide6.QtWidgets import QFileDialog, QWidget

# The folder a file was last saved in (this run): the next save dialog opens there.
_last_folder: Path | None = None


def start_folder() -> Path:
    """Where a save dialog opens: the folder last saved in, else the person's Documents
    folder, else their home folder (an outside tester met /root, the home of root)."""
    if _last_folder is not None and _last_folder.is_dir():
        return _last_folder
    location = QStandardPaths.StandardLocation.DocumentsLocation
    documents = QStandardPaths.writableLocation(location)
    if documents and Path(documents).is_dir():
        return Path(documents)
    return Path.home()


def ask_where_to_save(
    parent: QWidget,
    title: str,
    file_name: str,
    file_types: str,
    chosen: Callable[[Path], object],
) -> QFileDialog:
    """Open a save dialog at ``file_name`` in ``start_folder()``; ``chosen`` gets the path
    the person picked (with the suffix of ``file_name`` added when they typed none)."""
    dialog = QFileDialog(parent, title, str(start_folder() / file_name), file_types)
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
    dialog.setDefaultSuffix(Path(file_name).suffix.lstrip("."))
    dialog.fileSelected.connect(lambda name: _chosen(Path(name), chosen))
    dialog.open()
    return dialog


def _chosen(path: Path, chosen: Callable[[Path], object]) -> None:
    global _last_folder
    _last_folder = path.parent
    chosen(path)
