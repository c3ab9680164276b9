"""Moved: the records live in ``pactwatch.records``; this name is kept for code written before."""

from pactwatch.records import Annotation, CommitmentReport, Event, Mention, Quote

__all__ = ["Annotation", "CommitmentReport", "Event", "Mention", "Quote"]
