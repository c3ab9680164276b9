"""Scoring against gold labels (``/work/shared/formats/GOLD.md``): the matching rules, one place.

Every scorer here is a pure function over plain values (gold dicts from ``*.labels.jsonl`` and
our records from ``pactwatch.records``), so each rule can be tested on hand-made pairs.
Matching is one-to-one and maximal (a bipartite matching), so a repeated gold key is paired
with the prediction that fits it best (commitments: the closest date) and counted once.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from functools import lru_cache
from pathlib import Path
from typing import Any, TypeVar

from pactwatch.data import read_table
from pactwatch.names import fold, same_speaker
from pactwatch.records import CommitmentReport, Event, Quote

G = TypeVar("G")
P = TypeVar("P")

TEXT_OVERLAP = 0.8  # share of the gold's first words the prediction must share
TEXT_START_WORDS = 8
GOLD_KINDS = ("mutual_defense", "nonaggression", "neutrality", "consultation", "strategic_partnership",
              "military_cooperation", "accession", "withdrawal", "suspension", "other")
MEMBERSHIP_KINDS = ("accession", "withdrawal", "suspension")


@dataclass(frozen=True)
class PRF:
    tp: int
    predicted: int
    gold: int

    @property
    def precision(self) -> float:
        return self.tp / self.predicted if self.predicted else (1.0 if not self.gold else 0.0)

    @property
    def recall(self) -> float:
        return self.tp / self.gold if self.gold else (1.0 if not self.predicted else 0.0)

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def __add__(self, other: PRF) -> PRF:
        return PRF(self.tp + other.tp, self.predicted + other.predicted, self.gold + other.gold)

    def as_dict(self) -> dict[str, float | int]:
        return {"tp": self.tp, "predicted": self.predicted, "gold": self.gold,
                "precision": round(self.precision, 4), "recall": round(self.recall, 4),
                "f1": round(self.f1, 4)}


def load_gold(path: Path) -> list[dict[str, Any]]:
    """The records of a ``*.labels.jsonl`` file (blank lines skipped)."""
    records = []
    with open(path, encoding="utf-8") as handle:
        for number, line in enumerate(handle, 1):
            if line.strip():
                record = json.loads(line)
                if "file" not in record:
                    raise ValueError(f"{path}:{number}: a gold record needs 'file'")
                records.append(record)
    return records


def one_to_one(golds: Sequence[G], preds: Sequence[P], weight: Callable[[G, P], float | None]
               ) -> list[tuple[int, int]]:
    """A maximum one-to-one matching (most pairs, then most weight); ``weight`` None = no match."""
    import networkx as nx

    graph = nx.Graph()
    for gi, g in enumerate(golds):
        for pi, p in enumerate(preds):
            w = weight(g, p)
            if w is not None:
                graph.add_edge(("g", gi), ("p", pi), weight=1.0 + w)
    pairs = []
    for a, b in nx.max_weight_matching(graph, maxcardinality=True):
        gnode, pnode = (a, b) if a[0] == "g" else (b, a)
        pairs.append((gnode[1], pnode[1]))
    return sorted(pairs)


# -- quotes ---------------------------------------------------------------------------------
def words(text: str) -> list[str]:
    """Lower-cased, accent-folded word tokens (punctuation dropped)."""
    return re.findall(r"[^\W_]+(?:['-][^\W_]+)*", fold(text))


def speaker_matches(predicted: str | None, gold: str | None) -> bool:
    """The same person or body (GOLD.md): see ``pactwatch.names.same_speaker``."""
    return same_speaker(predicted, gold)


def legacy_speaker_matches(predicted: str | None, gold: str | None) -> bool:
    """The rule before GOLD.md named people and bodies (kept for the suite's "old" column):
    case-insensitive; a surname alone matches the full name; hyphens and spaces inside names and
    middle initials are not significant; a given-name spelling variant with the same surname
    matches. No titles, transliterations of surnames, body synonyms or anonymity words."""
    if not predicted or not gold:
        return False
    p = [w for w in words(predicted) if len(w) > 1]
    g = [w for w in words(gold) if len(w) > 1]
    if not p or not g:
        return False
    if "".join(p).replace("-", "") == "".join(g).replace("-", ""):
        return True
    short, full = (p, g) if len(p) <= len(g) else (g, p)
    if len(short) == 1:
        return len(full) > 1 and short[0] in (full[-1], full[0])
    if len(p) == len(g) == 2 and p[-1] == g[-1]:
        from rapidfuzz.fuzz import ratio

        return ratio(p[0], g[0]) >= 80
    return False


def text_overlap(predicted_text: str, gold_text_start: str) -> float:
    """Share of the gold's first words found among the prediction's first words."""
    g = words(gold_text_start)[:TEXT_START_WORDS]
    if not g:
        return 0.0
    p = words(predicted_text)[: len(g)]
    return sum((Counter(g) & Counter(p)).values()) / len(g)


def quote_text_matches(predicted: Quote, gold: dict[str, Any]) -> bool:
    return text_overlap(predicted.text, gold.get("text_start") or "") >= TEXT_OVERLAP


def score_quotes(gold: Sequence[dict[str, Any]], predicted: Sequence[Quote],
                 same: Callable[[str | None, str | None], bool] = speaker_matches) -> dict[str, Any]:
    """GOLD quotes: speaker + first words. Also text-only matching and speaker accuracy on it.
    ``same`` is the speaker rule (the suite also scores the legacy one, for comparison)."""
    full = one_to_one(gold, predicted, lambda g, p: text_overlap(p.text, g.get("text_start") or "")
                      if quote_text_matches(p, g) and same(p.speaker, g.get("speaker")) else None)
    spans = one_to_one(gold, predicted, lambda g, p: text_overlap(p.text, g.get("text_start") or "")
                       if quote_text_matches(p, g) else None)
    right_speaker = sum(1 for gi, pi in spans if same(predicted[pi].speaker, gold[gi].get("speaker")))
    matched_g = {gi for gi, _ in full}
    matched_p = {pi for _, pi in full}
    return {
        "prf": PRF(len(full), len(predicted), len(gold)),
        "span_prf": PRF(len(spans), len(predicted), len(gold)),
        "speaker_pairs": len(spans),
        "speaker_correct": right_speaker,
        "matched": [{"gold": gold[gi], "predicted": quote_row(predicted[pi])} for gi, pi in full],
        "missed": [gold[i] for i in range(len(gold)) if i not in matched_g],
        "spurious": [quote_row(predicted[i]) for i in range(len(predicted)) if i not in matched_p],
    }


def quote_row(q: Quote) -> dict[str, Any]:
    return {"speaker": q.speaker, "speaker_actor": q.speaker_actor, "cue": q.cue,
            "text": q.text, "start": q.start, "end": q.end, "mentions": q.mentions}


# -- events ---------------------------------------------------------------------------------
EVIDENCE_COVERAGE = 0.5  # share of the gold evidence's words the predicted sentence must hold


def evidence_coverage(sentence: str, evidence: str) -> float:
    """Share of the evidence's words (with repeats) found in the predicted sentence."""
    wanted = Counter(words(evidence))
    if not wanted:
        return 0.0
    return sum((wanted & Counter(words(sentence))).values()) / sum(wanted.values())


def in_evidence(predicted: Event, gold: dict[str, Any]) -> bool:
    """The predicted event's sentence is the gold evidence's sentence, or covers at least half of
    its words (GOLD.md); a gold event without evidence cannot be placed and matches nowhere."""
    return evidence_coverage(predicted.sentence, gold.get("evidence") or "") >= EVIDENCE_COVERAGE


def event_matches(predicted: Event, gold: dict[str, Any], full_code: bool = False,
                  sentence: bool = True) -> bool:
    """First three letters of source and target, the root, and (``sentence``) the evidence;
    optionally the full code too (only where gold gives one). ``sentence=False`` is the
    article-level figure kept for comparison."""
    if (predicted.source or "")[:3].upper() != (gold.get("source") or "")[:3].upper():
        return False
    if (predicted.target or "")[:3].upper() != (gold.get("target") or "")[:3].upper():
        return False
    if str(predicted.root_code).zfill(2) != str(gold.get("cameo_root") or "").zfill(2):
        return False
    if full_code and gold.get("cameo_code") and str(predicted.cameo_code) != str(gold["cameo_code"]):
        return False
    return not sentence or in_evidence(predicted, gold)


def event_row(e: Event) -> dict[str, Any]:
    return {"source": e.source, "target": e.target, "cameo_code": e.cameo_code, "root_code": e.root_code,
            "sentence": e.sentence, "start": e.start, "end": e.end, "matched": e.matched}


def score_events(gold: Sequence[dict[str, Any]], predicted: Sequence[Event]) -> dict[str, Any]:
    """Recall (gold events are not exhaustive): sentence-level root and full-code figures, and
    the article-level root and full-code figures of the earlier scorer beside them. Among equal
    matchings the pairs whose sentence covers more of the evidence win."""
    def weight(full_code: bool, sentence: bool):
        return lambda g, p: (evidence_coverage(p.sentence, g.get("evidence") or "")
                             if event_matches(p, g, full_code, sentence) else None)

    root = one_to_one(gold, predicted, weight(False, True))
    code = one_to_one(gold, predicted, weight(True, True))
    article_root = one_to_one(gold, predicted, weight(False, False))
    article_code = one_to_one(gold, predicted, weight(True, False))
    hit_g = {gi for gi, _ in root}
    hit_p = {pi for _, pi in root}
    return {
        "root": PRF(len(root), len(predicted), len(gold)),
        "code": PRF(len(code), len(predicted), len(gold)),
        "article_root": PRF(len(article_root), len(predicted), len(gold)),
        "article_code": PRF(len(article_code), len(predicted), len(gold)),
        "missed": [gold[i] for i in range(len(gold)) if i not in hit_g],
        "unmatched_predicted": [event_row(predicted[i]) for i in range(len(predicted)) if i not in hit_p],
    }


# -- commitments ----------------------------------------------------------------------------
@lru_cache(maxsize=1)
def _country_codes() -> frozenset[str]:
    return frozenset(row["code"] for row in read_table("actors/countries.tsv"))


def is_organisation(code: str) -> bool:
    """Party codes that are not ISO3 country codes are organisations (NATO, CSTO, EU, ECOWAS)."""
    return code.upper() not in _country_codes()


def gold_kinds(report: CommitmentReport) -> tuple[str, ...]:
    """Our report's kinds in GOLD's vocabulary — one scored prediction per kind returned.

    GOLD records membership changes and exits as their own kinds rather than by the pact's
    content: a report about one state and one organisation that joined, ratified or proposed
    (applied) is an ``accession``, one that ``withdrew`` a ``withdrawal``, one ``suspended`` a ``suspension``;
    ending or suspending a bilateral accord is likewise ``withdrawal``/``suspension`` (whatever
    obligations the accord had). Kinds the report already gives in GOLD's vocabulary are kept;
    any other kind of ours becomes ``other``.

    The one exception: a suspended *accession* stays ``accession``. GOLD's kind names the
    agreement and its event the step, so suspending accession talks (news-dev 025: "will suspend
    accession talks with the EU") is kind accession, event suspended, while suspending a
    membership or a treaty already in force (012: "suspension of Armenia's membership") is kind
    suspension. The extractor marks the former by giving the report the kind ``accession``.
    """
    event = report.lifecycle_event
    if event in ("withdrew", "expired"):
        return ("withdrawal",)
    if event == "suspended":
        return ("accession",) if "accession" in report.kinds else ("suspension",)
    given = tuple(dict.fromkeys(k if k in GOLD_KINDS else "other" for k in report.kinds)) or ("other",)
    membership = [k for k in given if k in MEMBERSHIP_KINDS]
    if membership:
        return tuple(membership)
    if any(is_organisation(p) for p in report.parties) and len(report.parties) == 2 and \
            event in ("joined", "ratified", "proposed"):
        return ("accession",)
    return given


def gold_event(report: CommitmentReport) -> str:
    """Our lifecycle event in GOLD's vocabulary ("expired" is scored as a withdrawal)."""
    return "withdrew" if report.lifecycle_event == "expired" else report.lifecycle_event


def expand_commitments(reports: Sequence[CommitmentReport]) -> list[dict[str, Any]]:
    """One scored prediction per (report, gold kind), de-duplicated on (parties, kind, event, date)."""
    seen: dict[tuple[Any, ...], dict[str, Any]] = {}
    for r in reports:
        for kind in gold_kinds(r):
            row: dict[str, Any] = {
                   "parties": sorted(p.upper() for p in r.parties), "kind": kind, "event": gold_event(r),
                   "date": r.date.isoformat() if r.date else None, "sentence": r.sentence,
                   "start": r.start, "end": r.end}
            seen.setdefault((tuple(row["parties"]), kind, row["event"], row["date"]), row)
    return list(seen.values())


def _as_date(value: Any) -> date | None:
    if value in (None, ""):
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    return date.fromisoformat(str(value)[:10])


def date_within_a_day(gold_date: Any, predicted_date: Any) -> bool:
    g, p = _as_date(gold_date), _as_date(predicted_date)
    return g is not None and p is not None and abs((g - p).days) <= 1


def commitment_weight(gold: dict[str, Any], predicted: dict[str, Any], with_date: bool = False) -> float | None:
    """None when they do not match (parties, kind and event: GOLD.md's identity); otherwise a
    preference, so that a repeated gold key pairs by date: the same day > one day off > both
    undated > a dated prediction for undated gold > a wrong or missing date for dated gold.
    ``with_date`` is the earlier scorer's rule (a date more than a day off is no match), kept
    for comparison."""
    if sorted(p.upper() for p in gold.get("parties") or []) != sorted(predicted["parties"]):
        return None
    if gold.get("kind") != predicted["kind"] or gold.get("event") != predicted["event"]:
        return None
    g, p = _as_date(gold.get("date")), _as_date(predicted.get("date"))
    if g is None:
        return 0.25 if p is None else 0.1
    if p is None:
        return 0.0
    gap = abs((g - p).days)
    if gap > 1:
        return None if with_date else 0.0
    return 0.5 if gap == 0 else 0.3


def score_commitments(gold: Sequence[dict[str, Any]], reports: Sequence[CommitmentReport]) -> dict[str, Any]:
    """Identity P/R/F1 (parties, kind, event), date accuracy over matched pairs whose gold has a
    date (within one day; undated = wrong), and the earlier date-in-identity figure."""
    predicted = expand_commitments(reports)
    pairs = one_to_one(gold, predicted, commitment_weight)
    legacy = one_to_one(gold, predicted, lambda g, p: commitment_weight(g, p, with_date=True))
    dated = [(gi, pi) for gi, pi in pairs if _as_date(gold[gi].get("date")) is not None]
    hit_g, hit_p = {g for g, _ in pairs}, {p for _, p in pairs}
    return {
        "prf": PRF(len(pairs), len(predicted), len(gold)),
        "legacy_prf": PRF(len(legacy), len(predicted), len(gold)),
        "dated_pairs": len(dated),
        "dates_right": sum(date_within_a_day(gold[gi].get("date"), predicted[pi].get("date")) for gi, pi in dated),
        "missed": [gold[i] for i in range(len(gold)) if i not in hit_g],
        "spurious": [predicted[i] for i in range(len(predicted)) if i not in hit_p],
    }


# -- metadata -------------------------------------------------------------------------------
def _ws(text: str | None) -> str:
    return " ".join((text or "").split())


def published_matches(gold: str | None, predicted: datetime | date | None) -> bool:
    """Compared at the precision gold gives: a date, or a date-time to the minute."""
    if gold is None or predicted is None:
        return gold is None and predicted is None
    if "T" not in gold:
        return _as_date(predicted) == date.fromisoformat(gold[:10])
    if not isinstance(predicted, datetime):
        return False
    want = datetime.fromisoformat(gold)
    return predicted.replace(tzinfo=None).isoformat()[:16] == want.replace(tzinfo=None).isoformat()[:16]


def score_metadata(gold: dict[str, Any], title: str | None, publisher: str | None,
                   published: datetime | date | None) -> dict[str, bool]:
    """Per-field agreement for the fields gold gives; ``all`` = every given field agrees."""
    fields: dict[str, bool] = {}
    if "title" in gold:
        fields["title"] = _ws(gold["title"]) == _ws(title) if gold["title"] is not None else title is None
    if "publisher" in gold:
        fields["publisher"] = (_ws(gold["publisher"]).lower() == _ws(publisher).lower()
                               if gold["publisher"] is not None else publisher is None)
    if "published" in gold:
        fields["published"] = published_matches(gold["published"], published)
    fields["all"] = all(fields.values())
    return fields
