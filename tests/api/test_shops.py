"""``client.shops`` on the sandbox over HTTP, and on the answers of Piggy's official SDK."""

from __future__ import annotations

from pathlib import Path

import httpx
import pytest

from piggy_desk.api import PiggyAPIError, PiggyClient, Shop
from piggy_desk.sandbox import RunningSandbox
from piggy_desk.sandbox.seed import KNOWN

SDK_EXAMPLES = Path(__file__).parent / "examples" / "sdk"


async def test_shops_are_listed_with_name_type_and_reference(client: PiggyClient) -> None:
    shops = await client.shops.list()
    own = next(shop for shop in shops if shop.uuid == KNOWN.SHOP_UUID)
    assert own.name == "Koffie & Co Utrecht Oudegracht"
    assert (own.type, own.reference) == ("physical", "UTR-01")
    assert any(shop.type == "web" and shop.reference is None for shop in shops)


async def test_one_shop_by_uuid(client: PiggyClient) -> None:
    shop = await client.shops.get(KNOWN.SHOP_UUID)
    assert shop.name == "Koffie & Co Utrecht Oudegracht"


async def test_an_unknown_shop_is_a_404(client: PiggyClient) -> None:
    with pytest.raises(PiggyAPIError) as raised:
        await client.shops.get("00000000-0000-4000-8000-000000000000")
    assert raised.value.status_code == 404


async def test_a_token_that_may_not_list_shops_gets_a_403(
    client: PiggyClient, sandbox: RunningSandbox
) -> None:
    sandbox.inject("status", status=403, path="/shops")
    with pytest.raises(PiggyAPIError) as raised:
        await client.shops.list()
    assert raised.value.status_code == 403


def _sdk_answer(request: httpx.Request) -> httpx.Response:
    name = {
        "/api/v3/oauth/clients/shops": "shops_list",
        "/api/v3/oauth/clients/shops/123-123": "shops_get",
    }[request.url.path]
    return httpx.Response(200, content=(SDK_EXAMPLES / f"{name}.json").read_bytes())


async def test_the_sdks_shop_answers_are_read_ids_that_are_not_uuids_included() -> None:
    async with PiggyClient(
        "https://api.piggy.eu", "example-token", transport=httpx.MockTransport(_sdk_answer)
    ) as client:
        assert await client.shops.list() == [
            Shop(uuid="123-123", name="Toffe Shop"),
            Shop(uuid="123-shop", name="Shop Naam"),
        ]
        assert await client.shops.get("123-123") == Shop(uuid="123-123", name="Toffe Shop")
