"""``/api/articles``: listing, full-text search and one article with everything found in it."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Path, Query

from pactwatch.api.common import AppNames, Json, Paging, ReaderDb, check_date, check_text, listing
from pactwatch.api.errors import ApiError
from pactwatch.cli.markup import article_details
from pactwatch.store import Database
from pactwatch.store.articles import _article_filters, list_articles
from pactwatch.store.search import fts_terms, search_articles

router = APIRouter(tags=["articles"])

_SUMMARY_COLUMNS = ("id", "title", "publisher", "published", "language", "section", "url")


def _summary(row: dict[str, Any]) -> dict[str, Any]:
    out = {k: row.get(k) for k in _SUMMARY_COLUMNS}
    if "snippet" in row:
        out["snippet"] = row["snippet"]
    return out


@router.get("/articles", response_class=Json, summary="List or search articles")
def articles(
    db: ReaderDb,
    page: Paging,
    q: Annotated[str | None, Query(description="Full-text search: words ANDed, \"phrases\" kept whole.")] = None,
    since: Annotated[str | None, Query(description="Published on or after (YYYY-MM-DD).")] = None,
    until: Annotated[str | None, Query(description="Published on or before (YYYY-MM-DD).")] = None,
    publisher: Annotated[str | None, Query(description="Exact publisher name, case-insensitive.")] = None,
    language: Annotated[str | None, Query(description="ISO 639-1 code, e.g. en.")] = None,
) -> Json:
    since, until = check_date(since, "since"), check_date(until, "until")
    publisher = check_text(publisher, "publisher")
    language = check_text(language, "language", 16)
    q = check_text(q, "q", 500)
    if q is None:
        rows = list_articles(db, since, until, publisher, language, page.limit, page.offset)
        where, params = _article_filters(since, until, publisher, language)
        total = int(db.scalar(f"SELECT COUNT(*) FROM articles{where}", params))
        return Json(listing([_summary(r) for r in rows], page, total))
    if not fts_terms(q):
        raise ApiError(400, "q: no words to search for")
    rows, total = _search(db, q, since, until, publisher, language, page.limit, page.offset)
    return Json(listing([_summary(r) for r in rows], page, total, q=q))


def _search(db: Database, q: str, since: str | None, until: str | None, publisher: str | None,
            language: str | None, limit: int, offset: int) -> tuple[list[dict[str, Any]], int | None]:
    filtered = any((since, until, publisher, language))
    if db.dialect != "sqlite":
        if not filtered:
            return search_articles(db, q, limit, offset), None
        # the PostgreSQL search takes no filters: narrow a generous first page in Python
        rows = [r for r in search_articles(db, q, MAX_FILTERED, 0)
                if _matches(r, since, until, publisher, language)]
        return rows[offset:offset + limit], len(rows)
    match = " ".join('"' + t.replace('"', "") + '"' for t in fts_terms(q))
    where, params = _article_filters(since, until, publisher, language, alias="a.")
    where = where.replace(" WHERE ", " AND ", 1)
    base = f" FROM articles_fts JOIN articles a ON a.id = articles_fts.rowid WHERE articles_fts MATCH ?{where}"
    total = int(db.scalar("SELECT COUNT(*)" + base, [match, *params]))
    rows = db.query(
        "SELECT a.id, a.title, a.publisher, a.published, a.language, a.section, a.url,"
        " snippet(articles_fts, 1, '[', ']', ' … ', 12) AS snippet, bm25(articles_fts) AS rank"
        + base + " ORDER BY rank, a.id LIMIT ? OFFSET ?",
        [match, *params, limit, offset],
    )
    return rows, total


MAX_FILTERED = 1000


def _matches(row: dict[str, Any], since: str | None, until: str | None, publisher: str | None,
             language: str | None) -> bool:
    published = row.get("published") or ""
    return (
        (not since or published >= since)
        and (not until or published < until + "\uffff")
        and (not publisher or (row.get("publisher") or "").lower() == publisher.lower())
        and (not language or row.get("language") == language)
    )


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

