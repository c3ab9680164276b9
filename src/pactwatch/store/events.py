"""Reading coded events back (bound parameters only; SQL both backends accept)."""

from __future__ import annotations

from typing import Any

from pactwatch.store.database import Database
from pactwatch.store.patterns import like_prefix


def event_filters(actor: str | None = None, dyad: tuple[str, str] | None = None, directed: bool = False,
                  code: str | None = None, root: str | None = None, quad: int | None = None,
                  since: str | None = None, until: str | None = None,
                  date_column: str = "e.date") -> tuple[list[str], list[Any]]:
    """WHERE clauses over columns aliased ``e`` (events and merged_events share their names).

    ``actor`` matches source or target by code prefix ("RUS" finds RUSGOV); ``dyad`` (A, B)
    matches A->B and, unless ``directed``, B->A; ``code`` is a CAMEO code prefix;
    ``since``/``until`` bound the event date (inclusive)."""
    clauses: list[str] = []
    params: list[Any] = []
    if actor:
        clauses.append("(e.source LIKE ? ESCAPE '\\' OR e.target LIKE ? ESCAPE '\\')")
        params += [like_prefix(actor), like_prefix(actor)]
    if dyad:
        a, b = like_prefix(dyad[0]), like_prefix(dyad[1])
        forward = "(e.source LIKE ? ESCAPE '\\' AND e.target LIKE ? ESCAPE '\\')"
        if directed:
            clauses.append(forward)
            params += [a, b]
        else:
            clauses.append(f"({forward} OR (e.source LIKE ? ESCAPE '\\' AND e.target LIKE ? ESCAPE '\\'))")
            params += [a, b, b, a]
    if code:
        clauses.append("e.cameo_code LIKE ? ESCAPE '\\'")
        params.append(like_prefix(code))
    if root:
        clauses.append("e.root_code = ?")
        params.append(root.zfill(2))
    if quad is not None:
        clauses.append("e.quad_class = ?")
        params.append(quad)
    if since:
        clauses.append(f"{date_column} >= ?")
        params.append(since)
    if until:
        clauses.append(f"{date_column} <= ?")
        params.append(until)
    return clauses, params


# An event's date, or its article's publication day when the text gave none (the HTTP API
# filters the same way, so the CLI and the API answer alike).
EVENT_DAY = "COALESCE(e.date, substr(a.published, 1, 10))"


def list_events(db: Database, actor: str | None = None, dyad: tuple[str, str] | None = None,
                directed: bool = False, code: str | None = None, root: str | None = None,
                quad: int | None = None, since: str | None = None, until: str | None = None,
                article_id: int | None = None, limit: int | None = 100) -> list[dict[str, Any]]:
    """Events (one row per article's report) newest first; filters as in ``event_filters``, dates
    falling back to the article's publication day."""
    clauses, params = event_filters(actor, dyad, directed, code, root, quad, since, until, EVENT_DAY)
    if article_id is not None:
        clauses.append("e.article_id = ?")
        params.append(article_id)
    where = (" WHERE " + " AND ".join(clauses)) if clauses else ""
    sql = (
        "SELECT e.id, e.article_id, e.date, e.source, e.target, e.cameo_code, e.root_code, e.quad_class,"
        " e.goldstein, e.matched, e.sentence, e.start_char, e.end_char, a.title, a.published"
        f" FROM events e JOIN articles a ON a.id = e.article_id{where}"
        " ORDER BY e.date DESC, e.article_id DESC, e.start_char, e.id"
    )
    if limit is not None:
        sql += " LIMIT ?"
        params.append(limit)
    return db.query(sql, params)


def list_merged_events(db: Database, actor: str | None = None, dyad: tuple[str, str] | None = None,
                       directed: bool = False, code: str | None = None, root: str | None = None,
                       quad: int | None = None, since: str | None = None, until: str | None = None,
                       limit: int | None = 100) -> list[dict[str, Any]]:
    """Events merged across articles (GDELT counts), most reported first within a date."""
    clauses, params = event_filters(actor, dyad, directed, code, root, quad, since, until)
    where = (" WHERE " + " AND ".join(clauses)) if clauses else ""
    sql = (
        "SELECT e.id, e.date, e.last_date, e.source, e.target, e.cameo_code, e.root_code, e.quad_class,"
        " e.goldstein, e.num_mentions, e.num_sources, e.num_articles,"
        " (SELECT MIN(x.sentence) FROM merged_event_members m JOIN events x ON x.id = m.event_id"
        "  WHERE m.merged_id = e.id) AS sentence"
        f" FROM merged_events e{where} ORDER BY e.date DESC, e.num_articles DESC, e.id"
    )
    if limit is not None:
        sql += " LIMIT ?"
        params.append(limit)
    return db.query(sql, params)
