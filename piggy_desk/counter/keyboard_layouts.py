"""What a barcode scanner types when it is set up for another keyboard layout than the
computer's, and how to read it back.

A keyboard-wedge scanner sends key positions for the layout it was programmed with. A
scanner set to US QWERTY on a Belgian AZERTY computer types ``&é"'(§è!çà`` for
``1234567890`` and swaps A/Q, Z/W and M: the computer reads the keys by its own layout.
Each layout here is the characters of the four rows of keys that codes use, unshifted and
shifted, in the same key order, so a character maps to a key and back.
"""

from __future__ import annotations

from dataclasses import dataclass

from piggy_desk.texts import QT_TRANSLATE_NOOP

AS_THE_COMPUTER = "computer"
"""The scanner types in the computer's own layout: nothing to read back."""


@dataclass(frozen=True, slots=True)
class Layout:
    """The four rows of a keyboard layout (digits, top, home, bottom), each as its
    unshifted and shifted characters, key for key."""

    name: str
    unshifted: tuple[str, str, str, str]
    shifted: tuple[str, str, str, str]

    def key_of(self, character: str) -> tuple[int, int, bool] | None:
        """The key (row, column, shifted) that types ``character`` in this layout."""
        for shift, rows in ((False, self.unshifted), (True, self.shifted)):
            for row, keys in enumerate(rows):
                column = keys.find(character)
                if column >= 0:
                    return row, column, shift
        return None

    def character_at(self, row: int, column: int, shift: bool) -> str | None:
        keys = (self.shifted if shift else self.unshifted)[row]
        return keys[column] if column < len(keys) else None


_NAMES = {
    "us": QT_TRANSLATE_NOOP("KeyboardLayout", "US (QWERTY)"),
    "be": QT_TRANSLATE_NOOP("KeyboardLayout", "Belgian (AZERTY)"),
    "fr": QT_TRANSLATE_NOOP("KeyboardLayout", "French (AZERTY)"),
    "de": QT_TRANSLATE_NOOP("KeyboardLayout", "German (QWERTZ)"),
}
# Each layout's four rows (digits, top, home, bottom), unshifted on its first line and
# shifted on the second, key for key: a column of characters is one key.
_KEYS = """
us  1234567890-=  qwertyuiop[]  asdfghjkl;'  zxcvbnm,./
    !@#$%^&*()_+  QWERTYUIOP{}  ASDFGHJKL:"  ZXCVBNM<>?
be  &é"'(§è!çà)-  azertyuiop^$  qsdfghjklmù  wxcvbn,;:=
    1234567890°_  AZERTYUIOP¨*  QSDFGHJKLM%  WXCVBN?./+
fr  &é"'(-è_çà)=  azertyuiop^$  qsdfghjklmù  wxcvbn,;:!
    1234567890°+  AZERTYUIOP¨£  QSDFGHJKLM%  WXCVBN?./§
de  1234567890ß´  qwertzuiopü+  asdfghjklöä  yxcvbnm,.-
    !"§$%&/()=?`  QWERTZUIOPÜ*  ASDFGHJKLÖÄ  YXCVBNM;:_
"""


def _rows(line: str) -> tuple[str, str, str, str]:
    digits, top, home, bottom = line.split()
    return digits, top, home, bottom


def _layouts(table: str) -> dict[str, Layout]:
    lines = table.strip("\n").splitlines()
    layouts = {}
    for unshifted, shifted in zip(lines[::2], lines[1::2], strict=True):
        code, keys = unshifted.split(maxsplit=1)
        layouts[code] = Layout(_NAMES[code], _rows(keys), _rows(shifted))
    return layouts


LAYOUTS = _layouts(_KEYS)
"""The layouts a scanner can be set up for, by the name kept in the settings."""

# The pairs tried when nothing is known, most common first (a US scanner in a Belgian or
# French shop; a Belgian or French scanner on a US computer; German).
LIKELY_PAIRS = (
    ("us", "be"),
    ("us", "fr"),
    ("us", "de"),
    ("be", "us"),
    ("fr", "us"),
    ("de", "us"),
    ("fr", "be"),
    ("be", "fr"),
)

TEST_CODE = "PIGGY-QAZWMY-1234567890"
"""The scanner test's code: every letter that moves between the layouts, every digit and a
hyphen. The Settings screen shows it as a barcode; README.md has it to print."""

CODE_CHARACTERS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-")


def typed_as(text: str, scanner: str, computer: str) -> str | None:
    """What a computer with layout ``computer`` reads when a scanner set up for
    ``scanner`` scans ``text``; None when a character has no key in both."""
    return _remap(text, LAYOUTS[scanner], LAYOUTS[computer])


def read_back(typed: str, scanner: str, computer: str) -> str | None:
    """The code a scanner set up for ``scanner`` scanned, from what a computer with layout
    ``computer`` read; None when a character has no key in both."""
    return _remap(typed, LAYOUTS[computer], LAYOUTS[scanner])


def _remap(text: str, source: Layout, target: Layout) -> str | None:
    out = []
    for character in text:
        key = source.key_of(character)
        if key is None:
            return None
        mapped = target.character_at(*key)
        if mapped is None:
            return None
        out.append(mapped)
    return "".join(out)


@dataclass(frozen=True, slots=True)
class Reading:
    """A scan read back: ``code`` as a scanner set up for ``scanner`` meant it on a
    computer with layout ``computer``."""

    code: str
    scanner: str
    computer: str


def unmangled(
    typed: str, scanner: str = AS_THE_COMPUTER, computer: str | None = None
) -> Reading | None:
    """The one likely code behind ``typed`` when a scanner's layout mangled it, or None.

    With both layouts known (the settings, the scanner test) that pair reads it back.
    Otherwise only a scan with characters no code has (``&é"'(§è!çà``…) is read back, by
    the first pair in ``LIKELY_PAIRS`` (narrowed by what is known) whose reading is all
    letters, digits and hyphens.
    """
    known = scanner != AS_THE_COMPUTER and computer is not None
    if not known and set(typed) <= CODE_CHARACTERS:
        return None  # it reads as a code already
    for pair_scanner, pair_computer in _pairs(scanner, computer):
        code = read_back(typed, pair_scanner, pair_computer)
        if code and code != typed and set(code) <= CODE_CHARACTERS:
            return Reading(code, pair_scanner, pair_computer)
    return None


def _pairs(scanner: str, computer: str | None) -> list[tuple[str, str]]:
    if scanner != AS_THE_COMPUTER and computer is not None:
        return [(scanner, computer)] if scanner != computer else []
    pairs = list(LIKELY_PAIRS)
    if scanner != AS_THE_COMPUTER:
        pairs = [pair for pair in pairs if pair[0] == scanner]
        pairs += [(scanner, other) for other in LAYOUTS if other != scanner]
    if computer is not None:
        pairs = [pair for pair in pairs if pair[1] == computer]
    return list(dict.fromkeys(pairs))


def recognise(typed: str, expected: str = TEST_CODE) -> tuple[str, str] | None:
    """The (scanner, computer) layouts that turn ``expected`` into ``typed``; ("computer",
    "computer") when it came through as it is; None when no known pair explains it."""
    if typed == expected:
        return AS_THE_COMPUTER, AS_THE_COMPUTER
    for scanner in LAYOUTS:
        for computer in LAYOUTS:
            if scanner != computer and typed_as(expected, scanner, computer) == typed:
                return scanner, computer
    return None
