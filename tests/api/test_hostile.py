"""Whatever a server, a proxy or a caller throws at the client, only a ``PiggyError`` (or a
valid model) comes out. The sandbox is too well-behaved to send these answers, so a
``MockTransport`` does; everything above the transport is the real client."""

from __future__ import annotations

import contextlib
import json
import math
from collections.abc import Callable
from datetime import date

import httpx
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from piggy_desk.api import (
    InvalidRequest,
    MalformedResponse,
    PiggyClient,
    PiggyError,
    ServerError,
    TooManyPages,
    TransportError,
    VoucherNotFound,
)
from piggy_desk.api.models import voucher_page

RELEASE_KEY = "RK-SECRET-123"


def client_answering(answer: Callable[[httpx.Request], httpx.Response]) -> PiggyClient:
    return PiggyClient(
        "https://api.piggy.eu", "token", transport=httpx.MockTransport(answer), max_retries=0
    )


@pytest.mark.parametrize(
    "body",
    [
        b'{"code": "\xc2\xb2", "message": "x"}',  # a superscript two is a "digit" to isdigit()
        b'{"code": "' + b"9" * 5000 + b'"}',
        b"[" * 100_000 + b"]" * 100_000,
        b'{"code": 80004.0, "message": "Voucher not found."}',
        b"\xff\xfe not text",
        b"",
    ],
)
async def test_hostile_error_bodies(body: bytes) -> None:
    client = client_answering(lambda request: httpx.Response(400, content=body))
    with pytest.raises(PiggyError) as caught:
        await client.vouchers.find("CODE")
    if b"80004.0" in body:
        assert isinstance(caught.value, VoucherNotFound)


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=10),
    lambda children: (
        st.lists(children, max_size=3) | st.dictionaries(st.text(max_size=8), children, max_size=4)
    ),
    max_leaves=15,
)


@settings(max_examples=200, deadline=None)
@given(status=st.sampled_from([200, 201, 400, 401, 404, 422, 429, 500, 502, 503]), body=json_values)
async def test_any_status_and_json_body_gives_a_model_or_a_piggy_error(
    status: int, body: object
) -> None:
    content = json.dumps(body).encode()
    client = client_answering(lambda request: httpx.Response(status, content=content))
    calls = (
        lambda: client.vouchers.find("CODE"),
        lambda: client.vouchers.list(),
        lambda: client.vouchers.lock("v1"),
        lambda: client.vouchers.multi_redeem("CODE", 2, shop_uuid="s"),
        lambda: client.vouchers.reverse("v1"),
        lambda: client.promotions.list(),
        lambda: client.contacts.find_by_identifier("123"),
    )
    for call in calls:
        with contextlib.suppress(PiggyError):
            await call()


@pytest.mark.parametrize(
    ("status", "content"),
    [
        (500, b'{"message": "Server Error"}'),
        (502, b"<html>Bad Gateway</html>"),
        (504, b"<html>Timeout</html>"),
    ],
)
async def test_a_post_that_met_a_server_error_is_ambiguous(status: int, content: bytes) -> None:
    client = client_answering(lambda request: httpx.Response(status, content=content))
    with pytest.raises(ServerError) as post:
        await client.vouchers.redeem("CODE")
    assert post.value.ambiguous
    with pytest.raises(ServerError) as get:
        await client.vouchers.find("CODE")
    assert not get.value.ambiguous


@pytest.mark.parametrize(
    "content", [b'{"data": {"voucher": {"uu', b"<html>ok</html>", b'{"data": {"code": "X"}}', b"[]"]
)
async def test_a_post_whose_yes_cannot_be_read_is_ambiguous(content: bytes) -> None:
    client = client_answering(lambda request: httpx.Response(200, content=content))
    with pytest.raises(MalformedResponse) as caught:
        await client.vouchers.redeem("CODE")
    assert caught.value.ambiguous
    assert caught.value.status_code == 200


async def test_a_broken_compressed_answer_to_a_post_is_ambiguous() -> None:
    client = client_answering(
        lambda request: httpx.Response(
            200, content=b"not gzip", headers={"Content-Encoding": "gzip"}
        )
    )
    with pytest.raises(TransportError) as caught:
        await client.vouchers.redeem("CODE")
    assert caught.value.ambiguous


