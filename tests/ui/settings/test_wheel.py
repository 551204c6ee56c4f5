"""Scrolling the settings page with the mouse wheel leaves its choices alone."""

from __future__ import annotations

from PySide6.QtCore import Qt

from tests.ui.conftest import Desk, until
from tests.ui.wheel import turn_wheel, value, wheel_choices


async def test_the_wheel_over_an_unfocused_choice_scrolls_past_it(desk: Desk) -> None:
    """Outside tester: scrolling Settings with the wheel over Theme changed it to Dark
    with no click. A combo or spin box takes the wheel only once it has focus (by a click
    or Tab, never by the wheel itself)."""
    screen = desk.screen
    screen.activateWindow()
    await until(screen.isActiveWindow, what="the settings window to be active")
    screen.save_button.setFocus()
    choices = wheel_choices(screen)
    assert screen.theme_choice in choices and screen.language_choice in choices
    choices.sort(key=lambda choice: choice is not screen.theme_choice)  # the tester's first
    for choice in choices:
        before = value(choice)
        turn_wheel(choice)
        assert value(choice) == before, choice.objectName()
        assert not choice.hasFocus(), choice.objectName()
        assert choice.focusPolicy() == Qt.FocusPolicy.StrongFocus, choice.objectName()
    theme = screen.theme_choice
    before = theme.currentIndex()
    theme.setFocus(Qt.FocusReason.TabFocusReason)
    assert theme.hasFocus()
    turn_wheel(theme)
    assert theme.currentIndex() == before + 1  # focused, the wheel still chooses
