"""Scan normalising: whatever a scanner or a person types, a code or a sentence."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from piggy_desk.counter.scan import (
    MAX_CODE_LENGTH,
    DuplicateFilter,
    ScanRejected,
    ScanRules,
    normalise_scan,
)


@pytest.mark.parametrize(
    ("raw", "code"),
    [
        ("ACTIEF0001\r\n", "ACTIEF0001"),
        ("\x02ACTIEF0001\x03", "ACTIEF0001"),
        ("  ACTIEF0001\t", "ACTIEF0001"),
        ("ACT\x00IEF\x1b0001", "ACTIEF0001"),
        ("\u200fשלום-1\u200e", "שלום-1"),  # direction marks are format characters
        ("KORTING 10", "KORTING 10"),
    ],
)
def test_control_characters_and_padding_go(raw: str, code: str) -> None:
    assert normalise_scan(raw) == code


def test_prefix_and_suffix_of_this_counters_scanner() -> None:
    rules = ScanRules(prefix="]C1", suffix="#")
    assert normalise_scan("]C1ACTIEF0001#\r", rules) == "ACTIEF0001"
    assert normalise_scan("ACTIEF0001", rules) == "ACTIEF0001"


@pytest.mark.parametrize("raw", ["", "   ", "\r\n", "\x02\x03", "\t"])
def test_nothing_left_is_refused_with_a_sentence(raw: str) -> None:
    with pytest.raises(ScanRejected, match="empty"):
        normalise_scan(raw)


def test_too_long_is_refused_with_a_sentence() -> None:
    assert normalise_scan("A" * MAX_CODE_LENGTH) == "A" * MAX_CODE_LENGTH
    with pytest.raises(ScanRejected, match="too long"):
        normalise_scan("A" * (MAX_CODE_LENGTH + 1))
    with pytest.raises(ScanRejected, match="too long"):
        normalise_scan("A" * 5_000_000)


@settings(max_examples=500, deadline=None)
@given(st.text(max_size=400))
def test_any_text_gives_a_printable_bounded_code_or_a_sentence(raw: str) -> None:
    try:
        code = normalise_scan(raw)
    except ScanRejected as rejected:
        assert str(rejected).endswith(".")
        return
    assert 0 < len(code) <= MAX_CODE_LENGTH
    assert code == code.strip()
    assert code.isprintable()


def test_the_same_code_within_the_window_is_one_scan() -> None:
    now = [100.0]
    duplicates = DuplicateFilter(window_seconds=1.5, clock=lambda: now[0])
    assert not duplicates.is_repeat("A")
    now[0] += 1.0
    assert duplicates.is_repeat("A")
    now[0] += 1.0
    assert duplicates.is_repeat("A")  # measured from the last scan
    now[0] += 2.0
    assert not duplicates.is_repeat("A")
    assert not duplicates.is_repeat("B")
    assert not duplicates.is_repeat("A")
