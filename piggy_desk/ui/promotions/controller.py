"""The Promotions screen's controller: loads promotions, counts a promotion's vouchers, creates
a promotion; results come back as signals."""

from __future__ import annotations

import asyncio

from PySide6.QtCore import (
    QObject,
    Signal,
)

from piggy_desk.api import (
    MalformedResponse,
    PiggyClient,
    PiggyError,
    Promotion,
)
from piggy_desk.ui.promotions.chart import CHART_STATUSES, VoucherCounts
from piggy_desk.ui.promotions.texts import PromotionDraft


class PromotionsController(QObject):
    """Loads, counts and creates promotions on the loop; results come back as signals.

    Signals:
        promotions_loaded(list[Promotion]): the account's promotions arrived.
        loading_failed(PiggyError): the promotions could not be loaded.
        counts_loaded(VoucherCounts): a promotion's voucher counts arrived.
        counting_failed(str, PiggyError): the vouchers of the promotion with this id
            could not be counted.
        promotion_created(Promotion): Piggy made the new promotion.
        creation_failed(PiggyError): Piggy did not make it (or did not say).
    """

    promotions_loaded = Signal(object)
    loading_failed = Signal(object)
    counts_loaded = Signal(object)
    counting_failed = Signal(str, object)
    promotion_created = Signal(object)
    creation_failed = Signal(object)

    def __init__(self, client: PiggyClient, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._client = client

    async def load_promotions(self) -> None:
        try:
            promotions = await self._client.promotions.list()
        except PiggyError as error:
            self.loading_failed.emit(error)
            return
        self.promotions_loaded.emit(promotions)

    async def count_vouchers(self, promotion: Promotion) -> None:
        """Ask for the total and each status's total at once (one small request each)."""
        uuid = promotion.uuid
        vouchers = self._client.vouchers
        answers = await asyncio.gather(
            vouchers.list(promotion_uuid=uuid, limit=1),
            *(vouchers.list(promotion_uuid=uuid, status=s, limit=1) for s in CHART_STATUSES),
            return_exceptions=True,
        )
        totals: list[int] = []
        for answer in answers:
            if isinstance(answer, PiggyError):
                self.counting_failed.emit(uuid, answer)
                return
            if isinstance(answer, BaseException):
                raise answer
            if answer.total is None:
                self.counting_failed.emit(
                    uuid, MalformedResponse("Piggy's list answer has no total.")
                )
                return
            totals.append(answer.total)
        counts = VoucherCounts(
            promotion_uuid=uuid,
            issued=totals[0],
            limit=promotion.voucher_limit,
            by_status=dict(zip(CHART_STATUSES, totals[1:], strict=True)),
        )
        self.counts_loaded.emit(counts)

    async def create_promotion(self, draft: PromotionDraft) -> None:
        try:
            promotion = await self._client.promotions.create(
                draft.name,
                draft.description,
                voucher_limit=draft.voucher_limit,
                limit_per_contact=draft.limit_per_contact,
                expiration_duration=draft.expiration_duration,
                type=draft.type,
                redemptions_per_voucher=draft.redemptions_per_voucher,
            )
        except PiggyError as error:
            self.creation_failed.emit(error)
            return
        self.promotion_created.emit(promotion)
