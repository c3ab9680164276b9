"""Ingest and re-annotation as library calls, shared by the CLI, the HTTP API and Python users.

Reading happens in ``pactwatch.ingest``, understanding in ``pactwatch.nlp`` (through an engine:
this process, a process pool or a Dask cluster), writing in ``pactwatch.store``; this module
drives them in order and then refreshes what spans articles (story clusters, merged events and
quotes, the commitment graph). The understanding steps are imported only when they are used,
so listing commands and a read-only server never load spaCy.
"""

from __future__ import annotations

import functools
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, BinaryIO, Protocol

from pactwatch.errors import UsageError
from pactwatch.faults import checkpoint
from pactwatch.guard import STOPPED, guard_call
from pactwatch.records import Article
from pactwatch.store.annotations import write_annotation
from pactwatch.store.articles import all_article_ids, find_by_hash, get_article, save_article
from pactwatch.store.database import Database

if TYPE_CHECKING:  # readers pull in trafilatura and warcio: imported where they are used
    from pactwatch.ingest import ReadFailure, Skipped
    from pactwatch.nlp.engines import Engine
    from pactwatch.nlp.pipeline import PipelineConfig

DEFAULT_MAX_BYTES = 50 * 1024 * 1024
DEFAULT_BATCH_SIZE = 16


class ProgressSink(Protocol):
    """Told once per input item handled (``cli.progress.Progress`` draws a bar from it)."""

    def advance(self, origin: str | None) -> None: ...


class NoProgress:
    def advance(self, origin: str | None) -> None:
        pass


# Skipped files are listed by reason, with at most this many names each (a folder of 5,000
# pages run with --include '*.html' would otherwise print a line per other file).
SKIPPED_NAMES_SHOWN = 5


@dataclass
class IngestSummary:
    new: int = 0
    known: int = 0
    failures: list[ReadFailure] = field(default_factory=list)
    stored: list[int] = field(default_factory=list)  # ids of the articles this ingest stored
    skipped: list[Skipped] = field(default_factory=list)  # files of folders that are not news
    # stored articles the understanding steps did not read, by language ("es": 2)
    unannotated_languages: Counter[str] = field(default_factory=Counter)
    summary_only: int = 0  # feed items stored with only their summary
    notes: list[str] = field(default_factory=list)  # "origin: what was cut to stay within the limits"

    def lines(self) -> list[str]:
        head = f"{self.new} new, {self.known} already stored, {len(self.failures)} failed"
        out = [head + (f", {len(self.skipped)} skipped" if self.skipped else "")]
        if self.unannotated_languages:
            count = sum(self.unannotated_languages.values())
            languages = ", ".join(sorted(self.unannotated_languages))
            out.append(f"{count} stored but not annotated: language {languages} (only English is annotated)")
        if self.summary_only:
            out.append(f"{self.summary_only} feed item(s) stored with their summary only"
                       " (the feed carries no full text)")
        out += [f"failed: {f.origin}: {f.reason}" for f in self.failures]
        out += [f"note: {n}" for n in self.notes]
        by_reason: dict[str, list[str]] = {}
        for skip in self.skipped:
            by_reason.setdefault(skip.reason, []).append(skip.origin)
        for reason, origins in by_reason.items():
            shown = ", ".join(origins[:SKIPPED_NAMES_SHOWN])
            more = f" and {len(origins) - SKIPPED_NAMES_SHOWN} more" if len(origins) > SKIPPED_NAMES_SHOWN else ""
            out.append(f"skipped ({reason}): {shown}{more}")
        return out


def make_config(actor_files: Sequence[str | Path] = (), verb_files: Sequence[str | Path] = (),
                only_dictionary_verbs: bool = False, batch_size: int = DEFAULT_BATCH_SIZE) -> PipelineConfig:
    """The understanding steps' configuration: extra PETRARCH dictionaries and the batch size."""
    from pactwatch.nlp.pipeline import PipelineConfig

    if only_dictionary_verbs and not verb_files:
        raise UsageError("--only-dictionary-verbs needs at least one --verbs FILE")
    return PipelineConfig(
        actor_dictionaries=tuple(Path(p) for p in actor_files),
        verb_dictionaries=tuple(Path(p) for p in verb_files),
        use_own_verbs=not only_dictionary_verbs,
        batch_size=batch_size,
    )


def new_articles(db: Database, items: Iterator[Article | ReadFailure | Skipped], summary: IngestSummary,
                 progress: ProgressSink) -> Iterator[Article]:
    """Articles not stored yet (each content once); failures, skips and known articles are counted."""
    from pactwatch.ingest import ReadFailure, Skipped

    seen: set[str] = set()
    for item in items:
        checkpoint("read")
        if isinstance(item, ReadFailure):
            summary.failures.append(item)
            progress.advance(item.origin)
            continue
        if isinstance(item, Skipped):
            summary.skipped.append(item)
            progress.advance(item.origin)
            continue
        content_hash = item.content_hash
        if content_hash in seen or find_by_hash(db, content_hash) is not None:
            summary.known += 1  # skip the parse for what is stored already
            progress.advance(item.origin)
            continue
        seen.add(content_hash)
        yield item


# A batch also ends once it holds this much body text (16 articles of news-dev's ~2,000
# characters): a batch of 16 long bodies would keep one worker busy for many times as long as
# the others' batches, and at the end of a run the other workers would wait for it.
BATCH_CHARACTERS = 32_000


def batched(items: Iterator[Article], size: int, characters: int = BATCH_CHARACTERS) -> Iterator[list[Article]]:
    """Batches of at most ``size`` articles and ``characters`` of body (an article longer than
    that is a batch of its own)."""
    batch: list[Article] = []
    length = 0
    for item in items:
        if batch and length + len(item.body) > characters:
            yield batch
            batch, length = [], 0
        batch.append(item)
        length += len(item.body)
        if len(batch) >= size:
            yield batch
            batch, length = [], 0
    if batch:
        yield batch


