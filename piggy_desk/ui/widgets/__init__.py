"""Small widgets the screens are built from: the status badge, its glyphs and words, and
relative times. The message banner is in ``banner.py``."""

from __future__ import annotations

import functools
import math
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import datetime
from typing import TYPE_CHECKING, TypeVar

from PySide6.QtCore import (
    QCoreApplication,
    QObject,
    QPointF,
    QRectF,
    QSize,
    Qt,
)
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QSizePolicy, QWidget

from piggy_desk.notices import Tone
from piggy_desk.ui.core import theme
from piggy_desk.ui.core.i18n import QT_TRANSLATE_NOOP

if TYPE_CHECKING:
    # Their Python enums are made when first asked for (QIcon's ThemeIcon alone has 140
    # members): the glyphs are drawn when the window paints and first listed at the first
    # scan, not before the window's first paint (issue 20).
    from PySide6.QtGui import QIcon, QPainterPath, QPaintEvent, QPixmap


@dataclass(frozen=True, slots=True)
class StatusLook:
    """How a voucher status shows: a word, a tone and a glyph (never colour alone).

    The tone (``good``, ``bad``, ``warn``, ``info``, ``neutral``) names a colour of the
    theme's palette, so the same status reads well in the light and the dark theme.
    """

    word: str
    tone: str
    glyph: str

    @property
    def colour(self) -> str:
        return theme.current().colour(self.tone)


# The words are English sources for lupdate (context "StatusLook"); ``status_look`` and
# ``tone_look`` give them translated.
STATUS_LOOKS = {
    "ACTIVE": StatusLook(QT_TRANSLATE_NOOP("StatusLook", "Valid"), "good", "check"),
    "REDEEMED": StatusLook(QT_TRANSLATE_NOOP("StatusLook", "Already used"), "neutral", "cross"),
    "EXPIRED": StatusLook(QT_TRANSLATE_NOOP("StatusLook", "Expired"), "bad", "hourglass"),
    "DEACTIVATED": StatusLook(QT_TRANSLATE_NOOP("StatusLook", "Switched off"), "off", "bar"),
    "INACTIVE": StatusLook(QT_TRANSLATE_NOOP("StatusLook", "Not valid yet"), "info", "clock"),
    "LOCKED": StatusLook(
        QT_TRANSLATE_NOOP("StatusLook", "In use at another counter"), "warn", "lock"
    ),
}
# Not one of Piggy's statuses: the card right after this counter redeemed the voucher
# (Piggy then says REDEEMED, which reads "Already used" to someone who scans it later).
JUST_REDEEMED = "JUST_REDEEMED"
JUST_REDEEMED_LOOK = StatusLook(
    QT_TRANSLATE_NOOP("StatusLook", "Redeemed just now"), "good", "check"
)
# Nor these: the card of a voucher Piggy has just refused, until it is known again (a look-up
# under way; a look-up that failed). Keyed as ``counter.view`` names them.
CHECKING_LOOK = StatusLook(QT_TRANSLATE_NOOP("StatusLook", "Checking…"), "neutral", "clock")
NOT_CHECKED_LOOK = StatusLook(QT_TRANSLATE_NOOP("StatusLook", "Not checked"), "warn", "bang")
UNKNOWN_LOOK = StatusLook(QT_TRANSLATE_NOOP("StatusLook", "Unknown status"), "neutral", "question")

TONE_LOOKS = {
    Tone.SUCCESS: StatusLook(QT_TRANSLATE_NOOP("StatusLook", "Done"), "good", "check"),
    Tone.REFUSAL: StatusLook(QT_TRANSLATE_NOOP("StatusLook", "Refused"), "bad", "cross"),
    Tone.ERROR: StatusLook(QT_TRANSLATE_NOOP("StatusLook", "Problem"), "warn", "bang"),
    Tone.INFO: StatusLook(QT_TRANSLATE_NOOP("StatusLook", "Note"), "info", "info"),
}


def _translated(look: StatusLook) -> StatusLook:
    return replace(look, word=QCoreApplication.translate("StatusLook", look.word))


