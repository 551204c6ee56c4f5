"""Injected faults: what a flaky network, a proxy or a struggling server does to a request."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import asdict, dataclass
from enum import StrEnum
from http import HTTPStatus

from piggy_desk.sandbox.inputs import Fields

MAX_LATENCY_SECONDS = 600.0


class FaultKind(StrEnum):
    """The ways a request can go wrong."""

    LATENCY = "latency"
    STATUS = "status"
    MAINTENANCE = "maintenance"
    HTML = "html"
    BROKEN_JSON = "broken_json"
    EMPTY_BODY = "empty_body"
    NO_DATA = "no_data"
    DROP = "drop"
    TRICKLE = "trickle"
    ENDLESS_BODY = "endless_body"
    WRONG_VOUCHER = "wrong_voucher"


# A `trickle` fault's pause between two bytes when it names none: longer than nothing,
# shorter than any per-read timeout, so only a deadline on the whole answer ends it.
TRICKLE_SECONDS = 2.0


@dataclass
class Fault:
    """One armed fault, spent on the next `count` matching Piggy requests.

    `maintenance` answers what Laravel's maintenance mode (``artisan down --retry=N``)
    answers: 503, its message, and `Retry-After` when `retry_after` is given.

    `path` is a substring of the path after `/api/v3/oauth/clients`; with `after_commit`
    the request is processed (state changes) and only then is the answer replaced.

    `latency` waits `seconds`, and `after_commit` says on which side of Piggy's work:

    - without it, the request waits *before* Piggy sees it (a slow network on the way
      in). A client that gives up during the wait and disconnects has sent nothing:
      the request is never processed. Use it for "the call timed out, nothing happened".
    - with it, Piggy processes the request at once (the state changes) and the normal
      answer is sent `seconds` later, if the client is still there to get it. Use it for
      "Piggy did it, but the answer came too late": the redeem counted although the
      client saw a timeout.

    A latency fault delays the other fault kinds too; it never replaces an answer.

    A hostile or broken server, for the client's defences:

    - `trickle` sends one byte every `seconds` (2 s when not given), so no single read
      ever waits long. With `after_commit` it is Piggy's real answer, after the request
      was processed; without, nothing is processed and the bytes are spaces, for ever.
    - `endless_body` answers 200 with a body that never ends, as fast as the client
      reads (after processing the request with `after_commit`).
    - `wrong_voucher` answers a request with a `code` in its query (a find) as if it had
      asked for `code` (the fault's own field) instead: the answer is another voucher.
    Each ends when the client goes away.
    """

    kind: FaultKind
    count: int = 1
    path: str | None = None
    method: str | None = None
    after_commit: bool = False
    status: int | None = None
    retry_after: int | None = None
    seconds: float | None = None
    code: str | None = None

    def matches(self, method: str, path: str) -> bool:
        """Return whether this fault applies to a request."""
        return (self.method is None or self.method == method.upper()) and (
            self.path is None or self.path in path
        )

    def as_json(self) -> dict[str, object]:
        """Return the fault as the control surface shows it."""
        return asdict(self)


@dataclass(frozen=True)
class FaultDecision:
    """What to do to one request.

    Wait `delay` seconds, process the request unless `fault` replaces it before commit,
    wait `late_delay` seconds, then answer (with `fault`'s answer, if any).
    """

    delay: float
    fault: Fault | None
    late_delay: float = 0.0


class FaultPlan:
    """The armed faults, in the order they were added."""

    def __init__(self) -> None:
        self._faults: list[Fault] = []

    def add(self, fault: Fault) -> None:
        """Arm a fault after the ones already armed."""
        self._faults.append(fault)

    def clear(self) -> None:
        """Disarm every fault."""
        self._faults.clear()

    def armed(self) -> list[Fault]:
        """Return the faults still armed."""
        return list(self._faults)

    def take(self, method: str, path: str) -> FaultDecision:
        """Spend the faults that apply to a request.

        Every matching latency fault adds its delay, before or after the commit, so a
        slow network can be combined with a failure; of the other kinds, only the first
        matching one applies.
        """
        delay = 0.0
        late_delay = 0.0
        chosen: Fault | None = None
        for fault in self._faults:
            if not fault.matches(method, path):
                continue
            if fault.kind is FaultKind.LATENCY:
                if fault.after_commit:
                    late_delay += fault.seconds or 0.0
                else:
                    delay += fault.seconds or 0.0
                fault.count -= 1
            elif chosen is None:
                chosen = fault
                fault.count -= 1
        self._faults = [fault for fault in self._faults if fault.count > 0]
        return FaultDecision(delay=delay, fault=chosen, late_delay=late_delay)


def parse_fault(data: Mapping[str, object]) -> Fault:
    """Build a fault from control-surface fields (1003 with field errors when wrong)."""
    fields = Fields(data)
    kind = FaultKind(
        fields.required_choice("kind", [kind.value for kind in FaultKind]) or "latency"
    )
    count = fields.integer("count", minimum=1) or 1
    path = fields.text("path", max_length=1000)
    method = fields.text("method", max_length=16)
    after_commit = fields.boolean("after_commit") or False
    # h11 cannot send a 1xx status as a final answer.
    if kind is FaultKind.STATUS:
        status: int | None = fields.required_integer("status", minimum=200, maximum=599)
    else:
        status = fields.integer("status", minimum=200, maximum=599)
    retry_after = fields.integer("retry_after", minimum=0)
    if kind is FaultKind.LATENCY:
        seconds: float | None = fields.required_number("seconds", maximum=MAX_LATENCY_SECONDS)
    else:
        seconds = fields.number("seconds", maximum=MAX_LATENCY_SECONDS)
    if kind is FaultKind.WRONG_VOUCHER:
        code: str | None = fields.required_text("code", max_length=255)
    else:
        code = fields.text("code", max_length=255)
    fields.check()
    return Fault(
        kind=kind,
        count=count,
        path=path,
        method=method.upper() if method is not None else None,
        after_commit=after_commit,
        status=status,
        retry_after=retry_after,
        seconds=seconds,
        code=code,
    )


def status_message(status: int) -> str:
    """Return the message a Laravel server gives with an error status."""
    if status == HTTPStatus.SERVICE_UNAVAILABLE:
        return "Service Unavailable. Piggy is down for maintenance, please try again later."
    if status == HTTPStatus.TOO_MANY_REQUESTS:
        return "Too Many Attempts."
    if status == HTTPStatus.INTERNAL_SERVER_ERROR:
        return "Server Error"
    try:
        return f"{HTTPStatus(status).phrase}."
    except ValueError:
        return "Error."


def gateway_page(status: int) -> str:
    """Return the HTML page nginx shows when the application behind it fails."""
    try:
        title = f"{status} {HTTPStatus(status).phrase}"
    except ValueError:
        title = str(status)
    return (
        f"<html>\r\n<head><title>{title}</title></head>\r\n<body>\r\n"
        f"<center><h1>{title}</h1></center>\r\n<hr><center>nginx</center>\r\n"
        "</body>\r\n</html>\r\n"
    )
