"""Writing what the understanding steps found; an article's rows are replaced together."""

from __future__ import annotations

import json

from pactwatch.records import Annotation
from pactwatch.store.database import Database, now_iso

ANNOTATION_TABLES = ("mentions", "quotes", "event_mentions", "events", "commitment_reports")


def mark_pending(db: Database, article_ids: list[int]) -> None:
    """Note that these articles' cross-article rows need a refresh (``service.derived``); called
    inside the transaction that changes them, so a crash can never lose the note."""
    db.executemany("INSERT INTO derived_pending (article_id) VALUES (?) ON CONFLICT (article_id) DO NOTHING",
                   [(i,) for i in article_ids])


def pending_articles(db: Database) -> list[int]:
    """Articles whose cross-article rows are behind, oldest first."""
    return [int(r["article_id"]) for r in db.query("SELECT article_id FROM derived_pending ORDER BY article_id")]


def clear_pending(db: Database, article_ids: list[int] | None) -> None:
    """Their refresh is done (None: every article's)."""
    if article_ids is None:
        db.execute("DELETE FROM derived_pending")
        return
    for start in range(0, len(article_ids), 500):
        chunk = article_ids[start:start + 500]
        db.execute(f"DELETE FROM derived_pending WHERE article_id IN ({','.join('?' * len(chunk))})", chunk)


def write_annotation(db: Database, article_id: int, annotation: Annotation, fresh: bool = False) -> None:
    """Replace the article's mentions, quotes, events and commitment reports in one transaction.

    ``fresh``: the article was stored in the enclosing transaction, which already marked it
    pending, so it has no rows to delete (five statements fewer per article for the writer)."""
    with db.transaction():
        if not fresh:
            mark_pending(db, [article_id])
            for table in ANNOTATION_TABLES:
                db.execute(f"DELETE FROM {table} WHERE article_id = ?", (article_id,))
        db.executemany(
            "INSERT INTO mentions (article_id, start_char, end_char, text, actor_code, kind,"
            " resolved_by, name) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            [
                (article_id, m.start, m.end, m.text, m.code, m.kind, m.resolved_by, m.name)
                for m in annotation.mentions
            ],
        )
        db.executemany(
            "INSERT INTO quotes (article_id, speaker, speaker_actor, cue, text, start_char, end_char,"
            " speaker_start, speaker_end, mentions, construction, clause, confidence, confidence_from)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [
                (article_id, q.speaker, q.speaker_actor, q.cue, q.text, q.start, q.end,
                 q.speaker_start, q.speaker_end, q.mentions, q.construction or None, q.clause or None,
                 q.confidence, q.confidence_from or None)
                for q in annotation.quotes
            ],
        )
        db.executemany(
            "INSERT INTO events (article_id, date, source, target, cameo_code, root_code, quad_class,"
            " goldstein, sentence, start_char, end_char, matched, construction, clause, confidence, confidence_from)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [
                (article_id, e.date.isoformat() if e.date else None, e.source, e.target, e.cameo_code,
                 e.root_code, e.quad_class, e.goldstein, e.sentence, e.start, e.end, e.matched,
                 e.construction or None, e.clause or None, e.confidence, e.confidence_from or None)
                for e in annotation.events
            ],
        )
        if any(e.mentions for e in annotation.events):
            _write_event_mentions(db, article_id, annotation)
        db.executemany(
            "INSERT INTO commitment_reports (article_id, parties, kinds, lifecycle_event, date,"
            " conditions, name, sentence, start_char, end_char, construction, clause, confidence, confidence_from)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [
                (article_id, json.dumps(list(c.parties)), json.dumps(list(c.kinds)), c.lifecycle_event,
                 c.date.isoformat() if c.date else None, c.conditions, c.name, c.sentence, c.start, c.end,
                 c.construction or None, c.clause or None,
                 c.confidence, c.confidence_from or None)
                for c in annotation.commitments
            ],
        )
        db.execute(
            "UPDATE articles SET annotated_at = ?, annotation_note = ? WHERE id = ?",
            (now_iso(), annotation.skipped, article_id),
        )


def _write_event_mentions(db: Database, article_id: int, annotation: Annotation) -> None:
    """Each event's further mentions (pactwatch.nlp.event_identity) under the id its row just got:
    the article's events were inserted in order, so their ids ascend in the same order."""
    ids = [int(r["id"]) for r in db.query("SELECT id FROM events WHERE article_id = ? ORDER BY id", (article_id,))]
    db.executemany(
        "INSERT INTO event_mentions (event_id, article_id, sentence, start_char, end_char, source, target,"
        " cameo_code, date, matched, construction, clause, confidence, confidence_from, merged_as)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [
            (event_id, article_id, m.sentence, m.start, m.end, m.source, m.target, m.cameo_code,
             m.date.isoformat() if m.date else None, m.matched, m.construction or None, m.clause or None,
             m.confidence, m.confidence_from or None, m.merged_as)
            for event_id, e in zip(ids, annotation.events, strict=True) for m in e.mentions
        ],
    )
