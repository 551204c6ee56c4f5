"""The CSV export of a voucher list: every page of a filter (``client.vouchers.pages``, so
bounded), written to a ``.part`` file that becomes the file only when it is complete: a
cancelled or failed export leaves no file behind."""

from __future__ import annotations

import asyncio
import os
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import KW_ONLY, dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any, TypeVar

from piggy_desk.api import PiggyClient, Voucher
from piggy_desk.api.client import MAX_PAGE_SIZE, MAX_PAGES

T = TypeVar("T")
CSV_COLUMNS = (
    "uuid",
    "code",
    "status",
    "promotion_uuid",
    "promotion_name",
    "contact_uuid",
    "contact_email",
    "activation_date",
    "expiration_date",
    "redeemed_at",
    "is_redeemed",
    "status_shown",  # the status as the screen says it, in the person's language
)


@dataclass(frozen=True, slots=True)
class VoucherFilter:
    """What a voucher list is narrowed to; None means all."""

    promotion_uuid: str | None = None
    status: str | None = None
    contact_uuid: str | None = None


def _iso(moment: datetime | None) -> str:
    return "" if moment is None else moment.isoformat()


def csv_row(voucher: Voucher, status_word: Callable[[str], str] = str) -> list[str]:
    """One voucher as a CSV row: dates in ISO 8601 with their offset; ``status_word`` says
    the status as the screen does."""
    promotion, contact = voucher.promotion, voucher.contact
    return [
        voucher.uuid,
        voucher.code,
        voucher.status,
        promotion.uuid if promotion else "",
        promotion.name if promotion else "",
        contact.uuid if contact else "",
        (contact.email or "") if contact else "",
        _iso(voucher.activation_date),
        _iso(voucher.expiration_date),
        _iso(voucher.redeemed_at),
        "true" if voucher.is_redeemed else "false",
        status_word(voucher.status),
    ]


@dataclass
class CsvExport:
    """Streams every page of a filter to a CSV file, at most ``max_pages`` pages (past them
    the export fails with ``TooManyPages`` and writes nothing).

    ``order``: with one, every page is gathered first and written in that order (the order
    the list shows); without, each page is written as it comes. ``status_word``: the status
    in the person's language, for the ``status_shown`` column. Both run on the export's own
    thread, as does the formatting: 500 rows take milliseconds the window needs."""

    client: PiggyClient
    voucher_filter: VoucherFilter
    path: Path
    _: KW_ONLY
    page_size: int = MAX_PAGE_SIZE
    max_pages: int = MAX_PAGES
    order: Callable[[list[Voucher]], list[Voucher]] | None = None
    status_word: Callable[[str], str] = str
    vouchers: Sequence[Voucher] | None = None
    """These vouchers instead of the filter's pages (the list shows a code found)."""
    written: int = field(default=0, init=False)
    """How many vouchers are in the file so far."""
    total: int | None = field(default=None, init=False)
    """How many vouchers the list has, as its last page said (None before it)."""

    async def run(self, progress: Callable[[int, int | None], None]) -> int:
        """Write the file; returns the number of vouchers written. Cancel the task to stop."""
        # Imported by the first export, not with the Vouchers screen (0.1 MB, issue 20).
        import csv

        part = self.path.with_name(self.path.name + ".part")
        thread = ThreadPoolExecutor(max_workers=1, thread_name_prefix="csv-export")
        try:
            with part.open("w", newline="", encoding="utf-8") as handle:
                writer = csv.writer(handle)
                writer.writerow(CSV_COLUMNS)
                if self.vouchers is None:
                    await self._write_pages(thread, writer, progress)
                else:
                    self.total = len(self.vouchers)
                    await self._write(thread, writer, self.vouchers)
                    progress(self.written, self.total)
            os.replace(part, self.path)
        except BaseException:
            part.unlink(missing_ok=True)
            raise
        finally:
            thread.shutdown(wait=False)
        return self.written

    async def _write_pages(
        self, thread: ThreadPoolExecutor, writer: Any, progress: Callable[[int, int | None], None]
    ) -> None:
        gathered: list[Voucher] = []
        async for page in self.client.vouchers.pages(
            promotion_uuid=self.voucher_filter.promotion_uuid,
            status=self.voucher_filter.status,
            contact_uuid=self.voucher_filter.contact_uuid,
            page_size=self.page_size,
            max_pages=self.max_pages,
        ):
            self.total = page.total
            if self.order is not None:
                gathered += page.items
                progress(len(gathered), self.total)
            else:
                await self._write(thread, writer, page.items)
                progress(self.written, self.total)
        if self.order is not None:
            order = self.order
            await self._write(thread, writer, await _on(thread, lambda: order(gathered)))

    async def _write(
        self, thread: ThreadPoolExecutor, writer: Any, vouchers: Sequence[Voucher]
    ) -> None:
        # Only formatted on the thread: the file is written here, so a cancel never leaves
        # a thread writing to it.
        word = self.status_word
        rows = await _on(thread, lambda: [csv_row(voucher, word) for voucher in vouchers])
        writer.writerows(rows)
        self.written += len(vouchers)


async def _on(thread: ThreadPoolExecutor, call: Callable[[], T]) -> T:
    """``call`` on the export's thread (never the loop's default executor, whose callbacks
    qasync logs with their arguments)."""
    return await asyncio.get_running_loop().run_in_executor(thread, call)
