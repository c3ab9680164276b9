"""Stored tables as CSV, JSON, JSONL or Parquet, read a chunk at a time.

Rows are read a page at a time in id order (``pactwatch.store.exports``, which also names the
exportable tables), so an export never holds a whole table in memory. Values keep their types:
integers, floats, strings; JSON list columns (authors, parties, kinds) become real lists in
JSON/JSONL/Parquet and stay JSON text in CSV. Dates are ISO 8601 text in CSV/JSON and typed in
Parquet: ``date`` columns as date32, ``datetime`` columns as timestamps (UTC where the source gave
a zone, else as printed). What every column holds is in ``data/export/table_columns.tsv``
(``pactwatch export TABLE --columns``).

``since``/``until`` (inclusive ISO dates) filter on each table's date column (see ``TableSpec.date``);
rows without a date are left out when a range is given.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterator, Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, TextIO

from pactwatch.errors import UsageError
from pactwatch.store import exports
from pactwatch.store.database import Database
from pactwatch.store.exports import TABLES, TableSpec

CHUNK = 10_000  # rows per query, and per Parquet row group
TEXT_FORMATS = ("csv", "json", "jsonl")
# parties of each commitment live in commitment_parties; exported as a list column
_COMMITMENT_PARTIES = ("parties", "list")


def column_docs(name: str) -> list[dict[str, str]]:
    """The documentation rows (column, type, description) of one exported table, in order."""
    from pactwatch.data import read_table

    _spec(name)
    return [{"column": r["column"], "type": r["type"], "description": r["description"]}
            for r in read_table("export/table_columns.tsv") if r["table"] == name]


def columns_of(db: Database, name: str) -> tuple[tuple[str, str], ...]:
    """The typed columns exported for a table: the spec's columns this database has, in order."""
    spec = _spec(name)
    present = exports.present_columns(db, spec)
    columns = tuple(c for c in spec.columns if c[0] in present)
    if name == "commitments":
        columns += (_COMMITMENT_PARTIES,)
    return columns


def _spec(name: str) -> TableSpec:
    if name not in TABLES:
        raise UsageError(f"unknown table {name!r}; choose one of {', '.join(TABLES)}")
    return TABLES[name]


def _typed(value: Any, kind: str) -> Any:
    if value is None:
        return None
    if kind == "int":
        return int(value)
    if kind == "float":
        return float(value)
    if kind == "list":
        items = json.loads(value) if isinstance(value, str) else value
        return [str(v) for v in items]
    if kind == "bool":
        return bool(value)
    return str(value)  # dates stay ISO text here; Parquet types them (_parquet_value)


def iter_chunks(db: Database, name: str, since: str | None = None, until: str | None = None,
                chunk: int = CHUNK, min_confidence: float | None = None) -> Iterator[list[dict[str, Any]]]:
    """Typed rows of one table, in id order, ``chunk`` rows at a time; events, merged events,
    quotes and commitment reports read with less than ``min_confidence`` are left out."""
    spec = _spec(name)
    columns = columns_of(db, name)
    stored = columns[:-1] if name == "commitments" else columns  # parties come from another table
    last = 0
    while True:
        rows = exports.table_page(db, spec, [c for c, _ in stored], last, chunk, since, until, min_confidence)
        if not rows:
            return
        last = int(rows[-1]["id"])
        if name == "commitments":
            _add_parties(db, rows)
        yield [{c: _typed(row.get(c), kind) for c, kind in columns} for row in rows]


def _add_parties(db: Database, rows: list[dict[str, Any]]) -> None:
    parties: dict[int, list[str]] = {}
    for r in exports.party_rows(db, [int(r["id"]) for r in rows]):
        members = parties.setdefault(int(r["commitment_id"]), [])
        if r["party"] not in members:  # one party can have several membership intervals
            members.append(r["party"])
    for row in rows:
        row["parties"] = parties.get(int(row["id"]), [])


def _csv_cell(value: Any) -> Any:
    if value is None:
        return ""
    if isinstance(value, list):
        return json.dumps(value, ensure_ascii=False)
    return value


def write_text(db: Database, name: str, fmt: str, out: TextIO, since: str | None = None,
               until: str | None = None, chunk: int = CHUNK, min_confidence: float | None = None) -> int:
    """Write a table as CSV (with header), a JSON array or JSON lines; return the row count."""
    if fmt not in TEXT_FORMATS:
        raise UsageError(f"unknown text format {fmt!r}; choose one of {', '.join(TEXT_FORMATS)}")
    names = [c for c, _ in columns_of(db, name)]
    count = 0
    writer = csv.writer(out, lineterminator="\n") if fmt == "csv" else None
    if writer is not None:
        writer.writerow(names)
    elif fmt == "json":
        out.write("[")
    for rows in iter_chunks(db, name, since, until, chunk, min_confidence):
        for row in rows:
            if writer is not None:
                writer.writerow([_csv_cell(row[c]) for c in names])
            elif fmt == "jsonl":
                out.write(json.dumps(row, ensure_ascii=False) + "\n")
            else:
                out.write(("\n" if count == 0 else ",\n") + json.dumps(row, ensure_ascii=False))
            count += 1
    if fmt == "json":
        out.write("\n]\n" if count else "]\n")
    return count


def parquet_schema(columns: Sequence[tuple[str, str]]) -> Any:
    import pyarrow as pa

    types = {"int": pa.int64(), "float": pa.float64(), "str": pa.string(), "list": pa.list_(pa.string()),
             "bool": pa.bool_(), "date": pa.date32(), "datetime": pa.timestamp("ms")}
    return pa.schema([pa.field(c, types[kind]) for c, kind in columns])


def _parquet_value(value: Any, kind: str) -> Any:
    """ISO text as a date or a naive timestamp (zoned values converted to UTC); None stays None,
    and so does text that is not a date (never a made-up one)."""
    if value is None or kind not in ("date", "datetime"):
        return value
    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        return None
    if kind == "date":
        return moment.date()
    if moment.tzinfo is not None:
        moment = moment.astimezone(UTC).replace(tzinfo=None)
    return moment


def write_parquet(db: Database, name: str, path: Path, since: str | None = None,
                  until: str | None = None, chunk: int = CHUNK, min_confidence: float | None = None) -> int:
    """Write a table as Parquet, one row group per chunk; return the row count."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    columns = columns_of(db, name)
    schema = parquet_schema(columns)
    dated = [(c, kind) for c, kind in columns if kind in ("date", "datetime")]
    count = 0
    with pq.ParquetWriter(str(path), schema) as writer:
        for rows in iter_chunks(db, name, since, until, chunk, min_confidence):
            for row in rows:
                for column, kind in dated:
                    row[column] = _parquet_value(row[column], kind)
            writer.write_table(pa.Table.from_pylist(rows, schema=schema), row_group_size=chunk)
            count += len(rows)
        if count == 0:
            writer.write_table(schema.empty_table())  # a readable file with the schema, zero rows
    return count
