"""The recent scans show whole rows: two, and the rest below them to scroll to (an outside
tester saw the top of a third row, its text cut through)."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication

from piggy_desk.sandbox import KNOWN
from tests.ui.conftest import Counter

CODES = (
    KNOWN.ACTIVE_WITH_CONTACT,
    KNOWN.ACTIVE_NO_CONTACT,
    KNOWN.MULTI_USE,
    KNOWN.MULTI_USE_ONE_LEFT,
    KNOWN.WITH_PLU,
    KNOWN.EXPIRED,
    KNOWN.LOCKED,
    KNOWN.MULTI_USE_INACTIVE_PROMOTION,
)


async def test_the_recent_scans_show_whole_rows(counter: Counter) -> None:
    window = counter.window
    window.resize(1100, 720)
    for code in CODES:
        await counter.scan(code)
    recent = counter.screen.recent
    QApplication.processEvents()
    seen = recent.viewport().height()
    tops = sorted({recent.visualItemRect(recent.item(i)).top() for i in range(recent.count())})
    assert len(tops) >= 3, "fewer than three rows: nothing to cut"
    for i in range(recent.count()):
        rect = recent.visualItemRect(recent.item(i))
        assert rect.bottom() < seen or rect.top() >= seen, (recent.item(i).text(), seen)
    assert sum(top < seen for top in tops) == 2
