"""`piggy-desk-sandbox`: serve the sandbox on its own, for integrators and trainers."""

from __future__ import annotations

import argparse
import ipaddress
import os
import sys
import threading
from collections.abc import Sequence

from piggy_desk.sandbox.app import DEFAULT_TOKEN, PIGGY_PREFIX
from piggy_desk.sandbox.server import start_sandbox

_ENVIRONMENT_VARIABLE = "PIGGY_SANDBOX_TOKEN"


def main(argv: Sequence[str] | None = None) -> int:
    """Serve the sandbox until Ctrl-C; print the base URL (never the token) once it serves."""
    parser = _parser()
    args = parser.parse_args(argv)
    if not args.allow_remote and not _is_loopback(args.host):
        parser.error(
            f"{args.host} is not a loopback address; this is a training sandbox with a "
            "well-known token, so pass --allow-remote if you really mean it"
        )
    try:
        sandbox = start_sandbox(token=args.token, seed=args.seed, host=args.host, port=args.port)
    except (OSError, RuntimeError) as error:
        parser.exit(1, f"piggy-desk-sandbox: cannot serve on {args.host}:{args.port}: {error}\n")
    sys.stdout.write(
        f"Piggy sandbox serving at {sandbox.base_url} "
        f"(API base {sandbox.base_url}{PIGGY_PREFIX}); press Ctrl-C to stop.\n"
    )
    sys.stdout.flush()
    stopped = threading.Event()
    try:
        # A bounded wait, because an endless one cannot be interrupted on Windows.
        while not stopped.wait(0.5):
            pass
    except KeyboardInterrupt:
        pass
    finally:
        sandbox.stop()
    return 0


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="piggy-desk-sandbox",
        description="Serve a Piggy API emulator with seeded demo data over HTTP.",
    )
    parser.add_argument("--port", type=int, default=0, help="port to serve on (0: a free port)")
    parser.add_argument(
        "--token",
        default=os.environ.get(_ENVIRONMENT_VARIABLE, DEFAULT_TOKEN),
        help=(
            "the Bearer token clients must send "
            f"(default: ${_ENVIRONMENT_VARIABLE} or {DEFAULT_TOKEN}); prefer "
            f"${_ENVIRONMENT_VARIABLE}: every user can read a command line with ps"
        ),
    )
    parser.add_argument("--seed", type=int, default=1, help="seed for the demo data")
    parser.add_argument("--host", default="127.0.0.1", help="address to serve on")
    parser.add_argument(
        "--allow-remote",
        action="store_true",
        help="allow a host that is not a loopback address",
    )
    return parser


def _is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


if __name__ == "__main__":
    sys.exit(main())
