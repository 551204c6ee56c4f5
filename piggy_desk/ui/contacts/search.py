"""What the Contacts screen's search field holds: an e-mail address or a loyalty card,
or a sentence saying why it cannot be looked up."""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum

from PySide6.QtCore import (
    QCoreApplication,
)

from piggy_desk.counter.scan import (
    CustomerText,
    ScanRejected,
    ScanRules,
    customer_text_kind,
    normalise_scan,
)

MAX_SEARCH_FIELD = 4096
MAX_EMAIL_LENGTH = 254  # RFC 5321's limit; Piggy's client refuses above 255
MAX_CARD_LENGTH = 128

# One "@", something on both sides, no spaces: enough to refuse what cannot be an address
# without refusing an unusual real one (Piggy decides the rest).
_EMAIL_SHAPE = re.compile(r"[^@\s]+@[^@\s]+")


class SearchKind(StrEnum):
    """What the search field held."""

    EMAIL = "email"
    CARD = "card"


@dataclass(frozen=True, slots=True)
class ContactQuery:
    """A search the field's text stands for: an e-mail address or a loyalty card value."""

    kind: SearchKind
    value: str


class SearchRefused(ValueError):
    """Text that cannot be looked up; ``str()`` is a sentence for the person at the screen."""


def read_search(raw: str) -> ContactQuery:
    """The query in what was typed or scanned: text with "@" is an e-mail address, anything
    else a loyalty card, cleaned as a scan is (control characters gone, spaces trimmed).

    Raises ``SearchRefused`` with a sentence when nothing sensible can be sent.
    """
    if len(raw) > MAX_SEARCH_FIELD:
        raise SearchRefused(
            QCoreApplication.translate(
                "ContactSearch", "That is far too long to be an e-mail address or a loyalty card."
            )
        )
    try:
        text = normalise_scan(raw, ScanRules(max_length=MAX_SEARCH_FIELD))
    except ScanRejected:
        if raw.strip():
            raise SearchRefused(
                QCoreApplication.translate(
                    "ContactSearch",
                    "That held no readable characters. "
                    "Scan the card again or type the e-mail address.",
                )
            ) from None
        raise SearchRefused(
            QCoreApplication.translate(
                "ContactSearch", "Type an e-mail address or scan a loyalty card first."
            )
        ) from None
    if "@" in text:
        if len(text) > MAX_EMAIL_LENGTH:
            raise SearchRefused(
                QCoreApplication.translate(
                    "ContactSearch", "That e-mail address is too long (more than {max} characters)."
                ).format(max=MAX_EMAIL_LENGTH)
            )
        if not _EMAIL_SHAPE.fullmatch(text):
            raise SearchRefused(
                QCoreApplication.translate(
                    "ContactSearch", "That is not an e-mail address. Check it and try again."
                )
            )
        return ContactQuery(SearchKind.EMAIL, text)
    if len(text) > MAX_CARD_LENGTH:
        raise SearchRefused(
            QCoreApplication.translate(
                "ContactSearch",
                "That is too long to be a loyalty card (more than {max} characters).",
            ).format(max=MAX_CARD_LENGTH)
        )
    if customer_text_kind(text) != CustomerText.CARD:
        raise SearchRefused(
            QCoreApplication.translate(
                "ContactSearch",
                "“{text}” is neither an e-mail address nor a loyalty card number. Type the "
                "customer's e-mail address (like name@example.com) or scan their loyalty card.",
            ).format(text=text)
        )
    return ContactQuery(SearchKind.CARD, text)
