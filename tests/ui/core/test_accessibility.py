"""Accessibility and the counter theme: names for every control, contrast worked out from the
palettes, text that grows with the system font, 44 px targets, and both counter screens sizes."""

from __future__ import annotations

import asyncio
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtGui import QAccessible, QColor, QFont
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QDialog,
    QLineEdit,
    QPlainTextEdit,
    QStyle,
    QStyleOptionFrame,
    QTabBar,
    QTextEdit,
    QToolButton,
    QWidget,
)

from piggy_desk.counter.flow import Stage
from piggy_desk.sandbox import KNOWN
from piggy_desk.ui.core import theme
from piggy_desk.ui.core.i18n import install_translators
from piggy_desk.ui.shell.main_window import MainWindow
from piggy_desk.ui.widgets import STATUS_LOOKS, TONE_LOOKS
from tests.ui.conftest import Counter, until

SCREENS = ((1366, 768), (1920, 1080))
SHOTS = Path(__file__).resolve().parents[3] / "build" / "a11y"


# --- contrast, from the palettes' colours -----------------------------------------------


def luminance(colour: str) -> float:
    """WCAG 2 relative luminance of an sRGB colour."""

    def channel(value: int) -> float:
        c = value / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    q = QColor(colour)
    return 0.2126 * channel(q.red()) + 0.7152 * channel(q.green()) + 0.0722 * channel(q.blue())


def contrast(a: str, b: str) -> float:
    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def text_pairs(p: theme.Palette) -> Iterator[tuple[str, str, str]]:
    """Every (what, text colour, background) the style sheet and the painted widgets use."""
    for ground in ("window", "surface", "panel", "button"):
        for ink in ("text", "muted"):
            yield f"{ink} on {ground}", p.colour(ink), p.colour(ground)
    for tone in ("good", "bad", "warn", "info", "neutral"):
        for ground in ("window", "surface", "button"):  # badge, banner, status bar, table
            yield f"{tone} on {ground}", p.colour(tone), p.colour(ground)
    yield "bad on button (Reverse)", p.bad, p.button
    yield "on_tone on good (Redeem, Confirm)", p.on_tone, p.good
    yield "on_tone on info (Save)", p.on_tone, p.info
    yield "training banner", p.on_training, p.training
    yield "selected row", p.highlight_text, p.highlight
    yield "info on panel (busy, confirm)", p.info, p.panel


@pytest.mark.parametrize("palette", [theme.LIGHT, theme.DARK], ids=lambda p: p.name)
def test_every_text_colour_has_at_least_4_5_to_1_on_its_background(palette: theme.Palette) -> None:
    low = [
        f"{what}: {contrast(ink, ground):.2f}"
        for what, ink, ground in text_pairs(palette)
        if contrast(ink, ground) < 4.5
    ]
    assert low == []


@pytest.mark.parametrize("palette", [theme.LIGHT, theme.DARK], ids=lambda p: p.name)
def test_the_focus_ring_and_status_glyphs_stand_out_3_to_1(palette: theme.Palette) -> None:
    # Non-text contrast (WCAG 1.4.11): the ring against what it surrounds, the glyph in its disc.
    for ground in (palette.window, palette.surface, palette.button):
        assert contrast(palette.focus, ground) >= 3
    for look in [*STATUS_LOOKS.values(), *TONE_LOOKS.values()]:
        assert contrast(palette.on_tone, palette.colour(look.tone)) >= 3, look


def test_the_two_palettes_name_the_same_colours_and_the_sheet_uses_only_those() -> None:
    for palette in (theme.LIGHT, theme.DARK):
        sheet = theme.stylesheet(palette, 9)
        assert "@" not in sheet
        assert "em;" not in sheet
    assert set(theme.COLOUR_NAMES) >= {"text", "good", "bad", "focus"}


