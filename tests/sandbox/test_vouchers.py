"""Vouchers over HTTP: list, create, batch, find, update, lock, release, redeem, reverse."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta

import httpx
import pytest

from piggy_desk.sandbox import RunningSandbox
from piggy_desk.sandbox.seed import KNOWN

from .checks import assert_error, data

ISO = "%Y-%m-%dT%H:%M:%S%z"


def find(api: httpx.Client, code: str) -> dict[str, object]:
    voucher: dict[str, object] = data(api.get("/vouchers/find", params={"code": code}))
    return voucher


def uuid_of(api: httpx.Client, code: str) -> str:
    return str(find(api, code)["uuid"])


def parse(moment: object) -> datetime:
    assert isinstance(moment, str)
    return datetime.strptime(moment, ISO)


# --- list -----------------------------------------------------------------------------


def test_the_first_page_is_paginated_like_laravel(
    api: httpx.Client, sandbox: RunningSandbox
) -> None:
    body = api.get("/vouchers").json()
    meta, links = body["meta"], body["links"]
    total = meta["total"]
    assert 230 <= total <= 270
    last_page = -(-total // 30)
    assert len(body["data"]) == 30
    assert meta["per_page"] == "30"
    assert (meta["current_page"], meta["from"], meta["to"], meta["last_page"]) == (
        1,
        1,
        30,
        last_page,
    )
    assert meta["path"] == f"{sandbox.base_url}/api/v3/oauth/clients/vouchers"
    assert links["first"] == f"{meta['path']}?page=1"
    assert links["last"] == f"{meta['path']}?page={last_page}"
    assert links["prev"] is None
    assert links["next"] == f"{meta['path']}?page=2"
    labels = [link["label"] for link in meta["links"]]
    assert labels == ["pagination.previous", *map(str, range(1, last_page + 1)), "pagination.next"]
    assert [link["active"] for link in meta["links"]].count(True) == 1


def test_a_middle_page_keeps_the_filters_in_its_links(api: httpx.Client) -> None:
    body = api.get("/vouchers", params={"limit": 10, "page": 3, "status": "ACTIVE"}).json()
    meta, links = body["meta"], body["links"]
    assert (meta["current_page"], meta["from"], meta["to"], meta["per_page"]) == (3, 21, 30, "10")
    assert links["prev"].endswith("?limit=10&status=ACTIVE&page=2")
    assert links["next"].endswith("?limit=10&status=ACTIVE&page=4")
    assert all(voucher["status"] == "ACTIVE" for voucher in body["data"])


def test_many_pages_are_windowed_with_gaps(api: httpx.Client, sandbox: RunningSandbox) -> None:
    sandbox.add_vouchers(10_000)
    body = api.get("/vouchers", params={"limit": 100, "page": 50}).json()
    meta = body["meta"]
    assert meta["total"] > 10_000
    labels = [link["label"] for link in meta["links"]][1:-1]
    last = meta["last_page"]
    window = ["47", "48", "49", "50", "51", "52", "53"]
    assert labels == ["1", "2", "...", *window, "...", str(last - 1), str(last)]
    assert len(body["data"]) == 100


def test_a_page_past_the_end_is_empty(api: httpx.Client) -> None:
    body = api.get("/vouchers", params={"page": 999}).json()
    assert body["data"] == []
    assert body["meta"]["from"] is None and body["meta"]["to"] is None
    assert body["links"]["next"] is None
    assert body["links"]["prev"].endswith("page=998")


def test_limit_zero_answers_only_the_totals(api: httpx.Client) -> None:
    body = api.get("/vouchers", params={"limit": 0}).json()
    assert body["data"] == []
    assert body["meta"]["per_page"] == "0"
    assert body["meta"]["total"] > 200


@pytest.mark.parametrize(
    ("params", "field"),
    [
        ({"limit": 501}, "limit"),
        ({"limit": -1}, "limit"),
        ({"limit": "ten"}, "limit"),
        ({"limit": "1.5"}, "limit"),
        ({"page": 0}, "page"),
        ({"page": "x"}, "page"),
        ({"status": "USED"}, "status"),
        ({"status": "active"}, "status"),
    ],
)
def test_list_input_is_validated(
    api: httpx.Client, params: dict[str, str | int], field: str
) -> None:
    assert_error(api.get("/vouchers", params=params), 1003, field=field)


def test_every_list_error_is_reported_at_once(api: httpx.Client) -> None:
    body = assert_error(api.get("/vouchers", params={"limit": 900, "page": 0}), 1003)
    assert set(body["errors"]) == {"limit", "page"}


def test_list_filters(api: httpx.Client) -> None:
    def codes(**params: str) -> set[str]:
        body = api.get("/vouchers", params={**params, "limit": 500}).json()
        return {voucher["code"] for voucher in body["data"]}

    expired = codes(status="EXPIRED")
    assert KNOWN.EXPIRED in expired and KNOWN.ACTIVE_WITH_CONTACT not in expired
    assert KNOWN.LOCKED in codes(status="LOCKED")
    assert KNOWN.INACTIVE in codes(status="INACTIVE")
    assert KNOWN.DEACTIVATED in codes(status="DEACTIVATED")
    assert KNOWN.REDEEMED in codes(status="REDEEMED")
    mine = codes(contact_uuid=KNOWN.CONTACT_UUID)
    assert KNOWN.ACTIVE_WITH_CONTACT in mine and KNOWN.ACTIVE_NO_CONTACT not in mine
    multi = codes(promotion_uuid=KNOWN.PROMOTION_MULTI_USE)
    assert {KNOWN.MULTI_USE, KNOWN.MULTI_USE_ONE_LEFT} <= multi
    assert KNOWN.ACTIVE_WITH_CONTACT not in multi


def test_list_filters_must_exist(api: httpx.Client) -> None:
    assert_error(api.get("/vouchers", params={"promotion_uuid": "nope"}), 80002)
    assert_error(api.get("/vouchers", params={"contact_uuid": "nope"}), 55031)


# --- find -----------------------------------------------------------------------------


def test_find_answers_the_documented_voucher_shape(api: httpx.Client) -> None:
    voucher = find(api, KNOWN.WITH_PLU)
    assert set(voucher) == {
        "uuid",
        "code",
        "status",
        "name",
        "description",
        "expiration_date",
        "activation_date",
        "redeemed_at",
        "is_redeemed",
        "attributes",
        "contact",
        "promotion",
    }
    assert voucher["status"] == "ACTIVE"
    assert voucher["attributes"] == {"plu": "ABC12", "afdeling": "Bakkerij"}
    assert voucher["contact"] == {"uuid": KNOWN.CONTACT_UUID, "email": KNOWN.CONTACT_EMAIL}
    promotion = voucher["promotion"]
    assert isinstance(promotion, dict)
    assert promotion["plu"] == "ABC12"  # custom attributes are flattened in
    assert promotion["type"] == "SINGLE_USE" and promotion["redemptions_per_voucher"] == 1
    assert voucher["name"] == promotion["name"] == "Gratis croissant"
    assert str(voucher["expiration_date"]).endswith("+00:00")
    assert voucher["redeemed_at"] is None and voucher["is_redeemed"] is False


@pytest.mark.parametrize(
    ("code", "status"),
    [
        (KNOWN.ACTIVE_WITH_CONTACT, "ACTIVE"),
        (KNOWN.ACTIVE_NO_CONTACT, "ACTIVE"),
        (KNOWN.REDEEMED, "REDEEMED"),
        (KNOWN.EXPIRED, "EXPIRED"),
        (KNOWN.DEACTIVATED, "DEACTIVATED"),
        (KNOWN.INACTIVE, "INACTIVE"),
        (KNOWN.LOCKED, "LOCKED"),
        (KNOWN.MULTI_USE, "ACTIVE"),
        (KNOWN.MULTI_USE_ONE_LEFT, "ACTIVE"),
        (KNOWN.MULTI_USE_INACTIVE_PROMOTION, "ACTIVE"),
    ],
)
def test_known_vouchers_have_their_status(api: httpx.Client, code: str, status: str) -> None:
    assert find(api, code)["status"] == status


def test_find_errors(api: httpx.Client) -> None:
    assert_error(api.get("/vouchers/find", params={"code": "NO-SUCH-CODE"}), 80004)
    assert_error(api.get("/vouchers/find"), 1003, field="code")
    assert_error(api.get("/vouchers/find", params={"code": ""}), 1003, field="code")


def test_the_known_redeemed_voucher_says_when(api: httpx.Client) -> None:
    voucher = find(api, KNOWN.REDEEMED)
    assert voucher["is_redeemed"] is True
    assert parse(voucher["redeemed_at"]) < datetime.now(UTC)


def test_multi_use_promotions_say_so(api: httpx.Client) -> None:
    promotion = find(api, KNOWN.MULTI_USE)["promotion"]
    assert isinstance(promotion, dict)
    assert promotion["type"] == "MULTI_USE" and promotion["redemptions_per_voucher"] == 10


# --- create ---------------------------------------------------------------------------


def test_create_with_a_generated_code(api: httpx.Client, sandbox: RunningSandbox) -> None:
    voucher = data(api.post("/vouchers", json={"promotion_uuid": KNOWN.PROMOTION_SINGLE_USE}))
    assert re.fullmatch(r"[A-Z0-9]{8,10}", voucher["code"])
    assert voucher["status"] == "ACTIVE"
    assert voucher["contact"] is None
    assert voucher["expiration_date"] is None
    assert voucher["name"] == "Gratis koffie"
    assert sandbox.voucher_state(voucher["code"])["redemptions_allowed"] == 1


def test_create_with_every_option(api: httpx.Client, sandbox: RunningSandbox) -> None:
    voucher = data(
        api.post(
            "/vouchers",
            json={
                "promotion_uuid": KNOWN.PROMOTION_SINGLE_USE,
                "code": "MIJNCODE42",
                "contact_uuid": KNOWN.CONTACT_UUID,
                "activation_date": "2020-01-01T10:00:00+02:00",
                "expiration_date": "2099-12-31T23:00:00",
                "total_redemptions_allowed": 3,
                "custom_attributes": {"plu": "XYZ9", "extra": 5},
            },
        )
    )
    assert voucher["code"] == "MIJNCODE42"
    assert voucher["activation_date"] == "2020-01-01T08:00:00+00:00"
    assert voucher["expiration_date"] == "2099-12-31T23:00:00+00:00"  # no offset: UTC
    assert voucher["contact"]["email"] == KNOWN.CONTACT_EMAIL
    assert voucher["attributes"] == {"plu": "XYZ9", "afdeling": "Koffiebar", "extra": 5}
    assert sandbox.voucher_state("MIJNCODE42")["redemptions_allowed"] == 3


def test_create_expires_by_the_promotions_duration(api: httpx.Client) -> None:
    voucher = data(api.post("/vouchers", json={"promotion_uuid": KNOWN.PROMOTION_WITH_PLU}))
    lifetime = parse(voucher["expiration_date"]) - parse(voucher["activation_date"])
    assert abs(lifetime - timedelta(days=30)) < timedelta(seconds=2)
    assert voucher["attributes"]["plu"] == "ABC12"


def test_create_a_multi_use_voucher_by_default(api: httpx.Client, sandbox: RunningSandbox) -> None:
    voucher = data(api.post("/vouchers", json={"promotion_uuid": KNOWN.PROMOTION_MULTI_USE}))
    assert sandbox.voucher_state(voucher["code"])["redemptions_allowed"] == 10


COFFEE = {"promotion_uuid": KNOWN.PROMOTION_SINGLE_USE}


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({}, "promotion_uuid"),
        ({"promotion_uuid": 42}, "promotion_uuid"),
        ({**COFFEE, "code": ""}, "code"),
        ({**COFFEE, "code": "X" * 256}, "code"),
        ({**COFFEE, "code": 12345}, "code"),
        ({**COFFEE, "expiration_date": "morgen"}, "expiration_date"),
        ({**COFFEE, "activation_date": 20240101}, "activation_date"),
        ({**COFFEE, "total_redemptions_allowed": 0}, "total_redemptions_allowed"),
        ({**COFFEE, "total_redemptions_allowed": True}, "total_redemptions_allowed"),
        ({**COFFEE, "custom_attributes": "plu"}, "custom_attributes"),
        ({**COFFEE, "custom_attributes": {"a": [1]}}, "custom_attributes.a"),
    ],
)
def test_create_input_is_validated(api: httpx.Client, body: dict[str, object], field: str) -> None:
    assert_error(api.post("/vouchers", json=body), 1003, field=field)


def test_create_errors(api: httpx.Client) -> None:
    single = KNOWN.PROMOTION_SINGLE_USE
    assert_error(api.post("/vouchers", json={"promotion_uuid": "nope"}), 80002)
    assert_error(
        api.post("/vouchers", json={"promotion_uuid": single, "contact_uuid": "nope"}), 55031
    )
    assert_error(
        api.post("/vouchers", json={"promotion_uuid": single, "code": KNOWN.EXPIRED}), 80003
    )


def test_the_voucher_limit(api: httpx.Client) -> None:
    data(api.post("/vouchers", json={"promotion_uuid": KNOWN.PROMOTION_LIMITED}))
    assert_error(api.post("/vouchers", json={"promotion_uuid": KNOWN.PROMOTION_LIMITED}), 80008)


def test_the_limit_per_contact(api: httpx.Client) -> None:
    body = {"promotion_uuid": KNOWN.PROMOTION_PER_CONTACT, "contact_uuid": KNOWN.CONTACT_UUID}
    error = assert_error(api.post("/vouchers", json=body), 80008)
    assert "per contact" in error["message"]
    data(api.post("/vouchers", json={"promotion_uuid": KNOWN.PROMOTION_PER_CONTACT}))


def test_create_from_form_fields(api: httpx.Client) -> None:
    voucher = data(
        api.post(
            "/vouchers",
            data={
                "promotion_uuid": KNOWN.PROMOTION_SINGLE_USE,
                "code": "FORMCODE01",
                "total_redemptions_allowed": "2",
                "custom_attributes[plu]": "FORM1",
                "custom_attributes[kleur]": "rood",
            },
        )
    )
    assert voucher["code"] == "FORMCODE01"
    assert voucher["attributes"]["plu"] == "FORM1"
    assert voucher["attributes"]["kleur"] == "rood"


# --- batch ----------------------------------------------------------------------------


def _new_promotion(api: httpx.Client, **limits: int) -> str:
    body = {"name": "Flyeractie", "description": "Flyers voor de markt", **limits}
    return str(data(api.post("/promotions", json=body))["uuid"])


def test_a_batch_is_a_pending_job_then_vouchers(api: httpx.Client, sandbox: RunningSandbox) -> None:
    promotion = _new_promotion(api)
    job = data(
        api.post(
            "/vouchers/batch",
            json={
                "promotion_uuid": promotion,
                "quantity": 25,
                "contact_uuid": KNOWN.CONTACT_UUID,
                "custom_attributes": {"plu": "FLY1"},
            },
        )
    )
    assert set(job) == {"uuid", "type", "quantity", "status", "created_at"}
    assert (job["type"], job["quantity"], job["status"]) == ("vouchers", 25, "PENDING")
    assert re.fullmatch(r"\d{4}-\d{2}-\d{2}, \d{2}:\d{2}", job["created_at"])
    listed = api.get("/vouchers", params={"promotion_uuid": promotion}).json()
    assert listed["meta"]["total"] == 0  # not yet: a batch takes a moment
    sandbox.advance_clock(1)
    listed = api.get("/vouchers", params={"promotion_uuid": promotion, "limit": 100}).json()
    assert listed["meta"]["total"] == 25
    assert len({voucher["code"] for voucher in listed["data"]}) == 25
    assert all(voucher["attributes"]["plu"] == "FLY1" for voucher in listed["data"])
    assert all(voucher["contact"]["uuid"] == KNOWN.CONTACT_UUID for voucher in listed["data"])


def test_a_batch_without_delay_appears_at_the_next_request(
    api: httpx.Client, sandbox: RunningSandbox
) -> None:
    sandbox.set_batch_delay(0)
    promotion = _new_promotion(api)
    data(api.post("/vouchers/batch", json={"promotion_uuid": promotion, "quantity": 3}))
    assert api.get("/vouchers", params={"promotion_uuid": promotion}).json()["meta"]["total"] == 3


def test_a_batch_respects_the_limits(api: httpx.Client) -> None:
    limited = _new_promotion(api, voucher_limit=3)
    error = assert_error(
        api.post("/vouchers/batch", json={"promotion_uuid": limited, "quantity": 4}), 80008
    )
    assert "3" in error["message"]
    data(api.post("/vouchers/batch", json={"promotion_uuid": limited, "quantity": 3}))
    # A pending batch already counts against the limit.
    assert_error(api.post("/vouchers", json={"promotion_uuid": limited}), 80008)
    per_contact = _new_promotion(api, limit_per_contact=2)
    body = {"promotion_uuid": per_contact, "quantity": 3, "contact_uuid": KNOWN.CONTACT_UUID}
    assert_error(api.post("/vouchers/batch", json=body), 80008)


@pytest.mark.parametrize(
    ("body", "code", "field"),
    [
        ({"quantity": 5}, 1003, "promotion_uuid"),
        (COFFEE, 1003, "quantity"),
        ({**COFFEE, "quantity": 0}, 1003, "quantity"),
        ({**COFFEE, "quantity": 501}, 1003, "quantity"),
        ({**COFFEE, "quantity": "veel"}, 1003, "quantity"),
        ({"promotion_uuid": "nope", "quantity": 5}, 80002, None),
        ({**COFFEE, "quantity": 5, "contact_uuid": "x"}, 55031, None),
    ],
)
def test_batch_errors(
    api: httpx.Client, body: dict[str, object], code: int, field: str | None
) -> None:
    assert_error(api.post("/vouchers/batch", json=body), code, field=field)


# --- update ---------------------------------------------------------------------------


def test_deactivate_and_activate(api: httpx.Client) -> None:
    uuid = uuid_of(api, KNOWN.ACTIVE_WITH_CONTACT)
    voucher = data(
        api.put(
            f"/vouchers/update/{uuid}",
            json={"status": "DEACTIVATED", "custom_attributes": {"reden": "kapot"}},
        )
    )
    assert voucher["status"] == "DEACTIVATED"
    assert voucher["attributes"]["reden"] == "kapot"
    assert voucher["attributes"]["afdeling"] == "Koffiebar"
    voucher = data(api.put(f"/vouchers/update/{uuid}", data={"status": "ACTIVE"}))
    assert voucher["status"] == "ACTIVE"
    assert voucher["attributes"]["reden"] == "kapot"


def test_update_errors(api: httpx.Client) -> None:
    uuid = uuid_of(api, KNOWN.ACTIVE_WITH_CONTACT)
    assert_error(api.put(f"/vouchers/update/{uuid}", json={}), 1003, field="status")
    assert_error(
        api.put(f"/vouchers/update/{uuid}", json={"status": "REDEEMED"}), 1003, field="status"
    )
    assert_error(api.put("/vouchers/update/no-such-uuid", json={"status": "ACTIVE"}), 80004)


# --- lock and release -----------------------------------------------------------------


def test_lock_answers_a_release_key_for_an_hour(api: httpx.Client) -> None:
    uuid = uuid_of(api, KNOWN.ACTIVE_WITH_CONTACT)
    result = data(api.post(f"/vouchers/{uuid}/lock"))
    assert result["voucher"] == {"uuid": uuid, "status": "LOCKED"}
    lock = result["lock"]
    assert re.fullmatch(r"[0-9a-f-]{36}", lock["release_key"])
    assert lock["unlocked_at"] is None
    assert parse(lock["system_release_at"]) - parse(lock["locked_at"]) == timedelta(hours=1)
    assert find(api, KNOWN.ACTIVE_WITH_CONTACT)["status"] == "LOCKED"
    assert_error(api.post(f"/vouchers/{uuid}/lock"), 80017)


def test_each_lock_has_a_fresh_key(api: httpx.Client) -> None:
    uuid = uuid_of(api, KNOWN.ACTIVE_WITH_CONTACT)
    first = data(api.post(f"/vouchers/{uuid}/lock"))["lock"]["release_key"]
    data(api.post(f"/vouchers/{uuid}/release", json={"release_key": first}))
    second = data(api.post(f"/vouchers/{uuid}/lock"))["lock"]["release_key"]
    assert first != second


@pytest.mark.parametrize(
    ("code", "error"),
    [
        (KNOWN.REDEEMED, 80005),
        (KNOWN.DEACTIVATED, 80012),
        (KNOWN.EXPIRED, 80006),
        (KNOWN.LOCKED, 80017),
        (KNOWN.INACTIVE, 80014),
    ],
)
def test_only_an_active_voucher_can_be_locked(api: httpx.Client, code: str, error: int) -> None:
    assert_error(api.post(f"/vouchers/{uuid_of(api, code)}/lock"), error)


def test_lock_of_an_unknown_voucher(api: httpx.Client) -> None:
    assert_error(api.post("/vouchers/no-such-uuid/lock"), 80004)


def test_a_lock_runs_out_after_an_hour(api: httpx.Client, sandbox: RunningSandbox) -> None:
    uuid = uuid_of(api, KNOWN.ACTIVE_WITH_CONTACT)
    data(api.post(f"/vouchers/{uuid}/lock"))
    sandbox.advance_clock(59 * 60)
    assert find(api, KNOWN.ACTIVE_WITH_CONTACT)["status"] == "LOCKED"
    sandbox.advance_clock(60)
    assert find(api, KNOWN.ACTIVE_WITH_CONTACT)["status"] == "ACTIVE"
    assert sandbox.voucher_state(KNOWN.ACTIVE_WITH_CONTACT)["lock"] is None
    # The other counter's lock on the known locked voucher runs out too.
    assert find(api, KNOWN.LOCKED)["status"] == "ACTIVE"
    assert data(api.post("/vouchers/redeem", json={"code": KNOWN.LOCKED}))["status"] == "REDEEMED"


def test_release_with_the_key(api: httpx.Client) -> None:
    uuid = uuid_of(api, KNOWN.ACTIVE_WITH_CONTACT)
    lock = data(api.post(f"/vouchers/{uuid}/lock"))["lock"]
    result = data(api.post(f"/vouchers/{uuid}/release", json={"release_key": lock["release_key"]}))
    assert result["voucher"] == {"uuid": uuid, "status": "ACTIVE"}
    assert result["lock"]["release_key"] == lock["release_key"]
    assert result["lock"]["locked_at"] == lock["locked_at"]
    assert result["lock"]["unlocked_at"] is not None
    assert result["lock"]["system_release_at"] is None
    assert find(api, KNOWN.ACTIVE_WITH_CONTACT)["status"] == "ACTIVE"


def test_release_errors(api: httpx.Client) -> None:
    uuid = uuid_of(api, KNOWN.ACTIVE_WITH_CONTACT)
    assert_error(api.post(f"/vouchers/{uuid}/release", json={}), 1003, field="release_key")
    assert_error(
        api.post(f"/vouchers/{uuid}/release", json={"release_key": "k"}), 1003, field="release_key"
    )  # not locked
    data(api.post(f"/vouchers/{uuid}/lock"))
    assert_error(
        api.post(f"/vouchers/{uuid}/release", json={"release_key": "wrong"}),
        1003,
        field="release_key",
    )
    assert find(api, KNOWN.ACTIVE_WITH_CONTACT)["status"] == "LOCKED"
    for code, error in ((KNOWN.REDEEMED, 80005), (KNOWN.EXPIRED, 80006)):
        response = api.post(f"/vouchers/{uuid_of(api, code)}/release", json={"release_key": "k"})
        assert_error(response, error)
    assert_error(api.post("/vouchers/nope/release", json={"release_key": "k"}), 80004)


# --- redeem ---------------------------------------------------------------------------


def test_redeem_a_voucher_with_a_contact(api: httpx.Client, sandbox: RunningSandbox) -> None:
    voucher = data(
        api.post(
            "/vouchers/redeem",
            json={"code": KNOWN.ACTIVE_WITH_CONTACT, "shop_uuid": KNOWN.SHOP_UUID},
        )
    )
    assert voucher["status"] == "REDEEMED"
    assert voucher["is_redeemed"] is True
    assert voucher["redeemed_at"] is not None
    state = sandbox.voucher_state(KNOWN.ACTIVE_WITH_CONTACT)
    assert state["redemptions_used"] == 1
    assert state["redemptions"][0]["shop_uuid"] == KNOWN.SHOP_UUID
    assert_error(api.post("/vouchers/redeem", json={"code": KNOWN.ACTIVE_WITH_CONTACT}), 80005)


def test_redeem_links_a_voucher_without_contact(api: httpx.Client) -> None:
    code = KNOWN.ACTIVE_NO_CONTACT
    assert_error(api.post("/vouchers/redeem", json={"code": code}), 1003, field="contact_uuid")
    assert_error(api.post("/vouchers/redeem", json={"code": code, "contact_uuid": "x"}), 55031)
    voucher = data(
        api.post("/vouchers/redeem", json={"code": code, "contact_uuid": KNOWN.CONTACT_UUID})
    )
    assert voucher["contact"]["uuid"] == KNOWN.CONTACT_UUID
    assert voucher["status"] == "REDEEMED"


def test_redeem_checks_the_contact_it_is_given(api: httpx.Client) -> None:
    other = data(api.post("/contacts", json={"email": "iemand.anders@example.be"}))["uuid"]
    response = api.post(
        "/vouchers/redeem", json={"code": KNOWN.ACTIVE_WITH_CONTACT, "contact_uuid": other}
    )
    assert_error(response, 1003, field="contact_uuid")
    voucher = data(
        api.post(
            "/vouchers/redeem",
            json={"code": KNOWN.ACTIVE_WITH_CONTACT, "contact_uuid": KNOWN.CONTACT_UUID},
        )
    )
    assert voucher["status"] == "REDEEMED"


@pytest.mark.parametrize(
    ("code", "error"),
    [
        ("NO-SUCH-CODE", 80004),
        (KNOWN.REDEEMED, 80005),
        (KNOWN.DEACTIVATED, 80012),
        (KNOWN.EXPIRED, 80006),
        (KNOWN.INACTIVE, 80014),
        (KNOWN.LOCKED, 80017),
    ],
)
def test_redeem_errors(api: httpx.Client, code: str, error: int) -> None:
    assert_error(api.post("/vouchers/redeem", json={"code": code}), error)


def test_redeem_needs_a_code(api: httpx.Client) -> None:
    assert_error(api.post("/vouchers/redeem", json={}), 1003, field="code")
    assert_error(api.post("/vouchers/redeem", json={"code": ["A"]}), 1003, field="code")


def test_redeem_a_locked_voucher_with_its_key(api: httpx.Client, sandbox: RunningSandbox) -> None:
    code = KNOWN.ACTIVE_WITH_CONTACT
    key = data(api.post(f"/vouchers/{uuid_of(api, code)}/lock"))["lock"]["release_key"]
    assert_error(api.post("/vouchers/redeem", json={"code": code}), 80017)
    assert_error(
        api.post("/vouchers/redeem", json={"code": code, "release_key": "wrong"}),
        1003,
        field="release_key",
    )
    voucher = data(api.post("/vouchers/redeem", data={"code": code, "release_key": key}))
    assert voucher["status"] == "REDEEMED"
    assert sandbox.voucher_state(code)["lock"] is None


def test_the_other_counters_lock_holds(api: httpx.Client, sandbox: RunningSandbox) -> None:
    key = sandbox.voucher_state(KNOWN.LOCKED)["lock"]["release_key"]
    voucher = data(api.post("/vouchers/redeem", json={"code": KNOWN.LOCKED, "release_key": key}))
    assert voucher["status"] == "REDEEMED"


def test_a_release_key_for_an_unlocked_voucher_is_ignored(api: httpx.Client) -> None:
    body = {"code": KNOWN.ACTIVE_WITH_CONTACT, "release_key": "whatever"}
    assert data(api.post("/vouchers/redeem", json=body))["status"] == "REDEEMED"


# --- multi-redeem ---------------------------------------------------------------------


def test_multi_redeem(api: httpx.Client, sandbox: RunningSandbox) -> None:
    result = data(
        api.post(
            "/vouchers/multi-redeem",
            json={"code": KNOWN.MULTI_USE, "number_of_times": 3, "shop_uuid": KNOWN.SHOP_UUID},
        )
    )
    assert result["voucher"]["code"] == KNOWN.MULTI_USE
    assert result["voucher"]["status"] == "ACTIVE"
    assert len(result["voucher_redemptions"]) == 3
    assert len({redemption["uuid"] for redemption in result["voucher_redemptions"]}) == 3
    assert all(r["created_at"].endswith("+00:00") for r in result["voucher_redemptions"])
    assert sandbox.voucher_state(KNOWN.MULTI_USE)["redemptions_used"] == 3


def test_multi_redeem_the_last_one(api: httpx.Client) -> None:
    body = {"code": KNOWN.MULTI_USE_ONE_LEFT, "shop_uuid": KNOWN.SHOP_UUID}
    error = assert_error(
        api.post("/vouchers/multi-redeem", json={**body, "number_of_times": 2}), 80019
    )
    assert "1 left" in error["message"]
    result = data(api.post("/vouchers/multi-redeem", json={**body, "number_of_times": 1}))
    assert result["voucher"]["status"] == "REDEEMED"
    assert result["voucher"]["is_redeemed"] is True
    assert_error(api.post("/vouchers/multi-redeem", json={**body, "number_of_times": 1}), 80005)


CARD = {"code": KNOWN.MULTI_USE, "shop_uuid": "s"}


@pytest.mark.parametrize(
    ("body", "code", "field"),
    [
        (CARD, 1003, "number_of_times"),
        ({**CARD, "number_of_times": 0}, 1003, "number_of_times"),
        ({**CARD, "number_of_times": 51}, 1003, "number_of_times"),
        ({**CARD, "number_of_times": 2.5}, 1003, "number_of_times"),
        ({"code": KNOWN.MULTI_USE, "number_of_times": 2}, 1003, "shop_uuid"),
        ({**CARD, "number_of_times": 2, "shop_uuid": ""}, 1003, "shop_uuid"),
        ({"number_of_times": 2, "shop_uuid": "s"}, 1003, "code"),
        ({**CARD, "code": KNOWN.ACTIVE_WITH_CONTACT, "number_of_times": 2}, 1003, "code"),
        ({**CARD, "code": "NOPE", "number_of_times": 2}, 80004, None),
        ({**CARD, "code": KNOWN.MULTI_USE_INACTIVE_PROMOTION, "number_of_times": 1}, 80020, None),
    ],
)
def test_multi_redeem_errors(
    api: httpx.Client, body: dict[str, object], code: int, field: str | None
) -> None:
    assert_error(api.post("/vouchers/multi-redeem", json=body), code, field=field)


def test_multi_redeem_respects_a_lock(api: httpx.Client) -> None:
    key = data(api.post(f"/vouchers/{uuid_of(api, KNOWN.MULTI_USE)}/lock"))["lock"]["release_key"]
    body = {"code": KNOWN.MULTI_USE, "number_of_times": 2, "shop_uuid": KNOWN.SHOP_UUID}
    assert_error(api.post("/vouchers/multi-redeem", json=body), 80017)
    result = data(api.post("/vouchers/multi-redeem", json={**body, "release_key": key}))
    assert len(result["voucher_redemptions"]) == 2


def test_a_plain_redeem_uses_one_of_many(api: httpx.Client, sandbox: RunningSandbox) -> None:
    voucher = data(api.post("/vouchers/redeem", json={"code": KNOWN.MULTI_USE}))
    assert voucher["status"] == "ACTIVE"
    assert sandbox.voucher_state(KNOWN.MULTI_USE)["redemptions_used"] == 1


# --- reverse --------------------------------------------------------------------------


def test_reverse_the_last_redemption(api: httpx.Client, sandbox: RunningSandbox) -> None:
    voucher = data(api.post(f"/vouchers/{uuid_of(api, KNOWN.REDEEMED)}/reverse"))
    assert voucher["status"] == "ACTIVE"
    assert voucher["is_redeemed"] is False
    assert voucher["redeemed_at"] is None
    assert sandbox.voucher_state(KNOWN.REDEEMED)["redemptions_used"] == 0
    assert_error(api.post(f"/vouchers/{voucher['uuid']}/reverse"), 1003)


def test_reverse_one_of_many(api: httpx.Client, sandbox: RunningSandbox) -> None:
    data(api.post(f"/vouchers/{uuid_of(api, KNOWN.MULTI_USE_ONE_LEFT)}/reverse"))
    assert sandbox.voucher_state(KNOWN.MULTI_USE_ONE_LEFT)["redemptions_used"] == 8


def test_reverse_errors(api: httpx.Client) -> None:
    assert_error(api.post("/vouchers/no-such-uuid/reverse"), 80004)
    assert_error(api.post(f"/vouchers/{uuid_of(api, KNOWN.ACTIVE_WITH_CONTACT)}/reverse"), 1003)
