"""The sandbox as an ASGI application: Piggy's routes, the control surface, auth and faults."""

from __future__ import annotations

import asyncio
import hmac
from collections.abc import Callable, Coroutine, Mapping
from email.utils import format_datetime
from http import HTTPStatus
from typing import Any, TypeAlias

from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.middleware import Middleware
from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, Response
from starlette.routing import BaseRoute, Mount, Route, Router
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from piggy_desk.sandbox.control import MAX_BATCH_DELAY_SECONDS, MAX_BULK_VOUCHERS, Sandbox
from piggy_desk.sandbox.errors import PiggyError, invalid_input
from piggy_desk.sandbox.faults import Fault, FaultKind, gateway_page, parse_fault, status_message
from piggy_desk.sandbox.hostile import asked_for_another_code, send_hostile
from piggy_desk.sandbox.inputs import Fields, read_input
from piggy_desk.sandbox.oauth import MAX_TOKEN_SECONDS, TOKEN_PATH, TokenRefusal
from piggy_desk.sandbox.render import (
    batch_json,
    contact_json,
    contact_page_json,
    envelope,
    identifier_json,
    iso,
    lock_result_json,
    multi_redeem_json,
    promotion_json,
    shop_json,
    voucher_json,
    voucher_page_json,
)
from piggy_desk.sandbox.state import (
    PROMOTION_MULTI_USE,
    PROMOTION_SINGLE_USE,
    SandboxState,
    Voucher,
    VoucherSpec,
    VoucherStatus,
)

PIGGY_PREFIX = "/api/v3/oauth/clients"
CONTROL_PREFIX = "/_sandbox"
# Well known on purpose: the sandbox serves demo data on loopback, nothing to protect.
DEFAULT_TOKEN = "sandbox-token"  # noqa: S105
# The ASGI scope extension under which the sandbox's own server hands over the socket,
# so a `drop` fault can close it without sending a single byte.
TRANSPORT_EXTENSION = "piggy_desk.sandbox.transport"

VOUCHER_PAGE_DEFAULT = 30
VOUCHER_PAGE_MAX = 500
BATCH_STARTED = "Voucher generation successfully started in background."
PROMOTION_PAGE_DEFAULT = 30
PROMOTION_PAGE_MAX = 500
CONTACT_PAGE_DEFAULT = 30
CONTACT_PAGE_MAX = 100
MAX_ADVANCE_SECONDS = 10 * 365 * 24 * 3600.0
Endpoint: TypeAlias = Callable[[Request], Coroutine[Any, Any, Response]]

_BROKEN_JSON = b'{"data": {"uuid": "62f6dc8c-4ff1-4c42-99ba-713c68ed10a0", "code": "EXAMP'


def create_app(sandbox: Sandbox, *, token: str = DEFAULT_TOKEN) -> Starlette:
    """Return the ASGI application serving `sandbox` to callers that present `token`."""
    piggy = _PiggyEndpoints(sandbox)
    control = _ControlEndpoints(sandbox)
    app = Starlette(
        routes=[
            Route(TOKEN_PATH, _token_endpoint(sandbox), methods=["POST"]),
            # Piggy paths arrive here without trailing slashes (see SandboxMiddleware).
            Mount(PIGGY_PREFIX, app=Router(piggy.routes(), redirect_slashes=False)),
            Mount(CONTROL_PREFIX, app=Router(control.routes(), redirect_slashes=False)),
        ],
        middleware=[Middleware(SandboxMiddleware, sandbox=sandbox, token=token)],
        exception_handlers={
            PiggyError: _on_piggy_error,
            HTTPException: _on_http_error,
            Exception: _on_unexpected_error,
        },
    )
    app.router.redirect_slashes = False
    return app


