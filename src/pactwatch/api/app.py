"""The pactwatch web app: the JSON API under ``/api/`` and the page at ``/`` that reads only it."""

from __future__ import annotations

import threading
import time
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from importlib import resources
from pathlib import Path
from typing import Any

from fastapi import FastAPI
from fastapi.middleware.cors import CORSMiddleware
from starlette.responses import FileResponse, Response
from starlette.staticfiles import StaticFiles
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from pactwatch import __version__
from pactwatch.api import pacts_view, routes_actors, routes_articles, routes_facts, routes_ingest, routes_pacts
from pactwatch.api.common import Json
from pactwatch.api.errors import CatchAllMiddleware, RejectNulMiddleware, install_error_handlers
from pactwatch.api.pool import DEFAULT_READERS, DatabasePool
from pactwatch.api.read_cache import ReadCacheMiddleware
from pactwatch.labels import Names

MIB = 1024 * 1024
STATIC_DIR = Path(str(resources.files("pactwatch.api") / "static"))

# The page loads only its own files; nothing inline, no framing, no plugins.
CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self';"
    " object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'"
)
SECURITY_HEADERS = [
    (b"content-security-policy", CSP.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
    (b"x-frame-options", b"DENY"),
    (b"cross-origin-opener-policy", b"same-origin"),
]


class SecurityHeadersMiddleware:
    """Adds the security headers to every HTTP response, errors included."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = [h for h in message.get("headers", []) if h[0].lower() not in dict(SECURITY_HEADERS)]
                message = {**message, "headers": headers + SECURITY_HEADERS}
            await send(message)

        await self.app(scope, receive, send_with_headers)


class AppState:
    """Resources one app owns: the connection pool, names, ingest settings, the annotator."""

    def __init__(self, pool: DatabasePool, names: Names, ingest: routes_ingest.IngestConfig) -> None:
        self.pool = pool
        self.names = names
        self.ingest = ingest
        self._checked_at = 0.0
        self._engine: Any = None
        self._engine_lock = threading.Lock()

    def refresh_commitments(self, max_age: float = 2.0) -> None:
        """Bring the commitment graph up to date with the stored reports (another process may have
        ingested); checked at most every ``max_age`` seconds, through the one writer."""
        now = time.monotonic()
        if now - self._checked_at < max_age:
            return
        from pactwatch.pacts.graph import ensure_current

        with self.pool.writer() as db:
            ensure_current(db)
        self._checked_at = now

    def engine(self) -> Any:
        """The in-process NLP engine, loaded on the first annotated upload (spaCy takes seconds)."""
        with self._engine_lock:
            if self._engine is None:
                from pactwatch.nlp.engines import LocalEngine
                from pactwatch.nlp.pipeline import PipelineConfig

                self._engine = LocalEngine(PipelineConfig())
            return self._engine


def create_app(db_url: str, ingest_token: str | None = None, max_upload_bytes: int = 10 * MIB,
               cors_origins: list[str] | None = None, readers: int = DEFAULT_READERS) -> FastAPI:
    """The app over one database. Opening it applies migrations; closing happens on shutdown."""
    pool = DatabasePool(db_url, readers)
    state = AppState(pool, Names(), routes_ingest.IngestConfig(ingest_token or None, max_upload_bytes))

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        yield
        pool.close()

    app = FastAPI(
        title="pactwatch",
        version=__version__,
        description="Articles, actors, quotes, CAMEO events and commitments between states, each linked"
        " to the sentence it came from.",
        # FastAPI's own docs pages load Swagger UI from a CDN: we serve our own page instead
        docs_url=None,
        redoc_url=None,
        openapi_url="/api/openapi.json",
        lifespan=lifespan,
    )
    # attribute-wise so request.app.state.pool etc. work in routes
    app.state.pool = pool
    app.state.names = state.names
    app.state.ingest = state.ingest
    app.state.engine = state.engine
    app.state.refresh_commitments = state.refresh_commitments
    app.state.graph_cache = pacts_view.ResponseCache()

    install_error_handlers(app)
    for module in (routes_articles, routes_facts, routes_pacts, routes_actors, routes_ingest):
        app.include_router(module.router, prefix="/api")

    @app.get("/api", response_class=Json, include_in_schema=False)
    def api_index() -> Json:
        return Json({"name": "pactwatch", "version": __version__, "openapi": "/api/openapi.json",
                     "docs": "/api/docs"})

    @app.get("/api/docs", include_in_schema=False)
    def docs() -> Response:
        return FileResponse(STATIC_DIR / "docs.html", media_type="text/html; charset=utf-8")

    @app.get("/", include_in_schema=False)
    def index() -> Response:
        return FileResponse(STATIC_DIR / "index.html", media_type="text/html; charset=utf-8")

    app.mount("/static", StaticFiles(directory=STATIC_DIR), name="static")

    # outermost last: headers go on everything, CORS only when origins were configured
    app.add_middleware(ReadCacheMiddleware, db_url=db_url, schema=app.openapi)
    app.add_middleware(RejectNulMiddleware)
    app.add_middleware(CatchAllMiddleware)
    if cors_origins:
        app.add_middleware(CORSMiddleware, allow_origins=list(cors_origins), allow_methods=["GET", "POST"],
                           allow_headers=["Authorization", "Content-Type"])
    app.add_middleware(SecurityHeadersMiddleware)
    return app


SERVE_ENV = {"db": "PACTWATCH_SERVE_DB", "token": "PACTWATCH_INGEST_TOKEN",
             "max_upload": "PACTWATCH_SERVE_MAX_UPLOAD", "cors": "PACTWATCH_SERVE_CORS"}


def app_from_environment() -> FastAPI:
    """Factory for uvicorn's multi-process mode (``serve --workers N``): each worker process
    builds its own app, so the settings travel in environment variables, not arguments."""
    import json
    import os

    return create_app(
        os.environ[SERVE_ENV["db"]],
        ingest_token=os.environ.get(SERVE_ENV["token"]) or None,
        max_upload_bytes=int(os.environ.get(SERVE_ENV["max_upload"], 10 * MIB)),
        cors_origins=json.loads(os.environ.get(SERVE_ENV["cors"], "[]")),
    )
