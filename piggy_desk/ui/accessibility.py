"""What a screen reader needs from a finished screen or dialog, done once in one place."""

from __future__ import annotations

import re

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QComboBox,
    QFormLayout,
    QLabel,
    QLayout,
    QLayoutItem,
    QLineEdit,
    QScrollArea,
    QToolButton,
    QWidget,
)

_KEY_HINT = re.compile(
    r"(?P<name>.*?\S)\s+\((?P<key>Enter|Esc|Space|Delete|F\d+|(?:Ctrl|Alt|Shift)\+\S+)\)"
)


def label_controls(root: QWidget) -> None:
    """Link, name and quieten what Qt leaves silent under ``root``:

    - a form row's label becomes the buddy of the first control in its field (a screen
      reader's "labelled by"): Qt on Linux names a combo box by its current item and
      ignores ``setAccessibleName``, so the label is all that says what it is;
    - a field's clear button is named;
    - a placeholder that looks like a value (an e-mail address, an address) is described
      as an example, so it is not heard as the field's content;
    - a button whose text ends in its key ("Redeem  (Enter)") is named without it, the
      key goes to its description (the name was read with the brackets and spaces);
    - a scroll area is no Tab stop of its own (an unnamed, silent one): Tab goes through
      the controls inside it, which scroll into view.
    """
    for form in root.findChildren(QFormLayout):
        for row in range(form.rowCount()):
            label_item = form.itemAt(row, QFormLayout.ItemRole.LabelRole)
            field_item = form.itemAt(row, QFormLayout.ItemRole.FieldRole)
            label = label_item.widget() if label_item is not None else None
            if not isinstance(label, QLabel) or field_item is None:
                continue
            # (addRow(text, widget) makes the field widget the buddy, even a container.)
            buddy = label.buddy()
            if buddy is not None and _operable(buddy):
                continue
            # A combo box first: the other controls' own names are heard.
            field = _first_control(field_item, QComboBox) or _first_control(field_item)
            if field is not None:
                label.setBuddy(field)
    for field in root.findChildren(QLineEdit):
        _describe_placeholder(field)
        for clear in field.findChildren(QToolButton):
            if not clear.accessibleName():
                clear.setAccessibleName(QCoreApplication.translate("Accessibility", "Clear"))
    for button in root.findChildren(QAbstractButton):
        _move_key_hint(button)
    for area in root.findChildren(QScrollArea):
        if not isinstance(area, QAbstractItemView):
            area.setFocusPolicy(Qt.FocusPolicy.NoFocus)


def _move_key_hint(button: QAbstractButton) -> None:
    found = _KEY_HINT.fullmatch(button.text())
    if found and not button.accessibleName():
        button.setAccessibleName(found["name"].replace("&", ""))
        if not button.accessibleDescription():
            button.setAccessibleDescription(
                QCoreApplication.translate("Accessibility", "Key: {key}").format(key=found["key"])
            )


def _describe_placeholder(field: QLineEdit) -> None:
    example = field.placeholderText()
    if example and not field.accessibleDescription() and ("@" in example or "://" in example):
        field.setAccessibleDescription(
            QCoreApplication.translate("Accessibility", "Example: {example}").format(
                example=example
            )
        )


def _first_control(item: QLayoutItem, kind: type[QWidget] = QWidget) -> QWidget | None:
    """The first widget of ``kind`` a person can operate in a form field (a widget or a
    layout of widgets)."""
    widget = item.widget()
    if widget is not None:
        for candidate in [widget, *widget.findChildren(QWidget)]:
            if isinstance(candidate, kind) and _operable(candidate):
                return candidate
        return None
    layout = item.layout()
    if isinstance(layout, QLayout):
        for index in range(layout.count()):
            inner = layout.itemAt(index)
            found = _first_control(inner, kind) if inner is not None else None
            if found is not None:
                return found
    return None


def _operable(widget: QWidget) -> bool:
    if widget.objectName().startswith("qt_") or isinstance(widget.parentWidget(), QComboBox):
        return False  # a part Qt builds inside a control
    return isinstance(widget, QAbstractButton) or bool(
        widget.focusPolicy() & Qt.FocusPolicy.TabFocus
    )
