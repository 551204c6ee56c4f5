"""A form's field with what goes under it: a hint, notes, and its error line."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QLayout, QVBoxLayout, QWidget


def hint_label(parent: QWidget, text: str) -> QLabel:
    """A quiet sentence under a field saying what it is for."""
    hint = QLabel(text, parent)
    hint.setProperty("fieldHint", True)
    hint.setWordWrap(True)
    return hint


def field_row(
    parent: QWidget,
    field: QWidget | QLayout,
    *,
    name: str,
    hint: str = "",
    notes: Sequence[QLabel] = (),
) -> tuple[QWidget, QLabel]:
    """One widget for a form row: ``field``, its ``hint``, ``notes`` and an error line
    (hidden, plain text: an error sent by a server is never read as markup), named
    ``error_<name>``. Returns the row, for ``QFormLayout.addRow``, and the error line.

    The row is a widget holding its layouts: bare nested layouts in a form were deleted
    twice when a screen went (QFormLayout's destructor and PySide's wrappers both)."""
    row = QWidget(parent)
    box = QVBoxLayout(row)
    box.setContentsMargins(0, 0, 0, 2)
    box.setSpacing(2)
    if isinstance(field, QLayout):
        field.setContentsMargins(0, 0, 0, 0)
        holder = QWidget(row)
        holder.setLayout(field)
        box.addWidget(holder)
    else:
        box.addWidget(field)
    if hint:
        box.addWidget(hint_label(row, hint))
    for note in notes:
        box.addWidget(note)
    error = QLabel(row)
    error.setObjectName(f"error_{name}")
    error.setProperty("fieldError", True)
    error.setWordWrap(True)
    error.setTextFormat(Qt.TextFormat.PlainText)
    error.hide()
    box.addWidget(error)
    return row, error
