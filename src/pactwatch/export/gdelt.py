"""Events as GDELT 2.0 Event table rows: 61 tab-separated columns, no header line.

By default one row per merged event (``merged_events``: the same event reported by several
articles, with GDELT-style NumMentions/NumSources/NumArticles); with ``raw=True`` one row per
event found in one article (counts 1). The column list lives in ``data/export/gdelt_event_columns.tsv``.

What pactwatch does not measure stays empty: ethnic codes, all 24 geography columns and AvgTone
(empty rather than 0, since 0 would claim a neutral tone). Nothing is invented either: an event
with no date of its own and no publication date has empty date cells (DATEADDED still says when
it was ingested), or is left out and counted (``undated="skip"``). GlobalEventID is derived from
the article's content hash, the event's character offsets and the event itself, so it stays
the same across ``annotate`` and re-ingests (a merged row takes the smallest id of its reports).
Rows are read in id order, a chunk at a time, so an export never holds the whole table in memory.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any, TextIO

from pactwatch.data import read_table
from pactwatch.export.actor_codes import ActorCodebook
from pactwatch.store import exports
from pactwatch.store.database import Database

CHUNK = 1000  # rows read per query
UNDATED_CHOICES = ("empty", "skip")
# GlobalEventID bits: below 2**53, so JavaScript and float-typed readers keep every id exact
ID_BITS = 53


@dataclass
class GdeltStats:
    """What an export left out (the rows written are counted by the caller)."""

    undated_left_out: int = 0


def stable_event_id(content_hash: str, start: int, end: int, source: str, target: str, code: str) -> int:
    """An event's id from what it is, not from when it was stored: the article's content hash,
    the evidence offsets and the event's actors and code (positive, below 2**53)."""
    key = f"{content_hash}|{start}|{end}|{source}|{target}|{code}".encode()
    value = int.from_bytes(hashlib.sha256(key).digest()[:8], "big") >> (64 - ID_BITS)
    return value or 1


def column_names() -> tuple[str, ...]:
    """The 61 GDELT 2.0 Event column names, in file order."""
    rows = sorted(read_table("export/gdelt_event_columns.tsv"), key=lambda r: int(r["index"]))
    return tuple(r["name"] for r in rows)


@dataclass(frozen=True)
class _Report:
    """One article's report of an event: what a merged row needs from each member."""

    article_id: int
    url: str | None
    published: str | None
    ingested_at: str | None
    in_lead: bool
    event_id: int  # stable_event_id of this report


def _day(value: str | None) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(str(value)[:10])
    except ValueError:
        return None


def _added(values: Sequence[str | None]) -> str:
    """Earliest ingest time as YYYYMMDDHHMMSS in UTC ("" when none parses)."""
    times = []
    for value in values:
        try:
            moment = datetime.fromisoformat(str(value))
        except (TypeError, ValueError):
            continue
        if moment.tzinfo is None:
            moment = moment.replace(tzinfo=UTC)  # the store writes UTC
        times.append(moment.astimezone(UTC))
    return min(times).strftime("%Y%m%d%H%M%S") if times else ""


def _date_cells(day: date) -> list[str]:
    # FractionDate: the share of the year before this day, so 1 January is YYYY.0000
    first = date(day.year, 1, 1)
    days_in_year = (date(day.year + 1, 1, 1) - first).days
    fraction = (day - first).days / days_in_year
    month = f"{day.year:04d}{day.month:02d}"
    return [f"{month}{day.day:02d}", month, str(day.year), f"{day.year + fraction:.4f}"]


def _clean(value: Any) -> str:
    # a tab or line break inside a cell would shift every later column for a TSV reader
    text = "" if value is None else str(value)
    return text.replace("\t", " ").replace("\r", " ").replace("\n", " ")


def _in_range(day: date, since: str | None, until: str | None) -> bool:
    iso = day.isoformat()
    return (since is None or iso >= since) and (until is None or iso <= until)


