"""The same event or quotation reported by several articles becomes one merged record.

Events merge on (source, target, CAMEO code) with dates chained within one day (an undated
event takes its article's publication date); quotations on
speaker and text with case, spacing and punctuation folded. Counts follow GDELT: mentions are
rows and each row's further mentions in its article (nlp.event_identity), articles are distinct
articles, sources are distinct publishers. Only the keys touched by
the given articles are rebuilt, so an ingest run costs what it added, not the whole store.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date
from typing import Any

from pactwatch.store import merged
from pactwatch.store.database import Database

_PUNCT = re.compile(r"[^\w]+", re.UNICODE)


def _source_of(row: dict[str, Any]) -> str:
    return (row.get("publisher") or "").strip().lower() or f"article:{row['article_id']}"


def merge_events(db: Database, article_ids: Sequence[int] | None = None) -> int:
    """Rebuild merged events for the (source, target, code) keys the articles touch (all if None)."""
    keys = None if article_ids is None else sorted(merged.event_keys_of(db, list(article_ids)))
    rows = merged.event_reports(db, keys)
    merged.clear_merged_events(db, keys)
    groups = _chain_by_date(rows)
    to_write = []
    for group in groups:
        first = group[0]
        dates = [r["date"] for r in group if r["date"]]
        to_write.append(((first["source"], first["target"], first["cameo_code"], first["root_code"],
                          first["quad_class"], first["goldstein"], min(dates) if dates else None,
                          max(dates) if dates else None, sum(1 + int(r.get("further") or 0) for r in group),
                          len({_source_of(r) for r in group}),
                          len({r["article_id"] for r in group})), [r["id"] for r in group]))
    merged.write_merged_events(db, to_write)
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
    if article_ids is None:
        touched = None
        rows = merged.quote_reports(db)
    else:
        new_rows = merged.quote_reports(db, list(article_ids))
        touched = {quote_key(r["speaker"], r["text"]) for r in new_rows}
        # quotations are few per article: reading them all to regroup the touched keys is cheap
        rows = [r for r in merged.quote_reports(db) if quote_key(r["speaker"], r["text"]) in touched]
    groups: dict[str, list[dict[str, Any]]] = {}
    for row in rows:
        groups.setdefault(quote_key(row["speaker"], row["text"]), []).append(row)
    to_write = []
    for key in sorted(groups):
        group = sorted(groups[key], key=lambda r: r["id"])
        first = group[0]
        dates = [r["published"] for r in group if r["published"]]
        to_write.append(((first["speaker"], first["speaker_actor"], first["text"], key,
                          sum(int(r["mentions"]) for r in group), len({_source_of(r) for r in group}),
                          len({r["article_id"] for r in group}), min(dates) if dates else None),
                         [r["id"] for r in group]))
    merged.replace_merged_quotes(db, None if touched is None else sorted(touched), to_write)
    return len(groups)
