"""One way to print listings: ``--format table|json|jsonl|csv`` (and ``--wide``) on every listing.

Rows are dicts. Every format names the codes it shows, by column name, so a command only picks
its columns: an actor code column (``source``, ``ally``, ``speaker_actor`` ...) gains a
``<column>_name`` field, a CAMEO code column a ``cameo_name``, a list of parties a
``party_names`` map (json/jsonl/csv add the fields, the table shows the name beside the code).
Tables are drawn by rich to the terminal's width; text that does not fit is cut with "…", or
wrapped with ``--wide``.
"""

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

from pactwatch.labels import (
    ACTOR_COLUMNS,
    CAMEO_COLUMNS,
    NO_ACTOR,
    PARTY_LIST_COLUMNS,
    shared_names,
    with_names,
)

FORMATS = ("table", "json", "jsonl", "csv")
# Columns that hold a day or a time: tables show the day, so every date column reads alike.
DATE_COLUMNS = ("date", "published", "modified", "since", "signed", "in_force", "ended", "first_date",
                "last_date", "joined", "on", "ingested_at")
_WIDE_KEY = "pactwatch.output.wide"


def output_options(func: Callable[..., Any]) -> Callable[..., Any]:
    """Add ``--format`` and ``--wide`` to a listing command (``--limit`` is left to each command)."""

    @click.option(
        "--format", "fmt", type=click.Choice(FORMATS), default="table", show_default=True,
        help="Output format: a human table, or json/jsonl/csv for machines.",
    )
    @click.option("--wide", is_flag=True, help="Tables: wrap long text instead of cutting it.")
    @functools.wraps(func)
    def wrapper(*args: Any, wide: bool = False, **kwargs: Any) -> Any:
        click.get_current_context().meta[_WIDE_KEY] = wide
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


def _name_columns(cols: Sequence[str], row: dict[str, Any]) -> list[str]:
    """``cols`` with each code column followed by its name column (csv)."""
    out: list[str] = []
    for col in cols:
        out.append(col)
        if col in ACTOR_COLUMNS:
            out.append(f"{col}_name")
        elif col in CAMEO_COLUMNS:
            out.append("cameo_name")
        elif col in PARTY_LIST_COLUMNS:
            out.append("party_names")
    return [c for c in out if c in row or c in cols]


def render(rows: Sequence[dict[str, Any]], fmt: str, columns: Sequence[str] | None = None,
           widths: dict[str, int] | None = None, wide: bool = False, width: int | None = None) -> str:
    """Rows as text in the chosen format (``columns`` limits and orders table/csv columns).

    ``widths`` are the widest a column may be when the terminal is too narrow for everything
    (a hint: the sentence column gives way before the codes do); ``width`` defaults to the
    terminal's (``COLUMNS`` when set)."""
    rows = [with_names(r) for r in rows]
    if fmt == "json":
        return json.dumps(rows, ensure_ascii=False, indent=2, default=_jsonable) + "\n"
    if fmt == "jsonl":
        return "".join(json.dumps(r, ensure_ascii=False, default=_jsonable) + "\n" for r in rows)
    cols = list(columns or (rows[0].keys() if rows else []))
    if fmt == "csv":
        cols = _name_columns(cols, rows[0]) if rows else cols
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\n")
        writer.writerow(cols)
        for row in rows:
            writer.writerow([_cell(row.get(c)) for c in cols])
        return buffer.getvalue()
    if columns is None:  # a table shows names beside codes, not in columns of their own
        derived = {f"{c}_name" for c in ACTOR_COLUMNS} | {"cameo_name", "party_names"}
        cols = [c for c in cols if c not in derived]
    return _table(rows, cols, widths or {}, wide, width or shutil.get_terminal_size((160, 24)).columns)


