"""The Vouchers screen's work with Piggy (``VouchersController``) and the work behind New
voucher… and New batch… (``NewVouchersController``: the customer looked up by e-mail, the
voucher or the batch asked of Piggy, a batch followed until its vouchers are in the list).
Results come back as signals; the screen and the dialogs only show them."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable
from typing import TypeVar

from PySide6.QtCore import QObject, Signal

from piggy_desk.api import ContactNotFound, PiggyClient, PiggyError, Voucher, VoucherStatus
from piggy_desk.manager.drafts import VoucherDraft
from piggy_desk.manager.export import CsvExport, VoucherFilter
from piggy_desk.ui.widgets.table import ROWS_PER_TURN

T = TypeVar("T")


class _AsksPiggy(QObject):
    """A controller of the Vouchers screen or its dialogs: works with the client."""

    def __init__(self, client: PiggyClient, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._client = client


class NewVouchersController(_AsksPiggy):
    """Makes one voucher or a batch for a dialog.

    Signals:
        failed(PiggyError): Piggy refused, or could not be asked; nothing was made (for a
            batch: it was not started).
        voucher_created(Voucher): Piggy made the voucher.
        batch_accepted(str | None): Piggy took the batch; its job's status, or None when
            Piggy answered with a sentence instead of a job.
        batch_progress(int): how many of the batch's vouchers are in the list so far.
        batch_done(str, int): the promotion's id and how many vouchers were made.
        batch_still_running(): waited long enough; Piggy is still making the vouchers.
    """

    failed = Signal(object)
    voucher_created = Signal(object)
    batch_accepted = Signal(object)
    batch_progress = Signal(int)
    batch_done = Signal(str, int)
    batch_still_running = Signal()

    async def _contact_uuid(self, email: str) -> str | None:
        """The customer's id from the e-mail typed, None when none was typed."""
        if not email:
            return None
        return (await self._client.contacts.find_by_email(email)).uuid

    async def create(self, draft: VoucherDraft) -> None:
        """Make the voucher of a checked draft (``manager.drafts.check_voucher``)."""
        assert draft.promotion_uuid is not None
        try:
            voucher: Voucher = await self._client.vouchers.create(
                draft.promotion_uuid,
                code=draft.code or None,
                contact_uuid=await self._contact_uuid(draft.email),
                activation_date=draft.starts,
                expiration_date=draft.ends,
                total_redemptions_allowed=draft.uses,
                custom_attributes=draft.attributes() or None,
            )
        except PiggyError as error:
            self.failed.emit(error)
            return
        self.voucher_created.emit(voucher)

    async def make_batch(
        self,
        draft: VoucherDraft,
        quantity: int,
        *,
        poll_seconds: float,
        give_up_seconds: float,
    ) -> None:
        """Ask for a batch of a checked draft (``manager.drafts.check_batch``) and follow it
        until its vouchers are in the list."""
        promotion_uuid = draft.promotion_uuid
        assert promotion_uuid is not None
        try:
            before = (
                await self._client.vouchers.list(promotion_uuid=promotion_uuid, limit=1)
            ).total or 0
            job = await self._client.vouchers.create_batch(
                promotion_uuid,
                quantity,
                contact_uuid=await self._contact_uuid(draft.email),
                activation_date=draft.starts,
                expiration_date=draft.ends,
            )
        except PiggyError as error:
            self.failed.emit(error)
            return
        self.batch_accepted.emit(job.status or None)
        loop = asyncio.get_running_loop()
        deadline = loop.time() + give_up_seconds
        while loop.time() < deadline:
            await asyncio.sleep(poll_seconds)
            try:
                now = (
                    await self._client.vouchers.list(promotion_uuid=promotion_uuid, limit=1)
                ).total or 0
            except PiggyError:
                continue  # a passing fault: the job goes on at Piggy's side
            made = min(quantity, max(0, now - before))
            self.batch_progress.emit(made)
            if made >= quantity:
                self.batch_done.emit(promotion_uuid, quantity)
                return
        self.batch_still_running.emit()


