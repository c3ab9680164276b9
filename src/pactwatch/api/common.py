"""What every route module shares: the per-request connection, parameter checks, JSON replies."""

from __future__ import annotations

import json
import re
from collections.abc import AsyncIterator
from dataclasses import dataclass
from datetime import date
from typing import Annotated, Any

from fastapi import Depends, Query, Request
from starlette.responses import Response

from pactwatch.api.errors import ApiError
from pactwatch.labels import Names
from pactwatch.store import Database

MAX_LIMIT = 500
# ``min_confidence=``: the listings' threshold (pactwatch.nlp.confidence), as the CLI's --min-confidence.
MinConfidence = Annotated[float, Query(
    ge=0.0, le=1.0, description="Hide facts read with less confidence than this (0-1; 0 shows everything;"
                                " rows stored before confidence was recorded are always shown).")]
_CODE = re.compile(r"^[A-Za-z0-9]{2,15}$")


class Json(Response):
    """JSON without FastAPI's encoder pass (rows are plain dicts already): keeps reads fast."""

    media_type = "application/json"

    def render(self, content: Any) -> bytes:
        return json.dumps(content, ensure_ascii=False, separators=(",", ":"), default=str).encode("utf-8")


class LazyDb:
    """A request's database handle: a pooled connection taken on first use, in the endpoint's
    worker thread (where waiting is harmless), and given back when the request ends.

    Dependencies with blocking work would each cost a trip through the thread pool; this keeps
    every read request to one (the endpoint's own)."""

    def __init__(self, pool: Any, before_first_use: Any = None) -> None:
        self._pool = pool
        self._before = before_first_use
        self._db: Database | None = None

    def __getattr__(self, name: str) -> Any:
        if self._db is None:
            if self._before is not None:
                self._before()
            self._db = self._pool.acquire()
        return getattr(self._db, name)

    def release(self) -> None:
        if self._db is not None:
            self._pool.release(self._db)
            self._db = None


async def reader_db(request: Request) -> AsyncIterator[Database]:
    handle = LazyDb(request.app.state.pool)
    try:
        yield handle  # type: ignore[misc]
    finally:
        handle.release()


ReaderDb = Annotated[Database, Depends(reader_db)]


@dataclass(frozen=True)
class Page:
    limit: int
    offset: int


async def paging(
    limit: Annotated[int, Query(ge=1, le=MAX_LIMIT, description="At most this many items.")] = 50,
    offset: Annotated[int, Query(ge=0, le=10_000_000, description="Skip this many first.")] = 0,
) -> Page:
    return Page(limit, offset)


Paging = Annotated[Page, Depends(paging)]


def check_date(value: str | None, name: str) -> str | None:
    """A YYYY-MM-DD parameter as an ISO string, or a 400 naming the parameter."""
    if value is None or value == "":
        return None
    try:
        return date.fromisoformat(value).isoformat() if len(value) == 10 else _bad_date(value, name)
    except ValueError:
        return _bad_date(value, name)


def _bad_date(value: str, name: str) -> str:
    raise ApiError(400, f"{name}: {value[:40]!r} is not a date; use YYYY-MM-DD")


def on_date(value: str | None, name: str = "on") -> str:
    """The date a question about commitments is asked for; today when not given."""
    return check_date(value, name) or date.today().isoformat()


def check_code(value: str | None, name: str) -> str | None:
    """An actor code (RUS, PRKGOV, NATO): letters and digits only, returned upper-case."""
    if value is None or value == "":
        return None
    if not _CODE.match(value):
        raise ApiError(400, f"{name}: {value[:40]!r} is not an actor code (2-15 letters or digits, e.g. RUS)")
    return value.upper()


def check_text(value: str | None, name: str, max_len: int = 200) -> str | None:
    if value is None or value.strip() == "":
        return None
    if len(value) > max_len:
        raise ApiError(400, f"{name}: longer than {max_len} characters")
    return value.strip()


async def names_of(request: Request) -> Names:
    return request.app.state.names


AppNames = Annotated[Names, Depends(names_of)]


def listing(items: list[dict[str, Any]], page: Page, total: int | None = None, **extra: Any) -> dict[str, Any]:
    body: dict[str, Any] = {"items": items, "limit": page.limit, "offset": page.offset}
    if total is not None:
        body["total"] = total
    body.update(extra)
    return body
