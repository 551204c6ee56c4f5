"""One sandbox instance: the emulated account plus what tests control about it."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from piggy_desk.sandbox.clock import SandboxClock
from piggy_desk.sandbox.faults import Fault, FaultPlan
from piggy_desk.sandbox.oauth import DEFAULT_TOKEN_SECONDS, OAuthClients
from piggy_desk.sandbox.render import voucher_snapshot_json
from piggy_desk.sandbox.seed import PROMOTION_SINGLE_USE_UUID, build_state
from piggy_desk.sandbox.state import Lock, SandboxState

MAX_BULK_VOUCHERS = 100_000
MAX_BATCH_DELAY_SECONDS = 3600.0


@dataclass
class TrafficStats:
    """Counters since the server started (not reset), so take differences."""

    connections_opened: int = 0
    requests: int = 0
    refused_tokens: int = 0


class Sandbox:
    """The emulated Piggy account, its clock, the armed faults and the traffic counters.

    The HTTP control surface and `RunningSandbox` both act through these methods. Not
    thread-safe: the server calls them on its event loop thread only.
    """

    def __init__(
        self,
        *,
        seed: int = 1,
        clock: SandboxClock | None = None,
        oauth_clients: Mapping[str, str] | None = None,
    ) -> None:
        self.seed = seed
        self.clock = clock if clock is not None else SandboxClock()
        self.state: SandboxState = build_state(self.clock, seed)
        # Not part of the account's data: tokens handed out outlive a reset, as a
        # connected counter's would outlive a change of vouchers.
        self.oauth = OAuthClients(self.clock, oauth_clients)
        self.faults = FaultPlan()
        self.stats = TrafficStats()

    def reset(self) -> None:
        """Put back the seed data, real time, no faults and default settings."""
        self.clock.reset()
        self.state = build_state(self.clock, self.seed)
        self.faults.clear()
        self.oauth.set_token_seconds(DEFAULT_TOKEN_SECONDS)

    def advance_clock(self, seconds: float) -> None:
        """Move the sandbox's time forward."""
        self.clock.advance(seconds)

    def add_fault(self, fault: Fault) -> None:
        """Arm a fault after those already armed."""
        self.faults.add(fault)

    def set_batch_delay(self, seconds: float) -> None:
        """Set how long a batch job takes before its vouchers appear."""
        if not 0 <= seconds <= MAX_BATCH_DELAY_SECONDS:
            raise ValueError(f"batch delay must be between 0 and {MAX_BATCH_DELAY_SECONDS:g} s")
        self.state.batch_delay_seconds = seconds

    def voucher_state(self, code: str) -> dict[str, Any]:
        """Return the internal snapshot of a voucher (80004 when the code is unknown)."""
        self.state.settle()
        return voucher_snapshot_json(self.state.voucher_by_code(code), self.clock.now())

    def hold_lock(self, code: str, release_key: str, *, minutes_ago: float = 5) -> None:
        """Lock a voucher with a release key a counter already has, taken `minutes_ago`
        (a journal from another run, or an older release, names the key)."""
        voucher = self.state.voucher_by_code(code)
        locked_at = self.clock.now() - timedelta(minutes=minutes_ago)
        voucher.lock = Lock(release_key=release_key, locked_at=locked_at)

    def add_vouchers(self, count: int, promotion_uuid: str | None = None) -> None:
        """Add `count` ACTIVE vouchers without contact (default promotion: 'Gratis koffie')."""
        if not 1 <= count <= MAX_BULK_VOUCHERS:
            raise ValueError(f"count must be between 1 and {MAX_BULK_VOUCHERS}")
        self.state.settle()
        self.state.add_active_vouchers(count, promotion_uuid or PROMOTION_SINGLE_USE_UUID)

    def stats_json(self) -> dict[str, int]:
        """Return the traffic counters."""
        return {
            "connections_opened": self.stats.connections_opened,
            "requests": self.stats.requests,
            "refused_tokens": self.stats.refused_tokens,
            "tokens_issued": self.oauth.issued,
        }
