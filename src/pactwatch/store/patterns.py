"""LIKE patterns built from user text, LIKE's own wildcards escaped (used with ``ESCAPE '\\'``)."""

from __future__ import annotations


def _escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def like_prefix(code: str) -> str:
    """Codes starting with ``code`` ("RUS" finds RUSGOV), compared in upper case."""
    return _escape(code.upper()) + "%"


def like_contains(text: str) -> str:
    """Text containing ``text``, for comparison against ``LOWER(column)``."""
    return f"%{_escape(text.lower())}%"
