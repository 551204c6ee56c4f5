"""Fuzzing what comes in from outside: what a scanner types, and what Piggy answers.

- The scan normaliser, fed any text (control and format characters, stray spaces of
  every kind, halves of surrogate pairs, huge pastes): never a crash, and a scan it lets
  through is always a code Piggy can be asked about — the real client sends it to the
  sandbox and gets a voucher or "not found", never a refusal of the code itself.
- The client's response parsing, fed Piggy's own documented answers with random JSON of
  random types put into (or taken out of) any field: only a ``PiggyError`` or a valid
  model — one whose ids and release key can be sent back to Piggy.

The sandbox's own request validation is fuzzed in tests/sandbox/test_fuzz.py (with a
long version there). Example counts: modest in CI; the ``long`` versions go deep.
"""

from __future__ import annotations

import copy
import json
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

import httpx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from piggy_desk.api import (
    BatchJob,
    InvalidInput,
    InvalidRequest,
    MultiRedemption,
    Page,
    PiggyClient,
    PiggyError,
    Promotion,
    Voucher,
    VoucherLock,
    VoucherNotFound,
)
from piggy_desk.api._transport import path_segment
from piggy_desk.counter.scan import MAX_CODE_LENGTH, ScanRejected, normalise_scan
from piggy_desk.sandbox import RunningSandbox

EXAMPLES = Path(__file__).parents[1] / "api" / "examples"

# --- the scan normaliser ------------------------------------------------------------------

# What scanners and people really type, weighted towards the awkward.
awkward = st.characters(
    categories=["Cc", "Cf", "Cs", "Co", "Zs", "Zl", "Zp", "Mn", "So", "Lo", "Nd", "Lu", "P"]
)
scans = (
    st.text(awkward, max_size=300)
    | st.text(max_size=300)
    | st.builds(lambda a, b, c: a + b + c, st.text(awkward, max_size=5),
                st.from_regex(r"[A-Z0-9/%?#&=+ .\-]{1,40}", fullmatch=True),
                st.text(awkward, max_size=5))
    | st.builds(lambda ch, n: ch * n, st.text(awkward, min_size=1, max_size=3),
                st.integers(1, 5_000_000 // 3))
)  # fmt: skip


def fuzz(examples: int) -> settings:
    # The session's sandbox is shared by every example: finds change nothing in it.
    return settings(
        max_examples=examples,
        deadline=None,
        suppress_health_check=[HealthCheck.function_scoped_fixture],
    )


async def _scan_reaches_piggy_as_a_code(sandbox: RunningSandbox, raw: str) -> None:
    try:
        code = normalise_scan(raw)
    except ScanRejected as rejected:
        sentence = str(rejected)
        assert sentence[:1].isupper() and sentence.endswith("."), sentence
        return
    assert 0 < len(code) <= MAX_CODE_LENGTH and code == code.strip() and code.isprintable()
    async with PiggyClient(sandbox.base_url, sandbox.token, timeout=5) as client:
        try:
            voucher = await client.vouchers.find(code)
        except VoucherNotFound:
            return
        except (InvalidRequest, InvalidInput) as refused:  # the code itself was refused
            raise AssertionError(f"{code!r} was let through but refused: {refused}") from None
    assert voucher.code == code


@fuzz(150)
@given(raw=scans)
async def test_any_scan_is_a_sentence_or_a_code_piggy_can_be_asked_about(
    sandbox_server: RunningSandbox, raw: str
) -> None:
    await _scan_reaches_piggy_as_a_code(sandbox_server, raw)


@pytest.mark.long
@fuzz(3000)
@given(raw=scans)
async def test_any_scan_deep(sandbox_server: RunningSandbox, raw: str) -> None:
    await _scan_reaches_piggy_as_a_code(sandbox_server, raw)


# --- the client's response parsing -----------------------------------------------------

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=12)
    | st.sampled_from(["", " ", "2023-11-13T09:01:46+00:00", "9999-99-99", "ACTIVE", "a/b", "..",
                       "%2F", "key with spaces", "\x00", "x" * 300, "1e999", "-0"]),
    lambda children: st.lists(children, max_size=3)
    | st.dictionaries(st.text(max_size=8), children, max_size=3),
    max_leaves=10,
)  # fmt: skip

