"""The official PHP SDK's exact requests, sent to the sandbox over HTTP (issue 14).

For every endpoint of Piggy's SDK (``Piggy-Loyalty/piggy-php-sdk``, tag 3.12.2) that
Piggy Desk uses, this sends what the SDK sends, byte for byte where it matters: its method
and path (with the trailing slash of ``lock/`` and ``release/``), its query parameter
names, and a form body on every call (Guzzle's ``form_params``, so a GET carries an empty
``application/x-www-form-urlencoded`` body). It starts as the SDK's ``OAuthClient`` does,
with a token request, and goes on with that token. Each answer must have the ``data`` the
SDK's ``BaseClient::parseResponse`` demands and be readable by the SDK's mapper
(``tests/sdk.py``: the fields and types each one reads).

Calls of the SDK that Piggy Desk does not make (contacts' balances, giftcards, …) are not
sent. Where the SDK has two paths for one call, both are sent: the voucher update of its
``Models/Vouchers/Voucher`` (``PUT /vouchers/{uuid}``) beside the documents'
``PUT /vouchers/update/{uuid}`` the client uses. The SDK's ``VouchersResource::batch``
posts to ``/vouchers`` (the create path) and ignores the answer, so its batch request is
the one of ``Models/Vouchers/Voucher::batch``: ``POST /vouchers/batch``.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

import httpx
import pytest

from piggy_desk.sandbox import PIGGY_PREFIX, RunningSandbox
from piggy_desk.sandbox.oauth import DEFAULT_CLIENT_ID, DEFAULT_CLIENT_SECRET
from piggy_desk.sandbox.seed import KNOWN
from tests.sdk import (
    form,
    read_contact,
    read_contact_identifier,
    read_promotion,
    read_shop,
    read_voucher,
    read_voucher_lock,
)

FORM = "application/x-www-form-urlencoded"


class Sdk:
    """An ``OAuthClient`` of the SDK, as it speaks over the wire."""

    def __init__(self, http: httpx.Client) -> None:
        self.http = http
        self.sent: list[tuple[str, str, str]] = []

    def get_access_token(self) -> Mapping[str, Any]:
        """``OAuthClient::getAccessToken``: ``authenticationRequest('/oauth/token', …)``,
        a POST form with the client's id (an int) and secret; the answer is read bare."""
        fields = {
            "grant_type": "client_credentials",
            "client_id": int(DEFAULT_CLIENT_ID),
            "client_secret": DEFAULT_CLIENT_SECRET,
        }
        answer = self._send("POST", "/oauth/token", body=form(fields))
        token = answer.json()
        assert token["token_type"] == "Bearer"
        assert isinstance(token["expires_in"], int) and token["expires_in"] > 0
        assert isinstance(token["access_token"], str) and token["access_token"]
        self.http.headers["Authorization"] = f"Bearer {token['access_token']}"
        return token

    def get(self, path: str, params: Mapping[str, object] | None = None) -> Any:
        """``BaseClient::get``: the fields as the query, and an empty form body."""
        query = form(params or {})
        return self._data("GET", f"{PIGGY_PREFIX}{path}" + (f"?{query}" if query else ""), "")

    def post(self, path: str, fields: Mapping[str, object]) -> Any:
        return self._data("POST", f"{PIGGY_PREFIX}{path}", form(fields))

    def put(self, path: str, fields: Mapping[str, object]) -> Any:
        return self._data("PUT", f"{PIGGY_PREFIX}{path}", form(fields))

    def _data(self, method: str, url: str, body: str) -> Any:
        """``BaseClient::parseResponse``: JSON with a ``data`` property, else it throws."""
        answer = self._send(method, url, body=body)
        assert answer.status_code == 200, (method, url, answer.text)
        content = answer.json()
        assert "data" in content, content
        return content["data"]

    def _send(self, method: str, url: str, *, body: str) -> httpx.Response:
        self.sent.append((method, url, body))
        return self.http.request(method, url, content=body.encode(), headers={"Content-Type": FORM})


@pytest.fixture
def sdk(sandbox: RunningSandbox) -> Iterator[Sdk]:
    with httpx.Client(
        base_url=sandbox.base_url,
        headers={"Accept": "application/json", "User-Agent": "GuzzleHttp/7"},
        timeout=10,
    ) as http:
        yield Sdk(http)


