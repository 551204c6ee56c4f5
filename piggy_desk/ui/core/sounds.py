"""Short distinct sounds for success, refusal and error, with no multimedia library.

QtMultimedia is not in PySide6-Essentials and would add tens of megabytes to the bundle.
The tones are made here as tiny WAV files (a few kB, written once to the cache folder)
and played by what each OS already has: ``winsound`` on Windows, ``afplay`` on macOS,
``paplay``/``aplay``/``pw-play`` on Linux. Where nothing can play, Qt's beep is used.
Playing never blocks the window: the players run as separate processes, started without
the program's secrets in their environment (``piggy_desk.processes``).
"""

from __future__ import annotations

import logging
import math
import shutil
import struct
import sys
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QApplication

log = logging.getLogger("piggy_desk.ui")

RATE = 22050
# (frequency Hz, duration s) per note: rising for yes, low for no, double buzz for error.
TONES: dict[str, tuple[tuple[float, float], ...]] = {
    "success": ((880.0, 0.09), (1318.5, 0.14)),
    "refusal": ((392.0, 0.12), (261.6, 0.22)),
    "error": ((220.0, 0.12), (0.0, 0.05), (220.0, 0.12)),
}


def tone_wav(notes: tuple[tuple[float, float], ...]) -> bytes:
    """A mono 16-bit WAV of the notes, each with a short fade to avoid clicks."""
    frames = bytearray()
    for frequency, duration in notes:
        count = int(RATE * duration)
        fade = max(1, int(RATE * 0.01))
        for i in range(count):
            envelope = min(1.0, i / fade, (count - i) / fade)
            value = 0.0 if frequency == 0 else math.sin(2 * math.pi * frequency * i / RATE)
            frames += struct.pack("<h", int(12000 * envelope * value))
    # The 44-byte header the wave module writes for PCM (not imported for it: 0.1 MB).
    header = struct.pack(
        "<4sL4s4sLHHLLHH4sL",
        b"RIFF",
        36 + len(frames),
        b"WAVE",
        b"fmt ",
        16,  # the format chunk's size
        1,  # PCM
        1,  # channels
        RATE,
        RATE * 2,  # bytes a second
        2,  # bytes a frame
        16,  # bits a sample
        b"data",
        len(frames),
    )
    return header + bytes(frames)


class SoundPlayer(QObject):
    """Plays the counter's sounds.

    Signals:
        played(str): a sound was asked for ("success", "refusal" or "error"), even when
            sounds are switched off, so that the window's behaviour can be tested.
    """

    played = Signal(str)

    def __init__(
        self, cache_dir: Path, *, enabled: bool = True, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self.enabled = enabled
        self._cache_dir = cache_dir
        self._files: dict[str, Path] = {}
        self._command = self._find_player()

    def play(self, kind: str) -> None:
        """Play one of ``TONES`` without waiting for it."""
        self.played.emit(kind)
        if not self.enabled or kind not in TONES:
            return
        try:
            path = self._file(kind)
            if sys.platform == "win32":
                import winsound

                winsound.PlaySound(str(path), winsound.SND_FILENAME | winsound.SND_ASYNC)
            elif self._command:
                # imported when first played: not before the counter's first paint
                from piggy_desk.processes import start_child

                start_child([*self._command, str(path)])
            else:
                QApplication.beep()
        except OSError as error:
            log.warning("could not play a sound: %s", error)
            QApplication.beep()

    def _file(self, kind: str) -> Path:
        if kind not in self._files:
            self._cache_dir.mkdir(parents=True, exist_ok=True)
            path = self._cache_dir / f"{kind}.wav"
            if not path.exists():
                path.write_bytes(tone_wav(TONES[kind]))
            self._files[kind] = path
        return self._files[kind]

    @staticmethod
    def _find_player() -> list[str] | None:
        if sys.platform == "darwin":
            return ["afplay"]
        for name in ("paplay", "pw-play", "aplay"):
            if found := shutil.which(name):
                return [found, "-q"] if name == "aplay" else [found]
        return None
