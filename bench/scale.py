"""Scale in simulation: a store (PostgreSQL; SQLite with ``--backend``) holding many articles' worth
of annotations, the single writer's speed, and the query set at that size. No parsing: the annotations are synthetic,
shaped like news-dev's (per article: paragraphs, mentions, events, quotes, commitment reports).

    .venv/bin/python bench/scale.py [--articles 50000] [--writer-articles 1000] [--pg URL]
                                    [--backend postgresql|sqlite|both]
    .venv/bin/python bench/scale.py --million          # the 1M-article run (~1 h on 2 shared cores)

1. The writer: ``--writer-articles`` articles with their annotations go through
   ``store.articles.save_article`` one transaction each, exactly as ``pactwatch ingest``'s writer
   stores a worker's result; prints articles/s and rows/s. That is the ceiling of any number of
   parse workers feeding one writer.
2. The bulk: the rest of ``--articles`` is loaded by COPY (SQLite: executemany; the same rows, much faster than the
   writer; this is the simulation of a long-running ingest, not a measure of it).
3. The query set of ``bench/query.py`` (allies, obligations, timeline, events by actor and dyad,
   search) at that size, ``--repeat`` runs, with the p95 range.
"""

from __future__ import annotations

import argparse
import os
import random
import sys
import tempfile
import time
from collections.abc import Iterator
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from query import (  # noqa: E402 - bench/ is not a package
    SPAN_DAYS,
    START,
    STATES,
    VOCABULARY,
    WEIGHTS,
    WORD_WEIGHTS,
    bulk_insert,
    measure,
    postgres_database,
    server_cpu,
    synthetic_commitment,
)

from pactwatch.records import (  # noqa: E402
    Annotation,
    Article,
    Event,
    Mention,
    Quote,
)
from pactwatch.store import open_database  # noqa: E402
from pactwatch.store.articles import save_article  # noqa: E402
from pactwatch.store.commitments import insert_commitment  # noqa: E402
from pactwatch.store.database import Database  # noqa: E402

# Per article, measured on news-dev as stored by `pactwatch ingest` (see README "Scale").
PARAGRAPHS, MENTIONS, EVENTS, QUOTES = 8, 22, 7, 3  # news-dev: 7.9, 21.9, 6.8, 2.6; bodies ~1,430 chars
ROLES = ("", "GOV", "MIL")


# Paragraphs are drawn from a pool made once: making every article's words afresh cost more CPU
# than loading it.
_POOL: list[str] = []


def synthetic_article(i: int, rng: random.Random) -> tuple[Article, Annotation]:
    """One article of PARAGRAPHS short paragraphs and its annotation (codes drawn with Zipf weights)."""
    if not _POOL:
        pool_rng = random.Random(1)
        _POOL.extend(" ".join(pool_rng.choices(VOCABULARY, WORD_WEIGHTS, k=25)) + "." for _ in range(20_000))
    paragraphs = rng.sample(_POOL, PARAGRAPHS)
    article = Article(title=f"Story {i} {paragraphs[0][:40]}", paragraphs=paragraphs, origin=f"scale:{i}",
                      publisher=f"Wire {i % 13}", published=datetime.combine(START + timedelta(days=i % SPAN_DAYS),
                                                                             datetime.min.time()),
                      language="en", paragraph_counts=[1] * PARAGRAPHS)
    body = article.body
    spans = article.paragraph_spans()
    day = START + timedelta(days=i % SPAN_DAYS)

    def span() -> tuple[int, int]:
        return spans[rng.randrange(len(spans))]

    mentions = []
    for _ in range(MENTIONS):
        start, _ = span()
        code = rng.choices(STATES, WEIGHTS)[0] + rng.choice(ROLES)
        mentions.append(Mention(start, start + 6, body[start:start + 6], code, "country", "table"))
    events = []
    for _ in range(EVENTS):
        start, end = span()
        a, b = rng.choices(STATES, WEIGHTS, k=2)
        if a == b:
            continue
        events.append(Event(a + rng.choice(ROLES), b + rng.choice(ROLES), "042", "04", 1, 1.9,
                            day - timedelta(days=rng.randrange(3)), body[start:end], start, end, "verb:visit"))
    quotes = []
    for _ in range(QUOTES):
        start, end = span()
        speaker = rng.choices(STATES, WEIGHTS)[0] + "GOV"
        quotes.append(Quote(body[start:end], start, end, f"Minister {speaker}", speaker, "say"))
    return article, Annotation(mentions=mentions, quotes=quotes, events=events)


def writer(db: Database, first: int, count: int, rng: random.Random) -> tuple[float, float, float, int]:
    """Wall seconds, the writer process's CPU seconds, and rows for ``count`` articles through the
    writer's own call; excludes building them. The CPU figure is what the writer itself costs,
    whatever else the machine is doing; the server backend's CPU seconds are returned beside it."""
    items = [synthetic_article(i, rng) for i in range(first, first + count)]
    rows = sum(1 + PARAGRAPHS + len(a.mentions) + len(a.events) + len(a.quotes) for _, a in items)
    t0, c0, s0 = time.perf_counter(), time.process_time(), server_cpu(db)
    for article, annotation in items:
        save_article(db, article, annotation)
    return time.perf_counter() - t0, time.process_time() - c0, server_cpu(db) - s0, rows


