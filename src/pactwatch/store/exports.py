"""The reads behind ``pactwatch export``: stored tables a page at a time, and event reports.

Every exported table has an integer ``id``; rows are read in id order with keyset paging
(``WHERE id > last ORDER BY id LIMIT n``), which both backends run the same way and which never
holds a whole table in memory. Formatting (CSV, JSON, Parquet, GDELT cells) is ``pactwatch.export``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from pactwatch.errors import UsageError
from pactwatch.store.database import Database, query_by_ids
from pactwatch.store.patterns import confidence_clauses, member_confidence_clauses


@dataclass(frozen=True)
class TableSpec:
    """One exportable table: its FROM clause (aliased ``t``), typed columns and date expression."""

    table: str
    columns: tuple[tuple[str, str], ...]  # (name, type): int | float | str | list | bool | date | datetime
    date: str  # SQL expression filtered by since/until
    join_articles: bool = False
    # how --min-confidence applies: "own" (the row's confidence column), "merged:MEMBERS:COLUMN:TABLE"
    # (a member row at least that confident), "" (not filtered: articles, mentions, commitments)
    scored: str = ""

    def confidence_clauses(self, min_confidence: float | None) -> tuple[list[str], list[Any]]:
        if self.scored == "own":
            return confidence_clauses("t", min_confidence)
        if self.scored.startswith("merged:"):
            _, members, column, table = self.scored.split(":")
            return member_confidence_clauses("t", members, column, table, min_confidence)
        return [], []

    @property
    def source(self) -> str:
        join = " JOIN articles a ON a.id = t.article_id" if self.join_articles else ""
        return f"{self.table} t{join}"


def _cols(spec: str) -> tuple[tuple[str, str], ...]:
    return tuple(tuple(item.split(":")) for item in spec.split())  # type: ignore[misc]


# The exportable tables, by the name ``pactwatch export`` takes (what each column holds:
# data/export/table_columns.tsv).
TABLES: dict[str, TableSpec] = {
    "articles": TableSpec("articles", _cols(
        "id:int content_hash:str origin:str url:str title:str lead:str publisher:str section:str"
        " authors:list published:datetime modified:datetime crawled:datetime language:str body:str"
        " ingested_at:datetime annotated_at:datetime annotation_note:str summary_only:bool"), "t.published"),
    "events": TableSpec("events", _cols(
        "id:int article_id:int date:date source:str target:str cameo_code:str root_code:str"
        " quad_class:int goldstein:float sentence:str start_char:int end_char:int matched:str"
        " confidence:float confidence_from:str"),
        "COALESCE(t.date, a.published)", join_articles=True, scored="own"),
    "merged-events": TableSpec("merged_events", _cols(
        "id:int source:str target:str cameo_code:str root_code:str quad_class:int goldstein:float"
        " date:date last_date:date num_mentions:int num_sources:int num_articles:int"), "t.date",
        scored="merged:merged_event_members:event_id:events"),
    "quotes": TableSpec("quotes", _cols(
        "id:int article_id:int speaker:str speaker_actor:str cue:str text:str start_char:int"
        " end_char:int speaker_start:int speaker_end:int mentions:int confidence:float confidence_from:str"),
        "a.published", join_articles=True, scored="own"),
    "mentions": TableSpec("mentions", _cols(
        "id:int article_id:int start_char:int end_char:int text:str actor_code:str kind:str"
        " resolved_by:str name:str"), "a.published", join_articles=True),
    "commitment-reports": TableSpec("commitment_reports", _cols(
        "id:int article_id:int parties:list kinds:list lifecycle_event:str date:date conditions:str"
        " name:str sentence:str start_char:int end_char:int confidence:float confidence_from:str"),
        "COALESCE(t.date, a.published)", join_articles=True, scored="own"),
    # commitments: a date range selects those signed (or, if undated, in force) within it
    "commitments": TableSpec("commitments", _cols(
        "id:int key:str name:str kinds:list organisation:str origin:str signed:date in_force:date"
        " ended:date conditions:str reference:str defense:int"), "COALESCE(t.signed, t.in_force)"),
}


def present_columns(db: Database, spec: TableSpec) -> set[str]:
    """The columns this database's table has (a table before its migration raises UsageError)."""
    try:
        cursor = db.execute(f"SELECT * FROM {spec.table} WHERE 1 = 0")
    except Exception as exc:  # noqa: BLE001 - the table is missing (e.g. before its migration)
        raise UsageError(f"this database has no {spec.table} table to export ({exc})") from exc
    return {d[0] for d in cursor.description or ()}


