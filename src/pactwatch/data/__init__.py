"""Versioned data tables shipped with pactwatch, and the one reader that loads them.

Every table is a UTF-8 TSV file with a header row. Lines starting with ``#`` are comments
(used for provenance notes); empty cells read as ``""``. Tables are data, not code: edit
the files, not this module.
"""

from __future__ import annotations

import csv
import functools
from collections.abc import Iterator
from importlib import resources
from pathlib import Path

DATA_DIR = Path(str(resources.files(__package__)))


def table_path(name: str) -> Path:
    """Path of a shipped table, e.g. ``table_path("actors/countries.tsv")``."""
    path = DATA_DIR / name
    if not path.is_file():
        raise FileNotFoundError(f"pactwatch data table not found: {name}")
    return path


def iter_tsv(path: Path) -> Iterator[dict[str, str]]:
    """Rows of any TSV file with a header, skipping comment and blank lines."""
    with open(path, encoding="utf-8", newline="") as handle:
        lines = (line for line in handle if line.strip() and not line.startswith("#"))
        reader = csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE)
        for row in reader:
            yield {key: (value or "").strip() for key, value in row.items() if key is not None}


@functools.cache
def read_table(name: str) -> tuple[dict[str, str], ...]:
    """All rows of a shipped table (cached: tables are read-only at run time)."""
    return tuple(iter_tsv(table_path(name)))
