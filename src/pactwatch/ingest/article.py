"""Moved: the records live in ``pactwatch.records``; this name is kept for code written before."""

from pactwatch.records import PARAGRAPH_SEPARATOR, Article

__all__ = ["PARAGRAPH_SEPARATOR", "Article"]
