"""From what a barcode scanner typed to a voucher code, or a sentence saying why not.

A scanner is a keyboard: it types the code and a terminator (Enter or Tab), sometimes
with a configured prefix or suffix and stray control characters. Normalising is pure and
cheap; the same code scanned twice within a moment counts once.
"""

from __future__ import annotations

import re
import time
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum

from piggy_desk.texts import QT_TRANSLATE_NOOP

MAX_CODE_LENGTH = 255
"""Piggy's longest voucher code: a longer scan cannot be one (``api.client.MAX_CODE_LENGTH``)."""
DUPLICATE_WINDOW_SECONDS = 1.5

# A loyalty card's number: one word of letters, digits and a few separators, with a digit
# in it (a barcode's digits; "Anna", "de Vries" or "anna@" are not cards).
_CARD_SHAPE = re.compile(r"[0-9A-Za-z][0-9A-Za-z._:/-]*")


class CustomerText(StrEnum):
    """What a customer field holds."""

    EMAIL = "email"  # has an "@": an e-mail address (Piggy decides whether it is known)
    CARD = "card"  # a loyalty card's number
    OTHER = "other"  # neither: a name, say; nothing is looked up


def customer_text_kind(text: str) -> CustomerText:
    """Tell an e-mail address, a loyalty card's number and anything else apart."""
    text = text.strip()
    if "@" in text:
        return CustomerText.EMAIL
    if _CARD_SHAPE.fullmatch(text) and any(c.isdigit() for c in text):
        return CustomerText.CARD
    return CustomerText.OTHER


class ScanRejected(ValueError):
    """A scan that cannot be a voucher code; ``str()`` is a sentence for the cashier.

    ``template`` is the English sentence with ``{placeholders}`` (context "ScanRejected" for
    translators) and ``values`` fills them: translate the template, then format it.
    """

    def __init__(self, template: str, **values: object) -> None:
        self.template = template
        self.values = values
        super().__init__(template.format(**values))

    def sentence(self, translate: Callable[[str, str], str]) -> str:
        """The sentence in the language ``translate`` gives."""
        return translate("ScanRejected", self.template).format(**self.values)


@dataclass(frozen=True, slots=True)
class ScanRules:
    """How this counter's scanner dresses its codes."""

    prefix: str = ""
    suffix: str = ""
    max_length: int = MAX_CODE_LENGTH
    scanner_layout: str = "computer"
    """The keyboard layout the scanner is set up for (counter/keyboard_layouts.py)."""
    keyboard_layout: str = ""
    """This computer's layout, when the scanner test found it."""


def normalise_scan(raw: str, rules: ScanRules = ScanRules()) -> str:
    """The code in ``raw``: control characters removed, trimmed, prefix and suffix taken
    off, length bounded. Raises ``ScanRejected`` with a sentence when nothing usable is left."""
    # Huge input is refused before any per-character work is spent on it.
    if len(raw) > 8 * rules.max_length + 64:
        raise ScanRejected(
            QT_TRANSLATE_NOOP(
                "ScanRejected",
                "That scan is far too long to be a voucher code (over {max} characters).",
            ),
            max=rules.max_length,
        )
    text = "".join(_clean(ch) for ch in raw).strip()
    if rules.prefix and text.startswith(rules.prefix):
        text = text[len(rules.prefix) :]
    if rules.suffix and text.endswith(rules.suffix):
        text = text[: -len(rules.suffix)]
    text = text.strip()
    if not text:
        raise ScanRejected(
            QT_TRANSLATE_NOOP("ScanRejected", "The scan was empty. Scan the voucher again.")
        )
    if len(text) > rules.max_length:
        raise ScanRejected(
            QT_TRANSLATE_NOOP(
                "ScanRejected", "That is too long to be a voucher code (over {max} characters)."
            ),
            max=rules.max_length,
        )
    return text


# What a scanner may be set up to send around a code, which is not the code: Code 39's start
# and stop character (*), and an AIM symbology identifier (]C1: "]", the symbology's letter,
# a modifier character) before it.
_CODE39_STARS = re.compile(r"\*[^*]+\*")
_AIM_IDENTIFIER = re.compile(r"\][A-Za-z][0-9A-Za-z]")


def scanner_dressing(code: str) -> str | None:
    """What the scanner put around ``code`` that no voucher code has: ``*`` (Code 39's
    start and stop characters around it) or the AIM identifier before it (``]C1``)."""
    if _CODE39_STARS.fullmatch(code):
        return "*"
    if len(code) > 3 and _AIM_IDENTIFIER.match(code):
        return code[:3]
    return None


def _clean(ch: str) -> str:
    """Control and format characters go; any kind of space becomes a plain one."""
    kind = unicodedata.category(ch)[0]
    if kind == "C":
        return ""
    return " " if kind == "Z" else ch


class DuplicateFilter:
    """Says whether a code is the same scan again (same code within the window)."""

    def __init__(
        self,
        window_seconds: float = DUPLICATE_WINDOW_SECONDS,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self._window = window_seconds
        self._clock = clock
        self._last_code: str | None = None
        self._last_at = float("-inf")

    def is_repeat(self, code: str) -> bool:
        """True when ``code`` was the last scan and came within the window; records the scan."""
        now = self._clock()
        repeat = code == self._last_code and now - self._last_at < self._window
        self._last_code, self._last_at = code, now
        return repeat

    def forget(self) -> None:
        """The next scan is not the same scan again, whatever its code (a key came between)."""
        self._last_code = None