def test_status_is_never_colour_alone() -> None:
    for look in [*STATUS_LOOKS.values(), *TONE_LOOKS.values()]:
        assert look.word and look.glyph
    # Two statuses that share a colour differ in word and glyph.
    seen: dict[str, set[str]] = {}
    for look in STATUS_LOOKS.values():
        assert look.glyph not in seen.setdefault(look.tone, set())
        seen[look.tone].add(look.glyph)


def test_the_system_colour_scheme_picks_the_palette(qapp: QApplication) -> None:
    # The offscreen platform has no desktop setting to flip: its signal stands in for one.
    changed = qapp.styleHints().colorSchemeChanged
    keeper = theme.install(qapp, "system")
    try:
        changed.emit(Qt.ColorScheme.Dark)
        assert theme.current() is theme.DARK
        assert qapp.palette().window().color().name() == theme.DARK.window
        assert theme.DARK.surface in qapp.styleSheet()
        changed.emit(Qt.ColorScheme.Light)
        assert theme.current() is theme.LIGHT
        keeper.set_choice("dark")  # the setting wins over the system
        changed.emit(Qt.ColorScheme.Light)
        assert theme.current() is theme.DARK
    finally:
        changed.emit(qapp.styleHints().colorScheme())
        theme.install(qapp, "light")


# --- the real window ----------------------------------------------------------------------


def qt_internal(widget: QWidget) -> bool:
    """A part Qt builds inside a complex widget (a spin box's editor, a combo box's popup,
    a line edit's clear button, a tab bar's scroll arrows): named by its owner."""
    if widget.objectName().startswith("qt_"):
        return True
    parent = widget.parentWidget()
    if parent is not None and parent.objectName() in ("qt_scrollarea_viewport",):
        return True
    while parent is not None:
        if isinstance(parent, QAbstractSpinBox | QComboBox | QLineEdit | QTabBar):
            return True
        parent = parent.parentWidget()
    return False


def controls(root: QWidget) -> list[QWidget]:
    """The widgets a person operates."""
    kinds = (
        QAbstractButton,
        QLineEdit,
        QAbstractSpinBox,
        QComboBox,
        QAbstractItemView,
        QTabBar,
        QPlainTextEdit,
        QTextEdit,
    )
    return [
        widget
        for widget in [root, *root.findChildren(QWidget)]
        if isinstance(widget, kinds)
        and not qt_internal(widget)
        and (isinstance(widget, QAbstractButton) or widget.focusPolicy() != Qt.FocusPolicy.NoFocus)
    ]


def accessible_name(widget: QWidget) -> str:
    """The control's own accessible name; a button's text counts when it says something.

    (Qt on Linux announces a combo box's current item as its name, and a field's buddy
    label only through a relation: neither stands in for a name here.)
    """
    name = widget.accessibleName().strip()
    if not name and isinstance(widget, QAbstractButton):
        interface = QAccessible.queryAccessibleInterface(widget)
        assert interface is not None
        text = interface.text(QAccessible.Text.Name).strip()
        return text if len(re.sub(r"[\W\d_]", "", text)) >= 2 else ""
    return name


def describe(widget: QWidget) -> str:
    return f"{type(widget).__name__}#{widget.objectName() or '?'} in {widget.window().objectName()}"


def unnamed(root: QWidget) -> list[str]:
    return sorted(describe(w) for w in controls(root) if not accessible_name(w))


async def open_manager_dialogs(window: MainWindow) -> list[QDialog]:
    """The dialogs a manager opens: new voucher, batch, new promotion."""
    window.tabs.setCurrentWidget(window.vouchers)
    await until(lambda: window.tasks.running == 0, what="vouchers")
    dialogs: list[QDialog] = [window.vouchers.open_create_dialog()]
    dialogs.append(window.vouchers.open_batch_dialog())
    window.tabs.setCurrentWidget(window.promotions)
    await until(lambda: window.tasks.running == 0, what="promotions")
    dialogs.append(window.promotions.open_create_dialog())
    await asyncio.sleep(0.05)
    return dialogs