def _row(codebook: ActorCodebook, event: dict[str, Any], reports: list[_Report], counts: tuple[int, int, int],
         since: str | None, until: str | None, undated: str, stats: GdeltStats) -> list[str] | None:
    # the event's own date, else its articles' publication date (GDELT's convention); never
    # the day it was ingested, which says nothing about when the event happened
    day = (_day(event.get("date"))
           or min((d for d in (_day(r.published) for r in reports) if d), default=None))
    if day is None:
        if undated == "skip":
            stats.undated_left_out += 1
            return None
    elif not _in_range(day, since, until):
        return None
    first = min(reports, key=lambda r: r.article_id)
    code = str(event["cameo_code"])
    goldstein = float(event["goldstein"])
    cells = [str(min(r.event_id for r in reports)), *(_date_cells(day) if day else [""] * 4),
             *codebook.split(event["source"]).cells(), *codebook.split(event["target"]).cells(),
             "1" if any(r.in_lead for r in reports) else "0",
             code, code[:3], str(event["root_code"]).zfill(2), str(int(event["quad_class"])),
             repr(round(goldstein, 2)), *(str(int(c)) for c in counts), "",
             *([""] * 24),
             _added([r.ingested_at for r in reports]),
             first.url or f"pactwatch:article/{first.article_id}"]
    # most rows have no tab or line break in any cell: check once, clean cell by cell only then
    line = "\t".join(cells)
    if line.count("\t") != len(cells) - 1 or "\n" in line or "\r" in line:
        return [_clean(c) for c in cells]
    return cells


def _report(row: dict[str, Any]) -> _Report:
    lead_end = row.get("lead_end")
    event_id = stable_event_id(row["content_hash"], int(row["start_char"]), int(row["end_char"]),
                               row["e_source"], row["e_target"], row["e_code"])
    return _Report(int(row["article_id"]), row.get("url"), row.get("published"), row.get("ingested_at"),
                   lead_end is not None and int(row["start_char"]) < int(lead_end), event_id)


def _raw_rows(db: Database, codebook: ActorCodebook, since: str | None, until: str | None,
              chunk: int, undated: str, stats: GdeltStats, min_confidence: float | None) -> Iterator[list[str]]:
    last = 0
    while True:
        rows = exports.event_page(db, last, chunk, min_confidence)
        if not rows:
            return
        for row in rows:
            out = _row(codebook, row, [_report(row)], (1, 1, 1), since, until, undated, stats)
            if out is not None:
                yield out
        last = int(rows[-1]["id"])


def _merged_rows(db: Database, codebook: ActorCodebook, since: str | None, until: str | None,
                 chunk: int, undated: str, stats: GdeltStats, min_confidence: float | None) -> Iterator[list[str]]:
    # a merged event is written when one of its reports is confident enough, citing those reports
    last = 0
    while True:
        rows = exports.merged_event_page(db, last, chunk)
        if not rows:
            return
        reports: dict[int, list[_Report]] = {}
        ids = [int(r["id"]) for r in rows]
        for member in exports.merged_event_reports(db, ids, min_confidence):
            reports.setdefault(int(member["merged_id"]), []).append(_report(member))
        for row in rows:
            members = reports.get(int(row["id"]))
            if not members:
                continue  # deleted between the two queries, or no report confident enough
            counts = (row["num_mentions"], row["num_sources"], row["num_articles"])
            out = _row(codebook, row, members, counts, since, until, undated, stats)
            if out is not None:
                yield out
        last = ids[-1]


def iter_gdelt_rows(db: Database, raw: bool = False, since: str | None = None, until: str | None = None,
                    codebook: ActorCodebook | None = None, chunk: int = CHUNK, undated: str = "empty",
                    stats: GdeltStats | None = None, min_confidence: float | None = None) -> Iterator[list[str]]:
    """GDELT 2.0 event rows (61 cells each). ``since``/``until`` are inclusive ISO dates on Day;
    events read with less than ``min_confidence`` are left out.

    ``undated``: "empty" writes events with no date with empty date cells (also under a date
    range: an unknown date is not outside it); "skip" leaves them out, counted in ``stats``.
    """
    if undated not in UNDATED_CHOICES:
        raise ValueError(f"undated must be one of {UNDATED_CHOICES}, not {undated!r}")
    codebook = codebook or ActorCodebook.load()
    stats = stats if stats is not None else GdeltStats()
    rows = _raw_rows if raw else _merged_rows
    yield from rows(db, codebook, since, until, chunk, undated, stats, min_confidence)


def write_gdelt(db: Database, out: TextIO, raw: bool = False, since: str | None = None,
                until: str | None = None, codebook: ActorCodebook | None = None, undated: str = "empty",
                stats: GdeltStats | None = None, min_confidence: float | None = None) -> int:
    """Write events as a GDELT 2.0 Event file (tab-separated, no header); return the row count."""
    count = 0
    for cells in iter_gdelt_rows(db, raw, since, until, codebook, undated=undated, stats=stats,
                                 min_confidence=min_confidence):
        out.write("\t".join(cells) + "\n")
        count += 1
    return count
