"""A code the scanner sends with Code 39's * around it, or with an AIM symbology
identifier (]C1) before it, is not found; the cashier reads what the scanner did and where
to set it right (an outside tester read that the scanner's keyboard layout was wrong, and
for ]C1 nothing that pointed to Settings)."""

from __future__ import annotations

import pytest

from piggy_desk.notices import Tone
from piggy_desk.sandbox import KNOWN
from tests.ui.conftest import Counter, until


@pytest.mark.parametrize(
    ("scanned", "said"),
    [
        (
            f"*{KNOWN.ACTIVE_WITH_CONTACT}*",
            "The scanner sends Code 39's * before and after the code: switch that off on the "
            "scanner, or enter * as the scanner prefix and suffix in Settings.",
        ),
        (
            f"]C1{KNOWN.ACTIVE_WITH_CONTACT}",
            "The scanner sends “]C1”, the barcode's type, before the code: switch that off on "
            "the scanner, or enter ]C1 as the scanner prefix in Settings.",
        ),
    ],
)
async def test_what_the_scanner_put_around_the_code_is_named(
    counter: Counter, scanned: str, said: str
) -> None:
    before = counter.sandbox.stats()["requests"]
    counter.type_scan(scanned)
    await until(lambda: counter.notices, what="a sentence")
    await counter.settle()
    notice = counter.last_notice
    assert notice.tone == Tone.REFUSAL
    assert notice.sentence == f"No voucher with the code “{scanned}” was found. {said}"
    assert "keyboard layout" not in notice.sentence
    assert counter.sandbox.stats()["requests"] == before + 1  # one find, no second guess
    assert counter.screen.view.voucher is None
