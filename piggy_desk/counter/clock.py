"""This computer's clock against Piggy's: how far it is off, and which "now" the counter
measures its dates from.

Piggy's time is the ``Date`` of its latest answer (``PiggyClient.piggy_now``). A clock a
year off made the card say "Used on … (in 2,528 days)" and nothing said why: the dates
Piggy gives are right whatever this clock says, so they are shown from Piggy's now, and a
clock off by more than ``CLOCK_TOLERANCE`` is said (``ClockError``).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

# A few minutes: a clock a little off (no time service) is common and harmless here; the
# Date header is to the second and an answer takes a moment.
CLOCK_TOLERANCE = timedelta(minutes=5)


@dataclass(frozen=True, slots=True)
class ClockError:
    """How far this computer's clock is off Piggy's, in whole units to say."""

    ahead: bool  # this computer's clock is ahead of Piggy's
    days: int
    hours: int
    minutes: int


def clock_error(piggy_now: datetime | None, local_now: datetime) -> ClockError | None:
    """This computer's clock off Piggy's by more than CLOCK_TOLERANCE, or None (within it,
    or Piggy's time not known yet)."""
    if piggy_now is None:
        return None
    off = local_now - piggy_now
    if abs(off) <= CLOCK_TOLERANCE:
        return None
    seconds = abs(off).total_seconds()
    if seconds >= 86400:  # to the nearest day: 400 days less the answer's second is 400
        return ClockError(ahead=off > timedelta(0), days=round(seconds / 86400), hours=0, minutes=0)
    minutes = round(seconds / 60)
    return ClockError(ahead=off > timedelta(0), days=0, hours=minutes // 60, minutes=minutes % 60)


def shown_now(piggy_now: datetime | None, local_now: datetime) -> datetime:
    """The now a date is shown relative to ("in 3 days"): Piggy's when known, so that a
    wrong clock here never moves it; else this computer's."""
    return piggy_now if piggy_now is not None else local_now
