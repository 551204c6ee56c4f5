"""The work behind New voucher… and New batch…: the customer looked up by e-mail, the voucher
or the batch asked of Piggy, and a batch followed until its vouchers are in the list.
Results come back as signals; the dialogs only show them."""

from __future__ import annotations

import asyncio
from datetime import datetime

from PySide6.QtCore import QObject, Signal

from piggy_desk.api import PiggyClient, PiggyError, Voucher


class NewVouchersController(QObject):
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

    def __init__(self, client: PiggyClient, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._client = client

    async def _contact_uuid(self, email: str) -> str | None:
        """The customer's id from the e-mail typed, None when none was typed."""
        if not email:
            return None
        return (await self._client.contacts.find_by_email(email)).uuid

    async def create(
        self,
        promotion_uuid: str,
        *,
        code: str | None,
        email: str,
        starts: datetime | None,
        ends: datetime | None,
        uses: int | None,
        attributes: dict[str, str],
    ) -> None:
        try:
            voucher: Voucher = await self._client.vouchers.create(
                promotion_uuid,
                code=code,
                contact_uuid=await self._contact_uuid(email),
                activation_date=starts,
                expiration_date=ends,
                total_redemptions_allowed=uses,
                custom_attributes=attributes or None,
            )
        except PiggyError as error:
            self.failed.emit(error)
            return
        self.voucher_created.emit(voucher)

    async def make_batch(
        self,
        promotion_uuid: str,
        quantity: int,
        *,
        email: str,
        starts: datetime | None,
        ends: datetime | None,
        poll_seconds: float,
        give_up_seconds: float,
    ) -> None:
        try:
            before = (
                await self._client.vouchers.list(promotion_uuid=promotion_uuid, limit=1)
            ).total or 0
            job = await self._client.vouchers.create_batch(
                promotion_uuid,
                quantity,
                contact_uuid=await self._contact_uuid(email),
                activation_date=starts,
                expiration_date=ends,
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
