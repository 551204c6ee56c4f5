"""Debian's Orca screen reader without an audio device; run with Debian's python3.

    /usr/bin/python3 tests/ui/core/screen_reader/orca_speech.py DEBUG_FILE PREFS_DIR

Orca 43 hangs at start when it cannot open a speech server (no audio device here), so
its speech start is replaced by nothing; everything it would say still goes to its debug
file as ``SPEECH OUTPUT: '…'`` lines, written line by line so a test can read them as
they come.
"""

from __future__ import annotations

import builtins
import runpy
import sys
from typing import Any

import orca.speech

DEBUG_FILE, PREFS = sys.argv[1], sys.argv[2]
_open = builtins.open


def _line_buffered(path: Any, mode: str = "r", *args: Any, **kwargs: Any) -> Any:
    if path == DEBUG_FILE and "w" in mode:
        return _open(path, mode, buffering=1, encoding="utf-8")
    return _open(path, mode, *args, **kwargs)


orca.speech.init = lambda *args, **kwargs: None
builtins.open = _line_buffered
sys.argv = ["orca", "--debug", "--debug-file", DEBUG_FILE, "--user-prefs", PREFS]
runpy.run_path("/usr/bin/orca", run_name="__main__")
