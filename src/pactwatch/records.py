"""The records every part of pactwatch passes around, in one module.

Readers produce ``Article``; the understanding steps produce ``Mention``, ``Quote``, ``Event``
and ``CommitmentReport`` (gathered in ``Annotation``); the commitment graph is made of
``CommitmentRecord`` with its ``PartyRecord``, ``EventRecord`` and ``ObligationRecord`` rows. The store writes and reads
these records and imports nothing from ``nlp`` or ``pacts``, which is why they live here.

Offsets (``start``/``end``) are character offsets into ``Article.body`` — the exact text
stored in ``articles.body`` — so every fact can be shown in the sentence it came from.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import TypedDict

# -- articles --------------------------------------------------------------------------------------

PARAGRAPH_SEPARATOR = "\n\n"


@dataclass
class Article:
    """One cleaned news article.

    ``body`` (the paragraphs joined by a blank line) is the text every later step reads; all
    offsets stored downstream point into it. ``lead`` and ``related_headlines`` are kept apart:
    a lead repeats the story and related headlines are other stories, so neither is analysed.
    """

    title: str | None
    paragraphs: list[str]
    origin: str  # file path, "path#record-N" inside a WARC/JSONL, or "<stdin>"
    lead: str | None = None
    publisher: str | None = None
    section: str | None = None
    url: str | None = None
    published: datetime | None = None
    modified: datetime | None = None
    language: str | None = None
    authors: list[str] = field(default_factory=list)
    related_headlines: list[str] = field(default_factory=list)
    # counts of exact-duplicate paragraphs, aligned with ``paragraphs`` (1 = seen once)
    paragraph_counts: list[int] = field(default_factory=list)
    # when a crawler fetched the page (WARC-Date); not a publication date, kept apart
    crawled: datetime | None = None
    # the text is a feed item's summary, not the article (the feed carried no full text)
    summary_only: bool = False
    # what reading changed to keep the article within the limits (ingest.limits), shown and stored
    notes: list[str] = field(default_factory=list)

    @property
    def body(self) -> str:
        return PARAGRAPH_SEPARATOR.join(self.paragraphs)

    def paragraph_spans(self) -> list[tuple[int, int]]:
        """(start, end) offsets of each paragraph inside ``body``."""
        spans, pos = [], 0
        for text in self.paragraphs:
            spans.append((pos, pos + len(text)))
            pos += len(text) + len(PARAGRAPH_SEPARATOR)
        return spans

    @property
    def content_hash(self) -> str:
        """Identity of the article: its title and body text, whatever file it came from."""
        digest = hashlib.sha256()
        digest.update((self.title or "").encode("utf-8"))
        digest.update(b"\x00")
        digest.update(self.body.encode("utf-8"))
        return digest.hexdigest()


# -- what the understanding steps find -------------------------------------------------------------

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
    construction: str = ""  # what attributed it: a construction of data/grammar/quotes.jsonl or a fallback
    clause: str = ""  # the cue's clause status ("fact", "negated" ...)
    confidence: float | None = None  # 0-1, see pactwatch.nlp.confidence; None: not scored
    confidence_from: str = ""  # what the figure came from ("quote.cue_verb 0.95 = 0.95")


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
    construction: str = ""  # the grammar construction that produced it (data/grammar/events.jsonl)
    clause: str = ""  # the clause status it was read under ("fact", "planned", ...)
    confidence: float | None = None  # 0-1, see pactwatch.nlp.confidence; None: not scored
    confidence_from: str = ""  # what the figure came from ("event.verb_sense 0.72 x ... = 0.40")
    # the article's other statements of this act, merged into this event (pactwatch.nlp.event_identity)
    mentions: tuple[EventMention, ...] = ()


@dataclass(frozen=True)
class EventMention:
    """Another statement, in the same article, of an event's act: the reverse copy of a joint act,
    the act restated in a later sentence, the meeting held during the visit coded, another pair of one
    multilateral signing. Kept whole, as GDELT keeps an event's mentions, with the reading it gave."""

    sentence: str
    start: int  # sentence offsets, as Event's
    end: int
    source: str
    target: str
    cameo_code: str
    date: date | None
    matched: str
    construction: str = ""
    clause: str = ""
    confidence: float | None = None
    confidence_from: str = ""
    merged_as: str = ""  # the rule that made it this act's (data/grammar/same_act.tsv): "reverse copy", ...


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
    construction: str = ""  # the construction of data/grammar/commitments.jsonl that read the step
    clause: str = ""  # the step's clause status ("fact", "planned" ...)
    confidence: float | None = None  # 0-1, see pactwatch.nlp.confidence; None: not scored
    confidence_from: str = ""  # what the figure came from