Call = Callable[[PiggyClient], Awaitable[object]]
# Each documented answer, the call that gets it, and what a valid result is.
CALLS: dict[str, tuple[Call, type]] = {
    "vouchers_find": (lambda c: c.vouchers.find("CODE"), Voucher),
    "vouchers_create": (lambda c: c.vouchers.create("p1"), Voucher),
    "vouchers_update": (lambda c: c.vouchers.update("v1", status="ACTIVE"), Voucher),
    "vouchers_redeem": (lambda c: c.vouchers.redeem("CODE"), Voucher),
    "vouchers_lock": (lambda c: c.vouchers.lock("v1"), VoucherLock),
    "vouchers_release": (lambda c: c.vouchers.release("v1", "key"), VoucherLock),
    "vouchers_multi_redeem": (
        lambda c: c.vouchers.multi_redeem("CODE", 2, shop_uuid="s"),
        MultiRedemption,
    ),
    "vouchers_batch": (lambda c: c.vouchers.create_batch("p1", 2), BatchJob),
    "vouchers_list": (lambda c: c.vouchers.list(), Page),
    "promotions_list": (lambda c: c.promotions.list(), list),
    "promotions_get": (lambda c: c.promotions.get("p1"), Promotion),
    "promotions_create": (lambda c: c.promotions.create("n", "d"), Promotion),
}
DOCUMENTED = {name: json.loads((EXAMPLES / f"{name}.json").read_text()) for name in CALLS}


def _paths(value: object, prefix: tuple[object, ...] = ()) -> list[tuple[object, ...]]:
    found = [prefix]
    if isinstance(value, dict):
        for key, item in value.items():
            found += _paths(item, (*prefix, key))
    elif isinstance(value, list):
        for index, item in enumerate(value[:3]):
            found += _paths(item, (*prefix, index))
    return found


@st.composite
def mutated_answers(draw: st.DrawFn) -> tuple[str, object]:
    name = draw(st.sampled_from(sorted(CALLS)))
    body = copy.deepcopy(DOCUMENTED[name])
    paths = _paths(body)
    for _ in range(draw(st.integers(1, 4))):
        path = draw(st.sampled_from(paths))
        if not path:
            body = draw(json_values)
            break
        parent: Any = body
        try:
            for step in path[:-1]:
                parent = parent[step]
            if draw(st.booleans()) and isinstance(parent, dict):
                parent.pop(path[-1], None)
            else:
                parent[path[-1]] = draw(json_values)
        except (KeyError, IndexError, TypeError):
            continue  # an earlier change removed this place
    return name, body


def _sendable_back(result: object) -> None:
    """A valid model: what the program will send back to Piggy can be sent."""
    vouchers: list[Voucher] = []
    if isinstance(result, Voucher):
        vouchers.append(result)
    elif isinstance(result, MultiRedemption):
        vouchers.append(result.voucher)
    elif isinstance(result, Page):
        vouchers += [v for v in result.items if isinstance(v, Voucher)]
        assert all(isinstance(v, Voucher) for v in result.items)
    elif isinstance(result, VoucherLock):
        path_segment(result.voucher_uuid, "voucher uuid")
        assert result.release_key and result.release_key.isascii()
        assert result.release_key.isprintable() and " " not in result.release_key
    promotions = result if isinstance(result, list) else [result]
    for promotion in promotions:
        if isinstance(promotion, Promotion):
            path_segment(promotion.uuid, "promotion uuid")
    for voucher in vouchers:
        path_segment(voucher.uuid, "voucher uuid")
        assert voucher.code.strip() and voucher.code.isprintable(), voucher.code
        assert isinstance(voucher.status, str) and voucher.status


async def _answer_parses_or_is_a_piggy_error(name: str, body: object) -> None:
    call, valid = CALLS[name]
    content = json.dumps(body).encode()
    client = PiggyClient(
        "https://api.piggy.eu",
        "token",
        transport=httpx.MockTransport(lambda request: httpx.Response(200, content=content)),
        max_retries=0,
    )
    try:
        result = await call(client)
    except PiggyError:
        return
    finally:
        await client.aclose()
    assert isinstance(result, valid), (type(result), valid)
    _sendable_back(result)


@settings(max_examples=300, deadline=None)
@given(answer=mutated_answers())
async def test_any_answer_shape_gives_a_valid_model_or_a_piggy_error(
    answer: tuple[str, object],
) -> None:
    await _answer_parses_or_is_a_piggy_error(*answer)


@pytest.mark.long
@settings(max_examples=20_000, deadline=None)
@given(answer=mutated_answers())
async def test_any_answer_shape_deep(answer: tuple[str, object]) -> None:
    await _answer_parses_or_is_a_piggy_error(*answer)
