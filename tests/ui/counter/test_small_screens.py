"""The voucher card during a question on a small screen, the real window on the sandbox at
the size the program takes there under openbox (its frame: 25 px, 20 at 125 %), once
framed: 1024x600: 1024x575; 1366x768 at 125 % (1093x614 for Qt): 1093x594; 1366x768:
1366x720 (fit_to_screen's, room for a title bar left at the top).

The card gives up height to the question's panel and scrolls the rest: at 1024x600 it
showed only its badge and title, the code reached only by scrolling, and at 1366x768 its
last fact line was cut. tests/desktop/test_small_screens.py runs the real program on Xvfb.
"""

from __future__ import annotations

import asyncio

import pytest
from PySide6.QtCore import QPoint
from PySide6.QtWidgets import QWidget

from piggy_desk.counter.flow import Stage
from piggy_desk.sandbox import KNOWN
from tests.ui.conftest import Counter, enter

SMALL = {"1024x600": (1024, 575), "1366x768-125": (1093, 594)}


def in_view(counter: Counter, widget: QWidget) -> bool:
    """``widget`` lies wholly in the card area's view, unscrolled."""
    area = counter.screen.card_area
    viewport = area.viewport()
    top = widget.mapTo(viewport, QPoint(0, 0)).y()
    return (
        widget.isVisible()
        and area.verticalScrollBar().value() == 0
        and top >= 0
        and top + widget.height() <= viewport.height()
    )


def not_in_view(counter: Counter, *shown: str) -> list[str]:
    card = counter.screen.card
    widgets = {"badge": card.status, "title": card.title, "code": card.code}
    widgets |= {key: card.details.values[key] for key in shown if key not in widgets}
    return [name for name, widget in widgets.items() if not in_view(counter, widget)]


async def _asked(counter: Counter, size: tuple[int, int], code: str, stage: Stage) -> None:
    counter.window.resize(*size)
    await asyncio.sleep(0.05)
    await counter.scan(code)
    await enter(counter, stage)
    await asyncio.sleep(0.05)  # laid out


@pytest.mark.parametrize("screen", SMALL)
@pytest.mark.parametrize(
    ("code", "stage"),
    [
        (KNOWN.ACTIVE_WITH_CONTACT, Stage.CONFIRMING),
        (KNOWN.MULTI_USE, Stage.CONFIRMING),
        (KNOWN.ACTIVE_NO_CONTACT, Stage.NEEDS_CONTACT),
    ],
    ids=["confirm", "multi-use-confirm", "customer-step"],
)
async def test_the_code_and_first_facts_stay_in_view_during_a_question(
    counter: Counter, screen: str, code: str, stage: Stage
) -> None:
    await _asked(counter, SMALL[screen], code, stage)
    assert not_in_view(counter, "valid_from", "expires") == []


async def test_the_whole_card_stays_in_view_at_1366x768(counter: Counter) -> None:
    """Multi-use: "Uses per voucher: 10" was cut through at the card's bottom edge."""
    await _asked(counter, (1366, 720), KNOWN.MULTI_USE, Stage.CONFIRMING)
    shown = [key for key, value in counter.screen.card.details.values.items() if value.text()]
    assert "uses" in shown
    assert not_in_view(counter, *shown) == []
