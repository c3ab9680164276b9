"""One way to print listings: ``--format table|json|jsonl|csv`` on every listing command."""

from __future__ import annotations

import csv
import functools
import io
import json
import shutil
import sys
from collections.abc import Callable, Sequence
from datetime import date, datetime
from typing import Any

import click

FORMATS = ("table", "json", "jsonl", "csv")


def output_options(func: Callable[..., Any]) -> Callable[..., Any]:
    """Add ``--format`` (and ``--limit`` is left to each command) to a listing command."""

    @click.option(
        "--format", "fmt", type=click.Choice(FORMATS), default="table", show_default=True,
        help="Output format: a human table, or json/jsonl/csv for machines.",
    )
    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        return func(*args, **kwargs)

    return wrapper


def _jsonable(value: Any) -> Any:
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    if isinstance(value, (set, frozenset, tuple)):
        return list(value)
    return value


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, (list, tuple, set, frozenset)):
        return ", ".join(_cell(v) for v in value)
    if isinstance(value, dict):
        return json.dumps(value, ensure_ascii=False, default=_jsonable)
    if isinstance(value, float):
        return f"{value:g}"
    return str(_jsonable(value))


def render(rows: Sequence[dict[str, Any]], fmt: str, columns: Sequence[str] | None = None,
           widths: dict[str, int] | None = None) -> str:
    """Rows as text in the chosen format (``columns`` limits and orders table/csv columns)."""
    rows = list(rows)
    if fmt == "json":
        return json.dumps(rows, ensure_ascii=False, indent=2, default=_jsonable) + "\n"
    if fmt == "jsonl":
        return "".join(json.dumps(r, ensure_ascii=False, default=_jsonable) + "\n" for r in rows)
    cols = list(columns or (rows[0].keys() if rows else []))
    if fmt == "csv":
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\n")
        writer.writerow(cols)
        for row in rows:
            writer.writerow([_cell(row.get(c)) for c in cols])
        return buffer.getvalue()
    return _table(rows, cols, widths or {})


def _table(rows: list[dict[str, Any]], cols: list[str], widths: dict[str, int]) -> str:
    if not rows:
        return "(no rows)\n"
    total = shutil.get_terminal_size((160, 24)).columns
    cells = [[_cell(r.get(c)).replace("\n", " ") for c in cols] for r in rows]
    size = [max(len(c), *(len(line[i]) for line in cells)) for i, c in enumerate(cols)]
    for i, c in enumerate(cols):
        size[i] = min(size[i], widths.get(c, 60))
    # shrink the widest column until the table fits the terminal
    while sum(size) + 2 * (len(size) - 1) > total and max(size) > 12:
        size[size.index(max(size))] -= 1

    def fit(text: str, width: int) -> str:
        return text if len(text) <= width else text[: max(width - 1, 0)] + "…"

    lines = ["  ".join(fit(c, size[i]).ljust(size[i]) for i, c in enumerate(cols)).rstrip()]
    lines.append("  ".join("-" * w for w in size))
    for line in cells:
        lines.append("  ".join(fit(v, size[i]).ljust(size[i]) for i, v in enumerate(line)).rstrip())
    return "\n".join(lines) + "\n"


def emit(rows: Sequence[dict[str, Any]], fmt: str, columns: Sequence[str] | None = None,
         widths: dict[str, int] | None = None) -> None:
    sys.stdout.write(render(rows, fmt, columns, widths))
