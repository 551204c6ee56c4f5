"""What a screen says to a person, before any widget shows it: the tone of a sentence
(success, refusal, error, information), one notice, and the one rule that tells a refusal
from an error. No Qt here: the counter's flow and every screen share it.

A *refusal* is a "no" that trying again will not change: Piggy answered with one of its
error codes (expired, used, not found…), or the client refused to send something that
cannot be valid. An *error* is a failure on the way (network, server, token, rate limit):
trying again may help.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from piggy_desk.api import InvalidRequest, PiggyAPIError, PiggyError
from piggy_desk.counter.connection import Connection
from piggy_desk.counter.journal import JournalTrouble


class Tone(StrEnum):
    """How a notice sounds and looks."""

    SUCCESS = "success"
    REFUSAL = "refusal"
    ERROR = "error"
    INFO = "info"


# What a notice's Details show a manager: a Piggy error or the journal's trouble.
Problem = PiggyError | JournalTrouble


@dataclass(frozen=True, slots=True)
class Notice:
    """One sentence for the person; ``error`` carries the details for a manager;
    ``connection``, the state of the connection to Piggy it tells of (the window's sentence
    when that state changes), else None."""

    tone: Tone
    sentence: str
    error: Problem | None = None
    connection: Connection | None = None


def is_refusal(error: PiggyError) -> bool:
    """Piggy said no with one of its codes, or the client said no before sending."""
    return isinstance(error, InvalidRequest) or (
        isinstance(error, PiggyAPIError) and type(error).piggy_code is not None
    )


def tone_of(error: PiggyError) -> Tone:
    """A refusal or an error (see the module's docstring)."""
    return Tone.REFUSAL if is_refusal(error) else Tone.ERROR
