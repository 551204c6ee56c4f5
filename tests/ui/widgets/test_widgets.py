"""Small pieces of the counter screen."""

from __future__ import annotations

import wave
from datetime import UTC, datetime, timedelta
from io import BytesIO

import pytest

from piggy_desk.ui.core.sounds import TONES, tone_wav
from piggy_desk.ui.widgets import STATUS_LOOKS, countdown_text, relative_hint

NOW = datetime(2026, 11, 23, 12, 0, tzinfo=UTC)


@pytest.mark.parametrize(
    ("delta", "text"),
    [
        (timedelta(days=3, hours=2), "in 3 days"),
        (timedelta(days=1), "in 1 day"),
        (timedelta(hours=-2, minutes=-5), "2 hours ago"),
        (timedelta(minutes=5), "in 5 minutes"),
        (timedelta(seconds=20), "in less than a minute"),
        (timedelta(seconds=-20), "just now"),
    ],
)
def test_relative_hints(delta: timedelta, text: str) -> None:
    assert relative_hint(NOW + delta, NOW) == text


def test_countdown() -> None:
    assert countdown_text(3599) == "59:59"
    assert countdown_text(3600) == "1:00:00"
    assert countdown_text(-5) == "00:00"


def test_every_status_has_a_word_and_a_glyph_not_just_a_colour() -> None:
    words = {look.word for look in STATUS_LOOKS.values()}
    glyphs = {look.glyph for look in STATUS_LOOKS.values()}
    assert len(words) == len(STATUS_LOOKS) == 6
    assert len(glyphs) == 6


def test_the_three_sounds_are_short_and_different() -> None:
    sounds = {name: tone_wav(notes) for name, notes in TONES.items()}
    assert len(set(sounds.values())) == 3
    for data in sounds.values():
        with wave.open(BytesIO(data)) as wav:
            seconds = wav.getnframes() / wav.getframerate()
        assert 0.1 < seconds < 0.5
        assert len(data) < 30_000


def test_each_sound_is_the_wav_the_wave_module_writes() -> None:
    """The sounds' header is written by hand (the wave module is not imported for it): the
    same bytes as the wave module writes for the same samples."""
    for notes in TONES.values():
        data = tone_wav(notes)
        with wave.open(BytesIO(data)) as wav:
            params, frames = wav.getparams(), wav.readframes(wav.getnframes())
        written = BytesIO()
        with wave.open(written, "wb") as wav:
            wav.setparams(params)
            wav.writeframes(frames)
        assert data == written.getvalue()
        assert (params.nchannels, params.sampwidth, params.framerate) == (1, 2, 22050)


@pytest.mark.parametrize("huge", [10**19, 1e19, "99999999999999999999", 2**31])
def test_the_card_shows_a_voucher_whose_numbers_are_out_of_range(
    qapp: object, huge: object
) -> None:
    """Piggy's numbers go through Qt's formatting and plural forms, which take a 32-bit int:
    a number beyond it is dropped when parsed, never a crash on the counter."""
    from piggy_desk.api import Voucher
    from piggy_desk.ui.counter.card import VoucherCard

    promotion = {"uuid": "p1", "name": "Koffiekaart", "redemptions_per_voucher": huge}
    voucher = Voucher.from_api(
        {"uuid": "v1", "code": "KAART1", "status": "ACTIVE", "promotion": promotion}
    )
    assert voucher.promotion is not None and voucher.promotion.redemptions_per_voucher is None
    card = VoucherCard()
    card.show_voucher(voucher)
    assert card.code.text() == "KAART1"
    card.deleteLater()


def test_the_card_leaves_empty_fields_hidden_from_one_voucher_to_the_next(qapp: object) -> None:
    """Issue 20: each voucher shown used to show every field, then hide the empty ones
    again: a Show and a Hide per empty field and its label (relayouts, and accessibility
    events a screen reader receives) twice per redemption. A field shown stays, an empty
    one stays hidden."""
    from PySide6.QtCore import QEvent, QObject
    from PySide6.QtWidgets import QWidget

    from piggy_desk.api import Voucher
    from piggy_desk.ui.counter.card import VoucherCard

    class Toggles(QObject):
        def __init__(self) -> None:
            super().__init__()
            self.seen: list[str] = []

        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            if event.type() in (QEvent.Type.Show, QEvent.Type.Hide):
                self.seen.append(f"{event.type().name} {watched.objectName()}")
            return False

    promotion = {"uuid": "p1", "name": "Koffie", "redemptions_per_voucher": 1}
    card = VoucherCard()
    card.show()
    card.show_voucher(Voucher.from_api({"uuid": "v1", "code": "A1", "status": "ACTIVE"}))
    toggles = Toggles()
    for child in card.findChildren(QWidget):
        child.setObjectName(child.objectName() or child.metaObject().className())
        child.installEventFilter(toggles)
    second = {"uuid": "v2", "code": "A2", "status": "ACTIVE", "promotion": promotion}
    card.show_voucher(Voucher.from_api(second))
    assert card.code.text() == "A2" and card.field_text("redeemed") == ""
    assert toggles.seen == []
    card.deleteLater()
