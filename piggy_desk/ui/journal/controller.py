"""The Journal screen's controller: reads a day of the counter journal off the loop thread."""

from __future__ import annotations

import sqlite3
from datetime import date, datetime, time, timedelta

from PySide6.QtCore import QObject, Signal

from piggy_desk.counter.journal import Journal, JournalTrouble, read_trouble
from piggy_desk.ui.core.tasks import off_loop


def local_day_bounds(day: date) -> tuple[datetime, datetime]:
    """The first moment of ``day`` and of the day after, by this computer's time zone rules
    for each of those moments: a day the clocks move has 23 or 25 hours. (One fixed UTC
    offset, today's, cut an hour off or added one.)"""
    start = datetime.combine(day, time.min).astimezone()
    end = datetime.combine(day + timedelta(days=1), time.min).astimezone()
    return start, end


class JournalController(QObject):
    """Reads the journal for the Journal screen, on the journal's own thread.

    Signals:
        day_read(date, list[JournalEntry], list[PromotionTotal]): the day's entries, newest
            first, and the totals per promotion.
        reading_failed(JournalTrouble): the journal could not be read; the trouble says why.
    """

    day_read = Signal(object, object, object)
    reading_failed = Signal(object)

    def __init__(self, journal: Journal, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._journal = journal

    async def read_day(self, day: date) -> None:
        start, end = local_day_bounds(day)
        journal = self._journal
        try:
            entries = await off_loop(
                lambda: journal.entries_between(start, end), on=journal.executor
            )
        except (JournalTrouble, sqlite3.Error) as error:
            self.reading_failed.emit(read_trouble(error, journal.path))
            return
        self.day_read.emit(day, entries, journal.totals_by_promotion(entries))
