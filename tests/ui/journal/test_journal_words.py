"""The Journal tab reads as sentences (issue 15, friction): a refusal's detail was the
error's class name and Piggy's code ("NotEnoughRedemptions 80019"), and a release row
said "Uses 1" though a release uses nothing."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

from piggy_desk.counter.journal import Action, Journal, Outcome
from piggy_desk.ui.journal.screen import JournalModel

USES, DETAIL = 4, 6


def test_journal_rows_say_what_happened_in_words(tmp_path: Path) -> None:
    journal = Journal.in_folder(tmp_path)
    try:
        lock = journal.begin(Action.LOCK, code="KAART10X01")
        journal.finish(lock, Outcome.OK)
        redeem = journal.begin(Action.MULTI_REDEEM, code="KAART10X01", times=20)
        journal.finish(redeem, Outcome.REFUSED, detail="NotEnoughRedemptions 80019")
        release = journal.begin(Action.RELEASE, code="KAART10X01")
        journal.finish(release, Outcome.OK)
        lost = journal.begin(Action.REDEEM, code="ACTIEF0001")
        journal.finish(lost, Outcome.UNKNOWN, detail="cannot be told (found at the next start)")
        now = datetime.now(UTC)
        entries = journal.entries_between(now - timedelta(hours=1), now + timedelta(hours=1))
    finally:
        journal.close()
    model = JournalModel()
    model.set_entries(entries)
    rows = {
        model.entry(row).action: [model.data(model.index(row, c)) for c in range(7)]
        for row in range(model.rowCount())
    }
    assert rows[Action.RELEASE][USES] == "" and rows[Action.LOCK][USES] == ""
    assert rows[Action.MULTI_REDEEM][USES] == 20
    refused = rows[Action.MULTI_REDEEM][DETAIL]
    assert refused == "This voucher does not have that many uses left. (Piggy code 80019)"
    assert rows[Action.REDEEM][DETAIL] == "Could not be told at the next start"
