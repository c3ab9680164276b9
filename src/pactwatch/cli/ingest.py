"""``pactwatch ingest`` and ``pactwatch annotate``: options and messages around ``service.ingest``."""

from __future__ import annotations

import signal
import sys
import threading
import time
from pathlib import Path
from typing import TYPE_CHECKING

import click

from pactwatch.cli.context import AppContext, pass_app
from pactwatch.cli.progress import Progress
from pactwatch.service.ingest import DEFAULT_MAX_BYTES, IngestSummary, annotate_stored, ingest_paths, make_config
from pactwatch.store.articles import all_article_ids
from pactwatch.store.database import Database

if TYPE_CHECKING:
    from pactwatch.nlp.pipeline import PipelineConfig


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


@click.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--no-annotate", is_flag=True, help="Store articles without running the NLP steps.")
@click.option("--max-bytes", default=DEFAULT_MAX_BYTES, show_default=True, type=click.IntRange(1),
              help="Files larger than this are refused.")
@click.option("--quiet", "-q", is_flag=True, help="No progress bar.")
@click.option("--workers", type=click.IntRange(1), default=None,
              help="Processes that parse and annotate in parallel (default: all cores); one writer.")
@click.option("--dask", "dask_address", metavar="ADDRESS",
              help="Annotate on an existing Dask cluster, e.g. tcp://scheduler:8786; results written here.")
@click.option("--include", "include", multiple=True, metavar="GLOB",
              help="Only files of folders matching this glob (on the name, or the path if it has a /); repeatable.")
@click.option("--exclude", "exclude", multiple=True, metavar="GLOB",
              help="Leave out files of folders matching this glob (as --include); repeatable.")
@click.option("--follow", is_flag=True,
              help="Then keep watching the folders among PATHS and ingest new files as they arrive (as `watch`).")
@click.option("--interval", default=2.0, show_default=True, type=click.FloatRange(0.05),
              help="With --follow: seconds between looks at the folders.")
@pipeline_options
@pass_app
def ingest(app: AppContext, paths: tuple[str, ...], no_annotate: bool, max_bytes: int, quiet: bool,
           workers: int | None, dask_address: str | None, include: tuple[str, ...], exclude: tuple[str, ...],
           follow: bool, interval: float, actor_files: tuple[str, ...], verb_files: tuple[str, ...],
           only_dictionary_verbs: bool, batch_size: int) -> None:
    """Read news files (text dumps, HTML, WARC, JSONL, RSS/Atom feeds; directories, globs, .gz,
    - for stdin), clean them, store each article once and annotate it.

    In folders, files that are not news (README and licence files, robots.txt, images and SVG,
    TSV/CSV tables, JSON records without article text such as labels files) are skipped and
    counted; a file named on the command line is always read. Non-English articles are stored
    with their language and not annotated.

    Exit code 0 when every input was read, 1 when some failed (each named on stderr)."""
    config = make_config(actor_files, verb_files, only_dictionary_verbs, batch_size)
    db = app.db()
    stdin = sys.stdin.buffer if "-" in paths else None
    with Progress.for_paths(paths, enabled=not quiet) as progress:
        summary = ingest_paths(db, paths, annotate=not no_annotate, config=config, workers=workers,
                               dask_address=dask_address, max_bytes=max_bytes, stdin=stdin, progress=progress,
                               include=include, exclude=exclude)
    for line in summary.lines():
        click.echo(line, err=True)
    if follow:
        folders = [Path(p) for p in paths if Path(p).is_dir()]
        if not folders:
            raise click.UsageError("--follow needs at least one folder among PATHS")
        _follow(db, folders, config, no_annotate, workers, dask_address, max_bytes, include, exclude, interval)
    elif summary.failures:
        sys.exit(1)


@click.command()
@click.argument("folders", nargs=-1, required=True, type=click.Path(exists=True, file_okay=False))
@click.option("--interval", default=2.0, show_default=True, type=click.FloatRange(0.05),
              help="Seconds between looks at the folders; a file is read once it is unchanged for one interval.")
