"""The checks a manager's dialogs make before anything is sent: a new promotion (Piggy's own
rules, so a refusal is said next to its field before the request), a new voucher and a batch.

No Qt: every check gives field → sentence, in the language of the ``Translate`` it is given
(the UI passes ``QCoreApplication.translate``; the texts are marked for lupdate here).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime

from piggy_desk.api import PromotionType
from piggy_desk.texts import QT_TRANSLATE_NOOP, Translate, untranslated

MAX_TEXT_LENGTH = 255
"""Piggy's limit on a promotion's name and description, in characters."""

MAX_INTEGER = 2**31 - 1
"""Piggy's integer fields are MySQL INTs."""

MAX_USES = 10_000
"""The most uses per voucher the create dialog offers (a stamp card, not a subscription)."""

MAX_BATCH = 500
"""The most vouchers Piggy makes in one batch."""

PROMOTION_FIELDS = (
    "name",
    "description",
    "type",
    "redemptions_per_voucher",
    "voucher_limit",
    "limit_per_contact",
    "expiration_duration",
)
"""The fields of a new promotion, in the order the dialog shows them."""


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


def check_promotion(
    draft: PromotionDraft,
    translate: Translate = untranslated,
    number_text: Callable[[int], str] = "{:,}".format,
    taken: Iterable[str] = (),
) -> dict[str, str]:
    """Piggy's own checks on a new promotion, as field → sentence (empty when all is well);
    ``number_text`` writes a count as the person's locale does. ``taken``: the names of the
    promotions there are; Piggy accepts a second one of the same name, but two promotions a
    manager cannot tell apart in a list or at the counter are a mistake."""

    def tr(text: str) -> str:
        return translate("PromotionDraft", text)

    problems: dict[str, str] = {}
    for name, needed, too_long, text in (
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
            problems[name] = tr(needed)
        elif len(text) > MAX_TEXT_LENGTH:
            problems[name] = tr(too_long).format(max=MAX_TEXT_LENGTH, length=len(text))
    same_name = draft.name.strip().casefold()
    if same_name and any(same_name == other.strip().casefold() for other in taken):
        problems["name"] = tr(
            QT_TRANSLATE_NOOP(
                "PromotionDraft",
                "There is a promotion called “{name}” already: give this one another name.",
            )
        ).format(name=draft.name.strip())
    for name, sentence, number in (
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
            problems[name] = tr(sentence).format(max=MAX_INTEGER)
    uses = draft.redemptions_per_voucher
    if draft.type == PromotionType.MULTI_USE and not 2 <= uses <= MAX_USES:
        problems["redemptions_per_voucher"] = tr(
            QT_TRANSLATE_NOOP(
                "PromotionDraft",
                "A multi-use voucher can be used from 2 to {max} times.",
            )
        ).format(max=number_text(MAX_USES))
    elif draft.type == PromotionType.SINGLE_USE and uses != 1:
        problems["redemptions_per_voucher"] = tr(
            QT_TRANSLATE_NOOP("PromotionDraft", "A single-use voucher is used once.")
        )
    return problems


@dataclass(frozen=True, slots=True)
class VoucherDraft:
    """A new voucher or batch as the dialog holds it: the code and e-mail trimmed, the dates
    aware (None where not set), the custom attributes as the rows were typed (name, value)."""

    promotion_uuid: str | None
    code: str = ""
    email: str = ""
    starts: datetime | None = None
    ends: datetime | None = None
    uses: int | None = None
    attribute_rows: tuple[tuple[str, str], ...] = field(default=())

    def attributes(self) -> dict[str, str]:
        """The custom attributes to send: every row with a name (an empty row is no row)."""
        return {name: value for name, value in self.attribute_rows if name}


def _dates_problem(
    draft: VoucherDraft, translate: Translate, now: datetime | None
) -> dict[str, str]:
    """An expiry must come after the moment the voucher is valid from: the one chosen, and
    the moment it is made (``now``; when not given, the current time). A voucher expired
    on creation is never what a manager means."""
    if draft.ends is None:
        return {}
    if draft.starts and draft.ends <= draft.starts:
        sentence = QT_TRANSLATE_NOOP("VoucherDraft", "The expiry must come after the activation.")
    elif draft.ends <= (now or datetime.now(UTC)):
        sentence = QT_TRANSLATE_NOOP(
            "VoucherDraft",
            "This expiry has already passed: the voucher would be expired when it is made.",
        )
    else:
        return {}
    return {"expiration_date": translate("VoucherDraft", sentence)}


def _attributes_problem(draft: VoucherDraft, translate: Translate) -> dict[str, str]:
    seen: set[str] = set()
    for name, value in draft.attribute_rows:
        if not name and not value:
            continue
        if not name:
            sentence = QT_TRANSLATE_NOOP("VoucherDraft", "Every attribute needs a name.")
            return {"custom_attributes": translate("VoucherDraft", sentence)}
        if name in seen:
            sentence = QT_TRANSLATE_NOOP("VoucherDraft", "The attribute {name} is there twice.")
            return {"custom_attributes": translate("VoucherDraft", sentence).format(name=name)}
        seen.add(name)
    return {}


def _no_promotion(translate: Translate) -> dict[str, str]:
    sentence = QT_TRANSLATE_NOOP("VoucherDraft", "Choose a promotion.")
    return {"promotion_uuid": translate("VoucherDraft", sentence)}


def check_voucher(
    draft: VoucherDraft, translate: Translate = untranslated, *, now: datetime | None = None
) -> dict[str, str]:
    """A new voucher's problems, field → sentence, all at once (empty when all is well);
    ``now`` is when it is made (the current time when not given)."""
    problems = _no_promotion(translate) if draft.promotion_uuid is None else {}
    if draft.code and not draft.code.isprintable():
        problems["code"] = translate(
            "VoucherDraft",
            QT_TRANSLATE_NOOP("VoucherDraft", "A code cannot contain control characters."),
        )
    problems.update(_dates_problem(draft, translate, now))
    problems.update(_attributes_problem(draft, translate))
    return problems


def check_batch(
    draft: VoucherDraft, translate: Translate = untranslated, *, now: datetime | None = None
) -> dict[str, str]:
    """A batch's problems: the promotion first, then the dates (``now`` as for a voucher)."""
    if draft.promotion_uuid is None:
        return _no_promotion(translate)
    return _dates_problem(draft, translate, now)
