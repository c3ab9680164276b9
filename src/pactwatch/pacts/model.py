"""Moved: the records live in ``pactwatch.records``; this name is kept for code written before."""

from pactwatch.records import (
    BINDING_EVENTS,
    ENDING_EVENTS,
    LIFECYCLE_ORDER,
    ORIGINS,
    CommitmentRecord,
    EventRecord,
    ObligationRecord,
    PartyRecord,
    flags_for,
)

__all__ = ["BINDING_EVENTS", "ENDING_EVENTS", "LIFECYCLE_ORDER", "ORIGINS", "CommitmentRecord", "EventRecord",
           "ObligationRecord", "PartyRecord", "flags_for"]