@dataclass
class Annotation:
    """Everything the understanding steps found in one article."""

    mentions: list[Mention] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    commitments: list[CommitmentReport] = field(default_factory=list)
    skipped: str | None = None  # why the article was not annotated (e.g. "language: de")


# What listings and exports show unless asked otherwise (--min-confidence / min_confidence): the
# lowest confidence a careful analyst accepts. Chosen on news-dev's reviews (docs/confidence.md):
# at 0.5 reviewed event precision rises and no gold-matched event is hidden.
DEFAULT_MIN_CONFIDENCE = 0.5


# -- commitments as stored -------------------------------------------------------------------------

ORIGINS = ("article", "baseline", "atop")
# Steps after which a commitment binds its parties (see pacts.merge for the rule).
BINDING_EVENTS = ("signed", "ratified", "entered_into_force", "joined")
ENDING_EVENTS = ("withdrew", "expired")
# What an obligation binds its owner to do (obligations.tsv, column condition).
DEFENCE_CONDITIONS = ("any_armed_attack", "attack_by_named_state")
CONDITIONS = (*DEFENCE_CONDITIONS, "consultation_only", "non_aggression", "neutrality")
STATUSES = ("proposed", "signed", "in_force", "suspended", "ended")
EVERY_PARTY = "*"
# Scope conditions that hold wherever the defended party's own metropolitan territory is struck,
# whatever the regions table lists (pacts.scope._holds on a state as a place).
HOME_CONDITIONS = frozenset({"territory", "metropolitan", "administered", "named_location"})
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
class ObligationRecord:
    """Who owes what to whom under a commitment: ``owed_by`` / ``owed_to`` are party codes or
    ``*`` (every party); scope alternatives are lists of conditions that must all hold."""

    owed_by: tuple[str, ...]
    owed_to: tuple[str, ...]
    condition: str
    scope: tuple[tuple[str, ...], ...] = (("territory",),)
    adversaries: tuple[str, ...] = ()
    article: str | None = None
    text: str | None = None
    reference: str | None = None

    def binds(self, owner: str, protected: str) -> bool:
        return owner != protected and (EVERY_PARTY in self.owed_by or owner in self.owed_by) \
            and (EVERY_PARTY in self.owed_to or protected in self.owed_to)

    @property
    def defence(self) -> bool:
        return self.condition in DEFENCE_CONDITIONS

    @property
    def covers_home(self) -> bool:
        """One scope alternative holds on the defended party's own territory, wherever it lies."""
        return any(all(c in HOME_CONDITIONS for c in alternative) for alternative in self.scope)


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
    obligations: list[ObligationRecord] = field(default_factory=list)
    checked: date | None = None
    merged_into: str | None = None  # key of the commitment this one was resolved to (same treaty)

    @property
    def defense(self) -> bool:
        return any(o.defence for o in self.obligations)


def obligations_for(kinds: tuple[str, ...], text: str | None = None,
                    reference: str | None = None) -> list[ObligationRecord]:
    """The obligations our kinds imply when no treaty text says more (article commitments)."""
    every = (EVERY_PARTY,)
    by_kind = {"mutual_defense": "any_armed_attack", "consultation": "consultation_only",
               "nonaggression": "non_aggression", "neutrality": "neutrality"}
    return [ObligationRecord(every, every, condition, text=text, reference=reference)
            for kind, condition in by_kind.items() if kind in kinds]


class ObligationFlags(TypedDict):
    """ATOP's five obligation flags, as keyword arguments of PartyRecord."""
    defense: bool
    offense: bool
    neutral: bool
    nonagg: bool
    consul: bool


def flags_for(kinds: tuple[str, ...]) -> ObligationFlags:
    """ATOP-style obligation flags implied by our kinds (for baseline and article commitments)."""
    return {
        "defense": "mutual_defense" in kinds,
        "offense": False,
        "neutral": "neutrality" in kinds,
        "nonagg": "nonaggression" in kinds,
        "consul": "consultation" in kinds,
    }
