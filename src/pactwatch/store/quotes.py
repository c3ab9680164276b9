"""Reading quotes and actor mentions back (bound parameters only; SQL both backends accept)."""

from __future__ import annotations

from typing import Any

from pactwatch.names import speaker_search_forms
from pactwatch.store.database import Database
from pactwatch.store.patterns import confidence_clauses, like_contains, like_prefix, member_confidence_clauses


def _quote_filters(alias: str, speaker: str | None, actor: str | None, text: str | None
                   ) -> tuple[list[str], list[Any]]:
    """Speaker and text as case-insensitive substrings, actor as a code prefix ("RUS" finds
    RUSGOV), over the ``quotes`` or ``merged_quotes`` columns of that name. A speaker is also
    looked for under its other spellings, as the gold scorer matches speakers
    (``pactwatch.names``: "Zelenskyy" finds "Volodymyr Zelensky")."""
    clauses: list[str] = []
    params: list[Any] = []
    if speaker:
        forms = list(dict.fromkeys([speaker.lower(), *speaker_search_forms(speaker)]))
        clauses.append("(" + " OR ".join(f"LOWER({alias}.speaker) LIKE ? ESCAPE '\\'" for _ in forms) + ")")
        params.extend(like_contains(form) for form in forms)
    if actor:
        clauses.append(f"{alias}.speaker_actor LIKE ? ESCAPE '\\'")
        params.append(like_prefix(actor))
    if text:
        clauses.append(f"LOWER({alias}.text) LIKE ? ESCAPE '\\'")
        params.append(like_contains(text))
    return clauses, params


def _date_clauses(since: str | None, until: str | None,
                  column: str = "a.published") -> tuple[list[str], list[Any]]:
    clauses: list[str] = []
    params: list[Any] = []
    if since:
        clauses.append(f"{column} >= ?")
        params.append(since)
    if until:
        clauses.append(f"{column} < ?")
        params.append(until + "\uffff")  # ISO strings: every time on that day sorts below
    return clauses, params


def list_quotes(db: Database, speaker: str | None = None, actor: str | None = None,
                article_id: int | None = None, since: str | None = None, until: str | None = None,
                text: str | None = None, limit: int | None = 100,
                min_confidence: float | None = None) -> list[dict[str, Any]]:
    """Quotes newest article first. ``speaker``/``text`` are case-insensitive substrings,
    ``actor`` a code prefix ("RUS" finds RUSGOV), dates bound the article's publication;
    ``min_confidence`` hides weaker attributions."""
    clauses, params = _date_clauses(since, until)
    more, more_params = _quote_filters("q", speaker, actor, text)
    weak, weak_params = confidence_clauses("q", min_confidence)
    clauses += more + weak
    params += more_params + weak_params
    if article_id is not None:
        clauses.append("q.article_id = ?")
        params.append(article_id)
    where = (" WHERE " + " AND ".join(clauses)) if clauses else ""
    sql = (
        "SELECT q.id, q.article_id, a.published, a.title, q.speaker, q.speaker_actor, q.cue, q.text,"
        " q.start_char, q.end_char, q.speaker_start, q.speaker_end, q.mentions, q.confidence"
        f" FROM quotes q JOIN articles a ON a.id = q.article_id{where}"
        " ORDER BY a.published DESC, q.article_id DESC, q.start_char"
    )
    if limit is not None:
        sql += " LIMIT ?"
        params.append(limit)
    return db.query(sql, params)


def list_merged_quotes(db: Database, speaker: str | None = None, actor: str | None = None,
                       since: str | None = None, until: str | None = None, text: str | None = None,
                       limit: int | None = 100, min_confidence: float | None = None) -> list[dict[str, Any]]:
    """Quotations merged across articles (the same words of the same speaker from several
    outlets), most widely reported first; dates bound the first publication; a merged quote's
    confidence is its best report's."""
    clauses, params = _date_clauses(since, until, column="m.first_date")
    more, more_params = _quote_filters("m", speaker, actor, text)
    weak, weak_params = member_confidence_clauses("m", "merged_quote_members", "quote_id", "quotes", min_confidence)
    clauses += more + weak
    params += more_params + weak_params
    where = (" WHERE " + " AND ".join(clauses)) if clauses else ""
    sql = (
        "SELECT m.id, m.first_date, m.speaker, m.speaker_actor, m.text, m.num_mentions, m.num_sources,"
        " m.num_articles, (SELECT MAX(x.confidence) FROM merged_quote_members mq JOIN quotes x ON x.id = mq.quote_id"
        f"  WHERE mq.merged_id = m.id) AS confidence FROM merged_quotes m{where}"
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


def dyad_quotes(db: Database, x: tuple[str, str], y: tuple[str, str], limit: int = 500) -> list[dict[str, Any]]:
    """Quotes whose speaker is one side's actor (a code range) in an article that mentions the
    other side, oldest article first."""
    (x0, x1), (y0, y1) = x, y
    return db.query(
        "SELECT q.id, q.article_id, a.published, q.speaker, q.speaker_actor, q.text FROM quotes q"
        " JOIN articles a ON a.id = q.article_id"
        " WHERE ((q.speaker_actor >= ? AND q.speaker_actor < ?) AND EXISTS (SELECT 1 FROM mentions m"
        "   WHERE m.article_id = q.article_id AND m.actor_code >= ? AND m.actor_code < ?))"
        " OR ((q.speaker_actor >= ? AND q.speaker_actor < ?) AND EXISTS (SELECT 1 FROM mentions m"
        "   WHERE m.article_id = q.article_id AND m.actor_code >= ? AND m.actor_code < ?))"
        " ORDER BY a.published, q.id LIMIT ?",
        (x0, x1, y0, y1, y0, y1, x0, x1, limit),
    )
