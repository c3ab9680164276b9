"""A cache of successful GET /api/ answers, dropped whenever the database file changes.

Read requests vastly outnumber writes, and an answer depends only on the URL and the stored
data. On SQLite every committed write changes the database or its write-ahead log, so their
sizes and modification times are a cheap version stamp (two ``stat`` calls per request): a
cached answer is never older than the data it was computed from. Other backends are not
cached (their data can change without this process seeing a file change).
"""

from __future__ import annotations

import os
import re
from collections import OrderedDict
from collections.abc import Callable
from typing import Any
from urllib.parse import parse_qsl, urlencode

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from pactwatch.store.database import sqlite_path

MAX_ENTRIES = 1024
MAX_BODY = 1024 * 1024  # larger answers are not kept


def query_names_by_path(schema: dict[str, Any]) -> list[tuple[re.Pattern[str], frozenset[str]]]:
    """From an OpenAPI schema: each GET path (as a pattern) and the query parameters it reads."""
    found = []
    for template, operations in schema.get("paths", {}).items():
        get = operations.get("get")
        if get is None:
            continue
        pattern = re.compile("^" + re.sub(r"\\\{[^/]+?\\\}", "[^/]+", re.escape(template)) + "$")
        names = frozenset(p["name"] for p in get.get("parameters", []) if p.get("in") == "query")
        found.append((pattern, names))
    return found


class ReadCacheMiddleware:
    """The key of an answer is its path and only the query parameters its route reads, in a
    fixed order: parameters the route ignores cannot make each request a miss (unbounded
    uncached work), and a path no route serves is not cached at all."""

    def __init__(self, app: ASGIApp, db_url: str, schema: Callable[[], dict[str, Any]] | None = None) -> None:
        self.app = app
        self.schema = schema  # the app's OpenAPI schema, read on the first request
        self.routes: list[tuple[re.Pattern[str], frozenset[str]]] | None = None
        path = sqlite_path(db_url)
        self.files = [] if path in (None, ":memory:") else [path, path + "-wal"]
        self.entries: OrderedDict[bytes, tuple[int, list[tuple[bytes, bytes]], bytes]] = OrderedDict()
        self.stamp: tuple[int, ...] | None = None

    def _current_stamp(self) -> tuple[int, ...]:
        stamp: list[int] = []
        for name in self.files:
            try:
                info = os.stat(name)
            except OSError:
                stamp += [-1, -1]
            else:
                stamp += [info.st_mtime_ns, info.st_size]
        return tuple(stamp)

    def _key(self, path: str, query: bytes) -> bytes | None:
        if self.schema is None:
            return path.encode() + b"?" + query
        if self.routes is None:
            self.routes = query_names_by_path(self.schema())
        for pattern, names in self.routes:
            if pattern.match(path):
                pairs = [(k, v) for k, v in parse_qsl(query.decode("latin-1"), keep_blank_values=True) if k in names]
                pairs.sort(key=lambda kv: kv[0])  # stable: repeated values keep their order
                return path.encode() + b"?" + urlencode(pairs).encode("latin-1")
        return None

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        path: str = scope.get("path", "") if scope["type"] == "http" else ""
        if not self.files or scope.get("method") != "GET" or not path.startswith("/api/") \
                or path.startswith("/api/ingest"):
            await self.app(scope, receive, send)
            return
        stamp = self._current_stamp()
        if stamp != self.stamp:
            self.entries.clear()
            self.stamp = stamp
        key = self._key(path, scope.get("query_string", b""))
        if key is None:
            await self.app(scope, receive, send)
            return
        cached = self.entries.get(key)
        if cached is not None:
            self.entries.move_to_end(key)
            status, headers, body = cached
            await send({"type": "http.response.start", "status": status, "headers": headers})
            await send({"type": "http.response.body", "body": body})
            return
        started: dict[str, Any] = {}
        parts: list[bytes] = []

        async def keep(message: Message) -> None:
            if message["type"] == "http.response.start":
                started.update(message)
            elif message["type"] == "http.response.body":
                parts.append(message.get("body", b""))
                if not message.get("more_body") and started.get("status") == 200:
                    body = b"".join(parts)
                    if len(body) <= MAX_BODY and self._current_stamp() == stamp:
                        self.entries[key] = (200, list(started.get("headers", [])), body)
                        if len(self.entries) > MAX_ENTRIES:
                            self.entries.popitem(last=False)
            await send(message)

        await self.app(scope, receive, keep)
