"""``pactwatch ingest`` and ``pactwatch annotate``: options and messages around ``service.ingest``."""

from __future__ import annotations

import sys

import click

from pactwatch.cli.context import AppContext, pass_app
from pactwatch.cli.progress import Progress
from pactwatch.service.ingest import DEFAULT_MAX_BYTES, annotate_stored, ingest_paths, make_config
from pactwatch.store.articles import all_article_ids


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
@pipeline_options
@pass_app
def ingest(app: AppContext, paths: tuple[str, ...], no_annotate: bool, max_bytes: int, quiet: bool,
           workers: int | None, dask_address: str | None, include: tuple[str, ...], exclude: tuple[str, ...],
           actor_files: tuple[str, ...], verb_files: tuple[str, ...], only_dictionary_verbs: bool,
           batch_size: int) -> None:
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
    total = len(article_ids) if article_ids else len(all_article_ids(db))
    with Progress(total=total, enabled=not quiet) as progress:
        done = annotate_stored(db, article_ids, config, progress)
    click.echo(f"{done} articles annotated", err=True)


COMMANDS = [ingest, annotate]
