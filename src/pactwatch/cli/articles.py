"""``pactwatch articles``, ``show`` and ``search``."""

from __future__ import annotations

import sys

import click

from pactwatch.cli.context import AppContext, parse_date_option, pass_app
from pactwatch.cli.markup import render_markup
from pactwatch.cli.output import emit, output_options
from pactwatch.store.articles import article_details, list_articles, list_clusters
from pactwatch.store.search import SearchFilters, marked_snippet, search_articles

LIST_COLUMNS = ("id", "published", "publisher", "language", "title")
CLUSTER_COLUMNS = ("cluster_id", "articles", "publishers", "first_published", "article_ids", "title")


@click.command()
@click.option("--since", callback=parse_date_option, help="Published on or after (YYYY-MM-DD).")
@click.option("--until", callback=parse_date_option, help="Published on or before (YYYY-MM-DD).")
@click.option("--publisher", help="Exact publisher name (case-insensitive).")
@click.option("--language", help="ISO 639-1 code, e.g. en.")
@click.option("--limit", default=100, show_default=True, type=click.IntRange(1), help="At most this many.")
@click.option("--offset", default=0, type=click.IntRange(0), help="Skip this many first.")
@click.option("--clusters", is_flag=True,
              help="List story clusters instead: copies of one story from several outlets, largest first.")
@output_options
@pass_app
def articles(app: AppContext, since: str | None, until: str | None, publisher: str | None,
             language: str | None, limit: int, offset: int, clusters: bool, fmt: str) -> None:
    """List stored articles, newest first (or, with --clusters, the near-duplicate story clusters)."""
    if clusters:
        rows = list_clusters(app.db(), since, until, publisher, language, limit, offset)
        emit(rows, fmt, None if fmt in ("json", "jsonl") else CLUSTER_COLUMNS, {"title": 80})
        return
    rows = list_articles(app.db(), since, until, publisher, language, limit, offset)
    emit(rows, fmt, None if fmt in ("json", "jsonl") else LIST_COLUMNS, {"title": 90})


@click.command()
@click.argument("article_id", type=int)
@click.option("--explain", is_flag=True,
              help="Under every quote, event and commitment step, the grammar construction that produced it"
                   " and the clause status it was read under (docs/grammar.md).")
@output_options
@pass_app
def show(app: AppContext, article_id: int, explain: bool, fmt: str) -> None:
    """One article with its metadata, marked up with what pactwatch found in it."""
    details = article_details(app.db(), article_id)
    if fmt == "table":
        click.echo(render_markup(details, color=sys.stdout.isatty(), explain=explain))
    else:
        emit([details], fmt)


@click.command()
@click.argument("query")
@click.option("--since", callback=parse_date_option,
              help="Published on or after (YYYY-MM-DD); undated articles are kept.")
@click.option("--until", callback=parse_date_option,
              help="Published on or before (YYYY-MM-DD); undated articles are kept.")
@click.option("--dated-only", is_flag=True, help="Leave out articles with no publication date.")
@click.option("--publisher", help="Exact publisher name (case-insensitive).")
@click.option("--language", help="ISO 639-1 code, e.g. en.")
@click.option("--limit", default=20, show_default=True, type=click.IntRange(1))
@click.option("--offset", default=0, type=click.IntRange(0))
@output_options
@pass_app
def search(app: AppContext, query: str, since: str | None, until: str | None, dated_only: bool,
           publisher: str | None, language: str | None, limit: int, offset: int, fmt: str) -> None:
    """Full-text search over titles and bodies, best matches first.

    Words are stemmed ("sanction" finds "sanctions") and searched in British and American
    spelling ("defence" finds "defense"); all words must match. "Quoted phrases" keep their
    order, OR joins the terms beside it (Russia OR Belarus), a trailing * matches the start of
    a word (defen*). An actor's code or name finds all its names: PRK finds "North Korea",
    "DPRK" and "Pyongyang". The snippet marks matches with [brackets] in the table; JSON gives
    the plain snippet and the matched character ranges as "highlights"."""
    filters = SearchFilters(since, until, publisher, language, dated_only)
    rows = search_articles(app.db(), query, limit, offset, filters)
    for row in rows:
        row.pop("rank", None)
        if fmt not in ("json", "jsonl"):
            row["snippet"] = marked_snippet(row)
    emit(rows, fmt, None if fmt in ("json", "jsonl") else ("id", "published", "title", "snippet"))


COMMANDS = [articles, show, search]