def status_look(status: str) -> StatusLook:
    """How a voucher status shows, its word in the person's language."""
    look = {
        JUST_REDEEMED: JUST_REDEEMED_LOOK,
        "CHECKING": CHECKING_LOOK,
        "NOT_CHECKED": NOT_CHECKED_LOOK,
    }.get(status) or STATUS_LOOKS.get(status, UNKNOWN_LOOK)
    return _translated(look)


def tone_look(tone: Tone) -> StatusLook:
    """How a notice of this tone shows, its word in the person's language."""
    return _translated(TONE_LOOKS[tone])


class GlyphIcon(QWidget):
    """A filled circle with a white glyph, painted (no font or image file needed)."""

    def __init__(self, size: int = 48, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._tone = "neutral"
        self._glyph = "question"
        self.setFixedSize(QSize(size, size))
        self.setAccessibleName(self.tr("Status icon"))

    def set_look(self, look: StatusLook) -> None:
        self._tone, self._glyph = look.tone, look.glyph
        self.setAccessibleName(look.word)
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        from PySide6.QtGui import QPainter

        painter = QPainter(self)
        side = min(self.width(), self.height())
        # The theme is read when painting: it may have changed since the last time.
        icon = _glyph_pixmap(
            self._glyph, self._tone, side, self.devicePixelRatioF(), theme.current()
        )
        painter.drawPixmap(0, 0, icon)
        painter.end()


def glyph_icon(look: StatusLook, side: int, ratio: float = 1.0) -> QIcon:
    """The look's glyph on its colour as an icon (a list's items), drawn as ``GlyphIcon``."""
    from PySide6.QtGui import QIcon

    return QIcon(_glyph_pixmap(look.glyph, look.tone, side, ratio, theme.current()))


@functools.lru_cache(maxsize=64)
def _glyph_pixmap(
    glyph: str, tone: str, side: int, ratio: float, colours: theme.Palette
) -> QPixmap:
    """The icon drawn once per glyph, colour, size and theme: a repaint is a copy, not
    Python painting paths (an eighth of the counter's drawing time before)."""
    from PySide6.QtGui import QPainter, QPen, QPixmap

    pixmap = QPixmap(round(side * ratio), round(side * ratio))
    pixmap.setDevicePixelRatio(ratio)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QColor(colours.colour(tone)))
    painter.drawEllipse(QRectF(0, 0, side, side))
    on_tone = QColor(colours.on_tone)
    pen = QPen(on_tone, side * 0.1, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap)
    pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
    painter.setPen(pen)
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.drawPath(_glyph_path(glyph, side))
    if glyph in {"info", "bang", "question"}:
        painter.setBrush(on_tone)
        y = side * 0.28 if glyph == "info" else side * 0.74
        painter.drawEllipse(QPointF(side / 2, y), side * 0.02, side * 0.02)
    painter.end()
    return pixmap


# The straight strokes of each glyph, as points in fractions of the icon's side.
_STROKES: dict[str, tuple[tuple[tuple[float, float], ...], ...]] = {
    "check": (((0.28, 0.52), (0.44, 0.68), (0.73, 0.35)),),
    "cross": (((0.32, 0.32), (0.68, 0.68)), ((0.68, 0.32), (0.32, 0.68))),
    "bar": (((0.28, 0.5), (0.72, 0.5)),),
    "hourglass": (((0.33, 0.27), (0.67, 0.27), (0.33, 0.73), (0.67, 0.73)),),
    "clock": (((0.5, 0.36), (0.5, 0.5), (0.6, 0.58)),),
    "lock": (),
    "info": (((0.5, 0.42), (0.5, 0.72)),),
    "bang": (((0.5, 0.26), (0.5, 0.6)),),
}


def _glyph_path(glyph: str, s: float) -> QPainterPath:
    from PySide6.QtGui import QPainterPath

    path = QPainterPath()
    if glyph == "clock":
        path.addEllipse(QPointF(s / 2, s / 2), s * 0.25, s * 0.25)
    elif glyph == "lock":
        path.addRect(QRectF(s * 0.32, s * 0.46, s * 0.36, s * 0.26))
        path.moveTo(s * 0.4, s * 0.46)
        path.arcTo(QRectF(s * 0.4, s * 0.26, s * 0.2, s * 0.3), 180, -180)
    elif glyph not in _STROKES:  # question
        path.moveTo(s * 0.38, s * 0.38)
        path.arcTo(QRectF(s * 0.38, s * 0.26, s * 0.24, s * 0.24), 180, -200)
        path.lineTo(s / 2, s * 0.6)
    for (x, y), *points in _STROKES.get(glyph, ()):
        path.moveTo(s * x, s * y)
        for x, y in points:
            path.lineTo(s * x, s * y)
    if glyph == "hourglass":
        path.closeSubpath()
    return path


