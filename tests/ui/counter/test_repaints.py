"""What a redemption repaints: the counter's own widgets, never the window, the tab bar or
the tab page behind them (issue 20: each step repainted the whole window)."""

from __future__ import annotations

import asyncio
from collections import Counter as Tally

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, QObject, QPoint, QRect
from PySide6.QtGui import QImage, QKeyEvent, QPaintEvent
from PySide6.QtWidgets import QLabel, QWidget

from piggy_desk.counter.flow import Stage
from piggy_desk.counter.view import CounterView
from piggy_desk.sandbox import KNOWN
from piggy_desk.ui.core.app_events import application_events
from tests.ui.conftest import Counter, enter, until


class Paints(QObject):
    """Counts the paint events of the widgets it watches."""

    def __init__(self, *widgets: QWidget) -> None:
        super().__init__()
        self.seen: Tally[str] = Tally()
        for widget in widgets:
            widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            self.seen[watched.objectName() or type(watched).__name__] += 1
        return False


async def test_a_redemption_repaints_only_the_counter(counter: Counter) -> None:
    window = counter.window
    tab_page = window.tabs.currentWidget().parentWidget()  # the tabs' stacked page
    assert tab_page is not None and tab_page is not window.tabs
    paints = Paints(window, window.centralWidget(), window.tabs, window.tabs.tabBar(), tab_page)
    counter_paints = Paints(counter.screen.redeem_button, counter.screen.card)
    await counter.scan(KNOWN.ACTIVE_WITH_CONTACT)
    await enter(counter, Stage.CONFIRMING)
    await enter(counter, Stage.SHOWING)
    await until(lambda: counter.screen.card.status.word == "Redeemed just now")
    await until(lambda: counter_paints.seen["voucherCard"] >= 3, what="the card painted")
    assert counter_paints.seen["redeemButton"], "the counter was not painted at all"
    assert paints.seen == {}, "a step on the counter repainted what is around it"


class Handed(QObject):
    """What the watch of the keys hands its watchers: the objects, and whose keys."""

    def __init__(self) -> None:
        super().__init__()
        self.objects: Tally[str] = Tally()
        self.keys: list[str] = []

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        name = watched.objectName() or type(watched).__name__
        self.objects[name] += 1
        if isinstance(event, QKeyEvent) and event.type() == QEvent.Type.KeyPress:
            self.keys.append(name)
        return False


async def test_the_keys_watch_is_handed_the_focus_not_every_event(counter: Counter) -> None:
    """The counter's keys and the dialogs' watch are handed the events of the focus widget
    and of the windows, not the card's repaints or the loop's timers: PySide6 makes Python
    objects of each event it hands a Python filter (as an application-wide filter, about
    300 per redemption)."""
    shared = application_events()
    assert shared is not None
    handed = Handed()
    shared.watch(handed)
    try:
        await counter.scan(KNOWN.ACTIVE_WITH_CONTACT)
        await enter(counter, Stage.CONFIRMING)
        await enter(counter, Stage.SHOWING)
        await until(lambda: counter.screen.card.status.word == "Redeemed just now")
    finally:
        shared.unwatch(handed)
    assert "scanInput" in handed.keys  # the scanner's keys and the Enters
    card = counter.screen.card
    on_the_card = {widget.objectName() for widget in card.findChildren(QWidget)}
    assert (on_the_card - {""}) & set(handed.objects) == set()
    assert "voucherCard" not in handed.objects
    assert "_SimpleTimer" not in handed.objects


async def test_the_tabs_are_laid_out_again_when_the_tab_bar_grows(counter: Counter) -> None:
    tabs = counter.window.tabs
    bar = tabs.tabBar()
    page = tabs.currentWidget().parentWidget()
    assert page is not None
    font = bar.font()
    font.setPointSizeF(font.pointSizeF() * 3)
    bar.setFont(font)
    await until(lambda: bar.height() >= bar.sizeHint().height(), what="the tab bar laid out")
    await until(lambda: page.geometry().top() >= bar.geometry().bottom(), what="the page below")


async def test_a_larger_counter_minimum_reaches_the_window(counter: Counter) -> None:
    window = counter.window
    taller = window.minimumSizeHint().height() + 300
    counter.screen.setMinimumHeight(taller)
    await until(lambda: window.minimumHeight() > taller, what="the window's minimum")


async def test_a_smaller_counter_minimum_reaches_the_window_a_moment_later(
    counter: Counter,
) -> None:
    window = counter.window
    usual = window.minimumHeight()
    counter.screen.setMinimumHeight(window.minimumSizeHint().height() + 300)
    await until(lambda: window.minimumHeight() > usual + 200, what="the larger minimum")
    counter.screen.setMinimumHeight(0)
    await until(lambda: window.minimumHeight() <= usual, what="the smaller minimum")


class Geometry(QObject):
    """Counts the moves and resizes of its widgets, shown before a render, during it (a
    widget shown by the render gets the moves it missed while hidden as it is shown)."""

    def __init__(self, *widgets: QWidget) -> None:
        super().__init__()
        self._widgets = widgets
        self._shown: set[QObject] = set()
        self.during_render: Tally[str] = Tally()
        for widget in widgets:
            widget.installEventFilter(self)

    def rendering(self, yes: bool) -> None:
        self._shown = {widget for widget in self._widgets if widget.isVisible()} if yes else set()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched in self._shown and event.type() in (QEvent.Type.Move, QEvent.Type.Resize):
            self.during_render[watched.objectName() or type(watched).__name__] += 1
        return False


