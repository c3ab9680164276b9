"""Commitments as stored: one record with its parties (validity intervals) and lifecycle events."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

ORIGINS = ("article", "baseline", "atop")
# Steps after which a commitment binds its parties (see pacts.merge for the rule).
BINDING_EVENTS = ("signed", "ratified", "entered_into_force", "joined")
ENDING_EVENTS = ("withdrew", "expired")
LIFECYCLE_ORDER = ("proposed", "announced", "signed", "ratified", "entered_into_force", "joined", "suspended",
                   "withdrew", "expired")


@dataclass
class PartyRecord:
    party: str
    joined: date | None = None
    left_on: date | None = None
    suspended_from: date | None = None
    defense: bool = False
    offense: bool = False
    neutral: bool = False
    nonagg: bool = False
    consul: bool = False
    note: str | None = None


@dataclass
class EventRecord:
    lifecycle_event: str
    date: date | None
    source: str
    party: str | None = None
    report_id: int | None = None
    article_id: int | None = None
    sentence: str | None = None
    start_char: int | None = None
    end_char: int | None = None
    reference: str | None = None


@dataclass
class CommitmentRecord:
    key: str
    origin: str
    kinds: tuple[str, ...]
    name: str | None = None
    organisation: str | None = None
    signed: date | None = None
    in_force: date | None = None
    ended: date | None = None
    conditions: str | None = None
    reference: str | None = None
    parties: list[PartyRecord] = field(default_factory=list)
    events: list[EventRecord] = field(default_factory=list)

    @property
    def defense(self) -> bool:
        return "mutual_defense" in self.kinds or any(p.defense for p in self.parties)


def flags_for(kinds: tuple[str, ...]) -> dict[str, bool]:
    """ATOP-style obligation flags implied by our kinds (for baseline and article commitments)."""
    return {
        "defense": "mutual_defense" in kinds,
        "offense": False,
        "neutral": "neutrality" in kinds,
        "nonagg": "nonaggression" in kinds,
        "consul": "consultation" in kinds,
    }