@click.option("--no-annotate", is_flag=True, help="Store articles without running the NLP steps.")
@click.option("--max-bytes", default=DEFAULT_MAX_BYTES, show_default=True, type=click.IntRange(1),
              help="Files larger than this are refused.")
@click.option("--workers", type=click.IntRange(1), default=1, show_default=True,
              help="Processes that annotate in parallel (a trickle of files needs one).")
@click.option("--dask", "dask_address", metavar="ADDRESS", help="Annotate on an existing Dask cluster.")
@click.option("--include", "include", multiple=True, metavar="GLOB", help="Only files matching this glob; repeatable.")
@click.option("--exclude", "exclude", multiple=True, metavar="GLOB",
              help="Leave out files matching this glob; repeatable.")
@pipeline_options
@pass_app
def watch(app: AppContext, folders: tuple[str, ...], interval: float, no_annotate: bool, max_bytes: int,
          workers: int, dask_address: str | None, include: tuple[str, ...], exclude: tuple[str, ...],
          actor_files: tuple[str, ...], verb_files: tuple[str, ...], only_dictionary_verbs: bool,
          batch_size: int) -> None:
    """Watch folders and ingest new and changed files as they arrive, until Ctrl-C or SIGTERM.

    Files already there are read first (what is stored already is a no-op). A file is read once
    its size and time have not changed for one interval; hidden files (.name.part) are never
    read, so a writer can write under a hidden name and rename when done. Files that are not
    news are skipped as in `ingest DIR`. On Ctrl-C/SIGTERM the articles already read are
    stored, each whole, and the command ends with exit code 0. One line per round on stderr."""
    config = make_config(actor_files, verb_files, only_dictionary_verbs, batch_size)
    _follow(app.db(), [Path(f) for f in folders], config, no_annotate, workers, dask_address, max_bytes,
            include, exclude, interval)


def _follow(db: Database, folders: list[Path], config: PipelineConfig, no_annotate: bool, workers: int | None,
            dask_address: str | None, max_bytes: int, include: tuple[str, ...], exclude: tuple[str, ...],
            interval: float) -> None:
    """Watch ``folders`` until SIGINT/SIGTERM (the handlers only set a flag the loop reads)."""
    from pactwatch.ingest import ReadOptions
    from pactwatch.ingest.classify import Selection
    from pactwatch.service.watch import watch_folders

    stop = threading.Event()
    previous = {sig: signal.signal(sig, lambda *_: stop.set()) for sig in (signal.SIGINT, signal.SIGTERM)}
    engine = None
    if not no_annotate:
        from pactwatch.nlp.engines import make_engine

        engine = make_engine(config, workers, dask_address)
    options = ReadOptions(max_bytes=max_bytes, selection=Selection(tuple(include), tuple(exclude)))
    click.echo(f"watching {', '.join(map(str, folders))} every {interval:g} s (Ctrl-C to stop)", err=True)

    def report(summary: IngestSummary) -> None:
        for line in summary.lines():
            click.echo(f"{time.strftime('%H:%M:%S')} {line}", err=True)

    try:
        total = watch_folders(db, folders, stop, engine, options, interval, config.batch_size, report)
    finally:
        if engine is not None:
            engine.close()
        for sig, handler in previous.items():
            signal.signal(sig, handler)
    click.echo(f"stopped: {total.new} new, {total.known} already stored, {len(total.failures)} failed, "
               f"{len(total.skipped)} skipped while watching", err=True)


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
    total = len(article_ids) if article_ids else len(all_article_ids(db))
    with Progress(total=total, enabled=not quiet) as progress:
        done = annotate_stored(db, article_ids, config, progress)
    click.echo(f"{done} articles annotated", err=True)


COMMANDS = [ingest, watch, annotate]