class SandboxMiddleware:
    """Count requests, check the token, let time act, then inject faults on Piggy paths."""

    def __init__(self, app: ASGIApp, *, sandbox: Sandbox, token: str) -> None:
        self._app = app
        self._sandbox = sandbox
        self._token = token.encode()

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        """Handle one ASGI call."""
        if scope["type"] != "http":
            await self._app(scope, receive, send)
            return
        send = self._dated(send)
        self._sandbox.stats.requests += 1
        if scope["path"].rstrip("/") == TOKEN_PATH:
            # Where a client exchanges its id and secret for a token: no token needed.
            scope = {**scope, "path": TOKEN_PATH, "raw_path": TOKEN_PATH.encode()}
            await self._serve_with_faults(TOKEN_PATH, scope, receive, send)
            return
        if not self._authorised(scope):
            self._sandbox.stats.refused_tokens += 1
            response = _error_response(401, "Unauthenticated.")
            response.headers["WWW-Authenticate"] = "Bearer"
            await response(scope, receive, send)
            return
        self._sandbox.state.settle()
        path: str = scope["path"]
        if path.startswith(PIGGY_PREFIX + "/") or path == PIGGY_PREFIX:
            # Laravel trims trailing slashes before it matches a route: Piggy serves the
            # SDK's `/vouchers/{uuid}/lock/` as `/vouchers/{uuid}/lock`.
            path = path.rstrip("/")
            scope = {**scope, "path": path}
            if isinstance(scope.get("raw_path"), bytes):
                scope["raw_path"] = scope["raw_path"].rstrip(b"/")
            await self._serve_with_faults(path.removeprefix(PIGGY_PREFIX), scope, receive, send)
        else:
            await self._app(scope, receive, send)

    def _dated(self, send: Send) -> Send:
        """Every answer's ``Date`` header tells the sandbox's time (its clock can be moved
        by tests), as Piggy's tells Piggy's."""

        async def send_dated(message: Message) -> None:
            if message["type"] == "http.response.start":
                now = format_datetime(self._sandbox.state.clock.now(), usegmt=True).encode()
                headers = [(k, v) for k, v in message.get("headers", []) if k.lower() != b"date"]
                message = {**message, "headers": [*headers, (b"date", now)]}
            await send(message)

        return send_dated

    def _authorised(self, scope: Scope) -> bool:
        for name, value in scope["headers"]:
            if name == b"authorization":
                scheme, _, given = value.partition(b" ")
                if scheme.lower() != b"bearer":
                    return False
                return hmac.compare_digest(
                    given.strip(), self._token
                ) or self._sandbox.oauth.accepts(given.strip())
        return False

    async def _serve_with_faults(
        self, path: str, scope: Scope, receive: Receive, send: Send
    ) -> None:
        """Serve a Piggy request with the faults it takes (see `faults.Fault` for the order)."""
        decision = self._sandbox.faults.take(scope["method"], path)
        fault = decision.fault
        if decision.delay:
            await asyncio.sleep(decision.delay)
            still_there = await _unless_gone(receive)
            if still_there is None:
                return  # The client gave up on the way in: Piggy never got the request.
            receive = still_there
        if fault is not None and fault.kind is FaultKind.WRONG_VOUCHER:
            scope, fault = asked_for_another_code(scope, fault), None
        if fault is not None and not fault.after_commit:
            # Nothing is processed, so nothing to be late after: all the waiting is one.
            if decision.late_delay:
                await asyncio.sleep(decision.late_delay)
            await _answer_with_fault(fault, scope, receive, send)
            return
        if fault is None and not decision.late_delay:
            await self._app(scope, receive, send)
            return
        # Commit now and hold the answer: it is sent late, or replaced by the fault.
        held = _HeldAnswer()
        await self._app(scope, receive, held.hold)
        if decision.late_delay:
            await asyncio.sleep(decision.late_delay)
        if fault is None:
            await held.send_to(send)  # dropped by the server if the client has gone.
        elif fault.kind in _HOSTILE:
            await send_hostile(fault, receive, send, held.messages)
        else:
            await _answer_with_fault(fault, scope, receive, send)