async def test_a_release_key_never_shows_in_error_details() -> None:
    truncated = json.dumps({"data": {"lock": {"release_key": RELEASE_KEY}}})[:-3].encode()
    client = client_answering(lambda request: httpx.Response(200, content=truncated))
    with pytest.raises(MalformedResponse) as caught:
        await client.vouchers.lock("v1")
    assert RELEASE_KEY not in str(caught.value.details())
    assert "[secure]" in str(caught.value.details())


@pytest.mark.parametrize(
    "call",
    [
        lambda c: c.vouchers.create("p", custom_attributes={"x": math.nan}),
        lambda c: c.vouchers.create("p", custom_attributes={"x": object()}),
        lambda c: c.vouchers.create("p", activation_date=date(2030, 1, 1)),
        lambda c: c.vouchers.create("p", activation_date="2030-01-01"),
        lambda c: c.promotions.create("a\udc80b", "d"),
        lambda c: c.contacts.find_by_email("a\udc80@b.nl"),
        lambda c: c.contacts.create("a@b.nl", referral_code="\udc80"),
        lambda c: c.vouchers.find("CODE\udc80"),
        lambda c: c.contacts.find_by_identifier(""),
        lambda c: c.vouchers.release("v1", "key with spaces"),
    ],
)
async def test_arguments_that_cannot_be_sent_are_refused(
    call: Callable[[PiggyClient], object],
) -> None:
    sent: list[httpx.Request] = []
    client = client_answering(
        lambda request: sent.append(request) or httpx.Response(200, content=b"{}")
    )
    with pytest.raises(InvalidRequest):
        await call(client)  # type: ignore[misc]
    assert sent == []


async def test_the_loyalty_card_sentence_names_a_card() -> None:
    client = client_answering(lambda request: httpx.Response(500))
    with pytest.raises(InvalidRequest, match="loyalty card"):
        await client.contacts.find_by_identifier("   ")


@pytest.mark.parametrize("token", ["pat–SECRET-endash", "pat SECRET\n", " padded", "tab\tSECRET"])
def test_a_token_that_cannot_be_a_header_is_refused_without_echoing_it(token: str) -> None:
    with pytest.raises(InvalidRequest) as caught:
        PiggyClient("https://api.piggy.eu", token)
    for text in (str(caught.value), repr(caught.value), str(caught.value.details())):
        assert "SECRET" not in text


@pytest.mark.parametrize("url", ["http://[::1", "ftp://api.piggy.eu", "api.piggy.eu", ""])
def test_a_base_url_that_is_not_a_web_address_is_refused(url: str) -> None:
    with pytest.raises(InvalidRequest):
        PiggyClient(url, "token")


async def test_a_closed_client_says_so() -> None:
    client = client_answering(lambda request: httpx.Response(200, content=b'{"data": []}'))
    await client.aclose()
    with pytest.raises(TransportError):
        await client.promotions.list()


def _voucher(number: int) -> dict[str, object]:
    return {"uuid": f"v{number}", "code": f"C{number}", "status": "ACTIVE"}


async def test_iterate_trusts_the_page_it_asked_for_not_the_page_it_was_told() -> None:
    def lying(request: httpx.Request) -> httpx.Response:
        page = int(request.url.params["page"])
        body = {
            "data": [_voucher(page * 10 + i) for i in range(2)],
            "meta": {"current_page": 1, "last_page": 3},
        }
        return httpx.Response(200, json=body)

    seen = [v.uuid async for v in client_answering(lying).vouchers.iterate(page_size=2)]
    assert len(seen) == 6


async def test_iterate_without_meta_goes_on_while_pages_are_full() -> None:
    items = [_voucher(i) for i in range(6)]

    def no_meta(request: httpx.Request) -> httpx.Response:
        page, size = int(request.url.params["page"]), int(request.url.params["limit"])
        return httpx.Response(
            200, json={"data": items[(page - 1) * size : page * size], "meta": []}
        )

    seen = [v.uuid async for v in client_answering(no_meta).vouchers.iterate(page_size=2)]
    assert seen == [f"v{i}" for i in range(6)]


