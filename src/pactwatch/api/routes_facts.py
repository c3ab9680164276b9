"""``/api/events`` and ``/api/quotes``: filtered listings with their source article and offsets.

Every filter value is a bound parameter; codes are checked to be letters/digits first, so a
bad value is a 400 that names it rather than an empty or surprising answer.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query

from pactwatch.api.common import (
    AppNames,
    Json,
    MinConfidence,
    Paging,
    ReaderDb,
    check_code,
    check_date,
    check_text,
    listing,
)
from pactwatch.api.errors import ApiError
from pactwatch.records import DEFAULT_MIN_CONFIDENCE
from pactwatch.store.events import page_events
from pactwatch.store.quotes import list_quotes

router = APIRouter(tags=["events and quotes"])

MAX_QUOTE_OFFSET = 10_000



def parse_dyad(value: str | None) -> tuple[str, str] | None:
    if value is None or value == "":
        return None
    parts = value.replace("–", "-").split("-")
    if len(parts) != 2:
        raise ApiError(400, f"dyad: {value[:40]!r} is not two actor codes like RUS-PRK")
    a, b = (check_code(p, "dyad") for p in parts)
    if a is None or b is None:
        raise ApiError(400, f"dyad: {value[:40]!r} is not two actor codes like RUS-PRK")
    return a, b


def cameo_code(value: str | None, name: str) -> str | None:
    if value is None or value == "":
        return None
    if not value.isdigit() or not 2 <= len(value) <= 4 or not value.isascii():
        raise ApiError(400, f"{name}: {value[:40]!r} is not a CAMEO code (2-4 digits, e.g. 042)")
    return value


@router.get("/events", response_class=Json, summary="CAMEO events with their evidence")
def events(
    db: ReaderDb,
    names: AppNames,
    page: Paging,
    actor: Annotated[str | None, Query(description="Source or target code (prefix: RUS matches RUSGOV).")] = None,
    dyad: Annotated[str | None, Query(description="Two codes, e.g. RUS-PRK: events between them, either way.")] = None,
    code: Annotated[str | None, Query(description="CAMEO code or its prefix, e.g. 04 or 042.")] = None,
    root: Annotated[str | None, Query(description="CAMEO root code, 01-20.")] = None,
    quad: Annotated[int | None, Query(ge=1, le=4, description="Quad class 1-4.")] = None,
    since: Annotated[str | None, Query(description="On or after (YYYY-MM-DD).")] = None,
    until: Annotated[str | None, Query(description="On or before (YYYY-MM-DD).")] = None,
    article: Annotated[int | None, Query(ge=1, le=2**62, description="Only this article's events.")] = None,
    min_confidence: MinConfidence = DEFAULT_MIN_CONFIDENCE,
) -> Json:
    rows, total = page_events(
        db, check_code(actor, "actor"), parse_dyad(dyad), cameo_code(code, "code"), cameo_code(root, "root"),
        quad, check_date(since, "since"), check_date(until, "until"), article, page.limit, page.offset,
        min_confidence=min_confidence,
    )
    for row in rows:
        row["name"] = names.event(row["cameo_code"])
    return Json(listing(rows, page, total))


@router.get("/quotes", response_class=Json, summary="Direct quotations with their speakers")
def quotes(
    db: ReaderDb,
    names: AppNames,
    page: Paging,
    speaker: Annotated[str | None, Query(description="Part of the speaker's name, case-insensitive.")] = None,
    actor: Annotated[str | None, Query(description="The speaker's actor code (prefix: RUS matches RUSGOV).")] = None,
    article: Annotated[int | None, Query(ge=1, le=2**62, description="Only this article's quotes.")] = None,
    since: Annotated[str | None, Query(description="Article published on or after (YYYY-MM-DD).")] = None,
    until: Annotated[str | None, Query(description="Article published on or before (YYYY-MM-DD).")] = None,
    text: Annotated[str | None, Query(description="Part of the quoted text, case-insensitive.")] = None,
    min_confidence: MinConfidence = DEFAULT_MIN_CONFIDENCE,
) -> Json:
    speaker, text = check_text(speaker, "speaker"), check_text(text, "text")
    actor = check_code(actor, "actor")
    since, until = check_date(since, "since"), check_date(until, "until")
    if page.offset > MAX_QUOTE_OFFSET:
        raise ApiError(400, f"offset: at most {MAX_QUOTE_OFFSET} for quotes; narrow the filters instead")
    # store.quotes has no offset: read the page's end (+1 to know whether more follow) and slice
    found = list_quotes(db, speaker, actor, article, since, until, text, limit=page.offset + page.limit + 1,
                        min_confidence=min_confidence)
    rows = found[page.offset:page.offset + page.limit]
    for row in rows:
        row["speaker_actor_name"] = names.actor(row["speaker_actor"])
    return Json(listing(rows, page, has_more=len(found) > page.offset + page.limit))