async def _unless_gone(receive: Receive) -> Receive | None:
    """Return None when the client has disconnected, else a `receive` that still has it all.

    Asking the server is the only way to know, and it answers with the first message of
    the request body, which the returned `receive` hands out again before the rest.
    """
    first = await receive()
    if first["type"] == "http.disconnect":
        return None
    replayed = False

    async def replay() -> Message:
        nonlocal replayed
        if replayed:
            return await receive()
        replayed = True
        return first

    return replay


class _HeldAnswer:
    """The ASGI messages of an answer, kept to be sent later or never."""

    def __init__(self) -> None:
        self._messages: list[Message] = []

    @property
    def messages(self) -> list[Message]:
        """The kept messages, in order."""
        return list(self._messages)

    async def hold(self, message: Message) -> None:
        """Keep a message instead of sending it (an ASGI `send`)."""
        self._messages.append(message)

    async def send_to(self, send: Send) -> None:
        """Send the kept messages, in order."""
        for message in self._messages:
            await send(message)


_HOSTILE = frozenset({FaultKind.TRICKLE, FaultKind.ENDLESS_BODY})


async def _answer_with_fault(fault: Fault, scope: Scope, receive: Receive, send: Send) -> None:
    if fault.kind is FaultKind.DROP:
        await _drop_connection(scope, receive)
        return
    if fault.kind in _HOSTILE:
        await send_hostile(fault, receive, send, [])
        return
    response: Response
    match fault.kind:
        case FaultKind.STATUS:
            status = fault.status or HTTPStatus.SERVICE_UNAVAILABLE
            response = _error_response(status, status_message(status))
            if status == HTTPStatus.TOO_MANY_REQUESTS:
                response.headers["Retry-After"] = str(fault.retry_after or 1)
        case FaultKind.MAINTENANCE:
            response = _error_response(
                HTTPStatus.SERVICE_UNAVAILABLE, status_message(HTTPStatus.SERVICE_UNAVAILABLE)
            )
            if fault.retry_after is not None:
                response.headers["Retry-After"] = str(fault.retry_after)
        case FaultKind.HTML:
            status = fault.status or HTTPStatus.BAD_GATEWAY
            response = HTMLResponse(gateway_page(status), status_code=status)
        case FaultKind.BROKEN_JSON:
            response = Response(_BROKEN_JSON, fault.status or 200, media_type="application/json")
        case FaultKind.EMPTY_BODY:
            response = Response(b"", fault.status or 200, media_type="application/json")
        case FaultKind.NO_DATA:
            response = JSONResponse({"meta": []}, fault.status or 200)
        case _:
            raise ValueError(f"a {fault.kind} fault does not replace an answer")
    await response(scope, receive, send)


async def _drop_connection(scope: Scope, receive: Receive) -> None:
    """Close the socket without an answer; wait until the server knows, so it adds none."""
    transport = scope.get("extensions", {}).get(TRANSPORT_EXTENSION)
    if not isinstance(transport, asyncio.BaseTransport):
        raise RuntimeError("a drop fault needs the sandbox's own server (see server.py)")
    transport.close()
    while (await receive())["type"] != "http.disconnect":
        pass


