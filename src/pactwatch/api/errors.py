"""One JSON error shape for every failure the API can give.

``{"error": {"status": 404, "code": "not_found", "message": "..."}}`` — for our own errors,
FastAPI's validation errors (sent as 400, not 422), unknown routes, wrong methods, oversized
uploads and unexpected exceptions (500, logged server-side, never a traceback to the client).
"""

from __future__ import annotations

import json
import logging
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.responses import JSONResponse
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from pactwatch.errors import NotFound, PactwatchError, UsageError

log = logging.getLogger("pactwatch.api")

CODES = {
    400: "bad_request",
    401: "unauthorized",
    403: "forbidden",
    404: "not_found",
    405: "method_not_allowed",
    413: "payload_too_large",
    415: "unsupported_media_type",
    500: "internal_error",
    503: "unavailable",
}


class ApiError(Exception):
    """Raised by routes for an error the client should see as-is."""

    def __init__(self, status: int, message: str, code: str | None = None,
                 headers: dict[str, str] | None = None) -> None:
        super().__init__(message)
        self.status = status
        self.code = code or CODES.get(status, "error")
        self.message = message
        self.headers = headers or {}


def error_body(status: int, message: str, code: str | None = None) -> dict[str, Any]:
    return {"error": {"status": status, "code": code or CODES.get(status, "error"), "message": message}}


def error_response(status: int, message: str, code: str | None = None,
                   headers: dict[str, str] | None = None) -> JSONResponse:
    return JSONResponse(error_body(status, message, code), status_code=status, headers=headers)


def _validation_message(exc: RequestValidationError) -> str:
    """'limit (query): Input should be less than or equal to 500; …' — short and specific."""
    parts = []
    for err in exc.errors():
        loc = [str(p) for p in err.get("loc", ()) if p not in ("query", "path", "body", "header")]
        where = ".".join(loc) or "request"
        kind = next((str(p) for p in err.get("loc", ()) if p in ("query", "path", "body", "header")), "")
        parts.append(f"{where}{f' ({kind})' if kind else ''}: {err.get('msg', 'invalid value')}")
    return "; ".join(parts) or "invalid request"


_STATUS_MESSAGES = {
    404: "no such resource",
    405: "method not allowed for this resource",
}


def install_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(ApiError)
    async def _api_error(request: Request, exc: ApiError) -> JSONResponse:
        return error_response(exc.status, exc.message, exc.code, exc.headers)

    @app.exception_handler(RequestValidationError)
    async def _validation(request: Request, exc: RequestValidationError) -> JSONResponse:
        return error_response(400, _validation_message(exc))

    @app.exception_handler(StarletteHTTPException)
    async def _http(request: Request, exc: StarletteHTTPException) -> JSONResponse:
        detail = exc.detail if isinstance(exc.detail, str) else None
        # Starlette's own 404/405 details are bare reason phrases; say something useful instead
        if detail in (None, "Not Found", "Method Not Allowed"):
            detail = _STATUS_MESSAGES.get(exc.status_code, "request failed")
        return error_response(exc.status_code, detail, headers=getattr(exc, "headers", None))

    @app.exception_handler(NotFound)
    async def _not_found(request: Request, exc: NotFound) -> JSONResponse:
        return error_response(404, str(exc))

    @app.exception_handler(UsageError)
    async def _usage(request: Request, exc: UsageError) -> JSONResponse:
        return error_response(400, str(exc))

    @app.exception_handler(PactwatchError)
    async def _domain(request: Request, exc: PactwatchError) -> JSONResponse:
        log.error("request %s %s failed: %s", request.method, request.url.path, exc)
        return error_response(500, "the server could not complete the request")


class CatchAllMiddleware:
    """Turns any exception that escaped the handlers into the JSON 500 shape.

    Starlette's ServerErrorMiddleware would answer with plain text and re-raise; this sits
    inside it, logs the traceback server-side and sends only a generic message.
    """

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = False

        async def tracking_send(message: Message) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
            await send(message)

        try:
            await self.app(scope, receive, tracking_send)
        except Exception:  # noqa: BLE001 - the point of this middleware
            log.exception("unhandled error on %s %s", scope.get("method"), scope.get("path"))
            if started:  # headers already went out: nothing sensible left to send
                return
            body = json.dumps(error_body(500, "internal server error")).encode()
            await send({"type": "http.response.start", "status": 500,
                        "headers": [(b"content-type", b"application/json"),
                                    (b"content-length", str(len(body)).encode())]})
            await send({"type": "http.response.body", "body": body})


class RejectNulMiddleware:
    """A NUL character in the path or a query parameter is a 400, before any handler sees it
    (PostgreSQL refuses NUL in text, which would otherwise surface as a 500)."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http" and (b"%00" in scope.get("query_string", b"")
                                        or "\x00" in scope.get("path", "")
                                        or b"%00" in (scope.get("raw_path") or b"")):
            await error_response(400, "NUL character in the request URL")(scope, receive, send)
            return
        await self.app(scope, receive, send)
