"""Texts of the Promotions screen: how a promotion's limits, kind and uses are said, and
Piggy's own checks on a new promotion (``manager.drafts``) in the person's language."""

from __future__ import annotations

import functools
from collections.abc import Iterable

from PySide6.QtCore import (
    QCoreApplication,
    QLocale,
    QObject,
)

from piggy_desk.api import (
    Promotion,
    PromotionType,
)
from piggy_desk.manager.drafts import PromotionDraft, check_promotion
from piggy_desk.ui.core.i18n import QT_TRANSLATE_NOOP

__all__ = ["PromotionDraft", "PromotionTexts", "check_draft"]

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


def check_draft(draft: PromotionDraft, taken: Iterable[str] = ()) -> dict[str, str]:
    """Piggy's own checks on a new promotion (``manager.drafts``), in the person's language;
    ``taken``: the names of the promotions there are."""
    return check_promotion(draft, QCoreApplication.translate, QLocale().toString, taken)
