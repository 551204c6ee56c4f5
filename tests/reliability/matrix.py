"""The fault matrix's tally: which invariants held for each fault at each step.

The tests record here; ``conftest.py`` prints the table at the end of the session, and
``python -m tests.reliability.report`` runs the matrix and prints it on its own.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

STEPS = ("find", "lock", "redeem", "multi-redeem", "release", "reverse")
FAULTS = (
    "timeout",
    "drop before",
    "drop after commit",
    "HTTP 500",
    "502 HTML",
    "503 maintenance",
    "429 Retry-After",
    "401",
    "broken JSON",
    "empty body",
)
# Faults on this computer: they strike when the answer to the step's request arrives
# (Piggy has acted), and go away once the cashier is done with the step.
LOCAL_FAULTS = ("journal locked", "disk full", "journal deleted")
# This computer's clock off Piggy's, in both runs; the program killed just before the
# step's request leaves, or just after its answer came.
TIME_FAULTS = (
    "clock +2 h, killed before",
    "clock +2 h, killed after",
    "clock -2 h, killed before",
    "clock -2 h, killed after",
)
# A hostile or broken server: Piggy acts, then its answer comes a byte at a time (no read
# ever waits long enough to time out), or never ends.
HOSTILE_FAULTS = ("trickling server", "endless body")
ROWS = FAULTS + LOCAL_FAULTS + TIME_FAULTS + HOSTILE_FAULTS
# Rows of real processes, not of the flow-level matrix (test_fault_matrix.py runs ROWS): a
# second copy of the program started on the same data folder while the first one holds a
# voucher (tests/ui/shell/test_one_copy.py).
PROCESS_ROWS = ("second copy",)
INVARIANTS = ("at most once", "no lock left", "journal agrees", "sentences only")


@dataclass
class Cell:
    """One fault at one step: the invariants that held, and the notes of those that did not."""

    held: int = 0
    checked: int = 0
    problems: list[str] = field(default_factory=list)
    footnote: str = ""


RESULTS: dict[tuple[str, str], Cell] = {}
# Other reliability runs' counts (two counters, kills…), one line each, printed after the matrix.
TALLIES: dict[str, str] = {}


def record(fault: str, step: str, checks: Iterable[tuple[str, bool, str]], footnote: str) -> Cell:
    """Keep the outcome of one cell: ``checks`` are (invariant, held, why not)."""
    cell = Cell(footnote=footnote)
    for name, held, why in checks:
        cell.checked += 1
        cell.held += held
        if not held:
            cell.problems.append(f"{name}: {why}")
    RESULTS[fault, step] = cell
    return cell


def table() -> list[str]:
    """The matrix as lines of text: faults down, steps across, invariants held per cell."""
    if not RESULTS:
        return [f"{name}: {line}" for name, line in TALLIES.items()]
    width = max(len(f) for f in ROWS + PROCESS_ROWS) + 2
    lines = [
        "fault matrix: invariants held per cell ("
        + ", ".join(INVARIANTS)
        + "); † = the lock's own answer was lost: it stays until Piggy's hour is up",
        "".ljust(width) + "".join(step.rjust(14) for step in STEPS),
    ]
    total = held = cells = good = 0
    for fault in ROWS + PROCESS_ROWS:
        if not any((fault, step) in RESULTS for step in STEPS):
            continue
        row = fault.ljust(width)
        for step in STEPS:
            cell = RESULTS.get((fault, step))
            if cell is None:
                row += "-".rjust(14)
                continue
            cells += 1
            good += cell.held == cell.checked
            total += cell.checked
            held += cell.held
            text = f"{cell.held}/{cell.checked}{cell.footnote}"
            row += (text if cell.held == cell.checked else f"FAIL {text}").rjust(14)
        lines.append(row)
    lines.append(f"cells passed: {good}/{cells}; invariants held: {held}/{total}")
    for (fault, step), cell in RESULTS.items():
        for problem in cell.problems:
            lines.append(f"  {fault} × {step}: {problem}")
    return lines + [f"{name}: {line}" for name, line in TALLIES.items()]
