"""The commitment lexicon (``data/lexicon/commitment_terms.tsv``) and matching it over a spaCy Doc.

Terms are matched token by token against either the lower-cased form or the lemma, so
"signed", "signing" and "signs" all reach "sign" and "Mutual Defence Agreement" reaches
"mutual defence agreement". Where terms overlap, the longest wins.
"""

from __future__ import annotations

import functools

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from pactwatch.data import read_table

TABLE = "lexicon/commitment_terms.tsv"
TYPES = ("agreement", "obligation", "lifecycle", "membership", "reference", "provision")
EVENTS = ("proposed", "announced", "signed", "ratified", "entered_into_force", "joined",
          "suspended", "withdrew", "expired")
# The README's "most specific obligation" order, used to pick an agreement's kind.
KIND_ORDER = ("mutual_defense", "nonaggression", "neutrality", "consultation", "military_cooperation",
              "strategic_partnership", "economic", "other")


def term_words(term: str) -> tuple[str, ...]:
    """Split a term the way spaCy's English tokenizer splits text ("other's" -> other, 's)."""
    return tuple(re.findall(r"'s|\w+|[^\w\s]", term.lower()))


@dataclass(frozen=True)
class Term:
    type: str
    value: str
    words: tuple[str, ...]


@dataclass(frozen=True)
class Match:
    term: Term
    start: int  # token index in the Doc
    end: int  # exclusive

    @property
    def value(self) -> str:
        return self.term.value


@dataclass(frozen=True)
class CommitmentLexicon:
    terms: tuple[Term, ...]

    @classmethod
    def load(cls, rows: Iterable[dict[str, str]] | None = None) -> CommitmentLexicon:
        rows = read_table(TABLE) if rows is None else rows
        terms = []
        for row in rows:
            if row["type"] not in TYPES:
                raise ValueError(f"{TABLE}: unknown type {row['type']!r}")
            if row["type"] == "lifecycle" and row["value"] not in EVENTS:
                raise ValueError(f"{TABLE}: unknown lifecycle event {row['value']!r}")
            terms.append(Term(row["type"], row["value"], term_words(row["term"])))
        return cls(tuple(terms))

    def by_first_word(self, kind: str) -> dict[str, list[Term]]:
        return self._indexes.get(kind, {})

    @functools.cached_property
    def _indexes(self) -> dict[str, dict[str, list[Term]]]:
        """Terms of each type by first word, longest first (built once: match runs per sentence)."""
        indexes: dict[str, dict[str, list[Term]]] = {}
        for term in self.terms:
            indexes.setdefault(term.type, {}).setdefault(term.words[0], []).append(term)
        for index in indexes.values():
            for terms in index.values():
                terms.sort(key=lambda t: -len(t.words))
        return indexes

    def match(self, tokens: Sequence[Any], kind: str) -> list[Match]:
        """Non-overlapping matches of one term type over a token sequence (a Doc or Span)."""
        index = self.by_first_word(kind)
        offset = tokens[0].i if len(tokens) else 0
        forms = [(t.lower_, t.lemma_.lower()) for t in tokens]
        found: list[Match] = []
        i = 0
        while i < len(forms):
            best = None
            for first in set(forms[i]):
                for term in index.get(first, ()):
                    n = len(term.words)
                    if i + n <= len(forms) and all(w in forms[i + k] for k, w in enumerate(term.words)):
                        if best is None or n > len(best.words):
                            best = term
                        break
            if best is not None:
                found.append(Match(best, offset + i, offset + i + len(best.words)))
                i += len(best.words)
            else:
                i += 1
        return found
