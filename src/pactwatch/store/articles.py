"""Writing and reading articles (one transaction per article; the content hash makes it idempotent)."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from pactwatch.errors import NotFound, message
from pactwatch.faults import checkpoint
from pactwatch.records import Annotation, Article
from pactwatch.store.annotations import mark_pending, write_annotation
from pactwatch.store.database import Database, now_iso


@dataclass(frozen=True)
class SaveResult:
    article_id: int
    created: bool


def _iso(value: datetime | date | None) -> str | None:
    return value.isoformat() if value is not None else None


def find_by_hash(db: Database, content_hash: str) -> int | None:
    value = db.scalar("SELECT id FROM articles WHERE content_hash = ?", (content_hash,))
    return int(value) if value is not None else None


def all_article_ids(db: Database) -> list[int]:
    """Every stored article's id, in order."""
    return [int(r["id"]) for r in db.query("SELECT id FROM articles ORDER BY id")]


def save_article(db: Database, article: Article, annotation: Annotation | None = None) -> SaveResult:
    """Store one article with its paragraphs (and annotation) in one transaction; no-op if known.

    The body is the only copy of the text: a paragraph row is its span of the body.
    """
    content_hash = article.content_hash
    with db.transaction():
        existing = find_by_hash(db, content_hash)
        if existing is not None:
            return SaveResult(existing, False)
        # Another process may store the same article between that look-up and this insert (on
        # PostgreSQL the look-up cannot see its uncommitted row): the insert then waits for it
        # and does nothing, instead of failing the whole run on the unique key.
        inserted = db.scalar(
            "INSERT INTO articles (content_hash, origin, url, title, lead, publisher, section,"
            " authors, published, modified, crawled, language, body, ingested_at, summary_only, ingest_note)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
            " ON CONFLICT (content_hash) DO NOTHING RETURNING id",
            (
                content_hash, article.origin, article.url, article.title, article.lead,
                article.publisher, article.section, json.dumps(article.authors, ensure_ascii=False),
                _iso(article.published), _iso(article.modified),
                _iso(getattr(article, "crawled", None)), article.language, article.body, now_iso(),
                int(article.summary_only), "; ".join(article.notes) or None,
            ),
        )
        if inserted is None:
            return SaveResult(int(find_by_hash(db, content_hash) or 0), False)
        article_id = int(inserted)
        checkpoint("write")  # a kill here must leave no trace of the article
        mark_pending(db, [article_id])
        counts = article.paragraph_counts or [1] * len(article.paragraphs)
        db.executemany(
            "INSERT INTO paragraphs (article_id, idx, start_char, end_char, occurrences) VALUES (?, ?, ?, ?, ?)",
            [
                (article_id, idx, start, end, count)
                for idx, ((start, end), count) in enumerate(zip(article.paragraph_spans(), counts, strict=True))
            ],
        )
        db.executemany(
            "INSERT INTO related_headlines (article_id, idx, text) VALUES (?, ?, ?)",
            [(article_id, idx, text) for idx, text in enumerate(article.related_headlines)],
        )
        if annotation is not None:
            write_annotation(db, article_id, annotation, fresh=True)
    return SaveResult(article_id, True)


ARTICLE_COLUMNS = (
    "id, url, title, lead, publisher, section, authors, published, modified, crawled, language,"
    " origin, content_hash, ingested_at, annotated_at, annotation_note, summary_only"
)


def _decode(row: dict[str, Any]) -> dict[str, Any]:
    if isinstance(row.get("authors"), str):
        row["authors"] = json.loads(row["authors"])
    if "summary_only" in row:
        row["summary_only"] = bool(row["summary_only"])
    return row


def get_article(db: Database, article_id: int) -> dict[str, Any]:
    row = db.query_one(f"SELECT {ARTICLE_COLUMNS}, body FROM articles WHERE id = ?", (article_id,))
    if row is None:
        raise NotFound(message("article_not_found", id=article_id))
    row = _decode(row)
    # paragraphs are spans of the body (the text is stored once); their text is sliced here
    row["paragraphs"] = [
        {**p, "text": row["body"][p["start_char"]:p["end_char"]]}
        for p in db.query(
            "SELECT idx, start_char, end_char, occurrences FROM paragraphs WHERE article_id = ? ORDER BY idx",
            (article_id,),
        )
    ]
    row["related_headlines"] = [
        r["text"]
        for r in db.query(
            "SELECT text FROM related_headlines WHERE article_id = ? ORDER BY idx", (article_id,)
        )
    ]
    return row


def list_articles(
    db: Database,
    since: str | None = None,
    until: str | None = None,
    publisher: str | None = None,
    language: str | None = None,
    limit: int | None = 100,
    offset: int = 0,
) -> list[dict[str, Any]]:
    """Articles newest first. ``until`` is inclusive of the whole day."""
    where, params = _article_filters(since, until, publisher, language)
    sql = f"SELECT {ARTICLE_COLUMNS} FROM articles{where} ORDER BY published DESC, id DESC"
    if limit is not None:
        sql += " LIMIT ? OFFSET ?"
        params += [limit, offset]
    return [_decode(r) for r in db.query(sql, params)]


