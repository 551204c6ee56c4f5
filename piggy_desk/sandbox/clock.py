"""The sandbox's sense of time: real UTC time plus an offset that tests move forward."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta

# How far ahead of real time the clock may run. Far enough for any test, and far enough
# from year 9999 that the sandbox's date arithmetic (a lock's hour, a promotion's
# expiration duration of up to 68 years) cannot overflow and break every request.
MAX_OFFSET = timedelta(days=1000 * 365)


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
        if seconds > (MAX_OFFSET - self._offset).total_seconds():
            raise ValueError("the sandbox clock cannot run more than 1000 years ahead")
        self._offset += timedelta(seconds=seconds)

    def reset(self) -> None:
        """Go back to real time."""
        self._offset = timedelta()
