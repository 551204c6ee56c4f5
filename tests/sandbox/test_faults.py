"""Injected faults: every kind, their matching and counting, and `after_commit`."""

from __future__ import annotations

import json
import time

import httpx
import pytest

from piggy_desk.sandbox import PIGGY_PREFIX, RunningSandbox
from piggy_desk.sandbox.seed import KNOWN

from .checks import assert_error, data


def find(api: httpx.Client, code: str = KNOWN.ACTIVE_WITH_CONTACT) -> httpx.Response:
    return api.get("/vouchers/find", params={"code": code})


def test_latency_delays_then_answers(api: httpx.Client, sandbox: RunningSandbox) -> None:
    sandbox.inject("latency", seconds=0.3, count=2)
    for _ in range(2):
        started = time.monotonic()
        assert data(find(api))["code"] == KNOWN.ACTIVE_WITH_CONTACT
        assert time.monotonic() - started >= 0.3
    # The two delays are spent: the next find is answered with no fault left to delay it
    # (how fast is the benchmarks' business, not a test's).
    assert sandbox.armed_faults() == []
    assert data(find(api))["code"] == KNOWN.ACTIVE_WITH_CONTACT


def test_latency_can_exceed_a_client_timeout(api: httpx.Client, sandbox: RunningSandbox) -> None:
    sandbox.inject("latency", seconds=0.5)
    with pytest.raises(httpx.ReadTimeout):
        api.get("/promotions", timeout=0.1)


def impatient_client(sandbox: RunningSandbox, timeout: float) -> httpx.Client:
    """A plain client that gives up after `timeout` seconds, as the counter does."""
    return httpx.Client(
        base_url=f"{sandbox.base_url}{PIGGY_PREFIX}",
        headers={"Authorization": f"Bearer {sandbox.token}"},
        timeout=timeout,
    )


def test_a_redeem_committed_but_answered_too_late(sandbox: RunningSandbox) -> None:
    sandbox.inject("latency", seconds=1.0, path="/vouchers/redeem", after_commit=True)
    with impatient_client(sandbox, 0.3) as client, pytest.raises(httpx.ReadTimeout):
        client.post("/vouchers/redeem", json={"code": KNOWN.ACTIVE_WITH_CONTACT})
    state = sandbox.voucher_state(KNOWN.ACTIVE_WITH_CONTACT)
    assert state["status"] == "REDEEMED"
    assert state["redemptions_used"] == 1


def test_a_late_answer_is_the_normal_answer(api: httpx.Client, sandbox: RunningSandbox) -> None:
    sandbox.inject("latency", seconds=0.4, path="/vouchers/redeem", after_commit=True)
    started = time.monotonic()
    response = api.post("/vouchers/redeem", json={"code": KNOWN.ACTIVE_WITH_CONTACT})
    assert time.monotonic() - started >= 0.4
    assert data(response)["status"] == "REDEEMED"
    assert data(find(api))["status"] == "REDEEMED"  # spent after one request


def test_late_latency_then_a_replaced_answer(api: httpx.Client, sandbox: RunningSandbox) -> None:
    sandbox.inject("latency", seconds=0.3, path="/redeem", after_commit=True)
    sandbox.inject("status", status=502, path="/redeem", after_commit=True)
    started = time.monotonic()
    response = api.post("/vouchers/redeem", json={"code": KNOWN.ACTIVE_WITH_CONTACT})
    assert time.monotonic() - started >= 0.3
    assert_error(response, 502, status=502)
    assert sandbox.voucher_state(KNOWN.ACTIVE_WITH_CONTACT)["status"] == "REDEEMED"


def test_late_latency_before_an_unprocessed_fault(
    api: httpx.Client, sandbox: RunningSandbox
) -> None:
    sandbox.inject("latency", seconds=0.3, path="/redeem", after_commit=True)
    sandbox.inject("status", status=503, path="/redeem")
    started = time.monotonic()
    assert_error(
        api.post("/vouchers/redeem", json={"code": KNOWN.ACTIVE_WITH_CONTACT}), 503, status=503
    )
    assert time.monotonic() - started >= 0.3
    assert sandbox.voucher_state(KNOWN.ACTIVE_WITH_CONTACT)["status"] == "ACTIVE"


