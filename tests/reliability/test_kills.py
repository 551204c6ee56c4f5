"""The program killed (SIGKILL) at random points of the flow, again and again with a fixed
seed: after each restart no lock is left behind, no voucher is redeemed twice, and the
journal agrees with Piggy.

Each cycle starts the real program (``tests/helpers/counter_process.py``: the main window on
its own data folder, the journal surviving from cycle to cycle) on three fresh vouchers;
it scans, locks and redeems them while the parent kills it after a random step plus a
random delay. Every Piggy request is slowed a little, half before Piggy's work and half
after it, so kills land inside requests of both kinds. The next cycle's start is the
restart that must clean up.

Counted: kills; recoveries (a lock the restart released); redeems settled at restart
(killed while a redeem was in flight: the restart learnt with a find whether it happened,
finished its journal entry and said so); lost locks (killed while the
lock request itself was in flight after Piggy took it: nobody can know its key, the
restart says until when it stays and Piggy ends it after the hour); orphans (a lock left
that the restart neither released nor reported: goal 0); double redemptions (goal 0);
journal disagreements (goal 0).
"""

from __future__ import annotations

import random
import signal
import sqlite3
import subprocess
import threading
from collections import Counter
from pathlib import Path

import httpx
import pytest

from piggy_desk.sandbox import KNOWN, PIGGY_PREFIX, RunningSandbox
from tests.helpers.processes import start_counter
from tests.reliability.local_faults import FullDisk, JournalLocker, small_disk
from tests.reliability.matrix import TALLIES

SEED = 20261124
VOUCHERS_PER_CYCLE = 3
STEPS_PER_VOUCHER = 4  # SCAN, LOCK, CONFIRM, DONE
LATENCY = 0.04  # seconds before and again after Piggy's work on every request
LOCK_LIFETIME_SECONDS = 3600


def _new_codes(sandbox: RunningSandbox, cycle: int) -> list[str]:
    with httpx.Client(
        base_url=sandbox.base_url + PIGGY_PREFIX,
        headers={"Authorization": f"Bearer {sandbox.token}", "Accept": "application/json"},
    ) as piggy:
        codes = [f"KILL{cycle:03d}X{n}" for n in range(VOUCHERS_PER_CYCLE)]
        for code in codes:
            body = {
                "promotion_uuid": KNOWN.PROMOTION_SINGLE_USE,
                "code": code,
                "contact_uuid": KNOWN.CONTACT_UUID,
            }
            piggy.post("/vouchers", json=body).raise_for_status()
    return codes


def _read_line(process: subprocess.Popen[str]) -> str:
    assert process.stdout is not None
    return process.stdout.readline().strip()


def _journal_redeems(data: Path) -> dict[str, list[str]]:
    """Each code's redeem outcomes, read as another program would (read-only)."""
    path = data / "journal.sqlite3"
    if not path.exists():
        return {}
    with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as db:
        rows = db.execute("SELECT code, outcome FROM entries WHERE action='redeem'").fetchall()
    outcomes: dict[str, list[str]] = {}
    for code, outcome in rows:
        outcomes.setdefault(code, []).append(outcome)
    return outcomes


def _check_after_restart(
    sandbox: RunningSandbox, data: Path, codes: list[str], said: str, tally: Counter[str]
) -> list[str]:
    problems: list[str] = []
    journal = _journal_redeems(data)
    for code in codes:
        state = sandbox.voucher_state(code)
        if state["redemptions_used"] > 1:
            tally["double redemptions"] += 1
            problems.append(f"{code} redeemed {state['redemptions_used']} times")
        if f"Voucher “{code}” was still reserved by this counter and has been released." in said:
            tally["recoveries"] += 1
            if state["redemptions_used"]:
                tally["false sentences"] += 1
                problems.append(f"{code} was redeemed, yet the restart said it was released")
        if f"Voucher “{code}” was redeemed before the program stopped." in said:
            tally["redeems settled at restart"] += 1
        if f"The redemption of voucher “{code}” did not go through" in said:
            tally["redeems settled at restart"] += 1
        if state["status"] == "LOCKED":
            if f"Voucher “{code}” may stay reserved until" in said:
                tally["lost locks (reported)"] += 1
            else:
                tally["orphans"] += 1
                problems.append(f"{code} is still locked and nobody said so: {said!r}")
        outcomes = journal.get(code, [])
        ok = outcomes.count("ok")
        if ok != state["redemptions_used"] or any(o in ("pending", "unknown") for o in outcomes):
            tally["journal disagreements"] += 1
            problems.append(
                f"{code}: journal says {outcomes}, Piggy {state['redemptions_used']} used"
            )
    return problems