class _PiggyEndpoints:
    """The Piggy API, one method per documented call."""

    def __init__(self, sandbox: Sandbox) -> None:
        self._sandbox = sandbox

    def routes(self) -> list[BaseRoute]:
        """Return the routes, relative to `PIGGY_PREFIX`."""
        return [
            _route("/vouchers", {"GET": self.list_vouchers, "POST": self.create_voucher}),
            _route("/vouchers/batch", {"POST": self.create_batch}),
            _route("/vouchers/find", {"GET": self.find_voucher}),
            _route("/vouchers/redeem", {"POST": self.redeem}),
            _route("/vouchers/multi-redeem", {"POST": self.multi_redeem}),
            _route("/vouchers/update/{uuid}", {"PUT": self.update_voucher}),
            # The official SDK's Models/Vouchers/Voucher::update puts to /vouchers/{uuid}.
            _route("/vouchers/{uuid}", {"PUT": self.update_voucher}),
            _route("/vouchers/{uuid}/lock", {"POST": self.lock_voucher}),
            _route("/vouchers/{uuid}/release", {"POST": self.release_voucher}),
            _route("/vouchers/{uuid}/reverse", {"POST": self.reverse}),
            _route("/promotions", {"GET": self.list_promotions, "POST": self.create_promotion}),
            _route("/promotions/{uuid}", {"GET": self.get_promotion}),
            _route("/contacts/find-one-by", {"GET": self.find_contact}),
            _route("/contacts/find-or-create", {"GET": self.find_or_create_contact}),
            _route("/contacts", {"GET": self.list_contacts, "POST": self.create_contact}),
            _route("/contacts/{uuid}", {"GET": self.get_contact}),
            _route("/contact-identifiers/find", {"GET": self.find_identifier}),
            _route("/shops", {"GET": self.list_shops}),
            _route("/shops/{uuid}", {"GET": self.get_shop}),
        ]

    @property
    def _state(self) -> SandboxState:
        # Looked up on every request: a reset replaces the state.
        return self._sandbox.state

    # Vouchers

    async def list_vouchers(self, request: Request) -> Response:
        fields = Fields(await read_input(request))
        promotion_uuid = fields.text("promotion_uuid")
        contact_uuid = fields.text("contact_uuid")
        status = fields.choice("status", [status.value for status in VoucherStatus])
        limit = fields.integer("limit", minimum=0, maximum=VOUCHER_PAGE_MAX)
        page = fields.integer("page", minimum=1)
        fields.check()
        vouchers = self._state.vouchers(
            promotion_uuid=promotion_uuid,
            contact_uuid=contact_uuid,
            status=VoucherStatus(status) if status is not None else None,
        )
        query = [(key, value) for key, value in request.query_params.multi_items() if key != "page"]
        return JSONResponse(
            voucher_page_json(
                vouchers,
                self._sandbox.clock.now(),
                page=page or 1,
                limit=VOUCHER_PAGE_DEFAULT if limit is None else limit,
                path=str(request.url.replace(query="")),
                query=query,
            )
        )

    async def create_voucher(self, request: Request) -> Response:
        fields = Fields(await read_input(request))
        promotion_uuid = fields.required_text("promotion_uuid")
        spec = _read_voucher_spec(fields, one_voucher=True)
        fields.check()
        return self._voucher(self._state.create_voucher(promotion_uuid, spec))

    async def create_batch(self, request: Request) -> Response:
        fields = Fields(await read_input(request))
        promotion_uuid = fields.required_text("promotion_uuid")
        quantity = fields.required_integer("quantity", minimum=1, maximum=500)
        spec = _read_voucher_spec(fields, one_voucher=False)
        fields.check()
        job = self._state.create_batch(promotion_uuid, quantity, spec)
        if self._state.batch_answer == "sentence":
            return _ok([BATCH_STARTED])
        return _ok(batch_json(job))

    async def find_voucher(self, request: Request) -> Response:
        fields = Fields(await read_input(request))
        code = fields.required_text("code")
        fields.check()
        return self._voucher(self._state.voucher_by_code(code))

    async def update_voucher(self, request: Request) -> Response:
        fields = Fields(await read_input(request))
        status = fields.required_choice("status", ["ACTIVE", "DEACTIVATED"])
        custom_attributes = fields.attributes("custom_attributes")
        fields.check()
        voucher = self._state.update_voucher(
            request.path_params["uuid"],
            deactivated=status == "DEACTIVATED",
            custom_attributes=custom_attributes,
        )
        return self._voucher(voucher)

    async def lock_voucher(self, request: Request) -> Response:
        voucher, lock = self._state.lock_voucher(request.path_params["uuid"])
        return _ok(lock_result_json(voucher, lock, self._sandbox.clock.now()))

    async def release_voucher(self, request: Request) -> Response:
        fields = Fields(await read_input(request))
        release_key = fields.required_text("release_key")
        fields.check()
        voucher, lock = self._state.release_voucher(request.path_params["uuid"], release_key)
        return _ok(lock_result_json(voucher, lock, self._sandbox.clock.now()))

    async def redeem(self, request: Request) -> Response:
        fields = Fields(await read_input(request))
        code = fields.required_text("code")
        contact_uuid = fields.text("contact_uuid")
        release_key = fields.text("release_key")
        shop_uuid = fields.text("shop_uuid")
        fields.check()
        voucher, _ = self._state.redeem(
            code, contact_uuid=contact_uuid, release_key=release_key, shop_uuid=shop_uuid
        )
        return self._voucher(voucher)

    async def multi_redeem(self, request: Request) -> Response:
        fields = Fields(await read_input(request))
        code = fields.required_text("code")
        times = fields.required_integer("number_of_times", minimum=1, maximum=50)
        shop_uuid = fields.required_text("shop_uuid")
        contact_uuid = fields.text("contact_uuid")
        release_key = fields.text("release_key")
        fields.check()
        voucher, redemptions = self._state.redeem(
            code,
            times=times,
            multi=True,
            contact_uuid=contact_uuid,
            release_key=release_key,
            shop_uuid=shop_uuid,
        )
        return _ok(multi_redeem_json(voucher, redemptions, self._sandbox.clock.now()))

    async def reverse(self, request: Request) -> Response:
        return self._voucher(self._state.reverse(request.path_params["uuid"]))

    # Promotions

    async def list_promotions(self, request: Request) -> Response:
        # The official SDK pages with `page` and `limit` (30 unless told); the answer keeps
        # the documented `"meta": []`, so a short or empty page is how a client sees the end.
        fields = Fields(await read_input(request))
        page = fields.integer("page", minimum=1) or 1
        limit = fields.integer("limit", minimum=1, maximum=PROMOTION_PAGE_MAX)
        fields.check()
        size = PROMOTION_PAGE_DEFAULT if limit is None else limit
        shown = self._state.promotions()[(page - 1) * size : page * size]
        return _ok([promotion_json(promotion) for promotion in shown])

    async def create_promotion(self, request: Request) -> Response:
        fields = Fields(await read_input(request))
        name = fields.required_text("name")
        description = fields.required_text("description")
        voucher_limit = fields.integer("voucher_limit", minimum=0)
        limit_per_contact = fields.integer("limit_per_contact", minimum=0)
        expiration_duration = fields.integer("expiration_duration", minimum=0)
        uses = _read_uses_per_voucher(fields)
        fields.check()
        promotion = self._state.create_promotion(
            name=name,
            description=description,
            voucher_limit=voucher_limit,
            limit_per_contact=limit_per_contact,
            expiration_duration=expiration_duration,
            redemptions_per_voucher=uses,
        )
        return _ok(promotion_json(promotion))

    async def get_promotion(self, request: Request) -> Response:
        return _ok(promotion_json(self._state.get_promotion(request.path_params["uuid"])))

    # Contacts

    async def find_contact(self, request: Request) -> Response:
        fields = Fields(await read_input(request))
        email = fields.required_text("email")
        fields.check()
        return _ok(contact_json(self._state.find_contact_by_email(email)))

    async def find_or_create_contact(self, request: Request) -> Response:
        fields = Fields(await read_input(request))
        email = fields.required_email("email")
        fields.check()
        return _ok(contact_json(self._state.find_or_create_contact(email)))

    async def create_contact(self, request: Request) -> Response:
        fields = Fields(await read_input(request))
        email = fields.required_email("email")
        fields.text("referral_code")  # Accepted and checked; the sandbox has no referrals.
        fields.check()
        return _ok(contact_json(self._state.create_contact(email)))

    async def get_contact(self, request: Request) -> Response:
        return _ok(contact_json(self._state.get_contact(request.path_params["uuid"])))

    async def list_contacts(self, request: Request) -> Response:
        fields = Fields(await read_input(request))
        page = fields.integer("page", minimum=1)
        limit = fields.integer("limit", minimum=1, maximum=CONTACT_PAGE_MAX)
        fields.check()
        return JSONResponse(
            contact_page_json(
                self._state.contacts(),
                page=page or 1,
                limit=limit or CONTACT_PAGE_DEFAULT,
            )
        )

    async def find_identifier(self, request: Request) -> Response:
        fields = Fields(await read_input(request))
        value = fields.required_text("contact_identifier_value")
        fields.check()
        return _ok(identifier_json(self._state.find_identifier(value)))

    # Shops

    async def list_shops(self, request: Request) -> Response:
        return _ok([shop_json(shop) for shop in self._state.shops()])

    async def get_shop(self, request: Request) -> Response:
        shop = self._state.get_shop(request.path_params["uuid"])
        if shop is None:
            # No error code is published for an unknown shop: Laravel's plain 404.
            return _error_response(HTTPStatus.NOT_FOUND, "Shop not found.")
        return _ok(shop_json(shop))

    def _voucher(self, voucher: Voucher) -> Response:
        return _ok(voucher_json(voucher, self._sandbox.clock.now()))