@pytest.mark.parametrize("call", ["redeem", "lock"])
def test_a_request_that_timed_out_in_plain_latency_never_happened(
    sandbox: RunningSandbox, call: str
) -> None:
    code = KNOWN.ACTIVE_WITH_CONTACT
    if call == "redeem":
        path, body = "/vouchers/redeem", {"code": code}
    else:
        path, body = f"/vouchers/{sandbox.voucher_state(code)['uuid']}/lock", None
    sandbox.inject("latency", seconds=0.6, path=f"/{call}")
    with impatient_client(sandbox, 0.2) as client, pytest.raises(httpx.ReadTimeout):
        client.post(path, json=body)
    time.sleep(0.8)  # past the latency: the server would have processed it by now
    state = sandbox.voucher_state(code)
    assert (state["status"], state["lock"], state["redemptions_used"]) == ("ACTIVE", None, 0)


def test_a_status_fault_answers_piggys_error_body(
    api: httpx.Client, sandbox: RunningSandbox
) -> None:
    sandbox.inject("status", status=503)
    body = assert_error(find(api), 503, status=503)
    assert "maintenance" in body["message"]
    assert data(find(api))  # spent after one request


def test_429_says_when_to_retry(api: httpx.Client, sandbox: RunningSandbox) -> None:
    sandbox.inject("status", status=429, retry_after=7)
    response = find(api)
    assert_error(response, 429, status=429)
    assert response.headers["Retry-After"] == "7"


def test_maintenance_mode_says_when_to_come_back(
    api: httpx.Client, sandbox: RunningSandbox
) -> None:
    sandbox.inject("maintenance", retry_after=60, count=2)
    response = find(api)
    body = assert_error(response, 503, status=503)
    assert "maintenance" in body["message"]
    assert response.headers["Retry-After"] == "60"
    sandbox.clear_faults()
    sandbox.inject("maintenance")
    assert "Retry-After" not in find(api).headers  # `artisan down` without --retry
    assert data(find(api))


def test_an_html_gateway_page(api: httpx.Client, sandbox: RunningSandbox) -> None:
    sandbox.inject("html")
    response = find(api)
    assert response.status_code == 502
    assert response.headers["content-type"].startswith("text/html")
    assert "<h1>502 Bad Gateway</h1>" in response.text and "nginx" in response.text


def test_html_with_another_status(api: httpx.Client, sandbox: RunningSandbox) -> None:
    sandbox.inject("html", status=504)
    response = find(api)
    assert response.status_code == 504
    assert "504 Gateway Timeout" in response.text


def test_broken_json(api: httpx.Client, sandbox: RunningSandbox) -> None:
    sandbox.inject("broken_json")
    response = find(api)
    assert response.status_code == 200
    assert response.headers["content-type"] == "application/json"
    with pytest.raises(json.JSONDecodeError):
        response.json()


def test_empty_body(api: httpx.Client, sandbox: RunningSandbox) -> None:
    sandbox.inject("empty_body")
    response = find(api)
    assert response.status_code == 200
    assert response.content == b""


def test_no_data(api: httpx.Client, sandbox: RunningSandbox) -> None:
    sandbox.inject("no_data")
    response = find(api)
    assert response.status_code == 200
    assert response.json() == {"meta": []}


def test_drop_closes_the_connection_without_an_answer(
    api: httpx.Client, sandbox: RunningSandbox
) -> None:
    sandbox.inject("drop")
    with pytest.raises(httpx.RemoteProtocolError, match="without sending a response"):
        find(api)
    assert data(find(api))  # the client reconnects and all is well