def kill_cycles(
    sandbox: RunningSandbox, data: Path, kills: int, *, journal_faults: bool = False
) -> tuple[Counter[str], list[str]]:
    """``journal_faults``: every kill lands while the journal cannot be written, by turns
    write-locked by another process and on a full disk (``data`` is then a tmpfs)."""
    rng = random.Random(SEED)
    sandbox.inject("latency", seconds=LATENCY, count=1_000_000)
    sandbox.inject("latency", seconds=LATENCY, count=1_000_000, after_commit=True)
    tally: Counter[str] = Counter()
    problems: list[str] = []
    earlier: list[str] = []
    journal_locker = JournalLocker(data / "journal.sqlite3")
    full_disk = FullDisk(data)
    for cycle in range(kills + 1):
        codes = _new_codes(sandbox, cycle) if cycle < kills else []
        process = start_counter(sandbox, data, "redeem" if codes else "start", *codes)
        watchdog = threading.Timer(90, process.kill)
        watchdog.start()
        try:
            said = _read_line(process)
            assert said.startswith("SAID:"), said
            if journal_faults and codes and cycle % 2 == 0:
                journal_locker.ready()  # the journal exists now: sqlite would make an empty one
            problems += _check_after_restart(sandbox, data, earlier, said, tally)
            if not codes:
                assert process.wait(timeout=60) == 0
                break
            target = rng.randrange(VOUCHERS_PER_CYCLE * STEPS_PER_VOUCHER)
            seen = 0
            while seen <= target:
                line = _read_line(process)
                if line.startswith(("SCAN", "LOCK", "CONFIRM", "DONE")):
                    seen += 1
                elif line == "FINISHED" or not line:
                    break
            if journal_faults:
                (journal_locker.hold if cycle % 2 == 0 else full_disk.fill)()
                tally[
                    "kills while the journal was locked"
                    if cycle % 2 == 0
                    else "kills while the disk was full"
                ] += 1
            threading.Event().wait(rng.uniform(0, 3 * LATENCY))
            process.send_signal(signal.SIGKILL)
            process.wait(timeout=30)
            tally["kills"] += process.returncode == -signal.SIGKILL
        finally:
            watchdog.cancel()
            process.kill()
            journal_locker.let_go()
            full_disk.free()
        earlier = codes
    sandbox.clear_faults()
    # Piggy ends every lock after its hour: none may be left after that.
    sandbox.advance_clock(LOCK_LIFETIME_SECONDS + 1)
    for cycle in range(kills):
        for code in (f"KILL{cycle:03d}X{n}" for n in range(VOUCHERS_PER_CYCLE)):
            if sandbox.voucher_state(code)["status"] == "LOCKED":
                problems.append(f"{code} still locked after the lock lifetime")
    return tally, problems


@pytest.mark.parametrize(
    "kills",
    [pytest.param(5, id="5-kills"), pytest.param(50, id="50-kills", marks=pytest.mark.long)],
)
def test_killed_at_random_points_leaves_no_lock_and_no_double_redemption(
    sandbox: RunningSandbox, tmp_path: Path, kills: int
) -> None:
    tally, problems = kill_cycles(sandbox, tmp_path / "counter", kills)
    _report(f"kill tests (seed {SEED})", tally, problems, kills)


@pytest.mark.parametrize(
    "kills",
    [pytest.param(4, id="4-kills"), pytest.param(50, id="50-kills", marks=pytest.mark.long)],
)
def test_killed_while_the_journal_is_locked_or_full(
    sandbox: RunningSandbox, tmp_path: Path, kills: int
) -> None:
    """Each kill lands while the journal cannot be written (issue 13): what the program
    kept in memory dies with it, and the next start still settles everything."""
    with small_disk(tmp_path / "counter", "16m") as data:
        tally, problems = kill_cycles(sandbox, data, kills, journal_faults=True)
    _report(f"kill tests, journal locked or full (seed {SEED})", tally, problems, kills)


def _report(run: str, tally: Counter[str], problems: list[str], kills: int) -> None:
    TALLIES[run] = ", ".join(
        f"{name} {tally[name]}"
        for name in (
            "kills",
            "recoveries",
            "redeems settled at restart",
            "lost locks (reported)",
            "orphans",
            "double redemptions",
            "journal disagreements",
            "false sentences",
            "kills while the journal was locked",
            "kills while the disk was full",
        )
        if name in tally or not name.startswith("kills while")
    )
    assert tally["kills"] == kills
    assert not problems, "\n".join(problems)
