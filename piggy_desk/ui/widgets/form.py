"""A form's field with what goes under it (a hint, notes, its error line), and the fields
of a form checked together."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QComboBox,
    QFormLayout,
    QLabel,
    QLayout,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)


def hint_label(parent: QWidget, text: str) -> QLabel:
    """A quiet sentence under a field saying what it is for."""
    hint = QLabel(text, parent)
    hint.setProperty("fieldHint", True)
    hint.setWordWrap(True)
    return hint


def stacked(parent: QWidget, *widgets: QWidget) -> QVBoxLayout:
    """``widgets`` one above the other in ``parent``, close together and without margins:
    the parts of one field."""
    layout = QVBoxLayout(parent)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.setSpacing(4)
    for widget in widgets:
        layout.addWidget(widget)
    return layout


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


class CheckedFields(QObject):
    """The fields of a form whose values are checked together: each row's error line, the
    input a refused value's sentence belongs to, and rows that come and go.

    Signals:
        edited(str): a line edit made by ``line_edit`` was edited by the person; its key.
    """

    edited = Signal(str)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.errors: dict[str, QLabel] = {}
        self.inputs: dict[str, QWidget] = {}
        """The input each key's sentence is about: focused and described by it."""
        self._rows: dict[str, tuple[QFormLayout, int]] = {}

    def line_edit(
        self,
        parent: QWidget,
        name: str,
        accessible: str,
        limit: int,
        key: str,
        *,
        placeholder: str = "",
        secret: bool = False,
    ) -> QLineEdit:
        """A named line edit of at most ``limit`` characters, the input of ``key`` (the
        first one made for it); a ``secret`` one shows dots for what is typed."""
        edit = QLineEdit(parent)
        edit.setObjectName(name)
        edit.setAccessibleName(accessible)
        edit.setMaxLength(limit)
        edit.setPlaceholderText(placeholder)
        if secret:
            edit.setEchoMode(QLineEdit.EchoMode.Password)
        edit.textEdited.connect(lambda _text: self.edited.emit(key))
        self.inputs.setdefault(key, edit)
        return edit

    def add_row(
        self,
        form: QFormLayout,
        parent: QWidget,
        key: str,
        label: str,
        field: QWidget | QLayout,
        *,
        hint: str = "",
    ) -> None:
        """A row of ``form`` for ``key``: its ``field``, hint, notes and error line."""
        notes = self.notes_for(parent, key)
        row, self.errors[key] = field_row(parent, field, name=key, hint=hint, notes=notes)
        form.addRow(label, row)
        self._rows[key] = (form, form.rowCount() - 1)
        if isinstance(field, QWidget):
            self.inputs.setdefault(key, field)

    def notes_for(self, parent: QWidget, key: str) -> Sequence[QLabel]:
        """The notes under ``key``'s field (none here; a form with notes says which)."""
        return ()

    def show_row(self, key: str, shown: bool) -> None:
        """Show or hide a row; showing a row shows all of it, so an error line with no
        sentence is hidden again."""
        form, row = self._rows[key]
        form.setRowVisible(row, shown)
        self.errors[key].setVisible(shown and bool(self.errors[key].text()))

    def show_problems(self, problems: Mapping[str, str], keys: Iterable[str]) -> QWidget | None:
        """Each refused value's sentence under its field (``keys`` in the order they are
        looked at); focus goes to the first one's input, which is returned."""
        first: QWidget | None = None
        for key in keys:
            problem = problems.get(key)
            self.errors[key].setText(problem or "")
            self.errors[key].setVisible(problem is not None)
            self.inputs[key].setAccessibleDescription(problem or "")
            if problem is not None and first is None:
                first = self.inputs[key]
        if first is not None:
            first.setFocus(Qt.FocusReason.OtherFocusReason)
        return first

    def clear_error(self, key: str) -> None:
        """The sentence under ``key``'s field goes (its value was edited)."""
        self.errors[key].clear()
        self.errors[key].hide()
        self.inputs[key].setAccessibleDescription("")


def grow_to_fit(window: QWidget) -> None:
    """Make ``window`` tall enough for what its layout holds now: a window's minimum size
    ignores height-for-width (wrapped messages), so a message shown later would be cut off
    or sit on its field."""
    layout = window.layout()
    if layout is None:
        return
    layout.activate()
    needed = (
        layout.totalHeightForWidth(window.width())
        if layout.hasHeightForWidth()
        else layout.totalMinimumSize().height()
    )
    if needed > window.height():
        window.resize(window.width(), needed)


class _WheelWhenFocused(QObject):
    """Keeps the wheel from a combo or spin box that does not have focus. The wheel event
    is refused (ignored, and taken from the box), so Qt passes it on to the parents: the
    page under the mouse scrolls instead."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            event.type() == QEvent.Type.Wheel
            and isinstance(watched, QWidget)
            and not watched.hasFocus()
        ):
            event.ignore()
            return True
        return False


def wheel_only_when_focused(container: QWidget) -> None:
    """Every combo box and spin box (date edits too) in ``container`` turns with the wheel
    only once it has focus, and takes focus by a click or Tab, not by the wheel: scrolling
    a form over a choice changed it without a word. Call it when the form is built."""
    guard = container.findChild(_WheelWhenFocused, "wheelGuard")
    if guard is None:
        guard = _WheelWhenFocused(container)
        guard.setObjectName("wheelGuard")
    boxes: list[QWidget] = [*container.findChildren(QComboBox)]
    boxes += container.findChildren(QAbstractSpinBox)
    for box in boxes:
        box.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        box.removeEventFilter(guard)  # once, when called again for rows added later
        box.installEventFilter(guard)
