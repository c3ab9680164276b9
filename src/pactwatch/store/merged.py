"""Reading the reports that merge into one event or quotation, and writing the merged rows.

The grouping itself (which reports are one event, which quotations one quotation) is
``pactwatch.dedup.merge``; this module holds its SQL.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from pactwatch.store.database import Database, query_by_ids

# An event the text does not date is dated by its article's publication, as GDELT does:
# "signed an agreement this week" in one copy and "on Tuesday" in another then merge.
_EVENT_REPORTS = ("SELECT e.id, e.article_id, e.source, e.target, e.cameo_code, e.root_code, e.quad_class,"
                  " e.goldstein, COALESCE(e.date, substr(a.published, 1, 10)) AS date, a.publisher,"
                  " (SELECT COUNT(*) FROM event_mentions m WHERE m.event_id = e.id) AS further"
                  " FROM events e JOIN articles a ON a.id = e.article_id")
_QUOTE_REPORTS = ("SELECT q.id, q.article_id, q.speaker, q.speaker_actor, q.text, q.mentions, a.publisher,"
                  " a.published FROM quotes q JOIN articles a ON a.id = q.article_id")

EventKey = tuple[str, str, str]  # (source, target, cameo_code)


def event_keys_of(db: Database, article_ids: Sequence[int]) -> set[EventKey]:
    """The (source, target, code) keys of the events of these articles."""
    return {(r["source"], r["target"], r["cameo_code"]) for r in query_by_ids(
        db, "SELECT DISTINCT source, target, cameo_code FROM events WHERE article_id IN (?*)", list(article_ids))}


def event_reports(db: Database, keys: Sequence[EventKey] | None = None) -> list[dict[str, Any]]:
    """Every event row with its article's publisher (and publication day when undated): all
    events, or those of ``keys`` in the order given."""
    if keys is None:
        return db.query(_EVENT_REPORTS)
    rows: list[dict[str, Any]] = []
    for key in keys:
        rows += db.query(_EVENT_REPORTS + " WHERE e.source = ? AND e.target = ? AND e.cameo_code = ?", key)
    return rows


def clear_merged_events(db: Database, keys: Sequence[EventKey] | None = None) -> None:
    """Delete the merged events of ``keys`` (all when None), in one transaction."""
    with db.transaction():
        if keys is None:
            db.execute("DELETE FROM merged_events")
        for key in keys or ():
            db.execute("DELETE FROM merged_events WHERE source = ? AND target = ? AND cameo_code = ?", key)


def write_merged_events(db: Database, merged: Sequence[tuple[Sequence[Any], Sequence[int]]]) -> None:
    """Insert merged events, each (source, target, cameo_code, root_code, quad_class, goldstein,
    date, last_date, num_mentions, num_sources, num_articles) with its member event ids, in one
    transaction."""
    with db.transaction():
        for values, members in merged:
            merged_id = db.scalar(
                "INSERT INTO merged_events (source, target, cameo_code, root_code, quad_class, goldstein,"
                " date, last_date, num_mentions, num_sources, num_articles)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id", values)
            db.executemany("INSERT INTO merged_event_members (merged_id, event_id) VALUES (?, ?)",
                           [(merged_id, event_id) for event_id in members])


def quote_reports(db: Database, article_ids: Sequence[int] | None = None) -> list[dict[str, Any]]:
    """Every quote row with its article's publisher and publication (of these articles, or all)."""
    if article_ids is None:
        return db.query(_QUOTE_REPORTS)
    return query_by_ids(db, _QUOTE_REPORTS + " WHERE q.article_id IN (?*)", list(article_ids))


def replace_merged_quotes(db: Database, keys: Sequence[str] | None,
                          merged: Sequence[tuple[Sequence[Any], Sequence[int]]]) -> None:
    """In one transaction: delete the merged quotations of ``keys`` (all when None), then insert
    ``merged``, each (speaker, speaker_actor, text, norm_key, num_mentions, num_sources,
    num_articles, first_date) with its member quote ids."""
    with db.transaction():
        if keys is None:
            db.execute("DELETE FROM merged_quotes")
        for key in keys or ():
            db.execute("DELETE FROM merged_quotes WHERE norm_key = ?", (key,))
        for values, members in merged:
            merged_id = db.scalar(
                "INSERT INTO merged_quotes (speaker, speaker_actor, text, norm_key, num_mentions,"
                " num_sources, num_articles, first_date) VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id", values)
            db.executemany("INSERT INTO merged_quote_members (merged_id, quote_id) VALUES (?, ?)",
                           [(merged_id, quote_id) for quote_id in members])
