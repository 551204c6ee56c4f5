"""Keyboard only: a cashier's scan → redeem → reverse, and a walk through every manager
screen, with key events alone (no mouse, no button pressed from code)."""

from __future__ import annotations

import asyncio

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QDialog,
    QMenu,
    QMessageBox,
    QWidget,
)

from piggy_desk.counter.flow import Stage
from piggy_desk.sandbox import KNOWN
from piggy_desk.ui.shell.main_window import MainWindow
from tests.ui.conftest import POPUP_WARNINGS, Counter, enter, until
from tests.ui.keys import focus_in, focused, key, tab_to

Key = Qt.Key


def focus_is_visible(button: QAbstractButton) -> bool:
    """The focused button looks different from the same button without focus."""
    with_focus = button.grab().toImage()
    button.clearFocus()
    without = button.grab().toImage()
    button.setFocus(Qt.FocusReason.TabFocusReason)
    return with_focus != without


async def test_scan_redeem_and_reverse_with_the_keyboard_alone(counter: Counter) -> None:
    screen, sandbox = counter.screen, counter.sandbox
    code = KNOWN.ACTIVE_WITH_CONTACT
    assert focused() is screen.scan_input

    counter.type_scan(code)  # characters, then Enter, into whatever has focus
    await until(lambda: screen.view.voucher is not None, what="the voucher on the card")
    await enter(counter, Stage.CONFIRMING)  # Enter: reserve it
    assert sandbox.voucher_state(code)["status"] == "LOCKED"
    await enter(counter, Stage.SHOWING)  # Enter again: redeem
    assert sandbox.voucher_state(code)["status"] == "REDEEMED"
    assert screen.card.status.word == "Redeemed just now"

    # Reverse: Tab from the (empty) scan field to the button, Space to press it.
    assert focused() is screen.scan_input and screen.reverse_button.isVisible()
    await tab_to(screen.reverse_button)
    assert focus_is_visible(screen.reverse_button)
    key(Key.Key_Space)
    await until(
        lambda: isinstance(QApplication.activeModalWidget(), QMessageBox), what="the question"
    )
    box = QApplication.activeModalWidget()
    assert isinstance(box, QMessageBox)
    await until(lambda: focus_in(box), what="focus in the question")
    yes = box.button(QMessageBox.StandardButton.Yes)
    assert focused() is not yes  # Cancel is the safe default
    await tab_to(yes)
    key(Key.Key_Space)
    await until(lambda: sandbox.voucher_state(code)["status"] == "ACTIVE", what="the reversal")
    await counter.settle()
    await until(
        lambda: QApplication.focusWidget() is screen.scan_input, what="focus back on the scan field"
    )
    assert screen.card.status.word == "Valid"


async def test_escape_cancels_the_reverse_question_and_nothing_changes(counter: Counter) -> None:
    screen, sandbox = counter.screen, counter.sandbox
    code = KNOWN.ACTIVE_WITH_CONTACT
    await counter.scan(code)
    await enter(counter, Stage.CONFIRMING)
    await enter(counter, Stage.SHOWING)
    await tab_to(screen.reverse_button)
    key(Key.Key_Space)
    await until(lambda: isinstance(QApplication.activeModalWidget(), QMessageBox))
    await until(lambda: focus_in(QApplication.activeModalWidget()))
    key(Key.Key_Escape)
    await until(lambda: QApplication.activeModalWidget() is None, what="the question gone")
    await counter.settle()
    assert sandbox.voucher_state(code)["status"] == "REDEEMED"
    await until(lambda: QApplication.focusWidget() is screen.scan_input)


async def open_and_cancel(window: MainWindow, button: QAbstractButton) -> None:
    """Tab to ``button``, Space opens its dialog, Escape closes it again."""
    await tab_to(button)
    assert focus_is_visible(button)
    key(Key.Key_Space)
    await until(lambda: isinstance(QApplication.activeModalWidget(), QDialog), what="a dialog")
    dialog = QApplication.activeModalWidget()
    assert isinstance(dialog, QDialog)
    await until(lambda: focus_in(dialog), what="focus in the dialog")
    first = focused()
    key(Key.Key_Tab)
    assert focused() is not first and focused().window() is dialog  # focus moves inside
    key(Key.Key_Escape)
    await until(lambda: not dialog.isVisible(), what="the dialog to close on Escape")
    # WORKAROUND: the offscreen platform has no window manager to hand the activation back.
    window.activateWindow()
    await until(lambda: QApplication.focusWidget() is button, what="focus back on the button")
    await until(lambda: window.tasks.running == 0)


