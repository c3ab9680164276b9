"""Step 1 of actor resolution: find every table phrase in a Doc, then keep the longest ones.

The scan is a dictionary lookup per (token, length) pair, bounded by the longest phrase that
starts with the token, so its cost is linear in the article length and independent of table size.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from spacy.tokens import Doc

from pactwatch.nlp.actor_tables import ActorTables, Entry, normalise

# Order in which the meanings of one phrase are tried (first = most specific).
KIND_ORDER = (
    "discard", "leader", "title", "body", "role", "seat", "capital", "org", "country",
    "demonym", "org_demonym", "dict_actor", "dict_agent",
)
_RANK = {kind: i for i, kind in enumerate(KIND_ORDER)}


@dataclass(frozen=True)
class Hit:
    """A phrase found at tokens ``start:end`` with the meanings that survived the case checks."""

    start: int
    end: int
    entries: tuple[Entry, ...]

    def first(self, *kinds: str) -> Entry | None:
        for entry in self.entries:
            if entry.kind in kinds:
                return entry
        return None

    @property
    def kinds(self) -> frozenset[str]:
        return frozenset(entry.kind for entry in self.entries)


def _case_ok(entry: Entry, texts: list[str]) -> bool:
    if entry.exact is not None:
        return tuple(t.replace("’", "'") for t in texts) == entry.exact
    if entry.proper:
        first = texts[0]
        if first.lower() == "the" and len(texts) > 1:
            first = texts[1]
        return not first[:1].islower()
    if entry.kind == "dict_actor":
        return any(t[:1].isupper() for t in texts)
    return True


def scan(doc: Doc, tables: ActorTables, on: date | None) -> list[Hit]:
    """All phrase matches (overlapping), each with the entries valid for its text and date."""
    norms = [normalise(token.text) for token in doc]
    texts = [token.text for token in doc]
    hits: list[Hit] = []
    phrases, max_len = tables.phrases, tables.max_len
    for i, first in enumerate(norms):
        longest = max_len.get(first)
        if not longest:
            continue
        for length in range(min(longest, len(norms) - i), 0, -1):
            entries = phrases.get(tuple(norms[i : i + length]))
            if not entries:
                continue
            span_texts = texts[i : i + length]
            kept = tuple(
                sorted(
                    (e for e in entries
                     if _case_ok(e, span_texts) and (e.start is None and e.end is None or e.valid_on(on))),
                    key=lambda e: (not e.builtin, _RANK[e.kind]),
                )
            )
            if kept:
                hits.append(Hit(i, i + length, kept))
    return hits


def select(hits: list[Hit]) -> list[Hit]:
    """Longest matches first, then leftmost; no two selected hits share a token."""
    taken: set[int] = set()
    chosen = []
    for hit in sorted(hits, key=lambda h: (h.start - h.end, h.start)):
        if taken.isdisjoint(range(hit.start, hit.end)):
            chosen.append(hit)
            taken.update(range(hit.start, hit.end))
    return sorted(chosen, key=lambda h: h.start)