class _ControlEndpoints:
    """The control surface for tests and training, under `/_sandbox`."""

    def __init__(self, sandbox: Sandbox) -> None:
        self._sandbox = sandbox

    def routes(self) -> list[BaseRoute]:
        """Return the routes, relative to `CONTROL_PREFIX`."""
        return [
            _route("/reset", {"POST": self.reset}),
            _route("/clock", {"GET": self.clock, "POST": self.advance_clock}),
            _route(
                "/faults", {"GET": self.faults, "POST": self.add_fault, "DELETE": self.clear_faults}
            ),
            _route("/settings", {"POST": self.settings}),
            _route("/vouchers/bulk", {"POST": self.add_vouchers}),
            _route("/vouchers/{code}", {"GET": self.voucher_state}),
            _route("/stats", {"GET": self.stats}),
        ]

    async def reset(self, request: Request) -> Response:
        self._sandbox.reset()
        return self._now()

    async def clock(self, request: Request) -> Response:
        return self._now()

    async def advance_clock(self, request: Request) -> Response:
        fields = Fields(await read_input(request))
        seconds = fields.required_number("advance_seconds", maximum=MAX_ADVANCE_SECONDS)
        fields.check()
        try:
            self._sandbox.advance_clock(seconds)
        except ValueError as error:
            raise invalid_input("advance_seconds", f"{str(error).capitalize()}.") from None
        return self._now()

    async def faults(self, request: Request) -> Response:
        return self._armed()

    async def add_fault(self, request: Request) -> Response:
        self._sandbox.add_fault(parse_fault(await read_input(request)))
        return self._armed()

    async def clear_faults(self, request: Request) -> Response:
        self._sandbox.faults.clear()
        return self._armed()

    async def settings(self, request: Request) -> Response:
        fields = Fields(await read_input(request))
        delay = fields.number("batch_delay_seconds", maximum=MAX_BATCH_DELAY_SECONDS)
        token_seconds = fields.integer("access_token_seconds", minimum=1, maximum=MAX_TOKEN_SECONDS)
        fields.check()
        if delay is not None:
            self._sandbox.set_batch_delay(delay)
        if token_seconds is not None:
            self._sandbox.oauth.set_token_seconds(token_seconds)
        return JSONResponse(
            {
                "batch_delay_seconds": self._sandbox.state.batch_delay_seconds,
                "access_token_seconds": self._sandbox.oauth.token_seconds,
            }
        )

    async def voucher_state(self, request: Request) -> Response:
        return JSONResponse(self._sandbox.voucher_state(request.path_params["code"]))

    async def add_vouchers(self, request: Request) -> Response:
        fields = Fields(await read_input(request))
        count = fields.required_integer("count", minimum=1, maximum=MAX_BULK_VOUCHERS)
        promotion_uuid = fields.text("promotion_uuid")
        fields.check()
        self._sandbox.add_vouchers(count, promotion_uuid)
        return JSONResponse({"added": count})

    async def stats(self, request: Request) -> Response:
        return JSONResponse(self._sandbox.stats_json())

    def _now(self) -> Response:
        return JSONResponse({"now": iso(self._sandbox.clock.now())})

    def _armed(self) -> Response:
        return JSONResponse({"faults": [fault.as_json() for fault in self._sandbox.faults.armed()]})