def test_a_dropped_redeem_did_not_happen(api: httpx.Client, sandbox: RunningSandbox) -> None:
    sandbox.inject("drop", path="/vouchers/redeem")
    with pytest.raises(httpx.RemoteProtocolError):
        api.post("/vouchers/redeem", json={"code": KNOWN.ACTIVE_WITH_CONTACT})
    assert sandbox.voucher_state(KNOWN.ACTIVE_WITH_CONTACT)["status"] == "ACTIVE"


def test_a_redeem_whose_answer_never_came(api: httpx.Client, sandbox: RunningSandbox) -> None:
    sandbox.inject("drop", path="/vouchers/redeem", after_commit=True)
    with pytest.raises(httpx.RemoteProtocolError):
        api.post("/vouchers/redeem", json={"code": KNOWN.ACTIVE_WITH_CONTACT})
    state = sandbox.voucher_state(KNOWN.ACTIVE_WITH_CONTACT)
    assert state["status"] == "REDEEMED"
    assert state["redemptions_used"] == 1
    assert data(find(api))["status"] == "REDEEMED"


@pytest.mark.parametrize("kind", ["status", "html", "broken_json", "empty_body", "no_data"])
def test_after_commit_replaces_the_answer_of_a_done_deed(
    api: httpx.Client, sandbox: RunningSandbox, kind: str
) -> None:
    sandbox.inject(
        kind, path="/redeem", after_commit=True, status=500 if kind == "status" else None
    )
    response = api.post("/vouchers/redeem", json={"code": KNOWN.ACTIVE_WITH_CONTACT})
    assert "REDEEMED" not in response.text
    assert sandbox.voucher_state(KNOWN.ACTIVE_WITH_CONTACT)["status"] == "REDEEMED"


def test_faults_match_path_and_method(api: httpx.Client, sandbox: RunningSandbox) -> None:
    sandbox.inject("status", status=500, path="/vouchers/redeem", method="post")
    assert data(find(api))
    assert data(api.get("/promotions"))
    assert_error(api.post("/vouchers/redeem", json={"code": "X"}), 500, status=500)
    assert_error(api.post("/vouchers/redeem", json={"code": "X"}), 80004)


def test_faults_apply_in_order_and_count_down(api: httpx.Client, sandbox: RunningSandbox) -> None:
    sandbox.inject("status", status=500, count=2)
    sandbox.inject("status", status=503)
    statuses = [find(api).status_code for _ in range(4)]
    assert statuses == [500, 500, 503, 200]


def test_latency_adds_to_another_fault(api: httpx.Client, sandbox: RunningSandbox) -> None:
    sandbox.inject("latency", seconds=0.2)
    sandbox.inject("status", status=503)
    started = time.monotonic()
    assert find(api).status_code == 503
    assert time.monotonic() - started >= 0.2


def test_faults_leave_the_control_surface_alone(
    control: httpx.Client, sandbox: RunningSandbox
) -> None:
    sandbox.inject("drop")
    assert control.get("/clock").status_code == 200
    assert len(control.get("/faults").json()["faults"]) == 1


def test_clear_faults(api: httpx.Client, sandbox: RunningSandbox) -> None:
    sandbox.inject("status", status=500, count=100)
    sandbox.clear_faults()
    assert data(find(api))


def test_faults_over_http(api: httpx.Client, control: httpx.Client) -> None:
    armed = control.post("/faults", json={"kind": "status", "status": 429, "retry_after": 3})
    assert armed.json()["faults"][0]["kind"] == "status"
    assert find(api).headers["Retry-After"] == "3"
    control.post("/faults", json={"kind": "drop", "count": 5})
    assert control.delete("/faults").json() == {"faults": []}
    assert data(find(api))


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({}, "kind"),
        ({"kind": "explode"}, "kind"),
        ({"kind": "latency"}, "seconds"),
        ({"kind": "latency", "seconds": -1}, "seconds"),
        ({"kind": "status"}, "status"),
        ({"kind": "status", "status": 100}, "status"),
        ({"kind": "drop", "count": 0}, "count"),
        ({"kind": "drop", "after_commit": "maybe"}, "after_commit"),
        ({"kind": "status", "status": 429, "retry_after": -5}, "retry_after"),
    ],
)
def test_bad_faults_are_refused(control: httpx.Client, body: dict[str, object], field: str) -> None:
    assert_error(control.post("/faults", json=body), 1003, field=field)


