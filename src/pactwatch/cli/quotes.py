"""``pactwatch quotes`` (who said what) and ``pactwatch actors`` (who is talked about)."""

from __future__ import annotations

import click

from pactwatch.cli.context import AppContext, min_confidence_option, parse_date_option, pass_app
from pactwatch.cli.output import emit, output_options
from pactwatch.store.quotes import actor_counts, list_merged_quotes, list_quotes

MERGED_COLUMNS = ("first_date", "speaker", "speaker_actor", "num_mentions", "num_sources", "num_articles", "text")
QUOTE_COLUMNS = ("article_id", "published", "speaker", "speaker_actor", "cue", "mentions", "text")
ACTOR_KINDS = ("country", "capital", "organisation", "person", "role", "pronoun", "description")


@click.command()
@click.option("--speaker", help="Speaker name contains this (case-insensitive).")
@click.option("--actor", help="Speaker's actor code starts with this (RUS finds RUSGOV).")
@click.option("--article", "article_id", type=int, help="Only this article id.")
@click.option("--since", callback=parse_date_option, help="Article published on or after (YYYY-MM-DD).")
@click.option("--until", callback=parse_date_option, help="Article published on or before (YYYY-MM-DD).")
@click.option("--text", help="Quotation contains this (case-insensitive).")
@click.option("--limit", default=100, show_default=True, type=click.IntRange(1), help="At most this many.")
@click.option("--merged", is_flag=True,
              help="One row per quotation merged across articles, with num_mentions/num_sources/num_articles.")
@min_confidence_option
@output_options
@pass_app
def quotes(app: AppContext, speaker: str | None, actor: str | None, article_id: int | None,
           since: str | None, until: str | None, text: str | None, limit: int, merged: bool, min_confidence: float,
           fmt: str) -> None:
    """Direct quotations with their speakers, newest articles first."""
    if merged:
        if article_id is not None:
            raise click.UsageError("--merged spans articles: drop --article")
        rows = list_merged_quotes(app.db(), speaker, actor, since, until, text, limit, min_confidence=min_confidence)
        emit(rows, fmt, None if fmt in ("json", "jsonl") else MERGED_COLUMNS, {"text": 70, "speaker": 30})
        return
    rows = list_quotes(app.db(), speaker, actor, article_id, since, until, text, limit,
                       min_confidence=min_confidence)
    emit(rows, fmt, None if fmt in ("json", "jsonl") else QUOTE_COLUMNS, {"text": 80, "speaker": 30})


@click.command()
@click.option("--since", callback=parse_date_option, help="Article published on or after (YYYY-MM-DD).")
@click.option("--until", callback=parse_date_option, help="Article published on or before (YYYY-MM-DD).")
@click.option("--kind", type=click.Choice(ACTOR_KINDS), help="Only mentions of this kind.")
@click.option("--by", "by", type=click.Choice(["month"]), help="Count per publication month.")
@click.option("--limit", default=50, show_default=True, type=click.IntRange(1), help="At most this many rows.")
@output_options
@pass_app
def actors(app: AppContext, since: str | None, until: str | None, kind: str | None, by: str | None,
           limit: int, fmt: str) -> None:
    """The most-mentioned actor codes, with mention and article counts."""
    rows = actor_counts(app.db(), since, until, kind, by == "month", limit)
    emit(rows, fmt)


COMMANDS = [quotes, actors]