def count_articles(db: Database, since: str | None = None, until: str | None = None, publisher: str | None = None,
                   language: str | None = None) -> int:
    """How many articles ``list_articles`` would list with these filters, without a limit."""
    where, params = _article_filters(since, until, publisher, language)
    return int(db.scalar(f"SELECT COUNT(*) FROM articles{where}", params))


def titles_of(db: Database, article_ids: set[int | None]) -> dict[int, str]:
    """article id -> title, for the ids given (None and unknown ids are left out)."""
    ids = sorted(i for i in article_ids if i is not None)
    if not ids:
        return {}
    rows = db.query(f"SELECT id, title FROM articles WHERE id IN ({', '.join('?' * len(ids))})", ids)
    return {r["id"]: r["title"] for r in rows}


def _article_filters(
    since: str | None, until: str | None, publisher: str | None, language: str | None, alias: str = "",
    keep_undated: bool = False,
) -> tuple[str, list[Any]]:
    """WHERE clause of the article filters; ``keep_undated`` lets articles with no publication
    date through the date bounds (search keeps them unless the user asks for dated ones only)."""
    clauses, params = [], []
    undated = f" OR {alias}published IS NULL" if keep_undated else ""
    if since:
        clauses.append(f"({alias}published >= ?{undated})")
        params.append(since)
    if until:
        clauses.append(f"({alias}published < ?{undated})")
        params.append(until + "\uffff")  # ISO strings: every time on that day sorts below
    if publisher:
        clauses.append(f"LOWER({alias}publisher) = LOWER(?)")
        params.append(publisher)
    if language:
        clauses.append(f"{alias}language = ?")
        params.append(language)
    return (" WHERE " + " AND ".join(clauses) if clauses else ""), params


def article_count(db: Database) -> int:
    return int(db.scalar("SELECT COUNT(*) FROM articles"))


def list_clusters(
    db: Database,
    since: str | None = None,
    until: str | None = None,
    publisher: str | None = None,
    language: str | None = None,
    limit: int | None = 100,
    offset: int = 0,
) -> list[dict[str, Any]]:
    """Story clusters with more than one article (filters apply to the member articles)."""
    where, params = _article_filters(since, until, publisher, language, alias="a.")
    rows = db.query(
        "SELECT c.cluster_id, a.id, a.title, a.publisher, a.published FROM story_clusters c"
        " JOIN articles a ON a.id = c.article_id"
        f"{where} ORDER BY c.cluster_id, a.id",
        params,
    )
    grouped: dict[int, list[dict[str, Any]]] = {}
    for row in rows:
        grouped.setdefault(int(row["cluster_id"]), []).append(row)
    clusters = [
        {
            "cluster_id": cluster_id,
            "articles": len(members),
            "publishers": len({m["publisher"] for m in members if m["publisher"]}),
            "first_published": min((m["published"] for m in members if m["published"]), default=None),
            "article_ids": [int(m["id"]) for m in members],
            "title": members[0]["title"],
        }
        for cluster_id, members in grouped.items()
        if len(members) > 1
    ]
    clusters.sort(key=lambda c: (-c["articles"], c["cluster_id"]))
    end = None if limit is None else offset + limit
    return clusters[offset:end]


def article_details(db: Database, article_id: int) -> dict[str, Any]:
    """One article with its mentions, quotes, events and commitment reports (for ``show`` and the API)."""
    article = get_article(db, article_id)
    params = (article_id,)
    article["mentions"] = db.query(
        "SELECT start_char, end_char, text, actor_code, kind, resolved_by, name FROM mentions"
        " WHERE article_id = ? ORDER BY start_char", params)
    article["quotes"] = db.query(
        "SELECT id, speaker, speaker_actor, cue, text, start_char, end_char, speaker_start, speaker_end,"
        " mentions, construction, clause, confidence, confidence_from FROM quotes WHERE article_id = ?"
        " ORDER BY start_char", params)
    article["events"] = db.query(
        "SELECT id, date, source, target, cameo_code, root_code, quad_class, goldstein, sentence,"
        " start_char, end_char, matched, construction, clause, confidence, confidence_from FROM events"
        " WHERE article_id = ? ORDER BY start_char, id", params)
    further: dict[int, list[dict[str, Any]]] = {}
    for row in db.query(
            "SELECT event_id, date, source, target, cameo_code, sentence, start_char, end_char, matched,"
            " construction, clause, confidence, confidence_from, merged_as FROM event_mentions"
            " WHERE article_id = ? ORDER BY start_char, id", params):
        further.setdefault(int(row.pop("event_id")), []).append(row)
    for event in article["events"]:
        event["mentions"] = further.get(int(event["id"]), [])  # the act's other statements in the article
    reports = db.query(
        "SELECT id, parties, kinds, lifecycle_event, date, conditions, name, sentence, start_char,"
        " end_char, construction, clause, confidence, confidence_from FROM commitment_reports"
        " WHERE article_id = ? ORDER BY start_char, id", params)
    for report in reports:
        report["parties"] = json.loads(report["parties"])
        report["kinds"] = json.loads(report["kinds"])
    article["commitment_reports"] = reports
    return article
