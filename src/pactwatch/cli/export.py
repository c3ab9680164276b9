"""``pactwatch export``: tables for other tools (GDELT 2.0 event files, CSV, JSON, JSONL, Parquet)."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TextIO

import click

from pactwatch.cli.context import AppContext, min_confidence_option, parse_date_option, pass_app
from pactwatch.errors import UsageError
from pactwatch.export.gdelt import UNDATED_CHOICES, GdeltStats, write_gdelt
from pactwatch.export.tables import TABLES, column_docs, write_parquet, write_text

FORMATS = ("gdelt", "csv", "json", "jsonl", "parquet")
GDELT_TABLES = ("events", "merged-events")


@contextmanager
def _target(path: Path) -> Iterator[Path]:
    """A temporary file beside ``path``, moved into place only when the export succeeded."""
    partial = path.with_name(f".{path.name}.partial")
    try:
        yield partial
        os.replace(partial, path)
    finally:
        if partial.exists():
            partial.unlink()


def _write_text(output: Path | None, write: Callable[[TextIO], int]) -> int:
    if output is None:
        return write(sys.stdout)
    with _target(output) as partial, open(partial, "w", encoding="utf-8", newline="") as handle:
        return write(handle)


def _check(table: str, fmt: str, output: Path | None, raw: bool, since: str | None,
           until: str | None) -> None:
    if fmt == "gdelt" and table not in GDELT_TABLES:
        raise UsageError(f"--format gdelt exports events only (events or merged-events), not {table}")
    if raw and (fmt != "gdelt" or table != "events"):
        raise UsageError("--raw only applies to `export events --format gdelt` (per-article rows);"
                         " the events table itself is always per-article")
    if fmt == "parquet" and output is None:
        raise UsageError("--format parquet is binary: give a file with --output")
    if output is not None and not output.parent.is_dir():
        raise UsageError(f"cannot write {output}: folder {output.parent} does not exist")
    if since and until and since > until:
        raise UsageError(f"--since {since} is after --until {until}")


@click.command()
@click.argument("table", type=click.Choice(tuple(TABLES)), metavar="TABLE")
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="csv", show_default=True,
              help="gdelt: GDELT 2.0 Event TSV (events only); csv/json/jsonl/parquet: the table as stored.")
@click.option("--output", "-o", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="File to write (default: standard output; required for parquet).")
@click.option("--since", callback=parse_date_option, help="Dated on or after (YYYY-MM-DD).")
@click.option("--until", callback=parse_date_option, help="Dated on or before (YYYY-MM-DD).")
@click.option("--raw", is_flag=True,
              help="With --format gdelt: one row per event per article instead of merged events.")
@click.option("--undated", type=click.Choice(UNDATED_CHOICES), default="empty", show_default=True,
              help="With --format gdelt: events with no date of their own and no publication date get empty"
                   " date cells (empty), or are left out and counted on stderr (skip). Never the ingest day.")
@click.option("--columns", "describe", is_flag=True,
              help="Print what every column of TABLE (or of the GDELT file with --format gdelt) holds, and exit.")
@min_confidence_option
@pass_app
def export(app: AppContext, table: str, fmt: str, output: Path | None, since: str | None,
           until: str | None, raw: bool, undated: str, describe: bool, min_confidence: float) -> None:
    """Export a table for other tools: GDELT 2.0 events, CSV, JSON, JSONL or Parquet.

    TABLE is events, merged-events, quotes, mentions, articles, commitment-reports or commitments.

    \b
    --format gdelt writes GDELT 2.0 Event rows (61 tab-separated columns, no header): merged events
    with their mention/source/article counts, or with --raw one row per article's event. Columns
    pactwatch does not measure (geography, AvgTone, ethnic codes) are empty.
    Dates: events by event date (else publication date), articles/quotes/mentions by publication
    date, commitments by signature (else entry-into-force) date. GDELT's GlobalEventID is stable
    across annotate (derived from the article's content hash, the event's offsets and the event).
    Parquet types dates (date32) and times (timestamps). --columns documents every column.
    --min-confidence leaves out events, merged events (none of their reports that confident),
    quotes and commitment reports read with less confidence; other tables are exported whole.
    """
    if describe:
        _describe(table, fmt)
        return
    _check(table, fmt, output, raw, since, until)
    db = app.db()
    if fmt == "gdelt":
        stats = GdeltStats()
        count = _write_text(output, lambda out: write_gdelt(db, out, raw=raw, since=since, until=until,
                                                            undated=undated, stats=stats,
                                                            min_confidence=min_confidence))
        if stats.undated_left_out:
            click.echo(f"left out {stats.undated_left_out} undated event(s): no event or publication date"
                       " (--undated empty keeps them with empty date cells)", err=True)
    elif fmt == "parquet":
        assert output is not None
        with _target(output) as partial:
            count = write_parquet(db, table, partial, since, until, min_confidence=min_confidence)
    else:
        count = _write_text(output, lambda out: write_text(db, table, fmt, out, since, until,
                                                           min_confidence=min_confidence))
    if output is not None:
        click.echo(f"exported {count} rows of {table} to {output}", err=True)


def _describe(table: str, fmt: str) -> None:
    from pactwatch.cli.output import emit
    from pactwatch.data import read_table

    if fmt == "gdelt":
        rows = [{"column": r["name"], "type": r["type"], "description": r["description"]}
                for r in sorted(read_table("export/gdelt_event_columns.tsv"), key=lambda r: int(r["index"]))]
    else:
        rows = column_docs(table)
    emit(rows, "table", ("column", "type", "description"), {"description": 400})


COMMANDS = [export]
