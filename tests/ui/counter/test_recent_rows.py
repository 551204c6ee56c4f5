"""The recent scans show whole rows: two, and the rest below them to scroll to (an outside
tester saw the top of a third row, its text cut through); and when the counter needs the
room for a confirm panel that asks the uses, one whole row, not a row and a half (seen on
Xvfb, the second row's text cut through its middle)."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QSize, Qt
from PySide6.QtWidgets import QApplication, QStyledItemDelegate, QStyleOptionViewItem

from piggy_desk.counter.flow import Stage
from piggy_desk.sandbox import KNOWN
from piggy_desk.ui.counter.recent import RecentScans
from tests.ui.conftest import Counter, enter

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


def rows_seen(recent: RecentScans) -> int:
    """How many rows the list shows; fails when an item is cut by the view's bottom."""
    QApplication.processEvents()
    seen = recent.viewport().height()
    tops = sorted({recent.visualItemRect(recent.item(i)).top() for i in range(recent.count())})
    assert len(tops) >= 3, "fewer than three rows: nothing to cut"
    for i in range(recent.count()):
        rect = recent.visualItemRect(recent.item(i))
        assert rect.bottom() < seen or rect.top() >= seen, (recent.item(i).text(), rect, seen)
    return sum(top < seen for top in tops)


async def test_the_recent_scans_show_whole_rows(counter: Counter) -> None:
    window = counter.window
    window.resize(1100, 720)
    for code in CODES:
        await counter.scan(code)
    assert rows_seen(counter.screen.recent) == 2


async def test_the_recent_scans_show_whole_rows_while_the_uses_are_asked(
    counter: Counter,
) -> None:
    window = counter.window
    window.resize(1100, 720)
    for code in CODES:
        await counter.scan(code)
    await counter.scan(KNOWN.MULTI_USE)
    await enter(counter, Stage.CONFIRMING)
    assert counter.screen.multi_count.isVisible()
    assert rows_seen(counter.screen.recent) >= 1


class CountedSizes(QStyledItemDelegate):
    """The list's own delegate, counting the items whose size it measures (their text laid
    out): an item that carries its size is given that."""

    def __init__(self) -> None:
        super().__init__()
        self.asked = 0

    def sizeHint(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        if index.data(Qt.ItemDataRole.SizeHintRole) is None:
            self.asked += 1
        return super().sizeHint(option, index)


def places(recent: RecentScans) -> list[QRect]:
    return [recent.visualItemRect(recent.item(i)) for i in range(recent.count())]


async def test_a_new_scan_measures_its_own_item_not_every_item(counter: Counter) -> None:
    """The list keeps each item's size (laying out its twenty items, it had the delegate
    lay out each one's text again at every scan), and the items stand where the delegate's
    sizes put them, also after the font changed."""
    recent = counter.screen.recent
    for code in CODES:
        await counter.scan(code)
    sizes = CountedSizes()
    recent.setItemDelegate(sizes)
    await counter.scan(KNOWN.ACTIVE_WITH_CONTACT)
    assert recent.count() == len(CODES) + 1
    assert sizes.asked == 1, sizes.asked  # the new scan's item
    font = recent.font()
    font.setPointSize(font.pointSize() + 4)
    recent.setFont(font)
    await counter.scan(KNOWN.WITH_PLU)
    kept = places(recent)
    for row in range(recent.count()):  # what the delegate gives, nothing kept
        recent.item(row).setData(Qt.ItemDataRole.SizeHintRole, None)
    recent.doItemsLayout()
    assert kept == places(recent)
