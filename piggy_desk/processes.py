"""The child processes Piggy Desk starts (today: the sound players), never with its secrets.

A child inherits the program's environment, and with it ``PIGGY_TOKEN`` where a deployment
sets it; any process of the same user can read another's environment (``/proc/PID/environ``,
``ps e``), and a player may log its environment or start children of its own. So every
child is started through ``start_child``, whose environment has lost each variable whose
name says it holds a secret and each whose value holds a secret the program registered
(``piggy_desk.logs.register_secret``: the API token, the release keys).

No Qt here: usable from any layer.
"""

from __future__ import annotations

import os
import subprocess
from collections.abc import Mapping, Sequence

from piggy_desk.logs import holds_secret
from piggy_desk.settings import SECRET_NAME


def clean_environment(environ: Mapping[str, str] | None = None) -> dict[str, str]:
    """``environ`` (the program's own by default) without the variables that hold secrets."""
    source = os.environ if environ is None else environ
    return {
        name: value
        for name, value in source.items()
        if not SECRET_NAME.search(name) and not holds_secret(value)
    }


def start_child(command: Sequence[str]) -> subprocess.Popen[bytes]:
    """Start ``command`` without waiting for it: no secrets in its environment, nothing of
    ours on its standard streams, none of our open files."""
    return subprocess.Popen(  # noqa: S603 - the callers pass fixed programs
        list(command),
        env=clean_environment(),
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        close_fds=True,
    )
