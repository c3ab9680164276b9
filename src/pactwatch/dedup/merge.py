"""The same event or quotation reported by several articles becomes one merged record.

Events merge on (source, target, CAMEO code) with dates chained within one day (an undated
event takes its article's publication date); quotations on
speaker and text with case, spacing and punctuation folded. Counts follow GDELT: mentions are
rows, articles are distinct articles, sources are distinct publishers. Only the keys touched by
the given articles are rebuilt, so an ingest run costs what it added, not the whole store.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date
from typing import Any

from pactwatch.store.database import Database

_PUNCT = re.compile(r"[^\w]+", re.UNICODE)


def _source_of(row: dict[str, Any]) -> str:
    return (row.get("publisher") or "").strip().lower() or f"article:{row['article_id']}"


def _in_chunks(db: Database, sql: str, ids: Sequence[Any], extra: Sequence[Any] = ()) -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = []
    for start in range(0, len(ids), 500):
        chunk = list(ids[start:start + 500])
        rows += db.query(sql.replace("(?*)", "(" + ",".join("?" * len(chunk)) + ")"), [*extra, *chunk])
    return rows


def merge_events(db: Database, article_ids: Sequence[int] | None = None) -> int:
    """Rebuild merged events for the (source, target, code) keys the articles touch (all if None)."""
    # An event the text does not date is dated by its article's publication, as GDELT does:
    # "signed an agreement this week" in one copy and "on Tuesday" in another then merge.
    base = ("SELECT e.id, e.article_id, e.source, e.target, e.cameo_code, e.root_code, e.quad_class,"
            " e.goldstein, COALESCE(e.date, substr(a.published, 1, 10)) AS date, a.publisher"
            " FROM events e JOIN articles a ON a.id = e.article_id")
    if article_ids is None:
        rows = db.query(base)
        with db.transaction():
            db.execute("DELETE FROM merged_events")
    else:
        keys = {(r["source"], r["target"], r["cameo_code"]) for r in _in_chunks(
            db, "SELECT DISTINCT source, target, cameo_code FROM events WHERE article_id IN (?*)",
            list(article_ids))}
        rows = []
        for key in sorted(keys):
            rows += db.query(base + " WHERE e.source = ? AND e.target = ? AND e.cameo_code = ?", key)
        with db.transaction():
            for key in sorted(keys):
                db.execute("DELETE FROM merged_events WHERE source = ? AND target = ? AND cameo_code = ?", key)
    groups = _chain_by_date(rows)
    with db.transaction():
        for group in groups:
            first = group[0]
            dates = [r["date"] for r in group if r["date"]]
            merged_id = db.scalar(
                "INSERT INTO merged_events (source, target, cameo_code, root_code, quad_class, goldstein,"
                " date, last_date, num_mentions, num_sources, num_articles)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
                (first["source"], first["target"], first["cameo_code"], first["root_code"],
                 first["quad_class"], first["goldstein"], min(dates) if dates else None,
                 max(dates) if dates else None, len(group), len({_source_of(r) for r in group}),
                 len({r["article_id"] for r in group})))
            db.executemany("INSERT INTO merged_event_members (merged_id, event_id) VALUES (?, ?)",
                           [(merged_id, r["id"]) for r in group])
    return len(groups)


def _chain_by_date(rows: list[dict[str, Any]]) -> list[list[dict[str, Any]]]:
    """Group rows of one key whose dates follow each other at most one day apart."""
    by_key: dict[tuple[str, str, str], list[dict[str, Any]]] = {}
    for row in rows:
        by_key.setdefault((row["source"], row["target"], row["cameo_code"]), []).append(row)
    groups: list[list[dict[str, Any]]] = []
    for key in sorted(by_key):
        items = sorted(by_key[key], key=lambda r: (r["date"] or "", r["id"]))
        undated = [r for r in items if not r["date"]]
        current: list[dict[str, Any]] = []
        last: date | None = None
        for row in (r for r in items if r["date"]):
            day = date.fromisoformat(row["date"][:10])
            if current and last is not None and (day - last).days > 1:
                groups.append(current)
                current = []
            current.append(row)
            last = day
        if current:
            groups.append(current)
        if undated:
            groups.append(undated)
    return groups


def quote_key(speaker: str | None, text: str) -> str:
    return (_PUNCT.sub(" ", (speaker or "").lower()).strip() + "|" + _PUNCT.sub(" ", text.lower()).strip())


def merge_quotes(db: Database, article_ids: Sequence[int] | None = None) -> int:
    """Rebuild merged quotations for the keys the articles touch (all if None)."""
    base = ("SELECT q.id, q.article_id, q.speaker, q.speaker_actor, q.text, q.mentions, a.publisher,"
            " a.published FROM quotes q JOIN articles a ON a.id = q.article_id")
    if article_ids is None:
        touched = None
        rows = db.query(base)
    else:
        new_rows = _in_chunks(db, base + " WHERE q.article_id IN (?*)", list(article_ids))
        touched = {quote_key(r["speaker"], r["text"]) for r in new_rows}
        # quotations are few per article: reading them all to regroup the touched keys is cheap
        rows = [r for r in db.query(base) if quote_key(r["speaker"], r["text"]) in touched]
    groups: dict[str, list[dict[str, Any]]] = {}
    for row in rows:
        groups.setdefault(quote_key(row["speaker"], row["text"]), []).append(row)
    with db.transaction():
        if touched is None:
            db.execute("DELETE FROM merged_quotes")
        else:
            for key in sorted(touched):
                db.execute("DELETE FROM merged_quotes WHERE norm_key = ?", (key,))
        for key in sorted(groups):
            group = sorted(groups[key], key=lambda r: r["id"])
            first = group[0]
            dates = [r["published"] for r in group if r["published"]]
            merged_id = db.scalar(
                "INSERT INTO merged_quotes (speaker, speaker_actor, text, norm_key, num_mentions,"
                " num_sources, num_articles, first_date) VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
                (first["speaker"], first["speaker_actor"], first["text"], key,
                 sum(int(r["mentions"]) for r in group), len({_source_of(r) for r in group}),
                 len({r["article_id"] for r in group}), min(dates) if dates else None))
            db.executemany("INSERT INTO merged_quote_members (merged_id, quote_id) VALUES (?, ?)",
                           [(merged_id, r["id"]) for r in group])
    return len(groups)
