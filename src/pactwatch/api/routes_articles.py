"""``/api/articles``: listing, full-text search and one article with everything found in it."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Path, Query

from pactwatch.api.common import AppNames, Json, Paging, ReaderDb, check_date, check_text, listing
from pactwatch.api.errors import ApiError
from pactwatch.store import Database
from pactwatch.store.articles import article_details, count_articles, list_articles
from pactwatch.store.search import SearchFilters, count_matches, search_articles
from pactwatch.store.search_query import compile_query

router = APIRouter(tags=["articles"])

_SUMMARY_COLUMNS = ("id", "title", "publisher", "published", "language", "section", "url")


def _summary(row: dict[str, Any]) -> dict[str, Any]:
    out = {k: row.get(k) for k in _SUMMARY_COLUMNS}
    if "snippet" in row:
        out["snippet"] = row["snippet"]  # plain text; the matched ranges are in "highlights"
        out["highlights"] = row["highlights"]
    return out


@router.get("/articles", response_class=Json, summary="List or search articles")
def articles(
    db: ReaderDb,
    page: Paging,
    q: Annotated[str | None, Query(description=(
        "Full-text search: words ANDed and stemmed, British/American spellings alike, \"phrases\" kept"
        " whole, OR between terms, prefix*, actor codes and names widened to all the actor's names."))] = None,
    since: Annotated[str | None, Query(description="Published on or after (YYYY-MM-DD).")] = None,
    until: Annotated[str | None, Query(description="Published on or before (YYYY-MM-DD).")] = None,
    publisher: Annotated[str | None, Query(description="Exact publisher name, case-insensitive.")] = None,
    language: Annotated[str | None, Query(description="ISO 639-1 code, e.g. en.")] = None,
    dated_only: Annotated[bool, Query(description=(
        "With q: leave out articles with no publication date (by default they pass since/until)."))] = False,
) -> Json:
    since, until = check_date(since, "since"), check_date(until, "until")
    publisher = check_text(publisher, "publisher")
    language = check_text(language, "language", 16)
    q = check_text(q, "q", 500)
    if q is None:
        rows = list_articles(db, since, until, publisher, language, page.limit, page.offset)
        total = count_articles(db, since, until, publisher, language)
        return Json(listing([_summary(r) for r in rows], page, total))
    if not compile_query(q):
        raise ApiError(400, "q: no words to search for")
    filters = SearchFilters(since, until, publisher, language, dated_only)
    rows, total = _search(db, q, filters, page.limit, page.offset)
    return Json(listing([_summary(r) for r in rows], page, total, q=q))


def _search(db: Database, q: str, filters: SearchFilters, limit: int, offset: int
            ) -> tuple[list[dict[str, Any]], int]:
    return search_articles(db, q, limit, offset, filters), count_matches(db, q, filters)


@router.get("/articles/{article_id}", response_class=Json, summary="One article with its annotations")
def article(db: ReaderDb, names: AppNames,
            article_id: Annotated[int, Path(ge=1, le=2**62)]) -> Json:
    details = article_details(db, article_id)  # NotFound -> 404
    for m in details["mentions"]:
        m["actor_name"] = names.actor(m["actor_code"])
    for q in details["quotes"]:
        q["speaker_actor_name"] = names.actor(q["speaker_actor"])
    for e in details["events"]:
        e["name"] = names.event(e["cameo_code"])
        e["source_name"] = names.actor(e["source"])
        e["target_name"] = names.actor(e["target"])
    for c in details["commitment_reports"]:
        c["party_names"] = {p: names.actor(p) for p in c["parties"]}
    return Json(details)

