"""Reading back what a scanner set up for another keyboard layout typed. The mangled
strings are written out by hand from the layouts' key caps, not made by the module."""

from __future__ import annotations

import pytest

from piggy_desk.counter.keyboard_layouts import (
    TEST_CODE,
    Reading,
    read_back,
    recognise,
    typed_as,
    unmangled,
)

# (scanner, computer, code, what the computer reads)
SEEN = [
    ("us", "be", "ACTIEF0001", "QCTIEFààà&"),
    ("us", "be", "KAART10X01", "KQQRT&àXà&"),
    ("us", "fr", "ZAM-2026", "WQ?)éàé-"),
    ("us", "de", "YZ-19", "ZYß19"),
    ("be", "us", "AQ-12", "QA=!@"),
]


@pytest.mark.parametrize(("scanner", "computer", "code", "typed"), SEEN)
def test_a_scan_through_two_layouts_and_back(
    scanner: str, computer: str, code: str, typed: str
) -> None:
    assert read_back(typed, scanner, computer) == code
    assert typed_as(code, scanner, computer) == typed


def test_a_us_scanner_on_a_belgian_computer_is_recognised_from_the_test_code() -> None:
    typed = "PIGGY)AQWZ?Y)&é\"'(§è!çà"
    assert recognise(typed) == ("us", "be")
    assert recognise(TEST_CODE) == ("computer", "computer")
    assert recognise("PIGGY-NOTHING") is None


def test_only_a_scan_that_cannot_be_a_code_is_read_back_without_settings() -> None:
    assert unmangled("QCTIEFààà&") == Reading("ACTIEF0001", "us", "be")
    assert unmangled("ACTIEF0001") is None  # reads as a code: tried as it is
    # With the layouts known, a scan of letters only is read back too (A and Q swapped).
    assert unmangled("QCTIEF", "us", "be") == Reading("ACTIEF", "us", "be")
    assert unmangled("hello world /?&%") is None  # nothing reads it as a code
