"""A service stop or a logout (SIGTERM) that comes while the start is importing a module:
the program still closes the normal way, by itself. Python runs a signal's handler between
any two bytecodes, also in the middle of an import; the demo's start paints the window
before asyncio is imported, and a close made inside that import found asyncio half made
("partially initialized module 'asyncio'"), logged a traceback and left the counter
running until a second signal. The real program, started as a person does, pauses in the
import the test names, and is sent SIGTERM exactly then."""

from __future__ import annotations

import signal
import subprocess
import sys
from pathlib import Path

import pytest

from piggy_desk.sandbox import RunningSandbox
from tests.helpers.processes import ROOT, program_environment, read_log

# The real start, paused once the module WATCHED has begun to run (it is in sys.modules,
# half made) until the test has sent its signal and written a line.
PAUSED_START = """
import importlib.machinery
import signal
import sys

WATCHED = sys.argv[1]


class PauseIn:
    def find_spec(self, name, path=None, target=None):
        if name != WATCHED:
            return None
        sys.meta_path.remove(self)
        spec = importlib.machinery.PathFinder.find_spec(name, path)
        run = spec.loader.exec_module

        def exec_module(module):
            handled = signal.getsignal(signal.SIGTERM) is not signal.SIG_DFL
            print("importing", name, "handled" if handled else "not handled", flush=True)
            sys.stdin.readline()
            run(module)

        spec.loader.exec_module = exec_module
        return spec


sys.meta_path.insert(0, PauseIn())
import piggy_desk.app as app

sys.exit(app.main(sys.argv[2:]))
"""


def _stopped_in_the_import(
    tmp_path: Path, module: str, *args: str, token: str | None = None
) -> tuple[int, str, str]:
    """The program started with ``args``, sent SIGTERM while it imports ``module``: its
    exit code, its log and its stderr."""
    logs = tmp_path / "log"
    program = subprocess.Popen(
        [sys.executable, "-c", PAUSED_START, module, "--log-dir", str(logs), *args],
        cwd=ROOT,
        env=program_environment(tmp_path, token),
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        assert program.stdout is not None
        assert program.stdout.readline() == f"importing {module} handled\n"
        program.send_signal(signal.SIGTERM)
        try:  # a line lets the import go on (the signal is in before it); no second signal
            _, errors = program.communicate("\n", timeout=60)
        except subprocess.TimeoutExpired:
            program.kill()
            errors = program.communicate()[1] + "\n(still running a minute after SIGTERM)"
    finally:
        program.kill()
    return program.returncode, read_log(logs), errors


def test_sigterm_while_the_demo_imports_asyncio_after_the_paint_closes_it(
    tmp_path: Path,
) -> None:
    exit_code, log, errors = _stopped_in_the_import(
        tmp_path, "asyncio", "--demo", "--data-dir", str(tmp_path / "data")
    )
    assert "Traceback" not in log + errors, log + errors
    assert exit_code == 0  # the window's own close ended the program
    assert "the counter is open" in log


@pytest.mark.parametrize("module", ["piggy_desk.counter.flow", "anyio._core._eventloop"])
def test_sigterm_while_a_start_on_piggy_imports_closes_it(
    sandbox: RunningSandbox, tmp_path: Path, module: str
) -> None:
    """The client's modules come after the window (issue 20), the first request's with it."""
    exit_code, log, errors = _stopped_in_the_import(
        tmp_path,
        module,
        "--base-url",
        sandbox.base_url,
        "--data-dir",
        str(tmp_path / "data"),
        token=sandbox.token,
    )
    assert "Traceback" not in log + errors, log + errors
    assert exit_code == 0
    assert "the counter is open" in log