async def test_every_control_has_an_accessible_name(counter: Counter) -> None:
    window = counter.window
    dialogs = await open_manager_dialogs(window)
    missing = unnamed(window)  # the dialogs are the window's children
    for dialog in dialogs:
        dialog.reject()
    assert missing == [], "\n".join(missing)
    await until(lambda: window.tasks.running == 0)


async def test_buttons_tabs_and_check_boxes_are_44_px_targets(counter: Counter) -> None:
    window = counter.window
    await counter.scan(KNOWN.ACTIVE_WITH_CONTACT)
    tabs = window.tabs.tabBar()
    small = [f"tab {tabs.tabText(i)}" for i in range(tabs.count()) if tabs.tabRect(i).height() < 44]
    dialogs = await open_manager_dialogs(window)
    for root in [window, *dialogs]:
        for screen in (
            [
                window.counter,
                window.vouchers,
                window.promotions,
                window.contacts,
                window.journal_screen,
                window.settings_screen,
            ]
            if root is window
            else [None]
        ):
            if screen is not None:
                window.tabs.setCurrentWidget(screen)
                await asyncio.sleep(0.05)
            for button in root.findChildren(QAbstractButton):
                if not button.isVisible() or button.objectName().startswith("qt_"):
                    continue
                if button.height() < 44 or button.width() < 44:
                    small.append(f"{describe(button)} {button.width()}x{button.height()}")
    for dialog in dialogs:
        dialog.reject()
    window.tabs.setCurrentWidget(window.counter)
    assert sorted(set(small)) == [], "\n".join(sorted(set(small)))
    await until(lambda: window.tasks.running == 0)


def inside(widget: QWidget, window: QWidget) -> bool:
    rect = QRect(widget.mapTo(window, QPoint(0, 0)), widget.size())
    return window.rect().contains(rect)


@pytest.mark.parametrize("size", SCREENS, ids=lambda s: f"{s[0]}x{s[1]}")
@pytest.mark.parametrize("name", ["light", "dark"])
async def test_the_counter_fits_the_screen_with_nothing_cut_off(
    counter: Counter, qapp: QApplication, size: tuple[int, int], name: str
) -> None:
    theme.install(qapp, name)
    window, screen = counter.window, counter.screen
    try:
        window.resize(*size)
        await counter.scan(KNOWN.ACTIVE_WITH_CONTACT)
        screen.redeem_button.click()
        await until(lambda: screen.view.stage == Stage.CONFIRMING, what="the confirm panel")
        await counter.settle()
        await asyncio.sleep(0.05)
        hint = window.minimumSizeHint()
        assert hint.width() <= 1366 and hint.height() <= 768, hint
        assert (window.width(), window.height()) == size
        for widget in (
            screen.scan_input,
            screen.card,
            screen.card.code,
            screen.card.status,
            screen.confirm_text,
            screen.confirm_button,
            screen.cancel_button,
        ):
            assert widget.isVisible() and inside(widget, window), widget.objectName()
        # The voucher code is whole: its label is at least as wide as its text.
        code = screen.card.code
        assert code.width() >= code.fontMetrics().horizontalAdvance(code.text())
        SHOTS.mkdir(parents=True, exist_ok=True)
        window.grab().save(str(SHOTS / f"counter-{name}-{size[0]}x{size[1]}.png"))
    finally:
        screen.cancel_button.click()
        await counter.settle()
        theme.install(qapp, "light")


