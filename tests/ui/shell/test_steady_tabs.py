"""The screens' tabs keep their places whichever is chosen or has the focus (an outside
tester saw them jump sideways: the chosen tab was bold, the focused one had a wider
frame)."""

from __future__ import annotations

from PySide6.QtCore import QRect, Qt

from tests.ui.conftest import Counter, until


def tab_spans(counter: Counter) -> list[tuple[int, int]]:
    bar = counter.window.tabs.tabBar()
    rects: list[QRect] = [bar.tabRect(i) for i in range(bar.count())]
    return [(rect.left(), rect.width()) for rect in rects]


async def test_the_tabs_keep_their_places(counter: Counter) -> None:
    window = counter.window
    first = tab_spans(counter)
    for index in range(1, window.tabs.count()):
        window.tabs.setCurrentIndex(index)
        await until(lambda i=index: window.tabs.currentIndex() == i)
        assert tab_spans(counter) == first, window.tabs.tabText(index)
    bar = window.tabs.tabBar()
    bar.setFocus(Qt.FocusReason.TabFocusReason)
    await until(lambda: bar.hasFocus(), what="focus on the tabs")
    assert tab_spans(counter) == first, "with the focus on the tab bar"