def table_page(db: Database, spec: TableSpec, columns: Sequence[str], after: int, chunk: int,
               since: str | None = None, until: str | None = None,
               min_confidence: float | None = None) -> list[dict[str, Any]]:
    """Up to ``chunk`` rows of ``columns`` with id above ``after``, in id order; ``since``/``until``
    (inclusive ISO days) bound the table's date expression; scored tables drop rows read with less
    than ``min_confidence``."""
    where, params = ["t.id > ?"], []
    if since:
        where.append(f"substr({spec.date}, 1, 10) >= ?")
        params.append(since)
    if until:
        where.append(f"substr({spec.date}, 1, 10) <= ?")
        params.append(until)
    weak, weak_params = spec.confidence_clauses(min_confidence)
    where += weak
    params += weak_params
    selected = ", ".join(f"t.{c}" for c in columns)
    return db.query(f"SELECT {selected} FROM {spec.source} WHERE {' AND '.join(where)} ORDER BY t.id LIMIT ?",
                    [after, *params, chunk])


def party_rows(db: Database, commitment_ids: Sequence[int]) -> list[dict[str, Any]]:
    """(commitment_id, party) of these commitments, by commitment, party and membership row."""
    return query_by_ids(db, "SELECT commitment_id, party FROM commitment_parties WHERE commitment_id IN (?*)"
                            " ORDER BY commitment_id, party, id", commitment_ids)


# One article's report of an event: what a GDELT row needs from it (its offsets, the article's
# hash, address, dates and where its lead ends).
_REPORT_COLUMNS = ("e.article_id, e.start_char, e.end_char, e.source AS e_source, e.target AS e_target,"
                   " e.cameo_code AS e_code, a.content_hash, a.url, a.published, a.ingested_at,"
                   " p.end_char AS lead_end")
_REPORT_JOINS = ("JOIN articles a ON a.id = e.article_id"
                 " LEFT JOIN paragraphs p ON p.article_id = e.article_id AND p.idx = 0")


def event_page(db: Database, after: int, chunk: int, min_confidence: float | None = None) -> list[dict[str, Any]]:
    """Up to ``chunk`` events with id above ``after`` (none read with less than ``min_confidence``),
    in id order, each with its report columns."""
    weak, weak_params = confidence_clauses("e", min_confidence)
    return db.query(
        "SELECT e.id, e.date, e.source, e.target, e.cameo_code, e.root_code, e.quad_class, e.goldstein,"
        f" {_REPORT_COLUMNS} FROM events e {_REPORT_JOINS} WHERE {' AND '.join(['e.id > ?', *weak])}"
        " ORDER BY e.id LIMIT ?", (after, *weak_params, chunk))


def merged_event_page(db: Database, after: int, chunk: int) -> list[dict[str, Any]]:
    """Up to ``chunk`` merged events with id above ``after`` that still have a member, in id order."""
    # merged rows whose reports were all deleted since the last merge have nothing to cite
    return db.query(
        "SELECT me.* FROM merged_events me WHERE me.id > ? AND EXISTS"
        " (SELECT 1 FROM merged_event_members m WHERE m.merged_id = me.id) ORDER BY me.id LIMIT ?",
        (after, chunk))


def merged_event_reports(db: Database, merged_ids: Sequence[int],
                         min_confidence: float | None = None) -> list[dict[str, Any]]:
    """The report columns of every member event of these merged events, with ``merged_id``; members
    read with less than ``min_confidence`` are left out (a merged event with none left is not cited)."""
    weak, weak_params = confidence_clauses("e", min_confidence)
    return query_by_ids(db, f"SELECT m.merged_id, {_REPORT_COLUMNS} FROM merged_event_members m"
                            f" JOIN events e ON e.id = m.event_id {_REPORT_JOINS}"
                            f" WHERE {' AND '.join(['m.merged_id IN (?*)', *weak])}", merged_ids, weak_params)
