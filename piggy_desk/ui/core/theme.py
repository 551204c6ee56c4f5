"""The counter theme: calm colours, high contrast, large type, light or dark like the system.

``resources/counter.qss`` is written with named colours (``@text``, ``@good``, …) and font
sizes in ``em`` (a multiple of the application's font size). ``stylesheet()`` turns it into
a Qt style sheet for one palette and the current font, so text grows with the system font
and the dark variant is the same sheet with other colours. ``ThemeKeeper`` applies it and
follows the system's colour scheme (and a larger font) while the program runs.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, fields
from pathlib import Path

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication, QWidget

STYLE = Path(__file__).resolve().parents[2] / "resources" / "counter.qss"
# The counter reads from a step away: its body text is a third larger than the desktop's.
BODY_SCALE = 4 / 3
MIN_BASE_POINTS = 9.0


@dataclass(frozen=True, slots=True)
class Palette:
    """The colours of one variant; each text colour has at least 4.5:1 on its background."""

    name: str
    window: str  # the window's background
    surface: str  # cards, fields, tables
    panel: str  # the confirm and customer panels
    text: str
    muted: str  # secondary text, still 4.5:1
    border: str
    field_border: str
    focus: str  # the focus ring: never only a colour change of a thin line
    button: str
    disabled_text: str
    highlight: str
    highlight_text: str
    good: str
    bad: str
    warn: str
    info: str
    neutral: str
    off: str  # switched off: apart from expired's red
    on_tone: str  # text and glyphs on a tone's colour (the Redeem button, status icons)
    training: str
    on_training: str
    chart_other: str  # the chart's "issued" bar, apart from every status tone

    def colour(self, name: str) -> str:
        value = getattr(self, name, None)
        if not isinstance(value, str) or name == "name":
            raise KeyError(f"no colour {name!r} in the {self.name} palette")
        return value


LIGHT = Palette(
    name="light",
    window="#f3f4f6",
    surface="#ffffff",
    panel="#eaf1fa",
    text="#1a1a1a",
    muted="#4a515a",
    border="#c3c9d1",
    field_border="#5b6570",
    focus="#1f5fa8",
    button="#e8ebef",
    disabled_text="#6b7480",
    highlight="#1f5fa8",
    highlight_text="#ffffff",
    good="#1a7431",
    bad="#b3261e",
    warn="#8a4b00",
    info="#1f5fa8",
    neutral="#4a4f57",
    off="#a0307a",
    on_tone="#ffffff",
    training="#f0a202",
    on_training="#1a1a1a",
    chart_other="#6a3d9a",
)

DARK = Palette(
    name="dark",
    window="#181b1f",
    surface="#22262b",
    panel="#1c2a3a",
    text="#eef0f2",
    muted="#b8c0ca",
    border="#4a525c",
    field_border="#8a939e",
    focus="#8cbcf5",
    button="#2e343b",
    disabled_text="#8a939e",
    highlight="#2f6db5",
    highlight_text="#ffffff",
    good="#6fd08a",
    bad="#ff8f85",
    warn="#f2b35c",
    info="#8cbcf5",
    neutral="#c3c9d1",
    off="#f08cc8",
    on_tone="#101316",
    training="#f0a202",
    on_training="#1a1a1a",
    chart_other="#c39bea",
)

PALETTES = {"light": LIGHT, "dark": DARK}
COLOUR_NAMES = tuple(f.name for f in fields(Palette) if f.name != "name")

_current = LIGHT


def current() -> Palette:
    """The palette in use (light until a theme is applied)."""
    return _current


def resolve(choice: str, system: Qt.ColorScheme | None = None) -> Palette:
    """The palette for a setting: ``light``, ``dark`` or ``system`` (anything else), where
    ``system`` is the desktop's colour scheme (asked of Qt when not given)."""
    if choice in PALETTES:
        return PALETTES[choice]
    if system is None:
        system = QGuiApplication.styleHints().colorScheme()
    return DARK if system == Qt.ColorScheme.Dark else LIGHT