async def test_counter_text_grows_with_the_system_font(
    counter: Counter, qapp: QApplication
) -> None:
    screen = counter.screen
    await counter.scan(KNOWN.ACTIVE_WITH_CONTACT)
    before = {
        "scan": screen.scan_input.font().pointSizeF(),
        "code": screen.card.code.font().pointSizeF(),
        "status": screen.card.status.findChild(QWidget, "voucherStatusWord").font().pointSizeF(),
        "body": screen.recent.font().pointSizeF(),
    }
    original = QFont(qapp.font())
    bigger = QFont(original)
    bigger.setPointSizeF(original.pointSizeF() * 4 / 3)
    try:
        qapp.setFont(bigger)
        theme.install(qapp, "light").refresh()
        await asyncio.sleep(0.05)
        after = {
            "scan": screen.scan_input.font().pointSizeF(),
            "code": screen.card.code.font().pointSizeF(),
            "status": screen.card.status.findChild(QWidget, "voucherStatusWord")
            .font()
            .pointSizeF(),
            "body": screen.recent.font().pointSizeF(),
        }
        for key, size in before.items():
            assert after[key] > size, key
        assert after["code"] >= 2 * after["body"]  # the code and status are large type
        assert after["status"] >= 1.5 * after["body"]
        hint = counter.window.minimumSizeHint()
        assert hint.width() <= 1366 and hint.height() <= 768, hint
    finally:
        qapp.setFont(original)
        theme.install(qapp, "light").refresh()


async def test_clear_buttons_key_hints_and_example_placeholders_read_well(
    counter: Counter,
) -> None:
    window = counter.window
    for screen in (window.vouchers, window.promotions, window.contacts, window.settings_screen):
        assert screen is not None  # built, and made accessible as it was
    dialogs = await open_manager_dialogs(window)
    found = []
    for field in window.findChildren(QLineEdit):
        for clear in field.findChildren(QToolButton):
            if not clear.accessibleName():
                found.append(f"{describe(field)}: an unnamed clear button")
        example = field.placeholderText()
        if "@" in example and not field.accessibleDescription().startswith("Example"):
            found.append(f"{describe(field)}: its placeholder {example!r} is heard as a value")
    for button in window.findChildren(QAbstractButton):
        interface = QAccessible.queryAccessibleInterface(button)
        name = interface.text(QAccessible.Text.Name) if interface is not None else ""
        if "  " in name or name.endswith(("(Enter)", "(Esc)")):
            found.append(f"{describe(button)}: {name!r}")
    for dialog in dialogs:
        dialog.reject()
    redeem = counter.screen.redeem_button
    assert (redeem.accessibleName(), redeem.accessibleDescription()) == ("Redeem", "Key: Enter")
    assert found == [], "\n".join(found)
    await until(lambda: window.tasks.running == 0)


@pytest.fixture(params=["en", "nl"])
def language(request: pytest.FixtureRequest, qapp: QApplication) -> Iterator[str]:
    """The window built after it in this language (request it before ``counter``)."""
    assert install_translators(qapp, request.param) == request.param
    yield request.param
    install_translators(qapp, "en")


def placeholder_room(field: QLineEdit) -> int:
    """The width a QLineEdit draws its placeholder in before it elides it ("…")."""
    option = QStyleOptionFrame()
    field.initStyleOption(option)
    contents = field.style().subElementRect(QStyle.SubElement.SE_LineEditContents, option, field)
    margins = field.textMargins()
    side = sum(b.width() for b in field.findChildren(QToolButton) if b.isVisibleTo(field))
    return contents.width() - margins.left() - margins.right() - side - 4  # 2 px each side


async def test_no_example_in_a_manager_dialog_is_cut_off(language: str, counter: Counter) -> None:
    """Seen on Xvfb in Dutch: the batch dialog's customer field read "optioneel:
    e-mailadres van de kl…", the rest of its example cut off by the narrow field."""
    window = counter.window
    dialogs = await open_manager_dialogs(window)
    cut = []
    for dialog in dialogs:
        for field in dialog.findChildren(QLineEdit):
            text = field.placeholderText()
            if field.isVisibleTo(dialog) and text and not field.text():
                needed = field.fontMetrics().horizontalAdvance(text)
                if needed > placeholder_room(field):
                    cut.append(
                        f"{dialog.windowTitle()}: {text!r} {needed}>{placeholder_room(field)}"
                    )
    for dialog in dialogs:
        dialog.reject()
    await until(lambda: window.tasks.running == 0)
    assert cut == [], "\n".join(cut)
