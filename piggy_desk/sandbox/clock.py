"""The sandbox's sense of time: real UTC time plus an offset that tests move forward."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta


def _real_utc_now() -> datetime:
    return datetime.now(UTC)


class SandboxClock:
    """Tell the time as the sandbox sees it, so an hour-long lock can expire in a test."""

    def __init__(self, source: Callable[[], datetime] = _real_utc_now) -> None:
        self._source = source
        self._offset = timedelta()

    def now(self) -> datetime:
        """Return the sandbox's current time, timezone-aware in UTC."""
        return self._source() + self._offset

    def advance(self, seconds: float) -> None:
        """Move the sandbox's time forward by `seconds`."""
        if seconds < 0:
            raise ValueError("the sandbox clock only moves forward")
        self._offset += timedelta(seconds=seconds)

    def reset(self) -> None:
        """Go back to real time."""
        self._offset = timedelta()