def bulk_rows(first: int, count: int, rng: random.Random) -> dict[str, Iterator[tuple[Any, ...]]]:
    """COPY rows for articles first..first+count-1, made lazily table by table from one pass."""
    tables: dict[str, list[tuple[Any, ...]]] = {"articles": [], "paragraphs": [], "mentions": [], "events": [],
                                                "quotes": []}
    for i in range(first, first + count):
        article, annotation = synthetic_article(i, rng)
        tables["articles"].append((i, f"scale{i}", article.origin, article.title, article.publisher,
                                   article.published.isoformat() if article.published else None, "en",
                                   article.body, "2024-01-01", "2024-01-01"))
        tables["paragraphs"] += [(i, n, s, e, 1) for n, (s, e) in enumerate(article.paragraph_spans())]
        tables["mentions"] += [(i, m.start, m.end, m.text, m.code, m.kind, m.resolved_by) for m in annotation.mentions]
        tables["events"] += [(i, e.date.isoformat() if e.date else None, e.source, e.target, e.cameo_code,
                              e.root_code, e.quad_class, e.goldstein, e.sentence, e.start, e.end, e.matched)
                             for e in annotation.events]
        tables["quotes"] += [(i, q.speaker, q.speaker_actor, q.cue, q.text, q.start, q.end) for q in annotation.quotes]
    return {k: iter(v) for k, v in tables.items()}


COLUMNS = {
    "articles": ("id", "content_hash", "origin", "title", "publisher", "published", "language", "body",
                 "ingested_at", "annotated_at"),
    "paragraphs": ("article_id", "idx", "start_char", "end_char", "occurrences"),
    "mentions": ("article_id", "start_char", "end_char", "text", "actor_code", "kind", "resolved_by"),
    "events": ("article_id", "date", "source", "target", "cameo_code", "root_code", "quad_class", "goldstein",
               "sentence", "start_char", "end_char", "matched"),
    "quotes": ("article_id", "speaker", "speaker_actor", "cue", "text", "start_char", "end_char"),
}


def commitments(db: Database, n: int, articles: int, rng: random.Random) -> None:
    with db.transaction():
        for k in range(n):
            insert_commitment(db, synthetic_commitment("scale", k, articles, rng))


def simulate(url: str, args: argparse.Namespace, total: int) -> None:
    """Writer, bulk load, commitments and the query set on the store at ``url``."""
    rng = random.Random(7)
    db = open_database(url)
    seconds, cpu, server, rows = writer(db, 1, args.writer_articles, rng)
    print(f"writer: {args.writer_articles} articles, {rows} rows in {seconds:.1f} s:"
          f" {args.writer_articles / seconds:.0f} articles/s, {rows / seconds:.0f} rows/s"
          f" (one transaction per article, as `pactwatch ingest` writes)")
    n = args.writer_articles
    server_side = f"{1000 * server / n:.1f} ms in the server backend" if db.dialect == "postgresql" else \
        "SQLite's work included"
    print(f"writer CPU per article: {1000 * cpu / n:.1f} ms in the writer ({server_side}); with a core for"
          f" each, a ceiling of {n / max(cpu, server):.0f} articles/s ({rows / max(cpu, server):.0f} rows/s)")
    t0 = time.perf_counter()
    first, chunk = args.writer_articles + 1, 20_000
    while first <= total:
        count = min(chunk, total - first + 1)
        with db.transaction():
            for table, rows_of in bulk_rows(first, count, rng).items():
                bulk_insert(db, table, COLUMNS[table], rows_of)
        first += count
    if db.dialect == "postgresql":  # COPY with explicit ids leaves the sequence behind
        db.execute("SELECT setval(pg_get_serial_sequence('articles', 'id'), (SELECT MAX(id) FROM articles))")
    commitments(db, args.commitments, total, rng)
    # PostgreSQL: VACUUM sets the visibility map, as autovacuum does on a live store; without it
    # every index-only read of freshly loaded rows visits the table too (timeline totals 8x slower)
    db.execute("VACUUM ANALYZE" if db.dialect == "postgresql" else "ANALYZE")
    counts = db.table_counts(["articles", "paragraphs", "mentions", "events", "quotes"])
    if db.dialect == "postgresql":
        size = int(db.scalar("SELECT pg_database_size(current_database())"))
    else:
        size = int(db.scalar("SELECT page_count * page_size FROM pragma_page_count(), pragma_page_size()"))
    db.close()
    print(f"bulk: {total} articles in all, loaded in {time.perf_counter() - t0:.0f} s;"
          f" rows {counts}; database {size / 2**30:.2f} GiB, {size / total / 1024:.1f} KiB per article")
    measure(url, args.runs, args.cold_runs, args.repeat, f"{db.dialect}, {total} articles")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=50_000)
    parser.add_argument("--million", action="store_true", help="1,000,000 articles")
    parser.add_argument("--writer-articles", type=int, default=1_000)
    parser.add_argument("--commitments", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=50)
    parser.add_argument("--cold-runs", type=int, default=10)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--backend", choices=("sqlite", "postgresql", "both"), default="postgresql")
    parser.add_argument("--pg", default=os.environ.get("PACTWATCH_TEST_PG"), help="PostgreSQL server URL")
    args = parser.parse_args()
    if args.backend != "sqlite" and not args.pg:
        parser.error("PostgreSQL needs a server: --pg URL or PACTWATCH_TEST_PG (or --backend sqlite)")
    total = 1_000_000 if args.million else args.articles
    if args.backend in ("sqlite", "both"):
        with tempfile.TemporaryDirectory() as tmp:
            simulate(f"sqlite:///{Path(tmp) / 'scale.sqlite'}", args, total)
    if args.backend in ("postgresql", "both"):
        with postgres_database(args.pg) as url:
            simulate(url, args, total)


if __name__ == "__main__":
    main()
