"""The control surface and the handle: reset, clock, settings, snapshots, bulk, stats."""

from __future__ import annotations

from datetime import datetime, timedelta

import httpx
import pytest

from piggy_desk.sandbox import RunningSandbox
from piggy_desk.sandbox.seed import KNOWN

from .checks import assert_error, data


def test_reset_puts_back_the_seed(api: httpx.Client, control: httpx.Client) -> None:
    data(api.post("/vouchers/redeem", json={"code": KNOWN.ACTIVE_WITH_CONTACT}))
    control.post("/clock", json={"advance_seconds": 3600})
    control.post("/faults", json={"kind": "status", "status": 500, "path": "/promotions"})
    control.post("/settings", json={"batch_delay_seconds": 0})
    before = api.get("/vouchers", params={"limit": 0}).json()["meta"]["total"]
    data(api.post("/vouchers", json={"promotion_uuid": KNOWN.PROMOTION_SINGLE_USE}))
    assert control.post("/reset").status_code == 200
    find = api.get("/vouchers/find", params={"code": KNOWN.ACTIVE_WITH_CONTACT})
    assert data(find)["status"] == "ACTIVE"
    assert api.get("/promotions").status_code == 200
    assert api.get("/vouchers", params={"limit": 0}).json()["meta"]["total"] == before
    assert control.post("/settings", json={}).json() == {
        "batch_delay_seconds": 1.0,
        "access_token_seconds": 3600,
    }


def test_the_same_seed_gives_the_same_data(api: httpx.Client, sandbox: RunningSandbox) -> None:
    first = api.get("/vouchers", params={"limit": 500}).json()["data"]
    sandbox.reset()
    second = api.get("/vouchers", params={"limit": 500}).json()["data"]
    assert [voucher["uuid"] for voucher in first] == [voucher["uuid"] for voucher in second]
    assert [voucher["code"] for voucher in first] == [voucher["code"] for voucher in second]


def test_the_clock(control: httpx.Client, sandbox: RunningSandbox) -> None:
    before = datetime.fromisoformat(control.get("/clock").json()["now"])
    after = datetime.fromisoformat(
        control.post("/clock", json={"advance_seconds": 7200}).json()["now"]
    )
    assert timedelta(hours=2) <= after - before < timedelta(hours=2, seconds=5)
    sandbox.advance_clock(60)
    assert datetime.fromisoformat(control.get("/clock").json()["now"]) >= after
    assert_error(
        control.post("/clock", json={"advance_seconds": -1}), 1003, field="advance_seconds"
    )
    assert_error(control.post("/clock", json={}), 1003, field="advance_seconds")
    with pytest.raises(ValueError, match="forward"):
        sandbox.advance_clock(-5)


def test_settings(control: httpx.Client, sandbox: RunningSandbox) -> None:
    assert control.post("/settings", json={"batch_delay_seconds": 2.5}).json() == {
        "batch_delay_seconds": 2.5,
        "access_token_seconds": 3600,
    }
    assert_error(
        control.post("/settings", json={"batch_delay_seconds": "soon"}),
        1003,
        field="batch_delay_seconds",
    )
    with pytest.raises(ValueError, match="batch delay"):
        sandbox.set_batch_delay(-1)


def test_voucher_state(control: httpx.Client, sandbox: RunningSandbox) -> None:
    state = control.get(f"/vouchers/{KNOWN.MULTI_USE_ONE_LEFT}").json()
    assert state == sandbox.voucher_state(KNOWN.MULTI_USE_ONE_LEFT)
    assert state["status"] == "ACTIVE"
    assert (state["redemptions_used"], state["redemptions_allowed"]) == (9, 10)
    assert state["contact_uuid"] == KNOWN.CONTACT_UUID
    assert state["promotion_uuid"] == KNOWN.PROMOTION_MULTI_USE
    assert state["lock"] is None
    locked = sandbox.voucher_state(KNOWN.LOCKED)
    assert locked["status"] == "LOCKED"
    assert set(locked["lock"]) == {"release_key", "locked_at", "system_release_at"}
    assert_error(control.get("/vouchers/NO-SUCH-CODE"), 80004)
    with pytest.raises(KeyError):
        sandbox.voucher_state("NO-SUCH-CODE")


def test_bulk_vouchers(api: httpx.Client, control: httpx.Client, sandbox: RunningSandbox) -> None:
    def total(**params: str) -> int:
        count: int = api.get("/vouchers", params={**params, "limit": 0}).json()["meta"]["total"]
        return count

    before = total(status="ACTIVE")
    sandbox.add_vouchers(10_000)
    assert total(status="ACTIVE") == before + 10_000
    assert control.post(
        "/vouchers/bulk", json={"count": 5, "promotion_uuid": KNOWN.PROMOTION_MULTI_USE}
    ).json() == {"added": 5}
    assert total(promotion_uuid=KNOWN.PROMOTION_MULTI_USE, status="ACTIVE") >= 5
    assert_error(control.post("/vouchers/bulk", json={"count": 0}), 1003, field="count")
    assert_error(control.post("/vouchers/bulk", json={"count": 1, "promotion_uuid": "x"}), 80002)
    with pytest.raises(ValueError, match="promotion"):
        sandbox.add_vouchers(1, "x")


def test_stats_count_connections_and_requests(sandbox: RunningSandbox) -> None:
    before = sandbox.stats()
    with httpx.Client(
        base_url=sandbox.base_url, headers={"Authorization": f"Bearer {sandbox.token}"}
    ) as client:
        for _ in range(5):
            client.get("/api/v3/oauth/clients/promotions")
        over_http = client.get("/_sandbox/stats").json()
    after = sandbox.stats()
    assert after["connections_opened"] - before["connections_opened"] == 1  # kept alive
    assert after["requests"] - before["requests"] == 6
    assert over_http == after


def test_the_handle_hides_the_token(sandbox: RunningSandbox) -> None:
    assert sandbox.token not in repr(sandbox)
    assert sandbox.base_url in repr(sandbox)


def test_a_stopped_sandbox(sandbox: RunningSandbox) -> None:
    from piggy_desk.sandbox import start_sandbox

    with start_sandbox(token="other", seed=2) as other:
        assert other.base_url != sandbox.base_url
        response = httpx.get(
            f"{other.base_url}/api/v3/oauth/clients/promotions",
            headers={"Authorization": "Bearer other"},
        )
        assert response.status_code == 200
    other.stop()  # stopping twice is fine
    with pytest.raises(RuntimeError, match="stopped"):
        other.reset()
    with pytest.raises(httpx.ConnectError):
        httpx.get(f"{other.base_url}/_sandbox/clock")