def _token_endpoint(sandbox: Sandbox) -> Endpoint:
    """`POST /oauth/token`: an access token for a client's id and secret (see `oauth`)."""

    async def token(request: Request) -> Response:
        try:
            return JSONResponse(sandbox.oauth.issue(await read_input(request)))
        except TokenRefusal as refusal:
            return JSONResponse(refusal.body(), refusal.status)

    return token


def _route(path: str, handlers: Mapping[str, Endpoint]) -> Route:
    """Return one route for every method a path has, so a 405 lists them all."""

    async def dispatch(request: Request) -> Response:
        method = "GET" if request.method == "HEAD" else request.method
        return await handlers[method](request)

    return Route(path, dispatch, methods=list(handlers))


def _read_voucher_spec(fields: Fields, *, one_voucher: bool) -> VoucherSpec:
    """Read the options for new vouchers; a batch has no code or redemption count of its own."""
    return VoucherSpec(
        code=fields.text("code", min_length=1) if one_voucher else None,
        total_redemptions_allowed=(
            fields.integer("total_redemptions_allowed", minimum=1) if one_voucher else None
        ),
        contact_uuid=fields.text("contact_uuid"),
        activation_date=fields.moment("activation_date"),
        expiration_date=fields.moment("expiration_date"),
        custom_attributes=fields.attributes("custom_attributes"),
    )