def test_bad_faults_are_refused_by_the_handle(sandbox: RunningSandbox) -> None:
    with pytest.raises(ValueError, match="seconds"):
        sandbox.inject("latency")
    with pytest.raises(ValueError, match="kind"):
        sandbox.inject("meltdown")


def test_trickle_sends_the_real_answer_a_byte_at_a_time(sandbox: RunningSandbox) -> None:
    # 781 bytes 2 ms apart: the answer takes about 1.6 s, past the client's 0.5 s timeout,
    # which each read meets.
    sandbox.inject("trickle", seconds=0.002, path="/vouchers/redeem", after_commit=True)
    reads: list[bytes] = []
    with (
        impatient_client(sandbox, 0.5) as client,
        client.stream(
            "POST", "/vouchers/redeem", json={"code": KNOWN.ACTIVE_WITH_CONTACT}
        ) as response,
    ):
        reads.extend(response.iter_raw())
    assert len(reads) > 20  # in pieces (a few bytes may travel together)
    assert json.loads(b"".join(reads))["data"]["code"] == KNOWN.ACTIVE_WITH_CONTACT
    assert sandbox.voucher_state(KNOWN.ACTIVE_WITH_CONTACT)["status"] == "REDEEMED"


def test_trickle_before_commit_never_ends_and_does_nothing(sandbox: RunningSandbox) -> None:
    sandbox.inject("trickle", seconds=0.01, path="/vouchers/redeem")
    with (
        impatient_client(sandbox, 0.5) as client,
        client.stream(
            "POST", "/vouchers/redeem", json={"code": KNOWN.ACTIVE_WITH_CONTACT}
        ) as response,
    ):
        received = b""
        for piece in response.iter_raw():
            received += piece
            if len(received) >= 30:
                break
    assert received == b" " * 30  # each read waited 0.01 s, never the 0.5 s timeout
    assert sandbox.voucher_state(KNOWN.ACTIVE_WITH_CONTACT)["status"] == "ACTIVE"


@pytest.mark.parametrize("after_commit", [False, True])
def test_endless_body_goes_on_past_any_size(sandbox: RunningSandbox, after_commit: bool) -> None:
    sandbox.inject("endless_body", path="/vouchers/redeem", after_commit=after_commit)
    with (
        impatient_client(sandbox, 2.0) as client,
        client.stream(
            "POST", "/vouchers/redeem", json={"code": KNOWN.ACTIVE_WITH_CONTACT}
        ) as response,
    ):
        size = 0
        for piece in response.iter_raw():
            size += len(piece)
            if size > 20_000_000:
                break
    assert size > 20_000_000
    status = sandbox.voucher_state(KNOWN.ACTIVE_WITH_CONTACT)["status"]
    assert status == ("REDEEMED" if after_commit else "ACTIVE")
    assert data(find_with(sandbox))  # the sandbox serves on after the client left


def find_with(sandbox: RunningSandbox) -> httpx.Response:
    with impatient_client(sandbox, 2.0) as client:
        return find(client)


def test_wrong_voucher_answers_a_find_with_another_voucher(
    api: httpx.Client, sandbox: RunningSandbox
) -> None:
    sandbox.inject("wrong_voucher", code=KNOWN.REDEEMED, path="/vouchers/find")
    assert data(find(api, KNOWN.ACTIVE_WITH_CONTACT))["code"] == KNOWN.REDEEMED
    assert data(find(api, KNOWN.ACTIVE_WITH_CONTACT))["code"] == KNOWN.ACTIVE_WITH_CONTACT