async def test_pages_stop_at_their_bound_when_a_server_never_ends_the_list() -> None:
    asked: list[int] = []

    def endless(request: httpx.Request) -> httpx.Response:
        page = int(request.url.params["page"])
        asked.append(page)
        body = {"data": [_voucher(page * 10 + i) for i in range(2)], "meta": []}
        return httpx.Response(200, json=body)

    read: list[int] = []

    async def read_all() -> None:
        async for page in client_answering(endless).vouchers.pages(page_size=2, max_pages=3):
            read.append(len(page.items))

    with pytest.raises(TooManyPages) as raised:
        await read_all()
    assert read == [2, 2, 2] and asked == [1, 2, 3]  # every page read was handed over
    assert raised.value.pages == 3 and isinstance(raised.value, MalformedResponse)


async def test_pages_refuse_a_bound_that_is_no_bound() -> None:
    with pytest.raises(InvalidRequest):
        async for _ in client_answering(lambda _: httpx.Response(500)).vouchers.pages(max_pages=0):
            pass


_TWO_VOUCHERS = {
    "links": {"next": None},
    "data": [_voucher(1), {**_voucher(2), "name": 'Taart "\\u00e9\u00e9n" ]}', "attributes": {}}],
    "meta": {"current_page": 1, "last_page": 1, "total": 2},
}


@pytest.mark.parametrize(
    "content",
    [
        json.dumps(_TWO_VOUCHERS).encode(),
        json.dumps(_TWO_VOUCHERS, indent=2, ensure_ascii=False).encode(),
        json.dumps(_TWO_VOUCHERS, separators=(",", ":")).encode(),
        b"\r\n " + json.dumps(_TWO_VOUCHERS, indent="\t").encode() + b" \n",
        json.dumps(_TWO_VOUCHERS, ensure_ascii=False).encode("utf-16"),
        json.dumps(_TWO_VOUCHERS, ensure_ascii=False).encode("utf-8-sig"),
        json.dumps({"meta": _TWO_VOUCHERS["meta"], "data": _TWO_VOUCHERS["data"]}).encode(),
    ],
)
async def test_a_voucher_list_is_read_from_its_text_as_the_whole_answer_decoded(
    content: bytes,
) -> None:
    """The list's vouchers are parsed one at a time from the answer's text (not the whole
    answer decoded first): the same page, however the JSON is written and encoded."""
    client = client_answering(lambda request: httpx.Response(200, content=content))
    page = await client.vouchers.list()
    assert page == voucher_page(json.loads(content))
    assert [voucher.uuid for voucher in page.items] == ["v1", "v2"] and page.total == 2


@pytest.mark.parametrize(
    "content",
    [
        b'{"data": [' + json.dumps(_voucher(1)).encode() + b', {"uuid": "v2", "co',
        b'{"data": [' + json.dumps(_voucher(1)).encode() + b"] , }",
        b'{"data": [' + json.dumps(_voucher(1)).encode() + b' {"uuid": "v2"}]}',
        b'{"data": [], "meta": {}} {"data": []}',
        b'{"data": [], "meta": {"total": 0}',
        b'{"data": [], "data": []}',
        b"<html>Proxy error</html>",
        b"\xff\xfe\x00\xd8 not text",
    ],
)
async def test_a_voucher_list_that_is_not_one_json_object_is_malformed(content: bytes) -> None:
    """Found as far as its vouchers are read, as by a whole decode: a MalformedResponse of
    the request, which the client's observer hears last (the connection shows it)."""
    heard: list[PiggyError | None] = []
    client = PiggyClient(
        "https://api.piggy.eu",
        "token",
        transport=httpx.MockTransport(lambda request: httpx.Response(200, content=content)),
        max_retries=0,
        observer=heard.append,
    )
    with pytest.raises(MalformedResponse) as caught:
        await client.vouchers.list()
    error = caught.value
    assert (error.method, error.path, error.status_code) == ("GET", "/vouchers", 200)
    assert not error.ambiguous
    assert heard[-1] is error
