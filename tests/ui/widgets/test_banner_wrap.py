"""A banner's sentence never wraps inside "e-mail" ("e-" at a line's end, "mail" on the
next) or after the "//" of an address ("http://" alone at a line's end), at any width (an
outside tester saw both: the Contacts screen's refusal, the training note on Settings)."""

from __future__ import annotations

from PySide6.QtGui import QTextLayout
from PySide6.QtWidgets import QLabel

from piggy_desk.ui.widgets.banner import MessageBanner
from tests.ui.conftest import Counter, open_settings, until


def line_ends(label: QLabel, width: int) -> list[str]:
    """How the label's text ends each line when wrapped at ``width`` pixels."""
    text = label.text()
    layout = QTextLayout(text, label.font())
    layout.beginLayout()
    ends = []
    while (line := layout.createLine()).isValid():
        line.setLineWidth(width)
        ends.append(text[line.textStart() : line.textStart() + line.textLength()].rstrip())
    layout.endLayout()
    return ends[:-1]  # the last line ends the sentence


def shown_text(banner: MessageBanner) -> QLabel:
    label = banner.findChild(QLabel, "messageText")
    assert label is not None
    return label


def assert_never_broken(label: QLabel, *places: str) -> None:
    for width in range(120, 900, 3):
        for end in line_ends(label, width):
            assert not end.endswith(places), f"a line ends with {end[-8:]!r} at {width} px"


async def test_e_mail_and_an_address_are_never_broken(counter: Counter) -> None:
    window = counter.window
    window.tabs.setCurrentWidget(window.contacts)
    await window.contacts.search("anna")
    banner = window.contacts.banner
    await until(lambda: "e-mail" in banner.text, what="the refusal")
    assert_never_broken(shown_text(banner), "e-", "e\u2011", "E-")
    settings = await open_settings(window)
    note = settings.warning_banner
    assert "http://" in note.text
    assert_never_broken(shown_text(note), "//", "/\u2060/\u2060", "http:")