class StatusBadge(QFrame):
    """A voucher's status as glyph + word on its colour, readable from a metre away."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("voucherStatus")
        self._icon = GlyphIcon(44, self)
        self._word = QLabel(self)
        self._word.setObjectName("voucherStatusWord")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(12, 8, 18, 8)
        layout.addWidget(self._icon)
        layout.addWidget(self._word)
        self.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Fixed)
        self.status = ""

    def set_status(self, status: str) -> None:
        if status == self.status:
            return  # restyling costs a relayout: only for a new status
        look = status_look(status)
        self.status = status
        self._icon.set_look(look)
        self._word.setText(look.word)
        self.setAccessibleName(self.tr("Status: {word}").format(word=look.word))
        theme.set_tone(self, look.tone)
        theme.set_tone(self._word, look.tone)

    @property
    def word(self) -> str:
        return self._word.text()


class LastSet:
    """What was last set on a screen's widgets, by key: a render that sets each widget
    only when ``changed`` says so leaves alone what it would set to the same again (a
    redemption renders the counter seven times, most of it unchanged)."""

    def __init__(self) -> None:
        self._last: dict[str, object] = {}

    def changed(self, key: str, value: object) -> bool:
        """True the first time ``key`` is set and whenever ``value`` differs from the last."""
        if key in self._last and self._last[key] == value:
            return False
        self._last[key] = value
        return True


Named = TypeVar("Named", bound=QWidget)


def named(widget: Named, name: str, accessible_name: str) -> Named:
    """The widget, named for the style sheet and the tests, and for a screen reader."""
    widget.setObjectName(name)
    widget.setAccessibleName(accessible_name)
    return widget


def action_button(
    parent: QWidget, text: str, name: str, clicked: Callable[[], object] | None = None
) -> QPushButton:
    """A button that does one thing when pressed: Enter in a field never presses it (no
    auto-default), named for the style sheet and the tests."""
    button = QPushButton(text, parent)
    button.setObjectName(name)
    button.setAutoDefault(False)
    if clicked is not None:
        button.clicked.connect(clicked)
    return button


def relative_hint(moment: datetime, now: datetime) -> str:
    """'in 3 days', '2 hours ago': how far a moment is from now, in the largest whole unit."""
    return _RelativeTime.instance().hint(moment, now)


class _RelativeTime(QObject):
    """Owns the relative-time texts: lupdate marks plural forms only in ``self.tr`` calls."""

    @classmethod
    @functools.cache
    def instance(cls) -> _RelativeTime:
        """The one shared instance."""
        return cls()

    def hint(self, moment: datetime, now: datetime) -> str:
        seconds = (moment - now).total_seconds()
        future = seconds >= 0
        seconds = abs(seconds)
        if seconds >= 86400:
            days = math.floor(seconds / 86400)
            if future:
                return self.tr("in %Ln day(s)", "", days)
            return self.tr("%Ln day(s) ago", "", days)
        if seconds >= 3600:
            hours = math.floor(seconds / 3600)
            return (
                self.tr("in %Ln hour(s)", "", hours)
                if future
                else self.tr("%Ln hour(s) ago", "", hours)
            )
        if seconds >= 60:
            minutes = math.floor(seconds / 60)
            if future:
                return self.tr("in %Ln minute(s)", "", minutes)
            return self.tr("%Ln minute(s) ago", "", minutes)
        return self.tr("in less than a minute") if future else self.tr("just now")


def countdown_text(seconds: float) -> str:
    """mm:ss (or h:mm:ss) for a countdown; never negative."""
    seconds = max(0, int(seconds))
    hours, rest = divmod(seconds, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes:02d}:{secs:02d}"
