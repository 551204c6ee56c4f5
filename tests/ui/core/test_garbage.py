"""The main-thread garbage collector: the young generation at every tick, the older ones
(a pass over everything loaded) only when the program is not busy making objects, or after
waiting at most MAX_WAIT_TICKS."""

from __future__ import annotations

import gc
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

from piggy_desk.ui.core.garbage import MAX_WAIT_TICKS, QUIET_TICKS, MainThreadCollector


@pytest.fixture
def collections(qapp: QApplication) -> Iterator[tuple[MainThreadCollector, list[int]]]:
    generations: list[int] = []

    def heard(phase: str, info: dict[str, int]) -> None:
        if phase == "start":
            generations.append(info["generation"])

    collector = MainThreadCollector()
    collector.start()
    gc.callbacks.append(heard)
    try:
        yield collector, generations
    finally:
        gc.callbacks.remove(heard)
        collector.stop()


def _busy_tick(collector: MainThreadCollector, kept: list[object]) -> None:
    """A tick after a burst of new objects (as when a page of vouchers arrives)."""
    kept.append([[] for _ in range(5 * gc.get_threshold()[0])])
    collector._on_timer_timeout()


def test_older_generations_wait_while_busy_and_are_collected_when_quiet(
    collections: tuple[MainThreadCollector, list[int]],
) -> None:
    collector, generations = collections
    kept: list[object] = []
    for _ in range(20):  # twice as many young passes as make the middle one due
        _busy_tick(collector, kept)
    assert generations and set(generations) == {0}
    generations.clear()
    for _ in range(QUIET_TICKS):
        collector._on_timer_timeout()
    assert set(generations) & {1, 2}


def test_older_generations_wait_no_longer_than_the_limit(
    collections: tuple[MainThreadCollector, list[int]],
) -> None:
    collector, generations = collections
    kept: list[object] = []
    for _ in range(10 + MAX_WAIT_TICKS + 1):
        _busy_tick(collector, kept)
    assert set(generations) & {1, 2}


# Imports piggy_desk.app first, as the piggy-desk command does.
IMPORT_THE_START = """
import gc

passes = []
gc.callbacks.append(lambda phase, info: phase == "start" and passes.append(info["generation"]))
import piggy_desk.app

gc.callbacks.clear()
print(len(passes), gc.isenabled(), gc.get_freeze_count() > 0)
"""


def test_the_start_imports_without_collecting_and_leaves_the_collector_on(
    tmp_path: Path,
) -> None:
    """The start's modules, classes and enums are made without a collector pass (there were
    57), frozen, and the collector is on again for what comes after.

    From compiled bytecode, as an installed program starts: the first start of a fresh
    checkout compiles the package's source first, and the compiler's garbage is collected
    before ``app`` can turn the collector off (3 passes in a clean clone)."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPYCACHEPREFIX": str(tmp_path)}
    env.pop("PYTHONDONTWRITEBYTECODE", None)

    def start() -> list[str]:
        command = [sys.executable, "-c", IMPORT_THE_START]
        done = subprocess.run(command, capture_output=True, text=True, check=True, env=env)
        return done.stdout.split()

    start()  # compiles the bytecode into tmp_path
    assert start() == ["0", "True", "True"]
