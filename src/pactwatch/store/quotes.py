"""Reading quotes and actor mentions back (bound parameters only; SQL both backends accept)."""

from __future__ import annotations

from typing import Any

from pactwatch.store.database import Database


def _like(text: str) -> str:
    """A LIKE pattern matching ``text`` anywhere, with LIKE's own wildcards escaped."""
    escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped.lower()}%"


def _date_clauses(since: str | None, until: str | None) -> tuple[list[str], list[Any]]:
    clauses, params = [], []
    if since:
        clauses.append("a.published >= ?")
        params.append(since)
    if until:
        clauses.append("a.published < ?")
        params.append(until + "\uffff")  # ISO strings: every time on that day sorts below
    return clauses, params


def list_quotes(db: Database, speaker: str | None = None, actor: str | None = None,
                article_id: int | None = None, since: str | None = None, until: str | None = None,
                text: str | None = None, limit: int | None = 100) -> list[dict[str, Any]]:
    """Quotes newest article first. ``speaker``/``text`` are case-insensitive substrings,
    ``actor`` a code prefix ("RUS" finds RUSGOV), dates bound the article's publication."""
    clauses, params = _date_clauses(since, until)
    if speaker:
        clauses.append("LOWER(q.speaker) LIKE ? ESCAPE '\\'")
        params.append(_like(speaker))
    if actor:
        clauses.append("q.speaker_actor LIKE ? ESCAPE '\\'")
        params.append(_like(actor)[1:].upper())  # prefix: drop the leading wildcard
    if article_id is not None:
        clauses.append("q.article_id = ?")
        params.append(article_id)
    if text:
        clauses.append("LOWER(q.text) LIKE ? ESCAPE '\\'")
        params.append(_like(text))
    where = (" WHERE " + " AND ".join(clauses)) if clauses else ""
    sql = (
        "SELECT q.id, q.article_id, a.published, a.title, q.speaker, q.speaker_actor, q.cue, q.text,"
        " q.start_char, q.end_char, q.speaker_start, q.speaker_end, q.mentions"
        f" FROM quotes q JOIN articles a ON a.id = q.article_id{where}"
        " ORDER BY a.published DESC, q.article_id DESC, q.start_char"
    )
    if limit is not None:
        sql += " LIMIT ?"
        params.append(limit)
    return db.query(sql, params)


def list_merged_quotes(db: Database, speaker: str | None = None, actor: str | None = None,
                       since: str | None = None, until: str | None = None, text: str | None = None,
                       limit: int | None = 100) -> list[dict[str, Any]]:
    """Quotations merged across articles (the same words of the same speaker from several
    outlets), most widely reported first; dates bound the first publication."""
    clauses, params = [], []
    if since:
        clauses.append("m.first_date >= ?")
        params.append(since)
    if until:
        clauses.append("m.first_date < ?")
        params.append(until + "\uffff")
    if speaker:
        clauses.append("LOWER(m.speaker) LIKE ? ESCAPE '\\'")
        params.append(_like(speaker))
    if actor:
        clauses.append("m.speaker_actor LIKE ? ESCAPE '\\'")
        params.append(_like(actor)[1:].upper())
    if text:
        clauses.append("LOWER(m.text) LIKE ? ESCAPE '\\'")
        params.append(_like(text))
    where = (" WHERE " + " AND ".join(clauses)) if clauses else ""
    sql = (
        "SELECT m.id, m.first_date, m.speaker, m.speaker_actor, m.text, m.num_mentions, m.num_sources,"
        f" m.num_articles FROM merged_quotes m{where}"
        " ORDER BY m.num_articles DESC, m.first_date DESC, m.id"
    )
    if limit is not None:
        sql += " LIMIT ?"
        params.append(limit)
    return db.query(sql, params)


def actor_counts(db: Database, since: str | None = None, until: str | None = None,
                 kind: str | None = None, by_month: bool = False, limit: int | None = 50
                 ) -> list[dict[str, Any]]:
    """Most-mentioned actor codes (mentions and articles), optionally per publication month."""
    clauses, params = _date_clauses(since, until)
    if kind:
        clauses.append("m.kind = ?")
        params.append(kind)
    where = (" WHERE " + " AND ".join(clauses)) if clauses else ""
    month = "SUBSTR(a.published, 1, 7)"
    group = f"{month}, m.actor_code" if by_month else "m.actor_code"
    select = f"{month} AS month, " if by_month else ""
    order = "month DESC, mentions DESC, m.actor_code" if by_month else "mentions DESC, m.actor_code"
    sql = (
        f"SELECT {select}m.actor_code AS actor, COUNT(*) AS mentions, COUNT(DISTINCT m.article_id) AS articles"
        f" FROM mentions m JOIN articles a ON a.id = m.article_id{where}"
        f" GROUP BY {group} ORDER BY {order}"
    )
    if limit is not None:
        sql += " LIMIT ?"
        params.append(limit)
    return db.query(sql, params)
