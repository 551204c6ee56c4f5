"""What a screen reader needs from a finished screen or dialog, done once in one place."""

from __future__ import annotations

import itertools
import re
from typing import TypeVar

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
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

W = TypeVar("W", bound=QWidget)
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
            field: QWidget | None = label.buddy()
            if field is None or not _operable(field):
                # A combo box first: the other controls' own names are heard.
                field = _first_control(field_item, QComboBox) or _first_control(field_item)
                if field is None:
                    continue
                label.setBuddy(field)
            # A hint under the field labels it too: read with the field, not as loose text
            # when the dialog opens (Orca read every hint of New promotion at once).
            for hint in _widgets(field_item, QLabel):
                if hint.property("fieldHint") and hint.buddy() is None:
                    hint.setBuddy(field)
        _chain_form(form)
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


def _chain_form(form: QFormLayout) -> None:
    """Tab goes through a form row by row, as it is read (a control made after the one
    below it came after it: Settings' "Sign in with" after the token under it)."""
    controls: list[QWidget] = []
    for row in range(form.rowCount()):
        for role in (QFormLayout.ItemRole.LabelRole, QFormLayout.ItemRole.FieldRole,
                     QFormLayout.ItemRole.SpanningRole):  # fmt: skip
            item = form.itemAt(row, role)
            if item is not None:
                controls += _controls(item)
    for before, after in itertools.pairwise(controls):
        QWidget.setTabOrder(before, after)


def _controls(item: QLayoutItem) -> list[QWidget]:
    """Every operable widget of a layout item, in layout order."""
    return [w for w in _widgets(item, QWidget) if _operable(w)]


def _widgets(item: QLayoutItem, kind: type[W]) -> list[W]:
    """Every widget of ``kind`` in a layout item (a widget and its children, or a layout)."""
    widget = item.widget()
    if widget is not None:
        return [w for w in [widget, *widget.findChildren(QWidget)] if isinstance(w, kind)]
    layout = item.layout()
    found: list[W] = []
    if isinstance(layout, QLayout):
        for index in range(layout.count()):
            inner = layout.itemAt(index)
            if inner is not None:
                found += _widgets(inner, kind)
    return found


def _first_control(item: QLayoutItem, kind: type[QWidget] = QWidget) -> QWidget | None:
    """The first widget of ``kind`` a person can operate in a form field."""
    return next((w for w in _controls(item) if isinstance(w, kind)), None)


def _operable(widget: QWidget) -> bool:
    if widget.objectName().startswith("qt_") or widget.isWindow():
        return False
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, QComboBox | QAbstractSpinBox):
            return False  # a part Qt builds inside a control (a combo box's popup list)
        parent = parent.parentWidget()
    return isinstance(widget, QAbstractButton) or bool(
        widget.focusPolicy() & Qt.FocusPolicy.TabFocus
    )
