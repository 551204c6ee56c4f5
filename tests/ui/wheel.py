"""What the wheel tests share (settings, vouchers): a mouse wheel turned over a widget."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QAbstractSpinBox, QApplication, QComboBox, QWidget


def turn_wheel(widget: QWidget, notches: int = -1) -> None:
    """One turn of the wheel over the middle of ``widget`` (negative: towards the person,
    which moves a combo box to its next item and steps a spin box down)."""
    middle = QPointF(widget.rect().center())
    event = QWheelEvent(
        middle,
        QPointF(widget.mapToGlobal(middle)),
        QPoint(),
        QPoint(0, 120 * notches),
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
        Qt.ScrollPhase.NoScrollPhase,
        False,
    )
    QApplication.sendEvent(widget, event)


def value(widget: QWidget) -> object:
    """What a combo box or spin box holds."""
    if isinstance(widget, QComboBox):
        return widget.currentIndex()
    assert isinstance(widget, QAbstractSpinBox)
    return widget.text()


def wheel_choices(container: QWidget) -> list[QWidget]:
    """Every enabled combo box and spin box (date edits too) in ``container``."""
    found: list[QWidget] = [*container.findChildren(QComboBox)]
    found += container.findChildren(QAbstractSpinBox)
    return [widget for widget in found if widget.isEnabled()]
