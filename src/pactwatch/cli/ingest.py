"""``pactwatch ingest`` and ``pactwatch annotate``."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import click

from pactwatch.cli.context import AppContext, pass_app
from pactwatch.cli.progress import Progress
from pactwatch.dedup.merge import merge_events, merge_quotes
from pactwatch.dedup.stories import add_signatures, rebuild_clusters
from pactwatch.errors import UsageError
from pactwatch.pacts.graph import rebuild as rebuild_commitments
from pactwatch.ingest import ReadFailure, ReadOptions, read_all
from pactwatch.ingest.article import Article
from pactwatch.nlp.engines import Engine, make_engine
from pactwatch.nlp.pipeline import Annotator, PipelineConfig
from pactwatch.store.annotations import write_annotation
from pactwatch.store.articles import find_by_hash, get_article, save_article
from pactwatch.store.database import Database


@dataclass
class IngestSummary:
    new: int = 0
    known: int = 0
    failures: list[ReadFailure] = field(default_factory=list)

    def lines(self) -> list[str]:
        out = [f"{self.new} new, {self.known} already stored, {len(self.failures)} failed"]
        out += [f"failed: {f.origin}: {f.reason}" for f in self.failures]
        return out


def pipeline_options(func):  # type: ignore[no-untyped-def]
    """Options shared by every command that runs the understanding steps."""
    func = click.option("--actors", "actor_files", multiple=True, type=click.Path(exists=True, dir_okay=False),
                        help="Phoenix/PETRARCH actor dictionary to use as well (repeatable).")(func)
    func = click.option("--verbs", "verb_files", multiple=True, type=click.Path(exists=True, dir_okay=False),
                        help="PETRARCH verb-pattern dictionary to use as well (repeatable).")(func)
    func = click.option("--only-dictionary-verbs", is_flag=True,
                        help="Use the --verbs dictionaries instead of pactwatch's own event lexicon.")(func)
    func = click.option("--batch-size", default=16, show_default=True, type=click.IntRange(1, 1024),
                        help="Articles parsed per spaCy batch.")(func)
    return func


def make_config(actor_files: tuple[str, ...], verb_files: tuple[str, ...], only_dictionary_verbs: bool,
                batch_size: int) -> PipelineConfig:
    if only_dictionary_verbs and not verb_files:
        raise UsageError("--only-dictionary-verbs needs at least one --verbs FILE")
    return PipelineConfig(
        actor_dictionaries=tuple(Path(p) for p in actor_files),
        verb_dictionaries=tuple(Path(p) for p in verb_files),
        use_own_verbs=not only_dictionary_verbs,
        batch_size=batch_size,
    )


def new_articles(db: Database, items: Iterator[Article | ReadFailure], summary: IngestSummary,
                 progress: Progress) -> Iterator[Article]:
    """Articles not stored yet (each content once); failures and known articles are counted."""
    seen: set[str] = set()
    for item in items:
        if isinstance(item, ReadFailure):
            summary.failures.append(item)
            progress.advance(item.origin)
            continue
        content_hash = item.content_hash
        if content_hash in seen or find_by_hash(db, content_hash) is not None:
            summary.known += 1  # skip the parse for what is stored already
            progress.advance(item.origin)
            continue
        seen.add(content_hash)
        yield item


def batched(items: Iterator[Article], size: int) -> Iterator[list[Article]]:
    batch: list[Article] = []
    for item in items:
        batch.append(item)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def ingest_stream(db: Database, items: Iterator[Article | ReadFailure], engine: Engine | None,
                  summary: IngestSummary, progress: Progress, batch_size: int = 16) -> list[int]:
    """Store every new article (annotated by ``engine`` unless it is None), one transaction each.

    Annotation may run in other processes or on a cluster; writing happens here, in order, so
    every engine leaves the same rows. Returns the ids of the articles stored.
    """
    stored: list[int] = []
    batches = batched(new_articles(db, items, summary, progress), batch_size)
    if engine is None:
        results: Iterator[tuple[list[Article], list[Any]]] = ((b, [None] * len(b)) for b in batches)
    else:
        results = engine.run(batches)
    for batch, found in results:
        for article, annotation in zip(batch, found, strict=True):
            result = save_article(db, article, annotation)
            if result.created:
                summary.new += 1
                stored.append(result.article_id)
            else:
                summary.known += 1  # stored meanwhile by another writer
            progress.advance(article.origin)
    return stored


@click.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--no-annotate", is_flag=True, help="Store articles without running the NLP steps.")
@click.option("--max-bytes", default=50 * 1024 * 1024, show_default=True, type=click.IntRange(1),
              help="Files larger than this are refused.")
@click.option("--quiet", "-q", is_flag=True, help="No progress bar.")
@click.option("--workers", type=click.IntRange(1), default=None,
              help="Processes that parse and annotate in parallel (default: all cores); one writer.")
@click.option("--dask", "dask_address", metavar="ADDRESS",
              help="Annotate on an existing Dask cluster, e.g. tcp://scheduler:8786; results written here.")
@pipeline_options
@pass_app
def ingest(app: AppContext, paths: tuple[str, ...], no_annotate: bool, max_bytes: int, quiet: bool,
           workers: int | None, dask_address: str | None, actor_files: tuple[str, ...],
           verb_files: tuple[str, ...], only_dictionary_verbs: bool, batch_size: int) -> None:
    """Read news files (text dumps, HTML, WARC, JSONL; directories, globs, .gz, - for stdin),
    clean them, store each article once and annotate it.

    Exit code 0 when every input was read, 1 when some failed (each named on stderr)."""
    config = make_config(actor_files, verb_files, only_dictionary_verbs, batch_size)
    db = app.db()
    summary = IngestSummary()
    stdin = sys.stdin.buffer if "-" in paths else None
    engine = None if no_annotate else make_engine(config, workers, dask_address)
    try:
        with Progress.for_paths(paths, enabled=not quiet) as progress:
            stored = ingest_stream(db, read_all(list(paths), ReadOptions(max_bytes=max_bytes), stdin=stdin),
                                   engine, summary, progress, batch_size)
    finally:
        if engine is not None:
            engine.close()
    after_write(db, stored)
    for line in summary.lines():
        click.echo(line, err=True)
    if summary.failures:
        sys.exit(1)


@click.command()
@click.option("--article", "article_ids", multiple=True, type=int, help="Only these article ids.")
@click.option("--quiet", "-q", is_flag=True, help="No progress bar.")
@pipeline_options
@pass_app
def annotate(app: AppContext, article_ids: tuple[int, ...], quiet: bool, actor_files: tuple[str, ...],
             verb_files: tuple[str, ...], only_dictionary_verbs: bool, batch_size: int) -> None:
    """Re-run the understanding steps on stored articles (after a table or code change),
    replacing their mentions, quotes, events and commitment reports."""
    config = make_config(actor_files, verb_files, only_dictionary_verbs, batch_size)
    db = app.db()
    ids = list(article_ids) or [int(r["id"]) for r in db.query("SELECT id FROM articles ORDER BY id")]
    annotator = Annotator(config)
    done = 0
    with Progress(total=len(ids), enabled=not quiet) as progress:
        for start in range(0, len(ids), batch_size):
            chunk = ids[start:start + batch_size]
            articles = [stored_article(db, i) for i in chunk]
            for article_id, annotation in zip(chunk, annotator.annotate_many(articles)):
                write_annotation(db, article_id, annotation)
                done += 1
                progress.advance(None)
    after_write(db, ids, every_article=not article_ids)
    click.echo(f"{done} articles annotated", err=True)


def after_write(db: Database, article_ids: list[int], every_article: bool = False) -> None:
    """Refresh what spans articles: story clusters, merged events and quotes, the commitment graph.

    After an ingest only the new articles' keys are re-merged; after re-annotating everything,
    all of it is (old keys may have disappeared).
    """
    if not article_ids and not every_article:
        return
    add_signatures(db, article_ids)
    rebuild_clusters(db)
    merge_events(db, None if every_article else article_ids)
    merge_quotes(db, None if every_article else article_ids)
    rebuild_commitments(db)


def stored_article(db: Database, article_id: int) -> Article:
    """Rebuild the Article record from what is stored (body offsets stay identical)."""
    from datetime import datetime

    row = get_article(db, article_id)

    def when(value: str | None) -> datetime | None:
        return datetime.fromisoformat(value) if value else None

    return Article(
        title=row["title"], paragraphs=[p["text"] for p in row["paragraphs"]], origin=row["origin"],
        lead=row["lead"], publisher=row["publisher"], section=row["section"], url=row["url"],
        published=when(row["published"]), modified=when(row["modified"]), language=row["language"],
        authors=row["authors"] or [], related_headlines=row["related_headlines"],
        paragraph_counts=[p["occurrences"] for p in row["paragraphs"]],
    )


COMMANDS = [ingest, annotate]
