"""How far each fact can be trusted: the construction's prior times the factors of its readings.

Every event, quote and commitment report gets ``confidence`` (0-1) and ``confidence_from``, the
product written out ("event.verb_sense 0.72 x no target 0.25 = 0.18") so that ``show --explain``
can say where the figure came from. The priors and factors are data
(``data/grammar/confidence.tsv``, each row with what it was measured on); this module only names
the readings that hold for a record:

- its clause status (negated, conditional, modal, planned, interrogative: ``Event.clause`` as the
  shared clause component described it);
- how its actors were found: a missing target (``---``), an actor coded finer than the sentence
  names it, a fact read inside a quotation, a speaker that is a bare common noun, a party of a
  commitment not named in its sentence.

It runs last in the pipeline, over the finished records and mentions, so the steps stay as they are
and one rule scores what every step produced.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import TypeVar

from pactwatch.data import read_table
from pactwatch.records import Annotation, CommitmentReport, Event, Mention, Quote

TABLE = "grammar/confidence.tsv"
NO_TARGET = "---"
CLAUSE_FLAGS = ("negated", "conditional", "modal", "planned", "interrogative")
# How each reading reads in the explanation.
READING_NAMES = {
    "no_target": "no target",
    "actor_finer_than_named": "actor finer than the sentence names it",
    "in_quotation": "inside a quotation",
    "no_speaker": "no speaker",
    "common_noun_speaker": "speaker is a common noun",
    "party_not_named": "party not named in the sentence",
}
Record = TypeVar("Record", Event, Quote, CommitmentReport)


@dataclass(frozen=True)
class Model:
    priors: dict[str, dict[str, float]]  # family -> construction (or prefix*, or *) -> prior
    factors: dict[str, dict[str, float]]  # family -> reading -> factor

    def prior(self, family: str, construction: str) -> tuple[str, float]:
        """(the name the prior is listed under, the prior) of a construction."""
        table = self.priors[family]
        if construction in table:
            return construction, table[construction]
        prefixes = [name for name in table if name.endswith("*") and name != "*"
                    and construction.startswith(name[:-1])]
        if prefixes:
            longest = max(prefixes, key=len)
            return construction, table[longest]
        return construction or "no construction", table["*"]

    def score(self, family: str, construction: str, readings: Iterable[str]) -> tuple[float, str]:
        """(confidence, how it was computed) for a record of ``family`` read so."""
        name, value = self.prior(family, construction)
        parts = [f"{name} {value:.2f}"]
        for reading in readings:
            factor = self.factors[family].get(reading)
            if factor is None:
                continue
            value *= factor
            parts.append(f"{READING_NAMES.get(reading, reading)} {factor:.2f}")
        value = round(value, 3)
        return value, " x ".join(parts) + f" = {value:.2f}"


@lru_cache(maxsize=1)
def model() -> Model:
    priors: dict[str, dict[str, float]] = {}
    factors: dict[str, dict[str, float]] = {}
    for row in read_table(TABLE):
        target = priors if row["kind"] == "prior" else factors
        if row["kind"] not in ("prior", "factor"):
            raise ValueError(f"{TABLE}: kind {row['kind']!r} is not prior or factor")
        target.setdefault(row["family"], {})[row["name"]] = float(row["value"])
    for family, table in priors.items():
        if "*" not in table:
            raise ValueError(f"{TABLE}: family {family} has no default prior (*)")
    return Model(priors, factors)


def clause_readings(clause: str) -> list[str]:
    """The flags of a stored clause status ("negated, planned") that a factor may name."""
    flags = {part.strip() for part in clause.split(",")}
    return [flag for flag in CLAUSE_FLAGS if flag in flags]


def _named_in(mentions: Sequence[Mention], start: int, end: int) -> list[Mention]:
    return [m for m in mentions if start <= m.start < end]


def event_readings(event: Event, mentions: Sequence[Mention], quotes: Sequence[Quote]) -> list[str]:
    readings = clause_readings(event.clause)
    named = _named_in(mentions, event.start, event.end)
    if event.target == NO_TARGET:
        readings.append("no_target")
    for code in (event.source, event.target):
        if code == NO_TARGET or any(m.code == code for m in named):
            continue
        if any(m.code[:3] == code[:3] and len(m.code) < len(code) for m in named):
            readings.append("actor_finer_than_named")
            break
    if any(q.start < event.end and event.start < q.end for q in quotes):
        readings.append("in_quotation")
    return readings


def quote_readings(quote: Quote) -> list[str]:
    readings = clause_readings(quote.clause)
    speaker = (quote.speaker or "").strip()
    if not speaker:
        readings.append("no_speaker")
    elif not quote.speaker_actor and not any(ch.isupper() for ch in speaker):
        readings.append("common_noun_speaker")
    return readings


def commitment_readings(report: CommitmentReport, mentions: Sequence[Mention]) -> list[str]:
    readings = clause_readings(report.clause)
    named = {m.code[:3] for m in _named_in(mentions, report.start, report.end)} | {
        m.code for m in _named_in(mentions, report.start, report.end)}
    if any(p not in named and p[:3] not in named for p in report.parties):
        readings.append("party_not_named")
    return readings


def _scored(record: Record, family: str, construction: str, readings: list[str]) -> Record:
    value, why = model().score(family, construction, readings)
    return dataclasses.replace(record, confidence=value, confidence_from=why)


def event_construction(event: Event) -> str:
    """The prior's key: the construction, or the PETRARCH path that names none."""
    if not event.construction and event.matched.startswith("petrarch:"):
        return "petrarch"
    return event.construction


def score_annotation(annotation: Annotation) -> Annotation:
    """The annotation with every event, quote and commitment report scored (in place)."""
    mentions, quotes = annotation.mentions, annotation.quotes
    annotation.events = [_scored(e, "event", event_construction(e), event_readings(e, mentions, quotes))
                         for e in annotation.events]
    annotation.quotes = [_scored(q, "quote", q.construction, quote_readings(q)) for q in quotes]
    annotation.commitments = [_scored(c, "commitment", c.construction, commitment_readings(c, mentions))
                              for c in annotation.commitments]
    return annotation
