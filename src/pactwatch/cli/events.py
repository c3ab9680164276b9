"""``pactwatch events``: CAMEO-coded events — who did what to whom, with the sentence."""

from __future__ import annotations

import click

from pactwatch.cli.context import AppContext, min_confidence_option, parse_date_option, pass_app
from pactwatch.cli.output import emit, output_options
from pactwatch.store.events import list_events, list_merged_events

MERGED_COLUMNS = ("date", "source", "target", "cameo_code", "num_mentions", "num_sources", "num_articles",
                  "sentence")
EVENT_COLUMNS = ("date", "source", "target", "cameo_code", "goldstein", "confidence", "article_id", "sentence")


@click.command()
@click.option("--actor", help="Source or target code starts with this (RUS finds RUSGOV).")
@click.option("--dyad", nargs=2, metavar="A B", help="Events between A and B (code prefixes), both directions.")
@click.option("--directed", is_flag=True, help="With --dyad: only A -> B.")
@click.option("--code", help="CAMEO code starts with this (05 finds 057).")
@click.option("--root", type=click.IntRange(1, 20), help="CAMEO root code 1-20.")
@click.option("--quad", type=click.IntRange(1, 4),
              help="Quad class: 1 verbal cooperation, 2 material cooperation, 3 verbal conflict, 4 material conflict.")
@click.option("--since", callback=parse_date_option, help="Event on or after (YYYY-MM-DD).")
@click.option("--until", callback=parse_date_option, help="Event on or before (YYYY-MM-DD).")
@click.option("--article", "article_id", type=int, help="Only this article id.")
@click.option("--limit", default=100, show_default=True, type=click.IntRange(1), help="At most this many.")
@click.option("--merged", is_flag=True,
              help="One row per event merged across articles, with num_mentions/num_sources/num_articles.")
@min_confidence_option
@output_options
@pass_app
def events(app: AppContext, actor: str | None, dyad: tuple[str, str] | None, directed: bool, code: str | None,
           root: int | None, quad: int | None, since: str | None, until: str | None, article_id: int | None,
           limit: int, merged: bool, min_confidence: float, fmt: str) -> None:
    """CAMEO-coded events, newest first, each with the sentence it was read from."""
    if directed and not dyad:
        raise click.UsageError("--directed needs --dyad A B")
    if merged:
        if article_id is not None:
            raise click.UsageError("--merged spans articles: drop --article")
        rows = list_merged_events(app.db(), actor, (dyad[0], dyad[1]) if dyad else None, directed, code,
                                  f"{root:02d}" if root else None, quad, since, until, limit,
                                  min_confidence=min_confidence)
        emit(rows, fmt, None if fmt in ("json", "jsonl") else MERGED_COLUMNS, {"sentence": 80})
        return
    rows = list_events(app.db(), actor, (dyad[0], dyad[1]) if dyad else None, directed, code,
                       f"{root:02d}" if root else None, quad, since, until, article_id, limit,
                       min_confidence=min_confidence)
    emit(rows, fmt, None if fmt in ("json", "jsonl") else EVENT_COLUMNS, {"sentence": 90})


COMMANDS = [events]
