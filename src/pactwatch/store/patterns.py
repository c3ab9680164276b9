"""Query fragments built from user input: LIKE patterns (LIKE's own wildcards escaped, used with
``ESCAPE '\\'``) and the confidence filter every listing shares."""

from __future__ import annotations

from typing import Any


def _escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def like_prefix(code: str) -> str:
    """Codes starting with ``code`` ("RUS" finds RUSGOV), compared in upper case."""
    return _escape(code.upper()) + "%"


def like_contains(text: str) -> str:
    """Text containing ``text``, for comparison against ``LOWER(column)``."""
    return f"%{_escape(text.lower())}%"


def confidence_clauses(alias: str, min_confidence: float | None) -> tuple[list[str], list[Any]]:
    """Rows of ``alias`` (events, quotes or commitment_reports) at or above ``min_confidence``;
    rows written before migration 014 (NULL: not scored) are kept, nothing says they are weak."""
    if not min_confidence:
        return [], []
    return [f"({alias}.confidence IS NULL OR {alias}.confidence >= ?)"], [float(min_confidence)]


def member_confidence_clauses(alias: str, members: str, member_column: str, table: str,
                              min_confidence: float | None) -> tuple[list[str], list[Any]]:
    """Merged rows of ``alias`` with at least one member (``members`` links ``merged_id`` to
    ``table`` rows by ``member_column``) at or above ``min_confidence``."""
    inner, params = confidence_clauses("x", min_confidence)
    if not inner:
        return [], []
    return [f"EXISTS (SELECT 1 FROM {members} mm JOIN {table} x ON x.id = mm.{member_column}"
            f" WHERE mm.merged_id = {alias}.id AND {inner[0]})"], params
