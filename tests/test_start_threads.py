"""The demo's start runs the sandbox on a thread of its own while the counter makes its first
requests. Both import anyio and h11; two threads importing one package at the same time can
end in Python's import deadlock (once in 45 starts of the bundle: ``_DeadlockError`` on
``anyio._core._eventloop``, and no counter). The real program, started as a person does
with ``--demo``, is asked what a request needs at the moment the sandbox's thread begins."""

from __future__ import annotations

import signal
import subprocess
import sys
from pathlib import Path

from piggy_desk.app import REQUEST_MODULES
from tests.helpers.processes import ROOT, program_environment

# The real start, with one look at sys.modules when the sandbox's thread begins.
WATCHED_START = """
import sys
import piggy_desk.app as app

start_sandbox_on = app._start_sandbox_on


def watched(token, sock):
    missing = [name for name in app.REQUEST_MODULES if name not in sys.modules]
    print("not imported yet:", ",".join(missing) or "nothing", flush=True)
    return start_sandbox_on(token, sock)


app._start_sandbox_on = watched
sys.exit(app.main(["--demo", "--data-dir", sys.argv[1], "--log-dir", sys.argv[2]]))
"""


def test_the_sandbox_thread_begins_after_the_counter_imported_what_a_request_needs(
    tmp_path: Path,
) -> None:
    assert REQUEST_MODULES  # anyio's and h11's, by way of httpcore
    program = subprocess.Popen(
        [sys.executable, "-c", WATCHED_START, str(tmp_path / "data"), str(tmp_path / "log")],
        cwd=ROOT,
        env=program_environment(tmp_path),
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    try:
        assert program.stdout is not None
        line = program.stdout.readline()
    finally:
        program.send_signal(signal.SIGTERM)
        program.wait(60)
    assert line == "not imported yet: nothing\n"
    assert program.returncode == 0
