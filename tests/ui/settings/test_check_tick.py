"""A checked box shows a tick (an outside tester saw a filled square with none: the style
sheet drew the indicator as a coloured fill, and a style sheet that draws the indicator
drops the native tick)."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication, QCheckBox, QStyle, QStyleOptionButton

from piggy_desk.ui.core import theme
from tests.ui.conftest import Counter, open_settings


def indicator_colours(box: QCheckBox) -> set[int]:
    """The colours inside the box's indicator (its edge left out)."""
    option = QStyleOptionButton()
    box.initStyleOption(option)
    rect = box.style().subElementRect(QStyle.SubElement.SE_CheckBoxIndicator, option, box)
    image = box.grab().toImage()
    ratio = image.devicePixelRatio()
    inside = rect.adjusted(4, 4, -4, -4)
    return {
        image.pixel(int(x * ratio), int(y * ratio))
        for x in range(inside.left(), inside.right() + 1)
        for y in range(inside.top(), inside.bottom() + 1)
    }


async def test_a_checked_box_shows_a_tick_in_both_themes(
    counter: Counter, qapp: QApplication
) -> None:
    screen = await open_settings(counter.window)
    box = screen.lock_check
    for palette in (theme.LIGHT, theme.DARK):
        theme.apply(qapp, palette)
        box.setChecked(False)
        unchecked = indicator_colours(box)
        box.setChecked(True)
        checked = indicator_colours(box)
        # A tick is drawn over the box's inside: more than one colour, and not the same
        # picture as the empty box.
        assert len(checked) >= 3, f"no tick: {len(checked)} colour(s) inside the checked box"
        assert checked != unchecked
    theme.apply(qapp, theme.LIGHT)