async def test_a_redemption_lays_the_counter_out_after_each_render(counter: Counter) -> None:
    """Qt lays out a widget's parents at once as it is shown (the card, the counter, the
    tabs' page): a render that shows a row of the card or a button had the counter laid
    out there and then, and again for the render's other changes. It is laid out once the
    render is done, before it is painted."""
    screen = counter.screen
    card = screen.card
    geometry = Geometry(
        card, *card.findChildren(QWidget), screen.redeem_button, screen.reverse_button
    )
    render = screen._render

    def watched_render(view: CounterView) -> None:
        geometry.rendering(True)
        try:
            render(view)
        finally:
            geometry.rendering(False)

    screen._render = watched_render  # type: ignore[method-assign]
    await counter.scan(KNOWN.ACTIVE_WITH_CONTACT)
    await enter(counter, Stage.CONFIRMING)
    await enter(counter, Stage.SHOWING)
    await until(lambda: card.status.word == "Redeemed just now")
    # Shown, then redeemed: rows of the card and the reverse button came and went.
    await until(lambda: not screen.reverse_button.isHidden(), what="the reverse button")
    assert geometry.during_render == {}, "the counter was laid out during a render"
    redeemed = card.details.values["redeemed"]
    await until(
        lambda: redeemed.isVisible() and redeemed.geometry().top() > 0, what="the row laid out"
    )


class PaintedAreas(QObject):
    """The parts of one widget its paint events asked for, as rectangles."""

    def __init__(self, widget: QWidget) -> None:
        super().__init__()
        self.rects: list[QRect] = []
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if isinstance(event, QPaintEvent):
            self.rects.extend(event.region())
        return False


def pixels_of(widget: QWidget, *, shown: bool) -> QImage:
    """``widget`` as the window shows it now (``shown``: its backing store, as the screen
    has it), or as the window draws it whole."""
    window = widget.window()
    whole = window.screen().grabWindow(window.winId()) if shown else window.grab()
    corner = widget.mapTo(window, QPoint(0, 0))
    part = whole.toImage().copy(QRect(corner, widget.size()))
    return part.convertedTo(QImage.Format.Format_RGB32)


async def test_the_card_is_not_drawn_again_whole_when_the_panel_below_it_comes_and_goes(
    counter: Counter,
) -> None:
    """The confirm panel shown under the card makes the card shorter, and hiding it makes
    the card taller again: its contents stay where they are, so only its bottom edge is
    drawn again (each label on it was drawn again, twice a redemption). What the window
    shows of the card is still what the card draws whole: its rounded border at its new
    bottom, none left where the old one was."""
    card = counter.screen.card
    await counter.scan(KNOWN.ACTIVE_WITH_CONTACT)
    taller = card.height()
    painted = PaintedAreas(card)
    await enter(counter, Stage.CONFIRMING)  # and the question read: painted by then
    assert card.height() < taller, "the confirm panel did not take room from the card"
    assert max((rect.height() for rect in painted.rects), default=0) < card.height() // 2
    assert pixels_of(card, shown=True) == pixels_of(card, shown=False)
    await enter(counter, Stage.SHOWING)  # redeemed: the panel gone, the card taller
    await until(lambda: card.height() == taller, what="the card as tall as before")
    # (Stale pixels stay stale: only a paint still to come can make them the same.)
    await until(
        lambda: pixels_of(card, shown=True) == pixels_of(card, shown=False),
        what="the card shown as it draws itself whole",
    )


async def test_a_layout_request_taken_during_a_render_does_not_leave_the_card_stale(
    counter: Counter, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Seen twice on Xvfb (piggy-desk against piggy-desk-sandbox, four scans typed fast):
    KAART10X01's "Uses per voucher: 10" drawn over "Till codes: …" on one line, and every
    card after it laid out as the one before, until another tab was opened. A layout that
    is held (``setEnabled(False)``) while its request is delivered drops the request, and
    Qt posts no other until it is laid out again. Here the facts sheet's request is
    delivered during the render, as whatever did it on Xvfb did."""
    card = counter.screen.card
    show_voucher = card.show_voucher

    def delivered_during_the_render(*args: object, **kwargs: object) -> None:
        show_voucher(*args, **kwargs)  # type: ignore[arg-type]
        QCoreApplication.sendPostedEvents(card.details, QEvent.Type.LayoutRequest.value)
        QCoreApplication.sendPostedEvents(card, QEvent.Type.LayoutRequest.value)

    await counter.scan(KNOWN.ACTIVE_WITH_CONTACT)
    monkeypatch.setattr(card, "show_voucher", delivered_during_the_render)
    await counter.scan(KNOWN.MULTI_USE)
    await until(lambda: card.details.fact("uses") != "", what="the uses row")
    await asyncio.sleep(0.1)
    rows = [
        (label.text(), label.geometry().top())
        for label in card.details.findChildren(QLabel)
        if label.isVisibleTo(card.details) and label.text().endswith(":")
    ]
    tops = [top for _, top in rows]
    assert len(set(tops)) == len(tops), (
        f"facts drawn over each other: {sorted(rows, key=lambda r: r[1])}"
    )
