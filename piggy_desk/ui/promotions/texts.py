"""Texts and checks of the Promotions screen: how a promotion's limits, kind and uses are said,
and Piggy's own checks on a new promotion (PromotionDraft, check_draft)."""

from __future__ import annotations

import functools
from dataclasses import dataclass

from PySide6.QtCore import (
    QCoreApplication,
    QLocale,
    QObject,
)

from piggy_desk.api import (
    Promotion,
    PromotionType,
)
from piggy_desk.ui.core.i18n import QT_TRANSLATE_NOOP

MAX_TEXT_LENGTH = 255
"""Piggy's limit on a promotion's name and description, in characters."""


MAX_INTEGER = 2**31 - 1
"""Piggy's integer fields are MySQL INTs."""


_FIELDS = (
    "name",
    "description",
    "type",
    "redemptions_per_voucher",
    "voucher_limit",
    "limit_per_contact",
    "expiration_duration",
)


MAX_USES = 10_000
"""The most uses per voucher the create dialog offers (a stamp card, not a subscription)."""


TYPES = (
    (PromotionType.SINGLE_USE, QT_TRANSLATE_NOOP("PromotionTexts", "Single use")),
    (PromotionType.MULTI_USE, QT_TRANSLATE_NOOP("PromotionTexts", "Multi-use")),
)


class PromotionTexts(QObject):
    """The texts of promotions that belong to no widget, in the person's language
    (a QObject because lupdate marks plural forms only in ``self.tr`` calls)."""

    @classmethod
    @functools.cache
    def instance(cls) -> PromotionTexts:
        """The one shared instance."""
        return cls()

    def duration(self, seconds: int | None) -> str:
        if seconds is None or seconds <= 0:
            return self.tr("no expiry")
        days, rest = divmod(seconds, 86400)
        hours, rest = divmod(rest, 3600)
        minutes, secs = divmod(rest, 60)
        parts = []
        if days:
            parts.append(self.tr("%Ln day(s)", "", days))
        if hours:
            parts.append(self.tr("%Ln hour(s)", "", hours))
        if minutes:
            parts.append(self.tr("%Ln minute(s)", "", minutes))
        if secs:
            parts.append(self.tr("%Ln second(s)", "", secs))
        return " ".join(parts)

    def limit(self, limit: int | None) -> str:
        return self.tr("no limit") if limit is None else QLocale().toString(limit)

    def kind(self, promotion: Promotion) -> str:
        """'Single use' or 'Multi-use'; empty where Piggy says neither."""
        uses = promotion.uses_per_voucher
        if uses is None and not promotion.type:
            return ""
        if promotion.is_multi_use:
            return self.tr(TYPES[1][1])
        if uses == 1 or (promotion.type or "").upper() == PromotionType.SINGLE_USE:
            return self.tr(TYPES[0][1])
        return promotion.type or ""

    def each_voucher(self, promotion: Promotion) -> str:
        """A sentence on how often each voucher of the promotion can be used; empty where
        Piggy does not say."""
        uses = promotion.uses_per_voucher
        if uses is None:
            return (
                self.tr("Multi-use: each voucher can be used more than once.")
                if (promotion.is_multi_use)
                else ""
            )
        if uses == 1:
            return self.tr("Single use: each voucher can be used once.")
        return self.tr("Multi-use: each voucher can be used %Ln time(s).", "", uses)

    def uses(self, promotion: Promotion) -> str:
        """How often one voucher can be used: 'once', '3 times'; empty where unknown."""
        uses = promotion.uses_per_voucher
        if uses is None:
            return ""
        return self.tr("once") if uses == 1 else self.tr("%Ln time(s)", "", uses)


def duration_text(seconds: int | None) -> str:
    """A validity as a person says it: '30 days', '1 day 12 hours', 'no expiry'."""
    return PromotionTexts.instance().duration(seconds)


def limit_text(limit: int | None) -> str:
    """A voucher limit as shown in the table: the number, or 'no limit'."""
    return PromotionTexts.instance().limit(limit)


def uses_text(promotion: Promotion) -> str:
    """How often each voucher of the promotion can be used ('once', '3 times'), or ''."""
    return PromotionTexts.instance().uses(promotion)


def kind_text(promotion: Promotion) -> str:
    """The promotion's type in words ('Single use', 'Multi-use'), or ''."""
    return PromotionTexts.instance().kind(promotion)


@dataclass(frozen=True, slots=True)
class PromotionDraft:
    """What the create dialog sends: text already trimmed, None where nothing was chosen."""

    name: str
    description: str
    voucher_limit: int | None = None
    limit_per_contact: int | None = None
    expiration_duration: int | None = None
    type: str = PromotionType.SINGLE_USE
    redemptions_per_voucher: int = 1


def check_draft(draft: PromotionDraft) -> dict[str, str]:
    """Piggy's own checks on a new promotion, as field → sentence (empty when all is well)."""

    def tr(text: str) -> str:
        return QCoreApplication.translate("PromotionDraft", text)

    problems: dict[str, str] = {}
    for field, needed, too_long, text in (
        (
            "name",
            QT_TRANSLATE_NOOP("PromotionDraft", "A promotion needs a name."),
            QT_TRANSLATE_NOOP(
                "PromotionDraft", "The name can be at most {max} characters; it has {length}."
            ),
            draft.name,
        ),
        (
            "description",
            QT_TRANSLATE_NOOP("PromotionDraft", "A promotion needs a description."),
            QT_TRANSLATE_NOOP(
                "PromotionDraft",
                "The description can be at most {max} characters; it has {length}.",
            ),
            draft.description,
        ),
    ):
        if not text.strip():
            problems[field] = tr(needed)
        elif len(text) > MAX_TEXT_LENGTH:
            problems[field] = tr(too_long).format(max=MAX_TEXT_LENGTH, length=len(text))
    for field, sentence, number in (
        (
            "voucher_limit",
            QT_TRANSLATE_NOOP(
                "PromotionDraft", "The voucher limit must be a whole number from 0 to {max}."
            ),
            draft.voucher_limit,
        ),
        (
            "limit_per_contact",
            QT_TRANSLATE_NOOP(
                "PromotionDraft", "The limit per customer must be a whole number from 0 to {max}."
            ),
            draft.limit_per_contact,
        ),
        (
            "expiration_duration",
            QT_TRANSLATE_NOOP(
                "PromotionDraft", "The validity must be a whole number from 0 to {max}."
            ),
            draft.expiration_duration,
        ),
    ):
        if number is not None and not 0 <= number <= MAX_INTEGER:
            problems[field] = tr(sentence).format(max=MAX_INTEGER)
    uses = draft.redemptions_per_voucher
    if draft.type == PromotionType.MULTI_USE and not 2 <= uses <= MAX_USES:
        problems["redemptions_per_voucher"] = tr(
            QT_TRANSLATE_NOOP(
                "PromotionDraft",
                "A multi-use voucher can be used from 2 to {max} times.",
            )
        ).format(max=QLocale().toString(MAX_USES))
    elif draft.type == PromotionType.SINGLE_USE and uses != 1:
        problems["redemptions_per_voucher"] = tr(
            QT_TRANSLATE_NOOP("PromotionDraft", "A single-use voucher is used once.")
        )
    return problems
