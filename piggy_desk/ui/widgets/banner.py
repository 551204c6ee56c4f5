"""The message banner: the outcome of the last action as colour, glyph and one sentence,
and, for an error, Details… that opens what a manager or support needs."""

from __future__ import annotations

import re

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget

from piggy_desk.counter.journal import JournalTrouble
from piggy_desk.notices import Problem, Tone
from piggy_desk.ui.core import theme
from piggy_desk.ui.core.i18n import error_text, translate
from piggy_desk.ui.core.messages import show_details
from piggy_desk.ui.core.speech import Announcer, Urgency
from piggy_desk.ui.widgets import GlyphIcon, tone_look

# Where a wrapped sentence must not break: inside "e-mail" ("e-" at the end of one line,
# "mail." on the next) and after the "//" of an address ("http://" alone at a line's end).
_UNBROKEN = re.compile(r"(?<=\b[eE])-(?=mail)|(?<=:)//")


def unbroken(sentence: str) -> str:
    """``sentence`` for a wrapped label: a non-breaking hyphen in "e-mail", word joiners
    around the "//" of an address. (What is read aloud and tested stays the sentence.)"""
    return _UNBROKEN.sub(lambda m: "\u2011" if m.group() == "-" else "/\u2060/\u2060", sentence)


# How long a passing notice ("Settings saved.") stays: long enough to read twice.
PASSING_NOTICE_SECONDS = 6.0


class MessageBanner(QFrame):
    """The outcome of the last action: colour + glyph + one sentence, and Details.

    ``show_error`` keeps the error it shows; its Details… button opens that error's
    details (a dialog named ``errorDetails``, a child of the banner). ``show_notice``
    shows a sentence without Details.

    Signals:
        details_requested(): the Details button was pressed (the banner has opened the
            details by then).
    """

    details_requested = Signal()

    def __init__(self, parent: QWidget | None = None, *, collapse_when_empty: bool = False) -> None:
        super().__init__(parent)
        self.setObjectName("messageBanner")
        # The counter keeps the banner's place so nothing jumps; other screens fold it away.
        self._collapse = collapse_when_empty
        self._icon = GlyphIcon(32, self)
        self._text = QLabel(self)
        self._text.setObjectName("messageText")
        self._text.setWordWrap(True)
        self._text.setTextFormat(Qt.TextFormat.PlainText)
        self._details = QPushButton(self.tr("Details…"), self)
        self._details.setObjectName("detailsButton")
        self._details.setAccessibleName(self.tr("Details of this message"))
        self._details.setAccessibleDescription(
            self.tr("Shows the error code and what was sent, for a manager or support")
        )
        self._details.setAutoDefault(False)
        if not collapse_when_empty:
            # Its place is kept: a refusal with Details… made the banner 22 px taller and
            # everything below it jumped; so did any message's glyph (12 px), and a list
            # below that moves is repainted whole (9-10 ms of the Vouchers screen's).
            for kept in (self._details, self._icon):
                keep_place = kept.sizePolicy()
                keep_place.setRetainSizeWhenHidden(True)
                kept.setSizePolicy(keep_place)
        self._details.clicked.connect(self.details_requested)
        self.details_requested.connect(self._on_details_requested)
        layout = QHBoxLayout(self)
        # As high as its sentence and Details…: on the counter its place is kept, and every
        # pixel of padding is taken from the voucher card on a small screen.
        layout.setContentsMargins(12, 4, 12, 4)
        layout.addWidget(self._icon)
        layout.addWidget(self._text, 1)
        layout.addWidget(self._details)
        self.tone: Tone | None = None
        self.error: Problem | None = None
        self._passing = QTimer(self)
        self._passing.setSingleShot(True)
        self._passing.timeout.connect(self.clear)
        self._announcer: Announcer | None = None
        self.clear()

    def speak_through(self, announcer: Announcer) -> None:
        """Each sentence shown is also said through ``announcer``: the banner is never
        focused, and Orca 43 speaks only the focused control (the counter speaks its own)."""
        self._announcer = announcer

    def show_notice(self, tone: Tone, sentence: str, *, passing: bool = False) -> None:
        """A sentence of this tone, without Details; ``passing``: it goes away by itself
        after PASSING_NOTICE_SECONDS (a sentence about a moment, not about a state)."""
        self._show(tone, sentence, None)
        if passing:
            self._passing.start(int(PASSING_NOTICE_SECONDS * 1000))

    def show_error(
        self, error: Problem, sentence: str | None = None, *, tone: Tone = Tone.ERROR
    ) -> None:
        """An error as a sentence (its own unless one is given), with Details… for it."""
        if sentence is None:
            sentence = (
                error.sentence(translate)
                if isinstance(error, JournalTrouble)
                else error_text(error)
            )
        self._show(tone, sentence, error)

    def _show(self, tone: Tone, sentence: str, error: Problem | None) -> None:
        self._passing.stop()
        look = tone_look(tone)
        self.tone = tone
        self.error = error
        self.show()
        self._icon.set_look(look)
        self._icon.show()
        self._sentence = sentence
        self._text.setText(unbroken(sentence))
        self._details.setVisible(error is not None)
        self.setAccessibleName(look.word)
        self.setAccessibleDescription(sentence)
        theme.set_tone(self, look.tone)
        theme.set_tone(self._text, look.tone)
        if self._announcer is not None:
            refusal = tone in (Tone.REFUSAL, Tone.ERROR)
            self._announcer.say(sentence, Urgency.REFUSAL if refusal else Urgency.NOTICE)

    def clear(self) -> None:
        self._passing.stop()
        self.tone = None
        self.error = None
        self._icon.hide()
        self._sentence = ""
        self._text.setText("")
        self._details.hide()
        self.setAccessibleName(self.tr("Message"))
        self.setAccessibleDescription("")
        theme.set_tone(self, "none")
        theme.set_tone(self._text, "none")
        if self._collapse:
            self.hide()

    @property
    def text(self) -> str:
        """The sentence shown (as given: ``unbroken`` changes only how it wraps)."""
        return self._sentence

    def _on_details_requested(self) -> None:
        if self.error is not None:
            show_details(self.error, self)
