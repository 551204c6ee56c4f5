"""A facts sheet: label/value rows, as on the counter's voucher card and in a promotion's
details. A row whose value is empty is hidden with its label; ``lines`` reads the rows
shown, in order, for the one text a screen reader hears."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFormLayout, QLabel, QWidget


class FactsSheet(QWidget):
    """Fixed facts (``add_fact``, then ``set_fact`` per thing shown), headings, and rows
    that change with what is shown (``add_row`` after the fixed ones, ``clear_rows``)."""

    def __init__(self, parent: QWidget | None = None, *, name_prefix: str = "") -> None:
        super().__init__(parent)
        self._prefix = name_prefix
        self._form = QFormLayout(self)
        self._form.setContentsMargins(0, 0, 0, 0)
        self._form.setLabelAlignment(Qt.AlignmentFlag.AlignRight)
        self.values: dict[str, QLabel] = {}
        self._set: dict[str, str] = {}  # the text each fact was last set to
        self._fixed_rows = 0
        # Each row's labels, in order, as ``lines`` reads them (asking the form for its
        # items made a Python object of each: 0.2 ms a voucher card).
        self._rows: list[tuple[QLabel, ...]] = []

    def add_fact(
        self, key: str, label: str, *, wrap: bool = True, selectable: bool = False
    ) -> None:
        """A fact's row; its value label is named ``name_prefix + key``."""
        value = QLabel(self)
        value.setObjectName(f"{self._prefix}{key}")
        value.setTextFormat(Qt.TextFormat.PlainText)
        value.setWordWrap(wrap)
        if selectable:
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.values[key] = value
        self._form.addRow(label, value)
        self._add_labels(value)
        self._fixed_rows = self._form.rowCount()

    def add_heading(self, text: str) -> None:
        heading = QLabel(text, self)
        heading.setObjectName("detailsHeading")
        self._form.addRow(heading)
        self._rows.append((heading,))
        self._fixed_rows = self._form.rowCount()

    def set_fact(self, key: str, text: str) -> None:
        """A fact and its label: shown with ``text``, hidden when it is empty (set once per
        thing shown, so a row never flashes shown, then hidden). A fact set to the text it
        shows already is left alone (a voucher card sets all its rows per voucher)."""
        before = self._set.get(key)
        if before == text:
            return
        self._set[key] = text
        value = self.values[key]
        value.setText(text)
        if before is None or bool(before) != bool(text):
            value.setVisible(bool(text))
            label = self._form.labelForField(value)
            if label is not None:
                label.setVisible(bool(text))

    def fact(self, key: str) -> str:
        """A fact's text, or "" when its row is hidden."""
        value = self.values[key]
        return value.text() if value.isVisibleTo(self) else ""

    def add_row(self, label: QLabel | str, value: QLabel) -> None:
        """A row after the fixed ones, gone at the next ``clear_rows``. It is shown at once:
        the layout would show it only at the next turn of the loop, after ``lines`` was
        read for the screen reader."""
        self._form.addRow(label, value)
        self._add_labels(value)
        row = self._form.rowCount() - 1
        for role in (QFormLayout.ItemRole.LabelRole, QFormLayout.ItemRole.FieldRole):
            widget = item.widget() if (item := self._form.itemAt(row, role)) else None
            if widget is not None:
                widget.show()

    def clear_rows(self) -> None:
        while self._form.rowCount() > self._fixed_rows:
            self._form.removeRow(self._fixed_rows)
        del self._rows[self._fixed_rows :]

    def _add_labels(self, value: QWidget) -> None:
        """The row just added for ``value``: its label and value, those that are labels."""
        label = self._form.labelForField(value)
        self._rows.append(tuple(shown for shown in (label, value) if isinstance(shown, QLabel)))

    def lines(self) -> list[str]:
        """Each row shown as one line (its label and value), in order."""
        lines = []
        for labels in self._rows:
            texts = [shown.text() for shown in labels if not shown.isHidden() and shown.text()]
            if texts:
                lines.append(" ".join(texts))
        return lines