def base_points(app: QApplication) -> float:
    """The application's font size in points (the system font, or a chosen one)."""
    font = app.font()
    points = font.pointSizeF()
    if points <= 0:  # a font set in pixels
        points = font.pixelSize() * 72 / 96
    return max(MIN_BASE_POINTS, points)


_COMMENT = re.compile(r"/\*.*?\*/", re.DOTALL)
_COLOUR = re.compile(r"@([a-z_]+)")
_EM = re.compile(r"(\d+(?:\.\d+)?)em\b")


def stylesheet(palette: Palette, points: float, source: str | None = None) -> str:
    """The counter style sheet for ``palette``, with ``1em`` = ``points`` × BODY_SCALE."""
    text = source if source is not None else STYLE.read_text(encoding="utf-8")
    text = _COMMENT.sub("", text)
    unit = points * BODY_SCALE
    text = _EM.sub(lambda m: f"{round(float(m.group(1)) * unit * 2) / 2:g}pt", text)
    return _COLOUR.sub(lambda m: palette.colour(m.group(1)), text)


def qt_palette(palette: Palette) -> QPalette:
    """A QPalette for what the style sheet does not cover (menus, scroll bars, item views)."""
    result = QPalette()
    role = QPalette.ColorRole
    pairs = {
        role.Window: palette.window,
        role.WindowText: palette.text,
        role.Base: palette.surface,
        role.AlternateBase: palette.window,
        role.Text: palette.text,
        role.Button: palette.button,
        role.ButtonText: palette.text,
        role.ToolTipBase: palette.surface,
        role.ToolTipText: palette.text,
        role.PlaceholderText: palette.muted,
        role.Highlight: palette.highlight,
        role.HighlightedText: palette.highlight_text,
        role.Link: palette.info,
        role.BrightText: palette.bad,
    }
    for colour_role, colour in pairs.items():
        result.setColor(colour_role, QColor(colour))
    for colour_role in (role.WindowText, role.Text, role.ButtonText):
        result.setColor(QPalette.ColorGroup.Disabled, colour_role, QColor(palette.disabled_text))
    return result


def apply(app: QApplication, palette: Palette) -> None:
    """Use ``palette`` and the current application font for every window from now on."""
    global _current
    _current = palette
    app.setPalette(qt_palette(palette))
    app.setStyleSheet(stylesheet(palette, base_points(app)))
    app.setProperty("pdTheme", palette.name)


class ThemeKeeper(QObject):
    """Applies the chosen theme and keeps it right when the system's colour scheme changes
    (``system`` follows the desktop's light or dark setting). After changing the
    application font, call ``refresh()`` so the counter's text scales with it."""

    def __init__(self, app: QApplication, choice: str = "system") -> None:
        super().__init__(app)
        self._app = app
        self.choice = choice
        self._system = app.styleHints().colorScheme()
        app.styleHints().colorSchemeChanged.connect(self._on_color_scheme_changed)
        self.refresh()

    def set_choice(self, choice: str) -> None:
        self.choice = choice
        self.refresh()

    def refresh(self) -> None:
        apply(self._app, resolve(self.choice, self._system))

    def _on_color_scheme_changed(self, scheme: Qt.ColorScheme) -> None:
        self._system = scheme
        if self.choice == "system":
            self.refresh()


def install(app: QApplication, choice: str = "system") -> ThemeKeeper:
    """Apply the theme now and follow the system from then on."""
    keeper = app.findChild(ThemeKeeper)
    if keeper is not None:
        keeper.set_choice(choice)
        return keeper
    return ThemeKeeper(app, choice)


def set_tone(widget: QWidget, tone: str) -> None:
    """Colour ``widget`` by a tone of the palette (the style sheet's ``[tone="…"]`` rules)."""
    if widget.property("tone") == tone:
        return
    widget.setProperty("tone", tone)
    style = widget.style()
    style.unpolish(widget)
    style.polish(widget)