class VouchersController(_AsksPiggy):
    """The Vouchers screen's work with Piggy: the promotions for the filter, the customer of
    a filter, a code looked up, a row's status set or its redemption reversed, vouchers read
    for printing and the CSV export. Each method tells its outcome through the signals.

    Signals:
        failed(PiggyError): Piggy refused, or could not be asked; nothing changed.
        page_started(int, int | None), rows_arrived(int, list[Voucher]),
        page_done(int, int, int, bool), page_failed(int, PiggyError): a page of the list
            (``VouchersModel`` takes them: their arguments are its methods').
        promotions_loaded(list[Promotion]): every promotion of the account.
        customer_unknown(PiggyError): the filter's e-mail address is no customer's.
        filter_ready(VoucherFilter): the filter to show, its customer looked up.
        found(Voucher): the voucher of the code looked up.
        status_set(Voucher, str): the voucher after its status was set to the one given.
        redemption_reversed(Voucher): the voucher after its redemption was reversed.
        print_ready(list[Voucher], str, str): the vouchers to print, the note saying which,
            the shop's name for the slip.
        nothing_to_print(): the list to print has no vouchers.
        export_progress(int, int | None): vouchers read or written so far, and how many
            the list has (None while unknown).
        exported(int, Path): the file is complete: how many vouchers, and where.
        export_failed(PiggyError): the export stopped; no file was written.
        export_cancelled(): the export was cancelled; no file was written.
    """

    failed = Signal(object)
    page_started = Signal(int, object)
    rows_arrived = Signal(int, object)
    page_done = Signal(int, int, int, bool)
    page_failed = Signal(int, object)
    promotions_loaded = Signal(object)
    customer_unknown = Signal(object)
    filter_ready = Signal(object)
    found = Signal(object)
    status_set = Signal(object, str)
    redemption_reversed = Signal(object)
    print_ready = Signal(object, str, str)
    nothing_to_print = Signal()
    export_progress = Signal(int, object)
    exported = Signal(int, object)
    export_failed = Signal(object)
    export_cancelled = Signal()

    async def _ask(self, question: Awaitable[T]) -> T | None:
        """Piggy's answer; None when there is none, after ``failed`` said why."""
        try:
            return await question
        except PiggyError as error:
            self.failed.emit(error)
            return None

    async def load_promotions(self) -> None:
        promotions = await self._ask(self._client.promotions.list())
        if promotions is not None:
            self.promotions_loaded.emit(promotions)

    async def load_page(
        self, voucher_filter: VoucherFilter, page: int, page_size: int, generation: int
    ) -> None:
        """One page of a list, its rows told a slice per turn of the loop (formatting 500
        rows at once held the window for 7 ms); ``generation`` goes back with each signal."""
        try:
            result = await self._client.vouchers.list(
                promotion_uuid=voucher_filter.promotion_uuid,
                status=voucher_filter.status,
                contact_uuid=voucher_filter.contact_uuid,
                limit=page_size,
                page=page,
            )
        except PiggyError as error:
            self.page_failed.emit(generation, error)
            return
        self.page_started.emit(generation, result.total)
        for start in range(0, len(result.items), ROWS_PER_TURN):
            if start:
                await asyncio.sleep(0)
            self.rows_arrived.emit(generation, result.items[start : start + ROWS_PER_TURN])
        more = result.continues_after(page, page_size)
        self.page_done.emit(generation, page, len(result.items), more)

    async def choose_filter(
        self, promotion_uuid: str | None, status: str | None, email: str
    ) -> None:
        """The filter of a promotion, a status and a customer's e-mail address (any may be
        left open: None, or "" for the address)."""
        contact_uuid = None
        if email:
            try:
                contact_uuid = (await self._client.contacts.find_by_email(email)).uuid
            except ContactNotFound as error:
                self.customer_unknown.emit(error)
                return
            except PiggyError as error:
                self.failed.emit(error)
                return
        self.filter_ready.emit(VoucherFilter(promotion_uuid, status, contact_uuid))

    async def find(self, code: str) -> None:
        voucher = await self._ask(self._client.vouchers.find(code))
        if voucher is not None:
            self.found.emit(voucher)

    async def set_status(self, voucher: Voucher, status: VoucherStatus) -> None:
        updated = await self._ask(self._client.vouchers.update(voucher.uuid, status=status))
        if updated is not None:
            self.status_set.emit(updated, str(status))

    async def reverse(self, voucher: Voucher) -> None:
        updated = await self._ask(self._reversed(voucher))
        if updated is not None:
            self.redemption_reversed.emit(updated)

    async def _reversed(self, voucher: Voucher) -> Voucher:
        """Reverse its redemption; the voucher as it is then (read again if Piggy does not
        send it back)."""
        result = await self._client.vouchers.reverse(voucher.uuid)
        return result or await self._client.vouchers.find(voucher.code)

    async def print_vouchers(self, vouchers: list[Voucher], shop_uuid: str | None) -> None:
        from piggy_desk.ui import printing  # QtPrintSupport and the barcodes: when first used

        self.print_ready.emit(vouchers, "", await printing.shop_name(self._client, shop_uuid))

    async def print_list(self, voucher_filter: VoucherFilter, shop_uuid: str | None) -> None:
        """The vouchers of a list, as many as one print takes."""
        from piggy_desk.ui import printing  # QtPrintSupport and the barcodes: when first used

        found = await self._ask(printing.vouchers_to_print(self._client, voucher_filter))
        if found is None:
            return
        vouchers, note = found
        if not vouchers:
            self.nothing_to_print.emit()
            return
        self.print_ready.emit(vouchers, note, await printing.shop_name(self._client, shop_uuid))

    async def export(self, export: CsvExport) -> int:
        """Run the export; how many vouchers it wrote (0 when it failed)."""
        try:
            written = await export.run(self.export_progress.emit)
        except PiggyError as error:
            self.export_failed.emit(error)
            return 0
        except asyncio.CancelledError:
            self.export_cancelled.emit()
            raise
        self.exported.emit(written, export.path)
        return written