async def test_every_manager_screen_by_keyboard(counter: Counter) -> None:
    window = counter.window
    tabs = window.tabs
    screens = [
        window.vouchers,
        window.promotions,
        window.contacts,
        window.journal_screen,
        window.settings_screen,
    ]
    for number, screen in enumerate(screens, start=2):
        key(getattr(Key, f"Key_{number}"), Qt.KeyboardModifier.ControlModifier)
        await until(lambda s=screen: tabs.currentWidget() is s, what=f"Ctrl+{number}")
        await until(lambda: window.tasks.running == 0, what="the screen to load")
        # Tab walks through the screen's controls and stays on this screen (or its tab bar).
        seen: list[QWidget] = []
        for _ in range(12):
            key(Key.Key_Tab)
            await asyncio.sleep(0)
            seen.append(focused())
        inside = [w for w in seen if screen.isAncestorOf(w)]
        assert all(screen.isAncestorOf(w) or w is tabs.tabBar() for w in seen), [
            w.objectName() for w in seen
        ]
        assert len({id(w) for w in inside}) >= 2, [w.objectName() for w in seen]
        if screen is window.vouchers:
            await open_and_cancel(window, window.vouchers.new_button)
            await open_and_cancel(window, window.vouchers.batch_button)
        elif screen is window.promotions:
            await open_and_cancel(window, window.promotions.new_button)
    key(Key.Key_1, Qt.KeyboardModifier.ControlModifier)
    await until(lambda: tabs.currentWidget() is window.counter, what="Ctrl+1")
    await until(
        lambda: QApplication.focusWidget() is window.counter.scan_input,
        what="focus on the scan field",
    )


async def test_the_vouchers_table_by_arrow_keys(counter: Counter) -> None:
    window = counter.window
    key(Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    await until(lambda: window.tabs.currentWidget() is window.vouchers)
    await until(lambda: window.vouchers.model.rowCount() > 3 and window.tasks.running == 0)
    table = window.vouchers.table
    await tab_to(table)
    key(Key.Key_Down)
    key(Key.Key_Down)
    row = table.currentIndex().row()
    assert row >= 1
    await tab_to(window.vouchers.counter_button)  # "Open on the counter" acts on that row
    code = window.vouchers.model.index(row, 0).data()
    key(Key.Key_Space)
    await until(lambda: window.tabs.currentWidget() is window.counter)
    await counter.until_on_card(code, f"{code} on the counter")
    await counter.settle()


def open_menu() -> QMenu:
    menu = QApplication.activePopupWidget()
    assert isinstance(menu, QMenu), "no context menu is open"
    return menu


def choose(menu: QMenu, text: str) -> None:
    """Arrow down the open menu to ``text`` and press Enter, as a person would."""
    for _ in range(len(menu.actions()) + 1):
        QTest.keyClick(menu, Key.Key_Down)
        active = menu.activeAction()
        if active is not None and active.text() == text:
            QTest.keyClick(menu, Key.Key_Return)
            return
    raise AssertionError(f"the arrow keys never reached {text!r} in {entries(menu)}")


def entries(menu: QMenu) -> list[tuple[str, bool]]:
    return [(action.text(), action.isEnabled()) for action in menu.actions()]


@POPUP_WARNINGS
async def test_the_menu_key_on_the_vouchers_table_offers_the_row_buttons(
    counter: Counter,
) -> None:
    window = counter.window
    screen = window.vouchers
    key(Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    await until(lambda: window.tabs.currentWidget() is screen)
    await until(lambda: screen.model.rowCount() > 3 and window.tasks.running == 0)
    await tab_to(screen.table)
    key(Key.Key_Down)
    key(Key.Key_Down)
    row = screen.table.currentIndex().row()
    code = screen.model.index(row, 0).data()
    buttons = [
        screen.activate_button,
        screen.deactivate_button,
        screen.reverse_button,
        screen.copy_button,
        screen.counter_button,
        screen.print_button,
    ]
    key(Key.Key_Menu)
    menu = open_menu()
    # The buttons' words, enabled as the buttons are for this voucher.
    assert entries(menu) == [(b.text(), b.isEnabled()) for b in buttons]
    assert ("Copy code", True) in entries(menu) and not all(b.isEnabled() for b in buttons)
    QApplication.clipboard().clear()
    choose(menu, "Copy code")
    await until(lambda: not menu.isVisible(), what="the menu to close")
    assert QApplication.clipboard().text() == code
    assert screen.banner.text == f"Copied {code}."

    # Shift+F10 does the same; Escape closes the menu and nothing happens.
    assert focused() is screen.table
    key(Key.Key_F10, Qt.KeyboardModifier.ShiftModifier)
    menu = open_menu()
    QTest.keyClick(menu, Key.Key_Escape)
    await until(lambda: not menu.isVisible(), what="the menu to close on Escape")
    assert window.tabs.currentWidget() is screen

    key(Key.Key_Menu)
    choose(open_menu(), "Open on the counter")
    await until(lambda: window.tabs.currentWidget() is window.counter)
    await counter.until_on_card(code, f"{code} on the counter")
    await counter.settle()


async def test_space_on_the_tab_bar_or_the_card_types_nothing_into_the_scan_field(
    counter: Counter,
) -> None:
    """Issue 19: Space where no scan has begun is a person's key, not a scanner's."""
    screen = counter.screen
    await counter.scan(KNOWN.ACTIVE_WITH_CONTACT)
    for target in (counter.window.tabs.tabBar(), screen.card):
        await tab_to(target)
        key(Key.Key_Space)
        await asyncio.sleep(0)
        assert screen.scan_input.text() == "", type(target).__name__
        assert focused() is target
    screen.focus_scan()