def _table_cell(row: dict[str, Any], col: str) -> str:
    value = row.get(col)
    if col in ACTOR_COLUMNS and isinstance(value, str):
        if value == NO_ACTOR:
            return ""
        name = shared_names().actor(value)  # the code says the role; the name says who
        return f"{value} {name}" if name else value
    if col in CAMEO_COLUMNS and isinstance(value, str):
        name = row.get("cameo_name")
        return f"{value} {name}" if name else value
    if col in PARTY_LIST_COLUMNS and isinstance(value, (list, tuple)):
        codes = [v.get("party") if isinstance(v, dict) else v for v in value]
        return ", ".join(f"{c} {shared_names().actor(c) or ''}".rstrip() for c in dict.fromkeys(codes))
    if col in DATE_COLUMNS and isinstance(value, str) and len(value) > 10 and value[4:5] == "-":
        return value[:10]
    return _cell(value).replace("\n", " ")


TEXT, NAMED, PLAIN, DAY = 0, 1, 2, 3  # what a column holds, for how readily it gives way
# When the terminal is too narrow, columns shrink in these steps, each down to its floor: long
# text first, then names beside codes, then text again, then the rest; a day is never cut.
SHRINK_STEPS = ((TEXT, 40), (NAMED, 18), (TEXT, 16), (PLAIN, 8), (NAMED, 12), (TEXT, 8), (PLAIN, 6))


def fit_widths(natural: list[int], kinds: list[int], total: int) -> list[int]:
    """Column widths that fit ``total`` characters (one space between columns), shrinking by
    ``SHRINK_STEPS`` (with ``--wide`` the same widths hold, and cells wrap instead of being cut)."""
    size = list(natural)
    room = total - (len(size) - 1)
    for kind, floor in SHRINK_STEPS:
        while sum(size) > room:
            candidates = [i for i, w in enumerate(size) if kinds[i] == kind and w > floor]
            if not candidates:
                break
            size[max(candidates, key=lambda i: size[i])] -= 1
    return size


def _kind(col: str, widths: dict[str, int]) -> int:
    if col in widths:
        return TEXT
    if col in ACTOR_COLUMNS or col in CAMEO_COLUMNS or col in PARTY_LIST_COLUMNS:
        return NAMED
    return DAY if col in DATE_COLUMNS else PLAIN


def _table(rows: list[dict[str, Any]], cols: list[str], widths: dict[str, int], wide: bool,
           width: int) -> str:
    if not rows:
        return "(no rows)\n"
    from rich.box import Box
    from rich.console import Console
    from rich.table import Table

    cells = [[_table_cell(r, c) for c in cols] for r in rows]
    natural = [max(len(col), *(len(line[i]) for line in cells)) for i, col in enumerate(cols)]
    # a column of lists ("kinds": mutual_defense, consultation, ...) reads like text and gives way like it
    lists = {c for c in cols if c not in PARTY_LIST_COLUMNS
             and any(isinstance(r.get(c), (list, tuple)) for r in rows)}
    kinds = [TEXT if c in lists else _kind(c, widths) for c in cols]
    size = fit_widths(natural, kinds, width)
    # one space between columns and a rule of "-" under the header, nothing else (plain ASCII:
    # tables are piped, grepped and pasted)
    rule_under_header = Box("    \n    \n -- \n    \n    \n    \n    \n    \n", ascii=True)
    table = Table(box=rule_under_header, show_edge=False, pad_edge=False, padding=0, header_style="bold")
    for col, w in zip(cols, size, strict=True):
        wraps = wide  # --wide: every column wraps within its width, nothing is cut
        table.add_column(col, width=w, no_wrap=not wraps, overflow="fold" if wraps else "ellipsis")
    for line in cells:
        table.add_row(*line)
    buffer = io.StringIO()
    console = Console(file=buffer, width=max(width, sum(size) + len(size)), color_system=None,
                      highlight=False, markup=False, emoji=False, soft_wrap=False)
    console.print(table)
    return "\n".join(line.rstrip() for line in buffer.getvalue().splitlines()) + "\n"


def emit(rows: Sequence[dict[str, Any]], fmt: str, columns: Sequence[str] | None = None,
         widths: dict[str, int] | None = None) -> None:
    ctx = click.get_current_context(silent=True)
    wide = bool(ctx and ctx.meta.get(_WIDE_KEY))
    sys.stdout.write(render(rows, fmt, columns, widths, wide))