def _read_uses_per_voucher(fields: Fields) -> int:
    """A new promotion's uses per voucher from `type` and `redemptions_per_voucher` (the
    official SDK sends both): SINGLE_USE is 1, MULTI_USE needs 2 or more, and without a
    type the number decides. Neither given: single use."""
    kind = fields.choice("type", [PROMOTION_SINGLE_USE, PROMOTION_MULTI_USE])
    uses = fields.integer("redemptions_per_voucher", minimum=1)
    if kind == PROMOTION_SINGLE_USE and uses not in (None, 1):
        fields.fail(
            "redemptions_per_voucher",
            "The redemptions per voucher field must be 1 when type is SINGLE_USE.",
        )
    if kind == PROMOTION_MULTI_USE and uses is None:
        fields.fail(
            "redemptions_per_voucher",
            "The redemptions per voucher field is required when type is MULTI_USE.",
        )
    if kind == PROMOTION_MULTI_USE and uses == 1:
        fields.fail(
            "redemptions_per_voucher",
            "The redemptions per voucher field must be at least 2 when type is MULTI_USE.",
        )
    return uses or 1


def _ok(data: object) -> JSONResponse:
    return JSONResponse(envelope(data))


def _error_response(status: int, message: str) -> JSONResponse:
    return JSONResponse({"message": message, "code": status, "status_code": status}, status)


async def _on_piggy_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, PiggyError)
    return JSONResponse(exc.body(), status_code=400)


async def _on_http_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, HTTPException)
    path = request.url.path.lstrip("/")
    if exc.status_code == HTTPStatus.NOT_FOUND:
        message = f"The route {path} could not be found."
    elif exc.status_code == HTTPStatus.METHOD_NOT_ALLOWED:
        allowed = (exc.headers or {}).get("Allow", "")
        message = (
            f"The {request.method} method is not supported for route {path}. "
            f"Supported methods: {allowed}."
        )
    else:
        message = status_message(exc.status_code)
    response = _error_response(exc.status_code, message)
    response.headers.update(exc.headers or {})
    return response


async def _on_unexpected_error(request: Request, exc: Exception) -> Response:
    # Starlette logs the exception after this answer: a bug in the sandbox still answers JSON.
    return _error_response(500, "Server Error")
