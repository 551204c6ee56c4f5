"""The New promotion dialog opens tall enough for all it holds: the description field three
lines high (its two-line placeholder was cut, an outside tester found in Dutch) and every
wrapped hint whole. The window's minimum size ignored the hints' wrapping until a problem
was shown."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication, QLabel

from tests.ui.conftest import Counter, until


async def test_the_new_promotion_dialog_opens_tall_enough(counter: Counter) -> None:
    window = counter.window
    window.tabs.setCurrentWidget(window.promotions)
    await until(lambda: window.promotions.model.rowCount() > 0, what="promotions")
    await counter.settle()
    dialog = window.promotions.open_create_dialog()
    await until(dialog.isVisible, what="the dialog")
    QApplication.processEvents()
    field = dialog.description_input
    assert field.height() >= field.sizeHint().height(), (field.height(), field.sizeHint())
    for label in dialog.findChildren(QLabel):
        if label.isVisible() and label.wordWrap() and label.text():
            needed = label.heightForWidth(label.width())
            assert label.height() >= needed, (label.text(), label.height(), needed)
    dialog.reject()
