"""The Journal tab's day is the local calendar day, also on the two days a year the clock
moves (issue 13, finding 12): 29 March 2026 has 23 hours in Amsterdam, 25 October 25.
The day's bounds once used the UTC offset of the moment the screen was opened."""

from __future__ import annotations

import os
import time
from collections.abc import Iterator
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale

from piggy_desk.counter.journal import Action, Journal
from piggy_desk.ui.core.tasks import TaskRunner
from piggy_desk.ui.journal.screen import JournalScreen


@pytest.fixture
def amsterdam() -> Iterator[None]:
    before, locale = os.environ.get("TZ"), QLocale()
    os.environ["TZ"] = "Europe/Amsterdam"
    time.tzset()
    QLocale.setDefault(QLocale("nl_NL"))
    yield
    QLocale.setDefault(locale)
    if before is None:
        del os.environ["TZ"]
    else:
        os.environ["TZ"] = before
    time.tzset()


def _utc(text: str) -> datetime:
    return datetime.fromisoformat(text).replace(tzinfo=UTC)


# (day, {code: UTC moment}, the codes of that local day)
DAYS = [
    pytest.param(
        date(2026, 3, 29),
        {
            "BEFORE": _utc("2026-03-28T22:59:59"),  # 28 March 23:59:59 CET
            "FIRST": _utc("2026-03-28T23:00:00"),  # 29 March 00:00 CET
            "LAST": _utc("2026-03-29T21:59:59"),  # 29 March 23:59:59 CEST
            "AFTER": _utc("2026-03-29T22:00:00"),  # 30 March 00:00 CEST
        },
        id="29-march-23-hours",
    ),
    pytest.param(
        date(2026, 10, 25),
        {
            "BEFORE": _utc("2026-10-24T21:59:59"),  # 24 October 23:59:59 CEST
            "FIRST": _utc("2026-10-24T22:00:00"),  # 25 October 00:00 CEST
            "LAST": _utc("2026-10-25T22:59:59"),  # 25 October 23:59:59 CET
            "AFTER": _utc("2026-10-25T23:00:00"),  # 26 October 00:00 CET
        },
        id="25-october-25-hours",
    ),
]


@pytest.mark.parametrize(("day", "moments"), DAYS)
async def test_the_journal_shows_the_whole_local_day_and_nothing_else(
    amsterdam: None,
    tmp_path: Path,
    day: date,
    moments: dict[str, datetime],
) -> None:
    now = [datetime.now(UTC)]
    journal = Journal.in_folder(tmp_path, clock=lambda: now[0])
    for code, moment in moments.items():
        now[0] = moment
        journal.begin(Action.REDEEM, code=code, promotion_name="Gratis koffie")
    screen = JournalScreen(journal, TaskRunner(lambda error: None))
    try:
        await screen.load(day)
        shown = {screen.model.entry(row).code for row in range(screen.model.rowCount())}
        assert shown == {"FIRST", "LAST"}
        times = {
            screen.model.index(row, 2).data(): screen.model.index(row, 0).data()
            for row in range(screen.model.rowCount())
        }
        assert times == {"FIRST": "00:00:00", "LAST": "23:59:59"}
    finally:
        journal.close()
