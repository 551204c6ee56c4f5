"""The CSV export against the sandbox over loopback: every page of a filter once, in the
order asked for, bounded, and no file at all when it does not finish."""

from __future__ import annotations

import asyncio
import csv
from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from piggy_desk.api import PiggyClient, PiggyError, TooManyPages, Voucher
from piggy_desk.manager.export import CSV_COLUMNS, CsvExport, VoucherFilter
from piggy_desk.sandbox import KNOWN, RunningSandbox

ACTIVE = VoucherFilter(status="ACTIVE")


@pytest.fixture
async def client(sandbox: RunningSandbox) -> AsyncIterator[PiggyClient]:
    async with PiggyClient(sandbox.base_url, sandbox.token, max_retries=0) as client:
        yield client


def rows_of(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        assert tuple(reader.fieldnames or ()) == CSV_COLUMNS
        return list(reader)


async def test_every_voucher_of_the_filter_is_written_once(
    client: PiggyClient, tmp_path: Path
) -> None:
    total = (await client.vouchers.list(status="ACTIVE", limit=1)).total
    assert total is not None and total > 2 * 7
    told: list[tuple[int, int | None]] = []
    path = tmp_path / "active.csv"
    export = CsvExport(client, ACTIVE, path, page_size=7, status_word=str.lower)
    assert await export.run(lambda written, of: told.append((written, of))) == total
    rows = rows_of(path)
    assert len(rows) == len({row["code"] for row in rows}) == total
    assert {(row["status"], row["status_shown"]) for row in rows} == {("ACTIVE", "active")}
    assert [written for written, _ in told] == sorted({min(total, 7 * n) for n in range(1, 99)})
    assert {of for _, of in told} == {total}
    assert list(tmp_path.iterdir()) == [path]


async def test_an_order_is_kept_in_the_file(client: PiggyClient, tmp_path: Path) -> None:
    def by_code_descending(vouchers: list[Voucher]) -> list[Voucher]:
        return sorted(vouchers, key=lambda voucher: voucher.code, reverse=True)

    path = tmp_path / "limited.csv"
    voucher_filter = VoucherFilter(promotion_uuid=KNOWN.PROMOTION_LIMITED)
    export = CsvExport(client, voucher_filter, path, page_size=5, order=by_code_descending)
    written = await export.run(lambda written, of: None)
    codes = [row["code"] for row in rows_of(path)]
    assert written == len(codes) == 24
    assert codes == sorted(codes, reverse=True)


async def test_a_list_longer_than_its_bound_writes_nothing(
    client: PiggyClient, tmp_path: Path
) -> None:
    export = CsvExport(client, ACTIVE, tmp_path / "all.csv", page_size=3, max_pages=2)
    with pytest.raises(TooManyPages):
        await export.run(lambda written, of: None)
    assert export.written == 6  # two pages were read, then the bound stopped it
    assert list(tmp_path.iterdir()) == []


async def test_a_failure_halfway_leaves_no_file(
    client: PiggyClient, sandbox: RunningSandbox, tmp_path: Path
) -> None:
    pages: list[int] = []

    def fail_after_the_first_page(written: int, of: int | None) -> None:
        pages.append(written)
        sandbox.inject("html", status=502, count=1, path="/vouchers")

    export = CsvExport(client, ACTIVE, tmp_path / "all.csv", page_size=10)
    with pytest.raises(PiggyError):
        await export.run(fail_after_the_first_page)
    assert pages == [10]
    assert list(tmp_path.iterdir()) == []


async def test_a_cancelled_export_leaves_no_file(
    client: PiggyClient, sandbox: RunningSandbox, tmp_path: Path
) -> None:
    sandbox.inject("latency", seconds=0.3, count=5, path="/vouchers")
    export = CsvExport(client, ACTIVE, tmp_path / "all.csv", page_size=10)
    task = asyncio.get_running_loop().create_task(export.run(lambda written, of: None))
    for _ in range(1000):  # (a bound, not a time limit: the first page takes 0.3 s)
        if (tmp_path / "all.csv.part").exists():
            break
        await asyncio.sleep(0.01)
    assert (tmp_path / "all.csv.part").exists()
    task.cancel()
    with pytest.raises(asyncio.CancelledError):
        await task
    assert list(tmp_path.iterdir()) == []