def test_the_sdks_requests_are_served_and_its_mappers_can_read_the_answers(sdk: Sdk) -> None:
    sdk.get_access_token()

    # PromotionsResource: list (page, limit), create (every field), findBy.
    listed = sdk.get("/promotions", {"page": 1, "limit": 30})
    assert listed
    for promotion in listed:
        read_promotion(promotion)
    created = sdk.post(
        "/promotions",
        {
            "name": "Koffiekaart 3x",
            "description": "Drie keer koffie",
            "type": "MULTI_USE",
            "redemptions_per_voucher": 3,
            "voucher_limit": None,
            "limit_per_contact": 2,
            "expiration_duration": 86400,
        },
    )
    read_promotion(created)
    assert (created["type"], created["redemptions_per_voucher"]) == ("MULTI_USE", 3)
    found = sdk.get(f"/promotions/{created['uuid']}")
    read_promotion(found)
    assert found == created

    # VouchersResource: create, batch, list and paginatedList, findByCode.
    made = sdk.post(
        "/vouchers",
        {
            "promotion_uuid": created["uuid"],
            "code": "SDK-0001",
            "contact_uuid": KNOWN.CONTACT_UUID,
        },
    )
    read_voucher(made)
    assert made["code"] == "SDK-0001" and made["promotion"]["redemptions_per_voucher"] == 3
    job = sdk.post("/vouchers/batch", {"promotion_uuid": KNOWN.PROMOTION_DISCOUNT, "quantity": 10})
    assert job  # Voucher::batch returns the data as it is
    filters = {"promotion_uuid": created["uuid"], "contact_uuid": KNOWN.CONTACT_UUID}
    page = sdk.http.get(
        f"{PIGGY_PREFIX}/vouchers?" + form({"page": 1, "limit": 30, **filters, "status": "ACTIVE"}),
        headers={"Content-Type": FORM},
    ).json()
    assert [voucher["code"] for voucher in page["data"]] == ["SDK-0001"]
    for key in ("current_page", "from", "last_page", "links", "path", "per_page", "to", "total"):
        assert key in page["meta"], key  # what PaginatedVouchersMapper's getters read
    voucher = sdk.get("/vouchers/find", {"code": KNOWN.ACTIVE_WITH_CONTACT})
    read_voucher(voucher)

    # lock/ and release/ with the slash; redeem with the release key.
    uuid = voucher["uuid"]
    lock = sdk.post(f"/vouchers/{uuid}/lock/", {})
    read_voucher_lock(lock)
    assert lock["voucher"]["status"] == "LOCKED"
    released = sdk.post(f"/vouchers/{uuid}/release/", {"release_key": lock["lock"]["release_key"]})
    read_voucher_lock(released)
    assert released["voucher"]["status"] == "ACTIVE" and released["lock"]["unlocked_at"]
    lock = sdk.post(f"/vouchers/{uuid}/lock/", {})
    redeemed = sdk.post(
        "/vouchers/redeem",
        {
            "code": KNOWN.ACTIVE_WITH_CONTACT,
            "contact_uuid": None,
            "release_key": lock["lock"]["release_key"],
        },
    )
    read_voucher(redeemed)
    assert redeemed["status"] == "REDEEMED" and redeemed["is_redeemed"] is True

    # Voucher::update (Models), and the documents' path the client uses, with nested fields.
    for path in (f"/vouchers/{made['uuid']}", f"/vouchers/update/{made['uuid']}"):
        updated = sdk.put(
            path, {"status": "DEACTIVATED", "custom_attributes": {"afdeling": "Winkel"}}
        )
        read_voucher(updated)
        assert (updated["status"], updated["attributes"]["afdeling"]) == ("DEACTIVATED", "Winkel")

    # ContactsResource: findOneBy, findOrCreate, create, get, list.
    contact = sdk.get("/contacts/find-one-by", {"email": KNOWN.CONTACT_EMAIL})
    read_contact(contact)
    assert sdk.get("/contacts/find-or-create", {"email": KNOWN.CONTACT_EMAIL}) == contact
    new = sdk.post("/contacts", {"email": "sdk@example.nl"})
    read_contact(new)
    read_contact(sdk.get(f"/contacts/{new['uuid']}"))
    for person in sdk.get("/contacts", {"page": 1, "limit": 30}):
        read_contact(person)

    # ContactIdentifiersResource::get.
    card = sdk.get("/contact-identifiers/find", {"contact_identifier_value": KNOWN.CARD})
    read_contact_identifier(card)
    assert card["contact"]["uuid"] == KNOWN.CONTACT_UUID

    # ShopsResource: all, get.
    shops = sdk.get("/shops")
    for shop in shops:
        read_shop(shop)
    read_shop(sdk.get(f"/shops/{shops[0]['uuid']}"))

    assert all(body == "" for method, _, body in sdk.sent if method == "GET")
    assert any(url.endswith("/lock/") for _, url, _ in sdk.sent)
