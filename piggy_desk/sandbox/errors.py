"""The errors the sandbox answers with, in Piggy's own words."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

INVALID_INPUT = 1003
CONTACT_NOT_FOUND = 55031
PROMOTION_NOT_FOUND = 80002
VOUCHER_ALREADY_EXISTS = 80003
VOUCHER_NOT_FOUND = 80004
VOUCHER_REDEEMED = 80005
VOUCHER_EXPIRED = 80006
VOUCHER_LIMIT_REACHED = 80008
VOUCHER_DEACTIVATED = 80012
VOUCHER_INACTIVE = 80014
VOUCHER_LOCKED = 80017
NOT_ENOUGH_REDEMPTIONS = 80019
PROMOTION_INACTIVE = 80020
IDENTIFIER_NOT_FOUND = 60003
IDENTIFIER_INACTIVE = 60004
CONTACT_EXISTS = 60005

# Verbatim from the published error tables, typo included ("as already been"): a real
# server says what its documentation says, and clients must not branch on messages.
MESSAGES: Mapping[int, str] = {
    INVALID_INPUT: "Invalid input.",
    CONTACT_NOT_FOUND: "Contact not found.",
    PROMOTION_NOT_FOUND: "Promotion not found.",
    VOUCHER_ALREADY_EXISTS: "Voucher already exists.",
    VOUCHER_NOT_FOUND: "Voucher not found.",
    VOUCHER_REDEEMED: "Voucher code as already been redeemed.",
    VOUCHER_EXPIRED: "Voucher has expired.",
    VOUCHER_LIMIT_REACHED: "Voucher limit reached.",
    VOUCHER_DEACTIVATED: "Voucher is deactivated.",
    VOUCHER_INACTIVE: "Voucher is inactive.",
    VOUCHER_LOCKED: "Voucher is already locked.",
    NOT_ENOUGH_REDEMPTIONS: "Voucher doesn't have enough redemptions left.",
    PROMOTION_INACTIVE: "Promotion is inactive.",
    IDENTIFIER_NOT_FOUND: "Contact identifier not found.",
    IDENTIFIER_INACTIVE: "Contact identifier inactive.",
    CONTACT_EXISTS: "Contact already exists.",
}


class PiggyError(Exception):
    """A domain error answered as HTTP 400 with Piggy's error body."""

    def __init__(
        self,
        code: int,
        message: str | None = None,
        *,
        errors: Mapping[str, Sequence[str]] | None = None,
    ) -> None:
        self.code = code
        self.message = message if message is not None else MESSAGES[code]
        self.errors = {field: list(sentences) for field, sentences in (errors or {}).items()}
        super().__init__(f"{code}: {self.message}")

    def body(self) -> dict[str, object]:
        """Return the JSON error body, `errors` only when there are field errors."""
        body: dict[str, object] = {"message": self.message, "code": self.code, "status_code": 400}
        if self.errors:
            body["errors"] = self.errors
        return body


def invalid_input(field: str, sentence: str) -> PiggyError:
    """Return a 1003 error carrying one field error."""
    return PiggyError(INVALID_INPUT, errors={field: [sentence]})
