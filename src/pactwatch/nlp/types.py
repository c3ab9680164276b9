"""The records the understanding steps produce.

Offsets (``start``/``end``) are character offsets into ``Article.body`` — the exact text
stored in ``articles.body`` — so every fact can be shown in the sentence it came from.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date


@dataclass(frozen=True)
class Mention:
    """One span of text that refers to an actor."""

    start: int
    end: int
    text: str
    code: str  # CAMEO-style: "RUS", "RUSGOV", "PRKMIL", "NATO", "UNO"
    kind: str  # country | capital | organisation | person | role | pronoun | description
    resolved_by: str  # table | title | metonymy | dictionary | coreference
    name: str | None = None  # canonical person name when the mention is a person ("Vladimir Putin")


@dataclass(frozen=True)
class Quote:
    """A direct quotation with its speaker (repeats within one article are merged)."""

    text: str
    start: int  # offsets of the quoted text, inside the quotation marks
    end: int
    speaker: str | None
    speaker_actor: str | None
    cue: str | None  # lemma of the cue verb ("say", "stress"), or "according to"
    speaker_start: int | None = None
    speaker_end: int | None = None
    mentions: int = 1  # how many times this quotation occurs in the article


@dataclass(frozen=True)
class Event:
    """A CAMEO-coded political event, with its evidence."""

    source: str
    target: str
    cameo_code: str
    root_code: str
    quad_class: int
    goldstein: float
    date: date | None
    sentence: str
    start: int  # sentence offsets
    end: int
    matched: str  # what in the lexicon matched, e.g. "verb:sign" or "petrarch:SIGN"


@dataclass(frozen=True)
class CommitmentReport:
    """One statement in one article about a commitment between states."""

    parties: tuple[str, ...]  # sorted codes: ISO3 or organisation codes
    kinds: tuple[str, ...]  # mutual_defense, nonaggression, neutrality, consultation, ...
    lifecycle_event: str  # proposed|announced|signed|ratified|entered_into_force|joined|suspended|withdrew|expired
    date: date | None
    sentence: str
    start: int
    end: int
    conditions: str | None = None
    name: str | None = None


@dataclass
class Annotation:
    """Everything the understanding steps found in one article."""

    mentions: list[Mention] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    commitments: list[CommitmentReport] = field(default_factory=list)
    skipped: str | None = None  # why the article was not annotated (e.g. "language: de")