def ingest_stream(db: Database, items: Iterator[Article | ReadFailure | Skipped], engine: Engine | None,
                  summary: IngestSummary, progress: ProgressSink | None = None,
                  batch_size: int = DEFAULT_BATCH_SIZE) -> list[int]:
    """Store every new article (annotated by ``engine`` unless it is None), one transaction each.

    Annotation may run in other processes or on a cluster; writing happens here, in order, so
    every engine leaves the same rows. Returns the ids of the articles stored.
    """
    from pactwatch.ingest import ReadFailure

    progress = progress or NoProgress()
    stored: list[int] = []
    batches = batched(new_articles(db, items, summary, progress), batch_size)
    if engine is None:
        results: Iterator[tuple[list[Article], list[Any]]] = ((b, [None] * len(b)) for b in batches)
    else:
        results = engine.run(batches)
    for batch, found in results:
        checkpoint("annotate")
        for article, annotation in zip(batch, found, strict=True):
            result = guard_call("storing the article", functools.partial(ReadFailure, article.origin),
                                functools.partial(save_article, db, article, annotation))
            if isinstance(result, ReadFailure):  # this article is not stored; the others go on
                summary.failures.append(result)
                progress.advance(article.origin)
                continue
            checkpoint("stored")
            if result.created:
                summary.notes += [f"{article.origin}: {note}" for note in article.notes]
                if annotation is not None and annotation.skipped and annotation.skipped.startswith(STOPPED):
                    summary.notes.append(f"{article.origin}: stored unannotated: {annotation.skipped}")
                summary.new += 1
                stored.append(result.article_id)
                summary.summary_only += article.summary_only
                if annotation is not None and annotation.skipped and article.language not in (None, "en"):
                    summary.unannotated_languages[article.language] += 1
            else:
                summary.known += 1  # stored meanwhile by another writer
            progress.advance(article.origin)
    summary.stored += stored
    return stored


def ingest_paths(db: Database, paths: Sequence[str | Path], *, annotate: bool = True,
                 config: PipelineConfig | None = None, workers: int | None = None,
                 dask_address: str | None = None, max_bytes: int = DEFAULT_MAX_BYTES,
                 stdin: BinaryIO | None = None, progress: ProgressSink | None = None,
                 include: Sequence[str] = (), exclude: Sequence[str] = (),
                 engine: Engine | None = None) -> IngestSummary:
    """Read ``paths`` (files, directories, globs, ``-`` for ``stdin``), store each new article
    once, annotate it unless ``annotate`` is false, and refresh the derived tables.

    Files found in folders that are not news (README, robots.txt, images, tables, labels) are
    skipped and counted; ``include``/``exclude`` globs narrow what folders give (a pattern with
    a ``/`` matches the path, otherwise the file name). Files named in ``paths`` are always read.

    ``workers`` processes annotate in parallel (default: all cores), or a Dask cluster at
    ``dask_address``, or a running ``engine`` the caller keeps; this process is the only writer.
    Failures are counted in the summary,
    each with its origin and reason; the other inputs are stored.
    """
    from pactwatch.ingest import ReadOptions, read_all
    from pactwatch.ingest.classify import Selection

    config = config or make_config()
    owned = engine is None  # an engine passed in is the caller's to close
    if engine is None and annotate:
        from pactwatch.nlp.engines import make_engine

        engine = make_engine(config, workers, dask_address)
    if not annotate:
        engine = None
    summary = IngestSummary()
    try:
        options = ReadOptions(max_bytes=max_bytes, selection=Selection(tuple(include), tuple(exclude)))
        items = read_all([str(p) for p in paths], options, stdin=stdin)
        ingest_stream(db, items, engine, summary, progress, config.batch_size)
    finally:
        if engine is not None and owned:
            engine.close()
    after_write(db, summary.stored)
    return summary


def annotate_stored(db: Database, article_ids: Sequence[int] = (), config: PipelineConfig | None = None,
                    progress: ProgressSink | None = None) -> int:
    """Re-run the understanding steps on stored articles (all when ``article_ids`` is empty),
    replacing their mentions, quotes, events and commitment reports. Returns how many."""
    from pactwatch.ingest.limits import DEFAULT_LIMITS
    from pactwatch.nlp.pipeline import Annotator
    from pactwatch.nlp.watchdog import annotate_guarded

    config = config or make_config()
    progress = progress or NoProgress()
    ids = list(article_ids) or all_article_ids(db)
    annotator = Annotator(config)
    done = 0
    for start in range(0, len(ids), config.batch_size):
        chunk = ids[start:start + config.batch_size]
        articles = [stored_article(db, i) for i in chunk]
        annotated = annotate_guarded(annotator, articles, DEFAULT_LIMITS.article_seconds)
        for article_id, annotation in zip(chunk, annotated, strict=True):
            write_annotation(db, article_id, annotation)
            done += 1
            progress.advance(None)
    after_write(db, ids, every_article=not article_ids)
    return done


def after_write(db: Database, article_ids: list[int] | None = None, every_article: bool = False) -> None:
    """Refresh what spans articles: story clusters, merged events and quotes, the commitment graph.

    Only the articles noted as pending are re-merged (``service.derived``): those this run
    stored, and those an earlier run stored but was stopped before refreshing. After
    re-annotating everything, all of it is (old keys may have disappeared). ``article_ids`` is
    accepted for older callers; the pending notes already name them.
    """
    from pactwatch.service.derived import refresh_derived

    refresh_derived(db, every_article)


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
